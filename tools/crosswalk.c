/* crosswalk.c - the crosswalk file (crosswalk.h): every old agency code with its outcome, the
 * code now carrying its work, its successors and the reason, as text, CSV or XML. Printed by
 * 'sapnhap crosswalk' and written by 'sapnhap export'. */
#include <string.h>
#include "agcode.h"
#include "crosswalk.h"
#include "csv.h"
#include "db.h"
#include "reassign.h"
#include "banned.h"

/* CODE in the notation asked for, or as written (also when it would not fit BUF). */
static const char *shown(const char *code, const enum sn_notation *notation, char *buf, size_t len)
{
	if (!notation || strlen(code) >= len)
		return code;
	return sn_agcode_display(code, *notation, buf, len);
}

int sn_crosswalk_write(struct sn_ctx *ctx, FILE *f, enum sn_format fmt, const enum sn_notation *notation,
		       long *rows)
{
	long n = 0;
	int r;
	sqlite3_stmt *st = sn_prepare(ctx,
		"SELECT x.old_code, x.province, x.outcome, COALESCE(x.new_code, ''), x.reason "
		"FROM crosswalk x JOIN agency a ON a.code = x.old_code ORDER BY x.province, a.sort_key, x.old_code");
	sqlite3_stmt *succ = sn_prepare(ctx, "SELECT new_code FROM crosswalk_successor WHERE old_code = ?1 "
					     "ORDER BY new_code");
	if (!st || !succ) {
		r = -1;
		goto done;
	}
	if (fmt == SN_FMT_XML) {
		char target[8], root[40];
		if (sn_merged_province(ctx, target, root)) {
			r = -1;
			goto done;
		}
		sn_xml_root(f, "crosswalk", target);
	} else if (fmt == SN_FMT_CSV) {
		fputs("old_code,province,outcome,new_code,successors,reason\n", f);
	}
	while ((r = sn_step(ctx, st)) == SQLITE_ROW) {
		char oldc[64], newc[64], one[64];
		const char *old = shown(sn_col(st, 0), notation, oldc, sizeof oldc);
		const char *prov = sn_col(st, 1), *outcome = sn_col(st, 2), *reason = sn_col(st, 4);
		const char *new = shown(sn_col(st, 3), notation, newc, sizeof newc);
		int k, first = 1;
		n++;
		if (fmt == SN_FMT_XML) {
			fputs("  <entry", f);
			sn_xml_attr(f, "old", old);
			sn_xml_attr(f, "province", prov);
			sn_xml_attr(f, "outcome", outcome);
			if (*new)
				sn_xml_attr(f, "new", new);
			fputs(">\n", f);
		} else if (fmt == SN_FMT_CSV) {
			sn_csv_write_cell(f, old);
			fputc(',', f);
			sn_csv_write_cell(f, prov);
			fputc(',', f);
			sn_csv_write_cell(f, outcome);
			fputc(',', f);
			sn_csv_write_cell(f, new);
			fputc(',', f);
		} else {
			fprintf(f, "%-15s %s %-10s %-15s ", old, prov, outcome, *new ? new : "-");
		}
		/* Successors are streamed: a district closed into hundreds of communes has as many. */
		sqlite3_reset(succ);
		sqlite3_bind_text(succ, 1, sn_col(st, 0), -1, SQLITE_TRANSIENT);
		while ((k = sn_step(ctx, succ)) == SQLITE_ROW) {
			const char *s = shown(sn_col(succ, 0), notation, one, sizeof one);
			if (fmt == SN_FMT_XML) {
				fputs("    <successor>", f);
				sn_xml_text(f, s);
				fputs("</successor>\n", f);
			} else {
				/* Codes never start with a formula character: no neutralising needed. */
				fprintf(f, "%s%s", first ? "" : ";", s);
			}
			first = 0;
		}
		if (k < 0) {
			r = -1;
			break;
		}
		if (fmt == SN_FMT_XML) {
			fputs("    <reason>", f);
			sn_xml_text(f, reason);
			fputs("</reason>\n  </entry>\n", f);
		} else if (fmt == SN_FMT_CSV) {
			fputc(',', f);
			sn_csv_write_cell(f, reason);
			fputc('\n', f);
		} else {
			fputc('\n', f);
		}
	}
	if (r >= 0 && fmt == SN_FMT_XML)
		fputs("</crosswalk>\n", f);
done:
	sqlite3_finalize(st);
	sqlite3_finalize(succ);
	if (rows)
		*rows = n;
	return r < 0 ? SN_IO : SN_OK;
}
