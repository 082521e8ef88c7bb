/* rewrite.c - rewriting old agency codes inside XML and CSV files (see rewrite.h for the rules and
 * the contract).
 *
 * Both formats share one value rewriter (rules (a)-(d)); each side only decides what a value is
 * and how to write it back. The output always goes to a temporary file beside OUT that is renamed
 * into place at the very end, so a crash, a bad input or an ambiguous code never leaves a half
 * written OUT, and IN == OUT is safe.
 */
#include "rewrite.h"
#include "strbuf.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <libxml/xmlwriter.h>

#include "agcode.h"
#include "csv.h"
#include "exitcodes.h"
#include "outfile.h"
#include "xmlsafe.h"
#include "i18n.h"
#include "banned.h"

#define LOOKUP_CAP 1024
#define PEEK_CAP 65536


/* ---------------------------------------------------------------- whitespace */

/* Length of the whitespace character starting at P (N bytes available), 0 if there is none.
 * Besides ASCII, the Unicode spaces that spreadsheets and word processors leave in cells count,
 * so "000.00.00.H10<NBSP>" is still a code and "Sở<NBSP>Nội vụ" is still free text. Only bytes
 * that start a UTF-8 sequence can match, so testing at every byte offset is safe. */
static size_t space_at(const unsigned char *p, size_t n)
{
	if (n == 0)
		return 0;
	switch (p[0]) {
	case ' ': case '\t': case '\n': case '\r': case '\v': case '\f':
		return 1;
	default:
		break;
	}
	if (n >= 2 && p[0] == 0xC2 && p[1] == 0xA0)
		return 2;
	if (n >= 3 && p[0] == 0xE2 && p[1] == 0x80 &&
	    ((p[2] >= 0x80 && p[2] <= 0x8B) || p[2] == 0xA8 || p[2] == 0xA9 || p[2] == 0xAF))
		return 3;
	if (n >= 3 && p[0] == 0xE2 && p[1] == 0x81 && p[2] == 0x9F)
		return 3;
	if (n >= 3 && p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80)
		return 3;
	return 0;
}

/* Length of the whitespace character ending at P + N, 0 if there is none. */
static size_t space_before(const unsigned char *p, size_t n)
{
	for (size_t k = 1; k <= 3 && k <= n; k++)
		if (space_at(p + n - k, k) == k)
			return k;
	return 0;
}

static long count_nl(const char *s, size_t n)
{
	long c = 0;

	for (const char *p = s; (p = memchr(p, '\n', n - (size_t)(p - s))) != NULL; p++)
		c++;
	return c;
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int is_alnum(char c)
{
	return is_digit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/* ---------------------------------------------------------------- the value rewriter */

struct match {
	size_t off, len;
};

struct run {
	sn_code_lookup lookup;
	sn_rewrite_report report;
	void *ctx;
	struct sn_rewrite_stats *st;
	int failed;           /* SN_* status of a failure met while rewriting, 0 while none */
	char msg[400];
	long amb_line;        /* the first ambiguous occurrence, for the message */
	char amb_code[64];
	char amb_to[200];
	struct sn_buf val;      /* the rewritten value */
	struct sn_buf tok;      /* the value without its surrounding whitespace, NUL-terminated */
	struct sn_buf code;     /* one code (or dossier code), NUL-terminated for the callbacks */
	struct match *m;      /* codes found in tok */
	size_t nm, mcap;
	int m_oom;
	char to[LOOKUP_CAP];  /* the lookup's answer */
};

static int run_fail(struct run *r, int status, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Records the first failure; later ones are its consequences. Returns -1 for the caller. */
static int run_fail(struct run *r, int status, const char *fmt, ...)
{
	va_list ap;

	if (r->failed)
		return -1;
	r->failed = status;
	va_start(ap, fmt);
	vsnprintf(r->msg, sizeof r->msg, fmt, ap);
	va_end(ap);
	return -1;
}

static int run_oom(struct run *r)
{
	return run_fail(r, SN_IO, "%s", _("out of memory"));
}

static void run_free(struct run *r)
{
	sn_buf_release(&r->val);
	sn_buf_release(&r->tok);
	sn_buf_release(&r->code);
	free(r->m);
}

/* Starts R with the caller's LOOKUP, REPORT and CTX, counting into STATS, or into LOCAL when the
 * caller wants no statistics; the counts start at 0. */
static void run_init(struct run *r, sn_code_lookup lookup, sn_rewrite_report report, void *ctx,
		     struct sn_rewrite_stats *stats, struct sn_rewrite_stats *local)
{
	memset(r, 0, sizeof *r);
	r->lookup = lookup;
	r->report = report;
	r->ctx = ctx;
	r->st = stats ? stats : local;
	memset(r->st, 0, sizeof *r->st);
}

static void say(struct run *r, long line, const char *where, const char *code, const char *to,
		enum sn_map_result res)
{
	if (r->report)
		r->report(r->ctx, line, where, code, to, res);
}

/* Asks the lookup about CODE (NUL-terminated); the answer text lands in r->to. Returns the
 * result, or -1 when the lookup broke its contract. */
static int look(struct run *r, const char *code)
{
	enum sn_map_result res;

	r->to[0] = '\0';
	res = r->lookup(r->ctx, code, r->to, sizeof r->to);
	r->to[sizeof r->to - 1] = '\0';  /* a lookup that filled the buffer without a NUL */
	switch (res) {
	case SN_MAP_UNKNOWN:
	case SN_MAP_SAME:
	case SN_MAP_AMBIGUOUS:
		return (int)res;
	case SN_MAP_NEW:
		/* Writing "" would silently delete a code from the document. */
		if (!r->to[0])
			return run_fail(r, SN_INTERNAL, _("lookup gave an empty replacement for '%s'"),
					code);
		return (int)res;
	default:
		return run_fail(r, SN_INTERNAL, _("lookup returned %d for '%s'"), (int)res, code);
	}
}

/* One code occurrence: CODE (LEN bytes, inside r->tok) is looked up and reported, and what goes
 * into the output is appended to r->val. DOSSIER_LEN > 0 means the code heads an issued dossier
 * code of that many bytes in all (rule (c)). */
static int occurrence(struct run *r, const char *code, size_t len, size_t dossier_len, long line,
		      const char *where)
{
	const char *emit = code;
	size_t emit_len = len;
	int res;

	r->code.len = 0;
	if (sn_buf_add(&r->code, code, len))
		return run_oom(r);
	res = look(r, r->code.p);
	if (res < 0)
		return -1;
	r->st->codes_found++;
	if (dossier_len && (res == SN_MAP_NEW || res == SN_MAP_AMBIGUOUS)) {
		/* Report the whole dossier code: that is what must stay valid as an alias. */
		r->code.len = 0;
		if (sn_buf_add(&r->code, code, dossier_len))
			return run_oom(r);
		r->st->dossier_codes_kept++;
		say(r, line, where, r->code.p, r->to, SN_MAP_KEPT);
	} else if (res == SN_MAP_UNKNOWN) {
		say(r, line, where, r->code.p, "", SN_MAP_UNKNOWN);
	} else if (res == SN_MAP_SAME) {
		say(r, line, where, r->code.p, r->code.p, SN_MAP_SAME);
	} else if (res == SN_MAP_NEW) {
		emit = r->to;
		emit_len = strlen(r->to);
		if (emit_len != len || memcmp(emit, code, len) != 0)
			r->st->codes_changed++;
		say(r, line, where, r->code.p, r->to, SN_MAP_NEW);
	} else {
		if (r->st->ambiguous++ == 0) {
			r->amb_line = line;
			snprintf(r->amb_code, sizeof r->amb_code, "%s", r->code.p);
			snprintf(r->amb_to, sizeof r->amb_to, "%.*s",
				 (int)sizeof r->amb_to - 1, r->to);  /* cut: it is a message */
		}
		say(r, line, where, r->code.p, r->to, SN_MAP_AMBIGUOUS);
	}
	if (sn_buf_add(&r->val, emit, emit_len))
		return run_oom(r);
	return 0;
}

static int collect(void *arg, size_t off, size_t len)
{
	struct run *r = arg;

	if (r->nm == r->mcap) {
		size_t cap = r->mcap ? r->mcap * 2 : 8;
		struct match *m = realloc(r->m, cap * sizeof *m);
		if (!m) {
			r->m_oom = 1;
			return 1;
		}
		r->m = m;
		r->mcap = cap;
	}
	r->m[r->nm].off = off;
	r->m[r->nm].len = len;
	r->nm++;
	return 0;
}

/* When the code at S (LEN bytes) is followed by "-YYMMDD-N..." (6 digits, then 1 or more
 * digits, then the end or a byte other than an ASCII letter or digit), the length of the whole
 * dossier code; 0 otherwise. S is NUL-terminated somewhere after, which stops every test. */
static size_t dossier_len(const char *s, size_t len)
{
	const char *p = s + len;
	size_t k;

	if (p[0] != '-')
		return 0;
	for (k = 1; k <= 6; k++)
		if (!is_digit(p[k]))
			return 0;
	if (p[7] != '-')
		return 0;
	for (k = 8; is_digit(p[k]); k++)
		;
	if (k == 8 || is_alnum(p[k]))
		return 0;
	return len + k;
}

/* Rewrites the value V (N bytes, starting on LINE) into r->val following rules (a)-(d).
 * Returns 0, or -1 with r->failed set. */
static int rewrite_value(struct run *r, const char *v, size_t n, long line, const char *where)
{
	const unsigned char *u = (const unsigned char *)v;
	size_t a = 0, b = n, k, pos;
	struct sn_agcode ac;

	r->val.len = 0;
	if (sn_buf_grow(&r->val, n))
		return run_oom(r);
	r->val.p[0] = '\0';
	while (a < b && (k = space_at(u + a, b - a)) > 0)
		a += k;
	while (b > a && (k = space_before(u + a, b - a)) > 0)
		b -= k;
	if (a == b)
		return sn_buf_add(&r->val, v, n) ? run_oom(r) : 0;  /* blank: layout, not a value */
	r->st->values_seen++;
	for (size_t i = a; i < b; i++)
		if (space_at(u + i, b - i))
			return sn_buf_add(&r->val, v, n) ? run_oom(r) : 0;  /* (d) free text */

	line += count_nl(v, a);
	r->tok.len = 0;
	if (sn_buf_add(&r->tok, v + a, b - a) || sn_buf_add(&r->val, v, a))
		return run_oom(r);
	/* (a) A whole code; the length test only saves parsing long identifiers (a code has at
	 * most 35 characters). A value with a NUL inside (a CSV cell can hold one) is never one. */
	if (b - a <= 64 && strlen(r->tok.p) == b - a &&
	    sn_agcode_parse(r->tok.p, &ac) != SN_AGCODE_INVALID) {
		if (occurrence(r, r->tok.p, b - a, 0, line, where))
			return -1;
	} else {
		/* (b) QCVN codes inside an identifier, (c) unless they head a dossier code. */
		r->nm = 0;
		r->m_oom = 0;
		sn_agcode_scan(r->tok.p, collect, r);
		if (r->m_oom)
			return run_oom(r);
		pos = 0;
		for (size_t i = 0; i < r->nm; i++) {
			const char *c = r->tok.p + r->m[i].off;

			if (sn_buf_add(&r->val, r->tok.p + pos, r->m[i].off - pos))
				return run_oom(r);
			if (occurrence(r, c, r->m[i].len, dossier_len(c, r->m[i].len), line, where))
				return -1;
			pos = r->m[i].off + r->m[i].len;
		}
		if (sn_buf_add(&r->val, r->tok.p + pos, (b - a) - pos))
			return run_oom(r);
	}
	if (sn_buf_add(&r->val, v + b, n - b))
		return run_oom(r);
	return 0;
}

/* ---------------------------------------------------------------- the output file */

static int same_file(const char *a, const char *b)
{
	struct stat sa, sb;

	return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
	       sa.st_ino == sb.st_ino;
}

/* Makes the temporary file durable and renames it over OUT; when IN is OUT and nothing changed
 * the file is left alone. Returns 0 or SN_IO (the temporary file is then gone). */
static int out_commit(struct sn_outfile *o, const char *in, long changed, char *err, size_t errlen)
{
	int rc = sn_outfile_close(o, err, errlen);

	if (rc)
		return rc;
	if (changed == 0 && same_file(in, o->path)) {
		sn_outfile_abort(o);
		return 0;
	}
	return sn_outfile_rename(o, err, errlen);
}

/* The final status of a run whose input was read to the end: an ambiguity wins over writing. */
static int finish(struct run *r, struct sn_outfile *o, const char *in, char *err, size_t errlen)
{
	if (r->st->ambiguous > 0) {
		snprintf(err, errlen,
			 _("%s:%ld: '%s' has several successors (%s); %ld ambiguous occurrence(s); "
			   "'%s' not written"),
			 in, r->amb_line, r->amb_code, r->amb_to, r->st->ambiguous, o->path);
		sn_outfile_abort(o);
		return SN_FINDINGS;
	}
	return out_commit(o, in, r->st->codes_changed, err, errlen);
}

/* ---------------------------------------------------------------- XML */

struct xw {
	struct run *r;
	sn_xml *x;
	xmlTextReaderPtr rd;
	xmlTextWriterPtr w;
	const char *in, *out;
	struct sn_buf path;     /* qualified names from the root, '/'-separated */
	size_t *plen;         /* path length before each open element */
	size_t depth, pcap;
	struct sn_buf text;     /* character data not yet written (adjacent nodes joined) */
	long text_line;
	struct sn_buf esc;
	struct sn_buf where;
	long line;            /* input line at the end of the last node handled */
	int top_nodes;        /* nodes written outside the root element so far */
	int has_decl;
	int decl_done;
};

/* A writer call failed: the only way libxml2's writer fails on our input is the output file. */
static int xw_check(struct xw *xw, int rc)
{
	if (rc < 0)
		return run_fail(xw->r, SN_IO, _("cannot write '%s': %s"), xw->out,
				sn_strerror(errno ? errno : EIO));
	return 0;
}

/* N bytes of S escaped into O for XML: '&' and '<' always; CR as a reference, since a literal CR
 * would be read back as a line end. In text content (ATTR 0) '>' only where it would close "]]>";
 * in an attribute value (ATTR 1) '"', and TAB and LF as references too: the parser normalises
 * literal ones in attributes to spaces, so those a value holds came from references. */
static int esc_xml(struct sn_buf *o, const char *s, size_t n, int attr)
{
	o->len = 0;
	for (size_t i = 0; i < n; i++) {
		const char *rep = NULL;

		switch (s[i]) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>':
			if (!attr && i >= 2 && s[i - 1] == ']' && s[i - 2] == ']')
				rep = "&gt;";
			break;
		case '"': rep = attr ? "&quot;" : NULL; break;
		case '\t': rep = attr ? "&#9;" : NULL; break;
		case '\n': rep = attr ? "&#10;" : NULL; break;
		case '\r': rep = "&#13;"; break;
		default: break;
		}
		if (rep ? sn_buf_adds(o, rep) : sn_buf_add(o, s + i, 1))
			return -1;
	}
	return sn_buf_add(o, "", 0);
}

/* The node's own line when libxml2 recorded one (it stops at 65535), else 0. For an element it
 * is the line of the '>' closing the start tag; for a comment or PI, the line it ends on. The
 * field is read directly: xmlGetLineNo answers a capped line with a neighbour's line, and the
 * reader may already have freed the neighbours. */
static long node_line(struct xw *xw)
{
	xmlNodePtr n = xmlTextReaderCurrentNode(xw->rd);

	return n && n->line > 0 && n->line < 65535 ? (long)n->line : 0;
}

/* The XML declaration, written before the first node once the reader knows the document. */
static int xw_decl(struct xw *xw)
{
	const xmlChar *ver, *enc;
	int sa;

	if (xw->decl_done)
		return 0;
	xw->decl_done = 1;
	if (!xw->has_decl)
		return 0;
	ver = xmlTextReaderConstXmlVersion(xw->rd);
	enc = xmlTextReaderConstEncoding(xw->rd);
	sa = xmlTextReaderStandalone(xw->rd);
	return xw_check(xw, xmlTextWriterStartDocument(xw->w, ver ? (const char *)ver : NULL,
						       enc ? (const char *)enc : NULL,
						       sa == 1 ? "yes" : sa == 0 ? "no" : NULL));
}

/* Outside the root element whitespace is not reported; one newline separates top-level nodes. */
static int xw_top(struct xw *xw)
{
	if (xw->depth > 0 || xw->top_nodes++ == 0)
		return 0;
	return xw_check(xw, xmlTextWriterWriteRaw(xw->w, BAD_CAST "\n"));
}

static int xw_flush_text(struct xw *xw)
{
	if (xw->text.len == 0)
		return 0;
	if (rewrite_value(xw->r, xw->text.p, xw->text.len, xw->text_line, xw->path.p))
		return -1;
	if (esc_xml(&xw->esc, xw->r->val.p, xw->r->val.len, 0))
		return run_oom(xw->r);
	if (xw_check(xw, xmlTextWriterWriteRawLen(xw->w, BAD_CAST xw->esc.p, (int)xw->esc.len)))
		return -1;
	xw->line = xw->text_line + count_nl(xw->text.p, xw->text.len);
	xw->text.len = 0;
	return 0;
}

static int xw_push(struct xw *xw, const char *name)
{
	if (xw->depth == xw->pcap) {
		size_t cap = xw->pcap ? xw->pcap * 2 : 32;
		size_t *p = realloc(xw->plen, cap * sizeof *p);
		if (!p)
			return run_oom(xw->r);
		xw->plen = p;
		xw->pcap = cap;
	}
	xw->plen[xw->depth++] = xw->path.len;
	if ((xw->path.len && sn_buf_add(&xw->path, "/", 1)) || sn_buf_adds(&xw->path, name))
		return run_oom(xw->r);
	return 0;
}

static void xw_pop(struct xw *xw)
{
	if (xw->depth > 0) {
		xw->path.len = xw->plen[--xw->depth];
		xw->path.p[xw->path.len] = '\0';
	}
}

static int xw_element(struct xw *xw)
{
	const char *name = (const char *)xmlTextReaderConstName(xw->rd);
	int empty = xmlTextReaderIsEmptyElement(xw->rd);
	long l = node_line(xw);

	if (!name)
		return run_oom(xw->r);
	if (l)
		xw->line = l;
	if (xw_top(xw) || xw_push(xw, name) ||
	    xw_check(xw, xmlTextWriterStartElement(xw->w, BAD_CAST name)))
		return -1;
	while (xmlTextReaderMoveToNextAttribute(xw->rd) == 1) {
		const char *an = (const char *)xmlTextReaderConstName(xw->rd);
		const char *av = (const char *)xmlTextReaderConstValue(xw->rd);
		const char *v;
		size_t vn;

		if (!an)
			return run_oom(xw->r);
		if (!av)
			av = "";
		if (xmlTextReaderIsNamespaceDecl(xw->rd) == 1) {
			v = av;  /* a namespace URI, not data */
			vn = strlen(av);
		} else {
			xw->where.len = 0;
			if (sn_buf_add(&xw->where, xw->path.p, xw->path.len) ||
			    sn_buf_add(&xw->where, "/@", 2) || sn_buf_adds(&xw->where, an))
				return run_oom(xw->r);
			if (rewrite_value(xw->r, av, strlen(av), xw->line, xw->where.p))
				return -1;
			v = xw->r->val.p;
			vn = xw->r->val.len;
		}
		if (esc_xml(&xw->esc, v, vn, 1))
			return run_oom(xw->r);
		if (xw_check(xw, xmlTextWriterStartAttribute(xw->w, BAD_CAST an)) ||
		    xw_check(xw, xmlTextWriterWriteRawLen(xw->w, BAD_CAST xw->esc.p,
							  (int)xw->esc.len)) ||
		    xw_check(xw, xmlTextWriterEndAttribute(xw->w)))
			return -1;
	}
	xmlTextReaderMoveToElement(xw->rd);
	if (empty) {
		xw_pop(xw);
		return xw_check(xw, xmlTextWriterEndElement(xw->w));  /* "<a/>" */
	}
	return 0;
}

static int xw_node(struct xw *xw)
{
	int type = xmlTextReaderNodeType(xw->rd);
	const char *value;
	long l;

	switch (type) {
	case XML_READER_TYPE_TEXT:
	case XML_READER_TYPE_WHITESPACE:
	case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
		value = (const char *)xmlTextReaderConstValue(xw->rd);
		if (!value)
			return run_oom(xw->r);
		if (xw->text.len == 0)
			xw->text_line = xw->line;
		return sn_buf_adds(&xw->text, value) ? run_oom(xw->r) : 0;
	default:
		break;
	}
	if (xw_flush_text(xw) || xw_decl(xw))
		return -1;
	switch (type) {
	case XML_READER_TYPE_ELEMENT:
		return xw_element(xw);
	case XML_READER_TYPE_END_ELEMENT:
		xw_pop(xw);
		/* The reader reports "<a/>" as one empty element, so an end node means the input
		 * wrote "<a></a>" (or had content): keep the long form. */
		return xw_check(xw, xmlTextWriterFullEndElement(xw->w));
	case XML_READER_TYPE_CDATA:
		value = (const char *)xmlTextReaderConstValue(xw->rd);
		if (!value)
			return run_oom(xw->r);
		if (rewrite_value(xw->r, value, strlen(value), xw->line, xw->path.p) ||
		    xw_check(xw, xmlTextWriterWriteCDATA(xw->w, BAD_CAST xw->r->val.p)))
			return -1;
		xw->line += count_nl(value, strlen(value));
		return 0;
	case XML_READER_TYPE_COMMENT:
	case XML_READER_TYPE_PROCESSING_INSTRUCTION:
		value = (const char *)xmlTextReaderConstValue(xw->rd);
		if (!value)
			value = "";
		if (xw_top(xw))
			return -1;
		if (type == XML_READER_TYPE_COMMENT) {
			if (xw_check(xw, xmlTextWriterWriteComment(xw->w, BAD_CAST value)))
				return -1;
		} else {
			const char *target = (const char *)xmlTextReaderConstName(xw->rd);
			/* NULL content writes "<?t?>"; "" would add a space. */
			if (!target)
				return run_oom(xw->r);
			if (xw_check(xw, xmlTextWriterWritePI(xw->w, BAD_CAST target,
							      *value ? BAD_CAST value : NULL)))
				return -1;
		}
		l = node_line(xw);
		xw->line = l ? l : xw->line + count_nl(value, strlen(value));
		return 0;
	default:
		/* Entity references cannot occur (no DTD is accepted); anything else would be lost
		 * silently if copied by guess. */
		return run_fail(xw->r, SN_DATA, _("%s:%d: unsupported XML node (type %d)"), xw->in,
				sn_xml_line(xw->x), type);
	}
}

/* Reads the start of IN for what the reader does not tell: a UTF-8 BOM, and whether an XML
 * declaration is present (libxml2 reports version 1.0 either way). */
static int xml_peek(const char *in, int *bom, int *decl, char *err, size_t errlen)
{
	unsigned char b[16];
	size_t n, o;
	FILE *f = fopen(in, "rb");

	if (!f) {
		snprintf(err, errlen, _("cannot open '%s': %s"), in, sn_strerror(errno));
		return SN_IO;
	}
	n = fread(b, 1, sizeof b, f);
	fclose(f);
	*bom = n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF;
	o = *bom ? 3 : 0;
	*decl = n >= o + 6 && memcmp(b + o, "<?xml", 5) == 0 &&
		(b[o + 5] == ' ' || b[o + 5] == '\t' || b[o + 5] == '\r' || b[o + 5] == '\n');
	return 0;
}

int sn_rewrite_xml(const char *in, const char *out, sn_code_lookup lookup,
		   sn_rewrite_report report, void *ctx, struct sn_rewrite_stats *stats, char *err,
		   size_t errlen)
{
	struct sn_rewrite_stats local;
	struct run r;
	struct xw xw;
	struct sn_outfile o = { 0 };
	xmlOutputBufferPtr ob;
	int rc, bom = 0, k;

	if (errlen)
		err[0] = '\0';
	run_init(&r, lookup, report, ctx, stats, &local);
	memset(&xw, 0, sizeof xw);
	xw.r = &r;
	xw.in = in;
	xw.out = out;
	xw.line = 1;

	xw.x = sn_xml_open(in, err, errlen);
	if (!xw.x)
		return SN_IO;
	xw.rd = sn_xml_reader(xw.x);
	rc = xml_peek(in, &bom, &xw.has_decl, err, errlen);
	if (rc)
		goto done_noout;
	rc = sn_outfile_open(&o, out, err, errlen);
	if (rc)
		goto done_noout;
	if (bom && fwrite("\xEF\xBB\xBF", 1, 3, o.f) != 3) {
		snprintf(err, errlen, _("cannot write '%s': %s"), out, sn_strerror(errno));
		rc = SN_IO;
		goto done;
	}
	/* libxml2 flushes this buffer into our FILE but never closes it, so out_commit can check
	 * fclose and fsync, which is where a full disk shows. */
	ob = xmlOutputBufferCreateFile(o.f, NULL);
	xw.w = ob ? xmlNewTextWriter(ob) : NULL;
	if (!xw.w) {
		if (ob)
			xmlOutputBufferClose(ob);
		snprintf(err, errlen, "%s", _("out of memory"));
		rc = SN_IO;
		goto done;
	}
	if (sn_buf_add(&xw.path, "", 0) || sn_buf_add(&xw.text, "", 0)) {
		snprintf(err, errlen, "%s", _("out of memory"));
		rc = SN_IO;
		goto done;
	}
	while ((k = sn_xml_read(xw.x)) == 1)
		if (xw_node(&xw))
			break;
	if (!r.failed && k < 0) {
		/* The reader reports its own read failures like syntax errors; tell them apart. */
		rc = sn_xml_read_failed(xw.x) ? SN_IO : SN_DATA;
		snprintf(err, errlen, "%s", sn_xml_error(xw.x));
		goto done;
	}
	if (!r.failed && !xw_flush_text(&xw) && !xw_decl(&xw))
		xw_check(&xw, xmlTextWriterEndDocument(xw.w));
	if (r.failed) {
		rc = r.failed;
		snprintf(err, errlen, "%s", r.msg);
		goto done;
	}
	xmlFreeTextWriter(xw.w);  /* flushes into o.f */
	xw.w = NULL;
	rc = finish(&r, &o, in, err, errlen);
	goto done_noout;
done:
	if (xw.w)
		xmlFreeTextWriter(xw.w);
	sn_outfile_abort(&o);
done_noout:
	sn_xml_close(xw.x);
	sn_buf_release(&xw.path);
	sn_buf_release(&xw.text);
	sn_buf_release(&xw.esc);
	sn_buf_release(&xw.where);
	free(xw.plen);
	run_free(&r);
	return rc;
}

/* ---------------------------------------------------------------- CSV */

static const char *dec_err(const void *d)
{
	return sn_decoder_error(d);
}

/* What the decoder does not tell about IN's raw bytes: a UTF-8 BOM, the first line end outside
 * quotes (CR, LF and '"' are the same bytes in UTF-8, CP1258 and TCVN3, and never occur inside
 * a UTF-8 sequence), and whether the file ends with a line end. */
static int csv_peek(const char *in, int *bom, const char **eol, int *final_eol, char *err,
		    size_t errlen)
{
	unsigned char *b = malloc(PEEK_CAP);
	struct stat st;
	ssize_t n;
	int fd, quoted = 0;

	*bom = 0;
	*eol = "\r\n";
	*final_eol = 0;
	if (!b) {
		snprintf(err, errlen, "%s", _("out of memory"));
		return SN_IO;
	}
	fd = open(in, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		snprintf(err, errlen, _("cannot open '%s': %s"), in, sn_strerror(errno));
		free(b);
		return SN_IO;
	}
	n = read(fd, b, PEEK_CAP);
	if (n < 0 || fstat(fd, &st) != 0) {
		snprintf(err, errlen, _("cannot read '%s': %s"), in, sn_strerror(errno));
		close(fd);
		free(b);
		return SN_IO;
	}
	*bom = n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF;
	for (ssize_t i = 0; i < n; i++) {
		if (b[i] == '"') {
			quoted = !quoted;
		} else if (!quoted && (b[i] == '\n' || b[i] == '\r')) {
			if (b[i] == '\n')
				*eol = "\n";
			else if (i + 1 < n && b[i + 1] == '\n')
				*eol = "\r\n";
			else if (i + 1 < n)
				*eol = "\r";
			break;  /* a CR as the last byte read stays CRLF: its LF may be next */
		}
	}
	if (S_ISREG(st.st_mode) && st.st_size > 0) {
		unsigned char last;
		if (pread(fd, &last, 1, st.st_size - 1) == 1)
			*final_eol = last == '\n' || last == '\r';
	}
	close(fd);
	free(b);
	return 0;
}

/* One field, quoted only when RFC 4180 needs it. Errors show in ferror() at the end. */
static void csv_field(FILE *f, const char *s, size_t n)
{
	if (!memchr(s, ',', n) && !memchr(s, '"', n) && !memchr(s, '\n', n) &&
	    !memchr(s, '\r', n)) {
		fwrite(s, 1, n, f);
		return;
	}
	putc('"', f);
	for (const char *p = s, *end = s + n; p < end;) {
		const char *q = memchr(p, '"', (size_t)(end - p));
		size_t k = q ? (size_t)(q - p) + 1 : (size_t)(end - p);
		fwrite(p, 1, k, f);
		if (q)
			putc('"', f);  /* the quote just written, doubled */
		p += k;
	}
	putc('"', f);
}

/* S without surrounding whitespace, as [*a, *b). */
static void trim(const char *s, size_t n, size_t *a, size_t *b)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t k;

	*a = 0;
	*b = n;
	while (*a < *b && (k = space_at(u + *a, *b - *a)) > 0)
		*a += k;
	while (*b > *a && (k = space_before(u + *a, *b - *a)) > 0)
		*b -= k;
}

/* Marks in SEL the header columns named in COLUMNS. Returns 0 or SN_DATA with the message. */
static int csv_select(const char *in, long line, const char *columns, char **hdr, size_t nh,
		      char *sel, char *err, size_t errlen)
{
	const char *p = columns;

	for (;;) {
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p), a, b;
		int found = 0;

		trim(p, len, &a, &b);
		if (a == b) {
			snprintf(err, errlen, _("%s: empty column name in '%s'"), in, columns);
			return SN_DATA;
		}
		for (size_t j = 0; j < nh; j++) {
			size_t ha, hb;
			trim(hdr[j], strlen(hdr[j]), &ha, &hb);
			if (hb - ha == b - a && memcmp(hdr[j] + ha, p + a, b - a) == 0) {
				sel[j] = 1;
				found = 1;
			}
		}
		if (!found) {
			struct sn_buf names = { 0 };
			int oom = 0;
			for (size_t j = 0; j < nh && !oom; j++)
				oom = (j && sn_buf_add(&names, ", ", 2)) || sn_buf_adds(&names, hdr[j]);
			snprintf(err, errlen, _("%s:%ld: no column '%.*s' (columns: %s)"), in, line,
				 (int)(b - a), p + a, names.p && !oom ? names.p : "");
			sn_buf_release(&names);
			return SN_DATA;
		}
		if (!comma)
			return 0;
		p = comma + 1;
	}
}

int sn_rewrite_csv(const char *in, const char *out, const char *columns, sn_encoding enc,
		   sn_code_lookup lookup, sn_rewrite_report report, void *ctx,
		   struct sn_rewrite_stats *stats, char *err, size_t errlen)
{
	struct sn_rewrite_stats local;
	struct run r;
	struct sn_outfile o = { 0 };
	sn_decoder *dec = NULL;
	sn_csv *c = NULL;
	char **f, **where = NULL, *sel = NULL;
	size_t nf, nh = 0;
	const char *eol;
	int bom, final_eol, rc, k;
	struct sn_buf extra = { 0 };  /* "column #N" for a cell beyond the header */

	if (errlen)
		err[0] = '\0';
	run_init(&r, lookup, report, ctx, stats, &local);
	/* The decoder would read standard input for "-"; a rewrite needs a file to replace. */
	if (strcmp(in, "-") == 0) {
		snprintf(err, errlen, "%s", _("'-' (standard input) cannot be rewritten: name a file"));
		return SN_IO;
	}
	rc = csv_peek(in, &bom, &eol, &final_eol, err, errlen);
	if (rc)
		return rc;
	dec = sn_decoder_open(in, enc, err, errlen);
	if (!dec)
		return SN_IO;
	c = sn_csv_new(sn_decoder_read_cb, dec, dec_err, in, ',', NULL);
	if (!c) {
		snprintf(err, errlen, "%s", _("out of memory"));
		rc = SN_IO;
		goto done_noout;
	}
	k = sn_csv_next(c, &f, &nf);
	if (k < 0)
		goto csv_error_noout;
	if (k == 0) {
		snprintf(err, errlen, _("%s: no header row (the file is empty)"), in);
		rc = SN_DATA;
		goto done_noout;
	}
	nh = nf;
	where = calloc(nh ? nh : 1, sizeof *where);
	sel = calloc(nh ? nh : 1, 1);
	if (!where || !sel) {
		snprintf(err, errlen, "%s", _("out of memory"));
		rc = SN_IO;
		goto done_noout;
	}
	for (size_t j = 0; j < nh; j++) {
		size_t a, b, cap = strlen(f[j]) + 32;
		trim(f[j], strlen(f[j]), &a, &b);
		where[j] = malloc(cap);
		if (!where[j]) {
			snprintf(err, errlen, "%s", _("out of memory"));
			rc = SN_IO;
			goto done_noout;
		}
		if (a == b)
			snprintf(where[j], cap, _("column #%zu"), j + 1);
		else
			snprintf(where[j], cap, _("column %.*s"), (int)(b - a), f[j] + a);
	}
	if (columns) {
		rc = csv_select(in, sn_csv_line(c), columns, f, nh, sel, err, errlen);
		if (rc)
			goto done_noout;
	}
	rc = sn_outfile_open(&o, out, err, errlen);
	if (rc)
		goto done_noout;
	/* Large writes: the per-field fwrite calls then cost no system calls. */
	setvbuf(o.f, NULL, _IOFBF, 1 << 16);
	if (bom || sn_decoder_encoding(dec) != SN_ENC_UTF8)
		fwrite("\xEF\xBB\xBF", 1, 3, o.f);
	for (size_t j = 0; j < nf; j++) {
		if (j)
			putc(',', o.f);
		csv_field(o.f, f[j], strlen(f[j]));
	}
	while ((k = sn_csv_next(c, &f, &nf)) == 1) {
		long line = sn_csv_line(c);

		fputs(eol, o.f);
		for (size_t j = 0; j < nf; j++) {
			const char *w;
			size_t len = strlen(f[j]);

			if (j)
				putc(',', o.f);
			if (columns ? j >= nh || !sel[j] : 0) {
				csv_field(o.f, f[j], len);
				continue;
			}
			if (j < nh) {
				w = where[j];
			} else {
				char num[40];
				snprintf(num, sizeof num, _("column #%zu"), j + 1);
				extra.len = 0;
				if (sn_buf_adds(&extra, num)) {
					run_oom(&r);
					break;
				}
				w = extra.p;
			}
			if (rewrite_value(&r, f[j], len, line, w))
				break;
			csv_field(o.f, r.val.p, r.val.len);
		}
		if (r.failed)
			break;
	}
	if (r.failed) {
		snprintf(err, errlen, "%s", r.msg);
		rc = r.failed;
		goto done;
	}
	if (k < 0)
		goto csv_error;
	if (final_eol)
		fputs(eol, o.f);
	if (ferror(o.f)) {
		snprintf(err, errlen, _("cannot write '%s': %s"), out, sn_strerror(errno ? errno : EIO));
		rc = SN_IO;
		goto done;
	}
	/* Close the input first: with IN == OUT the rename must not race an open reader. */
	sn_csv_free(c);
	c = NULL;
	sn_decoder_close(dec);
	dec = NULL;
	rc = finish(&r, &o, in, err, errlen);
	goto done_noout;

csv_error:
	sn_outfile_abort(&o);
csv_error_noout:
	/* The decoder's read failures come through the CSV reader like data errors. */
	rc = dec && sn_decoder_read_failed(dec) ? SN_IO : SN_DATA;
	snprintf(err, errlen, "%s", sn_csv_error(c));
	goto done_noout;
done:
	sn_outfile_abort(&o);
done_noout:
	if (where)
		for (size_t j = 0; j < nh; j++)
			free(where[j]);
	free(where);
	free(sel);
	sn_buf_release(&extra);
	sn_csv_free(c);
	sn_decoder_close(dec);
	run_free(&r);
	return rc;
}

/* ---------------------------------------------------------------- one value */

int sn_rewrite_value(const char *value, sn_code_lookup lookup, void *ctx, char **out, char *err,
		     size_t errlen)
{
	struct sn_rewrite_stats st = { 0 };
	struct run r;
	int rc = 0;

	run_init(&r, lookup, NULL, ctx, &st, NULL);
	*out = NULL;
	if (rewrite_value(&r, value, strlen(value), 1, "value") != 0) {
		snprintf(err, errlen, "%s", r.msg);
		rc = r.failed ? r.failed : SN_INTERNAL;
	} else if (st.ambiguous) {
		snprintf(err, errlen, _("'%s' has several successors (%s)"), r.amb_code, r.amb_to);
		rc = SN_FINDINGS;
	} else if (!(*out = malloc(r.val.len + 1))) {
		snprintf(err, errlen, "%s", _("out of memory"));
		rc = SN_IO;
	} else {
		memcpy(*out, r.val.p, r.val.len);
		(*out)[r.val.len] = '\0';
	}
	run_free(&r);
	return rc;
}
