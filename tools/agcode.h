/* agcode.h - agency identifier codes (mã định danh điện tử): parse, validate, format, compare.
 *
 * Two notations are in live use for the same code:
 *   QCVN 102:2016   "000.00.16.H19"  V1V2V3.Z1Z2.Y1Y2.MX1X2, 13 characters, lowest level first:
 *                   level 4 (3 digits), level 3 (2), level 2 (2), level 1 (letter + 2 digits);
 *                   a group of zeros = that level absent.
 *   QĐ 20/2020      "H19.16"         level 1 first, then the non-zero lower levels, variable
 *                   width, at most 35 characters of 0-9 A-Z and '.'.
 * Real registries also hold codes that fit neither exactly ("000.302.36.H05": a 3-digit level-3
 * group; "998.99.99.H05": a placeholder): those parse as NONCONFORMING with the reason, so a
 * record is flagged, never dropped.
 */
#ifndef SN_AGCODE_H
#define SN_AGCODE_H

#include <stddef.h>

enum sn_notation { SN_NOTATION_QCVN, SN_NOTATION_LEFT };

enum sn_agcode_status {
	SN_AGCODE_OK = 0,            /* conforming */
	SN_AGCODE_NONCONFORMING = 1, /* parsed and kept, with problem[] saying why */
	SN_AGCODE_INVALID = -1       /* not an agency code at all; problem[] says why */
};

struct sn_agcode {
	char l1[4];          /* level 1: letter + 2 digits, e.g. "H19" */
	char grp[3][8];      /* levels 2, 3, 4 as digit strings as written ("16", "302"); "" = absent */
	int depth;           /* deepest level present: 1..4 */
	enum sn_notation notation;  /* the notation it was written in */
	enum sn_agcode_status status;
	char problem[256];   /* reason when NONCONFORMING or INVALID, "" when OK: in the language in
			      * use, for messages */
	char problem_en[128]; /* the same reason in English: the text the database keeps
			       * (agency.code_problem, recode's reasons) whatever the run's language */
};

/* Parses S (surrounding spaces ignored; letters must be upper case: a lower-case letter is
 * INVALID with the reason, since codes are case-sensitive identifiers in the national systems).
 * Recognises the notation by shape: four dot-separated groups ending in a letter group = QCVN;
 * starting with a letter group = QĐ 20/2020. Returns the status (also stored in out->status).
 *   "000.00.16.H19" -> OK, l1 H19, grp {"16","",""}, depth 2, QCVN
 *   "H55.242"       -> OK, l1 H55, grp {"242","",""}, depth 2, LEFT (QĐ 20 allows wide groups)
 *   "000.302.36.H05"-> NONCONFORMING "level-3 group '302' has 3 digits; QCVN 102 allows 2"
 *   "998.99.99.H05" -> NONCONFORMING "placeholder group '99' at level 2"
 *   "001.00.16.H19" -> NONCONFORMING "level 4 present under an absent level 3" (depth 4)
 *   "X19.01"        -> NONCONFORMING "level-1 letter 'X' is outside A-K"
 *   "000.00.H19"    -> INVALID "QCVN notation needs 4 groups; found 3"
 *   "000.00.16.h19" -> INVALID "character 'h' at position 11 must be upper case ('H')"
 * Groups are stored as written ("03", "001"); a group of zeros is stored as "" (absent).
 * QĐ 20 groups below level 1 conform with 1-4 digits; 5-7 digits or a written zero group are
 * NONCONFORMING; 8 or more digits, more than 4 levels or more than 35 characters are INVALID.
 * A group of 99 at level 2 or 3, or 998/999 at level 4, is flagged as a placeholder (a
 * heuristic). A NONCONFORMING code names its first problem: level 1, then the widths of levels
 * 2, 3, 4, then a missing level, then a placeholder. An INVALID code has every field but status
 * and problems zeroed (l1 "", depth 0). Positions in messages count characters from 1 in S as
 * given. A NULL S is INVALID "empty code"; a NULL OUT just returns INVALID. The reasons above
 * are problem_en; problem holds the same in the language in use (gettext). */
enum sn_agcode_status sn_agcode_parse(const char *s, struct sn_agcode *out);

/* Writes C in NOTATION into buf. QCVN pads levels 2, 3 to 2 digits and level 4 to 3 digits and
 * fails (-1, buf holds the reason, in the language in use) when a group is too wide for its
 * field; LEFT writes level 1 then each present lower level as written. Returns the length or -1.
 *   "000.00.18.G12" as LEFT -> "G12.18";  "H26.16" as QCVN -> "000.00.16.H26"
 *   "001.03.16.H19" as LEFT -> "H19.16.03.001" (digits kept: QCVN -> LEFT -> QCVN is exact)
 *   "H26.1" as QCVN -> "000.00.01.H26";  "H55.242" and "H26.016" as QCVN -> -1
 *     "level-2 group '242' has 3 digits; QCVN 102 allows 2" (a written digit is never dropped)
 *   "001.00.16.H19" as LEFT -> -1 "level 4 present under an absent level 3; QĐ 20 notation
 *     cannot show the gap"
 * NONCONFORMING codes are written when the notation can hold them; INVALID ones fail ("cannot
 * format an invalid code"), as does a struct parse could not have produced ("malformed code
 * structure"). A buffer too small fails with "buffer too small: N bytes needed" cut to fit; 14
 * bytes always hold a conforming QCVN code, 36 (35 + NUL) any code. */
int sn_agcode_format(const struct sn_agcode *c, enum sn_notation notation, char *buf, size_t len);

/* Writes CODE in NOTATION when it parses and the notation can show it, else CODE as written
 * (a nonconforming or unparseable code is printed as it is, never lost). Returns buf. */
const char *sn_agcode_display(const char *code, enum sn_notation notation, char *buf, size_t len);

/* Parses "qcvn" or "left" (QĐ 20). Returns 0 or -1. */
int sn_notation_parse(const char *s, enum sn_notation *out);

/* Total order for sorting code tables: level-1 letter, level-1 number, then levels 2, 3, 4 by
 * numeric value (absent before present), then notation-independent ties by the written digits.
 * Codes equal in value compare 0 whatever their notation ("G12.18" == "000.00.18.G12"). */
int sn_agcode_cmp(const struct sn_agcode *a, const struct sn_agcode *b);

/* The code one level up: "000.03.16.H19" -> "000.00.16.H19". Returns 0, or -1 for a level-1
 * code (it has no parent) or an INVALID one. The deepest present level is dropped (the parent
 * of "001.00.16.H19" is "000.00.16.H19"); the notation is kept and the status and problem are
 * judged afresh from the fields. PARENT may be C. */
int sn_agcode_parent(const struct sn_agcode *c, struct sn_agcode *parent);

/* Replaces the level-1 code ("H10" -> "H19"), keeping the lower levels. Returns 0, or -1 when
 * L1 is not an upper-case letter + 2 digits or C is INVALID (C is then unchanged). The status
 * and problem are judged afresh from the fields ("X19" makes the code NONCONFORMING); problems
 * seen only in the original spelling (a narrow zero group such as "0.0.16.H10") do not carry
 * over, since the new code is written out by sn_agcode_format. */
int sn_agcode_set_l1(struct sn_agcode *c, const char *l1);

/* A text key that sorts like sn_agcode_cmp and is equal for the same code in either notation:
 * level-1 code, then each lower level's value (absent = 0, present = value + 1). A code that
 * does not parse gets "~" + CODE (sorts last). out needs 40 bytes.
 *   "000.00.16.H19" and "H19.16" -> "H19.00017.00000.00000" */
void sn_agcode_sort_key(const struct sn_agcode *c, const char *code, char *out, size_t len);

/* Finds agency codes written in QCVN notation inside a longer identifier or text, e.g. the
 * localised procedure code "1.001612.000.00.00.H10", the service code
 * "2.000815.000.00.00.H55.02", the dossier code "000.00.01.H26-260930-0012" or the edXML
 * DocumentId "000.00.00.H10,2024/05/02,123/UBND-KT". A match is 3 digits '.' 2+ digits '.'
 * 2+ digits '.' letter 2 digits, not preceded by a digit and not followed by a digit or letter.
 * The letter is upper case; "digit or letter" after it means ASCII ones (a non-ASCII byte such
 * as a closing quotation mark may follow). Offsets are in bytes; scanning resumes after a match.
 * Calls FN for each match with its byte offset and length; stops early if FN returns non-zero
 * (and returns that value). Returns 0 when all matches were visited. */
int sn_agcode_scan(const char *text, int (*fn)(void *arg, size_t off, size_t len), void *arg);

#endif
