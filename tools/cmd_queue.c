/* cmd_queue.c - 'sapnhap queue': the open items that need a person. */
#include <getopt.h>
#include <string.h>
#include "cli.h"
#include "csv.h"
#include "db.h"

static void usage(FILE *f)
{
	fputs("usage: sapnhap queue [--step STEP] [--format text|csv|json]\n"
	      "\n"
	      "Lists the open review items in the order of their step and subject: dossiers that need a\n"
	      "decision, catalog conflicts, procedures decided by the default rule, codes recode could\n"
	      "not place. Nothing is ever dropped: each item stays until a decision settles it\n"
	      "('sapnhap reassign --decisions FILE --force', 'sapnhap recode --pins FILE --force').\n"
	      "--step is recode or reassign. CSV: step,subject,field,reason,detail.\n", f);
}

int cmd_queue(struct sn_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
		{ "step", required_argument, NULL, 's' },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *stepname = NULL;
	enum sn_format fmt = SN_FMT_TEXT;
	int c;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "", lo, NULL)) != -1) {
		switch (c) {
		case 's':
			/* The steps that queue items; another name would list nothing and look clean. */
			if (strcmp(optarg, "recode") && strcmp(optarg, "reassign") && strcmp(optarg, "dossiers import"))
				return sn_usage_error(ctx, argv[0], "unknown step '%s' (the steps that queue "
						      "items: recode, reassign, 'dossiers import')", optarg);
			stepname = optarg;
			break;
		case 'f':
			if (sn_parse_format(optarg, 7, &fmt))
				return sn_usage_error(ctx, argv[0], "--format must be text, csv or json");
			break;
		case 'h': usage(ctx->out); return SN_OK;
		default: return sn_option_error(ctx, argv[0], argv);
		}
	}
	if (optind != argc)
		return sn_usage_error(ctx, argv[0], "unexpected argument '%s'", argv[optind]);
	sqlite3_stmt *st = sn_prepare(ctx, "SELECT step, subject, COALESCE(field, ''), reason, COALESCE(detail, '') "
					   "FROM review WHERE status = 'open' AND (?1 IS NULL OR step = ?1) "
					   "ORDER BY step, subject, field, reason, id");
	if (!st)
		return SN_IO;
	if (stepname)
		sqlite3_bind_text(st, 1, stepname, -1, SQLITE_STATIC);
	static const char *hdr[] = { "step", "subject", "field", "reason", "detail" };
	FILE *f = ctx->out;
	if (fmt == SN_FMT_CSV)
		fputs("step,subject,field,reason,detail\n", f);
	else if (fmt == SN_FMT_JSON)
		fputs("[", f);
	int n = 0, r;
	while ((r = sn_step(ctx, st)) == SQLITE_ROW) {
		if (fmt == SN_FMT_TEXT) {
			fprintf(f, "%-9s %-28s %s%s%s\n", sn_col(st, 0), sn_col(st, 1), sn_col(st, 3),
				*sn_col(st, 4) ? ": " : "", sn_col(st, 4));
		} else if (fmt == SN_FMT_CSV) {
			for (int i = 0; i < 5; i++) {
				if (i)
					fputc(',', f);
				sn_csv_write_cell(f, sn_col(st, i));
			}
			fputc('\n', f);
		} else {
			fputs(n ? ",\n {" : "\n {", f);
			for (int i = 0; i < 5; i++) {
				fprintf(f, "%s\"%s\": ", i ? ", " : "", hdr[i]);
				sn_json_string(f, sn_col(st, i));
			}
			fputc('}', f);
		}
		n++;
	}
	sqlite3_finalize(st);
	if (fmt == SN_FMT_JSON)
		fputs("\n]\n", f);
	else if (fmt == SN_FMT_TEXT)
		fprintf(ctx->err, "sapnhap: %d open item(s)\n", n);
	return r < 0 ? SN_IO : SN_OK;
}
