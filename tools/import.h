/* import.h - the start and end of every per-province import (agencies, catalog, dossiers):
 *   sapnhap X import FILE --province CODE [--level1 FILE] [--encoding ENC] [--dry-run] [--force]
 *
 *   struct sn_import im = { .step = { .step = "catalog import" } };
 *   int rc = sn_import_begin(ctx, argc, argv, &usage, "a catalog", &im);
 *   if (rc)
 *           return rc == SN_DONE ? SN_OK : rc;
 *   ... check what the import needs ...
 *   rc = sn_import_replace(ctx, &im, "DELETE FROM procedure WHERE province = :province");
 *   ... read im.path (im.enc) for province im.province, checking codes with im.l1 ...
 *   rc = sn_import_commit(ctx, &im, "procedures=12", DONE);
 *   return sn_import_end(ctx, &im, rc);
 */
#ifndef SN_IMPORT_H
#define SN_IMPORT_H

#include "cli.h"
#include "db.h"
#include "level1.h"
#include "options.h"
#include "text.h"

struct sn_import {
	struct sn_step step;     /* .step names the command; the rest is filled in */
	char province[16];       /* --province, 2 digits */
	sn_encoding enc;         /* --encoding */
	const char *path;        /* FILE */
	const char *level1_path; /* --level1, NULL for the built-in table */
	struct sn_level1 l1;     /* the level-1 table: whose codes the file's are (level1.h) */
};

/* Parses the options (USAGE the command's help; WHAT names what --force replaces: "a
 * registry"), hashes FILE and the --level1 table, names the step "province CODE", begins it and
 * loads the level-1 table. Returns 0 when the import proceeds (transaction open,
 * im->step.previous set for --force); SN_DONE after --help or when the same input was already
 * applied (the command returns SN_OK); SN_USAGE, SN_DATA (changed input without --force), SN_IO.
 * On any return but 0 nothing is left to release. */
int sn_import_begin(struct sn_ctx *ctx, int argc, char **argv, const struct sn_usage *usage,
		    const char *what, struct sn_import *im);
/* With --force, when the import ran before: what reassign computed goes (sn_reassign_undo), then
 * what the earlier run wrote, by DELETE_SQL (statements; :province stands for the province's code).
 * Nothing on a first run. Returns 0 or SN_IO. */
int sn_import_replace(struct sn_ctx *ctx, struct sn_import *im, const char *delete_sql);
/* Commits the step with COUNTS ("key=value ...") and prints the result line: DONE[0] for a dry
 * run, DONE[1] when an earlier run was replaced, else DONE[2], each a format (N_(), translated
 * here) of the province, the file and COUNTS. Returns 0 or sn_step_commit's status. */
int sn_import_commit(struct sn_ctx *ctx, struct sn_import *im, const char *counts, const char *const done[3]);
/* Ends the import with status RC: aborts the step unless it is 0, releases IM. Returns RC. */
int sn_import_end(struct sn_ctx *ctx, struct sn_import *im, int rc);

#endif
