/* cmd_queue.c - 'sapnhap queue': the open items that need a person. */
#include <string.h>
#include "cli.h"
#include "options.h"
#include "csv.h"
#include "db.h"
#include "reasons.h"
#include "rows.h"
#include "banned.h"

static const struct sn_usage usage = {
	.description = N_(
	"Lists the open review items in the order of their step and subject: dossiers that need a\n"
	"decision, catalog conflicts, procedures decided by the default rule, codes recode could\n"
	"not place. Nothing is ever dropped: each item stays until a decision settles it\n"
	"('sapnhap reassign --decisions FILE --force', 'sapnhap recode --pins FILE --force').\n"
	"--step is recode or reassign. CSV: step,subject,field,reason,detail.\n"),
};

/* The steps that queue items; another name would list nothing and look clean. */
static const char *const queue_steps[] = { "recode", "reassign", "dossiers import", NULL };

int cmd_queue(struct sn_ctx *ctx, int argc, char **argv)
{
	const char *stepname = NULL;
	enum sn_format fmt = SN_FMT_TEXT;
	int nstep = -1, nargs;
	char **args;
	struct sn_option opts[] = {
		OPT_CHOICE("step", &nstep, queue_steps, "only the items of this step"),
		OPT_FORMAT(&fmt, SN_FMTS_TABLE, "text (default), csv or json"),
		OPT_END()
	};
	int rc = sn_parse_options(ctx, argc, argv, opts, &usage, &args, &nargs);
	if (rc)
		return rc == SN_DONE ? SN_OK : rc;
	if (nstep >= 0)
		stepname = queue_steps[nstep];
	sqlite3_stmt *st = sn_prepare(ctx, "SELECT step, subject, COALESCE(field, ''), reason, COALESCE(detail, '') "
					   "FROM review WHERE status = 'open' AND (?1 IS NULL OR step = ?1) "
					   "ORDER BY step, subject, field, reason, id");
	if (!st)
		return SN_IO;
	if (stepname)
		sqlite3_bind_text(st, 1, stepname, -1, SQLITE_STATIC);
	static const char *const hdr[] = { "step", "subject", "field", "reason", "detail" };
	FILE *f = ctx->out;
	sn_rows_begin(f, fmt, hdr, 5);
	int n = 0, r;
	while ((r = sn_step(ctx, st)) == SQLITE_ROW) {
		if (fmt == SN_FMT_TEXT) {
			/* The stored reasons in the reader's language; CSV and JSON keep them as stored. */
			char reason[4000], detail[4000];
			fprintf(f, "%-9s %-28s %s%s%s\n", sn_col(st, 0), sn_col(st, 1),
				sn_reason_shown(sn_col(st, 3), reason, sizeof reason), *sn_col(st, 4) ? ": " : "",
				sn_reason_shown(sn_col(st, 4), detail, sizeof detail));
		} else {
			sn_rows_write(f, fmt, st, hdr, 5, n);
		}
		n++;
	}
	sqlite3_finalize(st);
	sn_rows_end(f, fmt);
	if (fmt == SN_FMT_TEXT)
		fprintf(ctx->err, _("sapnhap: %d open item(s)\n"), n);
	return r < 0 ? SN_IO : SN_OK;
}
