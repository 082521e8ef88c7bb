/* cmd_units_show.c - 'sapnhap units show': a unit as of a date, with every version it had. */
#include <getopt.h>
#include <string.h>
#include "csv.h"
#include "db.h"
#include "units.h"

static void usage(FILE *f)
{
	fputs("usage: sapnhap units show CODE [--on DATE] [--format text|csv]\n"
	      "\n"
	      "Shows the unit with CODE (2 digits province, 3 district, 5 commune) as it was on DATE\n"
	      "(default: today): name, type and parent; then every version the code has had, since\n"
	      "a code can be reused with a new name (25195: Phường Tân Phú, then Phường Bình Phước).\n"
	      "Exit status 1 when no unit with that code is in force on DATE.\n"
	      "\n"
	      "example:\n"
	      "  sapnhap units show 25195 --on 2025-06-30\n", f);
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
	static const struct option lo[] = {
		{ "on", required_argument, NULL, 'o' },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *date = NULL;
	enum sn_format fmt = SN_FMT_TEXT;
	char today[11];
	int c;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "", lo, NULL)) != -1) {
		switch (c) {
		case 'o': date = optarg; break;
		case 'f':
			if (sn_parse_format(optarg, 1u << SN_FMT_TEXT | 1u << SN_FMT_CSV, &fmt))
				return sn_usage_error(ctx, argv[0], "--format must be text or csv");
			break;
		case 'h': usage(ctx->out); return SN_OK;
		default: return sn_option_error(ctx, argv[0], argv);
		}
	}
	if (optind != argc - 1)
		return sn_usage_error(ctx, argv[0], "expected one CODE");
	const char *code = argv[optind];
	const char *level = sn_code_level(code);
	if (!level)
		return sn_usage_error(ctx, argv[0], "code '%s' must have 2 (province), 3 (district) or 5 "
				      "(commune) digits", code);
	if (date && !sn_valid_date(date))
		return sn_usage_error(ctx, argv[0], "--on '%s' is not a date YYYY-MM-DD", date);
	if (!date) {
		sn_today(today);
		date = today;
	}

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
			fputs("history:\n", ctx->out);
		while (sn_step(ctx, st) == SQLITE_ROW) {
			int in_force = sqlite3_column_int(st, 8);
			const char *parent = sn_col(st, 4), *pname = sn_col(st, 5);
			if (pass == 0) {
				if (!in_force)
					continue;
				current = 1;
				fprintf(ctx->out, "%s %s on %s: %s", level, code, date, sn_col(st, 2));
				if (*sn_col(st, 3))
					fprintf(ctx->out, " (%s)", sn_col(st, 3));
				if (*parent)
					fprintf(ctx->out, ", in %s %s", parent, pname);
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
					fprintf(ctx->out, ", in %s %s", parent, pname);
				fputs(in_force ? "  <- in force\n" : "\n", ctx->out);
			}
		}
		sqlite3_finalize(st);
	}
	if (!found) {
		sn_error(ctx, "no %s with code %s", level, code);
		return SN_FINDINGS;
	}
	if (!current && fmt == SN_FMT_TEXT)
		sn_error(ctx, "%s %s is not in force on %s (see 'sapnhap units map %s')", level, code, date, code);
	return current || fmt == SN_FMT_CSV ? SN_OK : SN_FINDINGS;
}
