/* contact.c - checks of phone numbers and e-mail addresses (see contact.h for the contract).
 *
 * Decisions where no standard settles it:
 *  - Numbering facts: mobile prefixes as assigned after the 2018 move of 11-digit mobile numbers
 *    to 10 digits (Viettel 032-039, 086, 096-098; VinaPhone 081-085, 088, 091, 094; MobiFone
 *    070, 076-079, 089, 090, 093; Vietnamobile 052, 056, 058, 092; Gmobile 059, 099; Itelecom
 *    087; Reddi 055); landline area codes as renumbered in 2017 (all begin with 2; 24 and 28 have
 *    two digits, the others three; every landline number has 11 digits with the 0). A prefix
 *    outside these lists is reported: in a registry it is far more often a typo than a new
 *    network.
 *  - Separators inside a number: spaces (also U+00A0, common in spreadsheet cells), dots,
 *    dashes (also U+2010-U+2013, which word processors substitute) and parentheses, anywhere;
 *    '+' only first. Between numbers: ';' or ','.
 *  - International form: +84, 84 (11 or 12 digits in all) or 0084, then the number without its
 *    trunk 0; "+84 0251 ..." is reported, since dialled as written it does not connect.
 *  - The first bad value of a cell is reported, quoted as written (trimmed), so a reviewer can
 *    find it in the registry.
 */
#include "contact.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "i18n.h"
#include "banned.h"

/* The two digits after the leading 0 of mobile numbers in use. */
static const char mobile_prefixes[][3] = {
	"32", "33", "34", "35", "36", "37", "38", "39",
	"52", "55", "56", "58", "59",
	"70", "76", "77", "78", "79",
	"81", "82", "83", "84", "85", "86", "87", "88", "89",
	"90", "91", "92", "93", "94", "96", "97", "98", "99",
};

/* The 3-digit landline area codes of 2017 (24 and 28 are checked apart). */
static const char area_codes[][4] = {
	"203", "204", "205", "206", "207", "208", "209", "210", "211", "212", "213", "214", "215",
	"216", "218", "219", "220", "221", "222", "225", "226", "227", "228", "229", "232", "233",
	"234", "235", "236", "237", "238", "239", "251", "252", "254", "255", "256", "257", "258",
	"259", "260", "261", "262", "263", "269", "270", "271", "272", "273", "274", "275", "276",
	"277", "290", "291", "292", "293", "294", "296", "297", "299",
};

#define NELEMS(a) (sizeof(a) / sizeof((a)[0]))

static int is_space_at(const char *p, size_t n, size_t i, size_t *width)
{
	unsigned char ch = (unsigned char)p[i];
	if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n') {
		*width = 1;
		return 1;
	}
	if (ch == 0xC2 && i + 1 < n && (unsigned char)p[i + 1] == 0xA0) {
		*width = 2;  /* U+00A0 no-break space */
		return 1;
	}
	return 0;
}

/* A dash other than '-' that word processors put into numbers: U+2010 to U+2013. */
static int is_dash_at(const char *p, size_t n, size_t i)
{
	return i + 2 < n && (unsigned char)p[i] == 0xE2 && (unsigned char)p[i + 1] == 0x80 &&
	       (unsigned char)p[i + 2] >= 0x90 && (unsigned char)p[i + 2] <= 0x93;
}

/* Bytes of the UTF-8 character starting at p[i] (1 for ASCII or a stray byte), within n. */
static size_t char_len(const char *p, size_t n, size_t i)
{
	unsigned char ch = (unsigned char)p[i];
	size_t w = ch >= 0xF0 ? 4 : ch >= 0xE0 ? 3 : ch >= 0xC0 ? 2 : 1;
	return i + w <= n ? w : n - i;
}

/* Writes "'VALUE': REASON" to why and returns 1. */
static int failf(char *why, size_t len, const char *p, size_t n, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
static int failf(char *why, size_t len, const char *p, size_t n, const char *fmt, ...)
{
	if (!why || !len)
		return 1;
	int k = snprintf(why, len, "'%.*s': ", (int)n, p);
	if (k >= 0 && (size_t)k < len) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(why + k, len - (size_t)k, fmt, ap);
		va_end(ap);
	}
	return 1;
}

static int mobile_prefix(const char *two)
{
	for (size_t i = 0; i < NELEMS(mobile_prefixes); i++)
		if (two[0] == mobile_prefixes[i][0] && two[1] == mobile_prefixes[i][1])
			return 1;
	return 0;
}

static int area_code(const char *three)
{
	for (size_t i = 0; i < NELEMS(area_codes); i++)
		if (!strncmp(three, area_codes[i], 3))
			return 1;
	return 0;
}

/* One number, p[0..n) trimmed and non-empty. */
static int check_phone(const char *p, size_t n, char *why, size_t len)
{
	char d[24];
	size_t nd = 0;
	int plus = 0, open = 0;

	for (size_t i = 0; i < n;) {
		char ch = p[i];
		size_t w;
		if (ch >= '0' && ch <= '9') {
			if (nd < sizeof d - 1)
				d[nd] = ch;
			nd++;
			i++;
		} else if (ch == '+') {
			if (nd || plus)
				return failf(why, len, p, n, _("'+' may only begin a number"));
			plus = 1;
			i++;
		} else if (ch == '.' || ch == '-') {
			i++;
		} else if (is_space_at(p, n, i, &w)) {
			i += w;
		} else if (is_dash_at(p, n, i)) {
			i += 3;
		} else if (ch == '(' || ch == ')') {
			if ((ch == '(') == open)
				return failf(why, len, p, n, _("unbalanced parentheses"));
			open = ch == '(';
			i++;
		} else {
			size_t cl = char_len(p, n, i);
			if (ch == '/')
				return failf(why, len, p, n,
					     _("character '%.*s' is not allowed (separate numbers with ';')"), (int)cl, p + i);
			return failf(why, len, p, n, _("character '%.*s' is not allowed"), (int)cl, p + i);
		}
	}
	if (open)
		return failf(why, len, p, n, _("unbalanced parentheses"));
	if (!nd)
		return failf(why, len, p, n, _("no digits"));
	if (nd > 20)
		return failf(why, len, p, n, _("%zu digits (several numbers? separate them with ';')"), nd);
	d[nd] = '\0';

	/* The national form: international prefixes replaced by the trunk 0. */
	char nat[24];
	size_t skip = 0;
	if (plus) {
		if (strncmp(d, "84", 2))
			return failf(why, len, p, n, _("not a Vietnamese number (+84)"));
		skip = 2;
	} else if (!strncmp(d, "0084", 4)) {
		skip = 4;
	} else if (!strncmp(d, "84", 2) && (nd == 11 || nd == 12)) {
		skip = 2;
	}
	if (skip) {
		if (d[skip] == '0')
			return failf(why, len, p, n, _("the trunk 0 must be left out after +84"));
		if (!strncmp(d + skip, "1800", 4) || !strncmp(d + skip, "1900", 4))
			return failf(why, len, p, n, _("a 1800/1900 hotline has no international form"));
		snprintf(nat, sizeof nat, "0%s", d + skip);
	} else {
		snprintf(nat, sizeof nat, "%s", d);
	}
	size_t nn = strlen(nat);
	int several = nn >= 16;  /* several numbers run together? */

	if (!strncmp(nat, "1800", 4) || !strncmp(nat, "1900", 4)) {
		if (nn != 8 && nn != 10)
			return failf(why, len, p, n, _("a %.4s hotline has 8 or 10 digits, found %zu"), nat, nn);
		return 0;
	}
	if (nat[0] != '0') {
		if (nn <= 8)
			return failf(why, len, p, n, _("no area code (a landline number is 0, the area code, then "
						       "the subscriber number: 0251 3822 503)"));
		return failf(why, len, p, n, _("a number begins with 0, +84, 1800 or 1900"));
	}
	if (nn < 3)
		return failf(why, len, p, n, _("too short"));
	int mobile;
	switch (nat[1]) {
	case '2':
		if (nat[2] != '4' && nat[2] != '8' && (nn < 4 || !area_code(nat + 1)))
			return failf(why, len, p, n, _("area code 0%.3s is not one of the 2017 area codes"), nat + 1);
		mobile = 0;
		break;
	case '3': case '5': case '7': case '8': case '9':
		if (!mobile_prefix(nat + 1))
			return failf(why, len, p, n, _("prefix 0%.2s belongs to no mobile network"), nat + 1);
		mobile = 1;
		break;
	case '1':
		if (nn == 11)
			return failf(why, len, p, n, _("an 11-digit mobile number from before the 2018 renumbering"));
		return failf(why, len, p, n, _("prefix 01 is not in use since the 2018 renumbering"));
	default:
		return failf(why, len, p, n, _("prefix 0%c is neither a mobile network nor a 2017 area code "
			     "(an area code from before 2017?)"), nat[1]);
	}
	/* A landline number has 11 digits, a mobile one 10; the message by kind and by whether
	 * several numbers seem run together. */
	static const char *const wrong_length[2][2] = {
		{ N_("a landline number has 11 digits, found %zu"),
		  N_("a landline number has 11 digits, found %zu (several numbers? separate them with ';')") },
		{ N_("a mobile number has 10 digits, found %zu"),
		  N_("a mobile number has 10 digits, found %zu (several numbers? separate them with ';')") },
	};
	if (nn != (mobile ? 10 : 11))
		return failf(why, len, p, n, _(wrong_length[mobile][several]), nn);
	return 0;
}

static int email_local_char(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
	       (ch && strchr("!#$%&'*+/=?^_`{|}~.-", ch));
}

/* One address, p[0..n) trimmed and non-empty. */
static int check_email(const char *p, size_t n, char *why, size_t len)
{
	size_t at = n, ats = 0, w;
	for (size_t i = 0; i < n; i++) {
		if (is_space_at(p, n, i, &w))
			return failf(why, len, p, n, _("contains a space"));
		if (p[i] == '@') {
			if (!ats)
				at = i;
			ats++;
		}
	}
	if (!ats)
		return failf(why, len, p, n, _("no '@'"));
	if (ats > 1)
		return failf(why, len, p, n, _("more than one '@'"));
	if (n > 254)
		return failf(why, len, p, n, _("longer than 254 characters"));
	if (at == 0)
		return failf(why, len, p, n, _("nothing before '@'"));
	if (at > 64)
		return failf(why, len, p, n, _("more than 64 characters before '@'"));
	for (size_t i = 0; i < at; i++) {
		if ((unsigned char)p[i] >= 0x80)
			return failf(why, len, p, n, _("non-ASCII character '%.*s' before '@'"),
				     (int)char_len(p, at, i), p + i);
		if (!email_local_char(p[i]))
			return failf(why, len, p, n, _("character '%c' is not allowed before '@'"), p[i]);
		if (p[i] == '.' && (i == 0 || i + 1 == at || p[i + 1] == '.'))
			return failf(why, len, p, n, _("a dot first, last or doubled before '@'"));
	}
	const char *dom = p + at + 1;
	size_t dn = n - at - 1, labels = 0, start = 0;
	if (!dn)
		return failf(why, len, p, n, _("nothing after '@'"));
	for (size_t i = 0; i <= dn; i++) {
		if (i < dn && dom[i] != '.') {
			char ch = dom[i];
			if ((unsigned char)ch >= 0x80)
				return failf(why, len, p, n, _("non-ASCII character '%.*s' in the domain"),
					     (int)char_len(dom, dn, i), dom + i);
			if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
			      ch == '-'))
				return failf(why, len, p, n, _("character '%c' is not allowed in the domain"), ch);
			continue;
		}
		size_t ln = i - start;
		if (!ln)
			return failf(why, len, p, n, _("an empty label in the domain (a dot first, last or doubled)"));
		if (ln > 63)
			return failf(why, len, p, n, _("a label of the domain is longer than 63 characters"));
		if (dom[start] == '-' || dom[i - 1] == '-')
			return failf(why, len, p, n, _("a label of the domain begins or ends with '-'"));
		labels++;
		if (i == dn && labels < 2)
			return failf(why, len, p, n, _("the domain '%.*s' has no top-level domain (.vn, .com, ...)"),
				     (int)dn, dom);
		if (i == dn && !(ln > 4 && !strncmp(dom + start, "xn--", 4))) {
			for (size_t k = start; k < i; k++)
				if (!((dom[k] >= 'a' && dom[k] <= 'z') || (dom[k] >= 'A' && dom[k] <= 'Z')))
					return failf(why, len, p, n, _("top-level domain '%.*s' is not letters"),
						     (int)ln, dom + start);
			if (ln < 2)
				return failf(why, len, p, n, _("top-level domain '%.*s' is one letter"), (int)ln,
					     dom + start);
		}
		start = i + 1;
	}
	return 0;
}

/* Splits CELL on ';' and ',' and checks each trimmed value with CHECK. */
static int check_cell(const char *cell, char *why, size_t len,
		      int (*check)(const char *, size_t, char *, size_t))
{
	if (why && len)
		why[0] = '\0';
	if (!cell)
		return 0;
	int values = 0, blank = 1;
	const char *p = cell;
	for (;;) {
		size_t n = strcspn(p, ";,"), a = 0, b = n, w;
		while (a < b && is_space_at(p, b, a, &w))
			a += w;
		/* trailing spaces: step back over ASCII blanks and U+00A0 */
		while (b > a) {
			if (p[b - 1] == ' ' || p[b - 1] == '\t' || p[b - 1] == '\r' || p[b - 1] == '\n')
				b--;
			else if (b - a >= 2 && (unsigned char)p[b - 2] == 0xC2 && (unsigned char)p[b - 1] == 0xA0)
				b -= 2;
			else
				break;
		}
		if (b > a) {
			values++;
			if (check(p + a, b - a, why, len))
				return 1;
		}
		if (p[n] == '\0')
			break;
		blank = 0;  /* a separator is not blank */
		p += n + 1;
	}
	if (!values && !blank) {
		if (why && len)
			snprintf(why, len, _("'%s': no value between the separators"), cell);
		return 1;
	}
	return 0;
}

int sn_phone_check(const char *cell, char *why, size_t len)
{
	return check_cell(cell, why, len, check_phone);
}

int sn_email_check(const char *cell, char *why, size_t len)
{
	return check_cell(cell, why, len, check_email);
}

/* sn_phone_problem(cell) / sn_email_problem(cell): NULL or the reason. */
static void sql_problem(sqlite3_context *c, int argc, sqlite3_value **v)
{
	(void)argc;
	const char *s = (const char *)sqlite3_value_text(v[0]);
	char why[300];
	int bad = (intptr_t)sqlite3_user_data(c) ? sn_email_check(s, why, sizeof why)
						 : sn_phone_check(s, why, sizeof why);
	if (bad)
		sqlite3_result_text(c, why, -1, SQLITE_TRANSIENT);
	else
		sqlite3_result_null(c);
}

int sn_contact_functions(sqlite3 *db)
{
	int f = SQLITE_UTF8 | SQLITE_DETERMINISTIC, r;
	r = sqlite3_create_function(db, "sn_phone_problem", 1, f, (void *)(intptr_t)0, sql_problem, NULL, NULL);
	if (r == SQLITE_OK)
		r = sqlite3_create_function(db, "sn_email_problem", 1, f, (void *)(intptr_t)1, sql_problem, NULL, NULL);
	return r;
}
