/* rows.h - a query's rows as a command prints them in CSV or JSON: the header, each row, the end.
 *
 *   sn_rows_begin(f, fmt, names, n);        CSV: "a,b,c" / JSON: "["
 *   while (sn_step(...) == SQLITE_ROW)
 *           sn_rows_write(f, fmt, st, names, n, i++);
 *   sn_rows_end(f, fmt);                    JSON: "\n]"
 * CSV cells go through sn_csv_write_cell (a spreadsheet never runs one as a formula); JSON is an
 * array of objects keyed by NAMES. Text output is each command's own.
 */
#ifndef SN_ROWS_H
#define SN_ROWS_H

#include <stdio.h>
#include <sqlite3.h>
#include "cli.h"

void sn_rows_begin(FILE *f, enum sn_format fmt, const char *const *names, int n);
/* Row I (0 for the first) of N values; of ST's first N columns (N at most 32). */
void sn_rows_write_values(FILE *f, enum sn_format fmt, const char *const *v, const char *const *names, int n,
			  int i);
void sn_rows_write(FILE *f, enum sn_format fmt, sqlite3_stmt *st, const char *const *names, int n, int i);
void sn_rows_end(FILE *f, enum sn_format fmt);

#endif
