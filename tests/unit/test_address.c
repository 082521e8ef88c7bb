/* test_address.c - the address parser and matcher (address.c) on the authored samples, and the
 * text layer's two keys at once (sn_name_keys). */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "address.h"
#include "cli.h"
#include "db.h"
#include "text.h"

struct fx {
	char dir[64], db[96], hamlets[96];
	struct sn_ctx ctx;
	sn_areg *reg;
};

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	snprintf(f->dir, sizeof f->dir, "/tmp/sn-test-address-XXXXXX");
	if (!f || !mkdtemp(f->dir))
		return -1;
	snprintf(f->db, sizeof f->db, "%s/w.db", f->dir);
	snprintf(f->hamlets, sizeof f->hamlets, "%s/h.csv", f->dir);
	if (test_sapnhap(f->db, "units", "import", "samples/units/conversion-2025.csv", NULL) ||
	    test_sapnhap(f->db, "units", "import", "samples/units/pre-reform-list.csv", NULL))
		return -1;
	FILE *h = fopen(f->hamlets, "w");
	if (!h)
		return -1;
	fputs("old_commune,hamlet,new_commune\n26449,Ấp 4,26446\n26449,Thôn Bắc,26359\n", h);
	fclose(h);
	f->ctx.out = stdout;
	f->ctx.err = stderr;
	f->ctx.db_path = f->db;
	int rc;
	if (sn_db_open(&f->ctx, 1) || !(f->reg = sn_areg_load(&f->ctx, "2025-07-01", &rc)))
		return -1;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	char cmd[128];
	sn_areg_free(f->reg);
	sn_db_close(&f->ctx);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
	int r = system(cmd);
	free(f);
	return r ? -1 : 0;
}

/* Matches S and checks status, commune code and (when not NULL) that REASON is among the reasons. */
static void check(sn_areg *r, const char *s, enum sn_addr_status st, const char *code, const char *reason)
{
	struct sn_addr a;
	char reasons[400];
	assert_int_equal(sn_address_match(r, s, &a), 0);
	sn_addr_reasons(a.reasons, reasons, sizeof reasons);
	if (a.status != st || strcmp(a.status == SN_ADDR_AMBIGUOUS ? a.candidates : a.commune_code, code) ||
	    (reason && !strstr(reasons, reason)))
		fail_msg("'%s': %s %s [%s] (candidates %s), expected %s %s [%s]", s, sn_addr_status_name(a.status),
			 a.commune_code, reasons, a.candidates, sn_addr_status_name(st), code, reason ? reason : "");
	sn_addr_release(&a);
}

static void test_full_forms(void **state)
{
	struct fx *f = *state;
	check(f->reg, "Số 12, Xã Tiến Hưng, Thành phố Đồng Xoài, Tỉnh Bình Phước", SN_ADDR_CONVERTED, "25195", "exact");
	check(f->reg, "SO 12, XA TIEN HUNG, THANH PHO DONG XOAI, TINH BINH PHUOC", SN_ADDR_CONVERTED, "25195",
	      "diacritics_restored");
	check(f->reg, "so 12 - xa tien hung - tp dong xoai - binh phuoc", SN_ADDR_CONVERTED, "25195", NULL);
	check(f->reg, "Số 12,X.Tiến Hưng,TP.Đồng Xoài,Bình Phước", SN_ADDR_CONVERTED, "25195", "abbreviation");
	check(f->reg, "Phường Trúc Bạch Quận Ba Đình Thành phố Hà Nội", SN_ADDR_CONVERTED, "00004", NULL);
	check(f->reg, "P.Trúc Bạch, Q.Ba Đình, HN", SN_ADDR_CONVERTED, "00004", "abbreviation");
	/* NFD, as a Windows-1258 export decomposes it */
	check(f->reg, "Xa\xcc\x83 Tie\xcc\x82\xcc\x81n Hu\xcc\x9bng, Bi\xcc\x80nh Phu\xcc\x9bo\xcc\x9b\xcc\x81" "c",
	      SN_ADDR_CONVERTED, "25195", NULL);
}

static void test_missing_parts(void **state)
{
	struct fx *f = *state;
	check(f->reg, "Xã Tiến Hưng, Tỉnh Bình Phước", SN_ADDR_CONVERTED, "25195", "district_inferred");
	check(f->reg, "Xã Tiến Hưng, Thành phố Đồng Xoài", SN_ADDR_CONVERTED, "25195", "province_inferred");
	check(f->reg, "Tiến Hưng, Đồng Xoài, Bình Phước", SN_ADDR_CONVERTED, "25195", NULL);
	/* the same name in two old districts of the new province: both */
	check(f->reg, "Xã Bình Sơn, Tỉnh Bình Phước", SN_ADDR_CONVERTED, "25220", NULL);
	check(f->reg, "Xã Tân Thành, Tỉnh Bình Phước", SN_ADDR_AMBIGUOUS, "25210;25318", "several_units");
}

static void test_typos(void **state)
{
	struct fx *f = *state;
	check(f->reg, "Xã Tiến Hưg, Thành phố Đồng Xoài, Tỉnh Bình Phước", SN_ADDR_CONVERTED, "25195", "typo_corrected");
	check(f->reg, "Xã Tiến Hnưg, Thành phố Đồng Xoài, Tỉnh Bình Phước", SN_ADDR_CONVERTED, "25195", "typo_corrected");
	/* no commune recognised: the district's new communes, for a person to choose */
	check(f->reg, "Xã Zzz, Thành phố Đồng Xoài, Tỉnh Bình Phước", SN_ADDR_AMBIGUOUS, "25195;25210", "district_only");
	check(f->reg, "Xã Zzz, Tỉnh Bình Phước", SN_ADDR_NOT_FOUND, "", NULL);
}

static void test_splits(void **state)
{
	struct fx *f = *state;
	check(f->reg, "Phường Thụy Khuê, Quận Tây Hồ, Hà Nội", SN_ADDR_CONVERTED, "00103", "split_population");
	check(f->reg, "Xã Xuân Tâm, Huyện Xuân Lộc, Tỉnh Đồng Nai", SN_ADDR_AMBIGUOUS, "26359;26446", "split");
	assert_int_equal(sn_areg_hamlets(&f->ctx, f->reg, f->hamlets), 0);
	check(f->reg, "Ấp 4, Xã Xuân Tâm, Huyện Xuân Lộc, Tỉnh Đồng Nai", SN_ADDR_CONVERTED, "26446", "split_hamlet");
	check(f->reg, "thon bac, xa xuan tam, xuan loc, dong nai", SN_ADDR_CONVERTED, "26359", "split_hamlet");
	check(f->reg, "Ấp 9, Xã Xuân Tâm, Huyện Xuân Lộc, Tỉnh Đồng Nai", SN_ADDR_AMBIGUOUS, "26359;26446", NULL);
}

static void test_new_form_and_street(void **state)
{
	struct fx *f = *state;
	check(f->reg, "Số 5, Phường Ba Đình, Thành phố Hà Nội", SN_ADDR_ALREADY_NEW, "00004", "exact");
	check(f->reg, "", SN_ADDR_NOT_FOUND, "", "no_unit");
	check(f->reg, "\xff\xfe", SN_ADDR_NOT_FOUND, "", "no_unit");
	/* the street part is kept byte for byte, NFD and double spaces included */
	struct sn_addr a;
	const char *s = "Ngo\xcc\x83  7/3 Le\xcc\x82 Lo\xcc\x9b\xcc\xa3i - Phường Tân Phú, Đồng Xoài, Bình Phước";
	assert_int_equal(sn_address_match(f->reg, s, &a), 0);
	assert_string_equal(a.address_new, "Ngo\xcc\x83  7/3 Le\xcc\x82 Lo\xcc\x9b\xcc\xa3i, Phường Bình Phước, Tỉnh Đồng Nai");
	assert_string_equal(a.old_commune_code, "25195");
	assert_string_equal(a.old_district_code, "689");
	assert_string_equal(a.old_province_code, "70");
	assert_string_equal(a.province_code, "75");
	assert_true(a.confidence >= 0.95);
	sn_addr_release(&a);
}

static void test_lookups(void **state)
{
	struct fx *f = *state;
	int out[8];
	assert_int_equal(sn_areg_find(f->reg, "Xã Bình Sơn", NULL, NULL, out, 8), 2);
	assert_int_equal(sn_areg_find(f->reg, "xa binh son", "Huyện Long Thành", NULL, out, 8), 1);
	struct sn_aunit u;
	sn_areg_unit(f->reg, out[0], &u);
	assert_string_equal(u.code, "26395");
	assert_int_equal(sn_areg_find(f->reg, "Xã Bình Sơn", NULL, "70", out, 8), 1);
	assert_int_equal(sn_areg_find(f->reg, "Xã Bình Sơn", NULL, "Đồng Nai", out, 8), 2);
	int p = sn_areg_code(f->reg, "province", "70");
	assert_true(p >= 0);
	const char *code, *name, *share;
	sn_areg_succ(f->reg, p, 0, &code, &name, &share);
	assert_string_equal(code, "75");
	assert_int_equal(sn_areg_code(f->reg, "commune", "99999"), -1);
}

static void test_name_keys(void **state)
{
	(void)state;
	static const char *const names[] = { "P.Hoà Bình", "Thị xã Phước Long", "Xa Tien Hung", "Phường 01",
					     "Xã Đức Hạnh", "Thu\xcc\x9bo\xcc\x9b\xcc\x80ng", "BR-VT" };
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		char *k, *a;
		sn_unit_type t1, t2;
		assert_int_equal(sn_name_keys(names[i], &k, &a, &t1), 0);
		char *k2 = sn_name_key(names[i], 0, &t2), *a2 = sn_name_key(names[i], SN_KEY_ASCII, NULL);
		assert_string_equal(k, k2);
		assert_string_equal(a, a2);
		assert_int_equal(t1, t2);
		free(k); free(a); free(k2); free(a2);
	}
	char *k, *a;
	assert_int_equal(sn_name_keys("\xff", &k, &a, NULL), -1);
	assert_null(k);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_full_forms),
		cmocka_unit_test(test_missing_parts),
		cmocka_unit_test(test_typos),
		cmocka_unit_test(test_splits),
		cmocka_unit_test(test_new_form_and_street),
		cmocka_unit_test(test_lookups),
		cmocka_unit_test(test_name_keys),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
