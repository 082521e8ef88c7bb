/* cmd_reassign.c - 'sapnhap reassign': the merged catalog, no district-level work, no dossier
 * lost (the computation: reassign.h). */
#include "cli.h"
#include "db.h"
#include "options.h"
#include "reassign.h"
#include "banned.h"

/* What reassign reads from the database, so a re-run over changed catalogs, dossiers or codes is
 * not taken for "already applied". Streamed: memory does not grow with the catalogs. */
static int db_digest(struct sn_ctx *ctx, char out[65])
{
	return sn_digest_query(ctx,
		"SELECT 'p', province, national_code, name, levels, fee, time_limit, time_unit, online_level, "
		"  portal, legal_basis FROM procedure UNION ALL "
		"SELECT 'b', catalog, national_code, agency_code, online, id, NULL, NULL, NULL, NULL, NULL "
		"  FROM binding WHERE from_binding IS NULL UNION ALL "
		"SELECT 'd', count(*), sum(id), NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM dossier UNION ALL "
		"SELECT 'x', old_code, outcome, new_code, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM crosswalk "
		"ORDER BY 1, 2, 3, 4", out);
}

static const struct sn_usage usage = {
	.description = N_(
	"Makes the old provinces' catalogs one catalog of the merged province, with nothing left at\n"
	"district level, and moves the in-flight dossiers of agencies that no longer exist. Run\n"
	"'sapnhap recode' first. District-level work goes to every new commune's committee or to\n"
	"the province's department, by the jurisdiction rules (a decision, else by national code,\n"
	"else by field, else the default). Dossiers follow the crosswalk or the rule; one whose\n"
	"applicant's commune was split without a whole-population part goes by the hamlet table\n"
	"or a decision, else to the review queue. Where the catalogs disagree, the field waits\n"
	"for a decision. Conservation is checked at the end; a failure rolls everything back.\n"),
	.examples = "sapnhap reassign --decisions decisions.csv --hamlets hamlets.csv --force\n",
};

int cmd_reassign(struct sn_ctx *ctx, int argc, char **argv)
{
	const char *rules = NULL, *decisions = NULL, *hamlets = NULL, *date = NULL;
	struct sn_step step = { .step = "reassign" };
	struct sn_reassign ra = { .ctx = ctx };
	char digest[65], **args;
	int nargs, rc;
	struct sn_option opts[] = {
		OPT_FILE("rules", &rules, "match,target,department (default: built-in mappings/jurisdiction.csv)"),
		OPT_FILE("decisions", &decisions,
			 "subject,field,value,reason: a national code with jurisdiction (commune\n"
			 "or province:FUNCTION), name, fee, time_limit, online_level, portal,\n"
			 "legal_basis, field; or dossier:CODE with commune (a new commune code)"),
		OPT_FILE("hamlets", &hamlets, "old_commune,hamlet,new_commune for split communes"),
		OPT_ON(&date, "the communes in force on DATE (default: today)"),
		OPT_DRY_RUN(&step.dry_run),
		OPT_FORCE(&step.forced, "recompute after the inputs changed (e.g. with new decisions)"),
		OPT_END()
	};
	if ((rc = sn_parse_options(ctx, argc, argv, opts, &usage, &args, &nargs)))
		return rc == SN_DONE ? SN_OK : rc;
	ra.date = date;
	const char *files[] = { rules, decisions, hamlets };
	for (int i = 0; i < 3; i++)
		if (files[i] && (rc = sn_step_add_input(ctx, &step, files[i])))
			return rc;
	if ((rc = db_digest(ctx, digest)))
		return rc;
	step.target = sqlite3_mprintf("merged catalog");
	step.args = sqlite3_mprintf("on=%s rules=%s decisions=%s hamlets=%s db=%s", date, rules ? "file" : "built-in",
				    decisions ? "file" : "none", hamlets ? "file" : "none", digest);
	rc = sn_step_begin(ctx, &step);
	if (rc == SN_DONE) {
		rc = SN_OK;
		goto out;
	}
	if (rc)
		goto out;
	if ((rc = sn_merged_province(ctx, ra.target, ra.root)))
		goto out;
	if ((rc = sn_reassign_compute(&ra, rules, decisions, hamlets)))
		goto out;
	long long procedures, bindings;
	if ((rc = sn_query_int(ctx, &procedures, "SELECT count(*) FROM merged_procedure")) ||
	    (rc = sn_query_intf(ctx, &bindings, "SELECT count(*) FROM binding WHERE active AND catalog = %Q",
				ra.target)))
		goto out;
	char counts[300];
	snprintf(counts, sizeof counts, "procedures=%lld bindings=%lld dossiers_moved=%ld dossiers_queued=%ld "
		 "bindings_queued=%ld conflicts=%ld default_rule=%ld", procedures, bindings, ra.moved,
		 ra.queued_dossiers, ra.queued_bindings, ra.conflicts, ra.defaults);
	if ((rc = sn_step_commit(ctx, &step, counts)))
		goto out;
	fprintf(ctx->out, step.dry_run ? _("would reassign catalog of province %s: %s\n") :
		_("reassigned catalog of province %s: %s\n"), ra.target, counts);
out:
	if (rc)
		sn_step_abort(ctx, &step);
	sqlite3_free(step.target);
	sqlite3_free(step.args);
	return rc;
}
