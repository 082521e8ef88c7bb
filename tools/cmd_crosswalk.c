/* cmd_crosswalk.c - 'sapnhap crosswalk': the old -> new agency codes recode decided. The writer is
 * shared with 'sapnhap export' (export.h). */
#include <string.h>
#include "agcode.h"
#include "cli.h"
#include "options.h"
#include "csv.h"
#include "db.h"
#include "export.h"
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
		fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<crosswalk xmlns=\"urn:sapnhap:crosswalk:1\" province=\"", f);
		sn_xml_text(f, target);
		fputs("\">\n", f);
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
			fputs("  <entry old=\"", f);
			sn_xml_text(f, old);
			fputs("\" province=\"", f);
			sn_xml_text(f, prov);
			fputs("\" outcome=\"", f);
			sn_xml_text(f, outcome);
			fputc('"', f);
			if (*new) {
				fputs(" new=\"", f);
				sn_xml_text(f, new);
				fputc('"', f);
			}
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

static const struct sn_usage usage = {
	.description =
	"Prints every old agency code with its outcome (kept, renumbered, merged, closed), the\n"
	"code now carrying its work, the successors of a closed code and the reason, ordered by\n"
	"old province and code. CSV: old_code,province,outcome,new_code,successors,reason\n"
	"(successors separated by ';'). XML: schema/crosswalk.xsd. Run 'sapnhap recode' first.\n"
	"--notation prints codes in QCVN 102 (000.00.16.H19) or QĐ 20/2020 (H19.16) notation.\n",
};

int cmd_crosswalk(struct sn_ctx *ctx, int argc, char **argv)
{
	enum sn_notation notation = SN_NOTATION_QCVN;
	enum sn_format fmt = SN_FMT_TEXT;
	int renotate = 0, nargs;
	char **args;
	struct sn_option opts[] = {
		OPT_FORMAT(&fmt, SN_FMT_BIT(SN_FMT_TEXT) | SN_FMT_BIT(SN_FMT_CSV) | SN_FMT_BIT(SN_FMT_XML),
			   "text (default), csv or xml"),
		OPT_NOTATION(&notation, &renotate),
		OPT_END()
	};
	int rc = sn_parse_options(ctx, argc, argv, opts, &usage, &args, &nargs);
	if (rc)
		return rc == SN_DONE ? SN_OK : rc;
	return sn_crosswalk_write(ctx, ctx->out, fmt, renotate ? &notation : NULL, NULL);
}
