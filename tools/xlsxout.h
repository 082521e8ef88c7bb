/* xlsxout.h - writing XLSX workbooks for reviewers (libxlsxwriter).
 *
 * A small layer over libxlsxwriter that makes the reports' sheets alike: a bold header row that
 * stays in view (frozen), an autofilter over the rows written, column widths that fit what was
 * written (up to a cap), codes and every other text written as text (a code keeps its leading
 * zeros; a cell starting with '=' is text, never a formula: nothing here writes formulas), numbers
 * as numbers and ISO dates (YYYY-MM-DD) as dates shown dd/mm/yyyy. Rows are streamed (the
 * library's constant-memory mode), so a sheet's size does not grow memory.
 *
 * The workbook is written under a temporary name beside PATH and renamed over it by
 * sn_book_close (outfile.h): PATH is never left half-written.
 */
#ifndef SN_XLSXOUT_H
#define SN_XLSXOUT_H

#include <stddef.h>

enum sn_cell { SN_CELL_TEXT, SN_CELL_NUMBER, SN_CELL_DATE, SN_CELL_WRAP };

struct sn_book;
struct sn_sheet;

/* A new workbook to be written to PATH; DATE (YYYY-MM-DD, may be NULL: SOURCE_DATE_EPOCH, else
 * now) is its creation date in the document properties, so the same inputs give the same file.
 * Returns NULL with a message in ERR. */
struct sn_book *sn_book_new(const char *path, const char *date, char *err, size_t errlen);

/* A sheet with NCOLS columns and their headings (TYPES may be NULL: all text). Names longer than
 * 31 characters are cut (Excel's limit). */
struct sn_sheet *sn_book_sheet(struct sn_book *b, const char *name, int ncols, const char *const *heads,
			       const enum sn_cell *types);

/* A sheet without a table: title lines and key/value rows (the summary sheet). */
void sn_sheet_title(struct sn_sheet *s, const char *text);

/* One row of NCOLS cells (NULL or "": an empty cell). Rows past Excel's limit are counted and
 * dropped (sn_book_close reports them). */
void sn_sheet_row(struct sn_sheet *s, const char *const *cells);

/* A drop-down list on column COL of the last row written, offering VALUES (N of them), which are
 * stored on a hidden sheet (so long values are not cut at Excel's 255-character list limit). */
void sn_sheet_dropdown(struct sn_sheet *s, int col, const char *const *values, int n);

/* Hides a sheet (used for the drop-down values). */
long sn_sheet_rows(const struct sn_sheet *s);

/* Writes the workbook and renames it into place. Returns 0, or SN_IO with a message in ERR; the
 * book is freed in either case. sn_book_abort frees it without writing PATH. */
int sn_book_close(struct sn_book *b, char *err, size_t errlen);
void sn_book_abort(struct sn_book *b);

#endif
