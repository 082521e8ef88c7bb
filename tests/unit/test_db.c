/* test_db.c - the working database and step journal, through whole commands run in-process
 * (sn_main): idempotent re-runs, refusal of changed inputs, --force, --dry-run, atomicity. */
#include "testutil.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sqlite3.h>
#include "cli.h"
#include "db.h"

struct fixture {
	char dir[64];
	char db[128];
	char csv[128];
};

static const char *HEADER =
	"\"Tỉnh, thành phố\",Tên Xã mới,Mã Xã mới,Tên Xã cũ,Mã Xã cũ,Ghi chú,Quận/huyện,Tỉnh cũ\n";
static const char *ROW1 = "Tỉnh Đồng Nai (75),Phường Bình Phước,25195,Phường Tân Phú,25195,"
			  "Nhập toàn bộ,Thành phố Đồng Xoài (689),Tỉnh Bình Phước (70)\n";
static const char *ROW2 = "Tỉnh Đồng Nai (75),Phường Bình Phước,25195,Xã Tiến Hưng,25213,"
			  "Nhập toàn bộ,Thành phố Đồng Xoài (689),Tỉnh Bình Phước (70)\n";

static void write_file(const char *path, const char *a, const char *b, const char *c)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(a, f);
	if (b)
		fputs(b, f);
	if (c)
		fputs(c, f);
	fclose(f);
}

static int setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof *fx);
	snprintf(fx->dir, sizeof fx->dir, "/tmp/sn-test-db-XXXXXX");
	if (!mkdtemp(fx->dir))
		return -1;
	snprintf(fx->db, sizeof fx->db, "%s/w.db", fx->dir);
	snprintf(fx->csv, sizeof fx->csv, "%s/t.csv", fx->dir);
	write_file(fx->csv, HEADER, ROW1, NULL);
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

/* Runs 'sapnhap --db DB ARGS... NULL' in-process; captures stderr into err (if not NULL). */
static int run(struct fixture *fx, char *err, size_t errlen, ...)
{
	char *argv[16] = { (char *)"sapnhap", (char *)"--db", fx->db };
	int argc = 3;
	va_list ap;
	va_start(ap, errlen);
	const char *a;
	while ((a = va_arg(ap, const char *)) && argc < 15)
		argv[argc++] = (char *)a;
	va_end(ap);
	FILE *out = tmpfile(), *e = tmpfile();
	int rc = sn_main(argc, argv, out, e);
	if (err) {
		rewind(e);
		size_t n = fread(err, 1, errlen - 1, e);
		err[n] = '\0';
	}
	fclose(out);
	fclose(e);
	return rc;
}

static long long count(struct fixture *fx, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	long long v = -1;
	if (sqlite3_open_v2(fx->db, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
	    sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			v = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	sqlite3_close(db);
	return v;
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	rewind(f);
	char *buf = malloc((size_t)n + 1);
	*len = fread(buf, 1, (size_t)n, f);
	fclose(f);
	return buf;
}

static void test_idempotent_rerun(void **state)
{
	struct fixture *fx = *state;
	char err[2048];
	assert_int_equal(run(fx, err, sizeof err, "units", "import", fx->csv, NULL), SN_OK);
	assert_int_equal(count(fx, "SELECT count(*) FROM journal"), 1);
	size_t n1, n2;
	char *before = slurp(fx->db, &n1);
	assert_int_equal(run(fx, err, sizeof err, "units", "import", fx->csv, NULL), SN_OK);
	assert_non_null(strstr(err, "already applied"));
	char *after = slurp(fx->db, &n2);
	assert_int_equal(n1, n2);
	assert_memory_equal(before, after, n1);
	free(before);
	free(after);
}

static void test_changed_input_refused_then_forced(void **state)
{
	struct fixture *fx = *state;
	char err[2048];
	assert_int_equal(run(fx, err, sizeof err, "units", "import", fx->csv, NULL), SN_OK);
	write_file(fx->csv, HEADER, ROW1, ROW2);
	assert_int_equal(run(fx, err, sizeof err, "units", "import", fx->csv, NULL), SN_DATA);
	assert_non_null(strstr(err, "different inputs"));
	assert_int_equal(count(fx, "SELECT count(*) FROM link"), 1);
	assert_int_equal(run(fx, err, sizeof err, "units", "import", fx->csv, "--force", NULL), SN_OK);
	assert_int_equal(count(fx, "SELECT count(*) FROM link"), 2);
	assert_int_equal(count(fx, "SELECT count(*) FROM journal WHERE outcome = 'reapplied'"), 1);
	/* The journal keeps each input's SHA-256: the table and the built-in errata, per run. */
	assert_int_equal(count(fx, "SELECT count(*) FROM journal_input WHERE length(sha256) = 64"), 4);
	assert_int_equal(count(fx, "SELECT count(*) FROM journal_input WHERE path LIKE '(built-in %'"), 2);
}

static void test_dry_run_writes_nothing(void **state)
{
	struct fixture *fx = *state;
	char err[2048];
	assert_int_equal(run(fx, err, sizeof err, "units", "import", fx->csv, "--dry-run", NULL), SN_OK);
	assert_int_equal(access(fx->db, F_OK), -1);
	assert_int_equal(run(fx, err, sizeof err, "units", "import", fx->csv, NULL), SN_OK);
	write_file(fx->csv, HEADER, ROW1, ROW2);
	size_t n1, n2;
	char *before = slurp(fx->db, &n1);
	assert_int_equal(run(fx, err, sizeof err, "units", "import", fx->csv, "--event", "again", "--dry-run", NULL), SN_OK);
	char *after = slurp(fx->db, &n2);
	assert_int_equal(n1, n2);
	assert_memory_equal(before, after, n1);
	free(before);
	free(after);
}

static void test_failed_step_rolls_back(void **state)
{
	struct fixture *fx = *state;
	char err[2048];
	assert_int_equal(run(fx, err, sizeof err, "units", "import", fx->csv, NULL), SN_OK);
	/* The bad row comes after a good one: the good row must not survive either. */
	write_file(fx->csv, HEADER, ROW2,
		   "Tỉnh Đồng Nai (75),Phường Bình Phước,25195,Xã X,25214,Nhập đại,Thành phố Đồng Xoài (689),"
		   "Tỉnh Bình Phước (70)\n");
	size_t n1, n2;
	char *before = slurp(fx->db, &n1);
	assert_int_equal(run(fx, err, sizeof err, "units", "import", fx->csv, "--event", "second", NULL), SN_DATA);
	assert_non_null(strstr(err, "t.csv:3: unknown note 'Nhập đại'"));
	char *after = slurp(fx->db, &n2);
	assert_int_equal(n1, n2);
	assert_memory_equal(before, after, n1);
	free(before);
	free(after);
}

static void test_newer_schema_refused(void **state)
{
	struct fixture *fx = *state;
	char err[2048];
	assert_int_equal(run(fx, err, sizeof err, "units", "import", fx->csv, NULL), SN_OK);
	sqlite3 *db;
	assert_int_equal(sqlite3_open(fx->db, &db), SQLITE_OK);
	sqlite3_exec(db, "PRAGMA user_version = 999", NULL, NULL, NULL);
	sqlite3_close(db);
	assert_int_equal(run(fx, err, sizeof err, "status", NULL), SN_IO);
	assert_non_null(strstr(err, "schema 999"));
}

static void test_sha256(void **state)
{
	(void)state;
	char hex[65];
	sn_sha256_hex("abc", 3, hex);
	assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

static void test_dates(void **state)
{
	(void)state;
	assert_true(sn_valid_date("2025-07-01"));
	assert_true(sn_valid_date("2024-02-29"));
	assert_false(sn_valid_date("2025-02-29"));
	assert_false(sn_valid_date("2025-13-01"));
	assert_false(sn_valid_date("2025-7-1"));
	assert_false(sn_valid_date("01/07/2025"));
}

static void test_write_error_is_failure(void **state)
{
	(void)state;
	/* stdout on a full device: the run must not look like a success. */
	FILE *full = fopen("/dev/full", "w");
	if (!full)
		skip();
	FILE *e = tmpfile();
	char *argv[] = { (char *)"sapnhap", (char *)"--help" };
	assert_int_equal(sn_main(2, argv, full, e), SN_IO);
	fclose(full);
	fclose(e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_idempotent_rerun, setup, teardown),
		cmocka_unit_test_setup_teardown(test_changed_input_refused_then_forced, setup, teardown),
		cmocka_unit_test_setup_teardown(test_dry_run_writes_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_failed_step_rolls_back, setup, teardown),
		cmocka_unit_test_setup_teardown(test_newer_schema_refused, setup, teardown),
		cmocka_unit_test(test_sha256),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_write_error_is_failure),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
