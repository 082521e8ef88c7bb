/* test_reasons.c - the registry of stored reasons, read backwards and shown in Vietnamese. */
#include "testutil.h"
#include "i18n.h"
#include "reasons.h"

static const char *name_of(const char *stored)
{
	const struct sn_reason *r = sn_reason_match(stored);
	return r ? r->name : "(none)";
}

/* STORED as shown in Vietnamese. */
static const char *vi(const char *stored, char *buf, size_t len)
{
	enum sn_lang prev = sn_lang_use(SN_LANG_VI);
	const char *s = sn_reason_shown(stored, buf, len);
	sn_lang_use(prev);
	return s;
}

static void test_match(void **state)
{
	(void)state;
	assert_string_equal(name_of("no successor"), "SN_R_Q_NO_SUCCESSOR");
	assert_string_equal(name_of("same function (finance) as 000.00.04.H19, which carries it in the merged province "
				    "(2025 department mergers)"), "SN_R_DEPT_SAME_FUNCTION");
	assert_string_equal(name_of("district level abolished on the reform's effective date; its area is now 2 "
				    "commune(s), whose committees succeed it"), "SN_R_DISTRICT_CLOSED");
	/* %d takes digits only */
	assert_string_equal(name_of("district level abolished on the reform's effective date; its area is now two "
				    "commune(s), whose committees succeed it"), "(none)");
	/* the most literal text wins: "under it as" is more than "%s; continues %s %s" */
	assert_string_equal(name_of("its parent 000.00.07.H10 is merged into 000.00.07.H19; continues under it as "
				    "000.03.07.H19"), "SN_R_CONTINUES_AS");
	assert_string_equal(name_of("committee of new commune 25195 Phường Bình Phước, pinned (p.csv:2), allocated in "
				    "order of new commune code; continues 000.50.32.H10 Ủy ban nhân dân phường Tân Phú"),
			    "SN_R_CONTINUES");
	assert_string_equal(name_of("district level abolished; function unknown has no department in the merged "
				    "province, so the 3 commune committee(s) of its area succeed it"),
			    "SN_R_OFFICE_UNKNOWN_TO_COMMUNES");
	/* %c one character, %.*s text, %04lX hex digits, %zu digits */
	assert_string_equal(name_of("level-1 letter 'M' is outside A-K"), "SN_R_CODE_L1_LETTER");
	assert_string_equal(name_of("character 'đ' (U+0111) at position 7 is not allowed (0-9, A-Z, '.')"), "SN_R_CODE_UTF8");
	assert_string_equal(name_of("character 'đ' (U+01G1) at position 7 is not allowed (0-9, A-Z, '.')"), "(none)");
	/* not a stored reason: names, codes, a reason with more or less text */
	assert_string_equal(name_of("Sở Nội vụ"), "(none)");
	assert_string_equal(name_of("000.00.07.H19"), "(none)");
	assert_string_equal(name_of("no successor yet"), "(none)");
	assert_string_equal(name_of("successor"), "(none)");
	assert_string_equal(name_of(""), "(none)");
	assert_null(sn_reason_match(NULL));
}

static void test_shown(void **state)
{
	(void)state;
	char b[2000];
	/* English: the stored text itself */
	const char *s = "no successor";
	enum sn_lang prev = sn_lang_use(SN_LANG_EN);
	assert_ptr_equal(sn_reason_shown(s, b, sizeof b), s);
	sn_lang_use(prev);
	assert_null(sn_reason_shown(NULL, b, sizeof b));
	/* Vietnamese: the translation with the values */
	assert_string_equal(vi(s, b, sizeof b), "không có cơ quan kế thừa");
	assert_string_equal(vi("same function (finance) as 000.00.04.H19, which carries it in the merged province "
			       "(2025 department mergers)", b, sizeof b),
			    "cùng chức năng (finance) với 000.00.04.H19, cơ quan đảm nhận chức năng này ở tỉnh mới "
			    "(hợp nhất sở năm 2025)");
	assert_string_equal(vi("district level abolished on the reform's effective date; its area is now 2 commune(s), "
			       "whose committees succeed it", b, sizeof b),
			    "cấp huyện bị bãi bỏ từ ngày hiệu lực của việc sắp xếp; địa bàn huyện nay gồm 2 xã, UBND các "
			    "xã này kế thừa");
	/* a translation that takes its values in another order */
	assert_string_equal(vi("at 000.01.40.H19, procedure 1.001776, applicant in 26449, hamlet Ấp 7", b, sizeof b),
			    "tại 000.01.40.H19, thủ tục 1.001776, người nộp ở Ấp 7, xã 26449");
	/* labelled values: the reviewers' word */
	assert_string_equal(vi("conflict: the catalogs differ on fee", b, sizeof b), "khác biệt giữa các danh mục: Phí, lệ phí");
	assert_string_equal(vi("district-level bindings of 70,75 went to commune", b, sizeof b),
			    "cơ quan thực hiện cấp huyện (tỉnh 70,75) đã chuyển về cấp xã");
	/* no format fits: as stored, the same pointer */
	s = "the fee set by the HĐND of Đồng Nai";
	assert_ptr_equal(vi(s, b, sizeof b), s);
	/* a translation longer than the buffer: as stored, never cut */
	s = "no successor";
	assert_ptr_equal(vi(s, b, 10), s);
}

static void test_nested(void **state)
{
	(void)state;
	char b[2000];
	/* the code's problem inside recode's reason */
	assert_string_equal(vi("nonconforming code (level-3 group '302' has 3 digits; QCVN 102 allows 2) of absorbed "
			       "province 70: a person decides its successor", b, sizeof b),
			    "mã không đúng quy chuẩn (nhóm cấp 3 '302' có 3 chữ số; QCVN 102 cho phép 2) của tỉnh 70 "
			    "(tỉnh bị sáp nhập): cần người quyết định cơ quan kế thừa");
	/* the crosswalk's reason inside a dossier's rule, the outcome labelled */
	assert_string_equal(vi("crosswalk: merged (same function (finance) as 000.00.04.H19, which carries it in the "
			       "merged province (2025 department mergers))", b, sizeof b),
			    "bảng chuyển đổi mã: sáp nhập (cùng chức năng (finance) với 000.00.04.H19, cơ quan đảm nhận "
			    "chức năng này ở tỉnh mới (hợp nhất sở năm 2025))");
	/* three deep: the rule inside the move inside the review item's reason */
	assert_string_equal(vi("district -> commune: default ((built-in jurisdiction.csv):9); commune 26449 was split; "
			       "26446 took the whole population", b, sizeof b),
			    "cấp huyện -> xã: theo quy tắc mặc định ((built-in jurisdiction.csv):9); xã 26449 bị chia tách; "
			    "26446 nhận toàn bộ dân số");
	assert_string_equal(vi("dossier needs a decision: commune 26449 was split among 2 new communes with no part "
			       "taking the whole population", b, sizeof b),
			    "hồ sơ cần quyết định: xã 26449 bị chia tách cho 2 xã mới, không phần nào nhận toàn bộ dân số");
	/* the province's how inside the committee's reason */
	assert_string_equal(vi("new province 80 (Tỉnh Tây Ninh): province 80 did not merge: it keeps its level-1 code; "
			       "level-1 code H53 kept", b, sizeof b),
			    "tỉnh mới 80 (Tỉnh Tây Ninh): tỉnh 80 không sáp nhập: giữ nguyên mã cấp 1 của mình; giữ nguyên "
			    "mã cấp 1 H53");
	/* a value that is not a reason stays as it is, inside a translated one */
	assert_string_equal(vi("decision: data/decisions.csv:4 the fee of Đồng Nai", b, sizeof b),
			    "quyết định: data/decisions.csv:4 the fee of Đồng Nai");
}

/* Writes FORMAT with a sample value for each conversion, as a producer would. */
static void sample(const struct sn_reason *r, char *out, size_t len)
{
	static const char *const labelled[][2] = { { "outcome", "merged" }, { "field", "fee" }, { "level", "commune" },
						    { "agency_kind", "department" } };
	size_t k = 0;
	int conv = 0;
	for (const char *f = r->format; *f && k + 16 < len;) {
		if (*f != '%') {
			out[k++] = *f++;
			continue;
		}
		const char *p = f + 1;
		while (*p && !strchr("sdiucxXo%", *p))
			p++;
		char kind = *p;
		f = *p ? p + 1 : p;
		if (kind == '%') {
			out[k++] = '%';
			continue;
		}
		/* the label kind of this conversion */
		const char *l = r->labels;
		for (int i = 0; i < conv && l; i++)
			if ((l = strchr(l, ',')))
				l++;
		const char *v = NULL;
		for (size_t i = 0; l && i < sizeof labelled / sizeof labelled[0]; i++)
			if (!strncmp(l, labelled[i][0], strlen(labelled[i][0])))
				v = labelled[i][1];
		char one[16];
		if (!v) {
			if (kind == 's')
				snprintf(one, sizeof one, "v%d", conv + 1), v = one;
			else if (kind == 'c')
				v = "q";
			else if (kind == 'x' || kind == 'X')
				v = "1F";
			else
				snprintf(one, sizeof one, "%d", conv + 2), v = one;
		}
		k += (size_t)snprintf(out + k, len - k, "%s", v);
		conv++;
	}
	out[k] = '\0';
}

static void test_every_format(void **state)
{
	(void)state;
	size_t n;
	const struct sn_reason *all = sn_reasons(&n);
	assert_true(n > 100);
	for (size_t i = 0; i < n; i++) {
		char stored[1000], b[2000];
		sample(&all[i], stored, sizeof stored);
		/* the stored text leads back to its own format */
		if (sn_reason_match(stored) != &all[i])
			fail_msg("%s: '%s' is read as %s", all[i].name, stored, name_of(stored));
		/* and is shown translated, every conversion filled */
		const char *shown = vi(stored, b, sizeof b);
		if (!strcmp(shown, stored) || strchr(shown, '%'))
			fail_msg("%s: '%s' is shown as '%s'", all[i].name, stored, shown);
		assert_ptr_equal(sn_reason_find(all[i].name), &all[i]);
	}
	assert_null(sn_reason_find("SN_R_NO_SUCH_REASON"));
}

/* Every SN_R_ constant of reasons.h is in the registry: a producer cannot write a reason that
 * is never recognised. */
static void test_registry_complete(void **state)
{
	(void)state;
	FILE *f = fopen("tools/reasons.h", "r");
	assert_non_null(f);
	char line[1000];
	int defined = 0;
	while (fgets(line, sizeof line, f)) {
		char name[200];
		if (sscanf(line, "#define %199[A-Z0-9_]", name) == 1 && !strncmp(name, "SN_R_", 5)) {
			defined++;
			if (!sn_reason_find(name))
				fail_msg("%s is not in SN_REASONS", name);
		}
	}
	fclose(f);
	size_t n;
	sn_reasons(&n);
	assert_int_equal((size_t)defined, n);
}

static void test_bind(void **state)
{
	(void)state;
	sqlite3 *db;
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT printf(@SN_R_PIN, 'x', 'p.csv:3'), :t", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sn_reasons_bind(st), 0);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 0), "pinned to x (p.csv:3)");
	assert_int_equal(sqlite3_column_type(st, 1), SQLITE_NULL);
	sqlite3_finalize(st);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT @SN_R_NO_SUCH_REASON", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sn_reasons_bind(st), -1);
	sqlite3_finalize(st);
	/* the rule engine's sn_reason(): in English the stored text */
	assert_int_equal(sqlite3_create_function(db, "sn_reason", 1, SQLITE_UTF8, NULL, sn_reason_sql, NULL, NULL),
			 SQLITE_OK);
	enum sn_lang prev = sn_lang_use(SN_LANG_EN);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT sn_reason('no successor'), sn_reason(NULL)", -1, &st, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 0), "no successor");
	assert_int_equal(sqlite3_column_type(st, 1), SQLITE_NULL);
	sqlite3_finalize(st);
	sn_lang_use(prev);
	sqlite3_close(db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_match),       cmocka_unit_test(test_shown),
		cmocka_unit_test(test_nested),      cmocka_unit_test(test_every_format),
		cmocka_unit_test(test_registry_complete), cmocka_unit_test(test_bind),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
