/* cmd_agencies_list.c - 'sapnhap agencies list': agencies in code order, the old provinces'
 * registries before the merger, the merged province's code table after. */
#include "agcode.h"
#include "cli.h"
#include "rows.h"
#include "db.h"
#include "options.h"
#include "units.h"
#include "i18n.h"
#include "banned.h"

static const struct sn_usage list_usage = {
	.description = N_(
	"Lists agencies in code order. Before the merger (DATE earlier than the reform's\n"
	"effective date, or before 'sapnhap recode' has run) these are the old provinces'\n"
	"registries; from the effective date on, the merged province's code table.\n"
	"--province selects an old province's registry (always the 'before' view).\n"
	"Nonconforming codes are listed with the reason. --notation prints codes in QCVN 102\n"
	"(000.00.16.H19) or QĐ 20/2020 (H19.16) notation; codes that cannot be shown in it are\n"
	"printed as written.\n"),
};

int cmd_agencies_list(struct sn_ctx *ctx, int argc, char **argv)
{
	enum sn_notation notation = SN_NOTATION_QCVN;
	int renotate = 0, nargs;
	const char *date = NULL;
	char province[16] = "", **args;
	enum sn_format fmt = SN_FMT_TEXT;
	struct sn_option opts[] = {
		OPT_PROVINCE(province, "an old province's registry (always the 'before' view)"),
		OPT_ON(&date, "the view on DATE (default: today)"),
		OPT_FORMAT(&fmt, SN_FMTS_TABLE, "text (default), csv or json"),
		OPT_NOTATION(&notation, &renotate),
		OPT_END()
	};
	int rc = sn_parse_options(ctx, argc, argv, opts, &list_usage, &args, &nargs);
	if (rc)
		return rc == SN_DONE ? SN_OK : rc;
	/* The merged view applies once a code table exists and DATE is on or after the reform that
	 * merged the provinces. */
	long long merged;
	if (sn_query_intf(ctx, &merged, "SELECT (SELECT count(*) FROM code_table) > 0 AND %Q = '' AND %Q >= "
			  "COALESCE((SELECT min(effective) FROM event WHERE kind = 'conversion'), '9999-12-31')",
			  province, date))
		return SN_IO;
	const char *sql = merged ?
		"SELECT code, name, kind, COALESCE(parent_code, ''), COALESCE(unit_code, ''), origin, '' "
		"FROM code_table ORDER BY sort_key, code" :
		"SELECT code, name, kind, COALESCE(parent_code, ''), COALESCE(unit_code, ''), status, "
		"COALESCE(code_problem, '') FROM agency WHERE (?1 = '' OR province = ?1) "
		"ORDER BY province, sort_key, code";
	sqlite3_stmt *st = sn_prepare(ctx, sql);
	if (!st)
		return SN_IO;
	if (!merged)
		sqlite3_bind_text(st, 1, province, -1, SQLITE_STATIC);
	FILE *f = ctx->out;
	const char *hdr[] = { "code", "name", "kind", "parent_code", "unit_code", merged ? "origin" : "status", "problem" };
	sn_rows_begin(f, fmt, hdr, 7);
	int n = 0, r;
	/* The stored reason of a nonconforming code is English (data); a Vietnamese run says it
	 * again from the code. */
	int reparse = sn_lang_current() != SN_LANG_EN;
	while ((r = sn_step(ctx, st)) == SQLITE_ROW) {
		/* Codes (own and parent) in the notation asked for; others as written. */
		char code[64], parent[64];
		const char *v[7];
		for (int i = 0; i < 7; i++)
			v[i] = sn_col(st, i);
		if (renotate) {
			v[0] = sn_agcode_display(v[0], notation, code, sizeof code);
			v[3] = sn_agcode_display(v[3], notation, parent, sizeof parent);
		}
		if (fmt == SN_FMT_TEXT) {
			fprintf(f, "%-16s %-18s %s", v[0], v[2], v[1]);
			if (*v[6]) {
				struct sn_agcode c;
				const char *why = v[6];
				if (reparse && sn_agcode_parse(sn_col(st, 0), &c) != SN_AGCODE_OK && c.problem[0])
					why = c.problem;
				fprintf(f, _("  [nonconforming: %s]"), why);
			}
			fputc('\n', f);
		} else {
			sn_rows_write_values(f, fmt, v, hdr, 7, n);
		}
		n++;
	}
	sqlite3_finalize(st);
	if (r < 0)
		return SN_IO;
	sn_rows_end(f, fmt);
	return SN_OK;
}
