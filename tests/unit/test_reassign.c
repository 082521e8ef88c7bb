/* test_reassign.c - reassign through its phases (reassign.h): load the tables, apply, check,
 * undo, on the samples after recode and the imports (built with sn_main). Each test runs inside
 * a transaction it rolls back. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"
#include "db.h"
#include "reassign.h"

struct fx {
	struct test_db t;
	struct sn_reassign ra;
};

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	if (!f || test_db_create(&f->t, "reassign"))
		return -1;
	if (test_db_samples(&f->t, 1))
		return -1;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	int r = test_db_remove(&f->t);
	free(f);
	return r;
}

static int begin(void **state)
{
	struct fx *f = *state;
	f->ra = (struct sn_reassign){ .ctx = &f->t.ctx, .date = "2025-07-01" };
	return test_db_begin(&f->t) ||
	    sn_merged_province(&f->t.ctx, f->ra.target, f->ra.root) ? -1 : 0;
}

static int end(void **state)
{
	struct fx *f = *state;
	test_db_end(&f->t);
	return 0;
}

static long long count(struct fx *f, const char *sql)
{
	long long n;
	assert_int_equal(sn_query_int(&f->t.ctx, &n, sql), 0);
	return n;
}

/* The merged province reassign works for. */
static void test_merged_province(void **state)
{
	struct fx *f = *state;
	assert_string_equal(f->ra.target, "75");
	assert_string_equal(f->ra.root, "000.00.00.H19");
}

/* The three phases on the samples: what 'reassign --hamlets' reports in t0900. */
static void test_phases(void **state)
{
	struct fx *f = *state;
	assert_int_equal(sn_reassign_load(&f->ra, NULL, NULL, "samples/dossiers/hamlets.csv"), 0);
	assert_int_equal(count(f, "SELECT count(*) FROM temp.jrule WHERE kind = 'default'"), 1);
	assert_int_equal(sn_reassign_apply(&f->ra), 0);
	/* Nothing at district level is left active. */
	assert_int_equal(count(f, "SELECT count(*) FROM binding b JOIN agency a ON a.code = b.agency_code "
				  "WHERE b.active AND a.kind IN ('district-committee', 'district-office')"), 0);
	assert_int_equal(sn_reassign_check(&f->ra), 0);
	assert_int_equal(f->ra.moved, 40);
	assert_int_equal(f->ra.queued_dossiers, 1);
	assert_int_equal(f->ra.queued_bindings, 0);
	assert_int_equal(f->ra.conflicts, 31);
	assert_int_equal(f->ra.defaults, 9);
}

/* A conservation check that fails stops the step: SN_INTERNAL, with what failed. */
static void test_conservation(void **state)
{
	struct fx *f = *state;
	assert_int_equal(sn_reassign_compute(&f->ra, NULL, NULL, NULL), 0);
	assert_int_equal(sn_exec(&f->t.ctx, "DELETE FROM dossier_history WHERE dossier_id = (SELECT max(id) "
					 "FROM dossier); DELETE FROM dossier WHERE id = (SELECT max(id) FROM dossier)"), 0);
	assert_int_equal(sn_reassign_check(&f->ra), SN_INTERNAL);
	assert_non_null(strstr(test_db_errors(&f->t), "conservation check failed: dossiers before and after differ"));
}

/* Tables: no default rule; a hamlet listed twice; a decision that matches nothing. */
static void test_tables(void **state)
{
	struct fx *f = *state;
	test_write_file(f->t.file, "match,target,department\nfield:G05-KD10,commune,\n");
	assert_int_equal(sn_reassign_load(&f->ra, f->t.file, NULL, NULL), SN_DATA);
	assert_non_null(strstr(test_db_errors(&f->t), "no 'default' line"));

	test_write_file(f->t.file, "old_commune,hamlet,new_commune\n26449,Ấp 4,26446\n26449,Ấp 4,26359\n");
	assert_int_equal(sn_reassign_load(&f->ra, NULL, NULL, f->t.file), SN_DATA);
	assert_non_null(strstr(test_db_errors(&f->t), "hamlet 'Ấp 4' of 26449 is listed twice"));

	test_write_file(f->t.file, "subject,field,value,reason\n9.999999,fee,Không,test\n");
	assert_int_equal(sn_reassign_compute(&f->ra, NULL, f->t.file, NULL), SN_DATA);
	assert_non_null(strstr(test_db_errors(&f->t), "matches no procedure or dossier"));
}

/* Undo puts the imported state back. */
static void test_undo(void **state)
{
	struct fx *f = *state;
	int undone = -1;
	assert_int_equal(sn_reassign_undo(&f->t.ctx, &undone), 0);
	assert_int_equal(undone, 0);
	assert_int_equal(sn_reassign_compute(&f->ra, NULL, NULL, "samples/dossiers/hamlets.csv"), 0);
	assert_true(count(f, "SELECT count(*) FROM merged_procedure") > 0);
	assert_int_equal(sn_reassign_undo(&f->t.ctx, &undone), 0);
	assert_int_equal(undone, 1);
	assert_int_equal(count(f, "SELECT count(*) FROM merged_procedure"), 0);
	assert_int_equal(count(f, "SELECT count(*) FROM dossier_history"), 0);
	assert_int_equal(count(f, "SELECT count(*) FROM binding WHERE from_binding IS NOT NULL"), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_merged_province, begin, end),
		cmocka_unit_test_setup_teardown(test_phases, begin, end),
		cmocka_unit_test_setup_teardown(test_conservation, begin, end),
		cmocka_unit_test_setup_teardown(test_tables, begin, end),
		cmocka_unit_test_setup_teardown(test_undo, begin, end),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
