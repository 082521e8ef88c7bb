/* recode_decide.c - what becomes of each old agency code (recode.h): a pin first, else the rule
 * of its kind, one function per kind in a table. */
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

/* --- deciding -------------------------------------------------------------------------------- */

static const struct cc *rc_cc_of(struct recode *rc, const char *commune)
{
	for (int i = 0; i < rc->ncc; i++)
		if (!strcmp(rc->cc[i].commune, commune))
			return &rc->cc[i];
	return NULL;
}

static void rc_add_succ(struct recode *rc, struct ag *a, const char *code)
{
	for (int i = 0; i < a->nsucc; i++)
		if (!strcmp(a->succ[i], code))
			return;
	char **ns = realloc(a->succ, (size_t)(a->nsucc + 1) * sizeof *ns);
	char *d = ns ? rc_strdup(rc, code) : NULL;
	if (!ns || !d) {
		rc->oom = 1;
		if (ns)
			a->succ = ns;
		return;
	}
	a->succ = ns;
	a->succ[a->nsucc++] = d;
}

int rc_review(struct recode *rc, const char *subject, const char *reason, const char *detail)
{
	rc->reviews++;
	return sn_execf(rc->ctx, "INSERT INTO review(step, subject, reason, detail) VALUES "
			"('recode', %Q, %Q, %Q)", subject, reason, detail);
}

static void rc_set_out(struct ag *a, enum outcome o, const char *home, char *reason)
{
	a->out = o;
	snprintf(a->home, sizeof a->home, "%s", home ? home : "");
	free(a->reason);
	a->reason = reason;
}

/* The new communes an old unit's area became, as committee codes; for a commune also the one
 * that took the whole population, when one did: into POP its committee's code and the new
 * commune ("" when none). Returns the count. */
static int area_committees(struct recode *rc, struct ag *a, const char *level, const char *unit,
			   char pop[2][40])
{
	struct sn_mapped *m = NULL;
	int n = 0;
	if (pop)
		pop[0][0] = pop[1][0] = '\0';
	if (!strcmp(level, "district")) {
		/* A district's area: every new commune its communes went to (or the special zone it
		 * became). */
		/* The new communes of the district's own old communes in the conversion, each followed
		 * through later events only: a new code is never looked up again as an old one (a
		 * reused code would pull in another district's communes). */
		sqlite3_stmt *st = sn_prepare(rc->ctx,
			"SELECT DISTINCT l.new_code, e.effective FROM link l JOIN event e ON e.id = l.event_id "
			"WHERE e.kind = 'conversion' AND (l.old_district_code = ?1 OR "
			"(l.old_level = 'district' AND l.old_code = ?1)) ORDER BY 1");
		if (!st)
			return -1;
		sqlite3_bind_text(st, 1, unit, -1, SQLITE_STATIC);
		int s;
		while ((s = sn_step(rc->ctx, st)) == SQLITE_ROW) {
			struct sn_mapped *nm = NULL;
			int k = sn_units_compose_after(rc->ctx, "commune", sn_col(st, 0), sn_col(st, 1), rc->date, &nm);
			if (k < 0) {
				sqlite3_finalize(st);
				return -1;
			}
			for (int i = 0; i < k; i++) {
				const struct cc *c = rc_cc_of(rc, nm[i].code);
				if (c) {
					rc_add_succ(rc, a, c->code);
					n++;
				}
			}
			free(nm);
		}
		sqlite3_finalize(st);
		return s < 0 ? -1 : n;
	}
	int k = sn_units_compose(rc->ctx, level, unit, rc->date, &m);
	if (k < 0)
		return -1;
	for (int i = 0; i < k; i++) {
		const struct cc *c = rc_cc_of(rc, m[i].code);
		if (!c)
			continue;
		rc_add_succ(rc, a, c->code);
		n++;
		if (pop && m[i].share == SN_SHARE_PART_POPULATION) {
			snprintf(pop[0], 40, "%s", c->code);
			snprintf(pop[1], 40, "%s", m[i].code);
		}
	}
	free(m);
	return n;
}


/* The code now carrying function F: its carrier department's home, once that is decided (or its
 * own code: a survivor's carrier is kept). NULL when no department carries F. */
static const char *carrier_home(struct recode *rc, const char *f)
{
	if (!f[0])
		return NULL;
	for (int i = 0; i < rc->n; i++) {
		struct ag *o = &rc->a[i];
		if (o->kind_id == SN_KIND_DEPARTMENT && o->is_carrier && !strcmp(o->func, f))
			return o->out != O_NONE ? o->home : o->code;
	}
	return NULL;
}

/* The new commune whose committee has CODE. */
static const char *cc_commune(struct recode *rc, const char *code)
{
	for (int i = 0; i < rc->ncc; i++)
		if (!strcmp(rc->cc[i].code, code))
			return rc->cc[i].commune;
	return "?";
}
/* --- one function per agency kind -------------------------------------------------------------- */

static int decide_follow_parent(struct recode *rc, struct ag *a);

/* The province's committee and council: the survivor's continue, the others' merge into them. */
static int decide_province_body(struct recode *rc, struct ag *a)
{
	if (a->survivor) {
		rc_set_out(a, O_KEPT, a->code, rc_fmt(rc, SN_R_PROVINCE_KEPT, rc->target, rc->prov.name, rc->prov.how,
						 a->c.l1));
		return 0;
	}
	for (int i = 0; i < rc->n; i++)
		if (rc->a[i].survivor && rc->a[i].kind_id == a->kind_id && rc->a[i].pidx < 0 &&
		    rc->a[i].out == O_KEPT) {
			rc_set_out(a, O_MERGED, rc->a[i].code,
				rc_fmt(rc, SN_R_PROVINCE_MERGED, a->province, rc->target, rc->prov.name, a->c.l1,
				    rc->a[i].code));
			return 0;
		}
	rc_set_out(a, O_CLOSED, NULL, rc_fmt(rc, SN_R_PROVINCE_NO_COUNTERPART, a->province, rc->target, a->kind));
	return rc_review(rc, a->code, SN_R_Q_NO_SUCCESSOR, a->reason);
}

/* A department: the carrier of its function continues; another of the same function merges into
 * it; the survivor's with an unknown function is kept; an absorbed one with no counterpart is
 * renumbered as a new department. */
static int decide_department(struct recode *rc, struct ag *a)
{
	if (a->is_carrier) {
		const struct func *f = rc_func_by_id(rc, a->func);
		int renamed = f && strcmp(a->own_func, a->func) && f->dept_name[0];
		rc_set_out(a, O_KEPT, a->code, renamed ? rc_fmt(rc, SN_R_DEPT_CARRIER_RENAMED, a->func, f->dept_name) :
			   rc_fmt(rc, SN_R_DEPT_CARRIER, a->func));
		return 0;
	}
	const char *home = carrier_home(rc, a->func);
	if (home) {
		rc_set_out(a, O_MERGED, home, rc_fmt(rc, SN_R_DEPT_SAME_FUNCTION, a->func, home));
		return 0;
	}
	if (a->survivor) {
		rc_set_out(a, O_KEPT, a->code, rc_fmt(rc, SN_R_DEPT_UNKNOWN_KEPT));
		return rc_review(rc, a->code, SN_R_Q_DEPT_UNKNOWN_KEPT, a->name);
	}

	/* An absorbed department with no counterpart (or an unknown function) continues under a new
	 * department code. */
	char code[40], how[700], subject[80];
	snprintf(subject, sizeof subject, "old:%s", a->code);
	int r = rc_allocate(rc, "department", subject, code, how);
	if (r)
		return r;
	rc_set_out(a, O_RENUMBERED, code, a->func[0] ? rc_fmt(rc, SN_R_DEPT_NO_COUNTERPART, a->province, how) :
		   rc_fmt(rc, SN_R_DEPT_UNKNOWN_RENUMBERED, a->province, how));
	if (!a->func[0])
		return rc_review(rc, a->code, SN_R_Q_DEPT_UNKNOWN_RENUMBERED, a->name);
	a->is_carrier = 1;
	return 0;
}

/* A district committee closes (the district level is abolished), its area's new commune
 * committees succeeding it; a whole district that became one unit merges into its committee. */
static int decide_district_committee(struct recode *rc, struct ag *a)
{
	int n = a->unit[0] ? area_committees(rc, a, "district", a->unit, NULL) : 0;
	if (n < 0)
		return SN_IO;
	long long whole;
	if (sn_query_intf(rc->ctx, &whole, "SELECT count(*) FROM link WHERE old_level = 'district' AND "
			  "old_code = %Q", a->unit))
		return SN_IO;
	if (n == 1 && whole > 0) {
		/* The district itself became one unit (an island district now a special zone): that
		 * unit's committee takes over its work. */
		char home[40];
		snprintf(home, sizeof home, "%s", a->succ[0]);
		free(a->succ[0]);
		free(a->succ);
		a->succ = NULL;
		a->nsucc = 0;
		rc_set_out(a, O_MERGED, home, rc_fmt(rc, SN_R_DISTRICT_ONE_UNIT, cc_commune(rc, home)));
		return 0;
	}
	rc_set_out(a, O_CLOSED, NULL, rc_fmt(rc, SN_R_DISTRICT_CLOSED, n));
	if (n == 0)
		return rc_review(rc, a->code, SN_R_Q_CLOSED, SN_R_Q_NO_COMMUNES);
	return 0;
}

/* A district office closes, the department of its function succeeding it, else its area's
 * commune committees. */
static int decide_district_office(struct recode *rc, struct ag *a)
{
	const char *f = rc_function_of(rc, a->name, 1, 1);
	for (int i = 0; *f && i < rc->n; i++) {
		struct ag *o = &rc->a[i];
		if (o->kind_id == SN_KIND_DEPARTMENT && !strcmp(o->func, f) &&
		    (o->out == O_KEPT || o->out == O_RENUMBERED)) {
			rc_add_succ(rc, a, o->home);
			rc_set_out(a, O_CLOSED, NULL, rc_fmt(rc, SN_R_OFFICE_TO_DEPT, f, o->home, o->name));
			return 0;
		}
	}
	int n = a->unit[0] ? area_committees(rc, a, "district", a->unit, NULL) : 0;
	if (n < 0)
		return SN_IO;
	rc_set_out(a, O_CLOSED, NULL, *f ? rc_fmt(rc, SN_R_OFFICE_TO_COMMUNES, f, n) :
		   rc_fmt(rc, SN_R_OFFICE_UNKNOWN_TO_COMMUNES, n));
	return rc_review(rc, a->code, SN_R_Q_OFFICE, a->name);
}

/* A commune committee goes to the committee of the new commune it became (the seat's is
 * renumbered, the others merge), or closes when the commune was split or leads nowhere. */
static int decide_commune_committee(struct recode *rc, struct ag *a)
{
	char pop[2][40];
	int n = a->unit[0] ? area_committees(rc, a, "commune", a->unit, pop) : 0;
	if (n < 0)
		return SN_IO;
	if (n == 1) {
		char home[40];
		snprintf(home, sizeof home, "%s", a->succ[0]);
		int seat = 0;
		for (int i = 0; i < rc->ncc; i++)
			if (!strcmp(rc->cc[i].code, home) && !strcmp(rc->cc[i].commune, a->unit))
				seat = 1;
		char *why = seat ?
			rc_fmt(rc, SN_R_COMMUNE_SEAT, a->unit, cc_commune(rc, home)) :
			rc_fmt(rc, SN_R_COMMUNE_PART, a->unit, cc_commune(rc, home));
		free(a->succ[0]);
		free(a->succ);
		a->succ = NULL;
		a->nsucc = 0;
		rc_set_out(a, seat ? O_RENUMBERED : O_MERGED, home, why);
		return 0;
	}
	if (n > 1) {
		rc_set_out(a, O_CLOSED, NULL, *pop[0] ? rc_fmt(rc, SN_R_COMMUNE_SPLIT_POPULATION, a->unit, n, pop[0],
							       pop[1]) : rc_fmt(rc, SN_R_COMMUNE_SPLIT, a->unit, n));
		return 0;
	}
	rc_set_out(a, O_CLOSED, NULL, a->unit[0] ? rc_fmt(rc, SN_R_COMMUNE_NOWHERE, a->unit, rc->target) :
		   rc_fmt(rc, SN_R_COMMUNE_NO_UNIT, rc->target));
	return rc_review(rc, a->code, SN_R_Q_CLOSED, a->reason);
}

/* The rule of each kind; a kind without one goes where its parent went. */
static int (*const by_kind[SN_KIND_COUNT])(struct recode *rc, struct ag *a) = {
	[SN_KIND_PROVINCE_COMMITTEE] = decide_province_body,
	[SN_KIND_PROVINCE_COUNCIL] = decide_province_body,
	[SN_KIND_DEPARTMENT] = decide_department,
	[SN_KIND_DISTRICT_COMMITTEE] = decide_district_committee,
	[SN_KIND_DISTRICT_OFFICE] = decide_district_office,
	[SN_KIND_COMMUNE_COMMITTEE] = decide_commune_committee,
};

int rc_decide(struct recode *rc, int idx)
{
	struct ag *a = &rc->a[idx];
	struct pin *pin = rc_find_pin(rc, a->code);

	if (pin) {
		/* The operator's word wins: an existing new code means "merged into", else the agency
		 * continues under the pinned code. */
		pin->used = 1;
		char key[40];
		rc_key_of(pin->code, key);
		long long exists;
		if (sn_query_intf(rc->ctx, &exists, "SELECT count(*) FROM code_table WHERE sort_key = %Q", key))
			return SN_IO;
		char subject[80];
		snprintf(subject, sizeof subject, "old:%s", a->code);
		if (exists) {
			rc_set_out(a, O_MERGED, pin->code, rc_fmt(rc, SN_R_PIN_MERGED, pin->code, pin->pos));
			return 0;
		}
		if (rc_is_taken(rc, pin->code, subject) && strcmp(pin->code, a->code)) {
			sn_error(rc->ctx, "%s: pinned code %s for %s is closed or already issued", pin->pos,
				 pin->code, a->code);
			return SN_DATA;
		}
		rc_set_out(a, strcmp(pin->code, a->code) ? O_RENUMBERED : O_KEPT, pin->code,
			rc_fmt(rc, SN_R_PIN, pin->code, pin->pos));
		return 0;
	}

	if (a->kind_id >= 0 && a->kind_id < SN_KIND_COUNT && by_kind[a->kind_id])
		return by_kind[a->kind_id](rc, a);
	return decide_follow_parent(rc, a);
}


/* Units, service units and others go where their parent went. */
static int decide_follow_parent(struct recode *rc, struct ag *a)
{
	struct ag *p = a->pidx >= 0 ? &rc->a[a->pidx] : NULL;
	char subject[80], code[40];
	snprintf(subject, sizeof subject, "old:%s", a->code);
	long own = 0;
	int own_level = a->c.depth;
	if (a->c.status != SN_AGCODE_INVALID && own_level >= 2)
		own = atol(a->c.grp[own_level - 2]);
	if (!p) {
		if (a->survivor) {
			rc_set_out(a, O_KEPT, a->code, rc_fmt(rc, SN_R_SURVIVOR_NO_PARENT));
			return 0;
		}
		rc_set_out(a, O_CLOSED, NULL, rc_fmt(rc, SN_R_ABSORBED_NO_PARENT, a->province));
		return rc_review(rc, a->code, SN_R_Q_CLOSED, a->reason);
	}
	if (a->c.status != SN_AGCODE_OK && !a->survivor) {
		rc_set_out(a, O_CLOSED, NULL, rc_fmt(rc, SN_R_NONCONFORMING, a->c.problem_en, a->province));
		return rc_review(rc, a->code, SN_R_Q_NONCONFORMING, a->reason);
	}
	if (p->out == O_KEPT && a->survivor) {
		rc_set_out(a, O_KEPT, a->code, a->c.status != SN_AGCODE_OK ?
			   rc_fmt(rc, SN_R_PARENT_KEPT_FLAGGED, p->code, a->c.problem_en) :
			   rc_fmt(rc, SN_R_PARENT_KEPT, p->code));
		return 0;
	}
	const char *home = NULL;
	char why[400] = "";
	if (p->out == O_KEPT || p->out == O_RENUMBERED || p->out == O_MERGED) {
		home = p->home;
		snprintf(why, sizeof why, p->out == O_KEPT ? SN_R_PARENT_KEPT_AS : p->out == O_RENUMBERED ?
			 SN_R_PARENT_RENUMBERED : SN_R_PARENT_MERGED, p->code, p->home);
	} else {
		/* The parent closed: the agency's own commune decides. */
		struct ag tmp = { 0 };
		int n = a->unit[0] && strlen(a->unit) == 5 ?
			area_committees(rc, &tmp, "commune", a->unit, NULL) : 0;
		if (n < 0)
			return SN_IO;
		if (n == 1) {
			snprintf(code, sizeof code, "%s", tmp.succ[0]);
			home = code;
			snprintf(why, sizeof why, SN_R_PARENT_CLOSED, p->code, a->unit, tmp.succ[0]);
		}
		for (int i = 0; i < tmp.nsucc; i++)
			if (n != 1)
				rc_add_succ(rc, a, tmp.succ[i]);
		for (int i = 0; i < tmp.nsucc; i++)
			free(tmp.succ[i]);
		free(tmp.succ);
		if (!home) {
			rc_set_out(a, O_CLOSED, NULL, a->unit[0] ? rc_fmt(rc, SN_R_PARENT_CLOSED_NOWHERE, p->code, a->unit) :
				   rc_fmt(rc, SN_R_PARENT_CLOSED_NO_UNIT, p->code));
			return rc_review(rc, a->code, SN_R_Q_WHERE, a->reason);
		}
	}
	/* Two units of the same name under one department after the merger (both provinces' land
	 * registration offices) are one unit: the second merges into the first. */
	if (a->kind_id == SN_KIND_DEPARTMENT_UNIT) {
		sqlite3_stmt *st = sn_prepare(rc->ctx, "SELECT code FROM code_table WHERE parent_code = ?1 "
						       "AND kind = ?2 AND sn_key(name) = sn_key(?3) ORDER BY sort_key LIMIT 1");
		if (!st)
			return SN_IO;
		sqlite3_bind_text(st, 1, home, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, a->kind, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, a->name, -1, SQLITE_STATIC);
		if (sn_step(rc->ctx, st) == SQLITE_ROW) {
			rc_set_out(a, O_MERGED, sn_col(st, 0), rc_fmt(rc, SN_R_SAME_NAME, why, sn_col(st, 0)));
			sqlite3_finalize(st);
			return 0;
		}
		sqlite3_finalize(st);
	}
	char newc[40];
	if (rc_child_code(rc, home, own_level == 0 ? 0 : own, subject, newc) != 0) {
		rc_set_out(a, O_CLOSED, NULL, rc_fmt(rc, SN_R_NO_FREE_CODE, why));
		rc_add_succ(rc, a, home);
		return rc_review(rc, a->code, SN_R_Q_NO_FREE_CODE, a->reason);
	}
	/* Say when the number changed because it was taken under the new parent. */
	struct sn_agcode nc;
	sn_agcode_parse(newc, &nc);
	int kept_number = own > 0 && nc.depth >= 2 && atol(nc.grp[nc.depth - 2]) == own;
	rc_set_out(a, strcmp(newc, a->code) ? O_RENUMBERED : O_KEPT, newc,
		rc_fmt(rc, own > 0 && !kept_number ? SN_R_CONTINUES_AS_TAKEN : SN_R_CONTINUES_AS, why, newc));
	return 0;
}
