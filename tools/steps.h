/* steps.h - the dependency graph of the writing steps, and what the journal says is stale.
 *
 * One table (steps.c) says, for every step, what it reads (its result is derived from it),
 * what it only checks (references it refuses when unknown; 'validate' re-checks them later) and
 * what it writes. A journal entry is STALE when a step writing what it reads was applied after
 * it, or when such a step's latest entry is itself stale: its result no longer follows from
 * the database. A stale step recomputes when run again (without --force); a step refuses to run
 * over a stale step it reads; status lists the stale steps with the command to run again.
 */
#ifndef SN_STEPS_H
#define SN_STEPS_H

struct sn_ctx;

/* What steps read and write. */
enum {
	SN_R_UNITS = 1,     /* event, link, listed_unit, unit */
	SN_R_AGENCY = 2,    /* agency (the old registries) */
	SN_R_CODES = 4,     /* code_table, crosswalk, closed_code, province_fact, recode's review items */
	SN_R_CATALOG = 8,   /* procedure, the imported bindings */
	SN_R_DOSSIERS = 16, /* dossier */
	SN_R_MERGED = 32    /* merged_procedure, the merged bindings, dossier moves, reassign's review items */
};

struct sn_stepdef {
	const char *step;   /* "recode": the journal's step column */
	unsigned reads, checks, writes;
};
/* The step STEP, or NULL. */
const struct sn_stepdef *sn_stepdef(const char *step);

/* The latest journal entry of each (step, target), oldest first, with its staleness. */
struct sn_entry {
	long id;
	char *step, *target, *outcome, *command, *ended;
	const struct sn_stepdef *def;
	int stale;
	int cause;          /* index of the entry that makes it stale: applied after it, or stale */
};
struct sn_journal {
	struct sn_entry *e;
	int n;
};

/* Loads the journal's latest entries and computes staleness. Returns 0 or SN_IO. */
int sn_journal_load(struct sn_ctx *ctx, struct sn_journal *j);
void sn_journal_free(struct sn_journal *j);
/* The latest entry of (step, target), or NULL. */
struct sn_entry *sn_journal_find(struct sn_journal *j, const char *step, const char *target);
/* Why entry E is stale, in words: "units import event:x was re-applied after it (journal 7)" or
 * "recode merged province is stale". */
void sn_stale_reason(const struct sn_journal *j, const struct sn_entry *e, char *buf, size_t n);
/* The command to run entry E again ("sapnhap --db x.db recode --on 2025-07-01"), without --force
 * (a stale step recomputes without it); malloc'd. */
char *sn_entry_command(const struct sn_entry *e);

/* The stale entries, in the order to run them again (data flow, then journal order), into OUT
 * (room for j->n); with CHANGED not 0, only those reading, directly or through other steps,
 * what a step writing CHANGED wrote. Returns their number. */
int sn_stale_in_order(const struct sn_journal *j, unsigned changed, const struct sn_entry **out);

/* After the step with journal id ID committed: the stale entries that read, directly or through
 * others, what it wrote, printed as one note with the commands to run again in order (nothing
 * when none). */
void sn_note_stale_after(struct sn_ctx *ctx, long id);

#endif
