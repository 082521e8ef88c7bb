/* steps.c - the dependency graph of the writing steps, and what the journal says is stale
 * (see steps.h). */
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "db.h"
#include "steps.h"
#include "banned.h"

/* THE table: every writing step, in the order of the data flow (a step reads only what steps
 * above it write). "checks" are references an import refuses when unknown, which do not shape
 * what it stores: a later change there does not make it stale ('validate' re-checks them). */
static const struct sn_stepdef STEPS[] = {
	{ "units import", 0, 0, SN_R_UNITS },
	{ "agencies import", 0, SN_R_UNITS, SN_R_AGENCY },
	{ "recode", SN_R_UNITS | SN_R_AGENCY, 0, SN_R_CODES },
	{ "catalog import", 0, SN_R_AGENCY, SN_R_CATALOG },
	{ "dossiers import", 0, SN_R_UNITS | SN_R_AGENCY | SN_R_CATALOG, SN_R_DOSSIERS },
	{ "reassign", SN_R_UNITS | SN_R_AGENCY | SN_R_CODES | SN_R_CATALOG | SN_R_DOSSIERS, 0, SN_R_MERGED },
};
#define NSTEPS (int)(sizeof STEPS / sizeof STEPS[0])

const struct sn_stepdef *sn_stepdef(const char *step)
{
	for (int i = 0; i < NSTEPS; i++)
		if (strcmp(STEPS[i].step, step) == 0)
			return &STEPS[i];
	return NULL;
}

static char *dup_col(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return t ? strdup((const char *)t) : NULL;
}

int sn_journal_load(struct sn_ctx *ctx, struct sn_journal *j)
{
	j->e = NULL;
	j->n = 0;
	sqlite3_stmt *st = sn_prepare(ctx, "SELECT id, step, target, outcome, command, ended_at FROM journal j "
					   "WHERE id = (SELECT max(id) FROM journal WHERE step = j.step AND "
					   "target = j.target) ORDER BY id");
	if (!st)
		return SN_IO;
	int r, cap = 0;
	while ((r = sn_step(ctx, st)) == SQLITE_ROW) {
		if (j->n == cap) {
			cap = cap ? 2 * cap : 16;
			struct sn_entry *ne = realloc(j->e, (size_t)cap * sizeof *ne);
			if (!ne) {
				r = -1;
				break;
			}
			j->e = ne;
		}
		struct sn_entry *e = &j->e[j->n++];
		memset(e, 0, sizeof *e);
		e->id = sqlite3_column_int64(st, 0);
		e->step = dup_col(st, 1);
		e->target = dup_col(st, 2);
		e->outcome = dup_col(st, 3);
		e->command = dup_col(st, 4);
		e->ended = dup_col(st, 5);
		e->def = e->step ? sn_stepdef(e->step) : NULL;
		e->cause = -1;
	}
	sqlite3_finalize(st);
	if (r < 0) {
		sn_journal_free(j);
		return SN_IO;
	}
	/* Oldest first, so an upstream entry older than E has its staleness decided before E's. */
	for (int i = 0; i < j->n; i++) {
		struct sn_entry *e = &j->e[i];
		if (!e->def || !e->def->reads)
			continue;
		for (int k = 0; k < j->n && !e->stale; k++) {
			const struct sn_entry *u = &j->e[k];
			if (k == i || !u->def || !(u->def->writes & e->def->reads) || u->def == e->def)
				continue;
			if (u->id > e->id || u->stale) {
				e->stale = 1;
				e->cause = k;
			}
		}
	}
	return 0;
}

void sn_journal_free(struct sn_journal *j)
{
	for (int i = 0; i < j->n; i++) {
		free(j->e[i].step);
		free(j->e[i].target);
		free(j->e[i].outcome);
		free(j->e[i].command);
		free(j->e[i].ended);
	}
	free(j->e);
	j->e = NULL;
	j->n = 0;
}

struct sn_entry *sn_journal_find(struct sn_journal *j, const char *step, const char *target)
{
	for (int i = 0; i < j->n; i++)
		if (j->e[i].step && j->e[i].target && !strcmp(j->e[i].step, step) && !strcmp(j->e[i].target, target))
			return &j->e[i];
	return NULL;
}

void sn_stale_reason(const struct sn_journal *j, const struct sn_entry *e, char *buf, size_t n)
{
	if (!e->stale || e->cause < 0) {
		snprintf(buf, n, "%s", _("up to date"));
		return;
	}
	const struct sn_entry *u = &j->e[e->cause];
	if (u->id > e->id && u->outcome && !strcmp(u->outcome, "reapplied"))
		snprintf(buf, n, _("%s %s was re-applied after it (journal %ld)"), u->step, u->target, u->id);
	else if (u->id > e->id)
		snprintf(buf, n, _("%s %s was applied after it (journal %ld)"), u->step, u->target, u->id);
	else
		snprintf(buf, n, _("%s %s, which it reads, is stale"), u->step, u->target);
}

char *sn_entry_command(const struct sn_entry *e)
{
	const char *c = e->command;
	char *s;
	if (!c) {
		/* An entry from before the journal kept command lines. */
		size_t n = strlen(e->step) + 16;
		s = malloc(n);
		if (s)
			snprintf(s, n, "sapnhap %s", e->step);
		return s;
	}
	s = malloc(strlen(c) + 1);
	if (!s)
		return NULL;
	/* Copy word by word, leaving out --force: a stale step recomputes without it. */
	char *p = s;
	while (*c) {
		size_t w = strcspn(c, " ");
		if (!(w == 7 && !strncmp(c, "--force", 7))) {
			if (p != s)
				*p++ = ' ';
			memcpy(p, c, w);
			p += w;
		}
		c += w;
		while (*c == ' ')
			c++;
	}
	*p = '\0';
	return s;
}

int sn_stale_in_order(const struct sn_journal *j, unsigned changed, const struct sn_entry **out)
{
	/* What depends on CHANGED, directly or through other steps (the table is in data-flow
	 * order). */
	for (int i = 0; changed && i < NSTEPS; i++)
		if (STEPS[i].reads & changed)
			changed |= STEPS[i].writes;
	int n = 0;
	for (int t = 0; t < NSTEPS; t++)
		for (int i = 0; i < j->n; i++) {
			const struct sn_entry *e = &j->e[i];
			if (e->def == &STEPS[t] && e->stale && (!changed || (e->def->reads & changed)))
				out[n++] = e;
		}
	return n;
}

void sn_note_stale_after(struct sn_ctx *ctx, long id)
{
	struct sn_journal j;
	if (sn_journal_load(ctx, &j))
		return;
	unsigned changed = 0;
	for (int i = 0; i < j.n; i++)
		if (j.e[i].id == id && j.e[i].def)
			changed = j.e[i].def->writes;
	const struct sn_entry **stale = changed ? calloc((size_t)j.n, sizeof *stale) : NULL;
	int n = stale ? sn_stale_in_order(&j, changed, stale) : 0;
	if (n)
		sn_info(ctx, "now stale, as they read what this step changed (see 'sapnhap status'); run "
			"again, in this order:");
	for (int i = 0; i < n; i++) {
		char *cmd = sn_entry_command(stale[i]);
		fprintf(ctx->err, "  %s    # %s %s\n", cmd ? cmd : stale[i]->step, stale[i]->step, stale[i]->target);
		free(cmd);
	}
	free(stale);
	sn_journal_free(&j);
}
