/* values.h - the types of the values a catalog or a decision sets: one table of types, each with
 * its accepted spellings and the one form it is stored in.
 *
 * Every field that an input (catalog CSV or XML) or a decisions file can set is read through
 * sn_value_parse with its type, so "có", "Có", "co", "yes", "x" and "1" all store 1, and a value
 * outside its type is refused with the spellings the type accepts:
 *
 *   type           stored as                      accepted (any case; tone placement, NFC/NFD and
 *                                                 diacritics do not matter in the words)
 *   yes-no         "1" / "0"                      yes, có, 1, x, true / no, không, 0, false
 *   online-level   "full" / "partial" / "none"    toàn trình, full, 4, mức độ 4 / một phần,
 *                                                 partial, 3, mức độ 3 / không, none, 1, 2
 *   time-unit      "working-day" / "day" /        ngày làm việc, working day(s) / ngày, day(s) /
 *                  "hour" / "month"               giờ, hour(s) / tháng, month(s)
 *   time-limit     "N UNIT" ("2 working-day")     a number (digits, "1,5" or "1.5") and a unit as
 *                                                 above, with or without a space: "2 ngày làm
 *                                                 việc", "48 giờ", "2 working-day"
 *   fee            the text, NFC, white space     free text as published; a whole value meaning
 *                  cleaned; no fee = "Không"      no fee (không, không thu, miễn phí, miễn lệ phí,
 *                                                 0, 0 đồng, free, none) is stored "Không"
 *   levels         "province,district,commune"    Cấp Tỉnh, Cấp Huyện, Cấp Xã (or province,
 *                  (a subset, in that order)      district, commune), separated by ; , or /
 *   name           the text, cleaned              any text that is not empty
 *   field-code     the code as written            one word, no white space, up to 20 characters
 *                                                 ("G15-TP07", "G07-LĐ09")
 *   legal-basis    the text, cleaned              free text
 *   jurisdiction   "commune" /                    commune, xã, cấp xã / province:FUNCTION,
 *                  "province:FUNCTION"            tỉnh:FUNCTION, FUNCTION a function of the
 *                                                 departments table (mappings/departments.csv)
 *   commune        5 digits ("25195")             a commune code (leading zeros may be lost),
 *                                                 of a commune in force on the date
 *
 * An empty value is "absent" (stored as NULL, or "0" / "none" for yes-no and online-level as the
 * catalogs have always read it) unless SN_VALUE_REQUIRED says it must be given, as every value of
 * a decision must.
 */
#ifndef SN_VALUES_H
#define SN_VALUES_H

#include <stddef.h>

enum sn_vtype {
	SN_V_YESNO,
	SN_V_ONLINE,
	SN_V_TIME_UNIT,
	SN_V_TIME_LIMIT,
	SN_V_FEE,
	SN_V_LEVELS,
	SN_V_NAME,
	SN_V_FIELD_CODE,
	SN_V_LEGAL_BASIS,
	SN_V_JURISDICTION,
	SN_V_COMMUNE,
	SN_V_NTYPES
};

/* What the messages call a type ("yes/no value") and the spellings it accepts, as one line. */
const char *sn_vtype_name(enum sn_vtype t);
const char *sn_vtype_accepted(enum sn_vtype t);

enum {
	SN_VALUE_REQUIRED = 1,      /* an empty value is refused */
	SN_VALUE_UNIT_OPTIONAL = 2  /* time-limit: a bare number is accepted (the unit comes from a
				     * column of its own) */
};

/* Checks that need more than the spelling. A NULL callback skips its check; a callback returns
 * -1 when it could not check (a database error, printed): the value is then refused. */
struct sn_value_env {
	/* 1 when FUNCTION is a function of the departments table */
	int (*function_known)(void *arg, const char *function);
	const char *functions;      /* the known functions, for the message ("finance, justice, ...") */
	/* 1 when CODE (5 digits) is a commune in force on the date of the step; DATE for messages */
	int (*commune_in_force)(void *arg, const char *code);
	const char *date;
	void *arg;
};

/* A value as it is stored. */
struct sn_value {
	char *text;         /* owned; the stored form ("" when absent) */
	int flag;           /* yes-no: 1 or 0 */
	int has_number;     /* time-limit: a number was given */
	double number;
	const char *unit;   /* time-unit, time-limit: "working-day", "day", "hour", "month" or "" */
};

/* Reads S (UTF-8, any Unicode form; NULL = "") as a value of type T into OUT. Returns 0, or -1
 * with ERR saying why, starting with the verb, so that a caller can write
 * "file:LINE: portal 'maybe' of 1.001612 " + ERR:
 *   "is not a yes/no value (accepted: yes, no, có, không, 1, 0, x, true, false; any case, with
 *    or without diacritics)"
 * OUT is always released by the caller with sn_value_release (also after -1). */
int sn_value_parse(enum sn_vtype t, const char *s, int flags, const struct sn_value_env *env,
		   struct sn_value *out, char *err, size_t errlen);
void sn_value_release(struct sn_value *v);

/* The shortest plain decimal that reads back as V: 15 -> "15", 0.5 -> "0.5". */
void sn_value_number(double v, char *out, size_t len);

#endif
