/* test_xwalk.c - the crosswalk as a lookup and as sn_new_code() in SQL, on a database built
 * in-process from samples/ (units, both registries, recode). Runs from the repository root. */
#include "testutil.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"
#include "db.h"
#include "xwalk.h"

static char dbpath[64];

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

static int setup(void **state)
{
	(void)state;
	snprintf(dbpath, sizeof dbpath, "/tmp/sn-test-xwalk-%ld.db", (long)getpid());
	unlink(dbpath);
	setenv("SOURCE_DATE_EPOCH", "1795176000", 1);
	if (run("units", "import", "samples/units/conversion-2025.csv", NULL, NULL) ||
	    run("units", "import", "samples/units/pre-reform-list.csv", NULL, NULL) ||
	    run("agencies", "import", "samples/agencies/binhphuoc.csv", "--province", "70") ||
	    run("agencies", "import", "samples/agencies/dongnai.csv", "--province", "75") ||
	    run("recode", NULL, NULL, NULL, NULL))
		return -1;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	unlink(dbpath);
	return 0;
}

struct fx {
	struct sn_ctx ctx;
	struct sn_xwalk *xw;
};

static int open_db(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	f->ctx.out = stdout;
	f->ctx.err = stderr;
	f->ctx.db_path = dbpath;
	if (sn_db_open(&f->ctx, 1) || !(f->xw = sn_xwalk_open(&f->ctx)) || sn_xwalk_sql(&f->ctx, f->xw))
		return -1;
	*state = f;
	return 0;
}

static int close_db(void **state)
{
	struct fx *f = *state;
	sn_xwalk_close(f->xw);
	sn_db_close(&f->ctx);
	free(f);
	return 0;
}

/* sn_new_code(IN) as text, or "error: MESSAGE". */
static char *new_code(struct fx *f, const char *in)
{
	static char buf[600];
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(f->ctx.db, "SELECT sn_new_code(?1)", -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, in, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		snprintf(buf, sizeof buf, "%s", (const char *)sqlite3_column_text(st, 0));
	else
		snprintf(buf, sizeof buf, "error: %s", sqlite3_errmsg(f->ctx.db));
	sqlite3_finalize(st);
	return buf;
}

static void test_lookup(void **state)
{
	struct fx *f = *state;
	char out[1024];
	assert_int_equal(sn_xwalk_lookup(f->xw, "000.00.00.H19", out, sizeof out), SN_MAP_SAME);
	assert_int_equal(sn_xwalk_lookup(f->xw, "000.00.00.H10", out, sizeof out), SN_MAP_NEW);
	assert_string_equal(out, "000.00.00.H19");
	/* Written in QĐ 20 notation, answered in it. */
	assert_int_equal(sn_xwalk_lookup(f->xw, "H10.03", out, sizeof out), SN_MAP_NEW);
	assert_string_equal(out, "H19.05");
	/* A district office closed with one successor (its department) is unambiguous. */
	assert_int_equal(sn_xwalk_lookup(f->xw, "000.01.32.H10", out, sizeof out), SN_MAP_NEW);
	assert_string_equal(out, "000.00.05.H19");
	/* A district committee closed with several successors is not. */
	assert_int_equal(sn_xwalk_lookup(f->xw, "000.00.32.H10", out, sizeof out), SN_MAP_AMBIGUOUS);
	assert_string_equal(out, "000.01.60.H19; 000.02.60.H19");
	/* Unknown under a closed level-1 code: nothing says where it goes. */
	assert_int_equal(sn_xwalk_lookup(f->xw, "000.00.77.H10", out, sizeof out), SN_MAP_AMBIGUOUS);
	/* Somebody else's code. */
	assert_int_equal(sn_xwalk_lookup(f->xw, "000.00.18.G12", out, sizeof out), SN_MAP_UNKNOWN);
}

static void test_sql_identifiers(void **state)
{
	struct fx *f = *state;
	assert_string_equal(new_code(f, "1.001612.000.00.00.H10"), "1.001612.000.00.00.H19");
	assert_string_equal(new_code(f, "2.000815.000.00.16.H10.02"), "2.000815.000.00.12.H19.02");
	assert_string_equal(new_code(f, "000.00.00.H10,2024/05/02,123/UBND-KT"),
			    "000.00.00.H19,2024/05/02,123/UBND-KT");
	/* An issued dossier code stays valid, even when its agency closed ambiguously. */
	assert_string_equal(new_code(f, "000.00.32.H10-250615-0007"), "000.00.32.H10-250615-0007");
	/* Free text is never edited. */
	assert_string_equal(new_code(f, "gửi 000.00.00.H10"), "gửi 000.00.00.H10");
	assert_string_equal(new_code(f, "000.00.18.G12"), "000.00.18.G12");
	assert_non_null(strstr(new_code(f, "000.00.32.H10"), "error: '000.00.32.H10' has several successors"));
}

static void test_sql_update_is_all_or_nothing(void **state)
{
	struct fx *f = *state;
	sqlite3 *db = f->ctx.db;
	assert_int_equal(sqlite3_exec(db, "CREATE TEMP TABLE b(code TEXT); INSERT INTO b VALUES "
				      "('1.001612.000.00.00.H10'), ('000.00.32.H10')", NULL, NULL, NULL), SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(db, "UPDATE b SET code = sn_new_code(code)", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT count(*) FROM b WHERE code LIKE '%H10'", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(st, 0), 2);  /* the failed UPDATE changed no row */
	sqlite3_finalize(st);
}

int main(void)
{
	if (access("samples/agencies/binhphuoc.csv", R_OK) != 0) {
		fprintf(stderr, "test_xwalk: run from the repository root\n");
		return 1;
	}
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_lookup, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_sql_identifiers, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_sql_update_is_all_or_nothing, open_db, close_db),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
