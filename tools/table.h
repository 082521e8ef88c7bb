/* table.h - rows of cells from a CSV file (any supported encoding) or an XLSX sheet, with the
 * position of each cell for messages ("units.csv:17", "book.xlsx:'Sheet 1'!E17").
 */
#ifndef SN_TABLE_H
#define SN_TABLE_H

#include <stddef.h>
#include "text.h"

typedef struct sn_table sn_table;

/* Opens PATH: an .xlsx (by content: a zip archive) or a CSV. SHEET selects the worksheet (NULL =
 * DEFAULT_SHEET when present, else the first sheet whose name ends with a space, else the first).
 * ENC applies to CSV. On failure returns NULL with the message in err. */
sn_table *sn_table_open(const char *path, const char *sheet, const char *default_sheet,
			sn_encoding enc, char *err, size_t errlen);

/* Opens PATH (a CSV in ENC, or an XLSX's first sheet) and reads its header row: COL[i] becomes
 * the column named NAMES[i][0] or NAMES[i][1] (an alias, may be NULL), -1 when there is none.
 * NULL with the message in ERR when the table cannot be read or has no header row.
 *   names { {"code", NULL}, {"name", "TENTTHC"} }, header "TENTTHC,x" -> col { -1, 0 } */
sn_table *sn_table_open_columns(const char *path, sn_encoding enc, const char *const (*names)[2], int n,
				int *col, char *err, size_t errlen);

/* Whether PATH starts (after a UTF-8 BOM and white space) with '<': our XML formats, as opposed
 * to CSV or a spreadsheet. Commands that take either use it to choose the reader. */
int sn_looks_like_xml(const char *path);
/* The first character of a file after a UTF-8 byte-order mark and white space, or -1 (none, or
 * the file cannot be read): how the readers tell XML ('<') and JSON ('[', '{') from a table. */
int sn_first_char(const char *path);

/* Next non-blank row (every cell empty or whitespace = blank). 1 row, 0 end, -1 error
 * (sn_table_error). Cells are NUL-terminated UTF-8 as stored (not yet cleaned or NFC). */
int sn_table_next(sn_table *t, char ***cells, size_t *ncells);

/* The header row's column named NAME or ALIAS (ALIAS may be NULL), compared after cleanup
 * (" code " is "code"); -1 when there is none. The last such column wins.
 *   header "MATTHC,TENTTHC": sn_table_column(cells, 2, "name", "TENTTHC") -> 1 */
int sn_table_column(char **cells, size_t n, const char *name, const char *alias);

/* Position of cell COL of the current row (COL = (size_t)-1: the row). Valid until the next call. */
const char *sn_table_pos(sn_table *t, size_t col);
/* Line (CSV) or row (XLSX) of the current row. */
long sn_table_line(const sn_table *t);
/* Whether the cell was a number in a spreadsheet. */
int sn_table_is_number(const sn_table *t, size_t col);
int sn_table_is_xlsx(const sn_table *t);
/* "utf-8", "cp1258", "tcvn3" or "xlsx". */
const char *sn_table_format(const sn_table *t);
const char *sn_table_error(const sn_table *t);
void sn_table_close(sn_table *t);

#endif
