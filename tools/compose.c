/* compose.c - what an old unit became: its links followed through every event, shares composed
 * (compose.h). Used by 'units map', recode (the new communes of an old unit's area) and reassign
 * (the new commune of a dossier's applicant). */
#include <stdlib.h>
#include <string.h>
#include "compose.h"
#include "db.h"
#include "banned.h"

struct acc {
	struct sn_mapped *v;
	int n, cap;
};

static int add_result(struct acc *a, const char *level, const char *code, enum sn_share share, int steps)
{
	for (int i = 0; i < a->n; i++)
		if (!strcmp(a->v[i].code, code) && !strcmp(a->v[i].level, level)) {
			/* Reached twice (parts that met again): keep the larger share. */
			if (share == SN_SHARE_WHOLE || (share == SN_SHARE_PART_POPULATION &&
							 a->v[i].share == SN_SHARE_PART))
				a->v[i].share = share;
			return 0;
		}
	if (a->n == a->cap) {
		int cap = a->cap ? a->cap * 2 : 8;
		struct sn_mapped *nv = realloc(a->v, (size_t)cap * sizeof *nv);
		if (!nv)
			return -1;
		a->v = nv;
		a->cap = cap;
	}
	struct sn_mapped *m = &a->v[a->n++];
	snprintf(m->level, sizeof m->level, "%s", level);
	snprintf(m->code, sizeof m->code, "%s", code);
	m->share = share;
	m->steps = steps;
	return 0;
}

static enum sn_share compose_share(enum sn_share before, enum sn_share link)
{
	if (before == SN_SHARE_WHOLE)
		return link;
	if (before == SN_SHARE_PART_POPULATION && link != SN_SHARE_PART)
		return SN_SHARE_PART_POPULATION;
	return SN_SHARE_PART;
}

/* Effective dates strictly increase along a path, so the recursion ends; depth is the number of
 * events (a handful). */
static int follow(struct sn_ctx *ctx, const char *level, const char *code, const char *after,
		  const char *date, enum sn_share share, int steps, struct acc *a)
{
	sqlite3_stmt *st = sn_prepare(ctx,
		"SELECT l.new_level, l.new_code, l.share, e.effective FROM link l JOIN event e "
		"ON e.id = l.event_id WHERE l.old_level = ?1 AND l.old_code = ?2 AND e.effective > ?3 "
		"AND e.effective <= ?4 AND e.effective = (SELECT min(e2.effective) FROM link l2 JOIN "
		"event e2 ON e2.id = l2.event_id WHERE l2.old_level = ?1 AND l2.old_code = ?2 "
		"AND e2.effective > ?3 AND e2.effective <= ?4) ORDER BY e.id, l.seq");
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, level, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, code, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, after, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, date, -1, SQLITE_TRANSIENT);
	int r, any = 0, rc = 0;
	while (rc == 0 && (r = sn_step(ctx, st)) == SQLITE_ROW) {
		enum sn_share ls = SN_SHARE_WHOLE;
		sn_share_parse(sn_col(st, 2), &ls);
		char nl[12], nc[8], eff[16];
		snprintf(nl, sizeof nl, "%s", sn_col(st, 0));
		snprintf(nc, sizeof nc, "%s", sn_col(st, 1));
		snprintf(eff, sizeof eff, "%s", sn_col(st, 3));
		any = 1;
		rc = follow(ctx, nl, nc, eff, date, compose_share(share, ls), steps + 1, a);
	}
	if (r < 0)
		rc = -1;
	sqlite3_finalize(st);
	if (rc == 0 && !any)
		rc = add_result(a, level, code, share, steps);
	return rc;
}

static int by_code(const void *x, const void *y)
{
	const struct sn_mapped *a = x, *b = y;
	int c = strcmp(a->code, b->code);
	return c ? c : strcmp(a->level, b->level);
}

int sn_units_compose(struct sn_ctx *ctx, const char *level, const char *code, const char *date,
		     struct sn_mapped **out)
{
	return sn_units_compose_after(ctx, level, code, "", date, out);
}

int sn_units_compose_after(struct sn_ctx *ctx, const char *level, const char *code, const char *after,
			   const char *date, struct sn_mapped **out)
{
	struct acc a = { 0 };
	*out = NULL;
	long long known;
	if (sn_query_intf(ctx, &known, "SELECT (SELECT count(*) FROM unit WHERE level = %Q AND code = %Q) + "
			  "(SELECT count(*) FROM link WHERE old_level = %Q AND old_code = %Q)",
			  level, code, level, code))
		return -1;
	if (!known)
		return 0;
	if (follow(ctx, level, code, after, date, SN_SHARE_WHOLE, 0, &a) != 0) {
		free(a.v);
		return -1;
	}
	qsort(a.v, (size_t)a.n, sizeof *a.v, by_code);
	*out = a.v;
	return a.n;
}

char *sn_unit_name(struct sn_ctx *ctx, const char *level, const char *code, const char *date)
{
	sqlite3_stmt *st = sn_prepare(ctx,
		"SELECT name FROM unit WHERE level = ?1 AND code = ?2 AND (?3 IS NULL OR "
		"((valid_from IS NULL OR valid_from <= ?3) AND (valid_to IS NULL OR valid_to > ?3))) "
		"ORDER BY valid_from IS NOT NULL, valid_from LIMIT 1");
	if (!st)
		return NULL;
	sqlite3_bind_text(st, 1, level, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, code, -1, SQLITE_TRANSIENT);
	if (date)
		sqlite3_bind_text(st, 3, date, -1, SQLITE_TRANSIENT);
	char *name = NULL;
	if (sn_step(ctx, st) == SQLITE_ROW)
		name = strdup(sn_col(st, 0));
	sqlite3_finalize(st);
	if (!name && !date) {
		/* An uncoded area or a unit known only from a link. */
		st = sn_prepare(ctx, "SELECT old_name FROM link WHERE old_level = ?1 AND old_code = ?2 "
				     "ORDER BY event_id, seq LIMIT 1");
		if (!st)
			return NULL;
		sqlite3_bind_text(st, 1, level, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, code, -1, SQLITE_TRANSIENT);
		if (sn_step(ctx, st) == SQLITE_ROW)
			name = strdup(sn_col(st, 0));
		sqlite3_finalize(st);
	}
	return name;
}
