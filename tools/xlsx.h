/* xlsx.h - reading rows of one worksheet of an XLSX workbook (libzip + libxml2 reader).
 *
 * Reads the sheet in one pass and returns it row by row. Shared strings, inline strings,
 * numeric, boolean and formula cells (cached value) are returned as text; cells missing from a
 * row come back empty, so cell index i is column i (A = 0). Merged ranges are filled with their
 * top-left value (the official conversion workbook's "có merge" sheet has one block of merged
 * cells per new commune).
 * Limits on uncompressed sizes and cell counts turn a zip bomb into an error, not an outage.
 */
#ifndef SN_XLSX_H
#define SN_XLSX_H

#include <stddef.h>

struct sn_xlsx_limits {
	unsigned long long max_part_bytes;  /* uncompressed bytes of one zip member; default 512 MiB */
	unsigned long long max_ratio;       /* uncompressed/compressed ratio per member; default 1000 */
	size_t max_cells;                   /* cells in the sheet; default 50 million */
	size_t max_columns;                 /* columns in a row; default 16384 (XFD) */
	size_t max_shared_strings;          /* default 10 million */
	size_t max_held_bytes;              /* rows held by the one pass over a sheet (its merged
					     * ranges come after its rows); a sheet needing more is
					     * read in two passes instead; default 64 MiB */
};

typedef struct sn_xlsx sn_xlsx;

/* Opens the workbook at PATH (reads the workbook part, relationships and shared strings).
 * On failure returns NULL with a message in err, e.g. "'x.xlsx': not a valid XLSX file (zip: Not a zip archive)".
 * LIMITS may be NULL. */
sn_xlsx *sn_xlsx_open(const char *path, const struct sn_xlsx_limits *limits, char *err, size_t errlen);

/* Sheet names in workbook order. */
size_t sn_xlsx_sheet_count(const sn_xlsx *x);
const char *sn_xlsx_sheet_name(const sn_xlsx *x, size_t i);

/* Selects the sheet to read, by exact name (NAME != NULL) or by index. Returns 0, or -1 with a
 * message in sn_xlsx_error() (e.g. "'x.xlsx': no sheet named 'Foo' (sheets: 'A', 'B ')"). */
int sn_xlsx_select(sn_xlsx *x, const char *name);
int sn_xlsx_select_index(sn_xlsx *x, size_t i);

/* Reads the next row of the selected sheet. Returns 1 and sets *cells, *ncells (NUL-terminated
 * UTF-8, valid until the next call; ncells = index of the last non-empty cell + 1) and *row
 * (1-based spreadsheet row number), 0 at end, -1 on error with sn_xlsx_error() set, e.g.
 * "'x.xlsx': sheet 'S'!C17: shared string index 99999 out of range". Empty rows are skipped. */
int sn_xlsx_next(sn_xlsx *x, char ***cells, size_t *ncells, long *row);

/* Whether cell i of the last row returned was stored as a number (so "4" may have lost zeros). */
int sn_xlsx_cell_is_number(const sn_xlsx *x, size_t i);

const char *sn_xlsx_error(const sn_xlsx *x);
void sn_xlsx_close(sn_xlsx *x);

/* Column letters of a 0-based index: 0 -> "A", 27 -> "AB". buf needs 4 bytes. */
void sn_xlsx_column_name(size_t i, char buf[4]);

#endif
