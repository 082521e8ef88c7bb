/* test_errata.c - the conversion table's errata (errata.c) and the mistyped-name check (text.c). */
#include "testutil.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "errata.h"
#include "text.h"

static struct sn_ctx *new_ctx(FILE **err)
{
	static struct sn_ctx ctx;
	memset(&ctx, 0, sizeof ctx);
	ctx.out = stdout;
	*err = tmpfile();
	ctx.err = *err;
	return &ctx;
}

static char *key(const char *s)
{
	return sn_name_key(s, SN_KEY_KEEP_TYPE, NULL);
}

/* The built-in table loads, and names its rows as the official table publishes them. */
static void test_builtin_loads(void **state)
{
	(void)state;
	FILE *err;
	struct sn_ctx *ctx = new_ctx(&err);
	struct sn_errata e;
	assert_int_equal(sn_errata_load(ctx, NULL, &e), 0);
	assert_true(e.n >= 8);
	int found = 0;
	for (size_t i = 0; i < e.n; i++)
		if (!strcmp(e.v[i].new_code, "01648")) {
			assert_string_equal(e.v[i].old_code, "01615");
			assert_string_equal(sn_errata_columns[e.v[i].column], "old_code");
			assert_string_equal(e.v[i].published, "01615");
			assert_string_equal(e.v[i].corrected, "01651");
			assert_non_null(strstr(e.v[i].pos, "errata-2025"));
			found = 1;
		}
	assert_true(found);
	sn_errata_free(&e);
	fclose(err);
}

static void test_match(void **state)
{
	(void)state;
	FILE *err;
	struct sn_ctx *ctx = new_ctx(&err);
	struct sn_errata e;
	assert_int_equal(sn_errata_load(ctx, NULL, &e), 0);
	const struct sn_erratum *myhung = NULL, *tanan = NULL, *eakly = NULL;
	for (size_t i = 0; i < e.n; i++) {
		if (!strcmp(e.v[i].new_code, "01648"))
			myhung = &e.v[i];
		if (!strcmp(e.v[i].new_code, "27694"))
			tanan = &e.v[i];
		if (!strcmp(e.v[i].new_code, "24496") && !strcmp(e.v[i].old_code, "24496"))
			eakly = &e.v[i];
	}
	assert_non_null(myhung);
	assert_non_null(tanan);
	assert_non_null(eakly);
	char *k1 = key("Xã Mỹ Hưng"), *k2 = key("Xã Hồng Quang"), *k3 = key(" Phường  4 "),
	     *k4 = key("Xã Ea Kly"), *k5 = key("Xã   Mỹ Hưng");
	/* The old-code erratum: its row by either code; another row of the same code is not it. */
	assert_int_equal(sn_erratum_match(myhung, "01648", "01615", k1, "01615"), SN_ERRATUM_PUBLISHED);
	assert_int_equal(sn_erratum_match(myhung, "01648", "01615", k5, "01615"), SN_ERRATUM_PUBLISHED);
	assert_int_equal(sn_erratum_match(myhung, "01648", "01651", k1, "01651"), SN_ERRATUM_ALREADY);
	assert_int_equal(sn_erratum_match(myhung, "01636", "01615", k2, "01615"), SN_ERRATUM_OTHER_ROW);
	assert_int_equal(sn_erratum_match(myhung, "01648", "01699", k1, "01699"), SN_ERRATUM_OTHER_ROW);
	/* A province cell: applied only when the cell holds the published value. */
	assert_int_equal(sn_erratum_match(tanan, "27694", "27691", k3, "Tỉnh Tiền Giang (82)"), SN_ERRATUM_PUBLISHED);
	assert_int_equal(sn_erratum_match(tanan, "27694", "27691", k3, "Tỉnh Long An (80)"), SN_ERRATUM_ALREADY);
	assert_int_equal(sn_erratum_match(tanan, "27694", "27691", k3, "Tỉnh Tiền Giang (83)"), SN_ERRATUM_MISMATCH);
	assert_int_equal(sn_erratum_match(tanan, "27694", "27691", k3, ""), SN_ERRATUM_MISMATCH);
	assert_int_equal(sn_erratum_match(eakly, "24496", "24496", k4, "Xa Ea Kly"), SN_ERRATUM_PUBLISHED);
	free(k1); free(k2); free(k3); free(k4); free(k5);
	sn_errata_free(&e);
	fclose(err);
}

static void test_bad_file(void **state)
{
	(void)state;
	char path[] = "/tmp/sapnhap-errata-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	FILE *f = fdopen(fd, "w");
	fputs("new_code,old_code,old_name,column,published,corrected,confidence,evidence\n"
	      "01648,01615,Xã Mỹ Hưng,old_code,01615,01651,[law],ok\n"
	      "0164,01615,Xã Mỹ Hưng,old_code,1615x,01651,[law],bad code\n", f);
	fclose(f);
	FILE *err;
	struct sn_ctx *ctx = new_ctx(&err);
	struct sn_errata e;
	assert_int_equal(sn_errata_load(ctx, path, &e), SN_DATA);
	assert_null(e.v);
	char msg[512] = "";
	rewind(err);
	assert_non_null(fgets(msg, sizeof msg, err));
	assert_non_null(strstr(msg, ":3: "));
	fclose(err);
	unlink(path);
}

static void test_name_flaw(void **state)
{
	(void)state;
	assert_null(sn_name_flaw("Xã Ea Kly"));
	assert_null(sn_name_flaw("Phường B’Lao"));
	assert_null(sn_name_flaw("Đặc khu Cồn Cỏ"));
	assert_null(sn_name_flaw("Tỉnh Quảng Trị"));
	assert_string_equal(sn_name_flaw("Xa Ea Kly"), "type word without its diacritics");
	assert_string_equal(sn_name_flaw("Phuong Long An"), "type word without its diacritics");
	assert_string_equal(sn_name_flaw("Ea Kly"), "no unit type");
	assert_string_equal(sn_name_flaw("Quảng Trị"), "no unit type");
	assert_string_equal(sn_name_flaw("Xã  Hòa Khánh"), "stray or double space");
	assert_string_equal(sn_name_flaw(" Xã Hòa Khánh"), "stray or double space");
	/* NFD: o + combining grave */
	assert_string_equal(sn_name_flaw("Xã Ho\xcc\x80" "a Khánh"), "not in NFC");
	/* A grave accent on a letter it cannot combine with (q). */
	assert_string_equal(sn_name_flaw("Xã Q\xcc\x80uang"), "a diacritic that does not combine with its letter");
	assert_string_equal(sn_name_flaw("Xã \xff"), "not valid UTF-8");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_builtin_loads),
		cmocka_unit_test(test_match),
		cmocka_unit_test(test_bad_file),
		cmocka_unit_test(test_name_flaw),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
