/* crosswalk.h - the crosswalk file written from the working database (crosswalk.c): printed by
 * 'sapnhap crosswalk', written by 'sapnhap export' with the other exchange files.
 */
#ifndef SN_CROSSWALK_H
#define SN_CROSSWALK_H

#include <stdio.h>
#include "agcode.h"
#include "cli.h"

/* Writes the crosswalk (every old code with outcome, new code, successors, reason; ordered by old
 * province, then code order) to F as FMT:
 *   SN_FMT_TEXT  aligned columns for a terminal;
 *   SN_FMT_CSV   old_code,province,outcome,new_code,successors,reason (successors joined by
 *                ';'; cells neutralised against spreadsheet formulas, csv.h);
 *   SN_FMT_XML   schema/crosswalk.xsd, the root's province the merged province.
 * NOTATION, when not NULL, shows every code in that notation (codes it cannot show: as written).
 * Sets *ROWS (when not NULL) to the number of entries. Returns 0 or SN_IO after a database error. */
int sn_crosswalk_write(struct sn_ctx *ctx, FILE *f, enum sn_format fmt, const enum sn_notation *notation,
		       long *rows);

#endif
