/* cmd_recode.c - 'sapnhap recode': the merged province's agency code table and the crosswalk
 * (the computation: recode.h). */
#include <string.h>
#include "cli.h"
#include "db.h"
#include "options.h"
#include "recode.h"
#include "i18n.h"
#include "banned.h"

static const struct sn_usage usage = {
	.description = N_(
	"Computes the merged province's agency code table and the crosswalk old -> new from the\n"
	"imported registries and the unit registry, and applies them. Every old code ends as\n"
	"kept, renumbered, merged into another code, or closed with its successors. The old\n"
	"province whose name the new one carries keeps its level-1 codes (H19, K19); the\n"
	"others' are closed (QĐ 09/2025/QĐ-TTg); departments merge by function (2025 department\n"
	"mergers); district committees and offices close; one committee per new commune gets a\n"
	"code from the allocation rules in order of new commune code, pins first. A closed code is\n"
	"never issued again.\n"),
	.examples =
	"sapnhap recode --pins pins.csv\n"
	"sapnhap recode --explain 000.00.00.H10\n",
};

/* A digest of the database rows recode reads, so a re-run over changed registries or units is
 * not mistaken for "already applied". */
static int db_digest(struct sn_ctx *ctx, char out[65])
{
	return sn_digest_query(ctx,
		"SELECT 'a', code, name, kind, parent_code, unit_code, status FROM agency UNION ALL "
		"SELECT 'u', level, code, name, valid_from, valid_to, province_code FROM unit "
		"ORDER BY 1, 2, 3, 5", out);
}

int cmd_recode(struct sn_ctx *ctx, int argc, char **argv)
{
	const char *rules = NULL, *pins = NULL, *level1 = NULL, *depts = NULL, *date = NULL, *what = NULL;
	struct sn_step step = { .step = "recode" };
	struct recode rc = { .ctx = ctx };
	char digest[65], **args;
	int r, nargs;
	struct sn_option opts[] = {
		OPT_FILE("rules", &rules, "allocation rules (default: the built-in mappings/allocation.csv)"),
		OPT_FILE("pins", &pins, "subject,code pins: 'commune:25195' or an old agency code"),
		OPT_FILE("level1", &level1, "province -> level-1 code table (default: built-in)"),
		OPT_FILE("departments", &depts, "department functions and 2025 mergers (default: built-in)"),
		OPT_ON(&date, "the new communes in force on DATE (default: today)"),
		OPT_STRING("survivor", &rc.survivor, "CODE",
			   "the old province whose level-1 codes survive, where a published\n"
			   "decision differs from the name rule of QĐ 09/2025/QĐ-TTg"),
		OPT_DRY_RUN(&step.dry_run),
		OPT_FORCE(&step.forced, "recompute after the inputs changed (codes issued before are never\n"
			  "reused for something else)"),
		OPT_STRING("explain", &what, "CODE", "why CODE (old or new) is what it is in the applied recode; with\n"
			   "--dry-run, in a fresh computation from the options given"),
		OPT_END()
	};
	if ((r = sn_parse_options(ctx, argc, argv, opts, &usage, &args, &nargs)))
		return r == SN_DONE ? SN_OK : r;
	rc.date = date;
	const char *files[] = { rules, pins, level1, depts };
	for (int i = 0; i < 4; i++)
		if (files[i] && (r = sn_step_add_input(ctx, &step, files[i])))
			return r;
	if ((r = db_digest(ctx, digest)))
		return r;
	step.target = sqlite3_mprintf("merged province");
	step.args = sqlite3_mprintf("on=%s rules=%s pins=%s level1=%s departments=%s survivor=%s db=%s", date,
				    rules ? "file" : "built-in", pins ? "file" : "none",
				    level1 ? "file" : "built-in", depts ? "file" : "built-in",
				    rc.survivor ? rc.survivor : "by name", digest);
	long long applied = 0;
	if (what && !step.dry_run && (r = sn_query_int(ctx, &applied, "SELECT count(*) FROM crosswalk")))
		goto out;
	if (what && !step.dry_run && applied) {
		/* --explain reads the recode that was applied; with --dry-run it explains a fresh
		 * computation from the options given (a what-if) and keeps nothing. */
		r = sn_recode_explain(ctx, what);
		goto out;
	}
	if (what)
		step.dry_run = step.forced = 1;
	r = sn_step_begin(ctx, &step);
	if (r == SN_DONE) {
		r = SN_OK;
		if (what)
			r = sn_recode_explain(ctx, what);
		goto out;
	}
	if (r)
		goto out;
	/* Recompute from scratch; what an earlier run issued is remembered so it is never reissued
	 * for something else. */
	if ((r = sn_recode_prepare(&rc)))
		goto out;
	if ((r = sn_recode_compute(&rc, level1, depts, rules, pins)))
		goto out;
	if (what) {
		r = sn_recode_explain(ctx, what);
		goto out;
	}
	char counts[300];
	long long issued;
	if ((r = sn_query_int(ctx, &issued, "SELECT count(*) FROM code_table")))
		goto out;
	snprintf(counts, sizeof counts, "kept=%ld renumbered=%ld merged=%ld closed=%ld new_commune_committees=%d "
		 "codes=%lld review=%ld", rc.counts[O_KEPT], rc.counts[O_RENUMBERED], rc.counts[O_MERGED],
		 rc.counts[O_CLOSED], rc.ncc, issued, rc.reviews);
	if ((r = sn_step_commit(ctx, &step, counts)))
		goto out;
	/* The absorbed provinces' level-1 codes, closed: "H10, K10". */
	char closed[16 * 10] = "";
	size_t used = 0;
	for (int i = 0; i < rc.nabs && used < sizeof closed; i++)
		used += (size_t)snprintf(closed + used, sizeof closed - used, "%s%s", i ? ", " : "", rc.absorbed[i]);
	if (rc.nabs && step.dry_run)
		fprintf(ctx->out, _("would recode province %s (level-1 %s kept; closed %s): %s\n"), rc.target, rc.l1,
			closed, counts);
	else if (rc.nabs)
		fprintf(ctx->out, _("recoded province %s (level-1 %s kept; closed %s): %s\n"), rc.target, rc.l1,
			closed, counts);
	else if (step.dry_run)
		fprintf(ctx->out, _("would recode province %s (level-1 %s kept): %s\n"), rc.target, rc.l1, counts);
	else
		fprintf(ctx->out, _("recoded province %s (level-1 %s kept): %s\n"), rc.target, rc.l1, counts);
out:
	sn_recode_release(&rc);
	if (r)
		sn_step_abort(ctx, &step);
	else if (what)
		sn_step_abort(ctx, &step);
	sqlite3_free(step.target);
	sqlite3_free(step.args);
	return r;
}
