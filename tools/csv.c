/* csv.c - the streaming RFC 4180 CSV reader behind every CSV import (see csv.h for the contract).
 *
 * Input arrives through a read callback into one fixed 64 KiB buffer; a record is assembled in one
 * growable arena that is reused for every record, and the returned field pointers point into it.
 * So memory depends on the largest record (bounded by the limits), never on the number of records,
 * and there is no allocation per field or per record once the arena has grown to its working size.
 * The buffer is scanned in runs (a byte-class table tells where a run stops) and copied with
 * memcpy, so the read callback is called once per 64 KiB, not once per byte.
 *
 * Decisions beyond RFC 4180 (the inputs are spreadsheet exports, not hand-written RFC text):
 *  - Record ends: LF, CRLF, and also a lone CR (old Mac exports end lines with CR only). A CRLF
 *    split across two reads is still one line end. Line ends inside a quoted field are kept in
 *    the field byte for byte (CRLF stays CRLF) and counted as physical lines the same way.
 *  - A UTF-8 BOM (EF BB BF) is skipped only at the very start of the input; anywhere else it is
 *    data.
 *  - A quote in the middle of an unquoted field (ab"c) is taken literally, as spreadsheets do. A
 *    field is quoted only when its first byte is a quote (a space before it makes it unquoted).
 *  - Empty input (or a BOM alone) gives no record. A blank line gives a record of one empty field.
 *    A last record without a line end is still a record; "a," gives two fields, "a" and "".
 *  - Limits: a field may hold max_field bytes (after unquoting); a record max_fields fields. A zero
 *    in the limits means the default, like a NULL limits.
 *  - The delimiter may not be '"', CR or LF (sn_csv_new returns NULL for those). Delimiter 0 means
 *    "as the file says": a first line "sep=X" (what Excel writes to name it; the line is not a
 *    record, and the next line is line 2), else whichever of ',', ';' and tab occurs most often
 *    outside quotes on the first line, ',' on a tie. Excel on a Vietnamese-locale Windows saves
 *    "CSV" with ';' (the comma is the decimal separator there), and "Unicode text" with tabs.
 *  - A NUL byte is refused wherever it is ("a NUL byte inside a field"): a C string would end
 *    there and the rest of the cell would be lost without a word.
 *  - After an error sn_csv_next keeps returning -1 with the same message; after the end, 0.
 *  - sn_csv_line returns 0 before the first record, and is not changed by an error or the end.
 *
 * Error messages (LINE is a physical line, 1-based, of the decoded input):
 *   "NAME:LINE: unterminated quoted field (opened here)"     LINE = where the quote opened
 *   "NAME:LINE: unexpected character after closing quote"    LINE = where that character is
 *   "NAME:LINE: field longer than N bytes"                   LINE = where the field begins
 *   "NAME:LINE: more than N fields in one record"            LINE = where the record begins
 *   "NAME:LINE: a NUL byte inside a field ..."                LINE = where the byte is
 *   "NAME: TEXT"  when the read callback fails and SOURCE_ERR gives TEXT (the source's own text
 *                 names its line, e.g. "units.csv: line 3: invalid byte 0xff for utf-8")
 *   "NAME:LINE: read error"  when the read callback fails and there is no SOURCE_ERR text
 *   "NAME: read callback returned more bytes than asked"
 *   "NAME:LINE: out of memory"
 * A NULL NAME is shown as "input".
 */
#include "csv.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "i18n.h"
#include "strbuf.h"
#include "banned.h"

#define SN_CSV_BUFSIZE (64 * 1024)
#define SN_CSV_DEFAULT_MAX_FIELD ((size_t)1024 * 1024)
#define SN_CSV_DEFAULT_MAX_FIELDS ((size_t)4096)

/* Where the parser is inside the record being assembled. A local of sn_csv_next, not reader state:
 * a record is always finished (or failed) within one call, so no state survives between calls
 * except the CR of a possible CRLF (skip_lf). */
enum csv_state {
	ST_FIELD_START, /* before the first byte of a field */
	ST_UNQUOTED,    /* inside a field that did not start with a quote */
	ST_QUOTED,      /* inside quotes */
	ST_QUOTE_SEEN   /* just after a quote inside quotes: closing, or first half of "" */
};

/* Byte classes for the run scanners: a run of ordinary bytes is copied in one memcpy. */
enum { CL_PLAIN = 0, CL_STOP = 1 };

struct sn_csv {
	sn_read_fn read;
	void *ctx;
	const char *(*source_err)(const void *ctx);
	char *name;
	char delim;
	size_t max_field;
	size_t max_fields;

	/* The fixed input buffer: bytes [pos, len) are not consumed yet. */
	char *in;
	size_t pos, len;
	int eof;        /* the callback returned 0; it is not called again */
	int bom_check;  /* nothing has been read yet, so a BOM may still come */
	int skip_lf;    /* the last record ended with CR: an LF right after it belongs to that CR */

	/* Stop tables: in an unquoted field the run stops at delim, CR, LF; in a quoted one at the
	 * quote, CR, LF (line ends are stops there only to count lines). */
	unsigned char stop_unq[256];
	unsigned char stop_q[256];

	/* The record arena: each field's bytes followed by a NUL, fields back to back. */
	struct sn_buf rec;
	/* Field starts as offsets while assembling (the arena may move when it grows), turned into
	 * pointers once the record is complete. */
	size_t *offs;
	char **fields;
	size_t nfields, fields_cap;

	long line;     /* physical line of the next unconsumed byte */
	long rec_line; /* line where the last returned record began */

	int failed;
	int done;
	char err[1024];
};

/* The stop tables for the delimiter in use (delim 0, not yet known, stops nowhere extra). */
static void set_stops(sn_csv *c)
{
	memset(c->stop_unq, CL_PLAIN, sizeof c->stop_unq);
	memset(c->stop_q, CL_PLAIN, sizeof c->stop_q);
	if (c->delim)
		c->stop_unq[(unsigned char)c->delim] = CL_STOP;
	c->stop_unq['\r'] = CL_STOP;
	c->stop_unq['\n'] = CL_STOP;
	c->stop_unq['\0'] = CL_STOP;
	c->stop_q['"'] = CL_STOP;
	c->stop_q['\r'] = CL_STOP;
	c->stop_q['\n'] = CL_STOP;
	c->stop_q['\0'] = CL_STOP;
}

static const char *display_name(const sn_csv *c)
{
	return c->name ? c->name : C_("file name", "input");
}

static void fail_at(sn_csv *c, long line, const char *what)
{
	snprintf(c->err, sizeof c->err, "%s:%ld: %s", display_name(c), line, what);
	c->failed = 1;
}

sn_csv *sn_csv_new(sn_read_fn read, void *ctx, const char *(*source_err)(const void *ctx),
		   const char *name, char delim, const struct sn_csv_limits *limits)
{
	sn_csv *c;

	if (!read || delim == '"' || delim == '\r' || delim == '\n')
		return NULL;
	c = calloc(1, sizeof *c);
	if (!c)
		return NULL;
	c->read = read;
	c->ctx = ctx;
	c->source_err = source_err;
	c->delim = delim;
	c->max_field = (limits && limits->max_field) ? limits->max_field : SN_CSV_DEFAULT_MAX_FIELD;
	c->max_fields = (limits && limits->max_fields) ? limits->max_fields
						       : SN_CSV_DEFAULT_MAX_FIELDS;
	if (name) {
		c->name = strdup(name);
		if (!c->name)
			goto oom;
	}
	c->in = malloc(SN_CSV_BUFSIZE);
	if (!c->in)
		goto oom;
	set_stops(c);
	c->bom_check = 1;
	c->line = 1;
	return c;
oom:
	sn_csv_free(c);
	return NULL;
}

void sn_csv_free(sn_csv *c)
{
	if (!c)
		return;
	free(c->name);
	free(c->in);
	sn_buf_release(&c->rec);
	free(c->offs);
	free(c->fields);
	free(c);
}

long sn_csv_line(const sn_csv *c)
{
	return c->rec_line;
}

const char *sn_csv_error(const sn_csv *c)
{
	return c->err;
}

/* Whether TEXT is "line N: MESSAGE" as FMT ("line %ld: %s", or its translation) writes it: sets
 * the digits of N (*num, *numlen) and *msg. */
static int line_prefix(const char *text, const char *fmt, const char **num, int *numlen, const char **msg)
{
	const char *d = strstr(fmt, "%ld"), *m = d ? strstr(d + 3, "%s") : NULL;
	if (!m || strchr(fmt, '%') != d || strchr(d + 3, '%') != m || m[2])
		return 0;
	size_t pre = (size_t)(d - fmt), mid = (size_t)(m - (d + 3));
	const char *p = text + pre;
	if (strncmp(text, fmt, pre) != 0 || *p < '0' || *p > '9')
		return 0;
	*num = p;
	while (*p >= '0' && *p <= '9')
		p++;
	if (strncmp(p, d + 3, mid) != 0)
		return 0;
	*numlen = (int)(p - *num);
	*msg = p + mid;
	return 1;
}

static void fail_source(sn_csv *c)
{
	const char *text = c->source_err ? c->source_err(c->ctx) : NULL;

	if (text && *text) {
		/* A source that names its line ("line 17: invalid byte ...", text.c's decoder, in the
		 * language in use) is reported like every other data error, "NAME:17: invalid byte ...". */
		const char *num, *msg;
		int numlen;
		if (line_prefix(text, "line %ld: %s", &num, &numlen, &msg) ||
		    line_prefix(text, _("line %ld: %s"), &num, &numlen, &msg)) {
			snprintf(c->err, sizeof c->err, "%s:%.*s: %s", display_name(c), numlen, num, msg);
			c->failed = 1;
			return;
		}
		snprintf(c->err, sizeof c->err, "%s: %s", display_name(c), text);
		c->failed = 1;
	} else {
		fail_at(c, c->line, _("read error"));
	}
}

/* One call of the callback into in[len, SN_CSV_BUFSIZE). Returns the byte count, 0 at the end,
 * -1 on error (message set). */
static ssize_t read_more(sn_csv *c)
{
	size_t cap = SN_CSV_BUFSIZE - c->len;
	ssize_t n = c->read(c->ctx, c->in + c->len, cap);

	if (n < 0) {
		fail_source(c);
		return -1;
	}
	if ((size_t)n > cap) {
		snprintf(c->err, sizeof c->err, _("%s: read callback returned more bytes than asked"),
			 display_name(c));
		c->failed = 1;
		return -1;
	}
	if (n == 0)
		c->eof = 1;
	c->len += (size_t)n;
	return n;
}

/* Delimiter 0: decides it from the first line, in[pos, len) (see the top of this file). */
static void detect_delim(sn_csv *c)
{
	const char *p = c->in + c->pos, *end = c->in + c->len;
	size_t n[3] = { 0, 0, 0 };
	int quoted = 0;

	if (end - p >= 5 && (p[0] == 's' || p[0] == 'S') && (p[1] == 'e' || p[1] == 'E') &&
	    (p[2] == 'p' || p[2] == 'P') && p[3] == '=' && p[4] != '"' && p[4] != '\r' &&
	    p[4] != '\n' && p[4] != '\0' && (end - p == 5 || p[5] == '\r' || p[5] == '\n')) {
		c->delim = p[4];
		c->pos += 5;
		if (c->pos < c->len && c->in[c->pos] == '\r')
			c->pos++;
		if (c->pos < c->len && c->in[c->pos] == '\n')
			c->pos++;
		c->line++;
		set_stops(c);
		return;
	}
	for (; p < end && (quoted || (*p != '\n' && *p != '\r')); p++) {
		if (*p == '"')
			quoted = !quoted;
		else if (!quoted)
			n[0] += *p == ',', n[1] += *p == ';', n[2] += *p == '\t';
	}
	c->delim = n[1] > n[0] && n[1] >= n[2] ? ';' : n[2] > n[0] && n[2] > n[1] ? '\t' : ',';
	set_stops(c);
}

/* Refills the buffer once it is fully consumed. Returns 1 when there may be bytes (pos may still
 * equal len when a BOM was all there was: the caller just asks again), 0 at the end, -1 on error. */
static int refill(sn_csv *c)
{
	const unsigned char bom[3] = {0xEF, 0xBB, 0xBF};

	if (c->eof)
		return 0;
	c->pos = c->len = 0;
	if (read_more(c) < 0)
		return -1;
	if (c->bom_check) {
		/* A source may hand out one byte at a time, so gather three bytes (while they still
		 * look like a BOM) before deciding. */
		while (!c->eof && c->len < 3 && memcmp(c->in, bom, c->len) == 0)
			if (read_more(c) < 0)
				return -1;
		if (c->len >= 3 && memcmp(c->in, bom, 3) == 0)
			c->pos = 3;
		c->bom_check = 0;
		if (!c->delim) {
			/* The whole first line (or a full buffer) decides the delimiter. */
			while (!c->eof && c->len < SN_CSV_BUFSIZE &&
			       !memchr(c->in + c->pos, '\n', c->len - c->pos))
				if (read_more(c) < 0)
					return -1;
			detect_delim(c);
		}
	}
	return c->len > 0 ? 1 : 0;
}

/* Appends N bytes to the current field, which began at offset FIELD_OFF on line FIELD_LINE. */
static int append(sn_csv *c, const char *src, size_t n, size_t field_off, long field_line)
{
	char msg[200];

	if (c->rec.len - field_off + n > c->max_field) {
		snprintf(msg, sizeof msg, _("field longer than %zu bytes"), c->max_field);
		fail_at(c, field_line, msg);
		return -1;
	}
	if (sn_buf_add(&c->rec, src, n) < 0) {
		fail_at(c, c->line, _("out of memory"));
		return -1;
	}
	return 0;
}

/* Closes the current field (NUL-terminates it, records where it starts). */
static int end_field(sn_csv *c, size_t field_off, long rec_start_line)
{
	char msg[200];

	if (c->nfields == c->max_fields) {
		snprintf(msg, sizeof msg, _("more than %zu fields in one record"), c->max_fields);
		fail_at(c, rec_start_line, msg);
		return -1;
	}
	if (c->nfields == c->fields_cap) {
		size_t cap = c->fields_cap ? c->fields_cap * 2 : 16;
		size_t *o;
		char **f;

		if (cap > c->max_fields)
			cap = c->max_fields;
		if (cap > SIZE_MAX / sizeof(char *) || cap > SIZE_MAX / sizeof(size_t))
			goto oom;
		o = realloc(c->offs, cap * sizeof *o);
		if (!o)
			goto oom;
		c->offs = o;
		f = realloc(c->fields, cap * sizeof *f);
		if (!f)
			goto oom;
		c->fields = f;
		c->fields_cap = cap;
	}
	if (sn_buf_add(&c->rec, "", 1) < 0)  /* the field's NUL */
		goto oom;
	c->offs[c->nfields++] = field_off;
	return 0;
oom:
	fail_at(c, c->line, _("out of memory"));
	return -1;
}

int sn_csv_next(sn_csv *c, char ***fields, size_t *nfields)
{
	enum csv_state st = ST_FIELD_START;
	int started = 0;   /* a byte of this record has been consumed */
	int quoted_cr = 0; /* the last byte inside quotes was CR (a following LF is the same line end) */
	long start_line = 0;
	long field_line = 0;
	size_t field_off = 0;

	if (c->failed)
		return -1;
	if (c->done)
		return 0;
	sn_buf_reset(&c->rec);
	c->nfields = 0;

	for (;;) {
		const char *p, *end, *q;
		char sep;  /* the delimiter or line end that ends a field */

		if (c->pos == c->len) {
			int r = refill(c);

			if (r < 0)
				return -1;
			if (r == 0)
				break;
			continue;
		}
		if (c->skip_lf) {
			/* Checked here rather than right after the CR because the LF may be in
			 * the next read. */
			c->skip_lf = 0;
			if (c->in[c->pos] == '\n') {
				c->pos++;
				continue;
			}
		}
		if (!started) {
			started = 1;
			start_line = c->line;
		}

		p = c->in + c->pos;
		end = c->in + c->len;
		switch (st) {
		case ST_FIELD_START:
			field_off = c->rec.len;
			field_line = c->line;
			if (*p == '"') {
				st = ST_QUOTED;
				quoted_cr = 0;
				c->pos++;
				break;
			}
			/* Most fields are unquoted: go straight to the scan. */
			st = ST_UNQUOTED;
			/* fall through */
		case ST_UNQUOTED:
			q = p;
			/* Unrolled by four: this scan is where most of the time goes on a big
			 * file (about a quarter faster than the plain loop). */
			while (end - q >= 4 && !c->stop_unq[(unsigned char)q[0]] &&
			       !c->stop_unq[(unsigned char)q[1]] && !c->stop_unq[(unsigned char)q[2]] &&
			       !c->stop_unq[(unsigned char)q[3]])
				q += 4;
			while (q < end && !c->stop_unq[(unsigned char)*q])
				q++;
			if (q > p && append(c, p, (size_t)(q - p), field_off, field_line) < 0)
				return -1;
			c->pos = (size_t)(q - c->in);
			if (q == end)
				break;
			if (*q == '\0')
				goto nul;
			sep = *q;
			goto field_end;

		case ST_QUOTED:
			q = p;
			while (q < end && !c->stop_q[(unsigned char)*q])
				q++;
			if (q > p) {
				if (append(c, p, (size_t)(q - p), field_off, field_line) < 0)
					return -1;
				quoted_cr = 0;
			}
			c->pos = (size_t)(q - c->in);
			if (q == end)
				break;
			if (*q == '\0')
				goto nul;
			c->pos++;
			if (*q == '"') {
				st = ST_QUOTE_SEEN;
				break;
			}
			/* A line end inside quotes: kept as data, counted as a physical line. */
			if (*q == '\r' || !quoted_cr)
				c->line++;
			quoted_cr = *q == '\r';
			if (append(c, q, 1, field_off, field_line) < 0)
				return -1;
			break;

		case ST_QUOTE_SEEN:
			if (*p == '"') {
				/* "" inside quotes is one literal quote. */
				if (append(c, p, 1, field_off, field_line) < 0)
					return -1;
				c->pos++;
				st = ST_QUOTED;
				quoted_cr = 0;
				break;
			}
			if (*p != c->delim && *p != '\r' && *p != '\n') {
				fail_at(c, c->line, _("unexpected character after closing quote"));
				return -1;
			}
			sep = *p;
			goto field_end;
		}
		continue;

	field_end:
		/* SEP ends the field; a line end ends the record too. */
		c->pos++;
		if (end_field(c, field_off, start_line) < 0)
			return -1;
		if (sep == c->delim) {
			st = ST_FIELD_START;
			continue;
		}
		c->line++;
		if (sep == '\r')
			c->skip_lf = 1;
		goto record_done;
	}

	/* End of input. */
	c->done = 1;
	if (!started)
		return 0;
	if (st == ST_QUOTED) {
		fail_at(c, field_line, _("unterminated quoted field (opened here)"));
		return -1;
	}
	/* FIELD_START here means the input ended right after a delimiter: one more empty field. */
	if (end_field(c, st == ST_FIELD_START ? c->rec.len : field_off, start_line) < 0)
		return -1;

record_done:
	for (size_t i = 0; i < c->nfields; i++)
		c->fields[i] = c->rec.p + c->offs[i];
	c->rec_line = start_line;
	*fields = c->fields;
	*nfields = c->nfields;
	return 1;

nul:
	fail_at(c, c->line, _("a NUL byte inside a field (the file is damaged, or is not text): it would "
			      "cut the value short; remove it"));
	return -1;
}

ssize_t sn_mem_read(void *membuf, char *buf, size_t cap)
{
	struct sn_membuf *m = membuf;
	size_t n = m->left < cap ? m->left : cap;
	if (n)
		memcpy(buf, m->p, n);
	m->p += n;
	m->left -= n;
	return (ssize_t)n;
}

char sn_csv_delimiter(const sn_csv *c)
{
	return c->delim;
}

/* --- CSV a person opens in a spreadsheet (see csv.h) ------------------------------------------ */

static int is_formula_start(char c)
{
	return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

int sn_csv_needs_neutralising(const char *s)
{
	if (!s)
		return 0;
	while (*s == '\'')
		s++;
	return is_formula_start(*s);
}

void sn_csv_write_cell(FILE *f, const char *s)
{
	if (!s)
		s = "";
	/* The apostrophe is part of the value: inside the quotes when the cell is quoted. */
	const char *mark = sn_csv_needs_neutralising(s) ? "'" : "";
	if (!strpbrk(s, ",\"\r\n")) {
		fputs(mark, f);
		fputs(s, f);
		return;
	}
	fputc('"', f);
	fputs(mark, f);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', f);
		fputc(*s, f);
	}
	fputc('"', f);
}

const char *sn_csv_unneutralise(const char *s)
{
	return s[0] == '\'' && sn_csv_needs_neutralising(s + 1) ? s + 1 : s;
}
