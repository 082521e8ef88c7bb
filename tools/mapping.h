/* mapping.h - reading a mapping table (CSV with a header row) from a file the user gives or,
 * by default, from the copy compiled into the binary (embedded.h). */
#ifndef SN_MAPPING_H
#define SN_MAPPING_H

#include <stddef.h>
#include "cli.h"

/* One data row; COL(name) gives the index of a header name or -1. */
struct sn_maprow {
	char **f;
	size_t n;
	const char *pos;         /* "file:LINE" or "(built-in NAME):LINE" */
	const int *cols;         /* index per requested column, -1 when absent */
};

/* Reads PATH (or EMBEDDED when PATH is NULL; NAME labels it in messages). COLUMNS lists the
 * header names the caller wants (NULL-terminated); the first NREQUIRED must be present. FN is
 * called per non-blank row; a non-zero return stops and is returned. Comment rows (first cell
 * starting with '#') are skipped. PATH may be an XLSX workbook (sn_mapping_is_workbook); a header
 * cell "Anything (NAME)" names column NAME. Returns 0, SN_DATA (message printed) or SN_IO. */
int sn_mapping_read(struct sn_ctx *ctx, const char *path, const char *embedded, const char *name,
		    const char *const *columns, int nrequired,
		    int (*fn)(void *arg, const struct sn_maprow *row), void *arg);

/* An XLSX workbook (a zip) rather than CSV: sn_mapping_read then reads its sheet
 * SN_MAPPING_SHEET (the decisions sheet of the reports' workbook) or, without one, its first. */
#define SN_MAPPING_SHEET "Cần quyết định"
int sn_mapping_is_workbook(const char *path);

/* Field I of a row ("" when the column is absent or the row is short). */
const char *sn_maprow_get(const struct sn_maprow *row, int i);

#endif
