/* test_recode.c - recode through its functions (recode.h): the phases on the sample registries,
 * the decision of each agency kind, the allocation of codes and its limits. The database is
 * built with whole commands (sn_main); each test then runs the computation inside a
 * transaction it rolls back. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"
#include "db.h"
#include "recode.h"

struct fx {
	struct test_db t;
	struct recode rc;
};

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	if (!f || test_db_create(&f->t, "recode"))
		return -1;
	if (test_db_samples(&f->t, 0))
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

/* Each test: the database open, a transaction begun, RC prepared. */
static int begin(void **state)
{
	struct fx *f = *state;
	f->rc = (struct recode){ .ctx = &f->t.ctx, .date = "2025-07-01" };
	return test_db_begin(&f->t) || sn_recode_prepare(&f->rc) ? -1 : 0;
}

static int end(void **state)
{
	struct fx *f = *state;
	sn_recode_release(&f->rc);
	test_db_end(&f->t);
	return 0;
}

static const struct ag *find(const struct recode *rc, const char *code)
{
	for (int i = 0; i < rc->n; i++)
		if (!strcmp(rc->a[i].code, code))
			return &rc->a[i];
	fail_msg("no agency %s", code);
	return NULL;
}

/* The phases on the samples: the same result 'recode' prints in t0700. */
static void test_compute(void **state)
{
	struct fx *f = *state;
	assert_int_equal(sn_recode_compute(&f->rc, NULL, NULL, NULL, NULL), 0);
	assert_string_equal(f->rc.target, "75");
	assert_string_equal(f->rc.l1, "H19");
	assert_int_equal(f->rc.nabs, 2);
	assert_string_equal(f->rc.absorbed[0], "H10");
	assert_int_equal(f->rc.ncc, 21);
	assert_int_equal(f->rc.counts[O_KEPT], 17);
	assert_int_equal(f->rc.counts[O_RENUMBERED], 33);
	assert_int_equal(f->rc.counts[O_MERGED], 36);
	assert_int_equal(f->rc.counts[O_CLOSED], 43);
}

/* One rule per kind. */
static void test_decisions_by_kind(void **state)
{
	struct fx *f = *state;
	assert_int_equal(sn_recode_compute(&f->rc, NULL, NULL, NULL, NULL), 0);
	/* The absorbed province's committee merges into the survivor's. */
	const struct ag *a = find(&f->rc, "000.00.00.H10");
	assert_int_equal(a->out, O_MERGED);
	assert_string_equal(a->home, "000.00.00.H19");
	/* The survivor's committee is kept. */
	assert_int_equal(find(&f->rc, "000.00.00.H19")->out, O_KEPT);
	/* A department merges into the carrier of its function. */
	a = find(&f->rc, "000.00.16.H10");
	assert_int_equal(a->out, O_MERGED);
	assert_string_equal(a->home, "000.00.12.H19");
	assert_non_null(strstr(a->reason, "same function (health)"));
	/* A district committee closes with its area's commune committees as successors. */
	a = find(&f->rc, "000.00.31.H10");
	assert_int_equal(a->out, O_CLOSED);
	assert_int_equal(a->nsucc, 1);
	assert_string_equal(a->succ[0], "000.03.60.H19");
	/* A split commune's committee closes with both parts' committees. */
	a = find(&f->rc, "000.00.40.H19");
	assert_int_equal(a->out, O_CLOSED);
	assert_int_equal(a->nsucc, 2);
}

/* Codes: the next free code by the rules, never one issued or closed. */
static void test_allocation(void **state)
{
	struct fx *f = *state;
	char code[40], how[700], key[40];
	assert_int_equal(sn_recode_compute(&f->rc, NULL, NULL, NULL, NULL), 0);
	/* 21 committees took 000.01.60.H19 .. 000.21.60.H19: the next is 22. */
	assert_int_equal(rc_allocate(&f->rc, "commune-committee", "test:1", code, how), 0);
	assert_string_equal(code, "000.22.60.H19");
	assert_non_null(strstr(how, "000.{n}.60.{l1}"));
	assert_int_equal(rc_is_taken(&f->rc, "000.01.60.H19", "test:1"), 1);
	assert_int_equal(rc_is_taken(&f->rc, "000.00.00.H10", "test:1"), 1);  /* an old code */
	rc_key_of("H19.16", key);
	char key2[40];
	rc_key_of("000.00.16.H19", key2);
	assert_string_equal(key, key2);  /* notation-independent */
}

/* A range too small for the new communes is an error that says which rule to add. */
static void test_allocation_exhausted(void **state)
{
	struct fx *f = *state;
	test_write_file(f->t.file, "kind,pattern,first,last\ndepartment,000.00.{n}.{l1},21,30\n"
			    "commune-committee,000.{n}.60.{l1},1,5\n");
	assert_int_equal(sn_recode_compute(&f->rc, NULL, NULL, f->t.file, NULL), SN_DATA);
	assert_non_null(strstr(test_db_errors(&f->t), "no free code left for a commune-committee"));
}

/* A rule row that is not one. */
static void test_bad_rule(void **state)
{
	struct fx *f = *state;
	test_write_file(f->t.file, "kind,pattern,first,last\ncommune-committee,000.{n}.60.{l1},x,5\n");
	assert_int_equal(sn_recode_compute(&f->rc, NULL, NULL, f->t.file, NULL), SN_DATA);
	assert_non_null(strstr(test_db_errors(&f->t), "a range first <= last, from 1"));
}

/* A pin wins over the kind's rule. */
static void test_pin(void **state)
{
	struct fx *f = *state;
	test_write_file(f->t.file, "subject,code\n000.00.16.H10,000.00.29.H19\n");
	assert_int_equal(sn_recode_compute(&f->rc, NULL, NULL, NULL, f->t.file), 0);
	const struct ag *a = find(&f->rc, "000.00.16.H10");
	assert_int_equal(a->out, O_RENUMBERED);
	assert_string_equal(a->home, "000.00.29.H19");
	assert_non_null(strstr(a->reason, "pinned"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_compute, begin, end),
		cmocka_unit_test_setup_teardown(test_decisions_by_kind, begin, end),
		cmocka_unit_test_setup_teardown(test_allocation, begin, end),
		cmocka_unit_test_setup_teardown(test_allocation_exhausted, begin, end),
		cmocka_unit_test_setup_teardown(test_bad_rule, begin, end),
		cmocka_unit_test_setup_teardown(test_pin, begin, end),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
