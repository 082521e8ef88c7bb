/* test_strset.c - unit tests of the string set (tools/strset.c) the dossier import checks rows
 * against. */
#include "testutil.h"

#include <stdio.h>
#include <string.h>

#include "strset.h"

static void test_membership(void **state)
{
	(void)state;
	sn_strset *s = sn_strset_new();
	assert_non_null(s);
	assert_false(sn_strset_has(s, "000.00.16.H19"));
	assert_int_equal(sn_strset_add(s, "000.00.16.H19"), 0);
	assert_int_equal(sn_strset_add(s, "000.00.16.H19"), 0);  /* a second add is no new member */
	assert_int_equal(sn_strset_count(s), 1);
	assert_true(sn_strset_has(s, "000.00.16.H19"));
	/* Exact strings: another notation or case is another key (callers normalise first). */
	assert_false(sn_strset_has(s, "H19.16"));
	assert_false(sn_strset_has(s, "000.00.16.h19"));
	assert_false(sn_strset_has(s, "000.00.16.H1"));
	assert_false(sn_strset_has(s, ""));
	assert_int_equal(sn_strset_add(s, ""), 0);
	assert_true(sn_strset_has(s, ""));
	sn_strset_free(s);
}

/* Growing past many doublings keeps every member and admits no stranger. */
static void test_growth(void **state)
{
	(void)state;
	sn_strset *s = sn_strset_new();
	char k[32];
	for (int i = 0; i < 100000; i++) {
		snprintf(k, sizeof k, "%05d", i * 3);
		assert_int_equal(sn_strset_add(s, k), 0);
	}
	assert_int_equal(sn_strset_count(s), 100000);
	for (int i = 0; i < 300000; i++) {
		snprintf(k, sizeof k, "%05d", i);
		if ((i % 3 == 0) != sn_strset_has(s, k))
			fail_msg("membership of %s is wrong", k);
	}
	sn_strset_free(s);
	sn_strset_free(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_membership),
		cmocka_unit_test(test_growth),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
