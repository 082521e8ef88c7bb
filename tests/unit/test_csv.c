/* test_csv.c - unit tests of the streaming CSV reader (tools/csv.c).
 *
 * Most tests turn a whole input into one text ("dump": each record as LINE then its fields in
 * brackets, then END or ERR:message) and compare it with the exact expected text. Every input is
 * read several times with a source that hands out 1, 2, 3, 7 or 64 Ki bytes per call, so each
 * case also checks that buffer boundaries change nothing.
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "table.h"

#define REAL_CSV "../shared/data/units/nso-conversion-2025.flat.csv"

/* ---- a memory source ---- */

struct memsrc {
	const char *data;
	size_t len, pos;
	size_t chunk;      /* most bytes handed out per call */
	size_t fail_at;    /* once pos reaches this, read fails (SIZE_MAX: never) */
	const char *msg;   /* what memsrc_err reports */
};

static ssize_t memsrc_read(void *ctx, char *buf, size_t cap)
{
	struct memsrc *m = ctx;
	size_t n = m->len - m->pos;

	if (m->pos >= m->fail_at)
		return -1;
	if (n > m->chunk)
		n = m->chunk;
	if (n > cap)
		n = cap;
	if (m->fail_at != SIZE_MAX && n > m->fail_at - m->pos)
		n = m->fail_at - m->pos;
	memcpy(buf, m->data + m->pos, n);
	m->pos += n;
	return (ssize_t)n;
}

static const char *memsrc_err(const void *ctx)
{
	const struct memsrc *m = ctx;

	return m->msg;
}

/* ---- a growable string for dumps ---- */

struct sbuf {
	char *s;
	size_t len, cap;
};

static void sb_add(struct sbuf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 256;
		char *p;

		while (cap < b->len + n + 1)
			cap *= 2;
		p = realloc(b->s, cap);
		assert_non_null(p);
		b->s = p;
		b->cap = cap;
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

static void sb_str(struct sbuf *b, const char *s)
{
	sb_add(b, s, strlen(s));
}

/* Reads DATA[0..LEN) with CHUNK bytes per read call; returns the dump (caller frees). */
static char *dump_n(const char *data, size_t len, size_t chunk, char delim,
		    const struct sn_csv_limits *lim)
{
	struct memsrc m = {data, len, 0, chunk, SIZE_MAX, NULL};
	struct sbuf b = {NULL, 0, 0};
	sn_csv *c = sn_csv_new(memsrc_read, &m, memsrc_err, "t.csv", delim, lim);
	char **f;
	size_t nf;
	int rc;
	char num[32];

	assert_non_null(c);
	sb_str(&b, "");
	while ((rc = sn_csv_next(c, &f, &nf)) == 1) {
		snprintf(num, sizeof num, "%ld", sn_csv_line(c));
		sb_str(&b, num);
		for (size_t i = 0; i < nf; i++) {
			sb_str(&b, "[");
			sb_str(&b, f[i]);
			sb_str(&b, "]");
		}
		sb_str(&b, "\n");
	}
	if (rc == 0) {
		sb_str(&b, "END");
		/* The end is sticky. */
		assert_int_equal(sn_csv_next(c, &f, &nf), 0);
	} else {
		assert_int_equal(rc, -1);
		sb_str(&b, "ERR:");
		sb_str(&b, sn_csv_error(c));
		/* So is an error, with the same message. */
		assert_int_equal(sn_csv_next(c, &f, &nf), -1);
	}
	sn_csv_free(c);
	return b.s;
}

/* Checks that DATA gives EXPECTED whatever the read size. */
static void check_lim(const char *data, size_t len, char delim, const struct sn_csv_limits *lim,
		      const char *expected)
{
	static const size_t chunks[] = {65536, 1, 2, 3, 7};

	for (size_t i = 0; i < sizeof chunks / sizeof chunks[0]; i++) {
		char *got = dump_n(data, len, chunks[i], delim, lim);

		if (strcmp(got, expected) != 0)
			print_error("with %zu-byte reads:\n", chunks[i]);
		assert_string_equal(got, expected);
		free(got);
	}
}

static void check(const char *data, const char *expected)
{
	check_lim(data, strlen(data), ',', NULL, expected);
}

/* ---- the cases ---- */

static void test_simple(void **state)
{
	(void)state;
	check("a,b,c\nd,e,f\n", "1[a][b][c]\n2[d][e][f]\nEND");
	check("code,name\n00004,Phường Ba Đình\n", "1[code][name]\n2[00004][Phường Ba Đình]\nEND");
	/* Empty fields at both ends and between. */
	check(",x,,\n", "1[][x][][]\nEND");
}

static void test_direct_api(void **state)
{
	struct memsrc m = {"x,\"y\"\n\nz", 8, 0, 65536, SIZE_MAX, NULL};
	sn_csv *c = sn_csv_new(memsrc_read, &m, NULL, "t.csv", ',', NULL);
	char **f = NULL;
	size_t nf = 0;

	(void)state;
	assert_non_null(c);
	assert_int_equal(sn_csv_line(c), 0);
	assert_int_equal(sn_csv_next(c, &f, &nf), 1);
	assert_int_equal(nf, 2);
	assert_string_equal(f[0], "x");
	assert_string_equal(f[1], "y");
	assert_int_equal(sn_csv_line(c), 1);
	assert_int_equal(sn_csv_next(c, &f, &nf), 1);
	assert_int_equal(nf, 1);
	assert_string_equal(f[0], "");
	assert_int_equal(sn_csv_line(c), 2);
	assert_int_equal(sn_csv_next(c, &f, &nf), 1);
	assert_int_equal(nf, 1);
	assert_string_equal(f[0], "z");
	assert_int_equal(sn_csv_line(c), 3);
	assert_int_equal(sn_csv_next(c, &f, &nf), 0);
	assert_int_equal(sn_csv_line(c), 3);
	sn_csv_free(c);
}

static void test_quoted_comma(void **state)
{
	(void)state;
	check("\"Tỉnh, thành phố\",x\n", "1[Tỉnh, thành phố][x]\nEND");
	check("a,\"b,c\",\"\"\n", "1[a][b,c][]\nEND");
}

static void test_doubled_quotes(void **state)
{
	(void)state;
	check("\"say \"\"hi\"\"\",\"\"\"\"\n", "1[say \"hi\"][\"]\nEND");
	/* A quote in the middle of an unquoted field is literal; so is a quote after a space. */
	check("ab\"c,d\"\"e, \"f\"\n", "1[ab\"c][d\"\"e][ \"f\"]\nEND");
}

static void test_embedded_newline(void **state)
{
	(void)state;
	check("\"Xã A\nXã B\",1\nnext,2\n", "1[Xã A\nXã B][1]\n3[next][2]\nEND");
	/* Two embedded line ends, one CRLF (kept as is, counted once) and one lone CR. */
	check("h\r\n\"a\r\nb\rc\",x\r\nlast\r\n", "1[h]\n2[a\r\nb\rc][x]\n5[last]\nEND");
	/* A quoted field that opens after text on a line and closes later. */
	check("x,\"1\n2\n3\"\ny\n", "1[x][1\n2\n3]\n4[y]\nEND");
}

static void test_crlf(void **state)
{
	(void)state;
	check("a,b\r\nc,d\r\n", "1[a][b]\n2[c][d]\nEND");
	check("\"q\"\r\n\"r\"\r\n", "1[q]\n2[r]\nEND");
	/* A blank line in CRLF text. */
	check("a\r\n\r\nb\r\n", "1[a]\n2[]\n3[b]\nEND");
}

static void test_lone_cr(void **state)
{
	(void)state;
	/* Old Mac exports: CR alone ends a line. */
	check("a,b\rc,d\r", "1[a][b]\n2[c][d]\nEND");
	/* CR then CRLF: two line ends, the second line blank. */
	check("a\r\r\nb\n", "1[a]\n2[]\n3[b]\nEND");
	/* LF then CR: also two line ends (LF CR is not a pair). */
	check("a\n\rb\n", "1[a]\n2[]\n3[b]\nEND");
}

static void test_bom(void **state)
{
	(void)state;
	check("\xEF\xBB\xBF" "a,b\n", "1[a][b]\nEND");
	/* Only at the very start: a BOM later is data. */
	check("\xEF\xBB\xBF" "a\n\xEF\xBB\xBF" "b\n", "1[a]\n2[\xEF\xBB\xBF" "b]\nEND");
	/* A BOM alone is an empty input. */
	check("\xEF\xBB\xBF", "END");
	/* A BOM then a quoted field. */
	check("\xEF\xBB\xBF\"a\"\n", "1[a]\nEND");
	/* A BOM prefix that is not a BOM stays. */
	check("\xEF\xBB" "x\n", "1[\xEF\xBB" "x]\nEND");
	check("\xEF", "1[\xEF]\nEND");
}

static void test_no_final_newline(void **state)
{
	(void)state;
	check("a,b\nc,d", "1[a][b]\n2[c][d]\nEND");
	check("a,\"b\"", "1[a][b]\nEND");
	check("a,", "1[a][]\nEND");
	check("\"\"", "1[]\nEND");
	check("x", "1[x]\nEND");
}

static void test_empty_input(void **state)
{
	(void)state;
	check("", "END");
}

static void test_blank_line(void **state)
{
	(void)state;
	check("\n", "1[]\nEND");
	check("a\n\nb\n", "1[a]\n2[]\n3[b]\nEND");
	check("a\n\n", "1[a]\n2[]\nEND");
}

static void test_semicolon(void **state)
{
	const char *in = "a;\"b;c\";d,e\n1;2;3\n";

	(void)state;
	check_lim(in, strlen(in), ';', NULL, "1[a][b;c][d,e]\n2[1][2][3]\nEND");
	/* A delimiter that cannot work is refused. */
	assert_null(sn_csv_new(memsrc_read, NULL, NULL, "t.csv", '"', NULL));
	assert_null(sn_csv_new(memsrc_read, NULL, NULL, "t.csv", '\n', NULL));
	assert_null(sn_csv_new(memsrc_read, NULL, NULL, "t.csv", '\r', NULL));
}

/* Delimiter 0: the file says which (a sep= line, else the first line's most frequent of , ; tab). */
static void test_detected_delimiter(void **state)
{
	static const struct { const char *in, *want; } cases[] = {
		{ "a;b;c\n1;2,5;3\n", "1[a][b][c]\n2[1][2,5][3]\nEND" },
		{ "a,b;c\n1,2\n", "1[a][b;c]\n2[1][2]\nEND" },
		{ "a\tb\tc,d\n1\t2\n", "1[a][b][c,d]\n2[1][2]\nEND" },
		{ "\"x;y;z\",b\n", "1[x;y;z][b]\nEND" },      /* ';' counted outside quotes only */
		{ "a;b,c\n", "1[a;b][c]\nEND" },                /* a tie is ',' */
		/* Excel's sep= line is not a record: the header is line 2. */
		{ "sep=;\r\na;b\r\n1;2\r\n", "2[a][b]\n3[1][2]\nEND" },
		{ "\xEF\xBB\xBFsep=|\na|b\n", "2[a][b]\nEND" },
		{ "sep=;", "END" },
		{ "sep=\"\n", "1[sep=\"]\nEND" },              /* not a usable separator: data */
		{ "", "END" },
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		check_lim(cases[i].in, strlen(cases[i].in), 0, NULL, cases[i].want);
}

/* A NUL byte would end the C string: refused where it is, quoted or not. */
static void test_nul_byte(void **state)
{
	(void)state;
	check_lim("a,b\nc\0d,e\n", 11, ',', NULL,
		  "1[a][b]\nERR:t.csv:2: a NUL byte inside a field (the file is damaged, or is not text): "
		  "it would cut the value short; remove it");
	check_lim("\"x\ny\0\"\n", 8, ',', NULL,
		  "ERR:t.csv:2: a NUL byte inside a field (the file is damaged, or is not text): "
		  "it would cut the value short; remove it");
	check_lim("\0", 1, 0, NULL,
		  "ERR:t.csv:1: a NUL byte inside a field (the file is damaged, or is not text): "
		  "it would cut the value short; remove it");
}

static void test_unterminated_quote(void **state)
{
	(void)state;
	check("a,b\nc,\"open\nmore\nstill more\n",
	      "1[a][b]\nERR:t.csv:2: unterminated quoted field (opened here)");
	check("\"", "ERR:t.csv:1: unterminated quoted field (opened here)");
	/* Counted after a CRLF and an earlier multi-line record. */
	check("\"x\r\ny\"\r\nz,\"w\r\n", "1[x\r\ny]\nERR:t.csv:3: unterminated quoted field (opened here)");
}

static void test_text_after_quote(void **state)
{
	(void)state;
	check("ok\n\"abc\"x,d\n", "1[ok]\nERR:t.csv:2: unexpected character after closing quote");
	check("\"a\nb\" ,c\n", "ERR:t.csv:2: unexpected character after closing quote");
}

static void test_field_too_long(void **state)
{
	struct sn_csv_limits lim = {5, 0};
	const char *ok = "12345,\"ab\"\"cd\"\n";
	const char *bad1 = "x\n123456,a\n";
	const char *bad2 = "x\ny,\"ab\ncdef\"\n";

	(void)state;
	/* Exactly the limit is fine; the limit counts bytes after unquoting ("" is one). */
	check_lim(ok, strlen(ok), ',', &lim, "1[12345][ab\"cd]\nEND");
	check_lim(bad1, strlen(bad1), ',', &lim, "1[x]\nERR:t.csv:2: field longer than 5 bytes");
	/* The line is where the field begins. */
	check_lim(bad2, strlen(bad2), ',', &lim, "1[x]\nERR:t.csv:2: field longer than 5 bytes");
}

static void test_too_many_fields(void **state)
{
	struct sn_csv_limits lim = {0, 3};
	const char *ok = "a,b,c\n";
	const char *bad = "a,b,c\n\"1\n2\",b,c,d\n";
	const char *bad_empty = "a,b,c,\n";

	(void)state;
	check_lim(ok, strlen(ok), ',', &lim, "1[a][b][c]\nEND");
	/* The line is where the record begins. */
	check_lim(bad, strlen(bad), ',', &lim,
		  "1[a][b][c]\nERR:t.csv:2: more than 3 fields in one record");
	check_lim(bad_empty, strlen(bad_empty), ',', &lim,
		  "ERR:t.csv:1: more than 3 fields in one record");
}

static void test_one_byte_reads(void **state)
{
	/* Every awkward thing at once: BOM, CRLF, lone CR, quotes at every position, embedded line
	 * ends, blank lines, a long field crossing many reads, no final newline. */
	struct sbuf in = {NULL, 0, 0};
	struct sbuf want = {NULL, 0, 0};
	char *big, *small;

	(void)state;
	sb_str(&in, "\xEF\xBB\xBF" "h1,\"h,2\",h3\r\n");
	sb_str(&in, "\"a\"\"\",\"\r\n\",\"\"\r\n\r\n");
	sb_str(&in, "x\ry\r\n\"q\rr\"\r\n,,\n");
	sb_str(&want, "1[h1][h,2][h3]\n2[a\"][\r\n][]\n4[]\n5[x]\n6[y]\n7[q\rr]\n9[][][]\n10[");
	/* A quoted field of about 200 KB crossing many 64 KiB reads, with "" and 200 line ends. */
	sb_str(&in, "\"");
	for (int i = 0; i < 20000; i++) {
		sb_str(&in, i % 100 == 0 ? "long, field \"\"\n" : "0123456789");
		sb_str(&want, i % 100 == 0 ? "long, field \"\n" : "0123456789");
	}
	sb_str(&in, "\",end\r\n\"last\"");
	sb_str(&want, "][end]\n211[last]\nEND");
	big = dump_n(in.s, in.len, 65536, ',', NULL);
	small = dump_n(in.s, in.len, 1, ',', NULL);
	assert_string_equal(small, big);
	/* And the big-read result is right, not merely consistent. */
	assert_string_equal(big, want.s);
	free(want.s);
	free(big);
	free(small);
	free(in.s);
}

static void test_source_error(void **state)
{
	struct memsrc m = {"a,b\nc,d\ne,f\n", 12, 0, 65536, 6, "line 2: invalid byte 0xff for utf-8"};
	sn_csv *c = sn_csv_new(memsrc_read, &m, memsrc_err, "units.csv", ',', NULL);
	char **f;
	size_t nf;

	(void)state;
	assert_non_null(c);
	assert_int_equal(sn_csv_next(c, &f, &nf), 1);
	assert_int_equal(nf, 2);
	assert_string_equal(f[1], "b");
	assert_int_equal(sn_csv_next(c, &f, &nf), -1);
	assert_string_equal(sn_csv_error(c), "units.csv:2: invalid byte 0xff for utf-8");
	assert_int_equal(sn_csv_next(c, &f, &nf), -1);
	sn_csv_free(c);

	/* Without a message from the source: the line being read. */
	m.pos = 0;
	c = sn_csv_new(memsrc_read, &m, NULL, "units.csv", ',', NULL);
	assert_non_null(c);
	assert_int_equal(sn_csv_next(c, &f, &nf), 1);
	assert_int_equal(sn_csv_next(c, &f, &nf), -1);
	assert_string_equal(sn_csv_error(c), "units.csv:2: read error");
	sn_csv_free(c);

	/* Failing on the very first read. */
	m.pos = 0;
	m.fail_at = 0;
	m.msg = "line 1: invalid byte 0xc3 for utf-8";
	c = sn_csv_new(memsrc_read, &m, memsrc_err, "x.csv", ',', NULL);
	assert_non_null(c);
	assert_int_equal(sn_csv_next(c, &f, &nf), -1);
	assert_string_equal(sn_csv_error(c), "x.csv:1: invalid byte 0xc3 for utf-8");
	sn_csv_free(c);
}

static void test_free_null(void **state)
{
	(void)state;
	sn_csv_free(NULL);
}

/* ---- the real conversion table ---- */

static ssize_t file_read(void *ctx, char *buf, size_t cap)
{
	FILE *fp = ctx;
	size_t n = fread(buf, 1, cap, fp);

	if (n == 0 && ferror(fp))
		return -1;
	return (ssize_t)n;
}

/* Line ends inside a field, counted the way the reader counts them (CRLF is one). */
static long line_ends(const char *s)
{
	long n = 0;

	for (; *s; s++)
		if (*s == '\n' || (*s == '\r' && s[1] != '\n'))
			n++;
	return n;
}

static void test_real_conversion_table(void **state)
{
	FILE *fp = fopen(REAL_CSV, "rb");
	sn_csv *c;
	char **f;
	size_t nf;
	long records = 0, last_line = 0, last_ends = 0;
	int rc;

	(void)state;
	if (!fp) {
		printf("skipped: %s not found (reference data absent)\n", REAL_CSV);
		skip();
	}
	c = sn_csv_new(file_read, fp, NULL, "nso-conversion-2025.flat.csv", ',', NULL);
	assert_non_null(c);
	while ((rc = sn_csv_next(c, &f, &nf)) == 1) {
		long line = sn_csv_line(c);

		records++;
		/* Each record begins right after the lines the previous one spanned. */
		if (records == 1)
			assert_int_equal(line, 1);
		else
			assert_int_equal(line, last_line + last_ends + 1);
		last_ends = 0;
		for (size_t i = 0; i < nf; i++)
			last_ends += line_ends(f[i]);
		last_line = line;
		assert_true(nf >= 8 && nf <= 10);
		if (records == 3) {
			assert_int_equal(nf, 8);
			assert_string_equal(f[0], "THÀNH PHỐ HÀ NỘI  ");
			for (size_t i = 1; i < nf; i++)
				assert_string_equal(f[i], "");
		}
	}
	if (rc < 0)
		print_error("%s\n", sn_csv_error(c));
	assert_int_equal(rc, 0);
	assert_int_equal(records, 10607);
	assert_true(last_line <= 11485);
	assert_int_equal(last_line + last_ends, 11485);
	sn_csv_free(c);

	/* The same file read one byte per call gives the same records and lines. */
	{
		char *data, *big, *small;
		long size;

		assert_int_equal(fseek(fp, 0, SEEK_END), 0);
		size = ftell(fp);
		assert_true(size > 0);
		rewind(fp);
		data = malloc((size_t)size);
		assert_non_null(data);
		assert_int_equal(fread(data, 1, (size_t)size, fp), (size_t)size);
		big = dump_n(data, (size_t)size, 65536, ',', NULL);
		small = dump_n(data, (size_t)size, 1, ',', NULL);
		assert_string_equal(small, big);
		free(big);
		free(small);
		free(data);
	}
	fclose(fp);
}

/* Header columns are found after cleanup, by name or alias; the last one wins. */
static void test_table_column(void **state)
{
	(void)state;
	char c0[] = " national_code ", c1[] = "TENTTHC", c2[] = "x", c3[] = "name\xc2\xa0", c4[] = "";
	char *h[] = { c0, c1, c2, c3, c4 };  /* c3: NBSP after "name" */
	assert_int_equal(sn_table_column(h, 5, "national_code", "MATTHC"), 0);
	assert_int_equal(sn_table_column(h, 5, "name", "TENTTHC"), 3);
	assert_int_equal(sn_table_column(h, 2, "name", "TENTTHC"), 1);
	assert_int_equal(sn_table_column(h, 5, "levels", NULL), -1);
	assert_int_equal(sn_table_column(h, 0, "name", NULL), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table_column),
		cmocka_unit_test(test_simple),
		cmocka_unit_test(test_direct_api),
		cmocka_unit_test(test_quoted_comma),
		cmocka_unit_test(test_doubled_quotes),
		cmocka_unit_test(test_embedded_newline),
		cmocka_unit_test(test_crlf),
		cmocka_unit_test(test_lone_cr),
		cmocka_unit_test(test_bom),
		cmocka_unit_test(test_no_final_newline),
		cmocka_unit_test(test_empty_input),
		cmocka_unit_test(test_blank_line),
		cmocka_unit_test(test_semicolon),
		cmocka_unit_test(test_detected_delimiter),
		cmocka_unit_test(test_nul_byte),
		cmocka_unit_test(test_unterminated_quote),
		cmocka_unit_test(test_text_after_quote),
		cmocka_unit_test(test_field_too_long),
		cmocka_unit_test(test_too_many_fields),
		cmocka_unit_test(test_one_byte_reads),
		cmocka_unit_test(test_source_error),
		cmocka_unit_test(test_free_null),
		cmocka_unit_test(test_real_conversion_table),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
