/* test_units.c - note classification and code normalisation (units.c). */
#include "testutil.h"
#include <string.h>
#include "units.h"

struct note_case {
	const char *note;
	enum sn_note_class cls;
	enum sn_share share;
};

/* Every note form in the official table, with its typos, plus what must stay unknown. */
static const struct note_case notes[] = {
	{ "Nhập toàn bộ", SN_NOTE_WHOLE, SN_SHARE_WHOLE },
	{ "Nhập toàn bộ diện tích", SN_NOTE_WHOLE, SN_SHARE_WHOLE },
	{ "Nhập một phần", SN_NOTE_PART, SN_SHARE_PART },
	{ "Nhập một phần ", SN_NOTE_PART, SN_SHARE_PART },
	{ "Nhập một phần\n", SN_NOTE_PART, SN_SHARE_PART },
	{ "Nhập một  phần", SN_NOTE_PART, SN_SHARE_PART },
	{ "Nhập một phần diện tích", SN_NOTE_PART, SN_SHARE_PART },
	{ "Nhập một phần  diện tích", SN_NOTE_PART, SN_SHARE_PART },
	{ "Nhâp một phần diện tích", SN_NOTE_PART, SN_SHARE_PART },
	{ "Nhập một phần dân số", SN_NOTE_PART, SN_SHARE_PART },
	{ "Nhập một phần diện tích, toàn bộ dân số", SN_NOTE_PART_POPULATION, SN_SHARE_PART_POPULATION },
	{ "Giữ nguyên", SN_NOTE_KEEP, SN_SHARE_WHOLE },
	{ "Giữ nguyên ", SN_NOTE_KEEP, SN_SHARE_WHOLE },
	{ "Đổi tên", SN_NOTE_RENAME, SN_SHARE_WHOLE },
	{ "Đổi loại hình", SN_NOTE_RECLASSIFY, SN_SHARE_WHOLE },
	{ "Đổi tên từ một phần Phường 15", SN_NOTE_RENAME, SN_SHARE_PART },
	{ "Đổi tên, đổi loại hình từ một phần thị trấn Lai Uyên", SN_NOTE_RENAME, SN_SHARE_PART },
	{ "Phần còn lại sau khi tách một phần vào xã Canh Vinh", SN_NOTE_REMAINDER, SN_SHARE_PART },
	{ "Sắp xếp toàn bộ huyện Côn Đảo thành đặc khu Côn Đảo", SN_NOTE_SPECIAL_ZONE, SN_SHARE_WHOLE },
	{ "Sắp xếp toàn bộ xã Thổ Châu thành đặc khu Thổ Châu", SN_NOTE_SPECIAL_ZONE, SN_SHARE_WHOLE },
	/* NFD input (as Windows-1258 exports decode) and upper case. */
	{ "Nha\xcc\xa3\xcc\x82p toa\xcc\x80n bo\xcc\xa3\xcc\x82", SN_NOTE_WHOLE, SN_SHARE_WHOLE },
	{ "NHẬP MỘT PHẦN", SN_NOTE_PART, SN_SHARE_PART },
	/* Unknown: never guessed. */
	{ "", SN_NOTE_UNKNOWN, SN_SHARE_WHOLE },
	{ "Nhập", SN_NOTE_UNKNOWN, SN_SHARE_WHOLE },
	{ "Nhập toàn bộ trừ thôn 3", SN_NOTE_UNKNOWN, SN_SHARE_WHOLE },
	{ "Nhập một ít", SN_NOTE_UNKNOWN, SN_SHARE_WHOLE },
	{ "Sắp xếp toàn bộ huyện Côn Đảo", SN_NOTE_UNKNOWN, SN_SHARE_WHOLE },
};

static void test_note_classes(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof notes / sizeof notes[0]; i++) {
		enum sn_share share = SN_SHARE_WHOLE;
		enum sn_note_class c = sn_classify_note(notes[i].note, &share);
		if (c != notes[i].cls || (c != SN_NOTE_UNKNOWN && share != notes[i].share))
			fail_msg("note '%s': class %s share %s, expected %s %s", notes[i].note,
				 sn_note_class_name(c), sn_share_name(share),
				 sn_note_class_name(notes[i].cls), sn_share_name(notes[i].share));
	}
}

static void test_share_names(void **state)
{
	(void)state;
	enum sn_share s;
	assert_int_equal(sn_share_parse("part-population", &s), 0);
	assert_int_equal(s, SN_SHARE_PART_POPULATION);
	assert_int_equal(sn_share_parse("whole", &s), 0);
	assert_int_equal(s, SN_SHARE_WHOLE);
	assert_int_equal(sn_share_parse("Whole", &s), -1);
	assert_int_equal(sn_share_parse("", &s), -1);
}

static void test_code_normalise(void **state)
{
	(void)state;
	char out[16];
	assert_int_equal(sn_code_normalise("25195", 5, out), 0);
	assert_string_equal(out, "25195");
	/* Spreadsheets drop leading zeros: "4" is commune 00004, "2458" is 02458. */
	assert_int_equal(sn_code_normalise("4", 5, out), 1);
	assert_string_equal(out, "00004");
	assert_int_equal(sn_code_normalise("2458", 5, out), 1);
	assert_string_equal(out, "02458");
	assert_int_equal(sn_code_normalise("1", 2, out), 1);
	assert_string_equal(out, "01");
	assert_int_equal(sn_code_normalise(" 075 ", 3, out), 0);
	assert_string_equal(out, "075");
	assert_int_equal(sn_code_normalise("'00004", 5, out), 0);
	assert_string_equal(out, "00004");
	assert_int_equal(sn_code_normalise("", 5, out), 2);
	assert_int_equal(sn_code_normalise("  \n", 5, out), 2);
	assert_int_equal(sn_code_normalise("2521A", 5, out), -1);
	assert_int_equal(sn_code_normalise("25.5", 5, out), -1);
	assert_int_equal(sn_code_normalise("-1", 5, out), -1);
	assert_int_equal(sn_code_normalise("251950", 5, out), -2);
	assert_int_equal(sn_code_normalise("123", 2, out), -2);
}

static void test_code_level(void **state)
{
	(void)state;
	assert_string_equal(sn_code_level("75"), "province");
	assert_string_equal(sn_code_level("689"), "district");
	assert_string_equal(sn_code_level("25195"), "commune");
	assert_null(sn_code_level("2519"));
	assert_null(sn_code_level("251955"));
	assert_null(sn_code_level("7a"));
	assert_null(sn_code_level(""));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_note_classes),
		cmocka_unit_test(test_share_names),
		cmocka_unit_test(test_code_normalise),
		cmocka_unit_test(test_code_level),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
