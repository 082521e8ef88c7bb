/* test_agcode.c - unit tests of agency identifier codes (tools/agcode.c).
 *
 * Every case asserts exact values: the parsed fields, the formatted text in both notations and
 * the exact problem message, so a changed rule or wording shows up here.
 */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

#include "agcode.h"

#define N_ELEMS(a) (sizeof(a) / sizeof((a)[0]))

static struct sn_agcode parse_ok(const char *s)
{
	struct sn_agcode c;

	if (sn_agcode_parse(s, &c) != SN_AGCODE_OK)
		fail_msg("'%s' should be OK, got %d: %s", s, c.status, c.problem);
	assert_string_equal(c.problem, "");
	return c;
}

static void assert_fields(const struct sn_agcode *c, const char *l1, const char *g2,
			  const char *g3, const char *g4, int depth, enum sn_notation notation)
{
	assert_string_equal(c->l1, l1);
	assert_string_equal(c->grp[0], g2);
	assert_string_equal(c->grp[1], g3);
	assert_string_equal(c->grp[2], g4);
	assert_int_equal(c->depth, depth);
	assert_int_equal(c->notation, notation);
}

/* Formats C in NOTATION; returns the text or the reason, and the return value in *RET. */
static const char *fmt(const struct sn_agcode *c, enum sn_notation notation, char *buf,
		       size_t len, int *ret)
{
	*ret = sn_agcode_format(c, notation, buf, len);
	return buf;
}

/* ---- parsing conforming codes ---- */

static void test_parse_qcvn(void **state)
{
	struct sn_agcode c;

	(void)state;
	c = parse_ok("000.00.00.H19");
	assert_fields(&c, "H19", "", "", "", 1, SN_NOTATION_QCVN);
	c = parse_ok("000.00.16.H19");
	assert_fields(&c, "H19", "16", "", "", 2, SN_NOTATION_QCVN);
	c = parse_ok("000.03.16.H19");
	assert_fields(&c, "H19", "16", "03", "", 3, SN_NOTATION_QCVN);
	c = parse_ok("001.03.16.H19");
	assert_fields(&c, "H19", "16", "03", "001", 4, SN_NOTATION_QCVN);
	c = parse_ok("000.00.18.G12");
	assert_fields(&c, "G12", "18", "", "", 2, SN_NOTATION_QCVN);
	c = parse_ok("000.00.01.H26");
	assert_fields(&c, "H26", "01", "", "", 2, SN_NOTATION_QCVN);
	c = parse_ok("000.00.00.K19");
	assert_fields(&c, "K19", "", "", "", 1, SN_NOTATION_QCVN);
	c = parse_ok("000.00.00.A01");
	assert_fields(&c, "A01", "", "", "", 1, SN_NOTATION_QCVN);
}

static void test_parse_left(void **state)
{
	struct sn_agcode c;

	(void)state;
	c = parse_ok("H26.16");
	assert_fields(&c, "H26", "16", "", "", 2, SN_NOTATION_LEFT);
	c = parse_ok("H55.242");
	assert_fields(&c, "H55", "242", "", "", 2, SN_NOTATION_LEFT);
	c = parse_ok("G12.18");
	assert_fields(&c, "G12", "18", "", "", 2, SN_NOTATION_LEFT);
	c = parse_ok("H19");
	assert_fields(&c, "H19", "", "", "", 1, SN_NOTATION_LEFT);
	c = parse_ok("H19.16.03.001");
	assert_fields(&c, "H19", "16", "03", "001", 4, SN_NOTATION_LEFT);
	c = parse_ok("H26.1");
	assert_fields(&c, "H26", "1", "", "", 2, SN_NOTATION_LEFT);
	c = parse_ok("A01.1234.5.67");
	assert_fields(&c, "A01", "1234", "5", "67", 4, SN_NOTATION_LEFT);
}

static void test_parse_spaces(void **state)
{
	struct sn_agcode c;

	(void)state;
	c = parse_ok("  \t000.00.16.H19\r\n");
	assert_fields(&c, "H19", "16", "", "", 2, SN_NOTATION_QCVN);
	c = parse_ok("\xc2\xa0H26.16\xc2\xa0 ");  /* no-break spaces from a spreadsheet cell */
	assert_fields(&c, "H26", "16", "", "", 2, SN_NOTATION_LEFT);
}

/* ---- formatting and round trips ---- */

struct fmt_case {
	const char *in;
	const char *qcvn;  /* QCVN text, or the reason QCVN formatting fails */
	int qcvn_ok;
	const char *left;  /* QĐ 20 text, or the reason it fails */
	int left_ok;
};

static void test_format_and_round_trip(void **state)
{
	static const struct fmt_case cases[] = {
		{"000.00.00.H19", "000.00.00.H19", 1, "H19", 1},
		{"000.00.16.H19", "000.00.16.H19", 1, "H19.16", 1},
		{"000.03.16.H19", "000.03.16.H19", 1, "H19.16.03", 1},
		{"001.03.16.H19", "001.03.16.H19", 1, "H19.16.03.001", 1},
		{"000.00.18.G12", "000.00.18.G12", 1, "G12.18", 1},
		{"G12.18", "000.00.18.G12", 1, "G12.18", 1},
		{"H26.16", "000.00.16.H26", 1, "H26.16", 1},
		{"000.00.01.H26", "000.00.01.H26", 1, "H26.01", 1},
		{"H26.01", "000.00.01.H26", 1, "H26.01", 1},
		{"H19", "000.00.00.H19", 1, "H19", 1},
		{"H19.16.03.001", "001.03.16.H19", 1, "H19.16.03.001", 1},
		{"120.45.37.K01", "120.45.37.K01", 1, "K01.37.45.120", 1},
		/* narrower LEFT groups are padded; the QCVN form then reads back as "01" */
		{"H26.1", "000.00.01.H26", 1, "H26.1", 1},
		{"H19.16.3.7", "007.03.16.H19", 1, "H19.16.3.7", 1},
		/* wider LEFT groups do not fit QCVN: never drop a digit, not even a zero */
		{"H55.242", "level-2 group '242' has 3 digits; QCVN 102 allows 2", 0, "H55.242", 1},
		{"H26.016", "level-2 group '016' has 3 digits; QCVN 102 allows 2", 0, "H26.016", 1},
		{"H19.16.03.1000", "level-4 group '1000' has 4 digits; QCVN 102 allows 3", 0,
		 "H19.16.03.1000", 1},
	};
	size_t i;

	(void)state;
	for (i = 0; i < N_ELEMS(cases); i++) {
		const struct fmt_case *k = &cases[i];
		struct sn_agcode c, back;
		char buf[64], again[64];
		int r, r2;

		c = parse_ok(k->in);
		fmt(&c, SN_NOTATION_QCVN, buf, sizeof buf, &r);
		assert_string_equal(buf, k->qcvn);
		if (k->qcvn_ok) {
			assert_int_equal(r, (int)strlen(k->qcvn));
			/* the QCVN form is conforming and formats to itself */
			back = parse_ok(buf);
			assert_int_equal(back.notation, SN_NOTATION_QCVN);
			fmt(&back, SN_NOTATION_QCVN, again, sizeof again, &r2);
			assert_int_equal(r2, r);
			assert_string_equal(again, buf);
		} else {
			assert_int_equal(r, -1);
		}
		fmt(&c, SN_NOTATION_LEFT, buf, sizeof buf, &r);
		assert_string_equal(buf, k->left);
		if (k->left_ok) {
			assert_int_equal(r, (int)strlen(k->left));
			back = parse_ok(buf);
			assert_int_equal(back.notation, SN_NOTATION_LEFT);
			fmt(&back, SN_NOTATION_LEFT, again, sizeof again, &r2);
			assert_int_equal(r2, r);
			assert_string_equal(again, buf);
			/* the LEFT form keeps every digit: same value, same written digits */
			assert_int_equal(sn_agcode_cmp(&back, &c), 0);
		} else {
			assert_int_equal(r, -1);
		}
	}
}

/* A conforming QCVN code goes to QĐ 20 and back unchanged. */
static void test_qcvn_left_qcvn(void **state)
{
	static const char *const codes[] = {
		"000.00.00.H19", "000.00.16.H19", "000.03.16.H19", "001.03.16.H19",
		"000.00.18.G12", "000.00.01.H26", "010.10.10.J10", "100.01.98.E99",
	};
	size_t i;

	(void)state;
	for (i = 0; i < N_ELEMS(codes); i++) {
		struct sn_agcode c = parse_ok(codes[i]), left;
		char buf[64];
		int r;

		assert_int_not_equal(sn_agcode_format(&c, SN_NOTATION_LEFT, buf, sizeof buf), -1);
		left = parse_ok(buf);
		assert_int_equal(sn_agcode_cmp(&left, &c), 0);
		r = sn_agcode_format(&left, SN_NOTATION_QCVN, buf, sizeof buf);
		assert_int_equal(r, 13);
		assert_string_equal(buf, codes[i]);
	}
}

static void test_format_errors(void **state)
{
	struct sn_agcode c = parse_ok("000.00.16.H19"), bad;
	char buf[64];

	(void)state;
	/* exactly enough room, then one byte short: the reason "buffer too small: N bytes
	 * needed" is cut to fit the buffer */
	assert_int_equal(sn_agcode_format(&c, SN_NOTATION_QCVN, buf, 14), 13);
	assert_string_equal(buf, "000.00.16.H19");
	assert_int_equal(sn_agcode_format(&c, SN_NOTATION_QCVN, buf, 13), -1);
	assert_string_equal(buf, "buffer too s");
	assert_int_equal(sn_agcode_format(&c, SN_NOTATION_LEFT, buf, 7), 6);
	assert_string_equal(buf, "H19.16");
	assert_int_equal(sn_agcode_format(&c, SN_NOTATION_LEFT, buf, 6), -1);
	assert_string_equal(buf, "buffe");
	assert_int_equal(sn_agcode_format(&c, SN_NOTATION_LEFT, buf, sizeof buf), 6);
	assert_int_equal(sn_agcode_format(&c, SN_NOTATION_LEFT, NULL, 10), -1);
	assert_int_equal(sn_agcode_format(&c, SN_NOTATION_LEFT, buf, 0), -1);
	assert_int_equal(sn_agcode_format(NULL, SN_NOTATION_LEFT, buf, sizeof buf), -1);
	assert_string_equal(buf, "no code");
	assert_int_equal(sn_agcode_format(&c, (enum sn_notation)7, buf, sizeof buf), -1);
	assert_string_equal(buf, "unknown notation");

	assert_int_equal(sn_agcode_parse("19.16", &bad), SN_AGCODE_INVALID);
	assert_int_equal(sn_agcode_format(&bad, SN_NOTATION_QCVN, buf, sizeof buf), -1);
	assert_string_equal(buf, "cannot format an invalid code");

	/* a hand-built struct with a present zero group or a lower-case letter is refused */
	bad = c;
	memcpy(bad.grp[1], "00", 3);
	assert_int_equal(sn_agcode_format(&bad, SN_NOTATION_QCVN, buf, sizeof buf), -1);
	assert_string_equal(buf, "malformed code structure");
	bad = c;
	bad.l1[0] = 'h';
	assert_int_equal(sn_agcode_format(&bad, SN_NOTATION_LEFT, buf, sizeof buf), -1);
	assert_string_equal(buf, "malformed code structure");
}

/* ---- invalid input ---- */

struct bad_case {
	const char *in;
	const char *why;
};

static void test_invalid(void **state)
{
	static const struct bad_case cases[] = {
		{"", "empty code"},
		{"   \t ", "empty code"},
		{"000.00.16.h19", "character 'h' at position 11 must be upper case ('H')"},
		{"  h19.16", "character 'h' at position 3 must be upper case ('H')"},
		{"000.00.16.H1?", "character '?' at position 13 is not allowed (0-9, A-Z, '.')"},
		{"000.00.1 6.H19", "character ' ' at position 9 is not allowed (0-9, A-Z, '.')"},
		{"000-00-16-H19", "character '-' at position 4 is not allowed (0-9, A-Z, '.')"},
		{"000.00.16.H19\t1", "byte 0x09 at position 14 is not allowed (0-9, A-Z, '.')"},
		{"000.\xc4\x90" "0.16.H19",
		 "character '\xc4\x90' (U+0110) at position 5 is not allowed (0-9, A-Z, '.')"},
		{"\xc2\xa0" "000.\xc4\x90",
		 "character '\xc4\x90' (U+0110) at position 6 is not allowed (0-9, A-Z, '.')"},
		{"000.00.16.H\xff", "byte 0xFF at position 12 is not allowed (0-9, A-Z, '.')"},
		{"000.00.16.H\xc4", "byte 0xC4 at position 12 is not allowed (0-9, A-Z, '.')"},
		/* overlong and surrogate encodings are not characters */
		{"H19.\xe0\x80\x80", "byte 0xE0 at position 5 is not allowed (0-9, A-Z, '.')"},
		{"H19.\xed\xa0\x80", "byte 0xED at position 5 is not allowed (0-9, A-Z, '.')"},
		{"H19.\xf4\x8f\xbf\xbf", "character '\xf4\x8f\xbf\xbf' (U+10FFFF) at position 5 is"
					" not allowed (0-9, A-Z, '.')"},
		{"000.00.H19", "QCVN notation needs 4 groups; found 3"},
		{"16.H19", "QCVN notation needs 4 groups; found 2"},
		{"1.000.00.00.H19", "QCVN notation needs 4 groups; found 5"},
		{"H19.16.03.001.01", "more than 4 levels (5 groups)"},
		{"000.00.16.H19.000.00.16.H19.000.00", "no level-1 group (a letter and 2 digits: first"
						       " in QĐ 20 notation, last in QCVN 102)"},
		{"000000000000000000000000000000000000",
		 "code is 36 characters long; at most 35 allowed"},
		{"000..16.H19", "group 2 is empty ('..' at position 4)"},
		{".000.00.16.H19", "code starts with '.'"},
		{"000.00.16.H19.", "code ends with '.'"},
		{".", "code starts with '.'"},
		{"H1.16", "level-1 group 'H1' must be a letter and 2 digits"},
		{"000.00.16.HH9", "level-1 group 'HH9' must be a letter and 2 digits"},
		{"000.00.16.H190", "level-1 group 'H190' must be a letter and 2 digits"},
		{"19.16", "no level-1 group (a letter and 2 digits: first in QĐ 20 notation, last in"
			  " QCVN 102)"},
		{"000.00.16.19", "no level-1 group (a letter and 2 digits: first in QĐ 20 notation,"
				 " last in QCVN 102)"},
		{"000.0A.16.H19", "level-3 group '0A' must be digits only"},
		{"H19.16.H19", "level-3 group 'H19' must be digits only"},
		{"H19.12345678", "level-2 group '12345678' has 8 digits; too long for an agency code"},
	};
	size_t i;

	(void)state;
	for (i = 0; i < N_ELEMS(cases); i++) {
		struct sn_agcode c;

		memset(&c, 0x5a, sizeof c); /* leftovers must not survive */
		assert_int_equal(sn_agcode_parse(cases[i].in, &c), SN_AGCODE_INVALID);
		assert_int_equal(c.status, SN_AGCODE_INVALID);
		assert_string_equal(c.problem, cases[i].why);
		assert_string_equal(c.l1, "");
		assert_string_equal(c.grp[0], "");
		assert_int_equal(c.depth, 0);
	}
}

static void test_invalid_null(void **state)
{
	struct sn_agcode c;

	(void)state;
	assert_int_equal(sn_agcode_parse(NULL, &c), SN_AGCODE_INVALID);
	assert_string_equal(c.problem, "empty code");
	assert_int_equal(sn_agcode_parse("000.00.16.H19", NULL), SN_AGCODE_INVALID);
}

/* ---- nonconforming codes: kept, with the reason ---- */

struct odd_case {
	const char *in;
	const char *why;
	const char *l1, *g2, *g3, *g4;
	int depth;
	enum sn_notation notation;
	const char *qcvn; /* format as QCVN: text or reason */
	const char *left; /* format as LEFT: text or reason */
};

static void test_nonconforming(void **state)
{
	static const struct odd_case cases[] = {
		{"998.99.99.H05", "placeholder group '99' at level 2", "H05", "99", "99", "998", 4,
		 SN_NOTATION_QCVN, "998.99.99.H05", "H05.99.99.998"},
		{"998.03.16.H19", "placeholder group '998' at level 4", "H19", "16", "03", "998", 4,
		 SN_NOTATION_QCVN, "998.03.16.H19", "H19.16.03.998"},
		{"H19.16.99", "placeholder group '99' at level 3", "H19", "16", "99", "", 3,
		 SN_NOTATION_LEFT, "000.99.16.H19", "H19.16.99"},
		{"000.302.36.H05", "level-3 group '302' has 3 digits; QCVN 102 allows 2", "H05", "36",
		 "302", "", 3, SN_NOTATION_QCVN,
		 "level-3 group '302' has 3 digits; QCVN 102 allows 2", "H05.36.302"},
		{"000.00.101.H05", "level-2 group '101' has 3 digits; QCVN 102 allows 2", "H05", "101",
		 "", "", 2, SN_NOTATION_QCVN,
		 "level-2 group '101' has 3 digits; QCVN 102 allows 2", "H05.101"},
		{"0001.03.16.H19", "level-4 group '0001' has 4 digits; QCVN 102 allows 3", "H19", "16",
		 "03", "0001", 4, SN_NOTATION_QCVN,
		 "level-4 group '0001' has 4 digits; QCVN 102 allows 3", "H19.16.03.0001"},
		{"0.0.16.H19", "level-3 group '0' has 1 digit; QCVN 102 needs 2", "H19", "16", "", "",
		 2, SN_NOTATION_QCVN, "000.00.16.H19", "H19.16"},
		{"01.00.16.H19", "level-4 group '01' has 2 digits; QCVN 102 needs 3", "H19", "16", "",
		 "01", 4, SN_NOTATION_QCVN, "001.00.16.H19",
		 "level 4 present under an absent level 3; QĐ 20 notation cannot show the gap"},
		{"001.00.16.H19", "level 4 present under an absent level 3", "H19", "16", "", "001", 4,
		 SN_NOTATION_QCVN, "001.00.16.H19",
		 "level 4 present under an absent level 3; QĐ 20 notation cannot show the gap"},
		{"000.03.00.H19", "level 3 present under an absent level 2", "H19", "", "03", "", 3,
		 SN_NOTATION_QCVN, "000.03.00.H19",
		 "level 3 present under an absent level 2; QĐ 20 notation cannot show the gap"},
		{"X19.01", "level-1 letter 'X' is outside A-K", "X19", "01", "", "", 2,
		 SN_NOTATION_LEFT, "000.00.01.X19", "X19.01"},
		{"000.00.00.L01", "level-1 letter 'L' is outside A-K", "L01", "", "", "", 1,
		 SN_NOTATION_QCVN, "000.00.00.L01", "L01"},
		{"H00.01", "level-1 group 'H00' has number 00", "H00", "01", "", "", 2,
		 SN_NOTATION_LEFT, "000.00.01.H00", "H00.01"},
		{"H19.00.05", "level-2 group '00' is zero; QĐ 20 notation leaves absent levels out",
		 "H19", "", "05", "", 3, SN_NOTATION_LEFT, "000.05.00.H19",
		 "level 3 present under an absent level 2; QĐ 20 notation cannot show the gap"},
		{"H19.16.0", "level-3 group '0' is zero; QĐ 20 notation leaves absent levels out",
		 "H19", "16", "", "", 2, SN_NOTATION_LEFT, "000.00.16.H19", "H19.16"},
		{"H19.12345", "level-2 group '12345' has 5 digits; QĐ 20 notation allows at most 4",
		 "H19", "12345", "", "", 2, SN_NOTATION_LEFT,
		 "level-2 group '12345' has 5 digits; QCVN 102 allows 2", "H19.12345"},
		/* the first problem wins: level 1 before the groups */
		{"999.99.302.Z00", "level-1 letter 'Z' is outside A-K", "Z00", "302", "99", "999", 4,
		 SN_NOTATION_QCVN, "level-2 group '302' has 3 digits; QCVN 102 allows 2",
		 "Z00.302.99.999"},
	};
	size_t i;

	(void)state;
	for (i = 0; i < N_ELEMS(cases); i++) {
		const struct odd_case *k = &cases[i];
		struct sn_agcode c;
		char buf[128];

		assert_int_equal(sn_agcode_parse(k->in, &c), SN_AGCODE_NONCONFORMING);
		assert_int_equal(c.status, SN_AGCODE_NONCONFORMING);
		assert_string_equal(c.problem, k->why);
		assert_fields(&c, k->l1, k->g2, k->g3, k->g4, k->depth, k->notation);
		sn_agcode_format(&c, SN_NOTATION_QCVN, buf, sizeof buf);
		assert_string_equal(buf, k->qcvn);
		sn_agcode_format(&c, SN_NOTATION_LEFT, buf, sizeof buf);
		assert_string_equal(buf, k->left);
	}
}

/* ---- ordering ---- */

static int cmp_codes(const void *a, const void *b)
{
	return sn_agcode_cmp(a, b);
}

static void test_sort(void **state)
{
	static const char *const shuffled[] = {
		"H19.16.03.001", "000.00.10.H05", "K01",           "000.00.02.H19",
		"G12.18",        "000.03.16.H19", "A01.01",        "H19.2",
		"000.00.16.H19", "H05.9",         "000.00.00.G12", "000.00.00.H19",
	};
	static const char *const sorted[] = {
		"A01.01", "000.00.00.G12", "G12.18", "H05.9", "000.00.10.H05", "000.00.00.H19",
		"000.00.02.H19", "H19.2", "000.00.16.H19", "000.03.16.H19", "H19.16.03.001", "K01",
	};
	struct sn_agcode codes[N_ELEMS(shuffled)], want[N_ELEMS(sorted)];
	size_t i, j;

	(void)state;
	for (i = 0; i < N_ELEMS(shuffled); i++)
		codes[i] = parse_ok(shuffled[i]);
	for (i = 0; i < N_ELEMS(sorted); i++)
		want[i] = parse_ok(sorted[i]);
	qsort(codes, N_ELEMS(codes), sizeof codes[0], cmp_codes);
	for (i = 0; i < N_ELEMS(codes); i++) {
		char buf[64];

		assert_int_equal(sn_agcode_cmp(&codes[i], &want[i]), 0);
		/* same notation too: each sorted entry is the very code listed */
		assert_int_equal(codes[i].notation, want[i].notation);
		assert_int_not_equal(sn_agcode_format(&codes[i], codes[i].notation, buf, sizeof buf),
				     -1);
		assert_string_equal(buf, sorted[i]);
	}
	/* a strict total order: antisymmetric, every distinct pair unequal */
	for (i = 0; i < N_ELEMS(want); i++)
		for (j = 0; j < N_ELEMS(want); j++) {
			int r = sn_agcode_cmp(&want[i], &want[j]);

			assert_int_equal(r, i < j ? -1 : i > j ? 1 : 0);
		}
}

static void test_cmp_across_notations(void **state)
{
	struct sn_agcode a = parse_ok("G12.18"), b = parse_ok("000.00.18.G12");
	struct sn_agcode c = parse_ok("H26.1"), d = parse_ok("000.00.01.H26");
	struct sn_agcode e = parse_ok("H26.01");

	(void)state;
	assert_int_equal(sn_agcode_cmp(&a, &b), 0);
	assert_int_equal(sn_agcode_cmp(&b, &a), 0);
	/* equal value, different digits: tie broken by the digits, "01" before "1" */
	assert_int_equal(sn_agcode_cmp(&d, &c), -1);
	assert_int_equal(sn_agcode_cmp(&c, &d), 1);
	assert_int_equal(sn_agcode_cmp(&d, &e), 0);
	assert_int_equal(sn_agcode_cmp(&a, &a), 0);
	assert_int_equal(sn_agcode_cmp(NULL, &a), -1);
	assert_int_equal(sn_agcode_cmp(&a, NULL), 1);
}

/* ---- parent and level-1 replacement ---- */

static void check_chain(const char *const *chain, size_t n, enum sn_notation notation)
{
	struct sn_agcode c = parse_ok(chain[0]), p;
	char buf[64];
	size_t i;

	for (i = 1; i < n; i++) {
		memset(&p, 0x5a, sizeof p);
		assert_int_equal(sn_agcode_parent(&c, &p), 0);
		assert_int_equal(p.status, SN_AGCODE_OK);
		assert_string_equal(p.problem, "");
		assert_int_equal(p.notation, notation);
		assert_int_equal(p.depth, (int)(n - i));
		assert_int_not_equal(sn_agcode_format(&p, notation, buf, sizeof buf), -1);
		assert_string_equal(buf, chain[i]);
		c = p;
	}
	memset(&p, 0x5a, sizeof p);
	assert_int_equal(c.depth, 1);
	assert_int_equal(sn_agcode_parent(&c, &p), -1);
}

static void test_parent(void **state)
{
	static const char *const qcvn[] = {"001.03.16.H19", "000.03.16.H19", "000.00.16.H19",
					   "000.00.00.H19"};
	static const char *const left[] = {"H19.16.03.001", "H19.16.03", "H19.16", "H19"};
	struct sn_agcode c, p;
	char buf[64];

	(void)state;
	check_chain(qcvn, N_ELEMS(qcvn), SN_NOTATION_QCVN);
	check_chain(left, N_ELEMS(left), SN_NOTATION_LEFT);

	/* in place */
	c = parse_ok("000.03.16.H19");
	assert_int_equal(sn_agcode_parent(&c, &c), 0);
	sn_agcode_format(&c, SN_NOTATION_QCVN, buf, sizeof buf);
	assert_string_equal(buf, "000.00.16.H19");
	assert_int_equal(c.depth, 2);

	/* a gap: the parent drops the deepest level and is judged afresh */
	assert_int_equal(sn_agcode_parse("001.00.16.H19", &c), SN_AGCODE_NONCONFORMING);
	assert_int_equal(sn_agcode_parent(&c, &p), 0);
	assert_int_equal(p.status, SN_AGCODE_OK);
	assert_string_equal(p.problem, "");
	assert_int_equal(p.depth, 2);
	sn_agcode_format(&p, SN_NOTATION_QCVN, buf, sizeof buf);
	assert_string_equal(buf, "000.00.16.H19");

	/* a placeholder: its parent still carries the 99 above it */
	assert_int_equal(sn_agcode_parse("998.99.99.H05", &c), SN_AGCODE_NONCONFORMING);
	assert_int_equal(sn_agcode_parent(&c, &p), 0);
	assert_int_equal(p.status, SN_AGCODE_NONCONFORMING);
	assert_string_equal(p.problem, "placeholder group '99' at level 2");
	assert_int_equal(p.depth, 3);

	assert_int_equal(sn_agcode_parse("19.16", &c), SN_AGCODE_INVALID);
	assert_int_equal(sn_agcode_parent(&c, &p), -1);
	assert_int_equal(sn_agcode_parent(NULL, &p), -1);
}

static void test_set_l1(void **state)
{
	struct sn_agcode c, before;
	char buf[64];

	(void)state;
	c = parse_ok("001.03.16.H10");
	assert_int_equal(sn_agcode_set_l1(&c, "H19"), 0);
	assert_fields(&c, "H19", "16", "03", "001", 4, SN_NOTATION_QCVN);
	assert_int_equal(c.status, SN_AGCODE_OK);
	assert_int_equal(sn_agcode_format(&c, SN_NOTATION_QCVN, buf, sizeof buf), 13);
	assert_string_equal(buf, "001.03.16.H19");

	c = parse_ok("H10.16");
	assert_int_equal(sn_agcode_set_l1(&c, "H19"), 0);
	assert_int_equal(sn_agcode_format(&c, SN_NOTATION_LEFT, buf, sizeof buf), 6);
	assert_string_equal(buf, "H19.16");

	c = parse_ok("000.00.00.H10");
	assert_int_equal(sn_agcode_set_l1(&c, "K19"), 0);
	assert_fields(&c, "K19", "", "", "", 1, SN_NOTATION_QCVN);

	/* rejected: not a letter + 2 digits; the code is left unchanged */
	c = parse_ok("000.00.16.H10");
	before = c;
	assert_int_equal(sn_agcode_set_l1(&c, "H1"), -1);
	assert_int_equal(sn_agcode_set_l1(&c, "H190"), -1);
	assert_int_equal(sn_agcode_set_l1(&c, "h19"), -1);
	assert_int_equal(sn_agcode_set_l1(&c, "19H"), -1);
	assert_int_equal(sn_agcode_set_l1(&c, ""), -1);
	assert_int_equal(sn_agcode_set_l1(&c, NULL), -1);
	assert_memory_equal(&c, &before, sizeof c);

	/* the status follows the new level 1 */
	assert_int_equal(sn_agcode_set_l1(&c, "X19"), 0);
	assert_int_equal(c.status, SN_AGCODE_NONCONFORMING);
	assert_string_equal(c.problem, "level-1 letter 'X' is outside A-K");
	assert_int_equal(sn_agcode_set_l1(&c, "H19"), 0);
	assert_int_equal(c.status, SN_AGCODE_OK);
	assert_string_equal(c.problem, "");

	/* a problem in the lower levels stays */
	assert_int_equal(sn_agcode_parse("000.302.36.H05", &c), SN_AGCODE_NONCONFORMING);
	assert_int_equal(sn_agcode_set_l1(&c, "H19"), 0);
	assert_int_equal(c.status, SN_AGCODE_NONCONFORMING);
	assert_string_equal(c.problem, "level-3 group '302' has 3 digits; QCVN 102 allows 2");

	assert_int_equal(sn_agcode_parse("19.16", &c), SN_AGCODE_INVALID);
	assert_int_equal(sn_agcode_set_l1(&c, "H19"), -1);
}

/* ---- finding codes inside text ---- */

struct hits {
	size_t n;
	size_t off[8], len[8];
	int stop_after; /* return 99 after this many hits; 0: never */
};

static int on_hit(void *arg, size_t off, size_t len)
{
	struct hits *h = arg;

	if (h->n < N_ELEMS(h->off)) {
		h->off[h->n] = off;
		h->len[h->n] = len;
	}
	h->n++;
	return h->stop_after && (int)h->n >= h->stop_after ? 99 : 0;
}

static struct hits scan(const char *text)
{
	struct hits h;

	memset(&h, 0, sizeof h);
	assert_int_equal(sn_agcode_scan(text, on_hit, &h), 0);
	return h;
}

static void assert_one_hit(const char *text, size_t off, size_t len, const char *code)
{
	struct hits h = scan(text);

	assert_int_equal(h.n, 1);
	assert_int_equal(h.off[0], off);
	assert_int_equal(h.len[0], len);
	assert_memory_equal(text + off, code, len);
}

static void test_scan(void **state)
{
	struct hits h;
	const char *two = "From 000.00.00.H10 to 000.00.16.H19";

	(void)state;
	assert_one_hit("1.001612.000.00.00.H10", 9, 13, "000.00.00.H10");
	assert_one_hit("2.000815.000.00.00.H55.02", 9, 13, "000.00.00.H55");
	assert_one_hit("000.00.01.H26-260930-0012", 0, 13, "000.00.01.H26");
	assert_one_hit("000.00.00.G22,2018/09/20,7816/VPCP-TT\xc4\x90T", 0, 13, "000.00.00.G22");
	assert_one_hit("000.00.00.H10,2024/05/02,123/UBND-KT", 0, 13, "000.00.00.H10");
	assert_one_hit("000.00.00.H10", 0, 13, "000.00.00.H10");
	/* the wide forms real registries hold */
	assert_one_hit("m\xc3\xa3 000.302.36.H05 (sai)", 4, 14, "000.302.36.H05");
	assert_one_hit("x000.00.101.H05.", 1, 14, "000.00.101.H05");
	/* a curly quote right after the code */
	assert_one_hit("\xe2\x80\x9c" "000.00.16.H19\xe2\x80\x9d", 3, 13, "000.00.16.H19");

	h = scan(two);
	assert_int_equal(h.n, 2);
	assert_int_equal(h.off[0], 5);
	assert_int_equal(h.len[0], 13);
	assert_int_equal(h.off[1], 22);
	assert_int_equal(h.len[1], 13);

	/* not codes: a digit before, a digit or letter after, too narrow, lower case, cut short */
	assert_int_equal(scan("1000.00.00.H10").n, 0);
	assert_int_equal(scan("000.00.00.H101").n, 0);
	assert_int_equal(scan("000.00.00.H10A").n, 0);
	assert_int_equal(scan("000.00.00.H10a").n, 0);
	assert_int_equal(scan("000.0.00.H10").n, 0);
	assert_int_equal(scan("00.00.00.H10").n, 0);
	assert_int_equal(scan("000.00.00.h10").n, 0);
	assert_int_equal(scan("000.00.00.H1").n, 0);
	assert_int_equal(scan("000.00.00.").n, 0);
	assert_int_equal(scan("H19.16").n, 0);
	assert_int_equal(scan("").n, 0);

	/* back to back: the first match does not hide the second */
	h = scan("000.00.00.H10;000.00.00.H19");
	assert_int_equal(h.n, 2);
	assert_int_equal(h.off[1], 14);

	/* early stop: the callback's value comes back and no further call is made */
	memset(&h, 0, sizeof h);
	h.stop_after = 1;
	assert_int_equal(sn_agcode_scan(two, on_hit, &h), 99);
	assert_int_equal(h.n, 1);
	assert_int_equal(sn_agcode_scan(NULL, on_hit, &h), 0);
	assert_int_equal(sn_agcode_scan(two, NULL, NULL), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_qcvn),
		cmocka_unit_test(test_parse_left),
		cmocka_unit_test(test_parse_spaces),
		cmocka_unit_test(test_format_and_round_trip),
		cmocka_unit_test(test_qcvn_left_qcvn),
		cmocka_unit_test(test_format_errors),
		cmocka_unit_test(test_invalid),
		cmocka_unit_test(test_invalid_null),
		cmocka_unit_test(test_nonconforming),
		cmocka_unit_test(test_sort),
		cmocka_unit_test(test_cmp_across_notations),
		cmocka_unit_test(test_parent),
		cmocka_unit_test(test_set_l1),
		cmocka_unit_test(test_scan),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
