/* test_labels.c - the reviewers' words for stored values. */
#include "testutil.h"
#include "labels.h"

static void test_labels(void **state)
{
	(void)state;
	char b[200];
	assert_string_equal(sn_label("online_level", "full", SN_LANG_VI), "toàn trình");
	assert_string_equal(sn_label("online_level", "partial", SN_LANG_VI), "một phần");
	assert_string_equal(sn_label("yesno", "no", SN_LANG_VI), "không");
	assert_string_equal(sn_label("outcome", "renumbered", SN_LANG_VI), "đổi mã");
	assert_string_equal(sn_label("outcome", "kept", SN_LANG_EN), "kept");
	assert_string_equal(sn_label("online_level", "other", SN_LANG_VI), "other");  /* unknown: as it is */
	assert_null(sn_label("online_level", NULL, SN_LANG_VI));
	assert_string_equal(sn_label_list("level", "province,commune", SN_LANG_VI, b, sizeof b), "cấp tỉnh, cấp xã");
	assert_string_equal(sn_label_value("time_limit", "15 working-day", SN_LANG_VI, b, sizeof b), "15 ngày làm việc");
	assert_string_equal(sn_label_value("portal", "yes", SN_LANG_VI, b, sizeof b), "có");
	assert_string_equal(sn_label_value("fee", "Không", SN_LANG_VI, b, sizeof b), "Không");
	assert_string_equal(sn_label_fate("merged", "000.00.07.H19 Sở Nông nghiệp và Môi trường", 0, SN_LANG_VI, b, sizeof b),
			    "sáp nhập vào 000.00.07.H19 Sở Nông nghiệp và Môi trường");
	assert_string_equal(sn_label_fate("closed", "000.01.60.H19 UBND", 1, SN_LANG_VI, b, sizeof b),
			    "chấm dứt, công việc chuyển cho 000.01.60.H19 UBND");
	assert_string_equal(sn_label_fate("closed", NULL, 0, SN_LANG_EN, b, sizeof b), "closed, without a successor");
	enum sn_lang l;
	assert_int_equal(sn_lang_parse("vi", &l), 0);
	assert_int_equal(l, SN_LANG_VI);
	assert_int_equal(sn_lang_parse("fr", &l), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = { cmocka_unit_test(test_labels) };
	return cmocka_run_group_tests(tests, NULL, NULL);
}
