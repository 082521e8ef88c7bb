/* test_unitjson.c - published lists of the units in force, as JSON (unitjson.c). */
#include "testutil.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "unitjson.h"

static char path[64];

static void write_list(const char *text)
{
	strcpy(path, "/tmp/sapnhap-list-XXXXXX");
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	FILE *f = fdopen(fd, "w");
	fputs(text, f);
	fclose(f);
}

static void test_load(void **state)
{
	(void)state;
	/* BOM, a code that lost its zeros, NFD text, keys we ignore. */
	write_list("\xEF\xBB\xBF[\n {\"Code\": \"01\", \"Name\": \"Hà Nội\", \"FullName\": \"Thành phố Hà Nội\",\n"
		   "  \"Wards\": [ {\"Code\": 4, \"FullName\": \"Phu\xcc\x9bo\xcc\x9b\xcc\x80ng  Ba Đình\", \"ProvinceCode\": \"01\"} ] },\n"
		   " {\"Code\": \"75\", \"FullName\": \"Tỉnh Đồng Nai\", \"Wards\": []}\n]\n");
	assert_true(sn_looks_like_json(path));
	struct sn_snapshot s;
	char err[512];
	assert_int_equal(sn_snapshot_load(path, &s, err, sizeof err), 0);
	assert_int_equal(s.n, 3);
	assert_string_equal(s.v[0].level, "province");
	assert_string_equal(s.v[1].code, "00004");
	assert_string_equal(s.v[1].province, "01");
	assert_string_equal(s.v[1].name, "Phường Ba Đình");
	assert_string_equal(s.v[1].pos, "/0/Wards/0");
	assert_string_equal(s.v[2].name, "Tỉnh Đồng Nai");
	sn_snapshot_free(&s);
	unlink(path);
}

static void test_errors(void **state)
{
	(void)state;
	static const struct { const char *text, *expect; } cases[] = {
		{ "[\n {\"Code\": \"01\",\n  \"FullName\": \"X\" \"Wards\": []}\n]\n", ":3: invalid JSON" },
		{ "{\"Code\": \"01\"}", ":/: expected an array of provinces" },
		{ "[{\"Code\": \"01\", \"FullName\": \"Thành phố Hà Nội\"}]", ":/0: province 01 without its communes" },
		{ "[{\"Code\": \"01\", \"FullName\": \"Thành phố Hà Nội\", \"Wards\": [{\"Code\": \"00004\"}]}]",
		  ":/0/Wards/0: commune 00004 without \"FullName\"" },
		{ "[{\"Code\": \"01\", \"FullName\": \"T\", \"Wards\": [{\"Code\": \"00004\", \"FullName\": \"P\"},"
		  "{\"Code\": \"00004\", \"FullName\": \"Q\"}]}]", ":/0/Wards/1: code 00004 is listed twice (first at /0/Wards/0)" },
		{ "[{\"Code\": \"01\", \"FullName\": \"T\", \"Wards\": [{\"Code\": \"00004\", \"FullName\": \"P\", "
		  "\"ProvinceCode\": \"02\"}]}]", ":/0/Wards/0: \"ProvinceCode\" '02' differs from its province 01" },
		{ "[{\"Code\": \"01\", \"Code\": \"02\", \"FullName\": \"T\", \"Wards\": []}]", ":1: invalid JSON: duplicate object key" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		write_list(cases[i].text);
		struct sn_snapshot s;
		char err[512];
		assert_int_equal(sn_snapshot_load(path, &s, err, sizeof err), -2);
		if (!strstr(err, cases[i].expect))
			fail_msg("case %zu: '%s' does not say '%s'", i, err, cases[i].expect);
		assert_null(s.v);
		unlink(path);
	}
	struct sn_snapshot s;
	char err[512];
	assert_int_equal(sn_snapshot_load("/nonexistent/list.json", &s, err, sizeof err), -1);
	assert_false(sn_looks_like_json("/nonexistent/list.json"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_load),
		cmocka_unit_test(test_errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
