/* contact.h - practical checks of the phone numbers and e-mail addresses of agency records.
 *
 * The national review of the provincial system found that phone and e-mail fields were never
 * checked; these checks are what 'sapnhap validate' runs over the code table, in SQL.
 *
 * A cell may hold several values separated by ';' or ','; each is checked, and the first bad
 * one is reported with its text: "'0271 3879 77': a landline number has 11 digits, found 10".
 */
#ifndef SN_CONTACT_H
#define SN_CONTACT_H

#include <stddef.h>
#include <sqlite3.h>

/* Checks a cell of Vietnamese phone numbers. Accepted, with spaces, dots, dashes and
 * parentheses anywhere as separators:
 *   mobile    10 digits, a network prefix in use since the 2018 renumbering (032-039, 052,
 *             055, 056, 058, 059, 070, 076-079, 081-089, 090-094, 096-099): "0912 345 678";
 *   landline  11 digits: 0 + a 2017 area code (24 Hà Nội, 28 Hồ Chí Minh City, or one of the
 *             3-digit 2xx codes) + the subscriber number: "0251 3822 503", "(024) 3825 3536";
 *   either in international form, +84 / 84 / 0084 without the trunk 0: "+84 912 345 678";
 *   hotlines  1800 or 1900 followed by 4 or 6 digits: "1800 1091", "1900 561 563".
 * Returns 0 when every number is valid or the cell is empty (NULL, or only spaces: a missing
 * number is a different finding), else 1 with the reason in WHY ("" on success).
 *   "0251 3822 503; 0912.345.678" -> 0
 *   "0613 822 503"    -> 1 "'0613 822 503': prefix 06 is neither a mobile network nor a
 *                           2017 area code (an area code from before 2017?)"
 *   "01683 123 456"   -> 1 "'01683 123 456': an 11-digit mobile number from before the 2018
 *                           renumbering"
 */
int sn_phone_check(const char *cell, char *why, size_t len);

/* Checks a cell of e-mail addresses: local@domain.tld with one '@', no spaces, ASCII letters,
 * digits and !#$%&'*+/=?^_`{|}~.- before the '@' (no dot first, last or doubled), a domain of
 * at least two dot-separated labels of letters, digits and inner hyphens, and a top-level
 * domain of letters (or an xn-- label). Same return convention as sn_phone_check.
 *   "ubnd@dongnai.gov.vn"         -> 0
 *   "songoaivu.binhphuoc.gov.vn"  -> 1 "'songoaivu.binhphuoc.gov.vn': no '@'"
 */
int sn_email_check(const char *cell, char *why, size_t len);

/* Registers sn_phone_problem(TEXT) and sn_email_problem(TEXT) on DB: NULL when the cell
 * passes (or is empty), else the reason. Returns 0 or an SQLite error code. */
int sn_contact_functions(sqlite3 *db);

#endif
