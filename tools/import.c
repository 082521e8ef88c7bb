/* import.c - the start and end of every per-province import (import.h). */
#include <string.h>
#include "i18n.h"
#include "import.h"
#include "reassign.h"
#include "banned.h"

/* The help of --force: a whole sentence for each thing an import replaces (WHAT, as the commands
 * name it), so that it can be translated; any other WHAT is put into the English sentence. */
static const char *force_help(const char *what, char *buf, size_t len)
{
	static const struct {
		const char *what, *help;
	} helps[] = {
		{ "a registry", N_("replace a registry imported before from different inputs") },
		{ "a catalog", N_("replace a catalog imported before from different inputs") },
		{ "the dossiers", N_("replace the dossiers imported before from different inputs") },
	};
	for (size_t i = 0; i < sizeof helps / sizeof helps[0]; i++)
		if (!strcmp(what, helps[i].what))
			return helps[i].help;
	snprintf(buf, len, _("replace %s imported before from different inputs"), what);
	return buf;
}

int sn_import_begin(struct sn_ctx *ctx, int argc, char **argv, const struct sn_usage *usage,
		    const char *what, struct sn_import *im)
{
	char **args, help[120];
	int nargs;
	const char *force = force_help(what, help, sizeof help);
	struct sn_option opts[] = {
		{ .kind = SN_OPT_PROVINCE, .name = "province", .value = im->province, .flags = SN_OPT_REQUIRED,
		  .help = N_("the old province (2 digits) the file belongs to") },
		OPT_FILE("level1", &im->level1_path, "province -> level-1 code table (default: built-in)"),
		OPT_ENCODING(&im->enc, "CSV encoding: auto (default), utf-8, cp1258, tcvn3"),
		OPT_DRY_RUN(&im->step.dry_run),
		OPT_FORCE(&im->step.forced, force),
		OPT_END()
	};
	im->enc = SN_ENC_AUTO;
	int rc = sn_parse_options(ctx, argc, argv, opts, usage, &args, &nargs);
	if (rc)
		return rc;
	im->path = args[0];
	if ((rc = sn_step_add_input(ctx, &im->step, im->path)) ||
	    (im->level1_path && (rc = sn_step_add_input(ctx, &im->step, im->level1_path))))
		return rc;
	/* One run per old province: a second file for it replaces the first only with --force. */
	im->step.target = sqlite3_mprintf("province %s", im->province);
	im->step.args = sqlite3_mprintf("province=%s encoding=%s%s", im->province, sn_encoding_name(im->enc),
					im->level1_path ? " level1=file" : "");
	if (!im->step.target || !im->step.args) {
		sn_step_release(&im->step);
		sn_error(ctx, "out of memory");
		return SN_IO;
	}
	if ((rc = sn_step_begin(ctx, &im->step))) {
		sn_step_release(&im->step);
		return rc;
	}
	if ((rc = sn_level1_load(ctx, im->level1_path, im->province, argv[0], &im->l1)))
		return sn_import_end(ctx, im, rc);
	return 0;
}

static void bind_province(sqlite3_stmt *st, void *province)
{
	int i = sqlite3_bind_parameter_index(st, ":province");
	if (i)
		sqlite3_bind_text(st, i, province, -1, SQLITE_STATIC);
}

int sn_import_replace(struct sn_ctx *ctx, struct sn_import *im, const char *delete_sql)
{
	int undone = 0, rc;
	if (!im->step.previous)
		return 0;
	if ((rc = sn_reassign_undo(ctx, &undone)))
		return rc;
	return sn_exec_script(ctx, delete_sql, bind_province, im->province);
}

int sn_import_commit(struct sn_ctx *ctx, struct sn_import *im, const char *counts, const char *const done[3])
{
	int rc = sn_step_commit(ctx, &im->step, counts);
	if (rc)
		return rc;
	fprintf(ctx->out, _(done[im->step.dry_run ? 0 : im->step.previous ? 1 : 2]), im->province, im->path, counts);
	return 0;
}

int sn_import_end(struct sn_ctx *ctx, struct sn_import *im, int rc)
{
	if (rc)
		sn_step_abort(ctx, &im->step);
	sn_step_release(&im->step);
	return rc;
}
