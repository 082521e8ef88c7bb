/* test_diff.c - the catalog comparison (tools/diff.c) on small sides written straight into its
 * in-memory tables, on catalog files, and on working databases built in-process from samples/;
 * and what the writers make of it. Runs from the repository root. */
#include "testutil.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cli.h"
#include "db.h"
#include "diff.h"

struct fx {
	struct sn_ctx ctx;
	struct sn_diff d;
};

static int fx_setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	f->ctx.out = stdout;
	f->ctx.err = tmpfile();
	if (!f->ctx.err || sn_diff_open(&f->ctx, &f->d))
		return -1;
	*state = f;
	return 0;
}

static int fx_teardown(void **state)
{
	struct fx *f = *state;
	sn_diff_close(&f->d);
	fclose(f->ctx.err);
	free(f);
	return 0;
}

static void sql(struct fx *f, const char *s)
{
	char *msg = NULL;
	if (sqlite3_exec(f->d.ctx.db, s, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s: %s", s, msg);
}

/* The change rows, "entity kind key field: before -> after" one per line, NULL as "NULL". */
static const char *changes(struct fx *f)
{
	static char buf[8192];
	sqlite3_stmt *st;
	size_t n = 0;
	buf[0] = '\0';
	assert_int_equal(sqlite3_prepare_v2(f->d.ctx.db, "SELECT entity, kind, key, field, COALESCE(before, 'NULL'), "
				"COALESCE(after, 'NULL') FROM change ORDER BY erank, s1, s2, key, frank", -1, &st, NULL), SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW && n < sizeof buf)
		n += (size_t)snprintf(buf + n, sizeof buf - n, "%s %s %s %s: %s -> %s\n", sqlite3_column_text(st, 0),
				      sqlite3_column_text(st, 1), sqlite3_column_text(st, 2), sqlite3_column_text(st, 3),
				      sqlite3_column_text(st, 4), sqlite3_column_text(st, 5));
	sqlite3_finalize(st);
	return buf;
}

/* What a writer prints, read back from a temporary file. */
static const char *written(struct fx *f, int (*w)(struct sn_diff *, FILE *, int), int summary)
{
	static char buf[65536];
	FILE *t = tmpfile();
	assert_non_null(t);
	assert_int_equal(w(&f->d, t, summary), 0);
	rewind(t);
	size_t n = fread(buf, 1, sizeof buf - 1, t);
	buf[n] = '\0';
	fclose(t);
	return buf;
}

/* One procedure row: side, province, national code, name, fee. */
static void proc(struct fx *f, int side, const char *prov, const char *nc, const char *name, const char *fee)
{
	char *q = sqlite3_mprintf("INSERT INTO procedure(side, province, national_code, name, fee, levels) "
				  "VALUES (%d, %Q, %Q, %Q, %Q, 'commune')", side, prov, nc, name, fee);
	sql(f, q);
	sqlite3_free(q);
}

static void test_added_removed_changed(void **state)
{
	struct fx *f = *state;
	proc(f, 0, "75", "1.000001", "Đăng ký khai sinh", "Không");
	proc(f, 1, "75", "1.000001", "Đăng ký khai sinh", "Không");
	proc(f, 0, "75", "1.000002", "Đăng ký kết hôn", "Không");
	proc(f, 1, "75", "1.000002", "Đăng ký kết hôn", "10.000 đồng");
	proc(f, 0, "75", "1.000003", "Đăng ký khai tử", NULL);
	proc(f, 1, "75", "1.000004", "Đăng ký giám hộ", NULL);
	assert_int_equal(sn_diff_compute(&f->d), 0);
	assert_string_equal(changes(f),
		"procedure changed 1.000002 fee: Không -> 10.000 đồng\n"
		"procedure removed 1.000003 name: Đăng ký khai tử -> NULL\n"
		"procedure removed 1.000003 levels: commune -> NULL\n"
		"procedure added 1.000004 name: NULL -> Đăng ký giám hộ\n"
		"procedure added 1.000004 levels: NULL -> commune\n");
	/* Counts are of things, not of fields. */
	assert_int_equal(sn_diff_count(&f->d, "procedure", "removed"), 1);
	assert_int_equal(sn_diff_count(&f->d, "procedure", "added"), 1);
	assert_int_equal(sn_diff_count(&f->d, "procedure", "changed"), 1);
	assert_int_equal(sn_diff_count(&f->d, NULL, NULL), 3);
	/* Computing again gives the same, not twice the rows. */
	assert_int_equal(sn_diff_compute(&f->d), 0);
	assert_int_equal(sn_diff_count(&f->d, NULL, NULL), 3);
}

static void test_null_safe(void **state)
{
	struct fx *f = *state;
	proc(f, 0, "75", "1.000001", "A", NULL);  /* absent on both sides: no change */
	proc(f, 1, "75", "1.000001", "A", NULL);
	proc(f, 0, "75", "1.000002", "B", NULL);  /* absent -> present */
	proc(f, 1, "75", "1.000002", "B", "5.000 đồng");
	proc(f, 0, "75", "1.000003", "C", "5.000 đồng");  /* present -> absent */
	proc(f, 1, "75", "1.000003", "C", NULL);
	assert_int_equal(sn_diff_compute(&f->d), 0);
	assert_string_equal(changes(f),
		"procedure changed 1.000002 fee: NULL -> 5.000 đồng\n"
		"procedure changed 1.000003 fee: 5.000 đồng -> NULL\n");
}

static void test_old_state_combined(void **state)
{
	struct fx *f = *state;
	/* Two old catalogs: equal names stay one value; differing fees show both, by province. */
	proc(f, 0, "70", "1.001612", "Đăng ký hộ kinh doanh", "100.000 đồng/lần");
	proc(f, 0, "75", "1.001612", "Đăng ký hộ kinh doanh", "50.000 đồng/lần");
	proc(f, 1, "75", "1.001612", "Đăng ký hộ kinh doanh", "50.000 đồng/lần");
	/* One catalog has no fee: shown as "-" beside the other's. */
	proc(f, 0, "70", "1.000894", "Kết hôn", "Không");
	proc(f, 0, "75", "1.000894", "Kết hôn", NULL);
	proc(f, 1, "75", "1.000894", "Kết hôn", NULL);
	/* Only one old catalog lists it: its value, no province prefix. */
	proc(f, 0, "70", "1.001639", "Giải thể trường", "Không");
	proc(f, 1, "75", "1.001639", "Giải thể trường", "Miễn");
	assert_int_equal(sn_diff_compute(&f->d), 0);
	assert_string_equal(changes(f),
		"procedure changed 1.000894 fee: 70: Không | 75: - -> NULL\n"
		"procedure changed 1.001612 fee: 70: 100.000 đồng/lần | 75: 50.000 đồng/lần -> 50.000 đồng/lần\n"
		"procedure changed 1.001639 fee: Không -> Miễn\n");
}

static void bind(struct fx *f, int side, const char *prov, const char *nc, const char *agency, const char *online)
{
	char *q = sqlite3_mprintf("INSERT INTO binding VALUES (%d, %Q, %Q, %Q, %Q)", side, prov, nc, agency, online);
	sql(f, q);
	sqlite3_free(q);
}

static void test_crosswalk_carry(void **state)
{
	struct fx *f = *state;
	sql(f, "INSERT INTO crosswalk VALUES ('000.00.03.H10', 'renumbered', '000.00.05.H19'), "
	       "('000.00.05.H19', 'kept', '000.00.05.H19'), ('000.00.32.H10', 'closed', NULL), "
	       "('000.50.31.H10', 'merged', '000.03.60.H19'), ('000.50.31.H19', 'renumbered', '000.03.60.H19')");
	/* Renumbered: one changed binding, agency old -> new. */
	bind(f, 0, "70", "1.000001", "000.00.03.H10", "yes");
	bind(f, 1, "75", "1.000001", "000.00.05.H19", "yes");
	/* Kept, same flag: nothing. */
	bind(f, 0, "75", "1.000002", "000.00.05.H19", "no");
	bind(f, 1, "75", "1.000002", "000.00.05.H19", "no");
	/* Closed: the old binding removed, the successor's added. */
	bind(f, 0, "70", "1.000003", "000.00.32.H10", "no");
	bind(f, 1, "75", "1.000003", "000.01.60.H19", "no");
	/* Two old committees, one per old province, meet at one new code; online differed. */
	bind(f, 0, "70", "1.000004", "000.50.31.H10", "yes");
	bind(f, 0, "75", "1.000004", "000.50.31.H19", "no");
	bind(f, 1, "75", "1.000004", "000.03.60.H19", "yes");
	assert_int_equal(sn_diff_compute(&f->d), 0);
	assert_string_equal(changes(f),
		"binding changed 1.000001@000.00.05.H19 agency: 000.00.03.H10 -> 000.00.05.H19\n"
		"binding removed 1.000003@000.00.32.H10 online: no -> NULL\n"
		"binding added 1.000003@000.01.60.H19 online: NULL -> no\n"
		"binding changed 1.000004@000.03.60.H19 online: 70: yes | 75: no -> yes\n"
		"binding changed 1.000004@000.03.60.H19 agency: 70: 000.50.31.H10 | 75: 000.50.31.H19 -> 000.03.60.H19\n");
	assert_int_equal(sn_diff_count(&f->d, "binding", "changed"), 2);
	/* Without a crosswalk the renumbered binding is removed + added. */
	sql(f, "DELETE FROM crosswalk");
	assert_int_equal(sn_diff_compute(&f->d), 0);
	assert_int_equal(sn_diff_count(&f->d, "binding", "changed"), 0);
	assert_int_equal(sn_diff_count(&f->d, "binding", "removed"), 4);
}

/* Both sides are walked in step in the order the reports list changes, which for bindings is
 * the code tables' order of agency codes (level 1 first), not the codes' text order: keys that
 * the two orders put differently are still met on both sides, not reported removed and added. */
static void test_merge_order(void **state)
{
	struct fx *f = *state;
	bind(f, 0, "75", "1.000001", "000.00.05.H19", "no");
	bind(f, 0, "75", "1.000001", "000.00.16.H19", "yes");
	bind(f, 0, "75", "1.000001", "000.00.40.H10", "no");
	bind(f, 0, "75", "1.000002", "000.00.05.H19", "no");
	bind(f, 1, "75", "1.000001", "000.00.05.H19", "no");
	bind(f, 1, "75", "1.000001", "000.00.16.H19", "no");
	bind(f, 1, "75", "1.000001", "000.00.41.H10", "yes");
	bind(f, 1, "75", "1.000002", "000.00.05.H19", "no");
	bind(f, 1, "75", "1.000003", "000.00.05.H19", "no");
	assert_int_equal(sn_diff_compute(&f->d), 0);
	assert_string_equal(changes(f),
		"binding removed 1.000001@000.00.40.H10 online: no -> NULL\n"
		"binding added 1.000001@000.00.41.H10 online: NULL -> yes\n"
		"binding changed 1.000001@000.00.16.H19 online: yes -> no\n"
		"binding added 1.000003@000.00.05.H19 online: NULL -> no\n");
	assert_int_equal(sn_diff_count(&f->d, "binding", "added"), 2);
	assert_int_equal(sn_diff_count(&f->d, "binding", "removed"), 1);
	assert_int_equal(sn_diff_count(&f->d, "binding", "changed"), 1);
}

static void test_agencies(void **state)
{
	struct fx *f = *state;
	sql(f, "INSERT INTO agency(side, province, code, name, kind, status) VALUES "
	       "(0, '75', '000.00.07.H19', 'Sở Tài nguyên và Môi trường', 'department', 'active'), "
	       "(1, '75', '000.00.07.H19', 'Sở Nông nghiệp và Môi trường', 'department', 'active'), "
	       "(0, '70', '000.00.08.H10', 'Sở Tài nguyên và Môi trường', 'department', 'active'), "
	       "(1, '75', '000.00.16.H19', 'Sở Xây dựng', 'department', 'active'), "
	       "(0, '75', '000.00.02.H19', 'Sở Nội vụ', 'department', 'active'), "
	       "(1, '75', '000.00.02.H19', 'Sở Nội vụ', 'department', 'active')");
	assert_int_equal(sn_diff_compute(&f->d), 0);
	/* Ordered by code as code tables are: level 1, then levels 2-4 by value. */
	assert_string_equal(changes(f),
		"agency removed 000.00.08.H10 name: Sở Tài nguyên và Môi trường -> NULL\n"
		"agency removed 000.00.08.H10 kind: department -> NULL\n"
		"agency removed 000.00.08.H10 status: active -> NULL\n"
		"agency changed 000.00.07.H19 name: Sở Tài nguyên và Môi trường -> Sở Nông nghiệp và Môi trường\n"
		"agency added 000.00.16.H19 name: NULL -> Sở Xây dựng\n"
		"agency added 000.00.16.H19 kind: NULL -> department\n"
		"agency added 000.00.16.H19 status: NULL -> active\n");
}

static void test_writers(void **state)
{
	struct fx *f = *state;
	/* A value holding the arrow makes the CSV use a longer one. */
	proc(f, 0, "75", "1.000001", "Cấp phép <b>\"A\"</b>", "1 -> 2");
	proc(f, 1, "75", "1.000001", "Cấp phép <b>\"A\"</b>", "3");
	proc(f, 1, "75", "1.000002", "Mới", NULL);
	assert_int_equal(sn_diff_compute(&f->d), 0);
	assert_string_equal(written(f, sn_diff_write_tdiff, 0),
		"@@,entity,key,field,value\n"
		"'-->,procedure,1.000001,fee,1 -> 2-->3\n"
		"'+++,procedure,1.000002,name,Mới\n"
		"'+++,procedure,1.000002,levels,commune\n");
	assert_string_equal(written(f, sn_diff_write_csv, 1),
		"entity,added,removed,changed\nprocedure,1,0,1\nbinding,0,0,0\nagency,0,0,0\n");
	/* one column per field: the old and new values in cells of their own */
	assert_non_null(strstr(written(f, sn_diff_write_csv, 0),
			       "procedure,changed,1.000001,\"Cấp phép <b>\"\"A\"\"</b>\",fee,1 -> 2,3,,\n"));
	f->d.lang = SN_LANG_VI;
	assert_non_null(strstr(written(f, sn_diff_write_csv, 0), "thủ tục,thêm,1.000002,Mới,Cấp thực hiện,,cấp xã,,\n"));
	f->d.lang = SN_LANG_EN;
	const char *j = written(f, sn_diff_write_json, 0);
	assert_non_null(strstr(j, "\"summary\": {\"procedure\": {\"added\": 1, \"removed\": 0, \"changed\": 1}, "));
	assert_non_null(strstr(j, "\"total\": 2}"));
	assert_non_null(strstr(j, "{\"entity\": \"procedure\", \"kind\": \"added\", \"key\": \"1.000002\", "
				  "\"field\": \"name\", \"before\": null, \"after\": \"Mới\"}"));
	assert_null(strstr(written(f, sn_diff_write_json, 1), "\"changes\""));
	/* HTML: data escaped, lang and charset set, nothing fetched. */
	const char *h = written(f, sn_diff_write_html, 0);
	assert_non_null(strstr(h, "<html lang=\"vi\">"));
	assert_non_null(strstr(h, "<meta charset=\"utf-8\">"));
	assert_non_null(strstr(h, "Cấp phép &lt;b&gt;&quot;A&quot;&lt;/b&gt;"));
	assert_null(strstr(h, "<b>\"A\""));
	assert_null(strstr(h, "http:"));
	assert_null(strstr(h, "https:"));
	assert_non_null(strstr(h, "<td class=\"added\" data-kind=\"added\">1</td>"));
	const char *t = written(f, sn_diff_write_text, 0);
	assert_non_null(strstr(t, "procedure changed: 1\n~ 1.000001  Cấp phép <b>\"A\"</b>\n    fee: 1 -> 2 -> 3\n"));
	assert_non_null(strstr(t, "procedure added: 1\n+ 1.000002  Mới\n"));
}

static void test_no_difference(void **state)
{
	struct fx *f = *state;
	proc(f, 0, "75", "1.000001", "A", NULL);
	proc(f, 1, "75", "1.000001", "A", NULL);
	assert_int_equal(sn_diff_compute(&f->d), 0);
	assert_int_equal(sn_diff_count(&f->d, NULL, NULL), 0);
	assert_non_null(strstr(written(f, sn_diff_write_text, 0), "\nno differences\n"));
	assert_string_equal(written(f, sn_diff_write_tdiff, 0), "@@,entity,key,field,value\n");
	assert_string_equal(written(f, sn_diff_write_csv, 0), "entity,kind,key,name,field,before,after,decision,reason\n");
	assert_non_null(strstr(written(f, sn_diff_write_html, 0), "id=\"empty\""));
}

/* --- files ------------------------------------------------------------------------------------ */

static char tmpdir[64];

static void write_file(const char *name, const char *text)
{
	char path[200];
	snprintf(path, sizeof path, "%s/%s", tmpdir, name);
	FILE *fp = fopen(path, "w");
	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
}

static const char *in_tmp(const char *name)
{
	static char path[4][200];
	static int i;
	i = (i + 1) % 4;
	snprintf(path[i], sizeof path[i], "%s/%s", tmpdir, name);
	return path[i];
}

static int files_setup(void **state)
{
	snprintf(tmpdir, sizeof tmpdir, "/tmp/sn-test-diff-%ld", (long)getpid());
	mkdir(tmpdir, 0700);
	return fx_setup(state);
}

static int files_teardown(void **state)
{
	char cmd[200];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
	if (system(cmd) != 0)
		return -1;
	return fx_teardown(state);
}

static void test_catalog_files(void **state)
{
	struct fx *f = *state;
	/* The same catalog as CSV (national column names, Vietnamese words, QĐ 20 codes, NFD) and as
	 * XML: no difference. */
	write_file("a.csv",
		"MATTHC,TENTTHC,CAPTHUCHIEN,THOIGIANGIAIQUYET,DONVITINH,MUCDO,TICHHOPDVCQG,COQUANTHUCHIEN\n"
		"1.001612,\"Đa\xcc\x86ng ky\xcc\x81 ho\xcc\x82\xcc\xa3 kinh doanh\",Cấp Huyện; Cấp Xã,\"1,5\",ngày làm việc,"
		"toàn trình,có,H19.05:online; 000.01.60.H19\n");
	write_file("b.xml",
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<catalog xmlns=\"urn:sapnhap:catalog:1\">\n"
		"  <procedure national-code=\"1.001612\">\n    <name>Đăng ký hộ kinh doanh</name>\n"
		"    <level>district</level>\n    <level>commune</level>\n"
		"    <time-limit unit=\"working-day\">1.5</time-limit>\n    <online-level>full</online-level>\n"
		"    <portal>true</portal>\n    <binding agency=\"000.00.05.H19\" receives-online=\"true\"/>\n"
		"    <binding agency=\"000.01.60.H19\"/>\n  </procedure>\n</catalog>\n");
	assert_int_equal(sn_diff_load(&f->d, 0, in_tmp("a.csv")), 0);
	assert_int_equal(sn_diff_load(&f->d, 1, in_tmp("b.xml")), 0);
	assert_int_equal(sn_diff_compute(&f->d), 0);
	assert_string_equal(changes(f), "");
	assert_int_equal(sn_diff_agencies_compared(&f->d), 0);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(f->d.ctx.db, "SELECT name, levels, time_limit, time_unit, online_level, "
				"portal FROM procedure WHERE side = 0", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 0), "Đăng ký hộ kinh doanh");  /* NFC */
	assert_string_equal((const char *)sqlite3_column_text(st, 1), "district,commune");
	assert_string_equal((const char *)sqlite3_column_text(st, 2), "1.5");
	assert_string_equal((const char *)sqlite3_column_text(st, 3), "working-day");
	assert_string_equal((const char *)sqlite3_column_text(st, 4), "full");
	assert_string_equal((const char *)sqlite3_column_text(st, 5), "yes");
	sqlite3_finalize(st);
}

static void test_export_dir(void **state)
{
	struct fx *f = *state;
	char path[200];
	snprintf(path, sizeof path, "%s/before", tmpdir);
	mkdir(path, 0700);
	snprintf(path, sizeof path, "%s/after", tmpdir);
	mkdir(path, 0700);
	write_file("before/catalog.csv", "national_code,name,levels,agencies\n1.000001,A,commune,000.50.31.H10\n");
	write_file("before/agencies.csv", "code,name,kind\n000.50.31.H10,UBND xã A,commune-committee\n");
	write_file("after/catalog.csv", "national_code,name,levels,agencies\n1.000001,A,commune,000.03.60.H19\n");
	write_file("after/agencies.csv", "code,name,kind,status\n000.03.60.H19,UBND phường B,commune-committee,active\n");
	write_file("after/crosswalk.csv", "old_code,province,outcome,new_code,successors,reason\n"
		   "000.50.31.H10,70,merged,000.03.60.H19,,same commune\n");
	assert_int_equal(sn_diff_load(&f->d, 0, in_tmp("before")), 0);
	assert_int_equal(sn_diff_load(&f->d, 1, in_tmp("after")), 0);
	assert_int_equal(f->d.side[1].has_crosswalk, 1);
	assert_int_equal(sn_diff_compute(&f->d), 0);
	assert_string_equal(changes(f),
		"binding changed 1.000001@000.03.60.H19 agency: 000.50.31.H10 -> 000.03.60.H19\n"
		"agency removed 000.50.31.H10 name: UBND xã A -> NULL\n"
		"agency removed 000.50.31.H10 kind: commune-committee -> NULL\n"
		"agency removed 000.50.31.H10 status: active -> NULL\n"
		"agency added 000.03.60.H19 name: NULL -> UBND phường B\n"
		"agency added 000.03.60.H19 kind: NULL -> commune-committee\n"
		"agency added 000.03.60.H19 status: NULL -> active\n");
}

static void test_bad_operands(void **state)
{
	struct fx *f = *state;
	write_file("notes.txt", "hello\n");
	write_file("dup.csv", "national_code,name,levels\n1.000001,A,commune\n1.000001,B,commune\n");
	write_file("badlevel.csv", "national_code,name,levels\n1.000001,A,Cấp Thôn\n");
	char path[200];
	snprintf(path, sizeof path, "%s/empty", tmpdir);
	mkdir(path, 0700);
	assert_int_equal(sn_diff_load(&f->d, 0, in_tmp("missing.db")), SN_IO);
	assert_int_equal(sn_diff_load(&f->d, 0, in_tmp("missing.db:old")), SN_IO);
	assert_int_equal(sn_diff_load(&f->d, 0, in_tmp("notes.txt")), SN_DATA);
	assert_int_equal(sn_diff_load(&f->d, 0, in_tmp("notes.txt:old")), SN_DATA);
	assert_int_equal(sn_diff_load(&f->d, 0, in_tmp("empty")), SN_DATA);
	assert_int_equal(sn_diff_load(&f->d, 0, in_tmp("empty:merged")), SN_DATA);
	assert_int_equal(sn_diff_load(&f->d, 0, in_tmp("dup.csv")), SN_DATA);
	assert_int_equal(sn_diff_load(&f->d, 1, in_tmp("badlevel.csv")), SN_DATA);
	/* An SQLite file that is not ours. */
	sqlite3 *db;
	assert_int_equal(sqlite3_open(in_tmp("other.db"), &db), SQLITE_OK);
	sqlite3_exec(db, "CREATE TABLE t(x)", NULL, NULL, NULL);
	sqlite3_close(db);
	assert_int_equal(sn_diff_load(&f->d, 0, in_tmp("other.db")), SN_DATA);
	/* The messages name the operand. */
	rewind(f->ctx.err);
	char log[4096];
	size_t n = fread(log, 1, sizeof log - 1, f->ctx.err);
	log[n] = '\0';
	assert_non_null(strstr(log, "notes.txt' is neither a sapnhap database, an export directory nor a catalog file"));
	assert_non_null(strstr(log, "empty' is not an export directory: it has no catalog.csv or catalog.xml"));
	assert_non_null(strstr(log, "dup.csv:3: procedure 1.000001 is listed twice (first at "));
	assert_non_null(strstr(log, "other.db' is an SQLite database but not a sapnhap working database"));
}

/* --- working databases --------------------------------------------------------------------------- */

static char dbpath[80];

static int run(const char *a, const char *b, const char *c, const char *d, const char *e)
{
	char *argv[10] = { (char *)"sapnhap", (char *)"--db", dbpath };
	int argc = 3;
	const char *x[] = { a, b, c, d, e };
	for (int i = 0; i < 5 && x[i]; i++)
		argv[argc++] = (char *)x[i];
	FILE *out = tmpfile(), *err = tmpfile();
	int rc = sn_main(argc, argv, out, err);
	fclose(out);
	fclose(err);
	return rc;
}

static void test_database_states(void **state)
{
	struct fx *f = *state;
	snprintf(dbpath, sizeof dbpath, "%s/w.db", tmpdir);
	setenv("SOURCE_DATE_EPOCH", "1795176000", 1);
	assert_int_equal(run("units", "import", "samples/units/conversion-2025.csv", NULL, NULL), 0);
	assert_int_equal(run("agencies", "import", "samples/agencies/binhphuoc.csv", "--province", "70"), 0);
	assert_int_equal(run("agencies", "import", "samples/agencies/dongnai.xml", "--province", "75"), 0);
	assert_int_equal(run("recode", NULL, NULL, NULL, NULL), 0);
	/* No catalog yet: neither state has one. */
	assert_int_equal(sn_diff_load(&f->d, 0, dbpath), SN_DATA);
	assert_int_equal(run("catalog", "import", "samples/catalogs/binhphuoc.csv", "--province", "70"), 0);
	assert_int_equal(run("catalog", "import", "samples/catalogs/dongnai.xml", "--province", "75"), 0);
	/* Before reassign: the old state by default; no merged one to ask for. */
	char merged[100];
	snprintf(merged, sizeof merged, "%s:merged", dbpath);
	assert_int_equal(sn_diff_load(&f->d, 1, merged), SN_DATA);
	assert_int_equal(sn_diff_load(&f->d, 0, dbpath), 0);
	assert_string_equal(f->d.side[0].state, "old");
	assert_string_equal(f->d.side[0].provinces, "70, 75");
	assert_int_equal(run("reassign", NULL, NULL, NULL, NULL), 0);
	/* After: merged by default, with AFTER's crosswalk. The file is only read. */
	char sha_before[65], sha_after[65];
	assert_int_equal(sn_sha256_file(dbpath, sha_before, NULL), 0);
	assert_int_equal(sn_diff_load(&f->d, 1, dbpath), 0);
	assert_string_equal(f->d.side[1].state, "merged");
	assert_string_equal(f->d.side[1].provinces, "75");
	assert_int_equal(f->d.side[1].has_crosswalk, 1);
	assert_int_equal(sn_diff_compute(&f->d), 0);
	assert_int_equal(sn_sha256_file(dbpath, sha_after, NULL), 0);
	assert_string_equal(sha_before, sha_after);
	/* The renumbered commune committees: changed bindings, not removed + added. */
	assert_true(sn_diff_count(&f->d, "binding", "changed") > 0);
	assert_int_equal(sn_diff_count(&f->d, "procedure", "added"), 0);
	assert_int_equal(sn_diff_count(&f->d, "procedure", "removed"), 0);
	assert_int_equal(sn_diff_count(&f->d, "procedure", "changed"), 46);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_added_removed_changed, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_null_safe, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_old_state_combined, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_crosswalk_carry, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_merge_order, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_agencies, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_writers, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_no_difference, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_catalog_files, files_setup, files_teardown),
		cmocka_unit_test_setup_teardown(test_export_dir, files_setup, files_teardown),
		cmocka_unit_test_setup_teardown(test_bad_operands, files_setup, files_teardown),
		cmocka_unit_test_setup_teardown(test_database_states, files_setup, files_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
