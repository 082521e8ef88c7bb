/* test_values.c - unit tests of the value types (tools/values.c): every type, every accepted
 * spelling and its stored form, and the rejections with their messages. */
#include "testutil.h"

#include <stdio.h>
#include <string.h>

#include "values.h"

/* S read as T (flags F) must store WANT. */
static void ok(enum sn_vtype t, const char *s, int f, const char *want)
{
	struct sn_value v;
	char err[1000];
	int r = sn_value_parse(t, s, f, NULL, &v, err, sizeof err);
	if (r != 0 || strcmp(v.text, want))
		fail_msg("%s '%s': got %d '%s' (%s), want '%s'", sn_vtype_name(t), s, r, v.text ? v.text : "(null)",
			 err, want);
	sn_value_release(&v);
}

/* S read as T (flags F) must be refused with a message starting with WANT. */
static void bad(enum sn_vtype t, const char *s, int f, const char *want)
{
	struct sn_value v;
	char err[1000];
	int r = sn_value_parse(t, s, f, NULL, &v, err, sizeof err);
	if (r != -1 || strncmp(err, want, strlen(want)))
		fail_msg("%s '%s': got %d '%s', want refused with '%s...'", sn_vtype_name(t), s, r, err, want);
	sn_value_release(&v);
}

static void test_yesno(void **state)
{
	(void)state;
	static const char *yes[] = { "yes", "Yes", "YES", "có", "Có", "CÓ", "co", "c\xc3\xb3", "co\xcc\x81",
				     "1", "x", "X", "true", "TRUE", " có ", NULL };
	static const char *no[] = { "no", "No", "không", "Không", "KHÔNG", "khong", "kho\xcc\x82ng", "0",
				    "false", "False", NULL };
	for (int i = 0; yes[i]; i++)
		ok(SN_V_YESNO, yes[i], SN_VALUE_REQUIRED, "1");
	for (int i = 0; no[i]; i++)
		ok(SN_V_YESNO, no[i], SN_VALUE_REQUIRED, "0");
	struct sn_value v;
	char err[1000];
	assert_int_equal(sn_value_parse(SN_V_YESNO, "Có", 0, NULL, &v, err, sizeof err), 0);
	assert_int_equal(v.flag, 1);
	sn_value_release(&v);
	/* absent: no, as the catalogs have always read it; a decision must give it */
	ok(SN_V_YESNO, "", 0, "0");
	ok(SN_V_YESNO, NULL, 0, "0");
	bad(SN_V_YESNO, "", SN_VALUE_REQUIRED, "is empty (accepted: yes, no, có, không, 1, 0, x");
	bad(SN_V_YESNO, "maybe", 0, "is not a yes/no value (accepted: yes, no, có, không, 1, 0, x, true, "
	    "false; any case, with or without diacritics)");
	bad(SN_V_YESNO, "2", 0, "is not a yes/no value");
	bad(SN_V_YESNO, "yes please", 0, "is not a yes/no value");
	bad(SN_V_YESNO, "\xff", 0, "is not valid UTF-8");
}

static void test_online(void **state)
{
	(void)state;
	static const struct {
		const char *in, *want;
	} cases[] = {
		{ "toàn trình", "full" }, { "Toàn trình", "full" }, { "TOÀN TRÌNH", "full" },
		{ "toa\xcc\x80n tri\xcc\x80nh", "full" }, { "toan trinh", "full" }, { "full", "full" },
		{ "Full", "full" }, { "4", "full" }, { "04", "full" }, { "Mức độ 4", "full" },
		{ "trực tuyến toàn trình", "full" },
		{ "một phần", "partial" }, { "Một phần", "partial" }, { "mot phan", "partial" },
		{ "partial", "partial" }, { "3", "partial" }, { "mức độ 3", "partial" },
		{ "trực tuyến một phần", "partial" },
		{ "không", "none" }, { "none", "none" }, { "2", "none" }, { "1", "none" },
		{ "mức độ 2", "none" }, { "mức độ 1", "none" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		ok(SN_V_ONLINE, cases[i].in, SN_VALUE_REQUIRED, cases[i].want);
	ok(SN_V_ONLINE, "", 0, "none");
	bad(SN_V_ONLINE, "", SN_VALUE_REQUIRED, "is empty (accepted: toàn trình, một phần, không");
	bad(SN_V_ONLINE, "5", 0, "is not an online level (accepted: toàn trình, một phần, không, full, "
	    "partial, none, or the old levels 4 (full), 3 (partial), 1-2 (none)");
	bad(SN_V_ONLINE, "nửa phần", 0, "is not an online level");
	bad(SN_V_ONLINE, "yes", 0, "is not an online level");
}

static void test_time_unit(void **state)
{
	(void)state;
	static const struct {
		const char *in, *want;
	} cases[] = {
		{ "ngày làm việc", "working-day" }, { "Ngày làm việc", "working-day" },
		{ "nga\xcc\x80y la\xcc\x80m vie\xcc\xa3\xcc\x82\x63", "working-day" },
		{ "working day", "working-day" }, { "working days", "working-day" },
		{ "working-day", "working-day" }, { "ngày", "day" }, { "day", "day" }, { "days", "day" },
		{ "giờ", "hour" }, { "Giờ", "hour" }, { "giờ làm việc", "hour" }, { "hour", "hour" },
		{ "hours", "hour" }, { "tháng", "month" }, { "month", "month" }, { "months", "month" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		ok(SN_V_TIME_UNIT, cases[i].in, 0, cases[i].want);
	ok(SN_V_TIME_UNIT, "", 0, "");
	bad(SN_V_TIME_UNIT, "tuần", 0, "is not a time unit (accepted: ngày làm việc, ngày, giờ, tháng, or "
	    "working-day, day, hour, month)");
	bad(SN_V_TIME_UNIT, "", SN_VALUE_REQUIRED, "is empty");
}

static void test_time_limit(void **state)
{
	(void)state;
	static const struct {
		const char *in, *want;
	} cases[] = {
		{ "2 ngày làm việc", "2 working-day" }, { "2 working-day", "2 working-day" },
		{ "2 working days", "2 working-day" }, { "2ngày làm việc", "2 working-day" },
		{ "15 ngày", "15 day" }, { "48 giờ", "48 hour" }, { "1 tháng", "1 month" },
		{ "1,5 ngày", "1.5 day" }, { "0.5 day", "0.5 day" }, { "2.0 working-day", "2 working-day" },
		{ "  3   Ngày  ", "3 day" }, { "007 ngày", "7 day" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		ok(SN_V_TIME_LIMIT, cases[i].in, SN_VALUE_REQUIRED, cases[i].want);
	struct sn_value v;
	char err[1000];
	assert_int_equal(sn_value_parse(SN_V_TIME_LIMIT, "1,5 ngày làm việc", 0, NULL, &v, err, sizeof err), 0);
	assert_true(v.has_number);
	assert_true(v.number == 1.5);
	assert_string_equal(v.unit, "working-day");
	sn_value_release(&v);
	/* a catalog's time limit column: a bare number, its unit in the next column */
	ok(SN_V_TIME_LIMIT, "15", SN_VALUE_UNIT_OPTIONAL, "15");
	ok(SN_V_TIME_LIMIT, "1,5", SN_VALUE_UNIT_OPTIONAL, "1.5");
	ok(SN_V_TIME_LIMIT, "2 ngày", SN_VALUE_UNIT_OPTIONAL, "2 day");
	ok(SN_V_TIME_LIMIT, "", SN_VALUE_UNIT_OPTIONAL, "");
	assert_int_equal(sn_value_parse(SN_V_TIME_LIMIT, "", 0, NULL, &v, err, sizeof err), 0);
	assert_false(v.has_number);
	sn_value_release(&v);
	bad(SN_V_TIME_LIMIT, "2", 0, "has no unit (accepted: a number and its unit");
	bad(SN_V_TIME_LIMIT, "hai ngày", 0, "is not a time limit (accepted: a number and its unit: "
	    "'2 ngày làm việc'");
	bad(SN_V_TIME_LIMIT, "ba ngày", SN_VALUE_UNIT_OPTIONAL, "is not a time limit (accepted: a number, "
	    "'15' or '1,5'");
	bad(SN_V_TIME_LIMIT, "2 tuần", 0, "has the unit 'tuần', which is not a time unit (accepted: ngày làm "
	    "việc");
	bad(SN_V_TIME_LIMIT, "-2 ngày", 0, "is not a time limit");
	bad(SN_V_TIME_LIMIT, "1e3 ngày", 0, "has the unit 'e3 ngày'");
	bad(SN_V_TIME_LIMIT, "2 ngày 3 giờ", 0, "has the unit 'ngày 3 giờ'");
	bad(SN_V_TIME_LIMIT, "", SN_VALUE_REQUIRED, "is empty");
	bad(SN_V_TIME_LIMIT, "12345678901234567890123456789012345678901234567890123456789012345 ngày", 0,
	    "has too many digits");
}

static void test_fee(void **state)
{
	(void)state;
	static const char *none[] = { "Không", "không", "KHÔNG", "kho\xcc\x82ng", "không thu",
				      "Không thu phí", "không thu lệ phí", "Miễn phí", "miễn lệ phí", "miễn",
				      "0", "0 đồng", "0đ", "free", "None", "no fee", NULL };
	for (int i = 0; none[i]; i++)
		ok(SN_V_FEE, none[i], SN_VALUE_REQUIRED, "Không");
	ok(SN_V_FEE, "50.000 đồng/lần", SN_VALUE_REQUIRED, "50.000 đồng/lần");
	ok(SN_V_FEE, "  50.000   đồng/lần ", SN_VALUE_REQUIRED, "50.000 đồng/lần");
	ok(SN_V_FEE, "5\xcc\x80", 0, "5\xcc\x80");  /* free text: a combining mark on a digit stays */
	/* only a whole value means no fee */
	ok(SN_V_FEE, "100.000 đồng/lần; miễn lệ phí khi nộp hồ sơ trực tuyến", 0,
	   "100.000 đồng/lần; miễn lệ phí khi nộp hồ sơ trực tuyến");
	ok(SN_V_FEE, "-", 0, "-");  /* a dash may say "none" or "not given": kept as written */
	ok(SN_V_FEE, "", 0, "");
	bad(SN_V_FEE, "", SN_VALUE_REQUIRED, "is empty (accepted: the fee as published, '50.000 đồng/lần'; no "
	    "fee: Không, miễn phí, 0)");
	bad(SN_V_FEE, "   ", SN_VALUE_REQUIRED, "is empty");
}

static void test_levels(void **state)
{
	(void)state;
	ok(SN_V_LEVELS, "Cấp Tỉnh; Cấp Huyện; Cấp Xã", 0, "province,district,commune");
	ok(SN_V_LEVELS, "Cấp Xã; Cấp Tỉnh", 0, "province,commune");
	ok(SN_V_LEVELS, "cấp huyện, cấp xã", 0, "district,commune");
	ok(SN_V_LEVELS, "CẤP TỈNH/CẤP XÃ", 0, "province,commune");
	ok(SN_V_LEVELS, "province;commune", 0, "province,commune");
	ok(SN_V_LEVELS, "Tỉnh", 0, "province");
	ok(SN_V_LEVELS, "Cấp Thành phố", 0, "province");
	ok(SN_V_LEVELS, "Cấp Xã; Cấp Xã;", 0, "commune");
	ok(SN_V_LEVELS, "", 0, "");
	bad(SN_V_LEVELS, "Cấp Làng", 0, "is not a level (accepted: Cấp Tỉnh, Cấp Huyện, Cấp Xã, or province, "
	    "district, commune, separated by ';', ',' or '/')");
	bad(SN_V_LEVELS, "Cấp Tỉnh; Cấp Phường", 0, "names 'Cấp Phường', which is not a level (accepted:");
	bad(SN_V_LEVELS, "", SN_VALUE_REQUIRED, "is empty");
}

static void test_texts(void **state)
{
	(void)state;
	/* name: cleaned, NFC */
	ok(SN_V_NAME, "Đăng ký khai sinh", SN_VALUE_REQUIRED, "Đăng ký khai sinh");
	ok(SN_V_NAME, "  \xc4\x90" "a\xcc\x86ng ky\xcc\x81  khai sinh ", SN_VALUE_REQUIRED, "Đăng ký khai sinh");
	bad(SN_V_NAME, "", SN_VALUE_REQUIRED, "is empty (accepted: any text that is not empty)");
	bad(SN_V_NAME, " \t ", SN_VALUE_REQUIRED, "is empty");
	ok(SN_V_NAME, "", 0, "");
	/* legal basis: free text, cleaned */
	ok(SN_V_LEGAL_BASIS, "Luật Hộ tịch 2014;   Nghị định 123/2015/NĐ-CP", SN_VALUE_REQUIRED,
	   "Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP");
	ok(SN_V_LEGAL_BASIS, "- Luật Hộ tịch 2014", 0, "- Luật Hộ tịch 2014");
	bad(SN_V_LEGAL_BASIS, "", SN_VALUE_REQUIRED, "is empty (accepted: the legal documents as free text)");
	/* field code: one word, up to 20 characters (not bytes) */
	ok(SN_V_FIELD_CODE, "G15-TP07", SN_VALUE_REQUIRED, "G15-TP07");
	ok(SN_V_FIELD_CODE, " G07-LĐ09 ", SN_VALUE_REQUIRED, "G07-LĐ09");
	ok(SN_V_FIELD_CODE, "ĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐ", 0, "ĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐ");
	bad(SN_V_FIELD_CODE, "ĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐ", 0, "is longer than 20 characters (accepted: a code "
	    "without white space, up to 20 characters, such as G15-TP07)");
	bad(SN_V_FIELD_CODE, "G15 TP07", 0, "has white space");
	bad(SN_V_FIELD_CODE, "", SN_VALUE_REQUIRED, "is empty");
	ok(SN_V_FIELD_CODE, "", 0, "");
}

static int known(void *arg, const char *f)
{
	(void)arg;
	return !strcmp(f, "justice") || !strcmp(f, "agriculture-environment");
}

static int in_force(void *arg, const char *code)
{
	(void)arg;
	return !strcmp(code, "25195") || !strcmp(code, "01234");
}

static void with_env(enum sn_vtype t, const char *s, const char *want, const char *want_err)
{
	struct sn_value_env env = { known, "agriculture-environment, justice", in_force, "2025-07-01", NULL };
	struct sn_value v;
	char err[1000];
	int r = sn_value_parse(t, s, SN_VALUE_REQUIRED, &env, &v, err, sizeof err);
	if (want && (r != 0 || strcmp(v.text, want)))
		fail_msg("%s '%s': got %d '%s' (%s), want '%s'", sn_vtype_name(t), s, r, v.text ? v.text : "(null)", err, want);
	if (!want && (r != -1 || strcmp(err, want_err)))
		fail_msg("%s '%s': got %d '%s', want '%s'", sn_vtype_name(t), s, r, err, want_err);
	sn_value_release(&v);
}

static void test_jurisdiction(void **state)
{
	(void)state;
	with_env(SN_V_JURISDICTION, "commune", "commune", NULL);
	with_env(SN_V_JURISDICTION, "Commune", "commune", NULL);
	with_env(SN_V_JURISDICTION, "xã", "commune", NULL);
	with_env(SN_V_JURISDICTION, "Cấp xã", "commune", NULL);
	with_env(SN_V_JURISDICTION, "province:justice", "province:justice", NULL);
	with_env(SN_V_JURISDICTION, "Province: Justice ", "province:justice", NULL);
	with_env(SN_V_JURISDICTION, "tỉnh:agriculture-environment", "province:agriculture-environment", NULL);
	with_env(SN_V_JURISDICTION, "cấp tỉnh:justice", "province:justice", NULL);
	with_env(SN_V_JURISDICTION, "province:lottery", NULL,
		 "names the function 'lottery', which the departments table does not know (accepted: "
		 "province:FUNCTION with FUNCTION one of agriculture-environment, justice)");
	with_env(SN_V_JURISDICTION, "province", NULL,
		 "needs the department's function: province:FUNCTION (accepted: commune, or province:FUNCTION "
		 "with FUNCTION a function of the departments table, such as province:justice)");
	with_env(SN_V_JURISDICTION, "province:", NULL,
		 "needs the department's function: province:FUNCTION (accepted: commune, or province:FUNCTION "
		 "with FUNCTION a function of the departments table, such as province:justice)");
	with_env(SN_V_JURISDICTION, "district", NULL,
		 "is not a jurisdiction (accepted: commune, or province:FUNCTION with FUNCTION a function of "
		 "the departments table, such as province:justice)");
	with_env(SN_V_JURISDICTION, "commune:justice", NULL,
		 "is not a jurisdiction (accepted: commune, or province:FUNCTION with FUNCTION a function of "
		 "the departments table, such as province:justice)");
	/* without the table, the spelling alone */
	ok(SN_V_JURISDICTION, "province:anything", 0, "province:anything");
	bad(SN_V_JURISDICTION, "", SN_VALUE_REQUIRED, "is empty");
}

static void test_commune(void **state)
{
	(void)state;
	with_env(SN_V_COMMUNE, "25195", "25195", NULL);
	with_env(SN_V_COMMUNE, " 25195 ", "25195", NULL);
	with_env(SN_V_COMMUNE, "1234", "01234", NULL);  /* a spreadsheet dropped the leading zero */
	with_env(SN_V_COMMUNE, "25213", NULL, "is not a commune in force on 2025-07-01 (accepted: the 5-digit "
		 "code of a commune in force on the date)");
	with_env(SN_V_COMMUNE, "2519x", NULL, "is not a commune code (accepted: the 5-digit code of a commune "
		 "in force on the date)");
	with_env(SN_V_COMMUNE, "251950", NULL, "is not a commune code (accepted: the 5-digit code of a commune "
		 "in force on the date)");
	ok(SN_V_COMMUNE, "25213", SN_VALUE_REQUIRED, "25213");
	bad(SN_V_COMMUNE, "", SN_VALUE_REQUIRED, "is empty");
}

static void test_table(void **state)
{
	(void)state;
	for (int t = 0; t < SN_V_NTYPES; t++) {
		assert_true(strlen(sn_vtype_name((enum sn_vtype)t)) > 0);
		assert_true(strlen(sn_vtype_accepted((enum sn_vtype)t)) > 0);
	}
	char buf[40];
	sn_value_number(15, buf, sizeof buf);
	assert_string_equal(buf, "15");
	sn_value_number(0.5, buf, sizeof buf);
	assert_string_equal(buf, "0.5");
	sn_value_number(1.25, buf, sizeof buf);
	assert_string_equal(buf, "1.25");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_yesno),     cmocka_unit_test(test_online),
		cmocka_unit_test(test_time_unit), cmocka_unit_test(test_time_limit),
		cmocka_unit_test(test_fee),       cmocka_unit_test(test_levels),
		cmocka_unit_test(test_texts),     cmocka_unit_test(test_jurisdiction),
		cmocka_unit_test(test_commune),   cmocka_unit_test(test_table),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
