/* reassign.h - the computation behind 'sapnhap reassign' (cmd_reassign.c): the old catalogs
 * made one catalog of the merged province, district-level work reassigned, dossiers moved.
 *   reassign_tables.c  the tables it reads: jurisdiction rules, decisions, hamlets
 *   reassign.c         the phases: load, apply (where each applicant's commune is now, the
 *                      rule of each procedure, bindings carried, dossiers moved, one merged
 *                      catalog), check (conservation; a failure rolls the step back); undo
 * Every function returns 0 or an exit status after printing (SN_DATA for a bad table row or an
 * unused decision, SN_IO, SN_INTERNAL for a failed conservation check).
 */
#ifndef SN_REASSIGN_H
#define SN_REASSIGN_H

#include "cli.h"
#include "mapping.h"

/* The step's state. CTX and DATE (the communes in force) are set by the caller; TARGET and ROOT
 * by sn_merged_province. */
struct sn_reassign {
	struct sn_ctx *ctx;
	const char *date;
	char target[8];
	char root[40];        /* the merged province's committee */
	long moved, queued_dossiers, queued_bindings, conflicts, defaults;
	int workbook;         /* the decisions are a workbook's sheet: rows left blank are not decisions */
};

/* Loads the tables (RULES NULL: the built-in jurisdiction table; DECISIONS, HAMLETS optional)
 * into temporary tables, after undoing an earlier reassign. Inside the step's transaction. */
int sn_reassign_load(struct sn_reassign *ra, const char *rules, const char *decisions, const char *hamlets);
/* Where each applicant's commune is now, the rule of each procedure, bindings carried through
 * the crosswalk or by the rule, dossiers moved, the merged catalog with its conflicts. */
int sn_reassign_apply(struct sn_reassign *ra);
/* The conservation checks (SN_INTERNAL when one fails), every decision used (SN_DATA), and the
 * counts of the result into RA. */
int sn_reassign_check(struct sn_reassign *ra);
/* The three in order. */
int sn_reassign_compute(struct sn_reassign *ra, const char *rules, const char *decisions, const char *hamlets);

/* Row readers of the tables (mapping.h), into the step's temporary tables. */
int ra_rule_row(void *arg, const struct sn_maprow *row);
int ra_function_row(void *arg, const struct sn_maprow *row);
int ra_decision_row(void *arg, const struct sn_maprow *row);
int ra_hamlet_row(void *arg, const struct sn_maprow *row);

/* Undoes an applied reassign (merged bindings and catalog, dossier moves, its queue items), so
 * the imports it derives from can be replaced; *undone says whether there was one (the caller
 * tells the user once its own step has committed). Returns 0 or SN_IO. */
int sn_reassign_undo(struct sn_ctx *ctx, int *undone);
/* The merged province, as reassign names it: TARGET the new province that the old provinces'
 * units went to ("75"; its code is the catalog of the merged bindings), ROOT its People's
 * Committee in the code table ("000.00.00.H19", the suffix of localised procedure codes); ""
 * for what is not known yet. Returns 0 or SN_IO. */
int sn_merged_province(struct sn_ctx *ctx, char target[8], char root[40]);

#endif
