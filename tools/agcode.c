/* agcode.c - agency identifier codes (mã định danh điện tử): parse, validate, format, compare,
 * and find them inside longer identifiers (see agcode.h for the contract).
 *
 * Recoding agencies after the 2025 merger means reading codes from registries that mix the two
 * official notations and contain outright mistakes, so the parser separates three outcomes: a
 * conforming code, a code that is clearly an agency code but breaks a rule (kept, flagged with
 * the reason, so a reviewer sees it instead of the record vanishing), and text that is not a code.
 *
 * Decisions where the standards are silent:
 *  - Surrounding ASCII white space and U+00A0 (spreadsheet cells often carry a no-break space)
 *    are ignored. Inside the code only 0-9, A-Z and '.' are allowed; the first other character
 *    is reported with its 1-based character position in the string as given (leading spaces
 *    count, so the position matches what the user sees in the cell). Non-ASCII characters are
 *    shown with their code point; a byte that is not well-formed UTF-8 (or an ASCII control
 *    byte) is shown in hex.
 *  - Groups are kept as written ("03", "001"): identifiers are compared as strings by the
 *    national systems, so the parser never normalises digits. A group of zeros means the level
 *    is absent and is stored as "".
 *  - A group of 8 or more digits is INVALID (no registry code is like that, and grp[] holds 7).
 *  - NONCONFORMING codes report one problem, the first found in this order: level-1 letter,
 *    level-1 number, the groups of levels 2, 3, 4 (width; a written zero group in QĐ 20
 *    notation), a level present under an absent one, a placeholder group.
 *  - QĐ 20/2020 groups below level 1 may have 1 to 4 digits; wider ones are NONCONFORMING.
 *  - Placeholder heuristic: registries fill unknown levels with the top of the range, as in
 *    "998.99.99.H05". A group whose value is 99 at level 2 or 3, or 998 or 999 at level 4, is
 *    flagged NONCONFORMING "placeholder group '99' at level 2". This is a heuristic (a real unit
 *    could be numbered 99); it only flags, the code is still parsed and kept. Values are
 *    compared numerically, so the same code is flagged in either notation.
 *  - QĐ 20 ("LEFT") formatting is the QCVN code reversed with absent levels dropped and every
 *    digit kept as written: "000.00.01.H26" -> "H26.01", "001.03.16.H19" -> "H19.16.03.001".
 *    So a conforming QCVN code converts to QĐ 20 and back unchanged.
 *  - QCVN formatting pads with zeros on the left and never removes a written digit: "H26.1"
 *    -> "000.00.01.H26", but "H26.016" fails like "H55.242" does (3 digits for a 2-digit field).
 *    Dropping a digit could silently turn one registry code into another. Padding is lossy the
 *    other way ("H26.1" and "H26.01" both become "000.00.01.H26"); such codes do not round-trip
 *    between notations, but each notation is stable: parse(format(c, N)) formats to the same
 *    text in N.
 */
#include "agcode.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "i18n.h"
#include "reasons.h"
#include "banned.h"

#define SN_AGCODE_MAX_LEN 35  /* QĐ 20/2020: at most 35 characters */
#define SN_GROUP_MAX 7        /* digits one grp[] field holds */
#define SN_LEFT_GROUP_MAX 4   /* widest conforming QĐ 20 group below level 1 */
#define SN_MAX_GROUPS (SN_AGCODE_MAX_LEN / 2 + 1) /* non-empty groups that fit in 35 characters */

/* A group of the input as written: not NUL-terminated. p == NULL: not written at all. */
struct span {
	const char *p;
	size_t n;
};

static int is_digit(char ch)
{
	return ch >= '0' && ch <= '9';
}

static int is_upper(char ch)
{
	return ch >= 'A' && ch <= 'Z';
}

static int is_ascii_letter(char ch)
{
	return is_upper(ch) || (ch >= 'a' && ch <= 'z');
}

static int all_digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!is_digit(s[i]))
			return 0;
	return 1;
}

static int all_zero(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] != '0')
			return 0;
	return 1;
}

/* Compares two digit strings by value, without converting (a group may exceed any int type
 * in a hand-built struct, and this cannot overflow). */
static int num_cmp(const char *a, const char *b)
{
	size_t na, nb;
	int r;

	while (*a == '0')
		a++;
	while (*b == '0')
		b++;
	na = strlen(a);
	nb = strlen(b);
	if (na != nb)
		return na < nb ? -1 : 1;
	r = memcmp(a, b, na);
	return (r > 0) - (r < 0);
}

/* Writes the reason of a problem twice: in English into c->problem_en (the text the database
 * keeps, whatever the run's language) and in the language in use into c->problem (for
 * messages). FMT is an English format of the registry of stored reasons (reasons.h). */
static void set_problem(struct sn_agcode *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void set_problem(struct sn_agcode *c, const char *fmt, ...)
{
	const char *tr = gettext(fmt);
	va_list ap;

	va_start(ap, fmt);
	if (tr == fmt) {
		vsnprintf(c->problem_en, sizeof c->problem_en, fmt, ap);
		snprintf(c->problem, sizeof c->problem, "%s", c->problem_en);
	} else {
		va_list aq;

		va_copy(aq, ap);
		vsnprintf(c->problem_en, sizeof c->problem_en, fmt, ap);
		vsnprintf(c->problem, sizeof c->problem, tr, aq);
		va_end(aq);
	}
	va_end(ap);
}

/* Level-1 shape: one upper-case letter and exactly 2 digits. */
static int l1_shape_ok(const char *s, size_t n)
{
	return n == 3 && is_upper(s[0]) && is_digit(s[1]) && is_digit(s[2]);
}

/* QCVN 102 field width of a lower level: level 4 has 3 digits, levels 2 and 3 have 2. */
static int qcvn_width(int level)
{
	return level == 4 ? 3 : 2;
}

/* Deepest level present, from the groups (not from a possibly stale depth field). */
static int depth_of(const struct sn_agcode *c)
{
	int i;

	for (i = 2; i >= 0; i--)
		if (c->grp[i][0])
			return i + 2;
	return 1;
}

/* Sets c->depth, c->status and c->problem from the fields. RAW holds the groups of levels 2-4
 * as written in the input (so that problems visible only in the spelling - a narrow zero group
 * in QCVN, a zero group in QĐ 20 - are seen); NULL means judge the stored groups alone. */
static void judge(struct sn_agcode *c, const struct span *raw)
{
	int i;

	c->depth = depth_of(c);
	c->status = SN_AGCODE_OK;
	c->problem[0] = '\0';
	c->problem_en[0] = '\0';

	if (c->l1[0] > 'K') {
		set_problem(c, SN_R_CODE_L1_LETTER, c->l1[0]);
		c->status = SN_AGCODE_NONCONFORMING;
		return;
	}
	if (c->l1[1] == '0' && c->l1[2] == '0') {
		set_problem(c, SN_R_CODE_L1_ZERO, c->l1);
		c->status = SN_AGCODE_NONCONFORMING;
		return;
	}

	for (i = 0; i < 3; i++) {
		int level = i + 2;
		struct span g;

		if (raw) {
			g = raw[i];
		} else {
			g.p = c->grp[i][0] ? c->grp[i] : NULL;
			g.n = strlen(c->grp[i]);
		}
		if (!g.p)
			continue;
		if (c->notation == SN_NOTATION_QCVN) {
			int w = qcvn_width(level);

			if (g.n > (size_t)w) {
				set_problem(c, SN_R_CODE_QCVN_LONG,
					    level, (int)g.n, g.p, g.n, w);
				c->status = SN_AGCODE_NONCONFORMING;
				return;
			}
			if (g.n < (size_t)w) {
				if (g.n == 1)
					set_problem(c, SN_R_CODE_QCVN_SHORT1,
						    level, (int)g.n, g.p, g.n, w);
				else
					set_problem(c, SN_R_CODE_QCVN_SHORT,
						    level, (int)g.n, g.p, g.n, w);
				c->status = SN_AGCODE_NONCONFORMING;
				return;
			}
		} else {
			if (all_zero(g.p, g.n)) {
				set_problem(c, SN_R_CODE_LEFT_ZERO,
					    level, (int)g.n, g.p);
				c->status = SN_AGCODE_NONCONFORMING;
				return;
			}
			if (g.n > SN_LEFT_GROUP_MAX) {
				set_problem(c, SN_R_CODE_LEFT_LONG,
					    level, (int)g.n, g.p, g.n, SN_LEFT_GROUP_MAX);
				c->status = SN_AGCODE_NONCONFORMING;
				return;
			}
		}
	}

	/* A unit hangs under its parent: level N without level N-1 has no parent to hang on. */
	for (i = 1; i < 3; i++) {
		if (c->grp[i][0] && !c->grp[i - 1][0]) {
			set_problem(c, SN_R_CODE_LEVEL_GAP, i + 2, i + 1);
			c->status = SN_AGCODE_NONCONFORMING;
			return;
		}
	}

	for (i = 0; i < 3; i++) {
		const char *g = c->grp[i];
		int filler;

		if (!g[0])
			continue;
		if (i < 2)
			filler = num_cmp(g, "99") == 0;
		else
			filler = num_cmp(g, "998") == 0 || num_cmp(g, "999") == 0;
		if (filler) {
			set_problem(c, SN_R_CODE_PLACEHOLDER, g, i + 2);
			c->status = SN_AGCODE_NONCONFORMING;
			return;
		}
	}
}

/* Decodes one well-formed UTF-8 sequence at S (at most AVAIL bytes). Returns its length and
 * stores the code point, or returns 0 when the bytes are not well-formed UTF-8. */
static size_t utf8_decode(const unsigned char *s, size_t avail, unsigned long *cp)
{
	size_t n, i;
	unsigned char lo = 0x80, hi = 0xBF;

	if (s[0] >= 0xC2 && s[0] <= 0xDF) {
		n = 2;
		*cp = s[0] & 0x1Fu;
	} else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
		n = 3;
		*cp = s[0] & 0x0Fu;
		if (s[0] == 0xE0)
			lo = 0xA0; /* overlong */
		else if (s[0] == 0xED)
			hi = 0x9F; /* surrogates */
	} else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
		n = 4;
		*cp = s[0] & 0x07u;
		if (s[0] == 0xF0)
			lo = 0x90; /* overlong */
		else if (s[0] == 0xF4)
			hi = 0x8F; /* above U+10FFFF */
	} else {
		return 0;
	}
	if (avail < n)
		return 0;
	for (i = 1; i < n; i++) {
		if (s[i] < lo || s[i] > hi)
			return 0;
		lo = 0x80;
		hi = 0xBF;
		*cp = (*cp << 6) | (s[i] & 0x3Fu);
	}
	return n;
}

/* Length of white space at S (ASCII white space or U+00A0), 0 if none. */
static size_t space_len(const char *s, size_t avail)
{
	if (avail >= 1 && (s[0] == ' ' || (s[0] >= '\t' && s[0] <= '\r')))
		return 1;
	if (avail >= 2 && (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0)
		return 2;
	return 0;
}

/* Trims surrounding white space off S; stores the start and length of what remains. */
static void trim(const char *s, const char **start, size_t *len)
{
	size_t n = strlen(s), k;

	while ((k = space_len(s, n)) > 0) {
		s += k;
		n -= k;
	}
	while (n > 0) {
		if (space_len(s + n - 1, 1))
			n--;
		else if (n >= 2 && space_len(s + n - 2, 2) == 2)
			n -= 2;
		else
			break;
	}
	*start = s;
	*len = n;
}

/* 1-based character position of byte OFF in S (counting UTF-8 sequences, not bytes). */
static size_t char_pos(const char *s, size_t off)
{
	size_t i, pos = 1;

	for (i = 0; i < off; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			pos++;
	return pos;
}

/* Checks that P[0..N) holds only 0-9 A-Z '.'; on the first other character writes the reason
 * into C->problem (positions are in ORIG, the string as given) and returns 0. */
static int check_chars(const char *orig, const char *p, size_t n, struct sn_agcode *c)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)p[i];
		size_t pos;
		unsigned long cp;
		size_t k;

		if (is_digit((char)ch) || is_upper((char)ch) || ch == '.')
			continue;
		pos = char_pos(orig, (size_t)(p + i - orig));
		if (ch >= 'a' && ch <= 'z') {
			set_problem(c, SN_R_CODE_UPPER, ch, pos,
				    ch - 'a' + 'A');
		} else if (ch >= 0x20 && ch < 0x7F) {
			set_problem(c, SN_R_CODE_CHAR, ch,
				    pos);
		} else if (ch >= 0x80 &&
			   (k = utf8_decode((const unsigned char *)p + i, n - i, &cp)) > 0) {
			set_problem(c, SN_R_CODE_UTF8,
				    (int)k, p + i, cp, pos);
		} else {
			set_problem(c, SN_R_CODE_BYTE, ch, pos);
		}
		return 0;
	}
	return 1;
}

static enum sn_agcode_status invalid(struct sn_agcode *out, struct sn_agcode *c)
{
	/* Only the reason survives: the other fields of an INVALID code mean nothing. */
	char why[sizeof c->problem], why_en[sizeof c->problem_en];

	memcpy(why, c->problem, sizeof why);
	memcpy(why_en, c->problem_en, sizeof why_en);
	memset(c, 0, sizeof *c);
	memcpy(c->problem, why, sizeof why);
	memcpy(c->problem_en, why_en, sizeof why_en);
	c->status = SN_AGCODE_INVALID;
	*out = *c;
	return SN_AGCODE_INVALID;
}

enum sn_agcode_status sn_agcode_parse(const char *s, struct sn_agcode *out)
{
	struct sn_agcode c;
	struct span g[SN_MAX_GROUPS];
	struct span raw[3];
	struct span l1;
	size_t ng = 0, n, i, start;
	const char *p;

	if (!out)
		return SN_AGCODE_INVALID;
	memset(&c, 0, sizeof c);
	if (!s)
		s = "";
	trim(s, &p, &n);
	if (n == 0) {
		set_problem(&c, SN_R_CODE_EMPTY);
		return invalid(out, &c);
	}
	if (!check_chars(s, p, n, &c))
		return invalid(out, &c);
	if (n > SN_AGCODE_MAX_LEN) {
		set_problem(&c, SN_R_CODE_LENGTH, n, SN_AGCODE_MAX_LEN);
		return invalid(out, &c);
	}

	/* Split on '.'. Every group is non-empty once this loop is done, and non-empty groups
	 * in at most 35 characters are at most SN_MAX_GROUPS. */
	if (p[0] == '.') {
		set_problem(&c, SN_R_CODE_LEADING_DOT);
		return invalid(out, &c);
	}
	if (p[n - 1] == '.') {
		set_problem(&c, SN_R_CODE_TRAILING_DOT);
		return invalid(out, &c);
	}
	for (start = 0, i = 0; i <= n; i++) {
		if (i < n && p[i] != '.')
			continue;
		if (i == start) {
			set_problem(&c, SN_R_CODE_EMPTY_GROUP, ng + 1,
				 char_pos(s, (size_t)(p + i - 1 - s)));
			return invalid(out, &c);
		}
		if (ng == SN_MAX_GROUPS) { /* cannot happen within 35 characters */
			set_problem(&c, SN_R_CODE_GROUPS);
			return invalid(out, &c);
		}
		g[ng].p = p + start;
		g[ng].n = i - start;
		ng++;
		start = i + 1;
	}

	/* The notation is told by where the letter group stands. */
	for (i = 0; i < 3; i++) {
		raw[i].p = NULL;
		raw[i].n = 0;
	}
	if (is_upper(g[0].p[0])) {
		c.notation = SN_NOTATION_LEFT;
		if (ng > 4) {
			set_problem(&c, SN_R_CODE_LEVELS, ng);
			return invalid(out, &c);
		}
		l1 = g[0];
		for (i = 1; i < ng; i++)
			raw[i - 1] = g[i];
	} else if (is_upper(g[ng - 1].p[0])) {
		c.notation = SN_NOTATION_QCVN;
		if (ng != 4) {
			set_problem(&c, SN_R_CODE_QCVN_GROUPS, ng);
			return invalid(out, &c);
		}
		l1 = g[3];
		raw[0] = g[2];
		raw[1] = g[1];
		raw[2] = g[0];
	} else {
		set_problem(&c, SN_R_CODE_NO_L1);
		return invalid(out, &c);
	}

	if (!l1_shape_ok(l1.p, l1.n)) {
		set_problem(&c, SN_R_CODE_L1_SHAPE, (int)l1.n, l1.p);
		return invalid(out, &c);
	}
	memcpy(c.l1, l1.p, 3);
	c.l1[3] = '\0';
	for (i = 0; i < 3; i++) {
		if (!raw[i].p)
			continue;
		if (!all_digits(raw[i].p, raw[i].n)) {
			set_problem(&c, SN_R_CODE_DIGITS, i + 2, (int)raw[i].n,
				 raw[i].p);
			return invalid(out, &c);
		}
		if (raw[i].n > SN_GROUP_MAX) {
			set_problem(&c, SN_R_CODE_GROUP_LONG,
				 i + 2, (int)raw[i].n, raw[i].p, raw[i].n);
			return invalid(out, &c);
		}
	}
	for (i = 0; i < 3; i++) {
		if (raw[i].p && !all_zero(raw[i].p, raw[i].n)) {
			memcpy(c.grp[i], raw[i].p, raw[i].n);
			c.grp[i][raw[i].n] = '\0';
		}
	}
	judge(&c, raw);
	*out = c;
	return c.status;
}

/* The struct is one sn_agcode_parse could have produced (it may be hand-built or stale):
 * l1 a letter and 2 digits, each group NUL-terminated digits, never a present zero group. */
static int well_formed(const struct sn_agcode *c)
{
	int i;

	if (!memchr(c->l1, '\0', sizeof c->l1) || !l1_shape_ok(c->l1, strlen(c->l1)))
		return 0;
	for (i = 0; i < 3; i++) {
		size_t n;

		if (!memchr(c->grp[i], '\0', sizeof c->grp[i]))
			return 0;
		n = strlen(c->grp[i]);
		if (!all_digits(c->grp[i], n) || (n > 0 && all_zero(c->grp[i], n)))
			return 0;
	}
	return 1;
}

int sn_agcode_format(const struct sn_agcode *c, enum sn_notation notation, char *buf, size_t len)
{
	char out[64]; /* longest: "H19" + 3 x ".1234567" = 27 characters */
	size_t k = 0;
	int i;

	if (!buf || len == 0)
		return -1;
	buf[0] = '\0';
	if (!c) {
		snprintf(buf, len, "%s", _("no code"));
		return -1;
	}
	if (c->status == SN_AGCODE_INVALID) {
		snprintf(buf, len, "%s", _("cannot format an invalid code"));
		return -1;
	}
	if (!well_formed(c)) {
		snprintf(buf, len, "%s", _("malformed code structure"));
		return -1;
	}

	if (notation == SN_NOTATION_QCVN) {
		for (i = 2; i >= 0; i--) {
			int level = i + 2;
			size_t w = (size_t)qcvn_width(level);
			size_t gl = strlen(c->grp[i]);

			if (gl > w) {
				snprintf(buf, len,
					 _("level-%d group '%s' has %zu digits; QCVN 102 allows %zu"),
					 level, c->grp[i], gl, w);
				return -1;
			}
			memset(out + k, '0', w - gl);
			memcpy(out + k + (w - gl), c->grp[i], gl);
			k += w;
			out[k++] = '.';
		}
		memcpy(out + k, c->l1, 3);
		k += 3;
	} else if (notation == SN_NOTATION_LEFT) {
		/* Leaving out an absent level would shift the ones below it up a level. */
		for (i = 1; i < 3; i++) {
			if (c->grp[i][0] && !c->grp[i - 1][0]) {
				snprintf(buf, len,
					 _("level %d present under an absent level %d; QĐ 20 notation"
					   " cannot show the gap"),
					 i + 2, i + 1);
				return -1;
			}
		}
		memcpy(out, c->l1, 3);
		k = 3;
		for (i = 0; i < 3 && c->grp[i][0]; i++) {
			size_t gl = strlen(c->grp[i]);

			out[k++] = '.';
			memcpy(out + k, c->grp[i], gl);
			k += gl;
		}
	} else {
		snprintf(buf, len, "%s", _("unknown notation"));
		return -1;
	}
	out[k] = '\0';
	if (k >= len) {
		snprintf(buf, len, _("buffer too small: %zu bytes needed"), k + 1);
		return -1;
	}
	memcpy(buf, out, k + 1);
	return (int)k;
}

int sn_agcode_cmp(const struct sn_agcode *a, const struct sn_agcode *b)
{
	int i, r;

	if (a == b)
		return 0;
	if (!a || !b)
		return a ? 1 : -1; /* NULL first */
	/* Same width (letter + 2 digits), so byte order is letter, then number. INVALID codes
	 * have an empty l1 and sort first, all equal. */
	r = strncmp(a->l1, b->l1, sizeof a->l1);
	if (r)
		return r < 0 ? -1 : 1;
	for (i = 0; i < 3; i++) {
		int pa = a->grp[i][0] != '\0', pb = b->grp[i][0] != '\0';

		if (pa != pb)
			return pa ? 1 : -1;
		r = num_cmp(a->grp[i], b->grp[i]);
		if (r)
			return r;
	}
	/* Equal values written differently ("2" and "02"): order by the digits so the order is
	 * total and the same whichever notation each was read from. */
	for (i = 0; i < 3; i++) {
		r = strncmp(a->grp[i], b->grp[i], sizeof a->grp[i]);
		if (r)
			return r < 0 ? -1 : 1;
	}
	return 0;
}

int sn_agcode_parent(const struct sn_agcode *c, struct sn_agcode *parent)
{
	struct sn_agcode p;
	int i;

	if (!c || !parent || c->status == SN_AGCODE_INVALID)
		return -1;
	p = *c; /* a copy, so PARENT may be C itself */
	for (i = 2; i >= 0 && !p.grp[i][0]; i--)
		;
	if (i < 0)
		return -1;
	memset(p.grp[i], 0, sizeof p.grp[i]);
	judge(&p, NULL);
	*parent = p;
	return 0;
}

int sn_agcode_set_l1(struct sn_agcode *c, const char *l1)
{
	if (!c || !l1 || c->status == SN_AGCODE_INVALID)
		return -1;
	if (!l1_shape_ok(l1, strlen(l1)))
		return -1;
	memcpy(c->l1, l1, 3);
	c->l1[3] = '\0';
	judge(c, NULL);
	return 0;
}

/* Length of a QCVN-shaped code starting at S (3 digits '.' 2+ digits '.' 2+ digits '.' letter
 * 2 digits, not followed by an ASCII digit or letter), or 0. The checks stop at the first
 * mismatch, so they never read past the terminating NUL. */
static size_t match_at(const char *s)
{
	size_t k, d;
	int grp;

	for (k = 0; k < 3; k++)
		if (!is_digit(s[k]))
			return 0;
	if (s[k++] != '.')
		return 0;
	for (grp = 0; grp < 2; grp++) {
		for (d = 0; is_digit(s[k + d]); d++)
			;
		if (d < 2 || s[k + d] != '.')
			return 0;
		k += d + 1;
	}
	if (!is_upper(s[k]) || !is_digit(s[k + 1]) || !is_digit(s[k + 2]))
		return 0;
	k += 3;
	/* Non-ASCII bytes may follow: a closing quotation mark or a no-break space is common. */
	if (is_digit(s[k]) || is_ascii_letter(s[k]))
		return 0;
	return k;
}

int sn_agcode_scan(const char *text, int (*fn)(void *arg, size_t off, size_t len), void *arg)
{
	size_t i = 0;

	if (!text || !fn)
		return 0;
	while (text[i]) {
		if (is_digit(text[i]) && (i == 0 || !is_digit(text[i - 1]))) {
			size_t m = match_at(text + i);

			if (m) {
				int r = fn(arg, i, m);

				if (r)
					return r;
				i += m;
				continue;
			}
		}
		i++;
	}
	return 0;
}

void sn_agcode_sort_key(const struct sn_agcode *c, const char *code, char *out, size_t len)
{
	if (c->status == SN_AGCODE_INVALID) {
		snprintf(out, len, "~%s", code);
		return;
	}
	long v[3];
	for (int i = 0; i < 3; i++)
		v[i] = c->grp[i][0] ? atol(c->grp[i]) + 1 : 0;
	snprintf(out, len, "%s.%05ld.%05ld.%05ld", c->l1, v[0], v[1], v[2]);
}

const char *sn_agcode_display(const char *code, enum sn_notation notation, char *buf, size_t len)
{
	struct sn_agcode c;
	if (!*code || sn_agcode_parse(code, &c) == SN_AGCODE_INVALID ||
	    sn_agcode_format(&c, notation, buf, len) < 0)
		snprintf(buf, len, "%s", code);
	return buf;
}

int sn_notation_parse(const char *s, enum sn_notation *out)
{
	if (!strcmp(s, "qcvn"))
		*out = SN_NOTATION_QCVN;
	else if (!strcmp(s, "left"))
		*out = SN_NOTATION_LEFT;
	else
		return -1;
	return 0;
}
