/* test_export.c - 'sapnhap export' and the spreadsheet-formula neutralisation of CSV cells
 * (csv.h): the cell writer and its inverse, then whole exports run in-process (sn_main) on a
 * small merged database built by hand, with the exact files they must give, their schemas, the
 * round trip through 'agencies import' and 'catalog import', and the refusals.
 */
#include "testutil.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <sqlite3.h>
#include <libxml/xmlschemas.h>
#include "agcode.h"
#include "cli.h"
#include "csv.h"
#include "db.h"
#include "embedded.h"

/* ---- the cell writer ---- */

static char *cell(const char *s)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	assert_non_null(f);
	sn_csv_write_cell(f, s);
	fclose(f);
	return buf;
}

static void test_neutralise_each_formula_start(void **state)
{
	(void)state;
	static const char *const cases[][2] = {
		{ "=1+2", "'=1+2" },
		{ "+84 251 3822 503", "'+84 251 3822 503" },
		{ "-", "'-" },
		{ "- Luật Hộ tịch 2014", "'- Luật Hộ tịch 2014" },
		{ "@SUM(A1)", "'@SUM(A1)" },
		{ "\tx", "'\tx" },
		{ "\rx", "\"'\rx\"" },
		/* already apostrophes before a formula start: one more, so that import can undo it */
		{ "'=1", "''=1" },
		{ "''-", "'''-" },
		/* not formulas: unchanged */
		{ "'x", "'x" },
		{ "'", "'" },
		{ "a-b", "a-b" },
		{ "50.000 đồng", "50.000 đồng" },
		{ "", "" },
		/* quoting: the apostrophe goes inside the quotes */
		{ "=HYPERLINK(\"u\",\"t\")", "\"'=HYPERLINK(\"\"u\"\",\"\"t\"\")\"" },
		{ "-1,5", "\"'-1,5\"" },
		{ "a,b", "\"a,b\"" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *got = cell(cases[i][0]);
		assert_string_equal(got, cases[i][1]);
		free(got);
	}
	char *got = cell(NULL);
	assert_string_equal(got, "");
	free(got);
}

static void test_unneutralise_inverts(void **state)
{
	(void)state;
	static const char *const values[] = { "=1+2", "+84", "-", "@x", "\tx", "\rx", "'=1", "''-",
					      "'''@", "'x", "''x", "'", "''", "a-b", "", "x=1" };
	for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
		const char *v = values[i];
		char mark[600];
		/* the value as written, without CSV quoting */
		snprintf(mark, sizeof mark, "%s%s", sn_csv_needs_neutralising(v) ? "'" : "", v);
		assert_string_equal(sn_csv_unneutralise(mark), v);
	}
	/* what import does with cells that were never neutralised */
	assert_string_equal(sn_csv_unneutralise("'x"), "'x");
	assert_string_equal(sn_csv_unneutralise("x"), "x");
	assert_string_equal(sn_csv_unneutralise("'-5"), "-5");
	assert_string_equal(sn_csv_unneutralise("''-5"), "'-5");
}

/* ---- whole exports on a small database ---- */

struct fixture {
	char dir[64];
	char db[128];
	char path[256];
};

static int setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof *fx);
	snprintf(fx->dir, sizeof fx->dir, "/tmp/sn-test-export-XXXXXX");
	if (!mkdtemp(fx->dir))
		return -1;
	snprintf(fx->db, sizeof fx->db, "%s/w.db", fx->dir);
	*state = fx;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *fx = *state;
	char cmd[200];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", fx->dir);
	if (system(cmd) != 0)
		return -1;
	free(fx);
	return 0;
}

/* fx->dir + "/" + name */
static const char *in_dir(struct fixture *fx, const char *name)
{
	snprintf(fx->path, sizeof fx->path, "%s/%s", fx->dir, name);
	return fx->path;
}

/* Runs 'sapnhap --db DB ARGS... NULL' in-process; stdout into out, stderr into err. */
static int run(const char *db, char *out, char *err, size_t len, ...)
{
	char *argv[24] = { (char *)"sapnhap", (char *)"--db", (char *)db };
	int argc = 3;
	va_list ap;
	va_start(ap, len);
	const char *a;
	while ((a = va_arg(ap, const char *)) && argc < 23)
		argv[argc++] = (char *)a;
	va_end(ap);
	FILE *o = tmpfile(), *e = tmpfile();
	int rc = sn_main(argc, argv, o, e);
	char *bufs[2] = { out, err };
	FILE *files[2] = { o, e };
	for (int i = 0; i < 2; i++) {
		rewind(files[i]);
		size_t n = fread(bufs[i], 1, len - 1, files[i]);
		bufs[i][n] = '\0';
		fclose(files[i]);
	}
	return rc;
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	rewind(f);
	char *buf = malloc((size_t)n + 1);
	size_t got = fread(buf, 1, (size_t)n, f);
	buf[got] = '\0';
	fclose(f);
	return buf;
}

static void exec_db(const char *db, const char *sql)
{
	sqlite3 *h;
	assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
	char *msg = NULL;
	if (sqlite3_exec(h, sql, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s in %s", msg, sql);
	sqlite3_close(h);
}

/* A migrated, empty working database with the unit registry the agencies below refer to. */
static void make_db(const char *db)
{
	struct sn_ctx ctx = { .out = stdout, .err = stderr, .db_path = db };
	assert_int_equal(sn_db_open(&ctx, 0), 0);
	sn_db_close(&ctx);
	exec_db(db, "INSERT INTO unit(level, code, name, name_key, ascii_key) VALUES "
		    "('province', '75', 'Tỉnh Đồng Nai', 'dong nai', 'dong nai'), "
		    "('commune', '25195', 'Phường Bình Phước', 'binh phuoc', 'binh phuoc')");
}

static void add_code(const char *db, const char *code, const char *name, const char *kind,
		     const char *parent, const char *unit, const char *address, const char *phone,
		     const char *email)
{
	struct sn_agcode c;
	char key[64];
	sn_agcode_parse(code, &c);
	sn_agcode_sort_key(&c, code, key, sizeof key);
	char *q = sqlite3_mprintf("INSERT INTO code_table(code, sort_key, subject, name, kind, parent_code, "
				  "unit_code, address, phone, email, origin, reason) VALUES (%Q, %Q, %Q, %Q, %Q, "
				  "%Q, %Q, %Q, %Q, %Q, 'kept', 'test')", code, key, code, name, kind, parent,
				  unit, address, phone, email);
	exec_db(db, q);
	sqlite3_free(q);
}

/* The state after recode and reassign, small: three codes, two procedures (one with a fee
 * awaiting a decision), a crosswalk entry, two review items; values starting with each
 * character a spreadsheet takes for a formula. */
static void make_merged(const char *db)
{
	make_db(db);
	exec_db(db,
		"INSERT INTO event(id, name, effective, kind, source, sha256) VALUES "
		"  (1, 'reform-2025', '2025-07-01', 'conversion', 'x.csv', '0');"
		"INSERT INTO link(event_id, pos, seq, old_level, old_code, old_name, old_province_code, "
		"  new_level, new_code, new_name, new_province_code, share, note_class, note) VALUES "
		"  (1, 'x.csv:2', 1, 'commune', '25195', 'Phường Tân Phú', '70', 'commune', '25195', "
		"   'Phường Bình Phước', '75', 'whole', 'keep', '');"
		"INSERT INTO agency(province, code, code_status, sort_key, l1, name, name_key, kind, status, pos) "
		"  VALUES ('70', '000.00.00.H10', 'ok', 'H10', 'H10', 'Ủy ban nhân dân tỉnh Bình Phước', 'x', "
		"  'province-committee', 'active', 'a.csv:2');"
		"INSERT INTO crosswalk VALUES ('000.00.00.H10', '70', 'merged', '000.00.00.H19', "
		"  'province 70 merged into 75');"
		"INSERT INTO merged_procedure VALUES "
		"  ('1.000001', '1.000001.000.00.00.H19', '=Tên thủ tục', 'G01', 'Lĩnh vực', 'province,commune', "
		"   0.5, 'day', '-', 'full', 1, '- Luật A', '70,75', 0), "
		"  ('1.000002', '1.000002.000.00.00.H19', 'Thủ tục, hai', NULL, NULL, 'commune', 15, "
		"   'working-day', NULL, 'none', 0, '@x', '70,75', 1);"
		"INSERT INTO binding(catalog, national_code, agency_code, online, rule, from_binding) VALUES "
		"  ('75', '1.000001', '000.01.60.H19', 0, 'test', NULL), "
		"  ('75', '1.000001', '000.00.02.H19', 1, 'test', NULL), "
		"  ('75', '1.000002', '000.01.60.H19', 0, 'test', NULL);"
		"INSERT INTO review(step, subject, reason, detail, status, field) VALUES "
		"  ('recode', '000.302.36.H10', 'nonconforming code', NULL, 'open', NULL), "
		"  ('reassign', '1.000002', 'conflict: the catalogs differ on fee', '70: 1 | 75: 2', 'resolved', 'fee');"
		"INSERT INTO province_fact VALUES ('75', 'Tỉnh Đồng Nai', '2025-07-01', '75', 'H19', 'K19', 'test');"
		"INSERT INTO province_fact_old VALUES ('70', '75', 'Tỉnh Bình Phước', 'H10', 'K10', 0, 1), "
		"  ('75', '75', 'Tỉnh Đồng Nai', 'H19', 'K19', 1, 1);");
	add_code(db, "000.01.60.H19", "Ủy ban nhân dân phường Bình Phước", "commune-committee", "000.00.00.H19",
		 "25195", NULL, NULL, "@ubnd");
	add_code(db, "000.00.02.H19", "Sở Nội vụ", "department", "000.00.00.H19", "75", "=1+2", NULL, NULL);
	add_code(db, "000.00.00.H19", "Ủy ban nhân dân tỉnh Đồng Nai", "province-committee", NULL, "75", NULL,
		 "+84 251 3822 503", NULL);
}

static const char *CATALOG_CSV =
	"national_code,local_code,name,field_code,field_name,levels,time_limit,time_unit,fee,online_level,"
	"portal,legal_basis,agencies\n"
	"1.000001,1.000001.000.00.00.H19,'=Tên thủ tục,G01,Lĩnh vực,province;commune,0.5,day,'-,full,yes,"
	"'- Luật A,000.00.02.H19:online; 000.01.60.H19\n"
	"1.000002,1.000002.000.00.00.H19,\"Thủ tục, hai\",,,commune,15,working-day,'+10%,none,no,'@x,"
	"000.01.60.H19\n";

static const char *AGENCIES_CSV =
	"code,name,kind,parent_code,unit_code,address,phone,email,status\n"
	"000.00.00.H19,Ủy ban nhân dân tỉnh Đồng Nai,province-committee,,75,,'+84 251 3822 503,,active\n"
	"000.00.02.H19,Sở Nội vụ,department,000.00.00.H19,75,'=1+2,,,active\n"
	"000.01.60.H19,Ủy ban nhân dân phường Bình Phước,commune-committee,000.00.00.H19,25195,,,'@ubnd,active\n";

static const char *REVIEW_CSV =
	"id,step,status,subject,field,reason,detail\n"
	"1,recode,open,000.302.36.H10,,nonconforming code,\n"
	"2,reassign,resolved,1.000002,fee,conflict: the catalogs differ on fee,70: 1 | 75: 2\n";

static void assert_file(struct fixture *fx, const char *name, const char *expected)
{
	char *got = slurp(in_dir(fx, name));
	assert_non_null(got);
	assert_string_equal(got, expected);
	free(got);
}

static void test_undecided_fields_written_empty(void **state)
{
	struct fixture *fx = *state;
	char out[4096], err[4096];
	make_merged(fx->db);
	char dir[128];
	snprintf(dir, sizeof dir, "%s/out", fx->dir);
	assert_int_equal(run(fx->db, out, err, sizeof out, "export", "--format", "csv", "--out", dir, NULL),
			 SN_FINDINGS);
	assert_non_null(strstr(err, "warning: 1 procedure(s) have 1 field(s) awaiting a decision"));
	assert_non_null(strstr(err, "sapnhap queue --step reassign"));
	/* everything was written all the same, the undecided fee empty */
	char *cat = slurp(in_dir(fx, "out/catalog.csv"));
	assert_non_null(cat);
	assert_non_null(strstr(cat, "\n1.000002,1.000002.000.00.00.H19,\"Thủ tục, hai\",,,commune,15,working-day,,none,no,"));
	free(cat);
	for (int i = 0; i < 3; i++) {
		static const char *const rest[] = { "out/agencies.csv", "out/crosswalk.csv", "out/review.csv" };
		struct stat st;
		assert_int_equal(stat(in_dir(fx, rest[i]), &st), 0);
	}
}

static void test_csv_files_and_round_trip(void **state)
{
	struct fixture *fx = *state;
	char out[4096], err[4096], dir[128], back[128], db2[128];
	make_merged(fx->db);
	exec_db(fx->db, "UPDATE merged_procedure SET fee = '+10%', conflicts = 0 WHERE national_code = '1.000002'");
	snprintf(dir, sizeof dir, "%s/csv/", fx->dir);  /* a trailing slash is fine */
	assert_int_equal(run(fx->db, out, err, sizeof out, "export", "--format", "csv", "--out", dir, NULL), SN_OK);
	assert_string_equal(err, "");
	char expected[1024];
	snprintf(expected, sizeof expected,
		 "wrote %scatalog.csv: procedures=2 bindings=3\n"
		 "wrote %sagencies.csv: agencies=3\n"
		 "wrote %scrosswalk.csv: codes=1\n"
		 "wrote %sreview.csv: items=2 open=1\n", dir, dir, dir, dir);
	assert_string_equal(out, expected);
	assert_file(fx, "csv/catalog.csv", CATALOG_CSV);
	assert_file(fx, "csv/agencies.csv", AGENCIES_CSV);
	assert_file(fx, "csv/review.csv", REVIEW_CSV);
	assert_file(fx, "csv/crosswalk.csv", "old_code,province,outcome,new_code,successors,reason\n"
		    "000.00.00.H10,70,merged,000.00.00.H19,,province 70 merged into 75\n");

	/* Into a fresh database as province 75 and out again: the same bytes, and the values
	 * imported without the apostrophes. */
	snprintf(db2, sizeof db2, "%s/rt.db", fx->dir);
	make_db(db2);
	char ag[128], cat[128];
	snprintf(ag, sizeof ag, "%s/csv/agencies.csv", fx->dir);
	snprintf(cat, sizeof cat, "%s/csv/catalog.csv", fx->dir);
	assert_int_equal(run(db2, out, err, sizeof out, "agencies", "import", ag, "--province", "75", NULL), SN_OK);
	assert_int_equal(run(db2, out, err, sizeof out, "catalog", "import", cat, "--province", "75", NULL), SN_OK);
	snprintf(back, sizeof back, "%s/back", fx->dir);
	assert_int_equal(run(db2, out, err, sizeof out, "export", "--format", "csv", "--province", "75", "--out",
			     back, NULL), SN_OK);
	assert_file(fx, "back/catalog.csv", CATALOG_CSV);
	assert_file(fx, "back/agencies.csv", AGENCIES_CSV);
	struct stat st;
	assert_int_not_equal(stat(in_dir(fx, "back/crosswalk.csv"), &st), 0);

	sqlite3 *h;
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_open(db2, &h), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(h, "SELECT (SELECT group_concat(v, '|') FROM (SELECT name || '/' || "
					      "COALESCE(fee, '') || '/' || COALESCE(legal_basis, '') AS v FROM procedure "
					      "ORDER BY national_code)), (SELECT group_concat(v, '|') FROM (SELECT "
					      "COALESCE(address, '') || COALESCE(phone, '') || COALESCE(email, '') AS v "
					      "FROM agency ORDER BY code))", -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(s, 0), "=Tên thủ tục/-/- Luật A|Thủ tục, hai/+10%/@x");
	assert_string_equal((const char *)sqlite3_column_text(s, 1), "+84 251 3822 503|=1+2|@ubnd");
	sqlite3_finalize(s);
	sqlite3_close(h);
}

static void validate(struct fixture *fx, const char *xsd, const char *name)
{
	xmlSchemaParserCtxtPtr pc = xmlSchemaNewMemParserCtxt(xsd, (int)strlen(xsd));
	xmlSchemaPtr schema = xmlSchemaParse(pc);
	assert_non_null(schema);
	xmlSchemaValidCtxtPtr vc = xmlSchemaNewValidCtxt(schema);
	int r = xmlSchemaValidateFile(vc, in_dir(fx, name), 0);
	if (r != 0)
		fail_msg("%s is not valid against its schema", name);
	xmlSchemaFreeValidCtxt(vc);
	xmlSchemaFree(schema);
	xmlSchemaFreeParserCtxt(pc);
}

static void test_xml_valid_and_round_trip(void **state)
{
	struct fixture *fx = *state;
	char out[4096], err[4096], dir[128], back[128], db2[128];
	make_merged(fx->db);
	exec_db(fx->db, "UPDATE merged_procedure SET fee = '+10%', conflicts = 0 WHERE national_code = '1.000002'");
	snprintf(dir, sizeof dir, "%s/xml", fx->dir);
	assert_int_equal(run(fx->db, out, err, sizeof out, "export", "--format", "xml", "--out", dir, NULL), SN_OK);
	validate(fx, sn_xsd_catalog, "xml/catalog.xml");
	validate(fx, sn_xsd_agencies, "xml/agencies.xml");
	validate(fx, sn_xsd_crosswalk, "xml/crosswalk.xml");
	validate(fx, sn_xsd_review, "xml/review.xml");
	char *cat = slurp(in_dir(fx, "xml/catalog.xml"));
	assert_non_null(strstr(cat, "<catalog xmlns=\"urn:sapnhap:catalog:1\" province=\"75\">\n"
				    "  <procedure national-code=\"1.000001\" local-code=\"1.000001.000.00.00.H19\">\n"
				    "    <name>=Tên thủ tục</name>\n"
				    "    <field code=\"G01\">Lĩnh vực</field>\n"
				    "    <level>province</level>\n"
				    "    <level>commune</level>\n"
				    "    <time-limit unit=\"day\">0.5</time-limit>\n"
				    "    <fee>-</fee>\n"
				    "    <online-level>full</online-level>\n"
				    "    <portal>true</portal>\n"
				    "    <legal-basis>- Luật A</legal-basis>\n"
				    "    <binding agency=\"000.00.02.H19\" receives-online=\"true\"/>\n"
				    "    <binding agency=\"000.01.60.H19\"/>\n"
				    "  </procedure>\n"));
	char *rev = slurp(in_dir(fx, "xml/review.xml"));
	assert_non_null(strstr(rev, "  <item id=\"2\" step=\"reassign\" status=\"resolved\">\n"
				    "    <subject>1.000002</subject>\n"
				    "    <field>fee</field>\n"
				    "    <reason>conflict: the catalogs differ on fee</reason>\n"
				    "    <detail>70: 1 | 75: 2</detail>\n"
				    "  </item>\n</review>\n"));
	free(rev);

	snprintf(db2, sizeof db2, "%s/rt.db", fx->dir);
	make_db(db2);
	char ag[128], catp[128];
	snprintf(ag, sizeof ag, "%s/xml/agencies.xml", fx->dir);
	snprintf(catp, sizeof catp, "%s/xml/catalog.xml", fx->dir);
	assert_int_equal(run(db2, out, err, sizeof out, "agencies", "import", ag, "--province", "75", NULL), SN_OK);
	assert_int_equal(run(db2, out, err, sizeof out, "catalog", "import", catp, "--province", "75", NULL), SN_OK);
	snprintf(back, sizeof back, "%s/back", fx->dir);
	assert_int_equal(run(db2, out, err, sizeof out, "export", "--format", "xml", "--province", "75", "--out",
			     back, NULL), SN_OK);
	char *cat2 = slurp(in_dir(fx, "back/catalog.xml"));
	assert_string_equal(cat2, cat);
	free(cat2);
	free(cat);
	char *a1 = slurp(in_dir(fx, "xml/agencies.xml")), *a2 = slurp(in_dir(fx, "back/agencies.xml"));
	assert_string_equal(a1, a2);
	free(a1);
	free(a2);
}

/* catalog.xsd needs a time limit's unit; a catalog imported without one still exports to CSV,
 * and to XML without the time limit, with a warning and exit 1. */
static void test_time_limit_without_unit(void **state)
{
	struct fixture *fx = *state;
	char out[4096], err[4096], dir[128];
	make_merged(fx->db);
	exec_db(fx->db, "UPDATE merged_procedure SET fee = '+10%', conflicts = 0, time_unit = NULL "
			"WHERE national_code = '1.000002'");
	snprintf(dir, sizeof dir, "%s/x", fx->dir);
	assert_int_equal(run(fx->db, out, err, sizeof out, "export", "--format", "xml", "--out", dir, NULL),
			 SN_FINDINGS);
	assert_non_null(strstr(err, "warning: 1 procedure(s) have a time limit without its unit, left out of"));
	validate(fx, sn_xsd_catalog, "x/catalog.xml");
	char *cat = slurp(in_dir(fx, "x/catalog.xml"));
	assert_non_null(strstr(cat, "<level>commune</level>\n    <fee>+10%</fee>"));
	free(cat);
	snprintf(dir, sizeof dir, "%s/c", fx->dir);
	assert_int_equal(run(fx->db, out, err, sizeof out, "export", "--format", "csv", "--out", dir, NULL), SN_OK);
	cat = slurp(in_dir(fx, "c/catalog.csv"));
	assert_non_null(strstr(cat, ",commune,15,,'+10%,"));
	free(cat);
}

static void test_refused_before_reassign(void **state)
{
	struct fixture *fx = *state;
	char out[4096], err[4096], dir[128];
	make_db(fx->db);
	snprintf(dir, sizeof dir, "%s/none", fx->dir);
	assert_int_equal(run(fx->db, out, err, sizeof out, "export", "--format", "csv", "--out", dir, NULL), SN_DATA);
	assert_non_null(strstr(err, "no merged catalog yet: run 'sapnhap reassign' first"));
	struct stat st;
	assert_int_not_equal(stat(dir, &st), 0);
	assert_string_equal(out, "");
}

/* A directory where review.csv should go: nothing renamed into place, no temporary file left. */
static void test_nothing_replaced_on_failure(void **state)
{
	struct fixture *fx = *state;
	char out[4096], err[4096], dir[128];
	make_merged(fx->db);
	snprintf(dir, sizeof dir, "%s/blocked", fx->dir);
	assert_int_equal(mkdir(dir, 0777), 0);
	assert_int_equal(mkdir(in_dir(fx, "blocked/review.csv"), 0777), 0);
	assert_int_equal(run(fx->db, out, err, sizeof out, "export", "--format", "csv", "--out", dir, NULL), SN_IO);
	assert_non_null(strstr(err, "blocked/review.csv': Is a directory"));
	char cmd[256];
	snprintf(cmd, sizeof cmd, "test \"$(ls -A '%s')\" = review.csv", dir);
	assert_int_equal(system(cmd), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_neutralise_each_formula_start),
		cmocka_unit_test(test_unneutralise_inverts),
		cmocka_unit_test_setup_teardown(test_undecided_fields_written_empty, setup, teardown),
		cmocka_unit_test_setup_teardown(test_csv_files_and_round_trip, setup, teardown),
		cmocka_unit_test_setup_teardown(test_xml_valid_and_round_trip, setup, teardown),
		cmocka_unit_test_setup_teardown(test_time_limit_without_unit, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refused_before_reassign, setup, teardown),
		cmocka_unit_test_setup_teardown(test_nothing_replaced_on_failure, setup, teardown),
	};
	int r = cmocka_run_group_tests(tests, NULL, NULL);
	xmlCleanupParser();
	return r;
}
