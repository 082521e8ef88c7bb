/* test_validate.c - the phone and e-mail checkers (tools/contact.c), and every rule of
 * 'sapnhap validate' on the samples' merged province built in-process: made clean with
 * tests/cli/data/validate-clean.sql, then one defect planted per rule on a copy. Runs from the
 * repository root. */
#include "testutil.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sqlite3.h>
#include "cli.h"
#include "contact.h"

#define N_ELEMS(a) (sizeof(a) / sizeof((a)[0]))

/* --- phone numbers ----------------------------------------------------------------------------- */

static void test_phone_valid(void **state)
{
	static const char *ok[] = {
		"0251 3822 503",               /* Đồng Nai landline, as the registries write it */
		"0271 3879 774",               /* Bình Phước */
		"0251.3822.503", "0251-3822-503", "02513822503", "(0251) 3822 503",
		"024 3825 3536", "(024) 3825 3536", "028 3829 5555",  /* the two 2-digit area codes */
		"0203 3835 466", "0299 3822 111", "0218 3852 222",    /* first, last, an unchanged one */
		"0912 345 678", "0912.345.678", "091 234 56 78", "0979520146",
		"0326 123 456", "0386 123 456", "0523 123 456", "0559 123 456", "0587 123 456",
		"0592 123 456", "0708 123 456", "0765 123 456", "0789 123 456", "0812 345 678",
		"0868 123 456", "0877 123 456", "0888 123 456", "0898 123 456", "0901 234 567",
		"0921 234 567", "0934 567 890", "0941 234 567", "0961 234 567", "0993 123 456",
		"+84 912 345 678", "+84912345678", "(+84) 251 3822 503", "84 912 345 678",
		"84 251 3822 503", "0084 28 3829 5555",
		"1800 1091", "1800 599 920", "1900 561 563", "1900 1234",
		"0251 3822 503; 0912 345 678", "0251 3822 503, 0251 3822 504", "0251 3822 503;",
		" 0912 345 678 ", "0912\xc2\xa0" "345\xc2\xa0" "678",          /* no-break spaces */
		"0912\xe2\x80\x93" "345\xe2\x80\x93" "678",                    /* en dashes */
		"", "   ", NULL,  /* empty: the missing-contact rule's business */
	};
	char why[300];
	(void)state;
	for (size_t i = 0; i < N_ELEMS(ok); i++) {
		if (sn_phone_check(ok[i], why, sizeof why) != 0)
			fail_msg("'%s' should be valid: %s", ok[i] ? ok[i] : "(null)", why);
		assert_string_equal(why, "");
	}
}

static void test_phone_invalid(void **state)
{
	static const struct {
		const char *in, *why;
	} bad[] = {
		{ "0613 822 503", "'0613 822 503': prefix 06 is neither a mobile network nor a 2017 area "
				  "code (an area code from before 2017?)" },
		{ "0651 3879 774", "'0651 3879 774': prefix 06 is neither a mobile network nor a 2017 area "
				   "code (an area code from before 2017?)" },
		{ "0413 822 503", "'0413 822 503': prefix 04 is neither a mobile network nor a 2017 area "
				  "code (an area code from before 2017?)" },
		{ "01683 123 456", "'01683 123 456': an 11-digit mobile number from before the 2018 renumbering" },
		{ "0168 312 345", "'0168 312 345': prefix 01 is not in use since the 2018 renumbering" },
		{ "0271 3879 77", "'0271 3879 77': a landline number has 11 digits, found 10" },
		{ "0271 3879 7744", "'0271 3879 7744': a landline number has 11 digits, found 12" },
		{ "0217 3879 771", "'0217 3879 771': area code 0217 is not one of the 2017 area codes" },
		{ "0253 3822 503", "'0253 3822 503': area code 0253 is not one of the 2017 area codes" },
		{ "0312 345 678", "'0312 345 678': prefix 031 belongs to no mobile network" },
		{ "0951 234 567", "'0951 234 567': prefix 095 belongs to no mobile network" },
		{ "0912 345 6789", "'0912 345 6789': a mobile number has 10 digits, found 11" },
		{ "0912 345 67", "'0912 345 67': a mobile number has 10 digits, found 9" },
		{ "3822 503", "'3822 503': no area code (a landline number is 0, the area code, then the "
			      "subscriber number: 0251 3822 503)" },
		{ "912 345 678", "'912 345 678': a number begins with 0, +84, 1800 or 1900" },
		{ "+84 0912 345 678", "'+84 0912 345 678': the trunk 0 must be left out after +84" },
		{ "+1 202 555 0100", "'+1 202 555 0100': not a Vietnamese number (+84)" },
		{ "+84 1800 1091", "'+84 1800 1091': a 1800/1900 hotline has no international form" },
		{ "1900 56156", "'1900 56156': a 1900 hotline has 8 or 10 digits, found 9" },
		{ "1800 10911", "'1800 10911': a 1800 hotline has 8 or 10 digits, found 9" },
		{ "0912 + 345 678", "'0912 + 345 678': '+' may only begin a number" },
		{ "(0251 3822 503", "'(0251 3822 503': unbalanced parentheses" },
		{ "0251) 3822 503", "'0251) 3822 503': unbalanced parentheses" },
		{ "0251 3822 503 - 0251 3822 504", "'0251 3822 503 - 0251 3822 504': 22 digits (several "
						   "numbers? separate them with ';')" },
		{ "0251 3822 503 / 0912 345 678", "'0251 3822 503 / 0912 345 678': character '/' is not "
						  "allowed (separate numbers with ';')" },
		{ "0251 3822 503 máy lẻ 12", "'0251 3822 503 máy lẻ 12': character 'm' is not allowed" },
		{ "0251 3822 5O3", "'0251 3822 5O3': character 'O' is not allowed" },
		{ "0251 3822 503, 3822 504", "'3822 504': no area code (a landline number is 0, the area "
					     "code, then the subscriber number: 0251 3822 503)" },
		{ "0912 345 678; 0912 345", "'0912 345': a mobile number has 10 digits, found 7" },
		{ "; ,", "'; ,': no value between the separators" },
		{ "-", "'-': no digits" },
	};
	char why[300];
	(void)state;
	for (size_t i = 0; i < N_ELEMS(bad); i++) {
		if (sn_phone_check(bad[i].in, why, sizeof why) != 1)
			fail_msg("'%s' should be invalid", bad[i].in);
		assert_string_equal(why, bad[i].why);
	}
	/* A short buffer truncates the reason, never overflows. */
	char small[8];
	assert_int_equal(sn_phone_check("0613 822 503", small, sizeof small), 1);
	assert_string_equal(small, "'0613 8");
	assert_int_equal(sn_phone_check("0613 822 503", NULL, 0), 1);
}

/* --- e-mail addresses -------------------------------------------------------------------------- */

static void test_email_valid(void **state)
{
	static const char *ok[] = {
		"ubnd@dongnai.gov.vn", "vpdkdd.stnmt@dongnai.gov.vn", "thducphong.bdg@binhphuoc.edu.vn",
		"first.last+tag@mail.example.com", "a_b-c@sub-domain.example.org", "X@Y.VN",
		"ubnd@xn--ngnai-ixa.vn", "info@example.xn--p1ai",
		"ubnd@dongnai.gov.vn; vp@dongnai.gov.vn", "ubnd@dongnai.gov.vn , vp@dongnai.gov.vn",
		"", " ", NULL,
	};
	char why[300];
	(void)state;
	for (size_t i = 0; i < N_ELEMS(ok); i++) {
		if (sn_email_check(ok[i], why, sizeof why) != 0)
			fail_msg("'%s' should be valid: %s", ok[i] ? ok[i] : "(null)", why);
		assert_string_equal(why, "");
	}
}

static void test_email_invalid(void **state)
{
	static const struct {
		const char *in, *why;
	} bad[] = {
		{ "songoaivu.binhphuoc.gov.vn", "'songoaivu.binhphuoc.gov.vn': no '@'" },
		{ "a@b@dongnai.gov.vn", "'a@b@dongnai.gov.vn': more than one '@'" },
		{ "ubnd @dongnai.gov.vn", "'ubnd @dongnai.gov.vn': contains a space" },
		{ "@dongnai.gov.vn", "'@dongnai.gov.vn': nothing before '@'" },
		{ "ubnd@", "'ubnd@': nothing after '@'" },
		{ "skhcn@dongnai", "'skhcn@dongnai': the domain 'dongnai' has no top-level domain (.vn, .com, ...)" },
		{ "ubnd@dongnai.gov.vn.", "'ubnd@dongnai.gov.vn.': an empty label in the domain (a dot first, "
					  "last or doubled)" },
		{ "ubnd@dongnai..gov.vn", "'ubnd@dongnai..gov.vn': an empty label in the domain (a dot first, "
					  "last or doubled)" },
		{ ".ubnd@dongnai.gov.vn", "'.ubnd@dongnai.gov.vn': a dot first, last or doubled before '@'" },
		{ "u..b@dongnai.gov.vn", "'u..b@dongnai.gov.vn': a dot first, last or doubled before '@'" },
		{ "ubnd.@dongnai.gov.vn", "'ubnd.@dongnai.gov.vn': a dot first, last or doubled before '@'" },
		{ "ubnd@-dongnai.gov.vn", "'ubnd@-dongnai.gov.vn': a label of the domain begins or ends with '-'" },
		{ "ubnd@dongnai.gov.v", "'ubnd@dongnai.gov.v': top-level domain 'v' is one letter" },
		{ "ubnd@dongnai.gov.123", "'ubnd@dongnai.gov.123': top-level domain '123' is not letters" },
		{ "ủbnd@dongnai.gov.vn", "'ủbnd@dongnai.gov.vn': non-ASCII character 'ủ' before '@'" },
		{ "ubnd@đồngnai.vn", "'ubnd@đồngnai.vn': non-ASCII character 'đ' in the domain" },
		{ "ubnd(vp)@dongnai.gov.vn", "'ubnd(vp)@dongnai.gov.vn': character '(' is not allowed before '@'" },
		{ "ubnd@dong_nai.vn", "'ubnd@dong_nai.vn': character '_' is not allowed in the domain" },
		{ "ubnd@dongnai.gov.vn, bqlkcn.dongnai.gov.vn", "'bqlkcn.dongnai.gov.vn': no '@'" },
		{ ";", "';': no value between the separators" },
		{ "a2345678901234567890123456789012345678901234567890123456789012345@dongnai.gov.vn",
		  "'a2345678901234567890123456789012345678901234567890123456789012345@dongnai.gov.vn': "
		  "more than 64 characters before '@'" },
	};
	char why[300];
	(void)state;
	for (size_t i = 0; i < N_ELEMS(bad); i++) {
		if (sn_email_check(bad[i].in, why, sizeof why) != 1)
			fail_msg("'%s' should be invalid", bad[i].in);
		assert_string_equal(why, bad[i].why);
	}
}

/* The checkers as SQL functions: NULL for a good or empty cell, the reason otherwise. */
static void test_sql_functions(void **state)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	(void)state;
	assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
	assert_int_equal(sn_contact_functions(db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT sn_phone_problem('0251 3822 503'), sn_phone_problem(NULL), "
					    "sn_phone_problem('0271 3879 77'), sn_email_problem('ubnd@dongnai.gov.vn'), "
					    "sn_email_problem('bqlkcn.dongnai.gov.vn'), sn_phone_problem(912345678)",
					    -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_type(st, 0), SQLITE_NULL);
	assert_int_equal(sqlite3_column_type(st, 1), SQLITE_NULL);
	assert_string_equal((const char *)sqlite3_column_text(st, 2),
			    "'0271 3879 77': a landline number has 11 digits, found 10");
	assert_int_equal(sqlite3_column_type(st, 3), SQLITE_NULL);
	assert_string_equal((const char *)sqlite3_column_text(st, 4), "'bqlkcn.dongnai.gov.vn': no '@'");
	/* a number stored as an integer lost its leading 0 */
	assert_string_equal((const char *)sqlite3_column_text(st, 5),
			    "'912345678': a number begins with 0, +84, 1800 or 1900");
	sqlite3_finalize(st);
	sqlite3_close(db);
}

/* --- the rules, on the samples' merged province ------------------------------------------------ */

static char base[64], clean[64], work[64];

/* Runs sapnhap with DB and the NULL-terminated arguments; the output, if OUT, into *out (freed
 * by the caller). Returns the exit status. */
static int run(const char *db, char **out, ...)
{
	char *argv[24] = { (char *)"sapnhap", (char *)"--db", (char *)db };
	int argc = 3;
	va_list ap;
	va_start(ap, out);
	for (const char *a; argc < 23 && (a = va_arg(ap, const char *));)
		argv[argc++] = (char *)a;
	va_end(ap);
	FILE *o = tmpfile(), *e = tmpfile();
	int rc = sn_main(argc, argv, o, e);
	if (out) {
		long n = ftell(o);
		*out = calloc(1, (size_t)n + 1);
		rewind(o);
		if (n > 0 && fread(*out, 1, (size_t)n, o) != (size_t)n)
			(*out)[0] = '\0';
	}
	fclose(o);
	fclose(e);
	return rc;
}

static char *slurp(const char *path, long *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	rewind(f);
	char *buf = calloc(1, (size_t)n + 1);
	if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	if (len)
		*len = n;
	return buf;
}

static int copy_file(const char *from, const char *to)
{
	long n;
	char *buf = slurp(from, &n);
	FILE *f = buf ? fopen(to, "wb") : NULL;
	int ok = f && fwrite(buf, 1, (size_t)n, f) == (size_t)n;
	if (f && fclose(f) != 0)
		ok = 0;
	free(buf);
	return ok ? 0 : -1;
}

static int exec_sql(const char *db, const char *sql)
{
	sqlite3 *h = NULL;
	char *msg = NULL;
	int r = sqlite3_open(db, &h) == SQLITE_OK ? sqlite3_exec(h, sql, NULL, NULL, &msg) : SQLITE_ERROR;
	if (r != SQLITE_OK)
		fprintf(stderr, "sql failed: %s\n", msg ? msg : sqlite3_errmsg(h));
	sqlite3_free(msg);
	sqlite3_close(h);
	return r == SQLITE_OK ? 0 : -1;
}

static int setup(void **state)
{
	(void)state;
	long pid = (long)getpid();
	snprintf(base, sizeof base, "/tmp/sn-test-validate-%ld.db", pid);
	snprintf(clean, sizeof clean, "/tmp/sn-test-validate-%ld-clean.db", pid);
	snprintf(work, sizeof work, "/tmp/sn-test-validate-%ld-work.db", pid);
	unlink(base);
	setenv("SOURCE_DATE_EPOCH", "1795176000", 1);
	if (run(base, NULL, "units", "import", "samples/units/conversion-2025.csv", NULL) ||
	    run(base, NULL, "units", "import", "samples/units/pre-reform-list.csv", NULL) ||
	    run(base, NULL, "agencies", "import", "samples/agencies/binhphuoc.csv", "--province", "70", NULL) ||
	    run(base, NULL, "agencies", "import", "samples/agencies/dongnai.csv", "--province", "75", NULL) ||
	    run(base, NULL, "recode", NULL) ||
	    run(base, NULL, "catalog", "import", "samples/catalogs/binhphuoc.csv", "--province", "70", NULL) ||
	    run(base, NULL, "catalog", "import", "samples/catalogs/dongnai.xml", "--province", "75", NULL) ||
	    run(base, NULL, "dossiers", "import", "samples/dossiers/binhphuoc.csv", "--province", "70", NULL) ||
	    run(base, NULL, "dossiers", "import", "samples/dossiers/dongnai.csv", "--province", "75", NULL) ||
	    run(base, NULL, "reassign", "--hamlets", "samples/dossiers/hamlets.csv", NULL))
		return -1;
	char *fix = slurp("tests/cli/data/validate-clean.sql", NULL);
	int r = fix && !copy_file(base, clean) && !exec_sql(clean, fix) ? 0 : -1;
	free(fix);
	return r;
}

static int teardown(void **state)
{
	(void)state;
	unlink(base);
	unlink(clean);
	unlink(work);
	return 0;
}

/* The rules with a non-zero count in a CSV report, as "rule rule ...". */
static void failing_rules(const char *csv, char *buf, size_t len)
{
	buf[0] = '\0';
	for (const char *p = csv; p && *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL) {
		if (strncmp(p, "count,", 6))
			continue;
		const char *eol = strchr(p, '\n');
		size_t n = eol ? (size_t)(eol - p) : strlen(p);
		if (n >= 2 && !strncmp(p + n - 2, ",0", 2))
			continue;
		const char *id = p + 6, *comma = strchr(id, ',');
		size_t k = strlen(buf);
		snprintf(buf + k, len - k, "%s%.*s", k ? " " : "", (int)(comma - id), id);
	}
}

/* The samples as reassign leaves them: the defects the samples were written with. */
static void test_samples(void **state)
{
	char *csv = NULL, rules[600];
	(void)state;
	assert_int_equal(run(base, &csv, "validate", "--format", "csv", "--limit", "0", NULL), 1);
	failing_rules(csv, rules, sizeof rules);
	assert_string_equal(rules, "online-not-received online-not-everywhere commune-procedure-unbound "
			    "email-invalid contact-missing review-open catalog-conflict");
	/* the reviewers' finding: on the portal, and its one agency does not receive it online */
	assert_non_null(strstr(csv, "finding,online-not-received,error,1.010803,\"online full, on the "
				    "national portal: its one active binding, at 000.00.02.H19, does not "
				    "receive it online\"\n"));
	assert_non_null(strstr(csv, "finding,email-invalid,warning,000.00.19.H19,Sở Ngoại vụ: "
				    "'songoaivu.binhphuoc.gov.vn': no '@'\n"));
	/* the rate the province's June 2025 letter quotes */
	assert_non_null(strstr(csv, "statistic,statistics,info,catalog-70.portal_pct,24.4\n"));
	assert_non_null(strstr(csv, "statistic,statistics,info,catalog-70.procedures,41\n"));
	assert_non_null(strstr(csv, "statistic,statistics,info,merged.procedures,56\n"));
	assert_non_null(strstr(csv, "statistic,statistics,info,merged.level_district,0\n"));
	free(csv);
}

static void test_clean_passes(void **state)
{
	char *csv = NULL, rules[600];
	(void)state;
	assert_int_equal(run(clean, &csv, "validate", "--format", "csv", NULL), 0);
	failing_rules(csv, rules, sizeof rules);
	assert_string_equal(rules, "");
	assert_null(strstr(csv, "\nfinding,"));
	free(csv);
}

/* One defect per rule, planted on a copy of the clean database: that rule alone finds it,
 * with its severity, and the exit status follows the severity. */
static void test_each_rule(void **state)
{
#define AGENCY(code, name, kind, parent)                                                           \
	"INSERT INTO code_table(code, sort_key, subject, name, kind, parent_code, unit_code, phone, "  \
	"email, origin, reason) VALUES ('" code "', 'test:" code "', 'test', '" name "', '" kind "', '" \
	parent "', '75', '0251 3822 000', 'thu@dongnai.gov.vn', 'new', 'test')"
	static const struct {
		const char *rule, *sev, *sql, *finding;
	} cases[] = {
		{ "binding-district-level", "error",
		  "INSERT INTO binding(catalog, national_code, agency_code, online) VALUES ('75', '1.001612', '000.00.32.H10', 1)",
		  "1.001612,catalog 75: at 000.00.32.H10 Ủy ban nhân dân thành phố Đồng Xoài (district-committee)" },
		{ "binding-agency-unknown", "error",
		  "INSERT INTO binding(catalog, national_code, agency_code, online) VALUES ('75', '1.001612', '000.00.99.H19', 1)",
		  "1.001612,\"at 000.00.99.H19, which the code table does not have\"" },
		{ "online-not-received", "error",
		  "UPDATE binding SET online = 0 WHERE active AND catalog = '75' AND national_code = '1.010803'",
		  "1.010803,\"online full, on the national portal: its one active binding, at 000.00.02.H19, "
		  "does not receive it online\"" },
		{ "online-not-received", "error",
		  "DELETE FROM merged_procedure WHERE national_code = '1.010803'",
		  "1.010803,offered online or on the national portal by catalog 70 but not in the merged catalog" },
		{ "online-not-everywhere", "warning",
		  "UPDATE binding SET online = 0 WHERE active AND catalog = '75' AND national_code = '1.001193' "
		  "AND agency_code = '000.17.60.H19'",
		  "1.001193,\"online full, on the national portal: received online at 20 of 21 agencies; not at "
		  "000.17.60.H19\"" },
		{ "online-level-none", "warning",
		  "UPDATE binding SET online = 1 WHERE active AND catalog = '75' AND national_code = '1.000419' "
		  "AND agency_code = '000.01.60.H19'",
		  "1.000419,\"online level none, yet 1 binding(s) receive it online: 000.01.60.H19\"" },
		{ "agency-code-invalid", "error", AGENCY("000.00.21.h19", "Sở Thử nghiệm", "department", "000.00.00.H19"),
		  "000.00.21.h19,Sở Thử nghiệm: character 'h' at position 11 must be upper case ('H')" },
		{ "agency-code-nonconforming", "warning",
		  AGENCY("000.302.15.H19", "Trung tâm Thử nghiệm", "department-unit", "000.00.15.H19"),
		  "000.302.15.H19,Trung tâm Thử nghiệm: level-3 group '302' has 3 digits; QCVN 102 allows 2" },
		{ "agency-code-duplicate", "error",
		  AGENCY("H19.15", "Sở Khoa học và Công nghệ", "department", "000.00.00.H19"),
		  "000.00.15.H19,2 rows: 000.00.15.H19 Sở Khoa học và Công nghệ; H19.15 Sở Khoa học và Công nghệ" },
		{ "agency-code-closed", "error", AGENCY("000.00.40.H19", "Sở Thử nghiệm", "department", "000.00.00.H19"),
		  "000.00.40.H19,\"Sở Thử nghiệm: 000.00.40.H19 is closed (closed: district level abolished" },
		{ "agency-code-level1", "error", AGENCY("000.00.21.H10", "Sở Thử nghiệm", "department", "000.00.00.H19"),
		  "000.00.21.H10,\"Sở Thử nghiệm: level-1 code H10, not H19 or K19 (H10 is closed: level-1 code of "
		  "a province merged into 75 (QĐ 09/2025/QĐ-TTg))\"" },
		{ "agency-parent-unknown", "error",
		  "UPDATE code_table SET parent_code = '000.00.99.H19' WHERE code = '000.01.07.H19'",
		  "000.01.07.H19,Văn phòng Đăng ký đất đai: parent 000.00.99.H19 is not in the code table" },
		{ "dossier-agency-unknown", "error",
		  "UPDATE dossier SET agency_code = '000.00.32.H10' WHERE code = '000.00.32.H10-250624-0041'",
		  "000.00.32.H10-250624-0041,\"procedure 1.001612 at 000.00.32.H10 (old code, closed)\"" },
		{ "dossier-unbound", "error",
		  "UPDATE dossier SET agency_code = '000.00.15.H19' WHERE code = '000.00.32.H10-250624-0041'",
		  "000.00.32.H10-250624-0041,procedure 1.001612 is not bound at 000.00.15.H19 Sở Khoa học và Công nghệ" },
		{ "commune-without-committee", "error",
		  "INSERT INTO unit(level, code, name, name_key, ascii_key, province_code, valid_from, opened_by) "
		  "VALUES ('commune', '26999', 'Xã Thử Nghiệm', 'thu nghiem', 'thu nghiem', '75', '2025-07-01', 1)",
		  "26999,Xã Thử Nghiệm: no commune committee in the code table" },
		{ "commune-procedure-unbound", "error",
		  "DELETE FROM binding WHERE active AND catalog = '75' AND national_code = '1.000419' "
		  "AND agency_code = '000.21.60.H19'",
		  "1.000419,not bound at 1 of 21 commune committees: 000.21.60.H19 (26503)" },
		{ "phone-invalid", "warning", "UPDATE code_table SET phone = '0613 822 097' WHERE code = '000.00.15.H19'",
		  "000.00.15.H19,Sở Khoa học và Công nghệ: '0613 822 097': prefix 06 is neither a mobile network "
		  "nor a 2017 area code (an area code from before 2017?)" },
		{ "email-invalid", "warning", "UPDATE code_table SET email = 'skhcn@dongnai' WHERE code = '000.00.15.H19'",
		  "000.00.15.H19,\"Sở Khoa học và Công nghệ: 'skhcn@dongnai': the domain 'dongnai' has no top-level" },
		{ "contact-missing", "info", "UPDATE code_table SET phone = ' ' WHERE code = '000.00.15.H19'",
		  "000.00.15.H19,Sở Khoa học và Công nghệ: no phone" },
		{ "review-open", "warning",
		  "INSERT INTO review(step, subject, reason) VALUES ('recode', '000.00.15.H19', 'needs a decision: test')",
		  "000.00.15.H19,recode: needs a decision: test" },
		{ "catalog-conflict", "warning",
		  "UPDATE merged_procedure SET conflicts = 1, fee = NULL WHERE national_code = '1.001612'; "
		  "INSERT INTO review(step, subject, reason, detail, field) VALUES ('reassign', '1.001612', "
		  "'conflict: the catalogs differ on fee', '70: 100.000 | 75: 50.000', 'fee')",
		  "1.001612,1 field(s) await a decision: fee" },
	};
	(void)state;
	for (size_t i = 0; i < N_ELEMS(cases); i++) {
		char *csv = NULL, rules[600], want[1200];
		assert_int_equal(copy_file(clean, work), 0);
		assert_int_equal(exec_sql(work, cases[i].sql), 0);
		int rc = run(work, &csv, "validate", "--format", "csv", NULL);
		failing_rules(csv, rules, sizeof rules);
		if (strcmp(rules, cases[i].rule))
			fail_msg("planted for %s, found by: '%s'", cases[i].rule, rules);
		assert_int_equal(rc, strcmp(cases[i].sev, "error") ? 0 : 1);
		snprintf(want, sizeof want, "count,%s,%s,,1\nfinding,%s,%s,%s", cases[i].rule, cases[i].sev,
			 cases[i].rule, cases[i].sev, cases[i].finding);
		if (!strstr(csv, want))
			fail_msg("expected:\n%s\nin:\n%s", want, csv);
		free(csv);
	}
}

/* --rule and --severity choose the rules; --limit caps the sample, never the count. */
static void test_selection(void **state)
{
	char *csv = NULL, *txt = NULL;
	(void)state;
	assert_int_equal(run(base, &csv, "validate", "--format", "csv", "--severity", "warning", NULL), 1);
	assert_null(strstr(csv, "contact-missing"));
	assert_null(strstr(csv, "statistic"));
	assert_non_null(strstr(csv, "count,email-invalid,warning,,2\n"));
	free(csv);
	assert_int_equal(run(base, &csv, "validate", "--format", "csv", "--rule", "email-invalid", "--rule",
			     "contact-missing", "--limit", "1", NULL), 0);
	assert_string_equal(csv, "type,rule,severity,subject,detail\n"
			    "count,email-invalid,warning,,2\n"
			    "finding,email-invalid,warning,000.00.19.H19,Sở Ngoại vụ: 'songoaivu.binhphuoc.gov.vn': no '@'\n"
			    "count,contact-missing,info,,21\n"
			    "finding,contact-missing,info,000.01.60.H19,\"Ủy ban nhân dân phường Bình Phước: no phone, no e-mail\"\n");
	free(csv);
	assert_int_equal(run(base, &txt, "validate", "--rule", "email-invalid", "--limit", "1", NULL), 0);
	assert_non_null(strstr(txt, "    ... and 1 more (--limit 0 shows all)\n"));
	free(txt);
	assert_int_equal(run(base, NULL, "validate", "--rule", "no-such-rule", NULL), 2);
	assert_int_equal(run(base, NULL, "validate", "--rule", "contact-missing", "--severity", "error", NULL), 2);
	assert_int_equal(run(base, NULL, "validate", "--limit", "ten", NULL), 2);
	assert_int_equal(run(base, NULL, "validate", "--format", "xml", NULL), 2);
}

/* Before reassign there is no merged catalog: exit 3, unless only code-table rules are asked. */
static void test_before_reassign(void **state)
{
	char *csv = NULL;
	(void)state;
	unlink(work);
	assert_int_equal(run(work, NULL, "units", "import", "samples/units/conversion-2025.csv", NULL), 0);
	assert_int_equal(run(work, NULL, "agencies", "import", "samples/agencies/binhphuoc.csv", "--province", "70", NULL), 0);
	assert_int_equal(run(work, NULL, "agencies", "import", "samples/agencies/dongnai.csv", "--province", "75", NULL), 0);
	assert_int_equal(run(work, NULL, "validate", "--rule", "phone-invalid", NULL), 3);  /* no recode */
	assert_int_equal(run(work, NULL, "recode", NULL), 0);
	assert_int_equal(run(work, NULL, "validate", NULL), 3);
	assert_int_equal(run(work, NULL, "validate", "--rule", "statistics", NULL), 3);
	assert_int_equal(run(work, &csv, "validate", "--format", "csv", "--rule", "email-invalid", "--rule",
			     "agency-code-level1", NULL), 0);
	assert_non_null(strstr(csv, "count,agency-code-level1,error,,0\ncount,email-invalid,warning,,2\n"));
	free(csv);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_phone_valid),
		cmocka_unit_test(test_phone_invalid),
		cmocka_unit_test(test_email_valid),
		cmocka_unit_test(test_email_invalid),
		cmocka_unit_test(test_sql_functions),
		cmocka_unit_test(test_samples),
		cmocka_unit_test(test_clean_passes),
		cmocka_unit_test(test_each_rule),
		cmocka_unit_test(test_selection),
		cmocka_unit_test(test_before_reassign),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
