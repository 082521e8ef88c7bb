/* errata.h - errata of the official conversion table (mappings/errata-2025.csv): which cell of
 * which row is published wrong, and what is right.
 *
 * A row is named by its content as published (new commune code, old commune code, old commune
 * name), so one erratum finds its row in the workbook's two sheets and in the CSV exports alike.
 * An erratum is applied only to a cell that holds the published value.
 */
#ifndef SN_ERRATA_H
#define SN_ERRATA_H

#include <stddef.h>
#include "cli.h"

/* The columns of the conversion table an erratum can name, in the order of the importer's
 * columns: new_province, new_name, new_code, old_name, old_code, note, old_district,
 * old_province. */
enum { SN_ERRATA_NCOLUMNS = 8 };
extern const char *const sn_errata_columns[SN_ERRATA_NCOLUMNS];
/* Index of a column name, or -1. */
int sn_errata_column(const char *name);
/* Whether column I holds a commune code (compared zero-padded). */
int sn_errata_is_code(int column);

struct sn_erratum {
	char pos[600];        /* where the erratum is: "(built-in errata-2025):12" or FILE:LINE */
	char new_code[16];    /* the row: new commune code, old commune code ("" = none) and name */
	char old_code[16];
	char *old_name;
	char *old_key;        /* sn_name_key of old_name, type kept */
	int column;           /* sn_errata_columns index */
	char *published;      /* the cell as published (codes zero-padded) */
	char *corrected;
	char *published_key;  /* keys of the two, for an erratum of the old name */
	char *corrected_key;
	int rows;             /* rows of the imported table that are this erratum's */
	int new_seen;         /* rows of its new commune seen (its row is missing if rows == 0) */
};

struct sn_errata {
	struct sn_erratum *v;
	size_t n;
};

/* Reads errata from PATH, or the built-in table when PATH is NULL. Returns 0, SN_DATA (message
 * with file:line printed: unknown column, bad code, empty published or corrected value) or
 * SN_IO. */
int sn_errata_load(struct sn_ctx *ctx, const char *path, struct sn_errata *out);
void sn_errata_free(struct sn_errata *e);

/* How a row of the table stands against an erratum. */
enum sn_erratum_match {
	SN_ERRATUM_OTHER_ROW = 0, /* not the erratum's row */
	SN_ERRATUM_PUBLISHED,     /* the row, and its cell holds the published value: apply */
	SN_ERRATUM_ALREADY,       /* the row, and its cell holds the corrected value already */
	SN_ERRATUM_MISMATCH       /* the row, and its cell holds something else: do not apply */
};

/* Matches one row: NEW_CODE and OLD_CODE zero-padded ("" when empty), OLD_KEY the old name's
 * key (type kept), CELL the erratum's cell cleaned (a code zero-padded). A row whose key cell is
 * the erratum's own column is recognised by either the published or the corrected value.
 *   erratum 01648/01615/'Xã Mỹ Hưng' old_code 01615 -> 01651:
 *     ("01648", "01615", key("Xã Mỹ Hưng"), "01615") -> PUBLISHED
 *     ("01648", "01651", key("Xã Mỹ Hưng"), "01651") -> ALREADY
 *     ("01636", "01615", key("Xã Hồng Quang"), "01615") -> OTHER_ROW */
enum sn_erratum_match sn_erratum_match(const struct sn_erratum *e, const char *new_code,
				       const char *old_code, const char *old_key, const char *cell);

/* The built-in errata, for the journal: its text (embedded.h). */
const char *sn_errata_builtin(void);

#endif
