/* compose.h - what an old unit became, composed across every conversion and change event
 * (compose.c), and a unit's name on a date. */
#ifndef SN_COMPOSE_H
#define SN_COMPOSE_H

#include "units.h"

/* One result of composing old -> new maps. */
struct sn_mapped {
	char level[12];
	char code[8];
	enum sn_share share;
	int steps;              /* events crossed; 0 = unchanged on the date */
};

/* Follows LEVEL/CODE through every conversion and change event effective on or before DATE:
 * the links of the first event that names the unit, then, from each successor, the links of
 * later events, and so on. Shares compose (part of a whole is a part; the whole-population part
 * stays that through whole merges). Results are sorted by code and deduplicated. Returns the
 * number of results (0 = code unknown) or -1 on a database error or out of memory (printed);
 * *out is malloc'ed. A caller never reads -1 as "no successors".
 *   25213 on 2026-11-22 -> 25195 whole (1 step); 26449 -> 26359 part, 26446 part */
int sn_units_compose(struct sn_ctx *ctx, const char *level, const char *code, const char *date,
		     struct sn_mapped **out);

/* The same, following only events effective after AFTER (YYYY-MM-DD): the successors of a unit
 * that an event opened, e.g. a new commune code from 2025-07-01 on (which may also be an old
 * code: fed to sn_units_compose it would be taken for the old unit). Same returns. */
int sn_units_compose_after(struct sn_ctx *ctx, const char *level, const char *code, const char *after,
			   const char *date, struct sn_mapped **out);

/* Name of LEVEL/CODE in force on DATE (malloc'ed), or NULL. With DATE NULL: the earliest known
 * version (the old unit). */
char *sn_unit_name(struct sn_ctx *ctx, const char *level, const char *code, const char *date);

#endif
