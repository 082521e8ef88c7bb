/* test_xlsx.c - unit tests of the XLSX reader (tools/xlsx.c).
 *
 * Every workbook is built at test time with libzip into a mkstemp file under /tmp, so the tests
 * state exactly the XML they feed the reader and no binary fixture lives in the repository. The
 * last test reads the official conversion workbook from ../shared/data when it is there.
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <zip.h>

#include "xlsx.h"

#define REAL_WORKBOOK "../shared/data/units/nso-conversion-2025.xlsx"

#define XML_DECL "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
#define NS_MAIN "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define NS_REL "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_PKG "http://schemas.openxmlformats.org/package/2006/relationships"

struct sheet_def {
	const char *name;
	const char *rows;  /* the content of <sheetData> */
	const char *after; /* what follows </sheetData>, e.g. <mergeCells>; may be NULL */
	const char *raw;   /* the whole part instead of rows/after, when not NULL */
};

struct book {
	const struct sheet_def *sheets;
	size_t nsheets;
	const char *sst;  /* the whole sharedStrings.xml, or NULL for none */
	int absolute;     /* write relationship targets as "/xl/worksheets/..." */
};

/* ---- helpers ---------------------------------------------------------------------------- */

static void tmp_path(char *buf, size_t len)
{
	int fd;

	snprintf(buf, len, "/tmp/sn_test_xlsx_XXXXXX");
	fd = mkstemp(buf);
	assert_true(fd >= 0);
	close(fd);
}

/* A growing string; tests build parts with it. */
struct str {
	char *p;
	size_t len, cap;
};

static void str_add(struct str *s, const char *t)
{
	size_t n = strlen(t);

	if (s->len + n + 1 > s->cap) {
		size_t cap = s->cap ? s->cap : 256;

		while (cap < s->len + n + 1)
			cap *= 2;
		s->p = realloc(s->p, cap);
		assert_non_null(s->p);
		s->cap = cap;
	}
	memcpy(s->p + s->len, t, n + 1);
	s->len += n;
}

/* Adds a member whose bytes libzip copies to its own buffer (freed by zip_close). */
static void add_member(zip_t *za, const char *name, const char *data, size_t len)
{
	char *copy = malloc(len ? len : 1);
	zip_source_t *src;

	assert_non_null(copy);
	if (len)
		memcpy(copy, data, len);
	src = zip_source_buffer(za, copy, len, 1);
	assert_non_null(src);
	if (zip_file_add(za, name, src, ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8) < 0) {
		zip_source_free(src);
		fail_msg("zip_file_add %s: %s", name, zip_strerror(za));
	}
}

static void write_book(const char *path, const struct book *b)
{
	zip_t *za;
	int err = 0;
	size_t i;
	struct str wb = { 0 }, rels = { 0 }, ct = { 0 };
	char line[512];

	za = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &err);
	assert_non_null(za);

	str_add(&ct, XML_DECL "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
			      "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>");
	add_member(za, "[Content_Types].xml", ct.p, ct.len);
	{
		static const char root_rels[] =
			XML_DECL "<Relationships xmlns=\"" NS_PKG "\"><Relationship Id=\"rId1\" "
			"Type=\"" NS_REL "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";
		add_member(za, "_rels/.rels", root_rels, sizeof root_rels - 1);
	}

	str_add(&wb, XML_DECL "<workbook xmlns=\"" NS_MAIN "\" xmlns:r=\"" NS_REL "\"><sheets>");
	str_add(&rels, XML_DECL "<Relationships xmlns=\"" NS_PKG "\">");
	for (i = 0; i < b->nsheets; i++) {
		const struct sheet_def *s = &b->sheets[i];
		char member[64];
		struct str part = { 0 };

		snprintf(line, sizeof line, "<sheet name=\"%s\" sheetId=\"%zu\" r:id=\"rId%zu\"/>", s->name,
			 i + 1, i + 1);
		str_add(&wb, line);
		/* Relationships deliberately in reverse order: the reader must match by id. */
		snprintf(line, sizeof line,
			 "<Relationship Id=\"rId%zu\" Type=\"" NS_REL "/worksheet\" "
			 "Target=\"%sworksheets/sheet%zu.xml\"/>",
			 b->nsheets - i, b->absolute ? "/xl/" : "", b->nsheets - i);
		str_add(&rels, line);
		if (s->raw) {
			str_add(&part, s->raw);
		} else {
			str_add(&part, XML_DECL "<worksheet xmlns=\"" NS_MAIN "\" xmlns:r=\"" NS_REL
						"\"><dimension ref=\"A1\"/><sheetData>");
			str_add(&part, s->rows);
			str_add(&part, "</sheetData>");
			if (s->after)
				str_add(&part, s->after);
			str_add(&part, "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" "
				       "header=\"0.3\" footer=\"0.3\"/></worksheet>");
		}
		snprintf(member, sizeof member, "xl/worksheets/sheet%zu.xml", i + 1);
		add_member(za, member, part.p, part.len);
		free(part.p);
	}
	str_add(&wb, "</sheets></workbook>");
	if (b->sst) {
		str_add(&rels, "<Relationship Id=\"rId900\" Type=\"" NS_REL "/sharedStrings\" "
			       "Target=\"sharedStrings.xml\"/>");
		add_member(za, "xl/sharedStrings.xml", b->sst, strlen(b->sst));
	}
	str_add(&rels, "</Relationships>");
	add_member(za, "xl/workbook.xml", wb.p, wb.len);
	add_member(za, "xl/_rels/workbook.xml.rels", rels.p, rels.len);
	if (zip_close(za) < 0) {
		fail_msg("zip_close: %s", zip_strerror(za));
	}
	free(wb.p);
	free(rels.p);
	free(ct.p);
}

/* Builds a one-sheet workbook named "S" at PATH, first creating a temp file there when PATH is
 * "" (so a test that builds several workbooks reuses one file and leaves nothing behind). */
static void one_sheet(char *path, size_t len, const char *rows, const char *after, const char *sst)
{
	struct sheet_def s = { "S", rows, after, NULL };
	struct book b = { &s, 1, sst, 0 };

	if (!path[0])
		tmp_path(path, len);
	write_book(path, &b);
}

static sn_xlsx *open_ok(const char *path, const struct sn_xlsx_limits *lim)
{
	char err[1024];
	sn_xlsx *x = sn_xlsx_open(path, lim, err, sizeof err);

	if (!x)
		fail_msg("open failed: %s", err);
	return x;
}

/* Reads the next row, failing the test on error or end. */
static char **next_row(sn_xlsx *x, size_t *n, long *row)
{
	char **cells = NULL;
	int r = sn_xlsx_next(x, &cells, n, row);

	if (r != 1)
		fail_msg("sn_xlsx_next returned %d: %s", r, sn_xlsx_error(x));
	return cells;
}

static void expect_end(sn_xlsx *x)
{
	char **cells;
	size_t n;
	long row;

	assert_int_equal(sn_xlsx_next(x, &cells, &n, &row), 0);
}

static void assert_contains(const char *hay, const char *needle)
{
	if (!strstr(hay, needle))
		fail_msg("expected \"%s\" in \"%s\"", needle, hay);
}

static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	assert_non_null(f);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	assert_true(n > 0);
	rewind(f);
	buf = malloc((size_t)n);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	*len = (size_t)n;
	return buf;
}

static void write_file(const char *path, const char *buf, size_t len)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(buf, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

/* Sends stderr to a temp file so a test can check that libxml2 printed nothing. */
struct capture {
	int saved;
	char path[64];
};

static void capture_begin(struct capture *c)
{
	int fd;

	fflush(stderr);
	snprintf(c->path, sizeof c->path, "/tmp/sn_test_stderr_XXXXXX");
	fd = mkstemp(c->path);
	assert_true(fd >= 0);
	c->saved = dup(2);
	assert_true(c->saved >= 0);
	assert_true(dup2(fd, 2) >= 0);
	close(fd);
}

/* Restores stderr and returns how many bytes were written to it meanwhile. */
static long capture_end(struct capture *c)
{
	FILE *f;
	long n;

	fflush(stderr);
	assert_true(dup2(c->saved, 2) >= 0);
	close(c->saved);
	f = fopen(c->path, "rb");
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fclose(f);
	unlink(c->path);
	return n;
}

/* ---- tests ------------------------------------------------------------------------------ */

static void test_shared_strings(void **state)
{
	static const char sst[] =
		XML_DECL "<sst xmlns=\"" NS_MAIN "\" count=\"6\" uniqueCount=\"6\">"
		"<si><t>plain</t></si>"
		"<si><r><t>Rich </t></r><r><rPr><b/><sz val=\"11\"/></rPr><t xml:space=\"preserve\">text </t></r>"
		"<rPh sb=\"0\" eb=\"1\"><t>PHONETIC</t></rPh><phoneticPr fontId=\"1\"/></si>"
		"<si><t xml:space=\"preserve\">  spaced  </t></si>"
		"<si><t/></si>"
		"<si><t>a&amp;b &lt;c&gt;</t></si>"
		"<si><t>Tổng hợp_không merge</t></si>"
		"</sst>";
	static const char rows[] =
		"<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
		"<c r=\"C1\" t=\"s\"><v>2</v></c><c r=\"D1\" t=\"s\"><v>4</v></c><c r=\"E1\" t=\"s\"><v>5</v></c>"
		"<c r=\"F1\" t=\"s\"><v>3</v></c></row>";
	char path[64] = "", **c;
	size_t n;
	long row;
	sn_xlsx *x;

	(void)state;
	one_sheet(path, sizeof path, rows, NULL, sst);
	x = open_ok(path, NULL);
	assert_int_equal(sn_xlsx_select(x, "S"), 0);
	c = next_row(x, &n, &row);
	assert_int_equal(row, 1);
	assert_int_equal(n, 5); /* F1 is the empty string: not counted */
	assert_string_equal(c[0], "plain");
	assert_string_equal(c[1], "Rich text ");
	assert_string_equal(c[2], "  spaced  ");
	assert_string_equal(c[3], "a&b <c>");
	assert_string_equal(c[4], "Tổng hợp_không merge");
	assert_false(sn_xlsx_cell_is_number(x, 0));
	expect_end(x);
	sn_xlsx_close(x);
	unlink(path);
}

static void test_inline_strings(void **state)
{
	static const char rows[] =
		"<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>inline</t></is></c>"
		"<c r=\"B1\" t=\"inlineStr\"><is><r><t>ri</t></r><r><rPr><i/></rPr><t>ch</t></r>"
		"<rPh sb=\"0\" eb=\"1\"><t>x</t></rPh></is></c>"
		"<c r=\"C1\" t=\"str\"><f>A1&amp;\"x\"</f><v>inlinex</v></c>"
		"<c r=\"D1\" t=\"inlineStr\"><is><t xml:space=\"preserve\"> </t></is></c></row>";
	char path[64] = "", **c;
	size_t n;
	long row;
	sn_xlsx *x;

	(void)state;
	one_sheet(path, sizeof path, rows, NULL, NULL);
	x = open_ok(path, NULL);
	c = next_row(x, &n, &row); /* no select: the first sheet */
	assert_int_equal(n, 4);
	assert_string_equal(c[0], "inline");
	assert_string_equal(c[1], "rich");
	assert_string_equal(c[2], "inlinex");
	assert_string_equal(c[3], " "); /* a lone space is content, not emptiness */
	assert_false(sn_xlsx_cell_is_number(x, 2));
	expect_end(x);
	sn_xlsx_close(x);
	unlink(path);
}

static void test_numbers(void **state)
{
	static const char sst[] = XML_DECL "<sst xmlns=\"" NS_MAIN "\"><si><t>00004</t></si></sst>";
	static const char rows[] =
		"<row r=\"1\"><c r=\"A1\"><v>4</v></c><c r=\"B1\" t=\"n\"><v>25195.0</v></c>"
		"<c r=\"C1\"><v>1.2345E4</v></c><c r=\"D1\"><v>2.5</v></c><c r=\"E1\"><v>-0.0</v></c>"
		"<c r=\"F1\"><v>4E+0</v></c><c r=\"G1\" t=\"s\"><v>0</v></c>"
		"<c r=\"H1\"><f>1+1</f><v>2</v></c><c r=\"I1\"><v>1E-3</v></c>"
		"<c r=\"J1\"><v>0.00123E5</v></c><c r=\"K1\"><v>1E30</v></c><c r=\"L1\"><v>-7.50E1</v></c>"
		"</row>";
	char path[64] = "", **c;
	size_t n;
	long row;
	sn_xlsx *x;

	(void)state;
	one_sheet(path, sizeof path, rows, NULL, sst);
	x = open_ok(path, NULL);
	c = next_row(x, &n, &row);
	assert_int_equal(n, 12);
	assert_string_equal(c[0], "4");
	assert_true(sn_xlsx_cell_is_number(x, 0));
	assert_string_equal(c[1], "25195");
	assert_true(sn_xlsx_cell_is_number(x, 1));
	assert_string_equal(c[2], "12345");
	assert_string_equal(c[3], "2.5"); /* not an integer: raw */
	assert_string_equal(c[4], "0");
	assert_string_equal(c[5], "4");
	assert_string_equal(c[6], "00004");
	assert_false(sn_xlsx_cell_is_number(x, 6));
	assert_string_equal(c[7], "2");
	assert_true(sn_xlsx_cell_is_number(x, 7));
	assert_string_equal(c[8], "1E-3");
	assert_string_equal(c[9], "123");
	assert_string_equal(c[10], "1E30"); /* beyond what a double holds exactly: raw */
	assert_string_equal(c[11], "-75");
	assert_false(sn_xlsx_cell_is_number(x, 12)); /* beyond the row */
	sn_xlsx_close(x);
	unlink(path);
}

static void test_booleans_and_errors(void **state)
{
	static const char rows[] =
		"<row r=\"1\"><c r=\"A1\" t=\"b\"><v>1</v></c><c r=\"B1\" t=\"b\"><v>0</v></c>"
		"<c r=\"C1\" t=\"e\"><v>#N/A</v></c><c r=\"D1\" t=\"d\"><v>2025-07-01</v></c>"
		"<c r=\"E1\" t=\"s\"/></row>";
	char path[64] = "", **c;
	size_t n;
	long row;
	sn_xlsx *x;

	(void)state;
	one_sheet(path, sizeof path, rows, NULL, NULL);
	x = open_ok(path, NULL);
	c = next_row(x, &n, &row);
	assert_int_equal(n, 4);
	assert_string_equal(c[0], "TRUE");
	assert_string_equal(c[1], "FALSE");
	assert_string_equal(c[2], "#N/A");
	assert_string_equal(c[3], "2025-07-01");
	assert_false(sn_xlsx_cell_is_number(x, 0));
	assert_false(sn_xlsx_cell_is_number(x, 2));
	sn_xlsx_close(x);
	unlink(path);
}

static void test_missing_cells(void **state)
{
	static const char rows[] =
		"<row r=\"1\"><c r=\"B1\" t=\"inlineStr\"><is><t>b</t></is></c>"
		"<c r=\"D1\" t=\"inlineStr\"><is><t>d</t></is></c><c r=\"E1\" s=\"3\"/></row>"
		/* cells without r follow the previous cell */
		"<row r=\"2\"><c t=\"inlineStr\"><is><t>x</t></is></c>"
		"<c r=\"C2\" t=\"inlineStr\"><is><t>c</t></is></c><c><v>9</v></c></row>";
	char path[64] = "", **c;
	size_t n;
	long row;
	sn_xlsx *x;

	(void)state;
	one_sheet(path, sizeof path, rows, NULL, NULL);
	x = open_ok(path, NULL);
	c = next_row(x, &n, &row);
	assert_int_equal(n, 4);
	assert_string_equal(c[0], "");
	assert_string_equal(c[1], "b");
	assert_string_equal(c[2], "");
	assert_string_equal(c[3], "d");
	c = next_row(x, &n, &row);
	assert_int_equal(row, 2);
	assert_int_equal(n, 4);
	assert_string_equal(c[0], "x");
	assert_string_equal(c[1], "");
	assert_string_equal(c[2], "c");
	assert_string_equal(c[3], "9");
	assert_true(sn_xlsx_cell_is_number(x, 3));
	expect_end(x);
	sn_xlsx_close(x);
	unlink(path);
}

static void test_row_gaps(void **state)
{
	static const char rows[] =
		"<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"
		"<row r=\"5\"><c r=\"A5\"><v>5</v></c></row>"
		"<row r=\"6\"><c r=\"A6\" s=\"2\"/><c r=\"B6\" t=\"s\"/><c r=\"C6\" t=\"inlineStr\"><is><t></t></is></c></row>"
		"<row r=\"7\"/>"
		"<row r=\"9\"><c r=\"B9\"><v>9</v></c></row>"
		"<row><c><v>10</v></c></row>";
	char path[64] = "", **c;
	size_t n;
	long row;
	sn_xlsx *x;

	(void)state;
	one_sheet(path, sizeof path, rows, NULL, NULL);
	x = open_ok(path, NULL);
	c = next_row(x, &n, &row);
	assert_int_equal(row, 1);
	assert_string_equal(c[0], "1");
	c = next_row(x, &n, &row);
	assert_int_equal(row, 5);
	assert_string_equal(c[0], "5");
	c = next_row(x, &n, &row); /* 6 (blank cells) and 7 (no cells) are skipped */
	assert_int_equal(row, 9);
	assert_int_equal(n, 2);
	assert_string_equal(c[0], "");
	assert_string_equal(c[1], "9");
	c = next_row(x, &n, &row); /* no r: the row after the previous one */
	assert_int_equal(row, 10);
	assert_string_equal(c[0], "10");
	expect_end(x);
	expect_end(x); /* stays at the end */
	sn_xlsx_close(x);
	unlink(path);
}

static void test_rows_out_of_order(void **state)
{
	char path[64] = "", **c;
	size_t n;
	long row;
	sn_xlsx *x;

	(void)state;
	one_sheet(path, sizeof path, "<row r=\"3\"><c r=\"A3\"><v>1</v></c></row><row r=\"2\"><c r=\"A2\"><v>1</v></c></row>",
		  NULL, NULL);
	x = open_ok(path, NULL);
	c = next_row(x, &n, &row);
	assert_int_equal(row, 3);
	(void)c;
	assert_int_equal(sn_xlsx_next(x, &c, &n, &row), -1);
	assert_contains(sn_xlsx_error(x), "sheet 'S': row 2 comes after row 3");
	assert_int_equal(sn_xlsx_next(x, &c, &n, &row), -1); /* errors stick */
	sn_xlsx_close(x);
	unlink(path);
}

static void test_sheet_selection(void **state)
{
	/* The official workbook's names, including the trailing space. */
	static const struct sheet_def sheets[] = {
		{ "Tổng hợp_có merge", "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>merged</t></is></c></row>", NULL, NULL },
		{ "Tổng hợp_không merge ", "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>flat</t></is></c></row>", NULL, NULL },
		{ "A&amp;B", "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>amp</t></is></c></row>", NULL, NULL },
	};
	struct book b = { sheets, 3, NULL, 1 /* absolute targets */ };
	char path[64] = "", **c;
	size_t n;
	long row;
	sn_xlsx *x;

	(void)state;
	tmp_path(path, sizeof path);
	write_book(path, &b);
	x = open_ok(path, NULL);
	assert_int_equal(sn_xlsx_sheet_count(x), 3);
	assert_string_equal(sn_xlsx_sheet_name(x, 0), "Tổng hợp_có merge");
	assert_string_equal(sn_xlsx_sheet_name(x, 1), "Tổng hợp_không merge ");
	assert_string_equal(sn_xlsx_sheet_name(x, 2), "A&B");
	assert_null(sn_xlsx_sheet_name(x, 3));

	assert_int_equal(sn_xlsx_select(x, "Tổng hợp_không merge "), 0);
	c = next_row(x, &n, &row);
	assert_string_equal(c[0], "flat");
	expect_end(x);

	assert_int_equal(sn_xlsx_select(x, "Tổng hợp_không merge"), -1);
	assert_contains(sn_xlsx_error(x), "no sheet named 'Tổng hợp_không merge' (sheets: "
					  "'Tổng hợp_có merge', 'Tổng hợp_không merge ', 'A&B')");
	assert_contains(sn_xlsx_error(x), path);
	assert_int_equal(sn_xlsx_next(x, &c, &n, &row), -1);

	assert_int_equal(sn_xlsx_select_index(x, 0), 0); /* selecting again rewinds */
	c = next_row(x, &n, &row);
	assert_string_equal(c[0], "merged");
	assert_int_equal(sn_xlsx_select(x, "A&B"), 0);
	c = next_row(x, &n, &row);
	assert_int_equal(row, 2);
	assert_string_equal(c[0], "amp");
	assert_int_equal(sn_xlsx_select_index(x, 3), -1);
	assert_contains(sn_xlsx_error(x), "no sheet number 4 (the workbook has 3)");
	sn_xlsx_close(x);
	unlink(path);
}

/* The .NET Open XML SDK writes prefixed elements ("x:row"); names are matched without prefix. */
static void test_prefixed_namespace(void **state)
{
	static const char sheet[] =
		XML_DECL "<x:worksheet xmlns:x=\"" NS_MAIN "\"><x:sheetData>"
		"<x:row r=\"2\"><x:c r=\"B2\" t=\"inlineStr\"><x:is><x:t>pre</x:t></x:is></x:c>"
		"<x:c r=\"C2\"><x:v>3.0</x:v></x:c></x:row></x:sheetData>"
		"<x:mergeCells><x:mergeCell ref=\"B2:B3\"/></x:mergeCells></x:worksheet>";
	struct sheet_def s = { "S", NULL, NULL, sheet };
	struct book b = { &s, 1, NULL, 0 };
	char path[64] = "", **c;
	size_t n;
	long row;
	sn_xlsx *x;

	(void)state;
	tmp_path(path, sizeof path);
	write_book(path, &b);
	x = open_ok(path, NULL);
	assert_int_equal(sn_xlsx_select(x, NULL), 0); /* NULL: the first sheet */
	c = next_row(x, &n, &row);
	assert_int_equal(row, 2);
	assert_int_equal(n, 3);
	assert_string_equal(c[1], "pre");
	assert_string_equal(c[2], "3");
	c = next_row(x, &n, &row); /* row 3 exists only as the lower half of B2:B3 */
	assert_int_equal(row, 3);
	assert_int_equal(n, 2);
	assert_string_equal(c[1], "pre");
	expect_end(x);
	sn_xlsx_close(x);
	unlink(path);
}

/* The merged ranges filled, with the rows held by the one pass (LIM NULL) or read in two passes
 * (a max_held_bytes too small to hold them): the same rows either way. */
static void check_merged_ranges(const struct sn_xlsx_limits *lim)
{
	static const char rows[] =
		"<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Head</t></is></c><c r=\"B1\" s=\"1\"/></row>"
		"<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>P</t></is></c>"
		"<c r=\"B3\" t=\"inlineStr\"><is><t>x</t></is></c><c r=\"D3\" s=\"1\"/><c r=\"E3\"><v>7</v></c></row>"
		"<row r=\"4\"><c r=\"A4\" s=\"1\"/><c r=\"B4\" t=\"inlineStr\"><is><t>y</t></is></c>"
		"<c r=\"E4\" t=\"inlineStr\"><is><t>hidden by the merge</t></is></c></row>"
		/* row 5 is absent: a writer may omit the rows under a vertical merge */
		"<row r=\"6\"><c r=\"B6\" t=\"inlineStr\"><is><t>z</t></is></c></row>"
		"<row r=\"7\"><c r=\"A7\" t=\"inlineStr\"><is><t>Q</t></is></c>"
		"<c r=\"B7\" t=\"inlineStr\"><is><t>w</t></is></c></row>";
	static const char after[] =
		"<mergeCells count=\"4\"><mergeCell ref=\"A3:A6\"/><mergeCell ref=\"A1:C1\"/>"
		"<mergeCell ref=\"D3:D4\"/><mergeCell ref=\"E3:E4\"/><mergeCell ref=\"A9:B10\"/></mergeCells>";
	char path[64] = "", **c;
	size_t n;
	long row;
	sn_xlsx *x;

	one_sheet(path, sizeof path, rows, after, NULL);
	x = open_ok(path, lim);
	c = next_row(x, &n, &row);
	assert_int_equal(row, 1);
	assert_int_equal(n, 3);
	assert_string_equal(c[0], "Head");
	assert_string_equal(c[1], "Head");
	assert_string_equal(c[2], "Head");

	c = next_row(x, &n, &row);
	assert_int_equal(row, 3);
	assert_int_equal(n, 5);
	assert_string_equal(c[0], "P");
	assert_string_equal(c[1], "x");
	assert_string_equal(c[3], ""); /* D3:D4 has an empty top-left cell */
	assert_string_equal(c[4], "7");

	c = next_row(x, &n, &row);
	assert_int_equal(row, 4);
	assert_int_equal(n, 5);
	assert_string_equal(c[0], "P");
	assert_string_equal(c[1], "y");
	assert_string_equal(c[3], "");
	assert_string_equal(c[4], "7"); /* the top-left value wins, as Excel shows it */
	assert_true(sn_xlsx_cell_is_number(x, 4));
	assert_false(sn_xlsx_cell_is_number(x, 0));

	c = next_row(x, &n, &row);
	assert_int_equal(row, 5);
	assert_int_equal(n, 1);
	assert_string_equal(c[0], "P");

	c = next_row(x, &n, &row);
	assert_int_equal(row, 6);
	assert_int_equal(n, 2);
	assert_string_equal(c[0], "P");
	assert_string_equal(c[1], "z");

	c = next_row(x, &n, &row);
	assert_int_equal(row, 7);
	assert_string_equal(c[0], "Q");
	assert_string_equal(c[1], "w");
	expect_end(x); /* A9:B10 has no top-left row at all: nothing to fill */
	sn_xlsx_close(x);
	unlink(path);
}

static void test_merged_ranges(void **state)
{
	struct sn_xlsx_limits two_passes;

	(void)state;
	check_merged_ranges(NULL);
	memset(&two_passes, 0, sizeof two_passes);
	two_passes.max_held_bytes = 1;
	check_merged_ranges(&two_passes);
}

static void test_truncated_and_not_zip(void **state)
{
	char path[64] = "", cut[64] = "", err[1024];
	char *bytes;
	size_t len;
	sn_xlsx *x;

	(void)state;
	one_sheet(path, sizeof path, "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>", NULL, NULL);
	x = open_ok(path, NULL); /* the whole file is fine */
	sn_xlsx_close(x);

	bytes = read_file(path, &len);
	tmp_path(cut, sizeof cut);
	write_file(cut, bytes, len / 2);
	x = sn_xlsx_open(cut, NULL, err, sizeof err);
	assert_null(x);
	assert_contains(err, "not a valid XLSX file (zip: ");
	assert_contains(err, cut);
	assert_int_equal(err[0], '\'');

	write_file(cut, "Ma Xa,Ten Xa\n00004,Phuong Ba Dinh\n", 33);
	assert_null(sn_xlsx_open(cut, NULL, err, sizeof err));
	assert_contains(err, "not a valid XLSX file (zip: Not a zip archive)");

	/* the signature of an OLE2 file (an old .xls) */
	write_file(cut, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" "0123456789abcdef", 24);
	assert_null(sn_xlsx_open(cut, NULL, err, sizeof err));
	assert_contains(err, "old .xls");

	unlink(cut);
	assert_null(sn_xlsx_open(cut, NULL, err, sizeof err));
	assert_contains(err, "cannot open (zip: No such file)");

	/* a zip without a workbook */
	{
		zip_t *za;
		int e = 0;

		za = zip_open(cut, ZIP_CREATE | ZIP_TRUNCATE, &e);
		assert_non_null(za);
		add_member(za, "hello.txt", "hi", 2);
		assert_int_equal(zip_close(za), 0);
	}
	assert_null(sn_xlsx_open(cut, NULL, err, sizeof err));
	assert_contains(err, "not a valid XLSX file (no xl/workbook.xml)");
	free(bytes);
	unlink(cut);
	unlink(path);
}

/* About 100 KB of rows, which deflate shrinks well below that. */
static char *big_rows(void)
{
	struct str s = { 0 };
	char line[160];
	int i;

	for (i = 1; i <= 1000; i++) {
		snprintf(line, sizeof line,
			 "<row r=\"%d\"><c r=\"A%d\" t=\"inlineStr\"><is><t>Xã số %d</t></is></c>"
			 "<c r=\"B%d\"><v>%d</v></c></row>",
			 i, i, i, i, 25000 + i);
		str_add(&s, line);
	}
	return s.p;
}

/* Rewrites the uncompressed size that the archive declares for MEMBER (local header and central
 * directory) to SIZE: the lie a crafted zip bomb tells. */
static void forge_size(const char *path, const char *member, unsigned size)
{
	size_t len, i, mlen = strlen(member);
	char *b = read_file(path, &len);
	unsigned char *u = (unsigned char *)b;
	int found = 0;

	for (i = 0; i + 46 + mlen <= len; i++) {
		if (memcmp(b + i, "PK\x01\x02", 4) == 0 && (size_t)(u[i + 28] | u[i + 29] << 8) == mlen &&
		    memcmp(b + i + 46, member, mlen) == 0) {
			size_t loc = (size_t)u[i + 42] | (size_t)u[i + 43] << 8 | (size_t)u[i + 44] << 16 |
				     (size_t)u[i + 45] << 24;
			int k;

			for (k = 0; k < 4; k++) {
				u[i + 24 + k] = (unsigned char)(size >> (8 * k));
				u[loc + 22 + k] = (unsigned char)(size >> (8 * k));
			}
			found = 1;
		}
	}
	assert_true(found);
	write_file(path, b, len);
	free(b);
}

static void test_part_limits(void **state)
{
	char path[64] = "";
	char *rows = big_rows();
	struct sn_xlsx_limits lim;
	char **c;
	size_t n;
	long row;
	sn_xlsx *x;
	int r, count = 0;

	(void)state;
	assert_true(strlen(rows) > 90000);
	one_sheet(path, sizeof path, rows, NULL, NULL);
	memset(&lim, 0, sizeof lim);

	/* an honest header: refused before inflating */
	lim.max_part_bytes = 1000;
	x = open_ok(path, &lim);
	assert_int_equal(sn_xlsx_select(x, "S"), -1);
	assert_contains(sn_xlsx_error(x), "xl/worksheets/sheet1.xml: declared uncompressed size");
	assert_contains(sn_xlsx_error(x), "exceeds the limit of 1000 bytes (max_part_bytes");
	sn_xlsx_close(x);

	/* a lying header: caught while inflating */
	forge_size(path, "xl/worksheets/sheet1.xml", 500);
	x = open_ok(path, &lim);
	assert_int_equal(sn_xlsx_select(x, "S"), -1);
	assert_contains(sn_xlsx_error(x), "xl/worksheets/sheet1.xml: uncompressed size exceeds the limit "
					  "of 1000 bytes (max_part_bytes");
	sn_xlsx_close(x);

	/* the ratio limit */
	one_sheet(path, sizeof path, rows, NULL, NULL);
	memset(&lim, 0, sizeof lim);
	lim.max_ratio = 2;
	x = open_ok(path, &lim);
	assert_int_equal(sn_xlsx_select(x, "S"), -1);
	assert_contains(sn_xlsx_error(x), "compression ratio exceeds 2:1 (max_ratio");
	sn_xlsx_close(x);

	/* within limits the same sheet reads in full */
	x = open_ok(path, NULL);
	while ((r = sn_xlsx_next(x, &c, &n, &row)) == 1)
		count++;
	assert_int_equal(r, 0);
	assert_int_equal(count, 1000);
	assert_int_equal(row, 1000);
	assert_string_equal(c[0], "Xã số 1000");
	sn_xlsx_close(x);
	free(rows);
	unlink(path);
}

static void test_doctype_refused(void **state)
{
	static const char entity_sst[] =
		XML_DECL "<!DOCTYPE sst [<!ENTITY e \"boom\">]>\n"
		"<sst xmlns=\"" NS_MAIN "\"><si><t>&e;</t></si></sst>";
	static const char laughs[] =
		XML_DECL "<!DOCTYPE worksheet [<!ENTITY a \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\">"
		"<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
		"<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">"
		"<!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\"><!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">"
		"<!ENTITY h \"&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;\"><!ENTITY i \"&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;\">]>"
		"<worksheet xmlns=\"" NS_MAIN "\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&i;</t>"
		"</is></c></row></sheetData></worksheet>";
	static const char external[] =
		XML_DECL "<!DOCTYPE worksheet [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
		"<worksheet xmlns=\"" NS_MAIN "\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&x;</t>"
		"</is></c></row></sheetData></worksheet>";
	struct sheet_def s[2] = { { "L", NULL, NULL, laughs }, { "X", NULL, NULL, external } };
	struct book b = { s, 2, NULL, 0 };
	struct capture cap;
	char path[64] = "", err[1024], m1[1024], m2[1024];
	sn_xlsx *x;
	int r1, r2;

	(void)state;
	one_sheet(path, sizeof path, "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>", NULL, entity_sst);
	capture_begin(&cap);
	x = sn_xlsx_open(path, NULL, err, sizeof err);
	assert_int_equal(capture_end(&cap), 0);
	assert_null(x);
	assert_contains(err, "xl/sharedStrings.xml: DOCTYPE refused");

	write_book(path, &b);
	capture_begin(&cap);
	x = sn_xlsx_open(path, NULL, err, sizeof err);
	r1 = x ? sn_xlsx_select(x, "L") : 0;
	snprintf(m1, sizeof m1, "%s", x ? sn_xlsx_error(x) : err);
	r2 = x ? sn_xlsx_select(x, "X") : 0;
	snprintf(m2, sizeof m2, "%s", x ? sn_xlsx_error(x) : err);
	sn_xlsx_close(x);
	assert_int_equal(capture_end(&cap), 0);
	assert_int_equal(r1, -1);
	assert_contains(m1, "xl/worksheets/sheet1.xml: DOCTYPE refused");
	assert_int_equal(r2, -1);
	assert_contains(m2, "xl/worksheets/sheet2.xml: DOCTYPE refused");
	unlink(path);
}

static void test_malformed_xml(void **state)
{
	static const char bad_sheet[] =
		XML_DECL "<worksheet xmlns=\"" NS_MAIN "\"><sheetData>\n<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>\n"
		"<row r=\"2\"><c r=\"A2\"><v>2</v></row>\n</sheetData></worksheet>";
	struct sheet_def s = { "S", NULL, NULL, bad_sheet };
	struct book b = { &s, 1, NULL, 0 };
	struct capture cap;
	char path[64] = "", err[1024], msg[1024];
	sn_xlsx *x;
	int r;

	(void)state;
	tmp_path(path, sizeof path);
	write_book(path, &b);
	capture_begin(&cap);
	x = sn_xlsx_open(path, NULL, err, sizeof err);
	r = x ? sn_xlsx_select(x, "S") : 0;
	snprintf(msg, sizeof msg, "%s", x ? sn_xlsx_error(x) : err);
	sn_xlsx_close(x);
	assert_int_equal(capture_end(&cap), 0); /* libxml2 printed nothing */
	assert_int_equal(r, -1);
	assert_contains(msg, "xl/worksheets/sheet1.xml:4: Opening and ending tag mismatch");

	/* malformed shared strings fail the open */
	one_sheet(path, sizeof path, "", NULL, XML_DECL "<sst><si><t>a</si></sst>");
	capture_begin(&cap);
	x = sn_xlsx_open(path, NULL, err, sizeof err);
	assert_int_equal(capture_end(&cap), 0);
	assert_null(x);
	assert_contains(err, "xl/sharedStrings.xml:2: Opening and ending tag mismatch");
	unlink(path);
}

static void test_shared_string_out_of_range(void **state)
{
	static const char sst[] = XML_DECL "<sst xmlns=\"" NS_MAIN "\"><si><t>only</t></si></sst>";
	static const char rows[] =
		"<row r=\"16\"><c r=\"C16\" t=\"s\"><v>0</v></c></row>"
		"<row r=\"17\"><c r=\"A17\" t=\"s\"><v>0</v></c><c r=\"C17\" t=\"s\"><v>9999</v></c></row>";
	char path[64] = "", **c;
	size_t n;
	long row;
	sn_xlsx *x;

	(void)state;
	one_sheet(path, sizeof path, rows, NULL, sst);
	x = open_ok(path, NULL);
	c = next_row(x, &n, &row);
	assert_string_equal(c[2], "only");
	assert_int_equal(sn_xlsx_next(x, &c, &n, &row), -1);
	assert_contains(sn_xlsx_error(x), "': sheet 'S'!C17: shared string index 9999 out of range");
	assert_int_equal(sn_xlsx_error(x)[0], '\'');
	sn_xlsx_close(x);
	unlink(path);
}

static void test_cell_limits(void **state)
{
	static const char sst2[] = XML_DECL "<sst xmlns=\"" NS_MAIN "\"><si><t>a</t></si><si><t>b</t></si></sst>";
	char path[64] = "", err[1024], **c;
	size_t n;
	long row;
	struct sn_xlsx_limits lim;
	sn_xlsx *x;

	(void)state;
	one_sheet(path, sizeof path, "<row r=\"1\"><c r=\"XFD1\"><v>1</v></c><c r=\"XFE1\"><v>2</v></c></row>",
		  NULL, NULL);
	x = open_ok(path, NULL);
	assert_int_equal(sn_xlsx_next(x, &c, &n, &row), -1);
	assert_contains(sn_xlsx_error(x), "sheet 'S'!XFE1: column beyond the limit of 16384 columns (max_columns)");
	sn_xlsx_close(x);

	one_sheet(path, sizeof path,
		  "<row r=\"1\"><c r=\"A1\"><v>1</v></c><c r=\"B1\"><v>1</v></c></row>"
		  "<row r=\"2\"><c r=\"A2\"><v>1</v></c><c r=\"B2\"><v>1</v></c></row>",
		  NULL, sst2);
	memset(&lim, 0, sizeof lim);
	lim.max_cells = 3;
	x = open_ok(path, &lim);
	c = next_row(x, &n, &row);
	assert_int_equal(n, 2);
	assert_int_equal(sn_xlsx_next(x, &c, &n, &row), -1);
	assert_contains(sn_xlsx_error(x), "sheet 'S'!B2: more than 3 cells (max_cells)");
	sn_xlsx_close(x);

	lim.max_cells = 0;
	lim.max_shared_strings = 1;
	assert_null(sn_xlsx_open(path, &lim, err, sizeof err));
	assert_contains(err, "xl/sharedStrings.xml: more than 1 shared strings (max_shared_strings)");

	/* merged ranges are checked against max_columns too */
	one_sheet(path, sizeof path, "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>",
		  "<mergeCells><mergeCell ref=\"A1:XFE1\"/></mergeCells>", NULL);
	x = open_ok(path, NULL);
	assert_int_equal(sn_xlsx_select(x, "S"), -1);
	assert_contains(sn_xlsx_error(x), "merged range A1:XFE1 goes beyond the limit of 16384 columns");
	sn_xlsx_close(x);
	unlink(path);
}

static void test_column_name(void **state)
{
	char b[4];

	(void)state;
	sn_xlsx_column_name(0, b);
	assert_string_equal(b, "A");
	sn_xlsx_column_name(25, b);
	assert_string_equal(b, "Z");
	sn_xlsx_column_name(26, b);
	assert_string_equal(b, "AA");
	sn_xlsx_column_name(27, b);
	assert_string_equal(b, "AB");
	sn_xlsx_column_name(701, b);
	assert_string_equal(b, "ZZ");
	sn_xlsx_column_name(702, b);
	assert_string_equal(b, "AAA");
	sn_xlsx_column_name(16383, b);
	assert_string_equal(b, "XFD");
	sn_xlsx_column_name(18278, b); /* needs four letters: does not fit */
	assert_string_equal(b, "?");
}

static void test_close_null(void **state)
{
	(void)state;
	sn_xlsx_close(NULL);
}

static double now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static void test_real_workbook(void **state)
{
	static const char flat_name[] = "Tổng hợp_không merge ";
	sn_xlsx *x, *m;
	char **c, **mc;
	size_t n, mn;
	long row, mrow, rows = 0, numeric_codes = 0;
	int r, found = 0, found_filled = 0;
	double t0, t1;

	(void)state;
	if (access(REAL_WORKBOOK, R_OK) != 0) {
		print_message("skipped: %s is absent\n", REAL_WORKBOOK);
		skip();
	}
	x = open_ok(REAL_WORKBOOK, NULL);
	assert_int_equal(sn_xlsx_sheet_count(x), 2);
	assert_string_equal(sn_xlsx_sheet_name(x, 0), "Tổng hợp_có merge");
	assert_string_equal(sn_xlsx_sheet_name(x, 1), flat_name);

	t0 = now_ms();
	assert_int_equal(sn_xlsx_select(x, flat_name), 0);
	while ((r = sn_xlsx_next(x, &c, &n, &row)) == 1) {
		rows++;
		if (n > 2 && c[2][0] && sn_xlsx_cell_is_number(x, 2))
			numeric_codes++;
		if (n > 4 && strcmp(c[4], "25213") == 0) {
			found++;
			assert_string_equal(c[2], "25195");
			assert_string_equal(c[1], "Phường Bình Phước");
			assert_string_equal(c[3], "Xã Tiến Hưng");
		}
	}
	t1 = now_ms();
	if (r < 0)
		fail_msg("%s", sn_xlsx_error(x));
	assert_int_equal(rows, 10607);
	assert_int_equal(found, 1);
	assert_int_equal(numeric_codes, 5525); /* the README's count of numeric new-commune codes */
	print_message("flat sheet: %ld rows read in %.1f ms\n", rows, t1 - t0);

	/* The merged sheet has the same rows; its new-commune code column, written once per block of
	 * merged cells, must come back filled exactly like the flat sheet's. */
	m = open_ok(REAL_WORKBOOK, NULL);
	assert_int_equal(sn_xlsx_select(m, "Tổng hợp_có merge"), 0);
	assert_int_equal(sn_xlsx_select(x, flat_name), 0);
	rows = 0;
	t0 = now_ms();
	while ((r = sn_xlsx_next(m, &mc, &mn, &mrow)) == 1) {
		rows++;
		assert_int_equal(sn_xlsx_next(x, &c, &n, &row), 1);
		assert_int_equal(row, mrow);
		if (row >= 3)
			assert_string_equal(mn > 2 ? mc[2] : "", n > 2 ? c[2] : "");
		/* Xã Tân Thành 25207 and Phường Tiến Thành 25210 share the merged block C8120:C8121 */
		if (mn > 4 && strcmp(mc[4], "25210") == 0) {
			found_filled = 1;
			assert_string_equal(mc[1], "Phường Đồng Xoài");
			assert_string_equal(mc[2], "25210");
			assert_string_equal(mc[0], "Tỉnh Đồng Nai (75)");
		}
	}
	t1 = now_ms();
	if (r < 0)
		fail_msg("%s", sn_xlsx_error(m));
	assert_int_equal(rows, 10607);
	assert_true(found_filled);
	print_message("merged sheet (read alongside the flat one): %ld rows in %.1f ms\n", rows, t1 - t0);
	sn_xlsx_close(m);
	sn_xlsx_close(x);

	/* Held by the one pass or read in two passes, the merged sheet's rows are the same. */
	{
		struct sn_xlsx_limits two_passes;
		size_t i;

		memset(&two_passes, 0, sizeof two_passes);
		two_passes.max_held_bytes = 1;
		x = open_ok(REAL_WORKBOOK, NULL);
		m = open_ok(REAL_WORKBOOK, &two_passes);
		assert_int_equal(sn_xlsx_select(x, "Tổng hợp_có merge"), 0);
		assert_int_equal(sn_xlsx_select(m, "Tổng hợp_có merge"), 0);
		while ((r = sn_xlsx_next(x, &c, &n, &row)) == 1) {
			assert_int_equal(sn_xlsx_next(m, &mc, &mn, &mrow), 1);
			assert_int_equal(row, mrow);
			assert_int_equal(n, mn);
			for (i = 0; i < n; i++) {
				assert_string_equal(c[i], mc[i]);
				assert_int_equal(sn_xlsx_cell_is_number(x, i), sn_xlsx_cell_is_number(m, i));
			}
		}
		assert_int_equal(r, 0);
		assert_int_equal(sn_xlsx_next(m, &mc, &mn, &mrow), 0);
		sn_xlsx_close(m);
		sn_xlsx_close(x);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shared_strings),
		cmocka_unit_test(test_inline_strings),
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_booleans_and_errors),
		cmocka_unit_test(test_missing_cells),
		cmocka_unit_test(test_row_gaps),
		cmocka_unit_test(test_rows_out_of_order),
		cmocka_unit_test(test_sheet_selection),
		cmocka_unit_test(test_prefixed_namespace),
		cmocka_unit_test(test_merged_ranges),
		cmocka_unit_test(test_truncated_and_not_zip),
		cmocka_unit_test(test_part_limits),
		cmocka_unit_test(test_doctype_refused),
		cmocka_unit_test(test_malformed_xml),
		cmocka_unit_test(test_shared_string_out_of_range),
		cmocka_unit_test(test_cell_limits),
		cmocka_unit_test(test_column_name),
		cmocka_unit_test(test_close_null),
		cmocka_unit_test(test_real_workbook),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
