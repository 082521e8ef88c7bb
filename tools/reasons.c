/* reasons.c - the registry of stored reasons and their display in the reader's language
 * (reasons.h). */
#include <stdio.h>
#include <string.h>
#include "i18n.h"
#include "labels.h"
#include "reasons.h"
#include "rules.h"
#include "strbuf.h"
#include "banned.h"

#define ENTRY(id, labels) { #id, id, labels },
static const struct sn_reason REASONS[] = { SN_REASONS(ENTRY) };
#undef ENTRY
#define NREASONS (sizeof REASONS / sizeof REASONS[0])

const struct sn_reason *sn_reasons(size_t *n)
{
	*n = NREASONS;
	return REASONS;
}

const struct sn_reason *sn_reason_find(const char *name)
{
	for (size_t i = 0; i < NREASONS; i++)
		if (!strcmp(REASONS[i].name, name))
			return &REASONS[i];
	return NULL;
}

int sn_reasons_bind(sqlite3_stmt *st)
{
	int rc = 0;
	for (int i = 1, n = sqlite3_bind_parameter_count(st); i <= n; i++) {
		const char *name = sqlite3_bind_parameter_name(st, i);
		if (!name || strncmp(name, "@SN_R_", 6))
			continue;
		const struct sn_reason *r = sn_reason_find(name + 1);
		if (r)
			sqlite3_bind_text(st, i, r->format, -1, SQLITE_STATIC);
		else
			rc = -1;
	}
	return rc;
}

/* --- a format read backwards ------------------------------------------------------------------ */

/* The kinds of value a conversion writes. */
enum { K_TEXT = 's', K_INT = 'd', K_UINT = 'u', K_HEX = 'x', K_OCT = 'o', K_CHAR = 'c', K_PERCENT = '%' };

/* Reads the conversion at P (just after its '%'): printf's argument position (N$), flags, width,
 * precision and length, then the conversion. Sets *KIND and *POS (the N of N$, else 0). Returns
 * the character after it, or NULL when P does not start a conversion (the '%' is then text). */
static const char *conversion(const char *p, char *kind, int *pos)
{
	*pos = 0;
	const char *q = p;
	int n = 0;
	while (*q >= '0' && *q <= '9' && n < 1000)
		n = 10 * n + (*q++ - '0');
	if (*q == '$' && q > p)
		*pos = n, p = q + 1;
	while (*p && strchr("-+ #0'", *p))
		p++;
	if (*p == '*')
		p++;
	while (*p >= '0' && *p <= '9')
		p++;
	if (*p == '.') {
		p++;
		if (*p == '*')
			p++;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	while (*p && strchr("hlLqjzt", *p))
		p++;
	switch (*p) {
	case 'd': case 'i': *kind = K_INT; break;
	case 'u': *kind = K_UINT; break;
	case 'x': case 'X': *kind = K_HEX; break;
	case 'o': *kind = K_OCT; break;
	case 'c': *kind = K_CHAR; break;
	case 's': case 'q': case 'Q': *kind = K_TEXT; break;
	case '%': *kind = K_PERCENT; break;
	default: return NULL;
	}
	return p + 1;
}

#define MAXCAP 12     /* conversions in one format */
#define MAXSTEPS 200000  /* attempts of one match, against a pathological text */

struct match {
	const char *cap[MAXCAP];
	size_t len[MAXCAP];
	char kind[MAXCAP];
	int n;
	long steps;
};

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int in_kind(char kind, char c)
{
	switch (kind) {
	case K_HEX: return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
	case K_OCT: return c >= '0' && c <= '7';
	default: return is_digit(c);
	}
}

/* Whether S..END is what format F writes, the values from capture K on in M. */
static int match_at(const char *f, const char *s, const char *end, struct match *m, int k)
{
	if (++m->steps > MAXSTEPS)
		return 0;
	/* the literal part */
	for (;;) {
		if (!*f)
			return s == end;
		if (*f == '%') {
			char kind;
			int pos;
			const char *after = conversion(f + 1, &kind, &pos);
			if (after && kind != K_PERCENT)
				break;
			if (s == end || *s != '%')
				return 0;
			f = after ? after : f + 1;
			s++;
			continue;
		}
		if (s == end || *s != *f)
			return 0;
		f++;
		s++;
	}
	char kind;
	int pos;
	const char *rest = conversion(f + 1, &kind, &pos);
	if (k == MAXCAP)
		return 0;
	m->cap[k] = s;
	m->kind[k] = kind;
	m->n = k + 1;
	if (kind == K_TEXT) {
		/* shortest first; a literal character next must come next */
		for (const char *e = s; e <= end; e++) {
			if (*rest && *rest != '%' && (e == end || *e != *rest))
				continue;
			m->len[k] = (size_t)(e - s);
			if (match_at(rest, e, end, m, k + 1))
				return 1;
		}
		return 0;
	}
	if (kind == K_CHAR) {
		if (s == end)
			return 0;
		const char *e = s + 1;
		while (e < end && ((unsigned char)*e & 0xC0) == 0x80)
			e++;
		m->len[k] = (size_t)(e - s);
		return match_at(rest, e, end, m, k + 1);
	}
	const char *d = s;
	if (kind == K_INT && d < end && *d == '-')
		d++;
	for (const char *e = d; e < end && in_kind(kind, *e);) {
		e++;
		m->len[k] = (size_t)(e - s);
		if (match_at(rest, e, end, m, k + 1))
			return 1;
	}
	return 0;
}

/* The bytes of F that are not conversions: how specific a format is. */
static size_t literal_length(const char *f)
{
	size_t n = 0;
	while (*f) {
		char kind;
		int pos;
		const char *after = *f == '%' ? conversion(f + 1, &kind, &pos) : NULL;
		if (after && kind != K_PERCENT) {
			f = after;
			continue;
		}
		n++;
		f = after ? after : f + 1;
	}
	return n;
}

/* The label kind of conversion K in LABELS ("" when none), into BUF. */
static const char *label_of(const char *labels, int k, char *buf, size_t len)
{
	const char *p = labels;
	for (int i = 0; i < k && p; i++)
		if ((p = strchr(p, ',')))
			p++;
	size_t n = p ? strcspn(p, ",") : 0;
	snprintf(buf, len, "%.*s", (int)(n < len ? n : len - 1), p ? p : "");
	return buf;
}

#define MAXDEPTH 6

/* The best entry for S..END, its values in M; NULL when none fits. The best is the one that
 * explains the most of the text: its literal bytes and those of the reasons its values hold
 * (so "its parent X is merged into Y; continues under it as Z" is a reason that continues
 * another, not "its parent ... merged into" a code that happens to be followed by words). Its
 * score in *SCORE. */
static const struct sn_reason *best(const char *s, const char *end, struct match *m, int depth, size_t *score)
{
	const struct sn_reason *found = NULL;
	*score = 0;
	if (depth >= MAXDEPTH || s == end)
		return NULL;
	for (size_t i = 0; i < NREASONS; i++) {
		struct match t = { .n = 0 };
		if (!match_at(REASONS[i].format, s, end, &t, 0))
			continue;
		size_t sc = literal_length(REASONS[i].format);
		for (int k = 0; k < t.n; k++) {
			char kind[32];
			struct match inner;
			size_t in = 0;
			if (!strcmp(label_of(REASONS[i].labels, k, kind, sizeof kind), "reason") &&
			    best(t.cap[k], t.cap[k] + t.len[k], &inner, depth + 1, &in))
				sc += in;
		}
		if (!found || sc > *score) {
			found = &REASONS[i];
			*score = sc;
			*m = t;
		}
	}
	return found;
}

const struct sn_reason *sn_reason_match(const char *stored)
{
	struct match m;
	size_t score;
	return stored ? best(stored, stored + strlen(stored), &m, 0, &score) : NULL;
}

static int show(struct sn_buf *b, const char *s, const char *end, int depth);

/* Appends the translation of R's format with the values of M. Returns 0 or -1. */
static int render(struct sn_buf *b, const struct sn_reason *r, const struct match *m, int depth)
{
	enum sn_lang lang = sn_lang_current();
	const char *t = *r->format ? gettext(r->format) : r->format;
	int next = 0;
	while (*t) {
		const char *pct = strchr(t, '%');
		if (!pct)
			return sn_buf_adds(b, t);
		if (sn_buf_add(b, t, (size_t)(pct - t)))
			return -1;
		char kind;
		int pos;
		const char *after = conversion(pct + 1, &kind, &pos);
		if (!after) {
			if (sn_buf_add(b, "%", 1))
				return -1;
			t = pct + 1;
			continue;
		}
		t = after;
		if (kind == K_PERCENT) {
			if (sn_buf_add(b, "%", 1))
				return -1;
			continue;
		}
		int k = pos > 0 ? pos - 1 : next++;
		if (k >= m->n)
			continue;
		char kindname[32], one[1000];
		label_of(r->labels, k, kindname, sizeof kindname);
		if (!strcmp(kindname, "reason")) {
			if (show(b, m->cap[k], m->cap[k] + m->len[k], depth + 1))
				return -1;
		} else if (*kindname && m->len[k] < sizeof one) {
			memcpy(one, m->cap[k], m->len[k]);
			one[m->len[k]] = '\0';
			if (sn_buf_adds(b, sn_label(kindname, one, lang)))
				return -1;
		} else if (sn_buf_add(b, m->cap[k], m->len[k])) {
			return -1;
		}
	}
	return 0;
}

/* Appends S..END as shown: translated when a format fits, else as it is. Returns 0 or -1. */
static int show(struct sn_buf *b, const char *s, const char *end, int depth)
{
	struct match m;
	size_t score;
	const struct sn_reason *r = best(s, end, &m, depth, &score);
	return r ? render(b, r, &m, depth) : sn_buf_add(b, s, (size_t)(end - s));
}

const char *sn_reason_shown(const char *stored, char *buf, size_t len)
{
	if (!stored || sn_lang_current() == SN_LANG_EN)
		return stored;
	struct match m;
	size_t score;
	const char *end = stored + strlen(stored);
	const struct sn_reason *r = best(stored, end, &m, 0, &score);
	if (!r)
		return stored;
	struct sn_buf b = SN_BUF_INIT;
	const char *shown = stored;
	if (!render(&b, r, &m, 0) && b.len < len) {
		memcpy(buf, sn_buf_str(&b), b.len + 1);
		shown = buf;
	}
	sn_buf_release(&b);
	return shown;
}

void sn_reason_sql(sqlite3_context *c, int argc, sqlite3_value **v)
{
	(void)argc;
	const char *s = (const char *)sqlite3_value_text(v[0]);
	if (!s) {
		if (sqlite3_value_type(v[0]) == SQLITE_NULL)
			sqlite3_result_null(c);
		else
			sqlite3_result_error_nomem(c);
		return;
	}
	if (sn_lang_current() == SN_LANG_EN) {
		sn_rules_result(c, s, NULL);
		return;
	}
	struct match m;
	size_t score;
	const char *end = s + strlen(s);
	const struct sn_reason *r = best(s, end, &m, 0, &score);
	struct sn_buf b = SN_BUF_INIT;
	if (r && render(&b, r, &m, 0)) {
		sn_buf_release(&b);
		sqlite3_result_error_nomem(c);
		return;
	}
	sn_rules_result(c, s, r ? sn_buf_str(&b) : NULL);
	sn_buf_release(&b);
}
