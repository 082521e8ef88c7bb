/* cmd_status.c - 'sapnhap status': the journal of applied steps and the table counts. */
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "db.h"
#include "options.h"
#include "steps.h"
#include "banned.h"

static const char *TABLES[] = { "event", "unit", "link", "listed_unit", "agency", "code_table",
				"crosswalk", "closed_code", "review", "procedure",
				"binding", "dossier", "dossier_history", "merged_procedure" };

static const struct sn_usage usage = {
	.description = N_(
	"Lists the steps applied to the working database (oldest first) with their inputs'\n"
	"SHA-256; then the stale steps, whose result no longer follows from what they read\n"
	"because a step they depend on was applied after them, each with the command to\n"
	"run again (in order; a stale step recomputes without --force); then the events and\n"
	"the row count of each table.\n"),
};

int cmd_status(struct sn_ctx *ctx, int argc, char **argv)
{
	struct sn_option opts[] = { OPT_END() };
	char **args;
	int nargs, rc = sn_parse_options(ctx, argc, argv, opts, &usage, &args, &nargs);
	if (rc)
		return rc == SN_DONE ? SN_OK : rc;
	FILE *f = ctx->out;
	long long version, n;
	if (sn_query_int(ctx, &version, "PRAGMA user_version"))
		return SN_IO;
	fprintf(f, _("database: %s (schema %lld)\n\njournal:\n"), ctx->db_path, version);
	sqlite3_stmt *st = sn_prepare(ctx, "SELECT j.id, j.ended_at, j.step, j.target, j.outcome, j.counts, "
					   "i.path, i.sha256 FROM journal j LEFT JOIN journal_input i "
					   "ON i.journal_id = j.id ORDER BY j.id, i.rowid");
	if (!st)
		return SN_IO;
	long last = -1;
	int any = 0, r;
	while ((r = sn_step(ctx, st)) == SQLITE_ROW) {
		long id = sqlite3_column_int(st, 0);
		if (id != last)
			fprintf(f, "  %ld  %s  %s %s  %s  %s\n", id, sn_col(st, 1), sn_col(st, 2),
				sn_col(st, 3), sn_col(st, 4), sn_col(st, 5));
		if (*sn_col(st, 6))
			fprintf(f, _("      input %s  sha256 %s\n"), sn_col(st, 6), sn_col(st, 7));
		last = id;
		any = 1;
	}
	sqlite3_finalize(st);
	if (r < 0)
		return SN_IO;
	if (!any)
		fputs(_("  (empty)\n"), f);
	/* The stale steps, in the order to run them again (the order of the data flow). */
	struct sn_journal j;
	if (sn_journal_load(ctx, &j))
		return SN_IO;
	const struct sn_entry **stale = j.n ? calloc((size_t)j.n, sizeof *stale) : NULL;
	int nstale = stale ? sn_stale_in_order(&j, 0, stale) : 0;
	if (nstale)
		fputs(_("\nstale (a step they read was applied after them; run again, in this order):\n"), f);
	for (int i = 0; i < nstale; i++) {
		char why[600];
		char *cmd = sn_entry_command(stale[i]);
		sn_stale_reason(&j, stale[i], why, sizeof why);
		fprintf(f, _("  %s %s (journal %ld): %s\n      %s\n"), stale[i]->step, stale[i]->target,
			stale[i]->id, why, cmd ? cmd : stale[i]->step);
		free(cmd);
	}
	free(stale);
	sn_journal_free(&j);
	fputs(_("\nevents:\n"), f);
	st = sn_prepare(ctx, "SELECT name, effective, kind, source FROM event ORDER BY effective, id");
	if (!st)
		return SN_IO;
	while ((r = sn_step(ctx, st)) == SQLITE_ROW)
		fprintf(f, "  %-16s %s  %-10s %s\n", sn_col(st, 0), sn_col(st, 1), sn_col(st, 2), sn_col(st, 3));
	sqlite3_finalize(st);
	if (r < 0)
		return SN_IO;
	fputs(_("\ntables:\n"), f);
	for (size_t i = 0; i < sizeof TABLES / sizeof TABLES[0]; i++) {
		if (sn_query_intf(ctx, &n, "SELECT count(*) FROM %w", TABLES[i]))
			return SN_IO;
		fprintf(f, "  %-17s %lld\n", TABLES[i], n);
	}
	return SN_OK;
}
