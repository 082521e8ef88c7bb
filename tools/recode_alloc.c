/* recode_alloc.c - codes for the merged province (recode.h): the next free code by the
 * allocation rules, a code under a parent, issuing a row of the code table, and one committee
 * per new commune. A closed or issued code is never issued again; an exhausted range is an
 * error that says which rule to add. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "agcode.h"
#include "agency.h"
#include "compose.h"
#include "db.h"
#include "reasons.h"
#include "recode.h"
#include "text.h"
#include "banned.h"

/* --- codes ----------------------------------------------------------------------------------- */

static void rc_make_code(char *out, size_t len, const char *l1, long g2, long g3, long g4)
{
	snprintf(out, len, "%03ld.%02ld.%02ld.%s", g4, g3, g2, l1);
}

void rc_key_of(const char *code, char key[40])
{
	struct sn_agcode c;
	sn_agcode_parse(code, &c);
	sn_agcode_sort_key(&c, code, key, 40);
}

/* Whether CODE may be issued for SUBJECT: not closed, not an old code (an old code that is not
 * kept is closed; a kept one is its own), not issued to another subject in this run. */
int rc_is_taken(struct recode *rc, const char *code, const char *subject)
{
	char key[40];
	rc_key_of(code, key);
	sqlite3_stmt *st = rc->taken;
	sqlite3_reset(st);
	sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, subject, -1, SQLITE_TRANSIENT);
	int r = sn_step(rc->ctx, st);
	return r != SQLITE_DONE;
}

int rc_issue(struct recode *rc, const char *code, const char *subject, const char *name,
		 const char *kind, const char *parent, const char *unit, const struct ag *from,
		 const char *origin, const char *reason)
{
	char key[40];
	rc_key_of(code, key);
	sqlite3_stmt *st = rc->ins_code;
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	sqlite3_bind_text(st, 1, code, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, key, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, subject, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, kind, -1, SQLITE_TRANSIENT);
	if (parent && *parent)
		sqlite3_bind_text(st, 6, parent, -1, SQLITE_TRANSIENT);
	if (unit && *unit)
		sqlite3_bind_text(st, 7, unit, -1, SQLITE_TRANSIENT);
	if (from) {
		if (*from->address)
			sqlite3_bind_text(st, 8, from->address, -1, SQLITE_TRANSIENT);
		if (*from->phone)
			sqlite3_bind_text(st, 9, from->phone, -1, SQLITE_TRANSIENT);
		if (*from->email)
			sqlite3_bind_text(st, 10, from->email, -1, SQLITE_TRANSIENT);
	}
	sqlite3_bind_text(st, 11, origin, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 12, reason, -1, SQLITE_TRANSIENT);
	if (sn_step(rc->ctx, st) != SQLITE_DONE)
		return SN_IO;
	return 0;
}

/* Allocates the first free code of the rules for KIND, in rule order. Returns 0 with the code,
 * or SN_DATA when every range is exhausted (message printed). *how says which rule gave it. */
int rc_allocate(struct recode *rc, const char *kind, const char *subject, char out[40], char how[700])
{
	int any = 0, k = sn_agency_kind_parse(kind);
	/* Within one run codes are only ever taken, never freed: allocation resumes where the last
	 * one of this kind stopped instead of rescanning every range (3,321 committees at once). */
	for (int i = k >= 0 ? rc->cursor_rule[k] : 0; i < rc->nrules; i++) {
		struct rule *r = &rc->rules[i];
		if (strcmp(r->kind, kind))
			continue;
		any = 1;
		int start = k >= 0 && i == rc->cursor_rule[k] && rc->cursor_n[k] > r->first ? rc->cursor_n[k] : r->first;
		for (int n = start; n <= r->last; n++) {
			/* Substitute {l1} and {n}; {n} takes the width of its QCVN group. */
			char buf[80] = "", num[16];
			const char *p = r->pattern;
			int group = 0, reserved = 0;
			size_t len = 0;
			while (*p && len < sizeof buf - 8) {
				if (!strncmp(p, "{l1}", 4)) {
					len += (size_t)snprintf(buf + len, sizeof buf - len, "%s", rc->l1);
					p += 4;
				} else if (!strncmp(p, "{n}", 3)) {
					/* 98/99 (998/999 at level 4) read as placeholders: never issued. */
					reserved |= group == 0 ? n >= 998 : n >= 98;
					snprintf(num, sizeof num, group == 0 ? "%03d" : "%02d", n);
					len += (size_t)snprintf(buf + len, sizeof buf - len, "%s", num);
					p += 3;
				} else {
					if (*p == '.')
						group++;
					buf[len++] = *p++;
					buf[len] = '\0';
				}
			}
			if (reserved)
				continue;
			struct sn_agcode c;
			if (sn_agcode_parse(buf, &c) != SN_AGCODE_OK) {
				sn_error(rc->ctx, "%s: pattern '%s' gives '%s', not a conforming code: %s",
					 r->pos, r->pattern, buf, c.problem);
				return SN_DATA;
			}
			if (!rc_is_taken(rc, buf, subject)) {
				if (k >= 0) {
					rc->cursor_rule[k] = i;
					rc->cursor_n[k] = n;
				}
				snprintf(out, 40, "%.39s", buf);
				snprintf(how, 700, SN_R_ALLOC_RULE, r->pos, r->pattern, r->first, r->last);
				return 0;
			}
		}
	}
	if (!any) {
		sn_error(rc->ctx, "the allocation rules have no range for kind %s; add one to the rule file "
			 "(recode --rules FILE), e.g. '%s,000.{n}.60.{l1},1,97'", kind, kind);
		return SN_DATA;
	}
	/* Suggest the level-2 group after the highest one the kind's rules use. */
	int top = 0;
	for (int i = 0; i < rc->nrules; i++) {
		const char *g = strrchr(rc->rules[i].pattern, '.');
		const char *prev = g;
		while (prev && prev > rc->rules[i].pattern && prev[-1] != '.')
			prev--;
		if (!strcmp(rc->rules[i].kind, kind) && prev && prev[0] >= '0' && prev[0] <= '9')
			top = (int)strtol(prev, NULL, 10) > top ? (int)strtol(prev, NULL, 10) : top;
	}
	if (top > 0 && top < 97)
		sn_error(rc->ctx, "no free code left for a %s: every range of the allocation rules is used "
			 "or closed; add a range to the rule file (recode --rules FILE), e.g. "
			 "'%s,000.{n}.%02d.{l1},1,97'", kind, kind, top + 1);
	else
		sn_error(rc->ctx, "no free code left for a %s: every range of the allocation rules is used "
			 "or closed; add a range to the rule file (recode --rules FILE)", kind);
	return SN_DATA;
}

/* A code one level below HOME: the preferred number if free, else the first free one. */
int rc_child_code(struct recode *rc, const char *home, long preferred, const char *subject,
		      char out[40])
{
	struct sn_agcode h;
	if (sn_agcode_parse(home, &h) != SN_AGCODE_OK || h.depth >= 4)
		return -1;
	long g[3] = { h.grp[0][0] ? atol(h.grp[0]) : 0, h.grp[1][0] ? atol(h.grp[1]) : 0,
		      h.grp[2][0] ? atol(h.grp[2]) : 0 };
	int level = h.depth + 1;            /* 2, 3 or 4 */
	long max = level == 4 ? 999 : 99;
	for (long k = 0; k <= max; k++) {
		long n = k == 0 ? preferred : k;
		if (n < 1 || n > max || (k > 0 && n == preferred))
			continue;
		g[level - 2] = n;
		rc_make_code(out, 40, h.l1, g[0], g[1], g[2]);
		if (!rc_is_taken(rc, out, subject))
			return 0;
	}
	return -1;
}

int rc_new_committees(struct recode *rc, const char *council_parent)
{
	sqlite3_stmt *st = sn_prepare(rc->ctx,
		"SELECT code, name, COALESCE(type, '') FROM unit WHERE level = 'commune' AND province_code = ?1 "
		"AND opened_by IS NOT NULL AND (valid_from IS NULL OR valid_from <= ?2) "
		"AND (valid_to IS NULL OR valid_to > ?2) ORDER BY code");
	if (!st)
		return SN_IO;
	sqlite3_bind_text(st, 1, rc->target, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, rc->date, -1, SQLITE_STATIC);
	int r = 0, cap = 0, s;
	while (r == 0 && (s = sn_step(rc->ctx, st)) == SQLITE_ROW) {
		const char *commune = sn_col(st, 0), *uname = sn_col(st, 1), *type = sn_col(st, 2);
		char subject[40], code[40], how[700];
		snprintf(subject, sizeof subject, "commune:%s", commune);
		struct pin *pin = rc_find_pin(rc, subject);
		if (pin) {
			pin->used = 1;
			struct sn_agcode pc;
			sn_agcode_parse(pin->code, &pc);
			if (strcmp(pc.l1, rc->l1) || rc_is_taken(rc, pin->code, subject)) {
				if (strcmp(pc.l1, rc->l1))
					sn_error(rc->ctx, "%s: pinned code %s for %s is not under the surviving "
						 "province's level-1 code", pin->pos, pin->code, subject);
				else
					sn_error(rc->ctx, "%s: pinned code %s for %s is closed or already issued",
						 pin->pos, pin->code, subject);
				r = SN_DATA;
				break;
			}
			snprintf(code, sizeof code, "%s", pin->code);
			snprintf(how, sizeof how, SN_R_ALLOC_PINNED, pin->pos);
		} else if ((r = rc_allocate(rc, "commune-committee", subject, code, how))) {
			break;
		}
		/* "Phường Bình Phước" -> "Ủy ban nhân dân phường Bình Phước". */
		size_t tl = strlen(type);
		char *name = tl && strlen(uname) > tl ? rc_fmt(rc, "Ủy ban nhân dân %s%s", type, uname + tl) :
			     rc_fmt(rc, "Ủy ban nhân dân %s", uname);
		char *reason = rc_fmt(rc, SN_R_COMMITTEE, commune, uname, how);
		if (rc->ncc == cap) {
			cap = cap ? cap * 2 : 64;
			struct cc *nc = realloc(rc->cc, (size_t)cap * sizeof *nc);
			if (!nc)
				rc->oom = 1;
			else
				rc->cc = nc;
		}
		if (rc->oom) {
			free(name);
			free(reason);
			r = SN_IO;
			break;
		}
		struct cc *c = &rc->cc[rc->ncc++];
		snprintf(c->commune, sizeof c->commune, "%s", commune);
		snprintf(c->code, sizeof c->code, "%s", code);
		c->name = name;
		r = rc_issue(rc, code, subject, name, "commune-committee", council_parent, commune, NULL, "new", reason);
		free(reason);
	}
	sqlite3_finalize(st);
	if (r == 0 && s < 0)
		r = SN_IO;
	return r;
}
