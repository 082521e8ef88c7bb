/* csv.h - a streaming RFC 4180 CSV reader.
 *
 * Reads records one at a time from any byte source (a decoder, a memory buffer), so a file of ten
 * million rows is read in bounded memory. Handles quoted fields with commas, doubled quotes and
 * newlines, CRLF or LF line ends, a UTF-8 BOM at the start, and a last line without a newline.
 */
#ifndef SN_CSV_H
#define SN_CSV_H

#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>

/* Byte source: returns the number of bytes read into buf, 0 at end, -1 on error (the source keeps
 * its own message; sn_csv passes it through, see err_cb). */
typedef ssize_t (*sn_read_fn)(void *ctx, char *buf, size_t cap);

/* A byte source over bytes in memory (a table compiled in, a file written to a memory stream):
 *   struct sn_membuf m = { text, strlen(text) };
 *   sn_csv *c = sn_csv_new(sn_mem_read, &m, NULL, "(built-in)", ',', NULL); */
struct sn_membuf {
	const char *p;      /* the bytes not read yet */
	size_t left;
};
ssize_t sn_mem_read(void *membuf, char *buf, size_t cap);

typedef struct sn_csv sn_csv;

struct sn_csv_limits {
	size_t max_field;   /* bytes in one field; default 1 MiB */
	size_t max_fields;  /* fields in one record; default 4096 */
};

/* Creates a reader over READ/CTX. NAME is the file name used in messages. SOURCE_ERR, if not NULL,
 * is called to fetch the source's message when READ returns -1 (e.g. sn_decoder_error); a message
 * "line N: what" is reported as "NAME:N: what".
 * LIMITS may be NULL for the defaults. DELIM is the separator (',' normally), or 0 to take it
 * from the file: a first line "sep=X" (skipped), else the most frequent of ',', ';' and tab on
 * the first line (see csv.c). */
sn_csv *sn_csv_new(sn_read_fn read, void *ctx, const char *(*source_err)(const void *ctx),
		   const char *name, char delim, const struct sn_csv_limits *limits);

/* Reads the next record. Returns 1 and sets *fields and *nfields (valid until the next call; fields
 * are NUL-terminated; a field may contain newlines), 0 at end of input, -1 on error with the
 * message in sn_csv_error() in the form "NAME:LINE: what", e.g.
 * "units.csv:17: unterminated quoted field (opened here)". An empty line is a record of one empty
 * field. */
int sn_csv_next(sn_csv *c, char ***fields, size_t *nfields);

/* The delimiter in use: DELIM, or the one found in the file (0 before the first record). */
char sn_csv_delimiter(const sn_csv *c);

/* Physical line (1-based) on which the last record returned began. */
long sn_csv_line(const sn_csv *c);

const char *sn_csv_error(const sn_csv *c);
void sn_csv_free(sn_csv *c);

/* --- CSV a person opens in a spreadsheet ------------------------------------------------------
 *
 * A spreadsheet runs a cell that starts with '=', '+', '-' or '@' (and, in some, a tab or CR) as
 * a formula: "CSV injection". The files sapnhap writes for people (export, crosswalk) follow
 * OWASP's advice and prefix such a cell with an apostrophe, which spreadsheets show as text. So
 * that the importers can undo it exactly, a cell that already starts with apostrophes followed by
 * one of those characters gets one more:
 *   "=1+2"  -> "'=1+2"      "-"  -> "'-"      "'-" -> "''-"
 *   "'x"    -> "'x"          "a-b" -> "a-b"   (unchanged: not a formula)
 * and sn_csv_unneutralise removes exactly one apostrophe from a cell of the form "'+[=+-@\t\r]..."
 * and nothing else, so unneutralise(neutralise(v)) == v for every v. */

/* Whether S would be written with an apostrophe in front. */
int sn_csv_needs_neutralising(const char *s);

/* Writes S (NULL = "") as one CSV field: neutralised as above, then quoted per RFC 4180 when it
 * holds a comma, a quote, CR or LF (the apostrophe inside the quotes: "'=A1,B1" -> "\"'=A1,B1\""). */
void sn_csv_write_cell(FILE *f, const char *s);

/* S without the apostrophe sn_csv_write_cell added: S + 1 for "'=...", S itself otherwise. */
const char *sn_csv_unneutralise(const char *s);

#endif
