/* test_rewrite.c - unit tests of the agency-code rewriter (tools/rewrite.c).
 *
 * Every test works in its own fresh directory: it writes the input there, runs a rewrite with a
 * small crosswalk (H10 = Bình Phước closed into H19 = Đồng Nai, one ambiguous district code),
 * and compares the output with the exact expected bytes, the reports (line, where, code, target,
 * result) with the exact expected text, and the directory listing with what should be there (no
 * leftover temporary file, no OUT after a failure).
 */
#include "testutil.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <libxml/c14n.h>
#include <libxml/parser.h>

#include "exitcodes.h"
#include "rewrite.h"

#define AMBIG_TO "000.00.01.H19; 000.00.02.H19"

/* ---- fixture: a scratch directory ---- */

struct fx {
	char dir[64];
	char reports[16384];  /* one line per report */
	size_t rlen;
	int empty_new;        /* the lookup breaks its contract */
};

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);

	assert_non_null(f);
	snprintf(f->dir, sizeof f->dir, "/tmp/sn_rewrite_XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	DIR *d = opendir(f->dir);
	struct dirent *e;
	char p[512];

	if (d) {
		while ((e = readdir(d)) != NULL) {
			if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
				continue;
			snprintf(p, sizeof p, "%s/%s", f->dir, e->d_name);
			unlink(p);
		}
		closedir(d);
	}
	rmdir(f->dir);
	free(f);
	return 0;
}

/* F->dir/NAME into BUF (the tests' paths are short). */
static const char *path(const struct fx *f, const char *name, char *buf, size_t len)
{
	snprintf(buf, len, "%s/%s", f->dir, name);
	return buf;
}

static void write_bytes(const char *p, const char *data, size_t n)
{
	FILE *fp = fopen(p, "wb");

	assert_non_null(fp);
	assert_int_equal(fwrite(data, 1, n, fp), n);
	assert_int_equal(fclose(fp), 0);
}

static void write_text(const char *p, const char *data)
{
	write_bytes(p, data, strlen(data));
}

/* The whole file, NUL-terminated (caller frees); NULL when it does not exist. */
static char *slurp(const char *p, size_t *n)
{
	FILE *fp = fopen(p, "rb");
	char *s;
	long len;

	if (!fp)
		return NULL;
	assert_int_equal(fseek(fp, 0, SEEK_END), 0);
	len = ftell(fp);
	assert_true(len >= 0);
	rewind(fp);
	s = malloc((size_t)len + 1);
	assert_non_null(s);
	assert_int_equal(fread(s, 1, (size_t)len, fp), (size_t)len);
	s[len] = '\0';
	fclose(fp);
	if (n)
		*n = (size_t)len;
	return s;
}

static void assert_file(const char *p, const char *expected)
{
	size_t n;
	char *got = slurp(p, &n);

	assert_non_null(got);
	assert_string_equal(got, expected);
	assert_int_equal(n, strlen(expected));
	free(got);
}

/* The directory's entries, sorted, comma-separated: shows any leftover temporary file. */
static void assert_listing(const struct fx *f, const char *expected)
{
	struct dirent **list;
	int n = scandir(f->dir, &list, NULL, alphasort);
	char got[1024] = "";
	size_t len = 0;

	assert_true(n >= 0);
	for (int i = 0; i < n; i++) {
		if (list[i]->d_name[0] != '.' || (strcmp(list[i]->d_name, ".") != 0 &&
						   strcmp(list[i]->d_name, "..") != 0))
			len += (size_t)snprintf(got + len, sizeof got - len, "%s%s", len ? "," : "",
						list[i]->d_name);
		free(list[i]);
	}
	free(list);
	assert_string_equal(got, expected);
}

/* ---- the crosswalk and the report recorder ---- */

static enum sn_map_result lookup(void *ctx, const char *code, char *out, size_t outlen)
{
	static const char *const table[][2] = {
		{"000.00.00.H10", "000.00.00.H19"},
		{"000.00.16.H10", "000.00.16.H19"},
		{"H10.16", "H19.16"},
	};
	struct fx *f = ctx;

	assert_int_equal(outlen, 1024);
	for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
		if (strcmp(code, table[i][0]) == 0) {
			snprintf(out, outlen, "%s", f->empty_new ? "" : table[i][1]);
			return SN_MAP_NEW;
		}
	if (strcmp(code, "000.00.31.H10") == 0) {
		snprintf(out, outlen, AMBIG_TO);
		return SN_MAP_AMBIGUOUS;
	}
	if (strcmp(code, "000.00.00.K19") == 0)
		return SN_MAP_SAME;
	return SN_MAP_UNKNOWN;
}

static void report(void *ctx, long line, const char *where, const char *code, const char *to,
		   enum sn_map_result r)
{
	static const char *const names[] = {"UNKNOWN", "SAME", "NEW", "AMBIGUOUS", "KEPT"};
	struct fx *f = ctx;
	int n;

	assert_true((int)r >= 0 && (int)r <= SN_MAP_KEPT);
	n = snprintf(f->reports + f->rlen, sizeof f->reports - f->rlen, "%ld %s: %s -> %s %s\n",
		     line, where, code, to, names[r]);
	assert_true(n > 0 && (size_t)n < sizeof f->reports - f->rlen);
	f->rlen += (size_t)n;
}

static int run_xml(struct fx *f, const char *in, const char *out, struct sn_rewrite_stats *st,
		   char *err, size_t errlen)
{
	f->rlen = 0;
	f->reports[0] = '\0';
	return sn_rewrite_xml(in, out, lookup, report, f, st, err, errlen);
}

static int run_csv(struct fx *f, const char *in, const char *out, const char *columns,
		   sn_encoding enc, struct sn_rewrite_stats *st, char *err, size_t errlen)
{
	f->rlen = 0;
	f->reports[0] = '\0';
	return sn_rewrite_csv(in, out, columns, enc, lookup, report, f, st, err, errlen);
}

/* ---- XML ---- */

#define NS_EDXML "http://www.mic.gov.vn/TBT/QCVN_102_2016"
#define P_HDR "edXML:edXMLEnvelope/edXML:edXMLHeader/edXML:MessageHeader/"
#define P_PROC "edXML:edXMLEnvelope/edXML:edXMLBody/sn:Procedure"

/* An edXML-like document in the layout the writer reproduces byte for byte, so the expected
 * output is the input with the codes changed and nothing else. Line numbers on the right. */
static const char EDXML_IN[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                                  /* 1 */
	"<!-- Văn bản điện tử gửi từ 000.00.00.H10 -->\n"                                 /* 2 */
	"<edXML:edXMLEnvelope xmlns:edXML=\"" NS_EDXML "\" xmlns:sn=\"urn:sapnhap:test\">\n"
	"  <edXML:edXMLHeader>\n"                                                          /* 4 */
	"    <edXML:MessageHeader>\n"
	"      <edXML:From>\n"                                                             /* 6 */
	"        <edXML:OrganId>000.00.00.H10</edXML:OrganId>\n"
	"        <edXML:OrganName>UBND tỉnh Bình Phước</edXML:OrganName>\n"               /* 8 */
	"      </edXML:From>\n"
	"      <edXML:To>\n"                                                               /* 10 */
	"        <edXML:OrganId>H10.16</edXML:OrganId>\n"
	"      </edXML:To>\n"                                                              /* 12 */
	"      <edXML:To>\n"
	"        <edXML:OrganId>\n"                                                        /* 14 */
	"          000.00.16.H10\n"
	"        </edXML:OrganId>\n"                                                       /* 16 */
	"      </edXML:To>\n"
	"      <edXML:ResponseFor>\n"                                                      /* 18 */
	"        <edXML:OrganId>000.00.00.G22</edXML:OrganId>\n"
	"        <edXML:Code>000.00.00.G22,2018/09/20,7816/VPCP-TTĐT</edXML:Code>\n"      /* 20 */
	"      </edXML:ResponseFor>\n"
	"      <edXML:DocumentId>000.00.00.H10,2024/05/02,123/UBND-KT</edXML:DocumentId>\n"
	"      <edXML:Subject>V/v sáp nhập 000.00.16.H10 vào Sở Nội vụ</edXML:Subject>\n" /* 23 */
	"    </edXML:MessageHeader>\n"
	"    <edXML:TraceHeaderList>\n"                                                    /* 25 */
	"      <edXML:TraceHeader>\n"
	"        <edXML:OrganId>000.00.00.K19</edXML:OrganId>\n"                           /* 27 */
	"        <edXML:Timestamp>2024-05-02T08:00:00</edXML:Timestamp>\n"
	"      </edXML:TraceHeader>\n"                                                     /* 29 */
	"    </edXML:TraceHeaderList>\n"
	"  </edXML:edXMLHeader>\n"                                                         /* 31 */
	"  <edXML:edXMLBody>\n"
	"    <sn:Procedure code=\"1.001612.000.00.00.H10\" agency=\"000.00.16.H10\""
	" note=\"do 000.00.16.H10 cấp\">\n"                                                /* 33 */
	"      <sn:Service>2.000815.000.00.16.H10.02</sn:Service>\n"
	"      <sn:Dossier>000.00.16.H10-250630-0012</sn:Dossier>\n"                       /* 35 */
	"      <sn:Body><![CDATA[<p>Chuyển hồ sơ của 000.00.16.H10 & lưu</p>]]></sn:Body>\n"
	"      <sn:Ref><![CDATA[000.00.16.H10]]></sn:Ref>\n"                               /* 37 */
	"      <sn:Empty/><sn:Pair></sn:Pair>\n"
	"      <?sapnhap keep 000.00.00.H10?>\n"                                           /* 39 */
	"      <!-- 000.00.00.H10 in a comment stays -->\n"
	"      <sn:Agency sn:code=\"000.00.00.H10\xC2\xA0\"/>\n"                           /* 41 */
	"      <Note xmlns=\"urn:sapnhap:note\">A &amp; B &lt; C</Note>\n"
	"    </sn:Procedure>\n"                                                            /* 43 */
	"  </edXML:edXMLBody>\n"
	"</edXML:edXMLEnvelope>\n";                                                        /* 45 */

static const char EDXML_OUT[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<!-- Văn bản điện tử gửi từ 000.00.00.H10 -->\n"
	"<edXML:edXMLEnvelope xmlns:edXML=\"" NS_EDXML "\" xmlns:sn=\"urn:sapnhap:test\">\n"
	"  <edXML:edXMLHeader>\n"
	"    <edXML:MessageHeader>\n"
	"      <edXML:From>\n"
	"        <edXML:OrganId>000.00.00.H19</edXML:OrganId>\n"
	"        <edXML:OrganName>UBND tỉnh Bình Phước</edXML:OrganName>\n"
	"      </edXML:From>\n"
	"      <edXML:To>\n"
	"        <edXML:OrganId>H19.16</edXML:OrganId>\n"
	"      </edXML:To>\n"
	"      <edXML:To>\n"
	"        <edXML:OrganId>\n"
	"          000.00.16.H19\n"
	"        </edXML:OrganId>\n"
	"      </edXML:To>\n"
	"      <edXML:ResponseFor>\n"
	"        <edXML:OrganId>000.00.00.G22</edXML:OrganId>\n"
	"        <edXML:Code>000.00.00.G22,2018/09/20,7816/VPCP-TTĐT</edXML:Code>\n"
	"      </edXML:ResponseFor>\n"
	"      <edXML:DocumentId>000.00.00.H19,2024/05/02,123/UBND-KT</edXML:DocumentId>\n"
	"      <edXML:Subject>V/v sáp nhập 000.00.16.H10 vào Sở Nội vụ</edXML:Subject>\n"
	"    </edXML:MessageHeader>\n"
	"    <edXML:TraceHeaderList>\n"
	"      <edXML:TraceHeader>\n"
	"        <edXML:OrganId>000.00.00.K19</edXML:OrganId>\n"
	"        <edXML:Timestamp>2024-05-02T08:00:00</edXML:Timestamp>\n"
	"      </edXML:TraceHeader>\n"
	"    </edXML:TraceHeaderList>\n"
	"  </edXML:edXMLHeader>\n"
	"  <edXML:edXMLBody>\n"
	"    <sn:Procedure code=\"1.001612.000.00.00.H19\" agency=\"000.00.16.H19\""
	" note=\"do 000.00.16.H10 cấp\">\n"
	"      <sn:Service>2.000815.000.00.16.H19.02</sn:Service>\n"
	"      <sn:Dossier>000.00.16.H10-250630-0012</sn:Dossier>\n"
	"      <sn:Body><![CDATA[<p>Chuyển hồ sơ của 000.00.16.H10 & lưu</p>]]></sn:Body>\n"
	"      <sn:Ref><![CDATA[000.00.16.H19]]></sn:Ref>\n"
	"      <sn:Empty/><sn:Pair></sn:Pair>\n"
	"      <?sapnhap keep 000.00.00.H10?>\n"
	"      <!-- 000.00.00.H10 in a comment stays -->\n"
	"      <sn:Agency sn:code=\"000.00.00.H19\xC2\xA0\"/>\n"
	"      <Note xmlns=\"urn:sapnhap:note\">A &amp; B &lt; C</Note>\n"
	"    </sn:Procedure>\n"
	"  </edXML:edXMLBody>\n"
	"</edXML:edXMLEnvelope>\n";

static const char EDXML_REPORTS[] =
	"7 " P_HDR "edXML:From/edXML:OrganId: 000.00.00.H10 -> 000.00.00.H19 NEW\n"
	"11 " P_HDR "edXML:To/edXML:OrganId: H10.16 -> H19.16 NEW\n"
	"15 " P_HDR "edXML:To/edXML:OrganId: 000.00.16.H10 -> 000.00.16.H19 NEW\n"
	"19 " P_HDR "edXML:ResponseFor/edXML:OrganId: 000.00.00.G22 ->  UNKNOWN\n"
	"20 " P_HDR "edXML:ResponseFor/edXML:Code: 000.00.00.G22 ->  UNKNOWN\n"
	"22 " P_HDR "edXML:DocumentId: 000.00.00.H10 -> 000.00.00.H19 NEW\n"
	"27 edXML:edXMLEnvelope/edXML:edXMLHeader/edXML:TraceHeaderList/edXML:TraceHeader/"
	"edXML:OrganId: 000.00.00.K19 -> 000.00.00.K19 SAME\n"
	"33 " P_PROC "/@code: 000.00.00.H10 -> 000.00.00.H19 NEW\n"
	"33 " P_PROC "/@agency: 000.00.16.H10 -> 000.00.16.H19 NEW\n"
	"34 " P_PROC "/sn:Service: 000.00.16.H10 -> 000.00.16.H19 NEW\n"
	"35 " P_PROC "/sn:Dossier: 000.00.16.H10-250630-0012 -> 000.00.16.H19 KEPT\n"
	"37 " P_PROC "/sn:Ref: 000.00.16.H10 -> 000.00.16.H19 NEW\n"
	"41 " P_PROC "/sn:Agency/@sn:code: 000.00.00.H10 -> 000.00.00.H19 NEW\n";

static void test_edxml_exact(void **state)
{
	struct fx *f = *state;
	struct sn_rewrite_stats st;
	char in[128], out[128], err[512];

	write_text(path(f, "in.xml", in, sizeof in), EDXML_IN);
	assert_int_equal(run_xml(f, in, path(f, "out.xml", out, sizeof out), &st, err, sizeof err),
			 0);
	assert_string_equal(err, "");
	assert_file(out, EDXML_OUT);
	assert_string_equal(f->reports, EDXML_REPORTS);
	assert_int_equal(st.values_seen, 19);
	assert_int_equal(st.codes_found, 13);
	assert_int_equal(st.codes_changed, 9);
	assert_int_equal(st.ambiguous, 0);
	assert_int_equal(st.dossier_codes_kept, 1);
	assert_listing(f, "in.xml,out.xml");
	assert_file(in, EDXML_IN);  /* IN is never touched */
}

/* Canonical XML (C14N 1.0 with comments) of a file, as libxml2 computes it. */
static char *c14n(const char *p)
{
	xmlDocPtr doc = xmlReadFile(p, NULL, XML_PARSE_NONET);
	xmlChar *buf = NULL;
	char *s;

	assert_non_null(doc);
	assert_true(xmlC14NDocDumpMemory(doc, NULL, XML_C14N_1_0, NULL, 1, &buf) >= 0);
	assert_non_null(buf);
	s = strdup((const char *)buf);
	assert_non_null(s);
	xmlFree(buf);
	xmlFreeDoc(doc);
	return s;
}

/* The output differs from the input in bytes (quotes, references, spacing in tags) but not in
 * canonical form, except for the one code. Namespace declarations come last in the source
 * tags, a prefix is re-bound in a child, and a default namespace is in force. */
static void test_xml_canonical_equivalence(void **state)
{
	static const char src[] =
		"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
		"<?xml-stylesheet type=\"text/xsl\" href=\"view.xsl\"?>\n"
		"<!--head-->\n"
		"<r:root b='x &gt; y &quot;q&quot;' a=\"&#x41;&#9;&#10;&#13;\" xmlns:r=\"urn:r\""
		" xmlns=\"urn:default\">\n"
		"  <child r:attr = \"000.00.00.H10\" xmlns:q=\"urn:q\">"
		"<q:leaf  q:x='1' /></child>\n"
		"  <r:inner xmlns:r=\"urn:r2\">t &gt; u &#13; &#x263A; ]]&gt; &#x41;</r:inner>\n"
		"  <empty></empty><![CDATA[ cdata < & ]]><![CDATA[]]>\n"
		"  <x:p xmlns:x=\"urn:x\" x:y=\"H10.16 \">\r\n text\r\n</x:p>\n"
		"</r:root>\n"
		"<!-- tail -->\n"
		"<?end?>\n";
	struct fx *f = *state;
	char in[128], out[128], err[512];
	char *ci, *co, *at;
	const char *codes[][2] = {{"000.00.00.H10", "000.00.00.H19"}, {"H10.16 ", "H19.16 "}};

	write_text(path(f, "in.xml", in, sizeof in), src);
	assert_int_equal(run_xml(f, in, path(f, "out.xml", out, sizeof out), NULL, err, sizeof err),
			 0);
	ci = c14n(in);
	co = c14n(out);
	/* Each code occurs once in the input: change it there, then the two must be equal. */
	for (size_t i = 0; i < 2; i++) {
		at = strstr(ci, codes[i][0]);
		assert_non_null(at);
		assert_null(strstr(at + 1, codes[i][0]));
		memcpy(at, codes[i][1], strlen(codes[i][1]));
	}
	assert_string_equal(co, ci);
	free(ci);
	free(co);
	/* And the bytes are what the header promises: the declaration kept, minimal escaping. */
	assert_file(out,
		    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
		    "<?xml-stylesheet type=\"text/xsl\" href=\"view.xsl\"?>\n"
		    "<!--head-->\n"
		    "<r:root xmlns:r=\"urn:r\" xmlns=\"urn:default\" b=\"x > y &quot;q&quot;\""
		    " a=\"A&#9;&#10;&#13;\">\n"
		    "  <child xmlns:q=\"urn:q\" r:attr=\"000.00.00.H19\">"
		    "<q:leaf q:x=\"1\"/></child>\n"
		    "  <r:inner xmlns:r=\"urn:r2\">t > u &#13; \xE2\x98\xBA ]]&gt; A</r:inner>\n"
		    "  <empty></empty><![CDATA[ cdata < & ]]>\n"  /* the empty one has no node */
		    "  <x:p xmlns:x=\"urn:x\" x:y=\"H19.16 \">\n text\n</x:p>\n"
		    "</r:root>\n"
		    "<!-- tail -->\n"
		    "<?end?>\n");
}

/* No declaration in, none out; a UTF-8 BOM is kept; an encoding other than UTF-8 is kept. */
static void test_xml_declaration_bom_encoding(void **state)
{
	struct fx *f = *state;
	char in[128], out[128], err[512];

	write_text(path(f, "a.xml", in, sizeof in), "<r><c>000.00.00.H10</c></r>");
	assert_int_equal(run_xml(f, in, path(f, "a.out", out, sizeof out), NULL, err, sizeof err),
			 0);
	assert_file(out, "<r><c>000.00.00.H19</c></r>\n");

	write_text(path(f, "b.xml", in, sizeof in),
		   "\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<r>H10.16</r>\n");
	assert_int_equal(run_xml(f, in, path(f, "b.out", out, sizeof out), NULL, err, sizeof err),
			 0);
	/* The encoding is named as libxml2 names it. */
	assert_file(out, "\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<r>H19.16</r>\n");

	write_text(path(f, "c.xml", in, sizeof in),
		   "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
		   "<r t=\"S\xF4\">000.00.00.H10</r>\n");
	assert_int_equal(run_xml(f, in, path(f, "c.out", out, sizeof out), NULL, err, sizeof err),
			 0);
	assert_file(out, "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
			 "<r t=\"S\xF4\">000.00.00.H19</r>\n");
}

/* The whitespace rules: surrounding spaces (ASCII or not) are kept and do not hide a code;
 * whitespace inside makes free text; a bare level-1 code and a NONCONFORMING code are codes;
 * QĐ 20 notation inside an identifier is not looked for. */
static void test_xml_value_rules(void **state)
{
	struct fx *f = *state;
	char in[128], out[128], err[512];
	struct sn_rewrite_stats st;

	write_text(path(f, "in.xml", in, sizeof in),
		   "<r>\n"
		   "<a>\xE2\x80\x83" "000.00.00.H10\t</a>\n"
		   "<b>000.00.00.H10\xC2\xA0" "000.00.16.H10</b>\n"
		   "<c>H10</c><d>000.302.36.H10</d>\n"
		   "<e>1.001612.H10.16</e><f>X000.00.00.H10</f><g>1000.00.00.H10</g>\n"
		   "<h>000.00.00.H10,000.00.16.H10;000.00.31.H10x</h>\n"
		   "<i>000.00.16.H10-250630-12a</i><j>000.00.16.H10-250630-12/HS</j>\n"
		   "</r>\n");
	assert_int_equal(run_xml(f, in, path(f, "out.xml", out, sizeof out), &st, err, sizeof err),
			 0);
	assert_file(out,
		    "<r>\n"
		    "<a>\xE2\x80\x83" "000.00.00.H19\t</a>\n"
		    "<b>000.00.00.H10\xC2\xA0" "000.00.16.H10</b>\n"
		    "<c>H10</c><d>000.302.36.H10</d>\n"
		    "<e>1.001612.H10.16</e><f>X000.00.00.H19</f><g>1000.00.00.H10</g>\n"
		    "<h>000.00.00.H19,000.00.16.H19;000.00.31.H10x</h>\n"
		    "<i>000.00.16.H19-250630-12a</i><j>000.00.16.H10-250630-12/HS</j>\n"
		    "</r>\n");
	assert_string_equal(f->reports,
			    "2 r/a: 000.00.00.H10 -> 000.00.00.H19 NEW\n"
			    "4 r/c: H10 ->  UNKNOWN\n"
			    "4 r/d: 000.302.36.H10 ->  UNKNOWN\n"
			    "5 r/f: 000.00.00.H10 -> 000.00.00.H19 NEW\n"
			    "5 r/g: 1000.00.00.H10 ->  UNKNOWN\n"  /* NONCONFORMING as a whole */
			    "6 r/h: 000.00.00.H10 -> 000.00.00.H19 NEW\n"
			    "6 r/h: 000.00.16.H10 -> 000.00.16.H19 NEW\n"
			    "7 r/i: 000.00.16.H10 -> 000.00.16.H19 NEW\n"
			    "7 r/j: 000.00.16.H10-250630-12 -> 000.00.16.H19 KEPT\n");
	assert_int_equal(st.values_seen, 10);
	assert_int_equal(st.codes_found, 9);
	assert_int_equal(st.codes_changed, 5);
	assert_int_equal(st.dossier_codes_kept, 1);
}

static const char AMBIG_IN[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<Dossiers>\n"
	"  <Dossier agency=\"000.00.31.H10\">\n"
	"    <OrganId>000.00.00.H10</OrganId>\n"
	"    <DocumentId>000.00.31.H10,2025/06/30,45/UBND</DocumentId>\n"
	"    <Code>000.00.31.H10-250630-0001</Code>\n"
	"    <!-- a\n  comment -->\n"
	"    <OrganId><![CDATA[\n000.00.31.H10]]></OrganId>\n"
	"  </Dossier>\n"
	"</Dossiers>\n";

static const char AMBIG_REPORTS[] =
	"3 Dossiers/Dossier/@agency: 000.00.31.H10 -> " AMBIG_TO " AMBIGUOUS\n"
	"4 Dossiers/Dossier/OrganId: 000.00.00.H10 -> 000.00.00.H19 NEW\n"
	"5 Dossiers/Dossier/DocumentId: 000.00.31.H10 -> " AMBIG_TO " AMBIGUOUS\n"
	"6 Dossiers/Dossier/Code: 000.00.31.H10-250630-0001 -> " AMBIG_TO " KEPT\n"
	"10 Dossiers/Dossier/OrganId: 000.00.31.H10 -> " AMBIG_TO " AMBIGUOUS\n";

/* An ambiguous code stops the output, after every occurrence has been reported. A dossier code
 * with an ambiguous agency is kept and does not stop it. */
static void test_xml_ambiguous(void **state)
{
	struct fx *f = *state;
	char in[128], out[128], err[512], msg[512];
	struct sn_rewrite_stats st;

	write_text(path(f, "in.xml", in, sizeof in), AMBIG_IN);
	path(f, "out.xml", out, sizeof out);
	assert_int_equal(run_xml(f, in, out, &st, err, sizeof err), SN_FINDINGS);
	assert_string_equal(f->reports, AMBIG_REPORTS);
	snprintf(msg, sizeof msg,
		 "%s:3: '000.00.31.H10' has several successors (" AMBIG_TO "); 3 ambiguous "
		 "occurrence(s); '%s' not written", in, out);
	assert_string_equal(err, msg);
	assert_int_equal(st.ambiguous, 3);
	assert_int_equal(st.dossier_codes_kept, 1);
	assert_int_equal(st.codes_found, 5);
	assert_listing(f, "in.xml");  /* OUT not created, no temporary file left */

	/* An existing OUT is left as it was, and so is IN rewritten in place. */
	write_text(out, "previous\n");
	assert_int_equal(run_xml(f, in, out, NULL, err, sizeof err), SN_FINDINGS);
	assert_file(out, "previous\n");
	assert_int_equal(run_xml(f, in, in, NULL, err, sizeof err), SN_FINDINGS);
	assert_file(in, AMBIG_IN);
	assert_listing(f, "in.xml,out.xml");
}

/* DOCTYPEs are refused before any entity is seen: nothing from /etc/passwd, no expansion. */
static void test_xml_hostile(void **state)
{
	static const char *const docs[] = {
		"<?xml version=\"1.0\"?>\n"
		"<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
		"<r><OrganId>000.00.00.H10</OrganId>&x;</r>\n",
		"<?xml version=\"1.0\"?>\n"
		"<!DOCTYPE lolz [\n"
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
		"<lolz>&lol9;</lolz>\n",
	};
	struct fx *f = *state;
	char in[128], out[128], err[512], want[256];

	for (size_t i = 0; i < sizeof docs / sizeof docs[0]; i++) {
		write_text(path(f, "in.xml", in, sizeof in), docs[i]);
		path(f, "out.xml", out, sizeof out);
		assert_int_equal(run_xml(f, in, out, NULL, err, sizeof err), SN_DATA);
		snprintf(want, sizeof want, "%s:", in);
		assert_memory_equal(err, want, strlen(want));
		assert_non_null(strstr(err, "DOCTYPE refused"));
		assert_null(strstr(err, "root:"));
		assert_string_equal(f->reports, "");  /* refused before the first code */
		assert_listing(f, "in.xml");
	}
}

/* Malformed XML: SN_DATA with the file and line; missing input and unwritable output: SN_IO. */
static void test_xml_errors(void **state)
{
	struct fx *f = *state;
	char in[128], out[128], err[512], want[512];

	write_text(path(f, "bad.xml", in, sizeof in), "<r>\n<a>000.00.00.H10</b>\n</r>\n");
	path(f, "out.xml", out, sizeof out);
	assert_int_equal(run_xml(f, in, out, NULL, err, sizeof err), SN_DATA);
	snprintf(want, sizeof want, "%s:2: Opening and ending tag mismatch", in);
	assert_memory_equal(err, want, strlen(want));
	assert_listing(f, "bad.xml");

	write_text(in, "");
	assert_int_equal(run_xml(f, in, out, NULL, err, sizeof err), SN_DATA);
	assert_listing(f, "bad.xml");

	path(f, "missing.xml", in, sizeof in);
	assert_int_equal(run_xml(f, in, out, NULL, err, sizeof err), SN_IO);
	snprintf(want, sizeof want, "cannot open '%s': No such file or directory", in);
	assert_string_equal(err, want);

	write_text(path(f, "ok.xml", in, sizeof in), "<r/>");
	path(f, "no/such/dir.xml", out, sizeof out);
	assert_int_equal(run_xml(f, in, out, NULL, err, sizeof err), SN_IO);
	snprintf(want, sizeof want,
		 "cannot create a temporary file beside '%s': No such file or directory", out);
	assert_string_equal(err, want);
	assert_listing(f, "bad.xml,ok.xml");
}

/* A lookup that answers NEW without a replacement would delete codes: refused as a bug. */
static void test_lookup_contract(void **state)
{
	struct fx *f = *state;
	char in[128], out[128], err[512];

	write_text(path(f, "in.xml", in, sizeof in), "<r>000.00.00.H10</r>");
	f->empty_new = 1;
	assert_int_equal(run_xml(f, in, path(f, "out.xml", out, sizeof out), NULL, err, sizeof err),
			 SN_INTERNAL);
	assert_string_equal(err, "lookup gave an empty replacement for '000.00.00.H10'");
	assert_listing(f, "in.xml");
}

/* Past line 65535 libxml2 records no lines: they are counted from the text, which is exact
 * while start tags fit on one line. */
static void test_xml_big_lines(void **state)
{
	struct fx *f = *state;
	char in[128], out[128], err[512];
	FILE *fp;

	fp = fopen(path(f, "big.xml", in, sizeof in), "wb");
	assert_non_null(fp);
	fputs("<r>\n", fp);
	for (int i = 0; i < 70000; i++)
		fputs("<a n=\"1\">x</a><!-- c -->\n", fp);
	fputs("<b c=\"000.00.31.H10\">\n\n000.00.31.H10</b>\n<d>000.00.16.H10</d>\n</r>\n", fp);
	assert_int_equal(fclose(fp), 0);
	assert_int_equal(run_xml(f, in, path(f, "out.xml", out, sizeof out), NULL, err, sizeof err),
			 SN_FINDINGS);
	assert_string_equal(f->reports,
			    "70002 r/b/@c: 000.00.31.H10 -> " AMBIG_TO " AMBIGUOUS\n"
			    "70004 r/b: 000.00.31.H10 -> " AMBIG_TO " AMBIGUOUS\n"
			    "70005 r/d: 000.00.16.H10 -> 000.00.16.H19 NEW\n");
	assert_listing(f, "big.xml");
}

/* IN == OUT: replaced atomically, permissions kept; with nothing to change, not touched. */
static void test_xml_in_place(void **state)
{
	struct fx *f = *state;
	char in[128], err[512];
	struct stat st;
	static const char untouched[] = "<r  a = '000.00.00.H19' ><b>x &gt; y</b></r>";

	write_text(path(f, "doc.xml", in, sizeof in), EDXML_IN);
	assert_int_equal(chmod(in, 0640), 0);
	assert_int_equal(run_xml(f, in, in, NULL, err, sizeof err), 0);
	assert_file(in, EDXML_OUT);
	assert_int_equal(stat(in, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0640);
	assert_listing(f, "doc.xml");

	/* A second run finds nothing to change and leaves the bytes alone. */
	assert_int_equal(run_xml(f, in, in, NULL, err, sizeof err), 0);
	assert_file(in, EDXML_OUT);

	write_text(in, untouched);
	assert_int_equal(run_xml(f, in, in, NULL, err, sizeof err), 0);
	assert_file(in, untouched);
	assert_listing(f, "doc.xml");
}

/* ---- CSV ---- */

static const char CSV_IN[] =
	"\xEF\xBB\xBF" "MaTTHC,Ten,CoQuan,GhiChu\r\n"
	"1.001612.000.00.00.H10,\"Đăng ký hộ kinh doanh, cấp huyện\",000.00.16.H10,"
	"\"Ghi chú: 000.00.16.H10\r\nnhiều dòng\"\r\n"
	"\"2.000815.000.00.00.H10.02\",\"Cấp \"\"giấy phép\"\"\",H10.16,000.00.16.H10\r\n"
	"1.000001.000.00.00.H10,Tên,000.00.16.H10-250630-0012,\r\n"
	"\r\n"
	"1.000002.000.00.00.H10,x,000.00.31.H10,000.00.00.H10,000.00.16.H10\r\n";

/* --columns MaTTHC,CoQuan: the other columns keep their codes; quoting only where needed. */
static void test_csv_columns(void **state)
{
	struct fx *f = *state;
	char in[128], out[128], err[512];
	struct sn_rewrite_stats st;
	static const char in2[] = "MaTTHC,Ten,CoQuan,GhiChu\r\n"
				  "1.001612.000.00.00.H10,\"a,b\",000.00.16.H10,\"x\ny\"\r\n";

	write_text(path(f, "in.csv", in, sizeof in), in2);
	assert_int_equal(run_csv(f, in, path(f, "out.csv", out, sizeof out), " MaTTHC , CoQuan",
				 SN_ENC_AUTO, &st, err, sizeof err), 0);
	assert_file(out, "MaTTHC,Ten,CoQuan,GhiChu\r\n"
			 "1.001612.000.00.00.H19,\"a,b\",000.00.16.H19,\"x\ny\"\r\n");
	assert_string_equal(f->reports, "2 column MaTTHC: 000.00.00.H10 -> 000.00.00.H19 NEW\n"
					"2 column CoQuan: 000.00.16.H10 -> 000.00.16.H19 NEW\n");

	write_text(in, CSV_IN);
	assert_int_equal(run_csv(f, in, out, "MaTTHC,CoQuan", SN_ENC_AUTO, &st, err, sizeof err),
			 SN_FINDINGS);
	assert_listing(f, "in.csv,out.csv");
	assert_file(out, "MaTTHC,Ten,CoQuan,GhiChu\r\n"
			 "1.001612.000.00.00.H19,\"a,b\",000.00.16.H19,\"x\ny\"\r\n");
	assert_string_equal(
		f->reports,
		"2 column MaTTHC: 000.00.00.H10 -> 000.00.00.H19 NEW\n"
		"2 column CoQuan: 000.00.16.H10 -> 000.00.16.H19 NEW\n"
		"4 column MaTTHC: 000.00.00.H10 -> 000.00.00.H19 NEW\n"
		"4 column CoQuan: H10.16 -> H19.16 NEW\n"
		"5 column MaTTHC: 000.00.00.H10 -> 000.00.00.H19 NEW\n"
		"5 column CoQuan: 000.00.16.H10-250630-0012 -> 000.00.16.H19 KEPT\n"
		"7 column MaTTHC: 000.00.00.H10 -> 000.00.00.H19 NEW\n"
		"7 column CoQuan: 000.00.31.H10 -> " AMBIG_TO " AMBIGUOUS\n");
	assert_int_equal(st.ambiguous, 1);
}

/* Every column (NULL): free text stays, a cell beyond the header is "column #5"; the BOM and
 * CRLF of the input are kept, the doubled quotes and the quoted line break too. */
static void test_csv_all_columns(void **state)
{
	struct fx *f = *state;
	char in[128], out[128], err[512];
	struct sn_rewrite_stats st;
	/* The ambiguous cell of CSV_IN replaced by an unknown code. */
	char src[sizeof CSV_IN];
	char *at;

	memcpy(src, CSV_IN, sizeof CSV_IN);
	at = strstr(src, "000.00.31.H10");
	assert_non_null(at);
	memcpy(at, "000.00.31.H11", 13);
	write_text(path(f, "in.csv", in, sizeof in), src);
	assert_int_equal(run_csv(f, in, path(f, "out.csv", out, sizeof out), NULL, SN_ENC_AUTO,
				 &st, err, sizeof err), 0);
	assert_file(out,
		    "\xEF\xBB\xBF" "MaTTHC,Ten,CoQuan,GhiChu\r\n"
		    "1.001612.000.00.00.H19,\"Đăng ký hộ kinh doanh, cấp huyện\",000.00.16.H19,"
		    "\"Ghi chú: 000.00.16.H10\r\nnhiều dòng\"\r\n"
		    "2.000815.000.00.00.H19.02,\"Cấp \"\"giấy phép\"\"\",H19.16,000.00.16.H19\r\n"
		    "1.000001.000.00.00.H19,Tên,000.00.16.H10-250630-0012,\r\n"
		    "\r\n"
		    "1.000002.000.00.00.H19,x,000.00.31.H11,000.00.00.H19,000.00.16.H19\r\n");
	assert_string_equal(
		f->reports,
		"2 column MaTTHC: 000.00.00.H10 -> 000.00.00.H19 NEW\n"
		"2 column CoQuan: 000.00.16.H10 -> 000.00.16.H19 NEW\n"
		"4 column MaTTHC: 000.00.00.H10 -> 000.00.00.H19 NEW\n"
		"4 column CoQuan: H10.16 -> H19.16 NEW\n"
		"4 column GhiChu: 000.00.16.H10 -> 000.00.16.H19 NEW\n"
		"5 column MaTTHC: 000.00.00.H10 -> 000.00.00.H19 NEW\n"
		"5 column CoQuan: 000.00.16.H10-250630-0012 -> 000.00.16.H19 KEPT\n"
		"7 column MaTTHC: 000.00.00.H10 -> 000.00.00.H19 NEW\n"
		"7 column CoQuan: 000.00.31.H11 ->  UNKNOWN\n"
		"7 column GhiChu: 000.00.00.H10 -> 000.00.00.H19 NEW\n"
		"7 column #5: 000.00.16.H10 -> 000.00.16.H19 NEW\n");
	assert_int_equal(st.values_seen, 16);
	assert_int_equal(st.codes_found, 11);
	assert_int_equal(st.codes_changed, 9);
	assert_int_equal(st.dossier_codes_kept, 1);
}

/* LF line ends and no final line end are kept; CP1258 input becomes UTF-8 with a BOM. */
static void test_csv_layout_and_encoding(void **state)
{
	struct fx *f = *state;
	char in[128], out[128], err[512];

	write_text(path(f, "lf.csv", in, sizeof in), "a,b\n000.00.00.H10,\"x\"\nH10.16,y");
	assert_int_equal(run_csv(f, in, path(f, "lf.out", out, sizeof out), NULL, SN_ENC_AUTO, NULL,
				 err, sizeof err), 0);
	assert_file(out, "a,b\n000.00.00.H19,x\nH19.16,y");

	/* "Sở Nội vụ" in Windows-1258: o-horn + combining hook, o-circumflex + combining dot,
	 * u + combining dot; the decoder composes them. */
	write_text(path(f, "cp.csv", in, sizeof in),
		   "code,name\r\n000.00.00.H10,S\xF5\xD2 N\xF4\xF2i vu\xF2\r\n");
	assert_int_equal(run_csv(f, in, path(f, "cp.out", out, sizeof out), "code", SN_ENC_CP1258,
				 NULL, err, sizeof err), 0);
	assert_file(out, "\xEF\xBB\xBF" "code,name\r\n000.00.00.H19,Sở Nội vụ\r\n");
}

static void test_csv_errors(void **state)
{
	struct fx *f = *state;
	char in[128], out[128], err[512], want[512];

	write_text(path(f, "in.csv", in, sizeof in), CSV_IN);
	path(f, "out.csv", out, sizeof out);
	assert_int_equal(run_csv(f, in, out, "MaTTHC,Khong", SN_ENC_AUTO, NULL, err, sizeof err),
			 SN_DATA);
	snprintf(want, sizeof want,
		 "%s:1: no column 'Khong' (columns: MaTTHC, Ten, CoQuan, GhiChu)", in);
	assert_string_equal(err, want);
	assert_int_equal(run_csv(f, in, out, "MaTTHC,,CoQuan", SN_ENC_AUTO, NULL, err, sizeof err),
			 SN_DATA);
	snprintf(want, sizeof want, "%s: empty column name in 'MaTTHC,,CoQuan'", in);
	assert_string_equal(err, want);

	write_text(in, "");
	assert_int_equal(run_csv(f, in, out, NULL, SN_ENC_AUTO, NULL, err, sizeof err), SN_DATA);
	snprintf(want, sizeof want, "%s: no header row (the file is empty)", in);
	assert_string_equal(err, want);

	/* Bad bytes and a broken quote are found after OUT was begun: it still never appears. */
	write_text(in, "a,b\n000.00.00.H10,x\n\xFF,y\n");
	assert_int_equal(run_csv(f, in, out, NULL, SN_ENC_UTF8, NULL, err, sizeof err), SN_DATA);
	snprintf(want, sizeof want, "%s:3: invalid byte 0xff for utf-8", in);
	assert_string_equal(err, want);
	write_text(in, "a,b\n000.00.00.H10,x\n\"000.00.00.H10,y\n");
	assert_int_equal(run_csv(f, in, out, NULL, SN_ENC_AUTO, NULL, err, sizeof err), SN_DATA);
	snprintf(want, sizeof want, "%s:3: unterminated quoted field (opened here)", in);
	assert_string_equal(err, want);
	assert_listing(f, "in.csv");

	assert_int_equal(run_csv(f, "-", out, NULL, SN_ENC_AUTO, NULL, err, sizeof err), SN_IO);
	path(f, "missing.csv", in, sizeof in);
	assert_int_equal(run_csv(f, in, out, NULL, SN_ENC_AUTO, NULL, err, sizeof err), SN_IO);
	snprintf(want, sizeof want, "cannot open '%s': No such file or directory", in);
	assert_string_equal(err, want);
	assert_listing(f, "in.csv");
}

static void test_csv_in_place(void **state)
{
	struct fx *f = *state;
	char in[128], err[512];

	write_text(path(f, "t.csv", in, sizeof in), "code,x\n\"000.00.00.H10\",1\n");
	assert_int_equal(run_csv(f, in, in, "code", SN_ENC_AUTO, NULL, err, sizeof err), 0);
	assert_file(in, "code,x\n000.00.00.H19,1\n");
	assert_listing(f, "t.csv");
	/* Nothing left to change: the file keeps its bytes (and would keep its quotes). */
	write_text(in, "code,x\n\"000.00.00.H19\",1\n");
	assert_int_equal(run_csv(f, in, in, "code", SN_ENC_AUTO, NULL, err, sizeof err), 0);
	assert_file(in, "code,x\n\"000.00.00.H19\",1\n");
	assert_listing(f, "t.csv");
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_edxml_exact),
		T(test_xml_canonical_equivalence),
		T(test_xml_declaration_bom_encoding),
		T(test_xml_value_rules),
		T(test_xml_ambiguous),
		T(test_xml_hostile),
		T(test_xml_errors),
		T(test_lookup_contract),
		T(test_xml_big_lines),
		T(test_xml_in_place),
		T(test_csv_columns),
		T(test_csv_all_columns),
		T(test_csv_layout_and_encoding),
		T(test_csv_errors),
		T(test_csv_in_place),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);

	xmlCleanupParser();
	return rc;
}
