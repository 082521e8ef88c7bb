/* xlsx.c - reading rows of one worksheet of an XLSX workbook (see xlsx.h for the contract).
 *
 * An XLSX file is a zip archive of XML parts. At open we read xl/workbook.xml (sheet names and
 * relationship ids), xl/_rels/workbook.xml.rels (which part holds each sheet) and the shared-string
 * table. The selected sheet is then read in one pass of libxml2's pull reader straight out of the
 * zip member. Its merged ranges (<mergeCells>) come after its rows, yet filling them needs them
 * from the first row on, so the pass holds the rows, packed (cell texts and their columns, not
 * the XML), until it has read the ranges; rows are then produced from what it holds. A sheet
 * whose rows would take more than max_held_bytes, or that the pass cannot read to its end (an
 * error anywhere), is read as it was before the pass existed: a first pass (SAX) for the merged
 * ranges, then its rows streamed, memory bounded by one row, the shared strings and the ranges;
 * its errors are reported by that reading, so they are the same in either case.
 *
 * The workbook is untrusted input (a provincial office mails it around), so:
 *  - every zip member is measured while it is inflated, not only by what its header declares, and
 *    reading stops once it passes max_part_bytes or max_ratio times its compressed size;
 *  - XML is parsed without network access, without entity substitution and without DTD loading,
 *    and a part that carries a DOCTYPE is refused outright (no XLSX writer emits one; it is the
 *    vehicle of "billion laughs" and external-entity attacks);
 *  - libxml2's messages go to a per-reader handler and into sn_xlsx_error(), never to stderr.
 */
#include "xlsx.h"
#include "xmlsafe.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <zip.h>
#include "i18n.h"
#include "strbuf.h"
#include "banned.h"

#define DEF_MAX_PART_BYTES (512ULL * 1024 * 1024)
#define DEF_MAX_RATIO 1000ULL
#define DEF_MAX_CELLS ((size_t)50 * 1000 * 1000)
#define DEF_MAX_COLUMNS ((size_t)16384)
#define DEF_MAX_SHARED_STRINGS ((size_t)10 * 1000 * 1000)
#define DEF_MAX_HELD_BYTES ((size_t)64 * 1024 * 1024)

/* The part that names the sheets. OOXML allows it elsewhere (via _rels/.rels) but every writer in
 * practice, Excel, LibreOffice, Google Sheets and the Python/JS libraries, puts it here. */
#define WORKBOOK_PART "xl/workbook.xml"
#define WORKBOOK_RELS "xl/_rels/workbook.xml.rels"
#define DEFAULT_SST_PART "xl/sharedStrings.xml"

/* One zip member being parsed by a libxml2 reader. */
struct part {
	const char *member;      /* name in the archive, for messages (not owned) */
	zip_file_t *zf;
	xmlTextReaderPtr rd;
	unsigned long long comp; /* declared compressed size, the base of the ratio check */
	int comp_known;
	unsigned long long delivered;
	unsigned long long max_bytes, max_ratio;
	int io_failed;           /* the read callback refused to go on; why is in io_msg */
	char io_msg[400];
	int xml_line;            /* the last error libxml2 reported, kept for when the reader fails */
	char xml_msg[256];
	struct sn_prolog_scan scan;  /* a DOCTYPE is refused on the raw bytes (xmlsafe.h) */
};

struct sheet {
	char *name;
	char *rid;  /* relationship id from workbook.xml */
	char *part; /* member name, NULL when the relationship is missing */
};

/* A merged range; VALUE is the top-left cell's text once its row has been read. */
struct merge {
	long r1, r2;
	size_t c1, c2;
	char *value;
	int isnum;
	int captured;
};

enum state {
	ST_SEEK,   /* the reader is between rows: find the next <row> */
	ST_AT_ROW, /* the reader is on a <row> start tag whose cells are not read yet */
	ST_END,    /* no more <row> elements (merged ranges may still cover rows after the last) */
	ST_DONE,
	ST_FAILED
};

struct sn_xlsx {
	char *path;
	zip_t *zip;
	struct sn_xlsx_limits lim;
	char err[1024];

	struct sheet *sheets;
	size_t nsheets;

	/* Shared strings: NUL-terminated texts packed in one pool, found by offset. */
	struct sn_buf sst;
	size_t *sst_off;
	size_t nsst, sst_cap;

	/* The selected sheet. */
	int selected;
	size_t cur;
	struct part sp;
	int sp_open;
	enum state state;
	int in_sheetdata;
	long xml_row;  /* number of the last <row> element read */
	long next_row; /* number of the <row> the reader is on (ST_AT_ROW), LONG_MAX at ST_END */
	long out_row;  /* number of the last row produced, read or filled in from a merged range */
	size_t cells_seen;

	/* The current row. Cell texts live in ARENA (offset 0 is always ""), located by OFF while the
	 * row is built because the arena may move; CELLS gets the pointers once the row is complete. */
	struct sn_buf arena;
	size_t *off;
	unsigned char *isnum;
	char **cells;
	size_t width, cap, ncells;

	struct merge *merges;
	size_t nmerges, merges_cap, next_merge;
	size_t *active;
	size_t nactive;

	/* The one pass (hold_sheet): rows packed in HOLD, one record per <row> element: its number
	 * (long), width and arena length (size_t), then WIDTH offsets (size_t), WIDTH number flags
	 * and the arena bytes. */
	int held;         /* rows come from HOLD, not from the reader */
	struct sn_buf hold;
	size_t hold_pos;  /* the next record */
};

/* ---- small helpers ---------------------------------------------------------------------- */

/* Ends a string in an arena: the NUL is part of its contents (offsets point at strings). */
static int buf_nul(struct sn_buf *b)
{
	return sn_buf_add(b, "", 1);
}

static char *dupstr(const char *s)
{
	size_t n = strlen(s) + 1;
	char *d = malloc(n);

	if (d)
		memcpy(d, s, n);
	return d;
}

/* Appends S to DST (capacity CAP, current length *LEN), truncating; DST stays NUL-terminated. */
static void append(char *dst, size_t cap, size_t *len, const char *s)
{
	size_t n = strlen(s);

	if (*len + 1 >= cap)
		return;
	if (n > cap - 1 - *len)
		n = cap - 1 - *len;
	memcpy(dst + *len, s, n);
	*len += n;
	dst[*len] = '\0';
}

__attribute__((format(printf, 2, 3)))
static void seterr(sn_xlsx *x, const char *fmt, ...)
{
	va_list ap;
	int n = snprintf(x->err, sizeof x->err, "'%s': ", x->path);

	if (n < 0 || (size_t)n >= sizeof x->err)
		return;
	va_start(ap, fmt);
	vsnprintf(x->err + n, sizeof x->err - (size_t)n, fmt, ap);
	va_end(ap);
}

static void oom(sn_xlsx *x)
{
	seterr(x, "%s", _("out of memory"));
}

/* Column letters of 0-based index I into BUF of LEN bytes; "?" when they do not fit. */
static void col_name(size_t i, char *buf, size_t len)
{
	char tmp[16];
	size_t n = 0, k;

	i++;
	while (i > 0 && n < sizeof tmp) {
		tmp[n++] = (char)('A' + (i - 1) % 26);
		i = (i - 1) / 26;
	}
	if (n + 1 > len) {
		if (len > 1) {
			buf[0] = '?';
			buf[1] = '\0';
		} else if (len == 1) {
			buf[0] = '\0';
		}
		return;
	}
	for (k = 0; k < n; k++)
		buf[k] = tmp[n - 1 - k];
	buf[n] = '\0';
}

void sn_xlsx_column_name(size_t i, char buf[4])
{
	col_name(i, buf, 4);
}

/* Parses a cell reference "C17": letters then digits. Returns 0 with the 0-based column and the
 * 1-based row (0 when the digits are absent), -1 if malformed. Absurdly long column letters
 * saturate to SIZE_MAX so that the caller's column limit reports them. */
static int parse_ref(const char *s, size_t *col, long *row)
{
	size_t c = 0;
	long r = 0;
	int letters = 0;

	for (; (*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z'); s++) {
		unsigned d = (unsigned)((*s | 0x20) - 'a') + 1;

		letters++;
		c = c > (SIZE_MAX - 26) / 26 ? SIZE_MAX : c * 26 + d;
	}
	if (!letters)
		return -1;
	for (; *s >= '0' && *s <= '9'; s++)
		r = r > (LONG_MAX - 9) / 10 ? LONG_MAX : r * 10 + (*s - '0');
	if (*s)
		return -1;
	*col = c == SIZE_MAX ? SIZE_MAX : c - 1;
	*row = r;
	return 0;
}

/* Parses a row number attribute: decimal digits only. */
static int parse_rownum(const char *s, long *out)
{
	long r = 0;

	if (!*s)
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		if (r > (LONG_MAX - 9) / 10)
			return -1;
		r = r * 10 + (*s - '0');
	}
	if (r < 1)
		return -1;
	*out = r;
	return 0;
}

/* If S is a number written with a fraction or an exponent whose value is an exact integer
 * ("25195.0", "1.2345E4", "4E+0"), writes its plain digits to OUT and returns 1. Codes typed as
 * numbers come back this way from some writers, and the caller zero-pads digits, not floats.
 * Anything else, including plain integers and results longer than 17 digits (beyond what a double
 * holds exactly), returns 0 so the raw text is kept. */
static int integral_digits(const char *s, char *out, size_t outlen)
{
	char dig[64];
	size_t nd = 0, nint = 0, i, n = 0;
	long exp = 0, point;
	int neg = 0, any = 0, marker = 0, nonzero = 0;

	if (*s == '-' || *s == '+')
		neg = *s++ == '-';
	for (; *s >= '0' && *s <= '9'; s++, any = 1) {
		if (nd == 0 && *s == '0')
			continue; /* leading zeros carry nothing */
		if (nd >= sizeof dig)
			return 0;
		dig[nd++] = *s;
	}
	nint = nd;
	if (*s == '.') {
		marker = 1;
		for (s++; *s >= '0' && *s <= '9'; s++, any = 1) {
			if (nd >= sizeof dig)
				return 0;
			dig[nd++] = *s;
		}
	}
	if (!any)
		return 0;
	if (*s == 'e' || *s == 'E') {
		int eneg = 0, edig = 0;

		marker = 1;
		s++;
		if (*s == '-' || *s == '+')
			eneg = *s++ == '-';
		for (; *s >= '0' && *s <= '9'; s++, edig = 1)
			if (exp < 100000)
				exp = exp * 10 + (*s - '0');
		if (!edig)
			return 0;
		if (eneg)
			exp = -exp;
	}
	if (*s || !marker)
		return 0;
	/* When the integer part was all zeros, fraction digits start right after the point. */
	point = (long)nint + exp;
	for (i = 0; i < nd; i++) {
		if ((long)i >= point && dig[i] != '0')
			return 0;
		if (dig[i] != '0')
			nonzero = 1;
	}
	if (!nonzero || point <= 0) {
		if (outlen < 2)
			return 0;
		out[0] = '0';
		out[1] = '\0';
		return 1;
	}
	if (neg)
		out[n++] = '-';
	for (i = 0; (long)i < point; i++) {
		char d = i < nd ? dig[i] : '0';

		if (d == '0' && n == (size_t)neg)
			continue; /* "0.00123E5" has zeros before the first significant digit */
		if (n - (size_t)neg >= 17 || n + 2 > outlen)
			return 0;
		out[n++] = d;
	}
	out[n] = '\0';
	return 1;
}

/* ---- zip members through libxml2 --------------------------------------------------------- */

/* libxml2 pulls bytes through here; counting them is what makes the size limits hold even when a
 * member's header understates its size. Returning -1 makes the reader fail without a message of
 * its own; part_check() then reports io_msg. */
static int io_read(void *ctx, char *buf, int len)
{
	struct part *p = ctx;
	zip_int64_t n;

	if (p->io_failed || len <= 0)
		return p->io_failed ? -1 : 0;
	n = zip_fread(p->zf, buf, (zip_uint64_t)len);
	if (n < 0) {
		p->io_failed = 1;
		snprintf(p->io_msg, sizeof p->io_msg, _("read error (zip: %s)"), zip_file_strerror(p->zf));
		return -1;
	}
	p->delivered += (unsigned long long)n;
	if (sn_prolog_has_doctype(&p->scan, buf, (size_t)n)) {
		p->io_failed = 1;
		snprintf(p->io_msg, sizeof p->io_msg, "%s",
			 _("DOCTYPE refused (XLSX parts never declare one; entities could be an attack)"));
		return -1;
	}
	if (p->delivered > p->max_bytes) {
		p->io_failed = 1;
		snprintf(p->io_msg, sizeof p->io_msg,
			 _("uncompressed size exceeds the limit of %llu bytes (max_part_bytes; zip bomb?)"),
			 p->max_bytes);
		return -1;
	}
	if (p->comp_known && p->comp <= ULLONG_MAX / p->max_ratio &&
	    p->delivered > p->comp * p->max_ratio) {
		p->io_failed = 1;
		snprintf(p->io_msg, sizeof p->io_msg,
			 _("compression ratio exceeds %llu:1 (max_ratio; zip bomb?)"), p->max_ratio);
		return -1;
	}
	return (int)n;
}

/* The zip file is closed by part_close(), which owns it; libxml2's close hook has nothing to do. */
static int io_close(void *ctx)
{
	(void)ctx;
	return 0;
}

static void on_xml_error(void *arg, xmlErrorPtr e)
{
	struct part *p = arg;
	size_t n;
	char *c;

	/* Warnings (a relative namespace URI, say) do not stop the reader; ignore them. */
	if (!e || e->level < XML_ERR_ERROR)
		return;
	p->xml_line = e->line;
	snprintf(p->xml_msg, sizeof p->xml_msg, "%s", e->message ? e->message : _("XML error"));
	/* libxml2 messages end in a newline and some span two lines ("Bytes: 0xFF ..."). */
	for (c = p->xml_msg; *c; c++)
		if (*c == '\n' || *c == '\r')
			*c = ' ';
	n = strlen(p->xml_msg);
	while (n > 0 && p->xml_msg[n - 1] == ' ')
		p->xml_msg[--n] = '\0';
}

static void part_close(struct part *p)
{
	if (p->rd)
		xmlFreeTextReader(p->rd);
	if (p->zf)
		zip_fclose(p->zf);
	memset(p, 0, sizeof *p);
}

/* Opens MEMBER for parsing, with a pull reader over it when WITH_READER (otherwise the caller
 * pulls bytes through io_read itself). Returns 1, 0 when the archive has no such member, -1 on
 * error. */
static int part_open(sn_xlsx *x, struct part *p, const char *member, int with_reader)
{
	zip_int64_t idx;
	zip_stat_t st;

	sn_xml_quiet();
	memset(p, 0, sizeof *p);
	p->member = member;
	p->max_bytes = x->lim.max_part_bytes;
	p->max_ratio = x->lim.max_ratio;
	/* OPC part names are case-insensitive. */
	idx = zip_name_locate(x->zip, member, ZIP_FL_NOCASE);
	if (idx < 0)
		return 0;
	if (zip_stat_index(x->zip, (zip_uint64_t)idx, 0, &st) < 0) {
		seterr(x, "%s: %s", member, zip_strerror(x->zip));
		return -1;
	}
	if ((st.valid & ZIP_STAT_COMP_SIZE)) {
		p->comp = st.comp_size;
		p->comp_known = 1;
	}
	/* The declared size is checked up front so an honest bomb fails before any inflating; the
	 * read callback catches a dishonest one. */
	if ((st.valid & ZIP_STAT_SIZE)) {
		if (st.size > p->max_bytes) {
			seterr(x, _("%s: declared uncompressed size %llu exceeds the limit of %llu bytes "
				  "(max_part_bytes; zip bomb?)"),
			       member, (unsigned long long)st.size, p->max_bytes);
			return -1;
		}
		if (p->comp_known && p->comp <= ULLONG_MAX / p->max_ratio &&
		    st.size > p->comp * p->max_ratio) {
			seterr(x, _("%s: declared compression ratio exceeds %llu:1 (max_ratio; zip bomb?)"),
			       member, p->max_ratio);
			return -1;
		}
	}
	p->zf = zip_fopen_index(x->zip, (zip_uint64_t)idx, 0);
	if (!p->zf) {
		seterr(x, _("%s: cannot read (zip: %s)"), member, zip_strerror(x->zip));
		return -1;
	}
	if (!with_reader)
		return 1;
	/* No XML_PARSE_NOENT, DTDLOAD, DTDATTR or HUGE: entities stay unexpanded, nothing external
	 * is fetched, and libxml2's own size limits stay on. */
	p->rd = xmlReaderForIO(io_read, io_close, p, member, NULL, XML_PARSE_NONET | XML_PARSE_COMPACT);
	if (!p->rd) {
		zip_fclose(p->zf);
		p->zf = NULL;
		oom(x);
		return -1;
	}
	xmlTextReaderSetStructuredErrorHandler(p->rd, on_xml_error, p);
	return 1;
}

/* Turns a reader step's result into 1 (a node), 0 (end of document) or -1 (message set). */
static int part_check(sn_xlsx *x, struct part *p, int r)
{
	if (r == 1 && xmlTextReaderNodeType(p->rd) == XML_READER_TYPE_DOCUMENT_TYPE) {
		seterr(x, _("%s: DOCTYPE refused (XLSX parts never declare one; entities could be an "
			  "attack)"),
		       p->member);
		return -1;
	}
	if (r >= 0 && !p->io_failed)
		return r;
	if (p->io_failed)
		seterr(x, "%s: %s", p->member, p->io_msg);
	else if (p->xml_msg[0])
		seterr(x, "%s:%d: %s", p->member, p->xml_line, p->xml_msg);
	else
		seterr(x, _("%s: malformed XML"), p->member);
	return -1;
}

static int part_read(sn_xlsx *x, struct part *p)
{
	return part_check(x, p, xmlTextReaderRead(p->rd));
}

static int node_is(xmlTextReaderPtr rd, int type, const char *local)
{
	const xmlChar *name;

	if (xmlTextReaderNodeType(rd) != type)
		return 0;
	name = xmlTextReaderConstLocalName(rd);
	return name && strcmp((const char *)name, local) == 0;
}

static int is_text(xmlTextReaderPtr rd)
{
	int t = xmlTextReaderNodeType(rd);

	return t == XML_READER_TYPE_TEXT || t == XML_READER_TYPE_CDATA ||
	       t == XML_READER_TYPE_WHITESPACE || t == XML_READER_TYPE_SIGNIFICANT_WHITESPACE;
}

/* Copies the attributes of the current element whose local names are in NAMES into the matching
 * OUT buffers (each OUTLEN bytes, "" when absent, truncated when longer). Local names ignore the
 * namespace prefix, so r:id and the Strict-OOXML spelling both match "id". Returns -1 only when
 * the attribute value could not be built (out of memory). */
static int get_attrs(xmlTextReaderPtr rd, const char *const *names, char **out, size_t outlen,
		     size_t n)
{
	size_t i;
	int r;

	for (i = 0; i < n; i++)
		out[i][0] = '\0';
	for (r = xmlTextReaderMoveToFirstAttribute(rd); r == 1; r = xmlTextReaderMoveToNextAttribute(rd)) {
		const xmlChar *ln = xmlTextReaderConstLocalName(rd);

		for (i = 0; ln && i < n; i++) {
			if (strcmp((const char *)ln, names[i]) == 0) {
				const xmlChar *v = xmlTextReaderConstValue(rd);

				if (!v) {
					xmlTextReaderMoveToElement(rd);
					return -1;
				}
				snprintf(out[i], outlen, "%s", (const char *)v);
			}
		}
	}
	xmlTextReaderMoveToElement(rd);
	return r < 0 ? -1 : 0;
}

/* Like get_attrs for one attribute of unbounded length, returned malloc'ed (NULL if absent or out
 * of memory; *OOM tells which). */
static char *get_attr_dup(xmlTextReaderPtr rd, const char *name, int *oomp)
{
	char *res = NULL;
	int r;

	*oomp = 0;
	for (r = xmlTextReaderMoveToFirstAttribute(rd); r == 1; r = xmlTextReaderMoveToNextAttribute(rd)) {
		const xmlChar *ln = xmlTextReaderConstLocalName(rd);

		if (ln && strcmp((const char *)ln, name) == 0) {
			const xmlChar *v = xmlTextReaderConstValue(rd);

			free(res);
			res = v ? dupstr((const char *)v) : NULL;
			if (!res)
				*oomp = 1;
			break;
		}
	}
	xmlTextReaderMoveToElement(rd);
	return res;
}

/* ---- open: workbook, relationships, shared strings --------------------------------------- */

static int read_workbook(sn_xlsx *x)
{
	struct part p;
	size_t cap = 0;
	int r = part_open(x, &p, WORKBOOK_PART, 1);

	if (r == 0)
		seterr(x, _("not a valid XLSX file (no %s)"), WORKBOOK_PART);
	if (r <= 0)
		return -1;
	while ((r = part_read(x, &p)) == 1) {
		int oom1 = 0, oom2 = 0;
		char *name, *rid;

		if (!node_is(p.rd, XML_READER_TYPE_ELEMENT, "sheet"))
			continue;
		name = get_attr_dup(p.rd, "name", &oom1);
		rid = get_attr_dup(p.rd, "id", &oom2);
		if (oom1 || oom2 || !name) {
			free(name);
			free(rid);
			if (oom1 || oom2)
				oom(x);
			else
				seterr(x, _("%s: a sheet without a name"), WORKBOOK_PART);
			r = -1;
			break;
		}
		if (x->nsheets == cap) {
			size_t ncap = cap ? cap * 2 : 8;
			struct sheet *s = realloc(x->sheets, ncap * sizeof *s);

			if (!s) {
				free(name);
				free(rid);
				oom(x);
				r = -1;
				break;
			}
			x->sheets = s;
			cap = ncap;
		}
		x->sheets[x->nsheets].name = name;
		x->sheets[x->nsheets].rid = rid;
		x->sheets[x->nsheets].part = NULL;
		x->nsheets++;
	}
	part_close(&p);
	return r < 0 ? -1 : 0;
}

/* Resolves a relationship target to a member name. Targets are relative to the workbook part's
 * folder ("worksheets/sheet1.xml") or absolute within the package ("/xl/worksheets/sheet1.xml");
 * "." and ".." segments are folded since zip member names are literal. */
static char *resolve_target(const char *target)
{
	const char *base = target[0] == '/' ? "" : "xl/";
	size_t blen = strlen(base), tlen = strlen(target);
	char *full = malloc(blen + tlen + 1), *out;
	size_t i = 0, o = 0;

	if (!full)
		return NULL;
	memcpy(full, base, blen);
	memcpy(full + blen, target, tlen + 1);
	out = full; /* folding only ever shortens, so it can work in place */
	while (full[i]) {
		size_t j = i, seg;

		while (full[j] && full[j] != '/')
			j++;
		seg = j - i;
		if (seg == 0 || (seg == 1 && full[i] == '.')) {
			/* empty or "." segment: drop */
		} else if (seg == 2 && full[i] == '.' && full[i + 1] == '.') {
			while (o > 0 && out[o - 1] != '/')
				o--;
			if (o > 0)
				o--;
			while (o > 0 && out[o - 1] != '/')
				o--;
		} else {
			if (o > 0 && out[o - 1] != '/')
				out[o++] = '/';
			memmove(out + o, full + i, seg);
			o += seg;
		}
		i = full[j] ? j + 1 : j;
	}
	if (o > 0 && out[o - 1] == '/')
		o--;
	out[o] = '\0';
	return out;
}

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* Reads the workbook's relationships: the member of each sheet and of the shared strings. */
static int read_rels(sn_xlsx *x, char **sst_part)
{
	struct part p;
	int r = part_open(x, &p, WORKBOOK_RELS, 1);

	if (r == 0)
		seterr(x, _("not a valid XLSX file (no %s)"), WORKBOOK_RELS);
	if (r <= 0)
		return -1;
	while ((r = part_read(x, &p)) == 1) {
		char *id, *target, *type, *mode;
		int o1, o2, o3, o4;
		size_t i;

		if (!node_is(p.rd, XML_READER_TYPE_ELEMENT, "Relationship"))
			continue;
		id = get_attr_dup(p.rd, "Id", &o1);
		target = get_attr_dup(p.rd, "Target", &o2);
		type = get_attr_dup(p.rd, "Type", &o3);
		mode = get_attr_dup(p.rd, "TargetMode", &o4);
		if (o1 || o2 || o3 || o4) {
			oom(x);
			r = -1;
		} else if (id && target && !(mode && strcmp(mode, "External") == 0)) {
			for (i = 0; i < x->nsheets && r == 1; i++) {
				if (x->sheets[i].rid && !x->sheets[i].part &&
				    strcmp(x->sheets[i].rid, id) == 0) {
					x->sheets[i].part = resolve_target(target);
					if (!x->sheets[i].part) {
						oom(x);
						r = -1;
					}
				}
			}
			if (r == 1 && type && ends_with(type, "/sharedStrings") && !*sst_part) {
				*sst_part = resolve_target(target);
				if (!*sst_part) {
					oom(x);
					r = -1;
				}
			}
		}
		free(id);
		free(target);
		free(type);
		free(mode);
		if (r < 0)
			break;
	}
	part_close(&p);
	return r < 0 ? -1 : 0;
}

static int sst_push(sn_xlsx *x, size_t off)
{
	if (x->nsst == x->sst_cap) {
		size_t ncap = x->sst_cap ? x->sst_cap * 2 : 1024;
		size_t *o = realloc(x->sst_off, ncap * sizeof *o);

		if (!o)
			return -1;
		x->sst_off = o;
		x->sst_cap = ncap;
	}
	x->sst_off[x->nsst++] = off;
	return 0;
}

/* Reads the shared-string table. Each <si> is one string: a plain <t>, or rich-text runs
 * <r><t>..</t></r> whose texts are concatenated; <rPh> runs are phonetic guides for East-Asian
 * text, not part of the value, so they are skipped. */
static int read_sst(sn_xlsx *x, const char *member)
{
	struct part p;
	int r = part_open(x, &p, member, 1);
	int in_si = 0, in_t = 0, rph = 0;
	size_t start = 0;

	if (r <= 0)
		return r; /* an absent table is fine: a workbook of numbers has none */
	while ((r = part_read(x, &p)) == 1) {
		int type = xmlTextReaderNodeType(p.rd);

		if (type == XML_READER_TYPE_ELEMENT) {
			const char *n = (const char *)xmlTextReaderConstLocalName(p.rd);
			int empty = xmlTextReaderIsEmptyElement(p.rd);

			if (!n)
				continue;
			if (strcmp(n, "si") == 0) {
				if (x->nsst >= x->lim.max_shared_strings) {
					seterr(x, _("%s: more than %zu shared strings (max_shared_strings)"), member,
					       x->lim.max_shared_strings);
					r = -1;
					break;
				}
				start = x->sst.len;
				in_si = 1;
				in_t = 0;
				rph = 0;
				if (empty) {
					in_si = 0;
					if (buf_nul(&x->sst) || sst_push(x, start)) {
						oom(x);
						r = -1;
						break;
					}
				}
			} else if (in_si && !empty && strcmp(n, "t") == 0) {
				in_t = 1;
			} else if (in_si && !empty && strcmp(n, "rPh") == 0) {
				rph++;
			}
		} else if (type == XML_READER_TYPE_END_ELEMENT) {
			const char *n = (const char *)xmlTextReaderConstLocalName(p.rd);

			if (!n || !in_si)
				continue;
			if (strcmp(n, "t") == 0) {
				in_t = 0;
			} else if (strcmp(n, "rPh") == 0) {
				if (rph > 0)
					rph--;
			} else if (strcmp(n, "si") == 0) {
				in_si = 0;
				if (buf_nul(&x->sst) || sst_push(x, start)) {
					oom(x);
					r = -1;
					break;
				}
			}
		} else if (in_si && in_t && rph == 0 && is_text(p.rd)) {
			const char *v = (const char *)xmlTextReaderConstValue(p.rd);

			if (v && sn_buf_add(&x->sst, v, strlen(v))) {
				oom(x);
				r = -1;
				break;
			}
		}
	}
	part_close(&p);
	return r < 0 ? -1 : 1;
}

/* Explains a zip_open failure; an OLE2 file is named as such because "not a zip archive" would
 * puzzle someone holding an old .xls or a password-protected workbook (both are OLE2). */
static void explain_open_error(sn_xlsx *x, int code, int sys)
{
	zip_error_t ze;
	static const unsigned char ole2[8] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };

	if (code == ZIP_ER_NOZIP) {
		unsigned char head[8];
		FILE *f = fopen(x->path, "rb");
		int is_ole2 = 0;

		if (f) {
			is_ole2 = fread(head, 1, sizeof head, f) == sizeof head &&
				  memcmp(head, ole2, sizeof head) == 0;
			fclose(f);
		}
		if (is_ole2) {
			seterr(x, _("not a valid XLSX file (an OLE2 file: an old .xls or a password-protected "
				  "workbook; save it as .xlsx without a password)"));
			return;
		}
	}
	zip_error_init_with_code(&ze, code);
	/* zip_error_init_with_code takes errno for system errors; keep the one from zip_open. */
	if (zip_error_system_type(&ze) == ZIP_ET_SYS)
		ze.sys_err = sys;
	if (code == ZIP_ER_OPEN || code == ZIP_ER_NOENT || code == ZIP_ER_READ || code == ZIP_ER_MEMORY)
		seterr(x, _("cannot open (zip: %s)"), zip_error_strerror(&ze));
	else
		seterr(x, _("not a valid XLSX file (zip: %s)"), zip_error_strerror(&ze));
	zip_error_fini(&ze);
}

sn_xlsx *sn_xlsx_open(const char *path, const struct sn_xlsx_limits *limits, char *err, size_t errlen)
{
	sn_xlsx *x = calloc(1, sizeof *x);
	char *sst_part = NULL;
	int code = 0, r;

	if (err && errlen)
		err[0] = '\0';
	if (!x || !(x->path = dupstr(path))) {
		free(x);
		if (err && errlen)
			snprintf(err, errlen, _("'%s': out of memory"), path);
		return NULL;
	}
	if (limits)
		x->lim = *limits;
	/* Zero means "the default", so a caller can set one limit and leave the rest. */
	if (!x->lim.max_part_bytes)
		x->lim.max_part_bytes = DEF_MAX_PART_BYTES;
	if (!x->lim.max_ratio)
		x->lim.max_ratio = DEF_MAX_RATIO;
	if (!x->lim.max_cells)
		x->lim.max_cells = DEF_MAX_CELLS;
	if (!x->lim.max_columns)
		x->lim.max_columns = DEF_MAX_COLUMNS;
	if (!x->lim.max_shared_strings)
		x->lim.max_shared_strings = DEF_MAX_SHARED_STRINGS;
	if (!x->lim.max_held_bytes)
		x->lim.max_held_bytes = DEF_MAX_HELD_BYTES;

	errno = 0;
	x->zip = zip_open(path, ZIP_RDONLY, &code);
	if (!x->zip) {
		explain_open_error(x, code, errno);
		goto fail;
	}
	if (read_workbook(x) < 0 || read_rels(x, &sst_part) < 0)
		goto fail;
	r = read_sst(x, sst_part ? sst_part : DEFAULT_SST_PART);
	if (r < 0)
		goto fail;
	free(sst_part);
	return x;
fail:
	free(sst_part);
	if (err && errlen)
		snprintf(err, errlen, "%s", x->err);
	sn_xlsx_close(x);
	return NULL;
}

size_t sn_xlsx_sheet_count(const sn_xlsx *x)
{
	return x ? x->nsheets : 0;
}

const char *sn_xlsx_sheet_name(const sn_xlsx *x, size_t i)
{
	return x && i < x->nsheets ? x->sheets[i].name : NULL;
}

const char *sn_xlsx_error(const sn_xlsx *x)
{
	return x ? x->err : "";
}

/* ---- the selected sheet ------------------------------------------------------------------ */

static const char *sheet_name(const sn_xlsx *x)
{
	return x->sheets[x->cur].name;
}

static void sheet_reset(sn_xlsx *x)
{
	size_t i;

	if (x->sp_open)
		part_close(&x->sp);
	x->sp_open = 0;
	for (i = 0; i < x->nmerges; i++)
		free(x->merges[i].value);
	free(x->merges);
	free(x->active);
	x->merges = NULL;
	x->active = NULL;
	x->nmerges = x->merges_cap = x->next_merge = x->nactive = 0;
	x->held = 0;
	sn_buf_release(&x->hold);
	memset(&x->hold, 0, sizeof x->hold);
	x->hold_pos = 0;
	x->in_sheetdata = 0;
	x->xml_row = x->out_row = 0;
	x->next_row = 0;
	x->cells_seen = 0;
	x->width = x->ncells = 0;
	x->selected = 0;
}

static int merge_cmp(const void *a, const void *b)
{
	const struct merge *m = a, *n = b;

	return (m->r1 > n->r1) - (m->r1 < n->r1);
}

static int add_merge(sn_xlsx *x, const char *ref)
{
	char first[64];
	const char *colon = strchr(ref, ':');
	const char *second = colon ? colon + 1 : ref;
	size_t n = colon ? (size_t)(colon - ref) : strlen(ref);
	struct merge m;

	memset(&m, 0, sizeof m);
	if (n >= sizeof first || parse_ref(second, &m.c2, &m.r2) < 0)
		goto bad;
	memcpy(first, ref, n);
	first[n] = '\0';
	if (parse_ref(first, &m.c1, &m.r1) < 0 || m.r1 < 1 || m.r2 < 1)
		goto bad;
	if (m.r1 > m.r2) {
		long t = m.r1;
		m.r1 = m.r2;
		m.r2 = t;
	}
	if (m.c1 > m.c2) {
		size_t t = m.c1;
		m.c1 = m.c2;
		m.c2 = t;
	}
	if (m.c2 >= x->lim.max_columns) {
		seterr(x, _("sheet '%s': merged range %s goes beyond the limit of %zu columns (max_columns)"),
		       sheet_name(x), ref, x->lim.max_columns);
		return -1;
	}
	if (m.r1 == m.r2 && m.c1 == m.c2)
		return 0; /* a one-cell "merge" has nothing to fill */
	if (x->nmerges >= x->lim.max_cells) {
		seterr(x, _("sheet '%s': more than %zu merged ranges (max_cells)"), sheet_name(x),
		       x->lim.max_cells);
		return -1;
	}
	if (x->nmerges == x->merges_cap) {
		size_t ncap = x->merges_cap ? x->merges_cap * 2 : 64;
		struct merge *v = realloc(x->merges, ncap * sizeof *v);

		if (!v) {
			oom(x);
			return -1;
		}
		x->merges = v;
		x->merges_cap = ncap;
	}
	x->merges[x->nmerges++] = m;
	return 0;
bad:
	seterr(x, _("sheet '%s': bad merged range '%s'"), sheet_name(x), ref);
	return -1;
}

/* Orders the collected ranges by first row, for filling. */
static int merges_ready(sn_xlsx *x)
{
	if (x->nmerges) {
		qsort(x->merges, x->nmerges, sizeof *x->merges, merge_cmp);
		x->active = malloc(x->nmerges * sizeof *x->active);
		if (!x->active) {
			oom(x);
			return -1;
		}
	}
	return 0;
}

/* State of the first pass, which libxml2 calls back with SAX events. */
struct merge_scan {
	sn_xlsx *x;
	xmlParserCtxtPtr ctxt;
	int failed;  /* x->err is set */
	int doctype;
	int line;
	char msg[256];

	/* The one pass (hold_sheet) also reads the rows into HOLD, exactly as the pull reader
	 * reads them (read_row_xml, read_cell), for the shape every writer produces: <row> children
	 * of <sheetData>, <c> children of <row>. Any other shape, or any error, makes the pass give
	 * way to the two-pass reading (IRREGULAR), which then reads it as it always has. */
	int hold;
	int irregular;
	int depth;          /* of the element being started or ended; the root is 1 */
	int sheetdata;      /* 0 before <sheetData>, 1 inside it (at SD_DEPTH), 2 after it */
	int sd_depth;
	int in_row, in_c;
	size_t next_col, col;
	char ref[32], type[32];
	size_t start;       /* arena offset of the cell's text */
	int in_v, in_is, in_t, rph;
};

static void row_begin(sn_xlsx *x);
static int row_set(sn_xlsx *x, size_t col, size_t off, int isnum);
static int count_cell(sn_xlsx *x, const char *ref);
static size_t cell_value(sn_xlsx *x, const char *type, size_t start, const char *ref, int *isnum);
static int hold_row(sn_xlsx *x);

static void hold_stop(struct merge_scan *ms)
{
	ms->irregular = 1;
	xmlStopParser(ms->ctxt);
}

/* Copies the value of the last attribute named NAME (local name, as get_attrs matches it) into
 * OUT, cut to OUTLEN - 1 bytes as get_attrs cuts it. Returns -1 for a value holding '&' (SAX and
 * the reader may spell it differently): the pass gives way. */
static int sax_attr(int nb, const xmlChar **attrs, const char *name, char *out, size_t outlen)
{
	out[0] = '\0';
	for (int i = 0; i < nb; i++) {
		const xmlChar **a = attrs + 5 * i;
		size_t n = (size_t)(a[4] - a[3]);

		if (strcmp((const char *)a[0], name) != 0)
			continue;
		if (memchr(a[3], '&', n))
			return -1;
		if (n >= outlen)
			n = outlen - 1;
		memcpy(out, a[3], n);
		out[n] = '\0';
	}
	return 0;
}

/* The start of an element, for the rows: as seek_row, read_row_xml and read_cell take it. */
static void hold_start(struct merge_scan *ms, const char *name, int nb, const xmlChar **attrs)
{
	sn_xlsx *x = ms->x;

	if (strcmp(name, "sheetData") == 0) {
		if (ms->sheetdata != 0 || ms->in_row)
			return hold_stop(ms);
		ms->sheetdata = 1;
		ms->sd_depth = ms->depth;
	} else if (strcmp(name, "row") == 0) {
		char num[32];
		long n;

		if (ms->sheetdata != 1 || ms->in_row || ms->depth != ms->sd_depth + 1 ||
		    sax_attr(nb, attrs, "r", num, sizeof num) < 0)
			return hold_stop(ms);
		if (!num[0])
			n = x->xml_row + 1;
		else if (parse_rownum(num, &n) < 0)
			return hold_stop(ms);
		if (n <= x->xml_row)
			return hold_stop(ms);
		x->xml_row = n;
		x->next_row = n;
		row_begin(x);
		if (buf_nul(&x->arena))
			return hold_stop(ms);
		ms->in_row = 1;
		ms->next_col = 0;
	} else if (strcmp(name, "c") == 0) {
		long refrow;

		if (!ms->in_row || ms->in_c || ms->depth != ms->sd_depth + 2 ||
		    sax_attr(nb, attrs, "r", ms->ref, sizeof ms->ref) < 0 ||
		    sax_attr(nb, attrs, "t", ms->type, sizeof ms->type) < 0)
			return hold_stop(ms);
		if (ms->ref[0]) {
			if (parse_ref(ms->ref, &ms->col, &refrow) < 0)
				return hold_stop(ms);
		} else {
			char cn[16];

			ms->col = ms->next_col;
			col_name(ms->col, cn, sizeof cn);
			snprintf(ms->ref, sizeof ms->ref, "%s%ld", cn, x->next_row);
		}
		if (ms->col >= x->lim.max_columns || count_cell(x, ms->ref) < 0)
			return hold_stop(ms);
		ms->start = x->arena.len;
		ms->in_v = ms->in_is = ms->in_t = ms->rph = 0;
		ms->in_c = 1;
	} else if (ms->in_c) {
		if (strcmp(name, "v") == 0)
			ms->in_v = 1;
		else if (strcmp(name, "is") == 0)
			ms->in_is = 1;
		else if (ms->in_is && strcmp(name, "t") == 0)
			ms->in_t = 1;
		else if (ms->in_is && strcmp(name, "rPh") == 0)
			ms->rph++;
	}
}

static void hold_end(struct merge_scan *ms, const char *name)
{
	sn_xlsx *x = ms->x;

	if (ms->in_c) {
		if (strcmp(name, "c") == 0) {
			int isnum = 0;
			size_t off;

			if (buf_nul(&x->arena))
				return hold_stop(ms);
			off = cell_value(x, ms->type, ms->start, ms->ref, &isnum);
			if (off == (size_t)-1)
				return hold_stop(ms);
			if (off == 0)
				isnum = 0;
			if (row_set(x, ms->col, off, isnum) < 0)
				return hold_stop(ms);
			ms->next_col = ms->col + 1;
			ms->in_c = 0;
		} else if (strcmp(name, "v") == 0) {
			ms->in_v = 0;
		} else if (strcmp(name, "is") == 0) {
			ms->in_is = 0;
		} else if (strcmp(name, "t") == 0) {
			ms->in_t = 0;
		} else if (strcmp(name, "rPh") == 0 && ms->rph > 0) {
			ms->rph--;
		}
	} else if (ms->in_row && strcmp(name, "row") == 0) {
		if (ms->depth != ms->sd_depth + 1 || hold_row(x) != 0)
			return hold_stop(ms);
		ms->in_row = 0;
	} else if (ms->sheetdata == 1 && strcmp(name, "sheetData") == 0) {
		if (ms->depth != ms->sd_depth)
			return hold_stop(ms);
		ms->sheetdata = 2;
	}
}

static void scan_end(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri)
{
	struct merge_scan *ms = ctx;

	(void)prefix;
	(void)uri;
	if (ms->hold && !ms->failed && !ms->irregular)
		hold_end(ms, (const char *)localname);
	ms->depth--;
}

/* Text of a cell's <v>, or of its inline string's <t> outside phonetic runs (as read_cell). */
static void scan_text(void *ctx, const xmlChar *s, int len)
{
	struct merge_scan *ms = ctx;

	if (ms->failed || ms->irregular || !ms->in_c || !(ms->in_v || (ms->in_t && ms->rph == 0)))
		return;
	if (len > 0 && sn_buf_add(&ms->x->arena, (const char *)s, (size_t)len))
		hold_stop(ms);
}

static void scan_element(void *ctx, const xmlChar *localname, const xmlChar *prefix,
			 const xmlChar *uri, int nb_namespaces, const xmlChar **namespaces,
			 int nb_attributes, int nb_defaulted, const xmlChar **attrs)
{
	struct merge_scan *ms = ctx;
	int i;

	(void)prefix;
	(void)uri;
	(void)nb_namespaces;
	(void)namespaces;
	(void)nb_defaulted;
	ms->depth++;
	if (ms->hold && !ms->failed && !ms->irregular)
		hold_start(ms, (const char *)localname, nb_attributes, attrs);
	if (ms->failed || strcmp((const char *)localname, "mergeCell") != 0)
		return;
	/* attrs holds (localname, prefix, URI, value, value end) per attribute; values are not
	 * NUL-terminated. */
	for (i = 0; i < nb_attributes; i++) {
		const xmlChar **a = attrs + 5 * i;
		char ref[80];
		size_t n = (size_t)(a[4] - a[3]);

		if (strcmp((const char *)a[0], "ref") != 0)
			continue;
		if (n >= sizeof ref)
			n = sizeof ref - 1; /* too long to be a range: add_merge reports it */
		memcpy(ref, a[3], n);
		ref[n] = '\0';
		if (n && add_merge(ms->x, ref) < 0) {
			ms->failed = 1;
			xmlStopParser(ms->ctxt);
		}
	}
}

/* Called when a DOCTYPE starts, before any of its declarations is processed. */
static void scan_doctype(void *ctx, const xmlChar *name, const xmlChar *ext_id, const xmlChar *sys_id)
{
	struct merge_scan *ms = ctx;

	(void)name;
	(void)ext_id;
	(void)sys_id;
	ms->doctype = 1;
	xmlStopParser(ms->ctxt);
}

static void scan_error(void *ctx, xmlErrorPtr e)
{
	struct merge_scan *ms = ctx;
	struct part tmp;

	/* Reuse the reader's handler for its message clean-up. */
	memset(&tmp, 0, sizeof tmp);
	on_xml_error(&tmp, e);
	if (tmp.xml_msg[0]) {
		ms->line = tmp.xml_line;
		snprintf(ms->msg, sizeof ms->msg, "%s", tmp.xml_msg);
	}
}

/* A pass over the sheet with libxml2's SAX interface: building no nodes at all, it reads the
 * member in about half the time the pull reader takes, and it sees every element so nothing about
 * the document is guessed. It collects the merged ranges, and with HOLD the rows as well.
 *
 * Without HOLD it is the first of two passes (<mergeCells> comes after <sheetData>, but filling
 * needs the ranges from the first row on): returns 0, or -1 with the message set.
 * With HOLD it is the one pass: returns 1 when it read the whole part and held every row, 0 when
 * it gives way to the two passes (any error, or a shape it leaves to the reader; nothing is
 * reported), -1 when the part cannot be opened (message set, as the two passes would set it). */
static int collect_merges(sn_xlsx *x, const char *member, int hold)
{
	struct part p;
	struct merge_scan ms;
	xmlSAXHandler sax;
	char buf[16384];
	int r = part_open(x, &p, member, 0), n = 0;

	if (r == 0)
		seterr(x, _("sheet '%s': part %s is missing from the archive"), sheet_name(x), member);
	if (r <= 0)
		return -1;
	memset(&ms, 0, sizeof ms);
	memset(&sax, 0, sizeof sax);
	ms.x = x;
	ms.hold = hold;
	sax.initialized = XML_SAX2_MAGIC;
	sax.startElementNs = scan_element;
	sax.internalSubset = scan_doctype;
	sax.serror = scan_error;
	if (hold) {
		sax.endElementNs = scan_end;
		sax.characters = scan_text;
		sax.cdataBlock = scan_text;
		sax.ignorableWhitespace = scan_text;
	}
	ms.ctxt = xmlCreatePushParserCtxt(&sax, &ms, NULL, 0, member);
	if (!ms.ctxt) {
		part_close(&p);
		oom(x);
		return -1;
	}
	/* As for the reader: no entity substitution, no DTD loading, no network. */
	xmlCtxtUseOptions(ms.ctxt, XML_PARSE_NONET);
	while (!ms.failed && !ms.doctype && !ms.irregular && ms.ctxt->wellFormed &&
	       (n = io_read(&p, buf, (int)sizeof buf)) > 0)
		xmlParseChunk(ms.ctxt, buf, n, 0);
	if (n == 0 && !ms.failed && !ms.doctype && !ms.irregular && ms.ctxt->wellFormed)
		xmlParseChunk(ms.ctxt, NULL, 0, 1);
	r = 0;
	if (hold) {
		r = !ms.failed && !ms.doctype && !ms.irregular && !p.io_failed && n == 0 &&
		    ms.ctxt->wellFormed && !ms.msg[0] && ms.sheetdata != 1 && !ms.in_row;
		xmlFreeParserCtxt(ms.ctxt);
		part_close(&p);
		return r;
	}
	if (ms.failed) {
		r = -1;
	} else if (ms.doctype) {
		seterr(x, _("%s: DOCTYPE refused (XLSX parts never declare one; entities could be an "
			  "attack)"), member);
		r = -1;
	} else if (p.io_failed) {
		seterr(x, "%s: %s", member, p.io_msg);
		r = -1;
	} else if (!ms.ctxt->wellFormed) {
		if (ms.msg[0])
			seterr(x, "%s:%d: %s", member, ms.line, ms.msg);
		else
			seterr(x, _("%s: malformed XML"), member);
		r = -1;
	}
	xmlFreeParserCtxt(ms.ctxt);
	part_close(&p);
	if (r < 0)
		return -1;
	return merges_ready(x);
}

static int hold_sheet(sn_xlsx *x, const char *member);

static int select_sheet(sn_xlsx *x, size_t i)
{
	struct sheet *s = &x->sheets[i];
	int r;

	sheet_reset(x);
	x->cur = i;
	x->selected = 1;
	x->state = ST_FAILED;
	if (!s->part) {
		seterr(x, _("sheet '%s' has no worksheet part (relationship '%s' not found)"), s->name,
		       s->rid ? s->rid : "");
		return -1;
	}
	r = hold_sheet(x, s->part);
	if (r < 0)
		return -1;
	if (r > 0) {
		x->state = ST_SEEK;
		x->err[0] = '\0';
		return 0;
	}
	if (collect_merges(x, s->part, 0) < 0)
		return -1;
	r = part_open(x, &x->sp, s->part, 1);
	if (r == 0)
		seterr(x, _("sheet '%s': part %s is missing from the archive"), s->name, s->part);
	if (r <= 0)
		return -1;
	x->sp_open = 1;
	x->state = ST_SEEK;
	x->err[0] = '\0';
	return 0;
}

int sn_xlsx_select_index(sn_xlsx *x, size_t i)
{
	if (i >= x->nsheets) {
		sheet_reset(x);
		x->selected = 1;
		x->state = ST_FAILED;
		seterr(x, _("no sheet number %zu (the workbook has %zu)"), i + 1, x->nsheets);
		return -1;
	}
	return select_sheet(x, i);
}

int sn_xlsx_select(sn_xlsx *x, const char *name)
{
	char list[768];
	size_t i, len = 0;

	if (!name)
		return sn_xlsx_select_index(x, 0);
	for (i = 0; i < x->nsheets; i++)
		if (strcmp(x->sheets[i].name, name) == 0)
			return select_sheet(x, i);
	/* Quoted, because the names that fail to match are the ones with stray spaces. */
	list[0] = '\0';
	for (i = 0; i < x->nsheets; i++) {
		append(list, sizeof list, &len, i ? ", '" : "'");
		append(list, sizeof list, &len, x->sheets[i].name);
		append(list, sizeof list, &len, "'");
	}
	sheet_reset(x);
	x->selected = 1;
	x->state = ST_FAILED;
	seterr(x, _("no sheet named '%s' (sheets: %s)"), name, x->nsheets ? list : C_("no sheets", "none"));
	return -1;
}

/* Makes column COL of the current row hold the text at arena offset OFF. */
static int row_set(sn_xlsx *x, size_t col, size_t off, int isnum)
{
	size_t i;

	if (col >= x->cap) {
		size_t ncap = x->cap ? x->cap : 16;
		size_t *o;
		unsigned char *n;
		char **c;

		while (ncap <= col)
			ncap = ncap > SIZE_MAX / 2 / sizeof(char *) ? col + 1 : ncap * 2;
		o = realloc(x->off, ncap * sizeof *o);
		if (!o)
			return -1;
		x->off = o;
		n = realloc(x->isnum, ncap);
		if (!n)
			return -1;
		x->isnum = n;
		c = realloc(x->cells, ncap * sizeof *c);
		if (!c)
			return -1;
		x->cells = c;
		x->cap = ncap;
	}
	for (i = x->width; i < col; i++) {
		x->off[i] = 0;
		x->isnum[i] = 0;
	}
	if (col >= x->width)
		x->width = col + 1;
	x->off[col] = off;
	x->isnum[col] = (unsigned char)isnum;
	return 0;
}

static void row_begin(sn_xlsx *x)
{
	x->arena.len = 0;
	x->width = 0;
	x->ncells = 0;
}

static int count_cell(sn_xlsx *x, const char *ref)
{
	if (++x->cells_seen > x->lim.max_cells) {
		seterr(x, _("sheet '%s'!%s: more than %zu cells (max_cells)"), sheet_name(x), ref,
		       x->lim.max_cells);
		return -1;
	}
	return 0;
}

/* Sets the shared string, boolean or normalised number that the raw text at arena offset START
 * stands for. Returns the arena offset of the final text, or (size_t)-1 with the message set. */
static size_t cell_value(sn_xlsx *x, const char *type, size_t start, const char *ref, int *isnum)
{
	const char *raw = x->arena.p + start;
	const char *repl = NULL;
	char digits[32];

	*isnum = 0;
	if (!raw[0])
		return 0; /* an empty <v> is an empty cell whatever its type */
	if (strcmp(type, "s") == 0) {
		unsigned long long idx = 0;
		const char *s = raw;

		for (; *s >= '0' && *s <= '9'; s++)
			idx = idx > ULLONG_MAX / 10 - 1 ? ULLONG_MAX : idx * 10 + (unsigned)(*s - '0');
		if (*s) {
			seterr(x, _("sheet '%s'!%s: bad shared string index '%s'"), sheet_name(x), ref, raw);
			return (size_t)-1;
		}
		if (idx >= x->nsst) {
			seterr(x, _("sheet '%s'!%s: shared string index %s out of range (the workbook has %zu)"),
			       sheet_name(x), ref, raw, x->nsst);
			return (size_t)-1;
		}
		repl = x->sst.p + x->sst_off[idx];
	} else if (strcmp(type, "b") == 0) {
		if (strcmp(raw, "1") == 0)
			repl = "TRUE";
		else if (strcmp(raw, "0") == 0)
			repl = "FALSE";
	} else if (type[0] == '\0' || strcmp(type, "n") == 0) {
		*isnum = 1;
		if (integral_digits(raw, digits, sizeof digits))
			repl = digits;
	}
	/* "str" (formula text), "inlineStr", "e" (#N/A...) and "d" (ISO dates) keep their text. */
	if (repl) {
		x->arena.len = start;
		if (sn_buf_add(&x->arena, repl, strlen(repl)) || buf_nul(&x->arena)) {
			oom(x);
			return (size_t)-1;
		}
	}
	return start;
}

/* Reads one <c> element (the reader is on its start tag) into the current row. */
static int read_cell(sn_xlsx *x, size_t *next_col, long rownum)
{
	xmlTextReaderPtr rd = x->sp.rd;
	char ref[32], type[32], *outs[2] = { ref, type };
	static const char *const names[2] = { "r", "t" };
	int empty = xmlTextReaderIsEmptyElement(rd);
	int in_v = 0, in_is = 0, in_t = 0, rph = 0, isnum = 0, r;
	size_t col, start, off;
	long refrow;

	if (get_attrs(rd, names, outs, sizeof ref, 2) < 0) {
		oom(x);
		return -1;
	}
	if (ref[0]) {
		if (parse_ref(ref, &col, &refrow) < 0) {
			seterr(x, _("sheet '%s': row %ld: bad cell reference '%s'"), sheet_name(x), rownum, ref);
			return -1;
		}
	} else {
		/* A cell without a reference is the one after the previous cell. */
		char cn[16];

		col = *next_col;
		col_name(col, cn, sizeof cn);
		snprintf(ref, sizeof ref, "%s%ld", cn, rownum);
	}
	if (col >= x->lim.max_columns) {
		seterr(x, _("sheet '%s'!%s: column beyond the limit of %zu columns (max_columns)"),
		       sheet_name(x), ref, x->lim.max_columns);
		return -1;
	}
	if (count_cell(x, ref) < 0)
		return -1;
	start = x->arena.len;
	while (!empty) {
		int t;

		r = part_read(x, &x->sp);
		if (r <= 0) {
			if (r == 0)
				seterr(x, _("%s: document ends inside cell %s"), x->sp.member, ref);
			return -1;
		}
		t = xmlTextReaderNodeType(rd);
		if (t == XML_READER_TYPE_ELEMENT) {
			const char *n = (const char *)xmlTextReaderConstLocalName(rd);

			if (!n || xmlTextReaderIsEmptyElement(rd))
				continue;
			if (strcmp(n, "v") == 0)
				in_v = 1;
			else if (strcmp(n, "is") == 0)
				in_is = 1;
			else if (in_is && strcmp(n, "t") == 0)
				in_t = 1;
			else if (in_is && strcmp(n, "rPh") == 0)
				rph++;
		} else if (t == XML_READER_TYPE_END_ELEMENT) {
			const char *n = (const char *)xmlTextReaderConstLocalName(rd);

			if (!n)
				continue;
			if (strcmp(n, "c") == 0)
				break;
			if (strcmp(n, "v") == 0)
				in_v = 0;
			else if (strcmp(n, "is") == 0)
				in_is = 0;
			else if (strcmp(n, "t") == 0)
				in_t = 0;
			else if (strcmp(n, "rPh") == 0 && rph > 0)
				rph--;
		} else if ((in_v || (in_t && rph == 0)) && is_text(rd)) {
			/* <f> formulas are skipped: the cached <v> is the value the user saw. */
			const char *v = (const char *)xmlTextReaderConstValue(rd);

			if (v && sn_buf_add(&x->arena, v, strlen(v))) {
				oom(x);
				return -1;
			}
		}
	}
	if (buf_nul(&x->arena)) {
		oom(x);
		return -1;
	}
	off = cell_value(x, type, start, ref, &isnum);
	if (off == (size_t)-1)
		return -1;
	if (off == 0)
		isnum = 0;
	if (row_set(x, col, off, isnum) < 0) {
		oom(x);
		return -1;
	}
	*next_col = col + 1;
	return 0;
}

/* Brings the active merged ranges up to row R: adds those starting at or before R, drops those
 * that ended before it. Rows only go forward, so each range is added and dropped once. */
static void merges_advance(sn_xlsx *x, long R)
{
	size_t i, k = 0;

	for (i = 0; i < x->nactive; i++) {
		struct merge *m = &x->merges[x->active[i]];

		if (m->r2 >= R) {
			x->active[k++] = x->active[i];
		} else {
			free(m->value);
			m->value = NULL;
		}
	}
	x->nactive = k;
	for (; x->next_merge < x->nmerges && x->merges[x->next_merge].r1 <= R; x->next_merge++)
		if (x->merges[x->next_merge].r2 >= R)
			x->active[x->nactive++] = x->next_merge;
}

/* Records the top-left values of ranges starting in row R (just read), then fills every cell of R
 * that lies in a range with a value. */
static int merges_apply(sn_xlsx *x, long R)
{
	size_t i, c;
	char ref[40], cn[16];

	for (i = 0; i < x->nactive; i++) {
		struct merge *m = &x->merges[x->active[i]];

		if (m->r1 != R || m->captured)
			continue;
		m->captured = 1;
		if (m->c1 < x->width && x->arena.p[x->off[m->c1]]) {
			m->value = dupstr(x->arena.p + x->off[m->c1]);
			if (!m->value) {
				oom(x);
				return -1;
			}
			m->isnum = x->isnum[m->c1];
		}
	}
	for (i = 0; i < x->nactive; i++) {
		struct merge *m = &x->merges[x->active[i]];

		if (!m->value)
			continue;
		for (c = m->c1; c <= m->c2; c++) {
			size_t off = x->arena.len;

			if (R == m->r1 && c == m->c1)
				continue;
			col_name(c, cn, sizeof cn);
			snprintf(ref, sizeof ref, "%s%ld", cn, R);
			if (count_cell(x, ref) < 0)
				return -1;
			if (sn_buf_add(&x->arena, m->value, strlen(m->value)) || buf_nul(&x->arena) ||
			    row_set(x, c, off, m->isnum)) {
				oom(x);
				return -1;
			}
		}
	}
	return 0;
}

static void row_finish(sn_xlsx *x)
{
	size_t i, n = 0;

	for (i = 0; i < x->width; i++)
		if (x->arena.p[x->off[i]])
			n = i + 1;
	for (i = 0; i < n; i++)
		x->cells[i] = x->arena.p + x->off[i];
	x->ncells = n;
}

/* The next held row: its number (ST_AT_ROW), or ST_END after the last. */
static int held_seek(sn_xlsx *x)
{
	long n;

	if (x->hold_pos >= x->hold.len) {
		x->next_row = LONG_MAX;
		x->state = ST_END;
		return 0;
	}
	memcpy(&n, x->hold.p + x->hold_pos, sizeof n);
	x->xml_row = n;
	x->next_row = n;
	x->state = ST_AT_ROW;
	return 0;
}

/* Makes the held row at hold_pos the current row, as reading its XML made it. */
static int held_load(sn_xlsx *x)
{
	const char *p = x->hold.p + x->hold_pos + sizeof(long);
	size_t width, alen, i, off;

	memcpy(&width, p, sizeof width);
	memcpy(&alen, p + sizeof width, sizeof alen);
	p += 2 * sizeof(size_t);
	row_begin(x);
	if (sn_buf_add(&x->arena, p + width * (sizeof(size_t) + 1), alen)) {
		oom(x);
		return -1;
	}
	for (i = 0; i < width; i++) {
		memcpy(&off, p + i * sizeof off, sizeof off);
		if (row_set(x, i, off, (unsigned char)p[width * sizeof off + i]) < 0) {
			oom(x);
			return -1;
		}
	}
	x->hold_pos = (size_t)(p + width * (sizeof(size_t) + 1) + alen - x->hold.p);
	return 0;
}

/* Appends the current row (as read, before filling) to HOLD. Returns 0, 1 when HOLD would pass
 * max_held_bytes, -1 out of memory. */
static int hold_row(sn_xlsx *x)
{
	long n = x->next_row;
	size_t need = sizeof n + 2 * sizeof(size_t) + x->width * (sizeof(size_t) + 1) + x->arena.len;

	if (need > x->lim.max_held_bytes || x->hold.len > x->lim.max_held_bytes - need)
		return 1;
	if (sn_buf_add(&x->hold, (const char *)&n, sizeof n) ||
	    sn_buf_add(&x->hold, (const char *)&x->width, sizeof x->width) ||
	    sn_buf_add(&x->hold, (const char *)&x->arena.len, sizeof x->arena.len) ||
	    sn_buf_add(&x->hold, (const char *)x->off, x->width * sizeof *x->off) ||
	    sn_buf_add(&x->hold, (const char *)x->isnum, x->width) ||
	    sn_buf_add(&x->hold, x->arena.p, x->arena.len))
		return -1;
	return 0;
}

/* Moves the reader to the next <row> start tag (ST_AT_ROW) or past the last one (ST_END). */
static int seek_row(sn_xlsx *x)
{
	int r;

	if (x->held)
		return held_seek(x);
	while ((r = part_read(x, &x->sp)) == 1) {
		xmlTextReaderPtr rd = x->sp.rd;

		if (node_is(rd, XML_READER_TYPE_ELEMENT, "sheetData")) {
			if (xmlTextReaderIsEmptyElement(rd))
				break;
			x->in_sheetdata = 1;
		} else if (node_is(rd, XML_READER_TYPE_END_ELEMENT, "sheetData")) {
			break;
		} else if (x->in_sheetdata && node_is(rd, XML_READER_TYPE_ELEMENT, "row")) {
			char num[32], *outs[1] = { num };
			static const char *const names[1] = { "r" };
			long n;

			if (get_attrs(rd, names, outs, sizeof num, 1) < 0) {
				oom(x);
				return -1;
			}
			if (!num[0]) {
				n = x->xml_row + 1; /* rows without a number follow the previous one */
			} else if (parse_rownum(num, &n) < 0) {
				seterr(x, _("sheet '%s': bad row number '%s' after row %ld"), sheet_name(x), num,
				       x->xml_row);
				return -1;
			}
			/* Merged-range filling relies on rows arriving in order, as Excel writes them. */
			if (n <= x->xml_row) {
				seterr(x, _("sheet '%s': row %ld comes after row %ld (rows out of order)"),
				       sheet_name(x), n, x->xml_row);
				return -1;
			}
			x->xml_row = n;
			x->next_row = n;
			x->state = ST_AT_ROW;
			return 0;
		}
	}
	if (r < 0)
		return -1;
	x->next_row = LONG_MAX;
	x->state = ST_END;
	return 0;
}

/* Reads the cells of the <row> the reader is on into the current row. */
static int read_row_xml(sn_xlsx *x)
{
	xmlTextReaderPtr rd = x->sp.rd;
	size_t next_col = 0;
	int r;

	row_begin(x);
	if (buf_nul(&x->arena)) {
		oom(x);
		return -1;
	}
	if (!xmlTextReaderIsEmptyElement(rd)) {
		while ((r = part_read(x, &x->sp)) == 1) {
			if (node_is(rd, XML_READER_TYPE_END_ELEMENT, "row"))
				break;
			if (node_is(rd, XML_READER_TYPE_ELEMENT, "c") && read_cell(x, &next_col, x->next_row) < 0)
				return -1;
		}
		if (r <= 0) {
			if (r == 0)
				seterr(x, _("%s: document ends inside row %ld"), x->sp.member, x->next_row);
			return -1;
		}
	}
	return 0;
}

/* Reads the row at hand (ST_AT_ROW), from the reader or from HOLD, and fills its merged cells. */
static int read_row(sn_xlsx *x)
{
	if ((x->held ? held_load(x) : read_row_xml(x)) < 0)
		return -1;
	merges_advance(x, x->next_row);
	return merges_apply(x, x->next_row);
}

/* Cells that the merged ranges may fill at most: each range's area less its top-left cell. */
static size_t merges_fill_bound(const sn_xlsx *x)
{
	size_t total = 0, i;

	for (i = 0; i < x->nmerges; i++) {
		const struct merge *m = &x->merges[i];
		unsigned long long rows = (unsigned long long)(m->r2 - m->r1) + 1;
		unsigned long long cols = (unsigned long long)(m->c2 - m->c1) + 1;
		unsigned long long area = rows > ULLONG_MAX / cols ? ULLONG_MAX : rows * cols;

		if (area - 1 >= SIZE_MAX - total)
			return SIZE_MAX;
		total += (size_t)(area - 1);
	}
	return total;
}

/* The one pass over the sheet's part MEMBER (collect_merges with HOLD): every row into HOLD
 * and the merged ranges after them. Returns 1 when the sheet is held (rows are then produced
 * from HOLD), -1 when the part is missing or cannot be opened (message set), and 0 when the sheet
 * is to be read in two passes as before: its rows take more than max_held_bytes, or the pass met
 * an error or a shape it leaves to the reader (the two-pass reading reports it where it always
 * has), or the cells read and the cells its ranges may fill could pass max_cells (which that
 * reading reports at the cell that does). */
static int hold_sheet(sn_xlsx *x, const char *member)
{
	int r = collect_merges(x, member, 1);

	if (r < 0)
		return -1;
	if (r == 0 || x->cells_seen > x->lim.max_cells ||
	    merges_fill_bound(x) > x->lim.max_cells - x->cells_seen)
		goto again;
	if (merges_ready(x) < 0)
		return -1;
	x->held = 1;
	x->hold_pos = 0;
	x->in_sheetdata = 0;
	x->xml_row = x->out_row = x->next_row = 0;
	x->cells_seen = 0;
	x->width = x->ncells = 0;
	return 1;
again:
	/* Back to where select_sheet found it. */
	sheet_reset(x);
	x->selected = 1;
	x->state = ST_FAILED;
	x->err[0] = '\0';
	return 0;
}

/* Whether row G, absent from the XML, lies in a merged range whose top-left cell has a value; if
 * so builds it. Such rows exist when a writer omits the rows under a vertical merge. */
static int gap_row(sn_xlsx *x, long g)
{
	size_t i;
	int any = 0;

	merges_advance(x, g);
	for (i = 0; i < x->nactive && !any; i++)
		any = x->merges[x->active[i]].value != NULL;
	if (!any)
		return 0;
	row_begin(x);
	if (buf_nul(&x->arena)) {
		oom(x);
		return -1;
	}
	return merges_apply(x, g) < 0 ? -1 : 1;
}

int sn_xlsx_next(sn_xlsx *x, char ***cells, size_t *ncells, long *row)
{
	if (!x->selected && sn_xlsx_select_index(x, 0) < 0)
		return -1;
	for (;;) {
		int r;

		if (x->state == ST_FAILED)
			return -1;
		if (x->state == ST_DONE)
			return 0;
		if (x->state == ST_SEEK && seek_row(x) < 0)
			goto fail;
		if (x->nactive || x->next_merge < x->nmerges) {
			if (x->out_row < x->next_row - 1) {
				r = gap_row(x, x->out_row + 1);
				if (r < 0)
					goto fail;
				if (r > 0) {
					x->out_row++;
					row_finish(x);
					*cells = x->cells;
					*ncells = x->ncells;
					*row = x->out_row;
					return 1;
				}
			}
		}
		if (x->state == ST_END) {
			/* The rest of the part (mergeCells, page setup) was read in the first pass. */
			if (x->sp_open)
				part_close(&x->sp);
			x->sp_open = 0;
			x->state = ST_DONE;
			x->ncells = 0;
			return 0;
		}
		if (read_row(x) < 0)
			goto fail;
		x->out_row = x->next_row;
		x->state = ST_SEEK;
		row_finish(x);
		if (x->ncells) {
			*cells = x->cells;
			*ncells = x->ncells;
			*row = x->out_row;
			return 1;
		}
	}
fail:
	x->state = ST_FAILED;
	x->ncells = 0;
	return -1;
}

int sn_xlsx_cell_is_number(const sn_xlsx *x, size_t i)
{
	return x && i < x->ncells && x->isnum[i];
}

void sn_xlsx_close(sn_xlsx *x)
{
	size_t i;

	if (!x)
		return;
	sheet_reset(x);
	for (i = 0; i < x->nsheets; i++) {
		free(x->sheets[i].name);
		free(x->sheets[i].rid);
		free(x->sheets[i].part);
	}
	free(x->sheets);
	sn_buf_release(&x->sst);
	free(x->sst_off);
	sn_buf_release(&x->arena);
	free(x->off);
	free(x->isnum);
	free(x->cells);
	if (x->zip)
		zip_discard(x->zip);
	free(x->path);
	free(x);
}
