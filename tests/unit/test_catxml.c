/* test_catxml.c - unit tests of the procedure catalog XML reader (tools/catxml.c) and its schema
 * (schema/catalog.xsd).
 *
 * Each document is written at test time into a mkstemp file under /tmp. The cases assert exact
 * field values, bindings and positions, the exact start of every error message ("file:LINE:"),
 * and that nothing from a refused or hostile document (an external entity's target, an entity
 * bomb) reaches the callback.
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "catalog.h"
#include "exitcodes.h"

#define MAX_RECS 8
#define NS "xmlns=\"urn:sapnhap:catalog:1\""

/* A copy of one record as the callback saw it (the reader's strings die with the callback). */
struct rec_copy {
	char *national_code, *local_code, *name, *field_code, *field_name, *levels;
	char *time_limit, *time_unit, *fee, *online_level, *portal, *legal_basis;
	char **agency;
	int *online;
	size_t nbindings;
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

static int collect_fn(void *ctx, const struct sn_procedure_rec *p, const char *pos)
{
	struct collect *c = ctx;
	struct rec_copy *o;

	assert_true(c->n < MAX_RECS);
	o = &c->r[c->n++];
	o->national_code = dup_or_die(p->national_code);
	o->local_code = dup_or_die(p->local_code);
	o->name = dup_or_die(p->name);
	o->field_code = dup_or_die(p->field_code);
	o->field_name = dup_or_die(p->field_name);
	o->levels = dup_or_die(p->levels);
	o->time_limit = dup_or_die(p->time_limit);
	o->time_unit = dup_or_die(p->time_unit);
	o->fee = dup_or_die(p->fee);
	o->online_level = dup_or_die(p->online_level);
	o->portal = dup_or_die(p->portal);
	o->legal_basis = dup_or_die(p->legal_basis);
	o->pos = dup_or_die(pos);
	o->nbindings = p->nbindings;
	o->agency = calloc(p->nbindings + 1, sizeof *o->agency);
	o->online = calloc(p->nbindings + 1, sizeof *o->online);
	assert_non_null(o->agency);
	assert_non_null(o->online);
	if (p->nbindings > 0)
		assert_non_null(p->bindings);
	for (size_t i = 0; i < p->nbindings; i++) {
		o->agency[i] = dup_or_die(p->bindings[i].agency);
		o->online[i] = p->bindings[i].online;
	}
	return c->n == c->stop_at ? c->stop_ret : 0;
}

static void collect_free(struct collect *c)
{
	for (int i = 0; i < c->n; i++) {
		struct rec_copy *o = &c->r[i];
		char **all[] = { &o->national_code, &o->local_code, &o->name, &o->field_code,
				 &o->field_name, &o->levels, &o->time_limit, &o->time_unit, &o->fee,
				 &o->online_level, &o->portal, &o->legal_basis, &o->pos };
		for (size_t j = 0; j < sizeof all / sizeof all[0]; j++) {
			free(*all[j]);
			*all[j] = NULL;
		}
		for (size_t j = 0; j < o->nbindings; j++)
			free(o->agency[j]);
		free(o->agency);
		free(o->online);
		o->agency = NULL;
		o->online = NULL;
		o->nbindings = 0;
	}
	c->n = 0;
}

/* Writes LEN bytes of TEXT to a new file under /tmp; its name goes to PATH (32 bytes). */
static void write_tmp_n(char *path, const char *text, size_t len)
{
	int fd;

	snprintf(path, 32, "/tmp/test_catxml.XXXXXX");
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

static void assert_pos(const char *pos, const char *path, int line)
{
	char want[64];

	snprintf(want, sizeof want, "%s:%d", path, line);
	assert_string_equal(pos, want);
}

/* Reads TEXT as a document; returns the reader's value, records in C and the message in ERR. */
static int read_doc(const char *text, struct collect *c, char *path, char *err, size_t errlen)
{
	write_tmp(path, text);
	return sn_catalog_xml_read(path, collect_fn, c, err, errlen);
}

/* A growing document text. */
struct doc {
	char *p;
	size_t len, cap;
};

static void doc_add(struct doc *d, const char *s)
{
	size_t n = strlen(s);

	if (d->len + n + 1 > d->cap) {
		size_t cap = d->cap ? d->cap : 4096;
		while (cap < d->len + n + 1)
			cap *= 2;
		d->p = realloc(d->p, cap);
		assert_non_null(d->p);
		d->cap = cap;
	}
	memcpy(d->p + d->len, s, n + 1);
	d->len += n;
}

/* ---- valid documents ---- */

/* receives-online, in the spellings of binding i of the many-bindings procedure, and the flag
 * each stands for */
static const char *const ONLINE_ATTR[] = { " receives-online=\"true\"", " receives-online=\"0\"",
					   "", " receives-online=\" 1 \"",
					   " receives-online=\"false\"" };
static const int ONLINE_FLAG[] = { 1, 0, 0, 1, 0 };

enum { MANY = 100000 };  /* bindings of the third procedure, one per line */

static void test_valid(void **state)
{
	static const char head[] =
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                              /* 1 */
		"<catalog " NS " province=\"27\">\n"                                          /* 2 */
		"  <procedure national-code=\"1.001612\"\n"                                   /* 3 */
		"             local-code=\"1.001612.000.00.00.H27\">\n"                       /* 4 */
		"    <name>Đăng ký khai sinh &amp; nhận con</name>\n"                        /* 5 */
		"    <field code=\"G15-TP07\">Hộ tịch</field>\n"                              /* 6 */
		"    <level>district</level>\n"                                               /* 7 */
		"    <level><!-- split -->comm<![CDATA[une]]></level>\n"                      /* 8 */
		"    <time-limit unit=\"working-day\"> 15 </time-limit>\n"                    /* 9 */
		"    <fee>  50.000 đồng/hồ sơ\n  </fee>\n"                                   /* 10-11 */
		"    <online-level>partial</online-level>\n"                                  /* 12 */
		"    <portal> true </portal>\n"                                               /* 13 */
		"    <legal-basis>Luật Hộ tịch 2014</legal-basis>\n"                         /* 14 */
		"    <binding agency=\"000.00.16.H27\" receives-online=\"true\"/>\n"          /* 15 */
		"    <binding agency=\"H27.16\"/>\n"                                          /* 16 */
		"    <binding agency=\" 000.00.17.H27 \" receives-online=\"0\"></binding>\n"  /* 17 */
		"  </procedure>\n"                                                            /* 18 */
		"  <procedure national-code=\"2.000001\"><name>B</name></procedure>\n"        /* 19 */
		"  <procedure national-code=\"9.999999\" local-code=\"\">\n"                  /* 20 */
		"    <name>C</name>\n"                                                        /* 21 */
		"    <level>province</level><level>commune</level><level>district</level>\n"  /* 22 */
		"    <time-limit unit=\"month\">0.5</time-limit>\n"                           /* 23 */
		"    <online-level>none</online-level>\n"                                     /* 24 */
		"    <portal>0</portal>\n";                                                   /* 25 */
	struct collect c = { 0 };
	struct doc d = { 0 };
	char path[32], err[512], line[128];
	int rc;

	(void)state;
	doc_add(&d, head);
	for (int i = 0; i < MANY; i++) {                                                      /* 26.. */
		snprintf(line, sizeof line, "    <binding agency=\"000.00.%02d.H%02d\"%s/>\n",
			 i % 100, i / 100 % 100, ONLINE_ATTR[i % 5]);
		doc_add(&d, line);
	}
	doc_add(&d, "  </procedure>\n</catalog>\n");
	write_tmp_n(path, d.p, d.len);
	free(d.p);
	rc = sn_catalog_xml_read(path, collect_fn, &c, err, sizeof err);
	if (rc != 0)
		fail_msg("rc %d: %s", rc, err);
	assert_int_equal(c.n, 3);

	/* every field: levels joined in document order, text in CDATA and around comments
	 * joined, time limit without its white space, portal as yes/no, strings as written */
	assert_string_equal(c.r[0].national_code, "1.001612");
	assert_string_equal(c.r[0].local_code, "1.001612.000.00.00.H27");
	assert_string_equal(c.r[0].name, "Đăng ký khai sinh & nhận con");
	assert_string_equal(c.r[0].field_code, "G15-TP07");
	assert_string_equal(c.r[0].field_name, "Hộ tịch");
	assert_string_equal(c.r[0].levels, "district; commune");
	assert_string_equal(c.r[0].time_limit, "15");
	assert_string_equal(c.r[0].time_unit, "working-day");
	assert_string_equal(c.r[0].fee, "  50.000 đồng/hồ sơ\n  ");
	assert_string_equal(c.r[0].online_level, "partial");
	assert_string_equal(c.r[0].portal, "yes");
	assert_string_equal(c.r[0].legal_basis, "Luật Hộ tịch 2014");
	assert_int_equal(c.r[0].nbindings, 3);
	assert_string_equal(c.r[0].agency[0], "000.00.16.H27");
	assert_int_equal(c.r[0].online[0], 1);
	assert_string_equal(c.r[0].agency[1], "H27.16");
	assert_int_equal(c.r[0].online[1], 0);
	assert_string_equal(c.r[0].agency[2], " 000.00.17.H27 ");
	assert_int_equal(c.r[0].online[2], 0);
	assert_pos(c.r[0].pos, path, 3);

	/* the minimum: everything absent is "", no bindings */
	assert_string_equal(c.r[1].national_code, "2.000001");
	assert_string_equal(c.r[1].name, "B");
	const char *empty[] = { c.r[1].local_code, c.r[1].field_code, c.r[1].field_name,
				c.r[1].levels, c.r[1].time_limit, c.r[1].time_unit, c.r[1].fee,
				c.r[1].online_level, c.r[1].portal, c.r[1].legal_basis };
	for (size_t i = 0; i < sizeof empty / sizeof empty[0]; i++)
		assert_string_equal(empty[i], "");
	assert_int_equal(c.r[1].nbindings, 0);
	assert_pos(c.r[1].pos, path, 19);

	/* many bindings, each with its own flag, in document order */
	assert_string_equal(c.r[2].national_code, "9.999999");
	assert_string_equal(c.r[2].local_code, "");
	assert_string_equal(c.r[2].name, "C");
	assert_string_equal(c.r[2].levels, "province; commune; district");
	assert_string_equal(c.r[2].time_limit, "0.5");
	assert_string_equal(c.r[2].time_unit, "month");
	assert_string_equal(c.r[2].online_level, "none");
	assert_string_equal(c.r[2].portal, "no");
	assert_string_equal(c.r[2].fee, "");
	assert_int_equal(c.r[2].nbindings, MANY);
	for (int i = 0; i < MANY; i++) {
		snprintf(line, sizeof line, "000.00.%02d.H%02d", i % 100, i / 100 % 100);
		if (strcmp(c.r[2].agency[i], line) != 0 || c.r[2].online[i] != ONLINE_FLAG[i % 5])
			fail_msg("binding %d: %s %d", i, c.r[2].agency[i], c.r[2].online[i]);
	}
	assert_pos(c.r[2].pos, path, 20);

	collect_free(&c);
	unlink(path);
}

static void test_empty_catalog(void **state)
{
	struct collect c = { 0 };
	char path[32], err[512];

	(void)state;
	assert_int_equal(0, read_doc("<catalog " NS "/>\n", &c, path, err, sizeof err));
	assert_int_equal(c.n, 0);
	unlink(path);
	assert_int_equal(0, read_doc("<?xml version=\"1.0\"?>\n<catalog " NS " province=\" 27 \">\n"
				     "</catalog>\n",
				     &c, path, err, sizeof err));
	assert_int_equal(c.n, 0);
	unlink(path);
}

/* The edges of each limit the schema sets, from the accepting side (the refusing side is in
 * test_invalid): 60-character local code, 20-character field code, 35-character agency, a
 * time limit of 0 and with leading zeros, both portal spellings of "no" and "yes" not seen in
 * test_valid, a repeated level (the schema cannot refuse it, see catalog.xsd). */
static void test_edges_accepted(void **state)
{
	static const char doc[] =
		"<catalog " NS ">\n"
		"  <procedure national-code=\"0.000000\" "
		"local-code=\"123456789012345678901234567890123456789012345678901234567890\">"
		"<name>A</name><field code=\"12345678901234567890\"/>"
		"<time-limit unit=\"hour\">0</time-limit><portal>1</portal>"
		"<binding agency=\"12345678901234567890123456789012345\"/></procedure>\n"
		"  <procedure national-code=\"1.000002\"><name>B</name>"
		"<level>district</level><level>district</level>"
		"<time-limit unit=\"day\">007</time-limit><portal>false</portal></procedure>\n"
		"</catalog>\n";
	struct collect c = { 0 };
	char path[32], err[512];
	int rc;

	(void)state;
	rc = read_doc(doc, &c, path, err, sizeof err);
	if (rc != 0)
		fail_msg("rc %d: %s", rc, err);
	assert_int_equal(c.n, 2);
	assert_int_equal(strlen(c.r[0].local_code), 60);
	assert_string_equal(c.r[0].field_code, "12345678901234567890");
	assert_string_equal(c.r[0].field_name, "");
	assert_string_equal(c.r[0].time_limit, "0");
	assert_string_equal(c.r[0].time_unit, "hour");
	assert_string_equal(c.r[0].portal, "yes");
	assert_int_equal(c.r[0].nbindings, 1);
	assert_string_equal(c.r[0].agency[0], "12345678901234567890123456789012345");
	assert_string_equal(c.r[1].levels, "district; district");  /* folded by the importer */
	assert_string_equal(c.r[1].time_limit, "007");
	assert_string_equal(c.r[1].portal, "no");
	collect_free(&c);
	unlink(path);
}

/* Record positions come from a scan of the raw bytes: markup-like text in comments, CDATA,
 * processing instructions and attribute values must not throw it off, and a start tag spread
 * over lines is placed at its '<'. */
static void test_positions(void **state)
{
	static const char doc[] =
		"<?xml version=\"1.0\"?>\n"                                               /* 1 */
		"<?pi a > b <procedure> ?>\n"                                             /* 2 */
		"<!-- <procedure national-code=\"1.000000\"> -->\n"                       /* 3 */
		"<catalog " NS "\n"                                                       /* 4 */
		"         province=\"27\">\n"                                             /* 5 */
		"  <!-- a comment with <procedure> and - a -> dash -->\n"                 /* 6 */
		"  <procedure\n"                                                          /* 7 */
		"      national-code=\"1.000001\" local-code='a>b/>c'>\n"                 /* 8 */
		"    <name><![CDATA[<procedure x=\"Y\">]]]]><![CDATA[>]]></name>\n"       /* 9 */
		"  </procedure><procedure national-code=\"1.000002\"><name>x</name>"      /* 10 */
		"<binding agency=\"a\"/></procedure>\n"                                   /* 10 */
		"  <?pi <procedure> ?>\n"                                                 /* 11 */
		"  <procedure national-code=\"1.000003\"\n"                               /* 12 */
		"  ><name>y</name>\n"                                                     /* 13 */
		"  <binding\n agency=\"b/>\"\n/></procedure>\n"                           /* 14-16 */
		"</catalog>\n";
	struct collect c = { 0 };
	char path[32], err[512];
	static const int lines[] = { 7, 10, 12 };
	int rc;

	(void)state;
	rc = read_doc(doc, &c, path, err, sizeof err);
	if (rc != 0)
		fail_msg("rc %d: %s", rc, err);
	assert_int_equal(c.n, 3);
	assert_string_equal(c.r[0].local_code, "a>b/>c");
	assert_string_equal(c.r[0].name, "<procedure x=\"Y\">]]>");
	assert_string_equal(c.r[1].national_code, "1.000002");
	assert_string_equal(c.r[1].agency[0], "a");
	assert_string_equal(c.r[2].national_code, "1.000003");
	assert_string_equal(c.r[2].agency[0], "b/>");
	for (int i = 0; i < 3; i++)
		assert_pos(c.r[i].pos, path, lines[i]);
	collect_free(&c);
	unlink(path);
}

/* Past line 65535, where libxml2's node lines stop counting, positions stay exact: a procedure
 * of 70000 binding lines, then procedures whose names are their lines. */
static int check_line_fn(void *ctx, const struct sn_procedure_rec *p, const char *pos)
{
	long *n = ctx;
	const char *colon = strrchr(pos, ':');

	assert_non_null(colon);
	if (*n == 0) {
		assert_int_equal(p->nbindings, 70000);
		assert_string_equal(pos + strlen(pos) - 2, ":2");
	} else if (strcmp(colon + 1, p->name) != 0) {  /* each name is its record's line */
		fail_msg("record %ld at %s, expected line %s", *n, pos, p->name);
	}
	++*n;
	return 0;
}

static void test_positions_past_65535(void **state)
{
	enum { BIG = 70000, N = 500 };
	struct doc d = { 0 };
	char path[32], err[512], line[128];
	long n = 0;

	(void)state;
	doc_add(&d, "<catalog " NS ">\n  <procedure national-code=\"1.000001\"><name>A</name>\n");
	for (int i = 0; i < BIG; i++)
		doc_add(&d, "    <binding agency=\"H27\"/>\n");
	doc_add(&d, "  </procedure>\n");
	for (int i = 0; i < N; i++) {
		/* the big one ends on line BIG + 3; each of these takes 3 lines */
		snprintf(line, sizeof line,
			 "  <procedure national-code=\"1.%06d\">\n    <name>%d</name>\n"
			 "  </procedure>\n",
			 i, BIG + 4 + 3 * i);
		doc_add(&d, line);
	}
	doc_add(&d, "</catalog>\n");
	write_tmp_n(path, d.p, d.len);
	free(d.p);
	assert_int_equal(0, sn_catalog_xml_read(path, check_line_fn, &n, err, sizeof err));
	assert_int_equal(n, N + 1);
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
	char path[32], err[512];
	int rc;

	(void)state;
	write_tmp_utf16(path, "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n"
			      "<catalog " NS ">\n"
			      "  <procedure national-code=\"1.000001\"><name>A</name></procedure>\n"
			      "\n"
			      "  <procedure national-code=\"1.000002\"><name>B</name>"
			      "<binding agency=\"H28\" receives-online=\"1\"/></procedure>\n"
			      "</catalog>\n");
	rc = sn_catalog_xml_read(path, collect_fn, &c, err, sizeof err);
	if (rc != 0)
		fail_msg("rc %d: %s", rc, err);
	assert_int_equal(c.n, 2);
	assert_string_equal(c.r[1].national_code, "1.000002");
	assert_string_equal(c.r[1].agency[0], "H28");
	assert_int_equal(c.r[1].online[0], 1);
	assert_pos(c.r[0].pos, path, 3);
	assert_pos(c.r[1].pos, path, 5);
	collect_free(&c);
	unlink(path);

	write_tmp_utf16(path, "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n"
			      "<!DOCTYPE catalog [\n"
			      "  <!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n"
			      "]>\n"
			      "<catalog " NS ">\n"
			      "  <procedure national-code=\"1.000001\"><name>&xxe;</name></procedure>\n"
			      "</catalog>\n");
	rc = sn_catalog_xml_read(path, collect_fn, &c, err, sizeof err);
	assert_int_equal(rc, SN_DATA);
	assert_non_null(strstr(err, "DOCTYPE refused"));
	assert_int_equal(c.n, 0);
	unlink(path);
}

/* ---- documents the schema refuses ---- */

/* Reads DOC, expecting SN_DATA with "file:LINE: ...WANT..." and no record named "BAD". */
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
		assert_string_not_equal(c.r[i].name, "BAD");
	collect_free(&c);
	unlink(path);
}

/* A catalog whose second line is one procedure named BAD with the given attributes and the
 * children after its <name>. */
static void expect_invalid_proc(const char *attrs, const char *children, const char *want)
{
	char doc[1024];
	int n = snprintf(doc, sizeof doc,
			 "<catalog " NS ">\n"
			 "  <procedure %s><name>BAD</name>%s</procedure>\n"
			 "</catalog>\n",
			 attrs, children);

	assert_true(n > 0 && (size_t)n < sizeof doc);
	expect_invalid(doc, 2, want);
}

static void test_invalid_national_code(void **state)
{
	static const char *const bad[] = { "1.00161", "11.001612", "1.0016123", "1x001612",
					   "a.001612", " 1.001612", "1.001612 ", "1.00161a", "",
					   ".001612", "1,001612" };

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char attrs[64];
		snprintf(attrs, sizeof attrs, "national-code=\"%s\"", bad[i]);
		expect_invalid_proc(attrs, "", "[facet 'pattern']");
	}
	expect_invalid_proc("local-code=\"x\"", "", "national-code' is required");
}

static void test_invalid(void **state)
{
	(void)state;
	/* a procedure before the bad one has passed, the bad one never reaches the callback */
	expect_invalid("<catalog " NS ">\n"
		       "  <procedure national-code=\"1.000001\"><name>A</name></procedure>\n"
		       "  <procedure national-code=\"1.000002\"><name>BAD</name>\n"
		       "    <level>city</level>\n"
		       "  </procedure>\n"
		       "</catalog>\n",
		       4, "'city' is not an element of the set");
	/* unknown element, on its own line */
	expect_invalid("<catalog " NS ">\n"
		       "  <procedure national-code=\"1.000001\">\n"
		       "    <name>BAD</name>\n"
		       "    <remark>x</remark>\n"
		       "  </procedure>\n"
		       "</catalog>\n",
		       4, "remark': This element is not expected");
	/* wrong order */
	expect_invalid("<catalog " NS ">\n"
		       "  <procedure national-code=\"1.000001\">\n"
		       "    <name>BAD</name>\n"
		       "    <fee>0</fee>\n"
		       "    <time-limit unit=\"day\">5</time-limit>\n"
		       "  </procedure>\n"
		       "</catalog>\n",
		       5, "time-limit': This element is not expected");
	expect_invalid("<catalog " NS ">\n"
		       "  <procedure national-code=\"1.000001\">\n"
		       "    <name>BAD</name>\n"
		       "    <binding agency=\"H27\"/>\n"
		       "    <level>commune</level>\n"
		       "  </procedure>\n"
		       "</catalog>\n",
		       5, "level': This element is not expected");
	expect_invalid("<catalog " NS ">\n"
		       "  <procedure national-code=\"1.000001\">\n"
		       "    <field>F</field>\n"
		       "    <name>BAD</name>\n"
		       "  </procedure>\n"
		       "</catalog>\n",
		       3, "field': This element is not expected");
	/* no name, a blank name */
	expect_invalid("<catalog " NS ">\n"
		       "  <procedure national-code=\"1.000001\"/>\n"
		       "</catalog>\n",
		       2, "Missing child element(s)");
	expect_invalid("<catalog " NS ">\n"
		       "  <procedure national-code=\"1.000001\"><name> \n </name></procedure>\n"
		       "</catalog>\n",
		       3, "pattern");

	/* levels: unknown, with white space, four of them */
	expect_invalid_proc("national-code=\"1.000001\"", "<level>ward</level>",
			    "'ward' is not an element of the set");
	expect_invalid_proc("national-code=\"1.000001\"", "<level> commune</level>",
			    "' commune' is not an element of the set");
	expect_invalid_proc("national-code=\"1.000001\"",
			    "<level>province</level><level>district</level><level>commune</level>"
			    "<level>commune</level>",
			    "level': This element is not expected");
	/* time limits: no unit, unknown unit, not a plain non-negative number */
	expect_invalid_proc("national-code=\"1.000001\"", "<time-limit>5</time-limit>",
			    "attribute 'unit' is required");
	expect_invalid_proc("national-code=\"1.000001\"", "<time-limit unit=\"week\">5</time-limit>",
			    "'week' is not an element of the set");
	static const char *const bad_time[] = { "-1", "+15", ".5", "15.", "1e3", "1 5", "",
						"15 ngày", "1,5" };
	for (size_t i = 0; i < sizeof bad_time / sizeof bad_time[0]; i++) {
		char children[128];
		snprintf(children, sizeof children, "<time-limit unit=\"day\">%s</time-limit>",
			 bad_time[i]);
		expect_invalid_proc("national-code=\"1.000001\"", children, "time-limit");
	}
	/* online level, portal, bindings */
	expect_invalid_proc("national-code=\"1.000001\"", "<online-level>toàn trình</online-level>",
			    "is not an element of the set");
	expect_invalid_proc("national-code=\"1.000001\"", "<portal>yes</portal>",
			    "'yes' is not a valid value of the atomic type 'xs:boolean'");
	expect_invalid_proc("national-code=\"1.000001\"", "<portal/>", "xs:boolean");
	expect_invalid_proc("national-code=\"1.000001\"",
			    "<binding agency=\"H27\" receives-online=\"yes\"/>", "receives-online");
	expect_invalid_proc("national-code=\"1.000001\"", "<binding agency=\"\"/>", "minLength");
	expect_invalid_proc("national-code=\"1.000001\"",
			    "<binding agency=\"123456789012345678901234567890123456\"/>",
			    "maxLength");
	expect_invalid_proc("national-code=\"1.000001\"", "<binding/>",
			    "attribute 'agency' is required");
	expect_invalid_proc("national-code=\"1.000001\"", "<binding agency=\"H27\">x</binding>",
			    "Character content is not allowed");
	expect_invalid_proc("national-code=\"1.000001\"", "<binding agency=\"H27\" kind=\"x\"/>",
			    "The attribute 'kind' is not allowed");
	/* attributes of procedure and field */
	expect_invalid_proc("national-code=\"1.000001\" "
			    "local-code=\"1234567890123456789012345678901234567890123456789012345678901\"",
			    "", "maxLength");
	expect_invalid_proc("national-code=\"1.000001\" status=\"active\"", "",
			    "The attribute 'status' is not allowed");
	expect_invalid_proc("national-code=\"1.000001\"",
			    "<field code=\"123456789012345678901\">F</field>", "maxLength");
	/* the root */
	expect_invalid("<catalog " NS " province=\"1\">\n</catalog>\n", 1, "province");
	expect_invalid("<catalog xmlns=\"urn:sapnhap:catalog:2\">\n"
		       "  <procedure national-code=\"1.000001\"><name>BAD</name></procedure>\n"
		       "</catalog>\n",
		       1, "No matching global declaration");
	expect_invalid("<catalog " NS ">\n"
		       "  <agency national-code=\"1.000001\"><name>BAD</name></agency>\n"
		       "</catalog>\n",
		       2, "agency': This element is not expected");
}

static void test_malformed(void **state)
{
	(void)state;
	expect_invalid("<?xml version=\"1.0\"?>\n"
		       "<catalog " NS ">\n"
		       "  <procedure national-code=\"1.000001\">\n"
		       "    <name>BAD</nam>\n"
		       "  </procedure>\n"
		       "</catalog>\n",
		       4, "Opening and ending tag mismatch");
	expect_invalid("<catalog " NS ">\n"
		       "  <procedure national-code=\"1.000001\"><name>BAD</name>\n"
		       "    <fee>50 &nbsp; đồng</fee></procedure>\n"
		       "</catalog>\n",
		       3, "Entity 'nbsp' not defined");
	expect_invalid("<catalog " NS ">\n"
		       "  <procedure national-code=\"1.000001\"><name>BAD</name>\n"
		       "    <binding agency=\"H27\" agency=\"H28\"/></procedure>\n"
		       "</catalog>\n",
		       3, "Attribute agency redefined");
	/* truncated: libxml2 blames the last complete line. The procedure itself is whole, so it
	 * may reach the callback before the error: all-or-nothing is the importer's job. */
	expect_invalid("<catalog " NS ">\n"
		       "  <procedure national-code=\"1.000001\"><name>A</name></procedure>\n",
		       2, "Extra content at the end of the document");
	/* truncated inside a procedure: it never reaches the callback */
	expect_invalid("<catalog " NS ">\n"
		       "  <procedure national-code=\"1.000001\"><name>BAD</name>\n"
		       "    <binding agency=\"H27\"/>\n",
		       3, "Extra content at the end of the document");
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
		      "<!DOCTYPE catalog [\n"
		      "  <!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n"
		      "]>\n"
		      "<catalog " NS ">\n"
		      "  <procedure national-code=\"1.000001\"><name>&xxe;</name>"
		      "<fee>&xxe;</fee><binding agency=\"&xxe;\"/></procedure>\n"
		      "</catalog>\n",
		      &c, path, err, sizeof err);
	assert_int_equal(rc, SN_DATA);
	assert_err_at(err, path, 1, "DOCTYPE refused");
	if (first[0])
		assert_null(strstr(err, first));
	assert_int_equal(c.n, 0);
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
		      "<!DOCTYPE catalog [\n"
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
		      "<catalog " NS ">\n"
		      "  <procedure national-code=\"1.000001\"><name>&lol9;</name>"
		      "<binding agency=\"&lol9;\"/></procedure>\n"
		      "</catalog>\n",
		      &c, path, err, sizeof err);
	assert_int_equal(rc, SN_DATA);
	assert_err_at(err, path, 1, "DOCTYPE refused");
	assert_int_equal(c.n, 0);
	if (now() - t0 > 1.0)
		fail_msg("took %.2f s", now() - t0);
	unlink(path);
}

/* ---- bounds, callback, files ---- */

/* A document whose only procedure has an ELEMENT (fee or legal-basis) of N bytes on line 3. */
static char *doc_with_text(const char *element, size_t n)
{
	char head[256], tail[128];
	size_t hn, tn;
	char *d;

	hn = (size_t)snprintf(head, sizeof head,
			      "<catalog " NS ">\n"
			      "  <procedure national-code=\"1.000001\"><name>A</name>\n"
			      "    <%s>",
			      element);
	tn = (size_t)snprintf(tail, sizeof tail, "</%s></procedure>\n</catalog>\n", element);
	d = malloc(hn + n + tn + 1);
	assert_non_null(d);
	memcpy(d, head, hn);
	memset(d + hn, 'x', n);
	memcpy(d + hn + n, tail, tn + 1);
	return d;
}

static void test_value_limit(void **state)
{
	static const char *const elements[] = { "fee", "legal-basis" };
	struct collect c = { 0 };
	char path[32], err[512], want[64];
	char *doc;
	int rc;

	(void)state;
	doc = doc_with_text("fee", 65536);
	rc = read_doc(doc, &c, path, err, sizeof err);
	if (rc != 0)
		fail_msg("rc %d: %s", rc, err);
	assert_int_equal(c.n, 1);
	assert_int_equal(strlen(c.r[0].fee), 65536);
	collect_free(&c);
	unlink(path);
	free(doc);

	for (size_t i = 0; i < sizeof elements / sizeof elements[0]; i++) {
		doc = doc_with_text(elements[i], 65537);
		rc = read_doc(doc, &c, path, err, sizeof err);
		assert_int_equal(rc, SN_DATA);
		snprintf(want, sizeof want, "<%s> longer than 65536 bytes", elements[i]);
		assert_err_at(err, path, 3, want);
		assert_int_equal(c.n, 0);
		unlink(path);
		free(doc);
	}
}

/* The binding limit: 1,000,000 bindings pass, one more is refused at its line. */
static char *doc_with_bindings(size_t n, size_t *len)
{
	static const char head[] = "<catalog " NS ">\n"
				   "  <procedure national-code=\"1.000001\"><name>A</name>\n";
	static const char one[] = "<binding agency=\"H\"/>\n";
	static const char tail[] = "  </procedure>\n</catalog>\n";
	char *d = malloc(sizeof head + n * (sizeof one - 1) + sizeof tail);
	char *p = d;

	assert_non_null(d);
	memcpy(p, head, sizeof head - 1);
	p += sizeof head - 1;
	for (size_t i = 0; i < n; i++) {
		memcpy(p, one, sizeof one - 1);
		p += sizeof one - 1;
	}
	memcpy(p, tail, sizeof tail);
	*len = (size_t)(p - d) + sizeof tail - 1;
	return d;
}

static int count_fn(void *ctx, const struct sn_procedure_rec *p, const char *pos)
{
	size_t *n = ctx;

	(void)pos;
	*n = p->nbindings;
	assert_string_equal(p->bindings[p->nbindings - 1].agency, "H");
	return 0;
}

static void test_binding_limit(void **state)
{
	char path[32], err[512];
	size_t len, n = 0;
	char *doc;

	(void)state;
	doc = doc_with_bindings(1000000, &len);
	write_tmp_n(path, doc, len);
	free(doc);
	if (sn_catalog_xml_read(path, count_fn, &n, err, sizeof err) != 0)
		fail_msg("%s", err);
	assert_int_equal(n, 1000000);
	unlink(path);

	n = 0;
	doc = doc_with_bindings(1000001, &len);
	write_tmp_n(path, doc, len);
	free(doc);
	assert_int_equal(SN_DATA, sn_catalog_xml_read(path, count_fn, &n, err, sizeof err));
	/* the 1,000,001st binding is on line 2 + 1000001 */
	assert_err_at(err, path, 1000003,
		      "more than 1000000 <binding> elements in the <procedure> of line 2");
	assert_int_equal(n, 0);
	unlink(path);
}

static const char THREE[] =
	"<catalog " NS ">\n"
	"  <procedure national-code=\"1.000001\"><name>A</name></procedure>\n"
	"  <procedure national-code=\"1.000002\"><name>B</name></procedure>\n"
	"  <procedure national-code=\"1.000003\"><name>C</name></procedure>\n"
	"</catalog>\n";

static void test_callback_stops(void **state)
{
	struct collect c = { .stop_at = 2, .stop_ret = 7 };
	char path[32], err[512];

	(void)state;
	assert_int_equal(7, read_doc(THREE, &c, path, err, sizeof err));
	assert_int_equal(c.n, 2);
	assert_string_equal(c.r[1].name, "B");
	assert_string_equal(err, "");
	collect_free(&c);
	unlink(path);

	/* any value, SN_DATA included, comes back as it is */
	c.stop_at = 1;
	c.stop_ret = SN_DATA;
	assert_int_equal(SN_DATA, read_doc(THREE, &c, path, err, sizeof err));
	assert_int_equal(c.n, 1);
	collect_free(&c);
	unlink(path);
}

static void test_missing_file(void **state)
{
	struct collect c = { 0 };
	char err[512];

	(void)state;
	assert_int_equal(SN_IO, sn_catalog_xml_read("/tmp/test_catxml.does-not-exist.xml",
						    collect_fn, &c, err, sizeof err));
	assert_string_equal(err, "cannot open '/tmp/test_catxml.does-not-exist.xml': "
				 "No such file or directory");
	assert_int_equal(SN_IO, sn_catalog_xml_read("/tmp", collect_fn, &c, err, sizeof err));
	assert_string_equal(err, "cannot open '/tmp': Is a directory");
	assert_int_equal(c.n, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_empty_catalog),
		cmocka_unit_test(test_edges_accepted),
		cmocka_unit_test(test_positions),
		cmocka_unit_test(test_positions_past_65535),
		cmocka_unit_test(test_utf16),
		cmocka_unit_test(test_invalid_national_code),
		cmocka_unit_test(test_invalid),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_external_entity),
		cmocka_unit_test(test_billion_laughs),
		cmocka_unit_test(test_value_limit),
		cmocka_unit_test(test_binding_limit),
		cmocka_unit_test(test_callback_stops),
		cmocka_unit_test(test_missing_file),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
