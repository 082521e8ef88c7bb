/* test_agxml.c - unit tests of the agency registry XML reader and the kind names (tools/agxml.c).
 *
 * Each document is written at test time into a mkstemp file under /tmp. The cases assert exact
 * field values and positions, the exact start of every error message ("file:LINE:"), and that
 * nothing from a hostile document (an external entity's target, an entity bomb) reaches the
 * callback.
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "agency.h"
#include "exitcodes.h"

#define MAX_RECS 8

/* A copy of one record as the callback saw it (the reader's strings die with the callback). */
struct rec_copy {
	char *code, *name, *kind, *parent_code, *unit_code, *address, *phone, *email, *status;
	char *pos;
};

struct collect {
	struct rec_copy r[MAX_RECS];
	int n;        /* records seen */
	int stop_at;  /* return stop_ret from the callback for record number stop_at (1-based) */
	int stop_ret;
};

static char *dup_or_die(const char *s)
{
	char *d;

	assert_non_null(s);  /* the contract: never NULL */
	d = strdup(s);
	assert_non_null(d);
	return d;
}

static int collect_fn(void *ctx, const struct sn_agency_rec *r, const char *pos)
{
	struct collect *c = ctx;
	struct rec_copy *o;

	assert_true(c->n < MAX_RECS);
	o = &c->r[c->n++];
	o->code = dup_or_die(r->code);
	o->name = dup_or_die(r->name);
	o->kind = dup_or_die(r->kind);
	o->parent_code = dup_or_die(r->parent_code);
	o->unit_code = dup_or_die(r->unit_code);
	o->address = dup_or_die(r->address);
	o->phone = dup_or_die(r->phone);
	o->email = dup_or_die(r->email);
	o->status = dup_or_die(r->status);
	o->pos = dup_or_die(pos);
	return c->n == c->stop_at ? c->stop_ret : 0;
}

static void collect_free(struct collect *c)
{
	for (int i = 0; i < c->n; i++) {
		struct rec_copy *o = &c->r[i];
		char **all[] = { &o->code, &o->name, &o->kind, &o->parent_code, &o->unit_code,
				 &o->address, &o->phone, &o->email, &o->status, &o->pos };
		for (size_t j = 0; j < sizeof all / sizeof all[0]; j++) {
			free(*all[j]);
			*all[j] = NULL;
		}
	}
	c->n = 0;
}

/* Writes LEN bytes of TEXT to a new file under /tmp; its name goes to PATH (32 bytes). */
static void write_tmp_n(char *path, const char *text, size_t len)
{
	int fd;

	snprintf(path, 32, "/tmp/test_agxml.XXXXXX");
	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal((ssize_t)len, write(fd, text, len));
	assert_int_equal(0, close(fd));
}

static void write_tmp(char *path, const char *text)
{
	write_tmp_n(path, text, strlen(text));
}

/* Asserts that ERR starts with "PATH:LINE: " and contains WANT. */
static void assert_err_at(const char *err, const char *path, int line, const char *want)
{
	char prefix[64];

	snprintf(prefix, sizeof prefix, "%s:%d: ", path, line);
	if (strncmp(err, prefix, strlen(prefix)) != 0)
		fail_msg("error '%s' does not start with '%s'", err, prefix);
	if (!strstr(err, want))
		fail_msg("error '%s' does not mention '%s'", err, want);
}

/* Reads TEXT as a document; returns the reader's value, records in C and the message in ERR. */
static int read_doc(const char *text, struct collect *c, char *path, char *err, size_t errlen)
{
	write_tmp(path, text);
	return sn_agency_xml_read(path, collect_fn, c, err, errlen);
}

/* ---- valid documents ---- */

static const char VALID[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                                   /* 1 */
	"<agencies xmlns=\"urn:sapnhap:agencies:1\" province=\"27\">\n"                  /* 2 */
	"  <agency code=\"000.00.16.H27\" kind=\"department\" status=\"closed\">\n"      /* 3 */
	"    <name>Sở Tài chính tỉnh Bắc Ninh</name>\n"                                 /* 4 */
	"    <parent>000.00.00.H27</parent>\n"                                           /* 5 */
	"    <unit>27</unit>\n"                                                          /* 6 */
	"    <address>Số 11 Lý Thái Tổ &amp; Hai Bà Trưng</address>\n"                  /* 7 */
	"    <phone>0222 3822 384</phone>\n"                                             /* 8 */
	"    <email>stc@bacninh.gov.vn</email>\n"                                        /* 9 */
	"  </agency>\n"                                                                  /* 10 */
	"  <agency code=\"H27\" kind=\"province-committee\">"                            /* 11 */
	"<name>  UBND <![CDATA[tỉnh <Bắc>]]> Ninh\n  </name></agency>\n"                 /* 11-12 */
	"  <!-- a 3-digit level-3 group: nonconforming, but kept -->\n"                  /* 13 */
	"  <agency code=\"000.302.36.H05\" kind=\"service-unit\" status=\"active\">\n"   /* 14 */
	"    <name>Trường <!-- split -->THCS</name>\n"                                   /* 15 */
	"    <unit> 00123 </unit>\n"                                                     /* 16 */
	"  </agency>\n"                                                                  /* 17 */
	"</agencies>\n";

static void test_valid(void **state)
{
	struct collect c = { 0 };
	char path[32], pos[64], err[512];
	int rc;

	(void)state;
	rc = read_doc(VALID, &c, path, err, sizeof err);
	if (rc != 0)
		fail_msg("rc %d: %s", rc, err);
	assert_int_equal(c.n, 3);

	/* every field */
	assert_string_equal(c.r[0].code, "000.00.16.H27");
	assert_string_equal(c.r[0].name, "Sở Tài chính tỉnh Bắc Ninh");
	assert_string_equal(c.r[0].kind, "department");
	assert_string_equal(c.r[0].parent_code, "000.00.00.H27");
	assert_string_equal(c.r[0].unit_code, "27");
	assert_string_equal(c.r[0].address, "Số 11 Lý Thái Tổ & Hai Bà Trưng");
	assert_string_equal(c.r[0].phone, "0222 3822 384");
	assert_string_equal(c.r[0].email, "stc@bacninh.gov.vn");
	assert_string_equal(c.r[0].status, "closed");
	snprintf(pos, sizeof pos, "%s:3", path);
	assert_string_equal(c.r[0].pos, pos);

	/* the minimum: absent fields are "", status defaults to active, white space and CDATA
	 * are kept as written */
	assert_string_equal(c.r[1].code, "H27");
	assert_string_equal(c.r[1].name, "  UBND tỉnh <Bắc> Ninh\n  ");
	assert_string_equal(c.r[1].kind, "province-committee");
	assert_string_equal(c.r[1].parent_code, "");
	assert_string_equal(c.r[1].unit_code, "");
	assert_string_equal(c.r[1].address, "");
	assert_string_equal(c.r[1].phone, "");
	assert_string_equal(c.r[1].email, "");
	assert_string_equal(c.r[1].status, "active");
	snprintf(pos, sizeof pos, "%s:11", path);
	assert_string_equal(c.r[1].pos, pos);

	/* a nonconforming code passes the schema; text around a comment is joined */
	assert_string_equal(c.r[2].code, "000.302.36.H05");
	assert_string_equal(c.r[2].name, "Trường THCS");
	assert_string_equal(c.r[2].kind, "service-unit");
	assert_string_equal(c.r[2].unit_code, " 00123 ");
	assert_string_equal(c.r[2].parent_code, "");
	assert_string_equal(c.r[2].status, "active");
	snprintf(pos, sizeof pos, "%s:14", path);
	assert_string_equal(c.r[2].pos, pos);

	collect_free(&c);
	unlink(path);
}

static void test_empty_registry(void **state)
{
	struct collect c = { 0 };
	char path[32], err[512];

	(void)state;
	assert_int_equal(0, read_doc("<agencies xmlns=\"urn:sapnhap:agencies:1\"/>\n", &c, path,
				     err, sizeof err));
	assert_int_equal(c.n, 0);
	unlink(path);
	assert_int_equal(0, read_doc("<?xml version=\"1.0\"?>\n<agencies "
				     "xmlns=\"urn:sapnhap:agencies:1\">\n</agencies>\n",
				     &c, path, err, sizeof err));
	assert_int_equal(c.n, 0);
	unlink(path);
}

/* Record positions come from a scan of the raw bytes: markup-like text in comments, CDATA,
 * processing instructions and attribute values must not throw it off, and a start tag spread
 * over lines is placed at its '<'. */
static void test_positions(void **state)
{
	static const char doc[] =
		"<?xml version=\"1.0\"?>\n"                                          /* 1 */
		"<?pi a > b <agency> ?>\n"                                           /* 2 */
		"<!-- <agency code=\"X\"> -->\n"                                     /* 3 */
		"<agencies xmlns=\"urn:sapnhap:agencies:1\"\n"                       /* 4 */
		"          province=\"27\">\n"                                       /* 5 */
		"  <!-- a comment with <agency> and - a -> dash -->\n"               /* 6 */
		"  <agency\n"                                                        /* 7 */
		"      code=\"a>b/>c\" kind='other'>\n"                              /* 8 */
		"    <name><![CDATA[<agency code=\"Y\">]]]]><![CDATA[>]]></name>\n"  /* 9 */
		"  </agency><agency code=\"H2\" kind=\"other\"><name>x</name></agency>\n" /* 10 */
		"  <?pi <agency> ?>\n"                                               /* 11 */
		"  <agency code=\"H3\"\n"                                            /* 12 */
		"          kind=\"other\"\n"                                         /* 13 */
		"  ><name>y</name></agency>\n"                                       /* 14 */
		"</agencies>\n";
	struct collect c = { 0 };
	char path[32], pos[64], err[512];
	static const int lines[] = { 7, 10, 12 };
	int rc;

	(void)state;
	rc = read_doc(doc, &c, path, err, sizeof err);
	if (rc != 0)
		fail_msg("rc %d: %s", rc, err);
	assert_int_equal(c.n, 3);
	assert_string_equal(c.r[0].code, "a>b/>c");
	assert_string_equal(c.r[0].name, "<agency code=\"Y\">]]>");
	assert_string_equal(c.r[1].code, "H2");
	assert_string_equal(c.r[2].code, "H3");
	for (int i = 0; i < 3; i++) {
		snprintf(pos, sizeof pos, "%s:%d", path, lines[i]);
		assert_string_equal(c.r[i].pos, pos);
	}
	collect_free(&c);
	unlink(path);
}

/* Past line 65535, where libxml2's node lines stop counting, positions stay exact. */
static int check_line_fn(void *ctx, const struct sn_agency_rec *r, const char *pos)
{
	long *n = ctx;
	const char *colon = strrchr(pos, ':');

	assert_non_null(colon);
	if (strcmp(colon + 1, r->name) != 0)  /* each name is its record's line */
		fail_msg("record %ld at %s, expected line %s", *n, pos, r->name);
	++*n;
	return 0;
}

static void test_positions_past_65535(void **state)
{
	enum { N = 17000 };  /* 4 lines each: 68000 lines */
	size_t cap = 100 + (size_t)N * 120, len = 0;
	char *doc = malloc(cap);
	char path[32], err[512];
	long n = 0;

	(void)state;
	assert_non_null(doc);
	len += (size_t)snprintf(doc + len, cap - len,
				"<?xml version=\"1.0\"?>\n<agencies xmlns=\"urn:sapnhap:agencies:1\">\n");
	for (int i = 0; i < N; i++)
		len += (size_t)snprintf(doc + len, cap - len,
					"  <agency code=\"H%02d\" kind=\"other\">\n"
					"    <name>%d</name>\n    <address>Số %d</address>\n"
					"  </agency>\n",
					i % 100, 3 + 4 * i, i);
	len += (size_t)snprintf(doc + len, cap - len, "</agencies>\n");
	assert_true(len < cap);
	write_tmp_n(path, doc, len);
	free(doc);
	assert_int_equal(0, sn_agency_xml_read(path, check_line_fn, &n, err, sizeof err));
	assert_int_equal(n, N);
	unlink(path);
}

/* Writes the ASCII TEXT as UTF-16LE with a byte order mark. */
static void write_tmp_utf16(char *path, const char *text)
{
	size_t n = strlen(text);
	char *w = malloc(2 + 2 * n);

	assert_non_null(w);
	w[0] = (char)0xff;
	w[1] = (char)0xfe;
	for (size_t i = 0; i < n; i++) {
		w[2 + 2 * i] = text[i];
		w[3 + 2 * i] = '\0';
	}
	write_tmp_n(path, w, 2 + 2 * n);
	free(w);
}

/* UTF-16 is read (the byte scan gives up and libxml2's lines are used), and its DOCTYPE is
 * refused too, though the raw-byte check cannot see it there. */
static void test_utf16(void **state)
{
	struct collect c = { 0 };
	char path[32], pos[64], err[512];
	int rc;

	(void)state;
	write_tmp_utf16(path, "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n"
			      "<agencies xmlns=\"urn:sapnhap:agencies:1\">\n"
			      "  <agency code=\"H27\" kind=\"other\"><name>A</name></agency>\n"
			      "\n"
			      "  <agency code=\"H28\" kind=\"other\"><name>B</name></agency>\n"
			      "</agencies>\n");
	rc = sn_agency_xml_read(path, collect_fn, &c, err, sizeof err);
	if (rc != 0)
		fail_msg("rc %d: %s", rc, err);
	assert_int_equal(c.n, 2);
	assert_string_equal(c.r[1].code, "H28");
	snprintf(pos, sizeof pos, "%s:3", path);
	assert_string_equal(c.r[0].pos, pos);
	snprintf(pos, sizeof pos, "%s:5", path);
	assert_string_equal(c.r[1].pos, pos);
	collect_free(&c);
	unlink(path);

	write_tmp_utf16(path, "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n"
			      "<!DOCTYPE agencies [\n"
			      "  <!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n"
			      "]>\n"
			      "<agencies xmlns=\"urn:sapnhap:agencies:1\">\n"
			      "  <agency code=\"H27\" kind=\"other\"><name>&xxe;</name></agency>\n"
			      "</agencies>\n");
	rc = sn_agency_xml_read(path, collect_fn, &c, err, sizeof err);
	assert_int_equal(rc, SN_DATA);
	assert_non_null(strstr(err, "DOCTYPE refused"));
	assert_int_equal(c.n, 0);
	unlink(path);
}

/* ---- documents the schema refuses ---- */

/* Reads DOC, expecting SN_DATA with "file:LINE: ...WANT..." and no record coded "BAD". */
static void expect_invalid(const char *doc, int line, const char *want)
{
	struct collect c = { 0 };
	char path[32], err[512];
	int rc;

	rc = read_doc(doc, &c, path, err, sizeof err);
	if (rc != SN_DATA)
		fail_msg("expected SN_DATA for %s, got %d: %s", want, rc, err);
	assert_err_at(err, path, line, want);
	for (int i = 0; i < c.n; i++)
		assert_string_not_equal(c.r[i].code, "BAD");
	collect_free(&c);
	unlink(path);
}

static void test_invalid(void **state)
{
	(void)state;
	/* unknown kind */
	expect_invalid("<agencies xmlns=\"urn:sapnhap:agencies:1\">\n"
		       "  <agency code=\"H27\" kind=\"province-committee\"><name>A</name></agency>\n"
		       "  <agency code=\"BAD\" kind=\"ministry\"><name>B</name></agency>\n"
		       "</agencies>\n",
		       3, "'ministry' is not an element of the set");
	/* missing name */
	expect_invalid("<agencies xmlns=\"urn:sapnhap:agencies:1\">\n"
		       "  <agency code=\"BAD\" kind=\"other\">\n"
		       "    <parent>H27</parent>\n"
		       "  </agency>\n"
		       "</agencies>\n",
		       3, "parent': This element is not expected");
	expect_invalid("<agencies xmlns=\"urn:sapnhap:agencies:1\">\n"
		       "  <agency code=\"BAD\" kind=\"other\"/>\n"
		       "</agencies>\n",
		       2, "Missing child element(s)");
	/* unknown element */
	expect_invalid("<agencies xmlns=\"urn:sapnhap:agencies:1\">\n"
		       "  <agency code=\"BAD\" kind=\"other\">\n"
		       "    <name>A</name>\n"
		       "    <fax>0222</fax>\n"
		       "  </agency>\n"
		       "</agencies>\n",
		       4, "fax': This element is not expected");
	/* unknown attribute, elements out of order, a name of blanks, a bad unit, an empty or
	 * over-long code, a bad status, the wrong namespace */
	expect_invalid("<agencies xmlns=\"urn:sapnhap:agencies:1\">\n"
		       "  <agency code=\"BAD\" kind=\"other\" level=\"2\"><name>A</name></agency>\n"
		       "</agencies>\n",
		       2, "level");
	expect_invalid("<agencies xmlns=\"urn:sapnhap:agencies:1\">\n"
		       "  <agency code=\"BAD\" kind=\"other\"><name>A</name>\n"
		       "    <unit>27</unit><parent>H27</parent></agency>\n"
		       "</agencies>\n",
		       3, "parent': This element is not expected");
	expect_invalid("<agencies xmlns=\"urn:sapnhap:agencies:1\">\n"
		       "  <agency code=\"BAD\" kind=\"other\"><name> \n </name></agency>\n"
		       "</agencies>\n",
		       3, "pattern");
	/* 4 and 6 digits: the widths between and beyond 2, 3, 5 (libxml2 2.9 gets a plain
	 * alternation in a pattern wrong, so these guard the schema's spelling) */
	expect_invalid("<agencies xmlns=\"urn:sapnhap:agencies:1\">\n"
		       "  <agency code=\"BAD\" kind=\"other\"><name>A</name><unit>2700</unit>"
		       "</agency>\n</agencies>\n",
		       2, "pattern");
	expect_invalid("<agencies xmlns=\"urn:sapnhap:agencies:1\">\n"
		       "  <agency code=\"BAD\" kind=\"other\"><name>A</name><unit>270001</unit>"
		       "</agency>\n</agencies>\n",
		       2, "pattern");
	expect_invalid("<agencies xmlns=\"urn:sapnhap:agencies:1\">\n"
		       "  <agency code=\"BAD\" kind=\"other\"><name>A</name><unit>2</unit>"
		       "</agency>\n</agencies>\n",
		       2, "pattern");
	expect_invalid("<agencies xmlns=\"urn:sapnhap:agencies:1\">\n"
		       "  <agency code=\"\" kind=\"other\"><name>A</name></agency>\n"
		       "</agencies>\n",
		       2, "minLength");
	expect_invalid("<agencies xmlns=\"urn:sapnhap:agencies:1\">\n\n"
		       "  <agency code=\"000.00.00.H27.000.00.00.H27.000.00.00\" kind=\"other\">"
		       "<name>A</name></agency>\n</agencies>\n",
		       3, "maxLength");
	expect_invalid("<agencies xmlns=\"urn:sapnhap:agencies:1\">\n"
		       "  <agency code=\"BAD\" kind=\"other\" status=\"merged\"><name>A</name>"
		       "</agency>\n</agencies>\n",
		       2, "'merged' is not an element of the set");
	expect_invalid("<agencies xmlns=\"urn:sapnhap:agencies:1\" province=\"1\">\n</agencies>\n",
		       1, "province");
	expect_invalid("<agencies xmlns=\"urn:sapnhap:agencies:2\">\n"
		       "  <agency code=\"BAD\" kind=\"other\"><name>A</name></agency>\n"
		       "</agencies>\n",
		       1, "No matching global declaration");
}

static void test_malformed(void **state)
{
	(void)state;
	expect_invalid("<?xml version=\"1.0\"?>\n"
		       "<agencies xmlns=\"urn:sapnhap:agencies:1\">\n"
		       "  <agency code=\"BAD\" kind=\"other\">\n"
		       "    <name>A</nam>\n"
		       "  </agency>\n"
		       "</agencies>\n",
		       4, "Opening and ending tag mismatch");
	expect_invalid("<agencies xmlns=\"urn:sapnhap:agencies:1\">\n"
		       "  <agency code=\"BAD\" kind=\"other\"><name>A &nbsp; B</name></agency>\n"
		       "</agencies>\n",
		       2, "Entity 'nbsp' not defined");
	/* truncated: libxml2 blames the last complete line. The agency itself is whole, so it
	 * may reach the callback before the error: all-or-nothing is the importer's job. */
	expect_invalid("<agencies xmlns=\"urn:sapnhap:agencies:1\">\n"
		       "  <agency code=\"H27\" kind=\"other\"><name>A</name></agency>\n",
		       2, "Extra content at the end of the document");
}

/* An entity bound to /etc/passwd: refused, and the file's content goes nowhere. */
static void test_external_entity(void **state)
{
	struct collect c = { 0 };
	char path[32], err[512], first[128] = "";
	FILE *f;
	int rc;

	(void)state;
	f = fopen("/etc/passwd", "r");
	if (f) {
		if (!fgets(first, sizeof first, f))
			first[0] = '\0';
		fclose(f);
		first[strcspn(first, "\n")] = '\0';
	}
	rc = read_doc("<?xml version=\"1.0\"?>\n"
		      "<!DOCTYPE agencies [\n"
		      "  <!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n"
		      "]>\n"
		      "<agencies xmlns=\"urn:sapnhap:agencies:1\">\n"
		      "  <agency code=\"H27\" kind=\"other\"><name>&xxe;</name>"
		      "<address>&xxe;</address></agency>\n"
		      "</agencies>\n",
		      &c, path, err, sizeof err);
	assert_int_equal(rc, SN_DATA);
	assert_err_at(err, path, 1, "DOCTYPE refused");
	if (first[0])
		assert_null(strstr(err, first));
	for (int i = 0; i < c.n; i++)
		if (first[0] && (strstr(c.r[i].name, first) || strstr(c.r[i].address, first)))
			fail_msg("/etc/passwd reached the callback");
	assert_int_equal(c.n, 0);
	collect_free(&c);
	unlink(path);
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void test_billion_laughs(void **state)
{
	struct collect c = { 0 };
	char path[32], err[512];
	double t0;
	int rc;

	(void)state;
	t0 = now();
	rc = read_doc("<?xml version=\"1.0\"?>\n"
		      "<!DOCTYPE agencies [\n"
		      " <!ENTITY lol \"lol\">\n"
		      " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
		      " <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
		      " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
		      " <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
		      " <!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
		      " <!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n"
		      " <!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n"
		      " <!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n"
		      " <!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n"
		      "]>\n"
		      "<agencies xmlns=\"urn:sapnhap:agencies:1\">\n"
		      "  <agency code=\"H27\" kind=\"other\"><name>&lol9;</name></agency>\n"
		      "</agencies>\n",
		      &c, path, err, sizeof err);
	assert_int_equal(rc, SN_DATA);
	assert_err_at(err, path, 1, "DOCTYPE refused");
	assert_int_equal(c.n, 0);
	if (now() - t0 > 1.0)
		fail_msg("took %.2f s", now() - t0);
	unlink(path);
}

/* ---- bounds, callback, files ---- */

/* A document whose only agency has an address of N bytes. */
static char *doc_with_address(size_t n)
{
	static const char head[] = "<agencies xmlns=\"urn:sapnhap:agencies:1\">\n"
				   "  <agency code=\"H27\" kind=\"other\"><name>A</name>\n"
				   "    <address>";
	static const char tail[] = "</address></agency>\n</agencies>\n";
	char *d = malloc(sizeof head + n + sizeof tail);

	assert_non_null(d);
	memcpy(d, head, sizeof head - 1);
	memset(d + sizeof head - 1, 'x', n);
	memcpy(d + sizeof head - 1 + n, tail, sizeof tail);
	return d;
}

static void test_value_limit(void **state)
{
	struct collect c = { 0 };
	char path[32], err[512];
	char *doc;
	int rc;

	(void)state;
	doc = doc_with_address(65536);
	rc = read_doc(doc, &c, path, err, sizeof err);
	if (rc != 0)
		fail_msg("rc %d: %s", rc, err);
	assert_int_equal(c.n, 1);
	assert_int_equal(strlen(c.r[0].address), 65536);
	collect_free(&c);
	unlink(path);
	free(doc);

	doc = doc_with_address(65537);
	rc = read_doc(doc, &c, path, err, sizeof err);
	assert_int_equal(rc, SN_DATA);
	assert_err_at(err, path, 3, "<address> longer than 65536 bytes");
	assert_int_equal(c.n, 0);
	unlink(path);
	free(doc);
}

static const char THREE[] =
	"<agencies xmlns=\"urn:sapnhap:agencies:1\">\n"
	"  <agency code=\"H27\" kind=\"other\"><name>A</name></agency>\n"
	"  <agency code=\"H28\" kind=\"other\"><name>B</name></agency>\n"
	"  <agency code=\"H29\" kind=\"other\"><name>C</name></agency>\n"
	"</agencies>\n";

static void test_callback_stops(void **state)
{
	struct collect c = { .stop_at = 2, .stop_ret = 7 };
	char path[32], err[512];

	(void)state;
	assert_int_equal(7, read_doc(THREE, &c, path, err, sizeof err));
	assert_int_equal(c.n, 2);
	assert_string_equal(c.r[1].code, "H28");
	collect_free(&c);
	unlink(path);
}

static void test_missing_file(void **state)
{
	struct collect c = { 0 };
	char err[512];

	(void)state;
	assert_int_equal(SN_IO, sn_agency_xml_read("/tmp/test_agxml.does-not-exist.xml", collect_fn,
						   &c, err, sizeof err));
	assert_string_equal(err, "cannot open '/tmp/test_agxml.does-not-exist.xml': "
				 "No such file or directory");
	assert_int_equal(SN_IO, sn_agency_xml_read("/tmp", collect_fn, &c, err, sizeof err));
	assert_string_equal(err, "cannot open '/tmp': Is a directory");
	assert_int_equal(c.n, 0);
}

/* ---- kinds ---- */

static void test_kinds(void **state)
{
	static const char *const names[SN_KIND_COUNT] = {
		"province-committee", "province-council", "department", "department-unit",
		"district-committee", "district-office", "commune-committee", "service-unit",
		"other",
	};

	(void)state;
	assert_int_equal(SN_KIND_COUNT, 9);
	for (int k = 0; k < SN_KIND_COUNT; k++) {
		assert_string_equal(sn_agency_kind_name((enum sn_agency_kind)k), names[k]);
		assert_int_equal(sn_agency_kind_parse(names[k]), k);
	}
	assert_int_equal(sn_agency_kind_parse("SERVICE-UNIT"), -1);
	assert_int_equal(sn_agency_kind_parse("ministry"), -1);
	assert_int_equal(sn_agency_kind_parse(""), -1);
	assert_int_equal(sn_agency_kind_parse(" other"), -1);
	assert_int_equal(sn_agency_kind_parse(NULL), -1);
	assert_null(sn_agency_kind_name(SN_KIND_COUNT));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_empty_registry),
		cmocka_unit_test(test_positions),
		cmocka_unit_test(test_positions_past_65535),
		cmocka_unit_test(test_utf16),
		cmocka_unit_test(test_invalid),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_external_entity),
		cmocka_unit_test(test_billion_laughs),
		cmocka_unit_test(test_value_limit),
		cmocka_unit_test(test_callback_stops),
		cmocka_unit_test(test_missing_file),
		cmocka_unit_test(test_kinds),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
