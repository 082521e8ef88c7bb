/* cmd_units_show.c - 'sapnhap units show': a unit as of a date, with every version it had. */
#include <string.h>
#include "csv.h"
#include "db.h"
#include "i18n.h"
#include "options.h"
#include "units.h"
#include "banned.h"

static const struct sn_usage usage = {
	.args = "CODE", .min_args = 1, .max_args = 1, .expected = N_("one CODE"),
	.description =
	N_("Shows the unit with CODE (2 digits province, 3 district, 5 commune) as it was on DATE\n"
	"(default: today): name, type and parent; then every version the code has had, since\n"
	"a code can be reused with a new name (25195: Phường Tân Phú, then Phường Bình Phước).\n"
	"Exit status 1 when no unit with that code is in force on DATE.\n"),
	.examples =
	"sapnhap units show 25195 --on 2025-06-30\n",
};

/* One of three whole sentences by LEVEL (province, district, commune), for a translation. */
static const char *by_level(const char *level, const char *province, const char *district,
			    const char *commune)
{
	return !strcmp(level, "province") ? province : !strcmp(level, "district") ? district : commune;
}

/* Every version of the code, oldest first, with its parent as it was during that version. */
static const char *VERSIONS =
	"SELECT v.level, v.code, v.name, COALESCE(v.type, ''), COALESCE(v.parent_code, ''), "
	"  COALESCE((SELECT p.name FROM unit p WHERE p.code = v.parent_code AND p.level = "
	"  CASE length(v.parent_code) WHEN 2 THEN 'province' ELSE 'district' END "
	"  AND (p.valid_from IS NULL OR p.valid_from <= COALESCE(?3, v.valid_from, date(v.valid_to, '-1 day'), '9999-12-31')) "
	"  AND (p.valid_to IS NULL OR p.valid_to > COALESCE(?3, v.valid_from, date(v.valid_to, '-1 day'), '0000-01-01')) "
	"  ORDER BY p.valid_from DESC LIMIT 1), ''), "
	"  COALESCE(v.valid_from, ''), COALESCE(v.valid_to, ''), "
	"  (v.valid_from IS NULL OR v.valid_from <= ?2) AND (v.valid_to IS NULL OR v.valid_to > ?2) "
	"FROM unit v WHERE v.code = ?1 AND v.level = ?4 ORDER BY v.valid_from IS NOT NULL, v.valid_from";

int cmd_units_show(struct sn_ctx *ctx, int argc, char **argv)
{
	const char *date = NULL;
	enum sn_format fmt = SN_FMT_TEXT;
	int nargs;
	char **args;
	struct sn_option opts[] = {
		OPT_ON(&date, "YYYY-MM-DD (default: today)"),
		OPT_FORMAT(&fmt, SN_FMT_BIT(SN_FMT_TEXT) | SN_FMT_BIT(SN_FMT_CSV), "text (default) or csv"),
		OPT_END()
	};
	int rc = sn_parse_options(ctx, argc, argv, opts, &usage, &args, &nargs);
	if (rc)
		return rc == SN_DONE ? SN_OK : rc;
	const char *code = args[0];
	const char *level = sn_code_level(code);
	if (!level)
		return sn_usage_error(ctx, argv[0], "code '%s' must have 2 (province), 3 (district) or 5 "
				      "(commune) digits", code);

	int found = 0, current = 0;
	for (int pass = 0; pass < 2; pass++) {
		/* Pass 0 prints the version in force (text), pass 1 the history. */
		if (pass == 0 && fmt == SN_FMT_CSV)
			continue;
		sqlite3_stmt *st = sn_prepare(ctx, VERSIONS);
		if (!st)
			return SN_IO;
		sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, date, -1, SQLITE_STATIC);
		if (pass == 0)
			sqlite3_bind_text(st, 3, date, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, level, -1, SQLITE_STATIC);
		if (pass == 1 && fmt == SN_FMT_CSV)
			fputs("level,code,name,type,parent_code,parent_name,valid_from,valid_to,in_force\n", ctx->out);
		else if (pass == 1)
			fputs(_("history:\n"), ctx->out);
		int r;
		while ((r = sn_step(ctx, st)) == SQLITE_ROW) {
			int in_force = sqlite3_column_int(st, 8);
			const char *parent = sn_col(st, 4), *pname = sn_col(st, 5);
			if (pass == 0) {
				if (!in_force)
					continue;
				current = 1;
				fprintf(ctx->out, by_level(level, _("province %s on %s: %s"), _("district %s on %s: %s"),
							   _("commune %s on %s: %s")), code, date, sn_col(st, 2));
				if (*sn_col(st, 3))
					fprintf(ctx->out, " (%s)", sn_col(st, 3));
				if (*parent)
					fprintf(ctx->out, _(", in %s %s"), parent, pname);
				fputc('\n', ctx->out);
			} else if (fmt == SN_FMT_CSV) {
				found = 1;
				for (int i = 0; i < 8; i++) {
					sn_csv_write_cell(ctx->out, sn_col(st, i));
					fputc(',', ctx->out);
				}
				fputs(in_force ? "yes\n" : "no\n", ctx->out);
			} else {
				found = 1;
				fprintf(ctx->out, "  %-10s %-10s %s%s%s%s", *sn_col(st, 6) ? sn_col(st, 6) : "...",
					*sn_col(st, 7) ? sn_col(st, 7) : "...", sn_col(st, 2),
					*sn_col(st, 3) ? " (" : "", sn_col(st, 3), *sn_col(st, 3) ? ")" : "");
				if (*parent)
					fprintf(ctx->out, _(", in %s %s"), parent, pname);
				fputs(in_force ? _("  <- in force\n") : "\n", ctx->out);
			}
		}
		sqlite3_finalize(st);
		if (r < 0)
			return SN_IO;
	}
	if (!found) {
		sn_error(ctx, sn_units_no_such(level), code);
		return SN_FINDINGS;
	}
	if (!current && fmt == SN_FMT_TEXT)
		sn_error(ctx, by_level(level, N_("province %s is not in force on %s (see 'sapnhap units map %s')"),
				       N_("district %s is not in force on %s (see 'sapnhap units map %s')"),
				       N_("commune %s is not in force on %s (see 'sapnhap units map %s')")),
			 code, date, code);
	return current || fmt == SN_FMT_CSV ? SN_OK : SN_FINDINGS;
}
