/* recode.c - 'sapnhap recode': the merged province's agency code table and the crosswalk.
 *
 * Inputs: the old provinces' registries (agencies import), the unit registry (which provinces
 * merge into which, which old communes became which new ones), the level-1 code of each old
 * province, the 2025 department-merger table, the allocation rules and the operator's pins.
 * Every old code ends as exactly one of
 *   kept        the code continues (the surviving province's committee, its departments, ...);
 *   renumbered  the agency continues under a new code (a department of the absorbed province
 *               with no counterpart; a unit whose department merged; the commune at the seat);
 *   merged      its work goes to another agency's code (same-function departments, the absorbed
 *               province's committee, the other communes of a merged commune);
 *   closed      it ends, with its successors (district committees and offices, split communes);
 * and the reason is recorded, so 'recode --explain CODE' can say why. Agencies are decided
 * parents first, so a unit always knows where its parent went. New commune committees are
 * allocated from the rule file in order of new commune code, pins first; a closed code is never
 * issued again and an exhausted range is an error.
 */
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
#include "i18n.h"
#include "banned.h"

static const char *outcome_names[] = { "", "kept", "renumbered", "merged", "closed" };
#include "embedded.h"
#include "mapping.h"
#include "province.h"

/* Out of memory is remembered in rc->oom (the string is NULL) and reported once, by the phase
 * that checks it (compute): library code returns, it never exits. */
char *rc_strdup(struct recode *rc, const char *s)
{
	char *d = strdup(s ? s : "");
	if (!d)
		rc->oom = 1;
	return d;
}

char *rc_fmt(struct recode *rc, const char *f, ...) __attribute__((format(printf, 2, 3)));
char *rc_fmt(struct recode *rc, const char *f, ...)
{
	va_list ap;
	va_start(ap, f);
	char *s = sqlite3_vmprintf(f, ap);
	va_end(ap);
	char *d = s ? rc_strdup(rc, s) : NULL;
	if (!s)
		rc->oom = 1;
	sqlite3_free(s);
	return d;
}

/* --- loading --------------------------------------------------------------------------------- */

struct byname {
	const char *code;
	int idx;
};

static int byname_cmp(const void *x, const void *y)
{
	return strcmp(((const struct byname *)x)->code, ((const struct byname *)y)->code);
}

struct order {
	int idx;
	int depth, carrier, survivor;
	char key[48];
};

static int order_cmp(const void *x, const void *y)
{
	const struct order *a = x, *b = y;
	if (a->depth != b->depth)
		return a->depth - b->depth;
	if (a->carrier != b->carrier)
		return b->carrier - a->carrier;   /* carriers first: others merge into them */
	if (a->survivor != b->survivor)
		return b->survivor - a->survivor;
	int c = strcmp(a->key, b->key);
	return c ? c : a->idx - b->idx;
}

static int rc_load_agencies(struct recode *rc, char (*keys)[48])
{
	sqlite3_stmt *st = sn_prepare(rc->ctx,
		"SELECT code, name, kind, COALESCE(parent_code, ''), COALESCE(unit_code, ''), "
		"COALESCE(address, ''), COALESCE(phone, ''), COALESCE(email, ''), province, status, "
		"sort_key FROM agency ORDER BY code");
	if (!st)
		return SN_IO;
	int cap = 0, r;
	while ((r = sn_step(rc->ctx, st)) == SQLITE_ROW) {
		if (rc->n == cap) {
			cap = cap ? cap * 2 : 256;
			struct ag *na = realloc(rc->a, (size_t)cap * sizeof *na);
			if (!na)
				return SN_IO;
			rc->a = na;
		}
		struct ag *a = &rc->a[rc->n];
		memset(a, 0, sizeof *a);
		a->code = rc_strdup(rc, sn_col(st, 0));
		a->name = rc_strdup(rc, sn_col(st, 1));
		a->kind = rc_strdup(rc, sn_col(st, 2));
		a->parent = rc_strdup(rc, sn_col(st, 3));
		a->unit = rc_strdup(rc, sn_col(st, 4));
		a->address = rc_strdup(rc, sn_col(st, 5));
		a->phone = rc_strdup(rc, sn_col(st, 6));
		a->email = rc_strdup(rc, sn_col(st, 7));
		a->province = rc_strdup(rc, sn_col(st, 8));
		a->kind_id = sn_agency_kind_parse(a->kind);
		a->survivor = !strcmp(a->province, rc->surv);
		sn_agcode_parse(a->code, &a->c);
		rc->n++;
		if (rc->oom)
			break;
		if (!strcmp(sn_col(st, 9), "closed"))
			a->out = O_CLOSED, a->reason = rc_fmt(rc, SN_R_REGISTRY_CLOSED, a->province);
	}
	sqlite3_finalize(st);
	if (r < 0)
		return SN_IO;
	if (rc->oom) {
		sn_error(rc->ctx, "out of memory");
		return SN_IO;
	}
	(void)keys;
	return 0;
}

/* --- writing --------------------------------------------------------------------------------- */

static int rc_write_results(struct recode *rc)
{
	sqlite3_stmt *cw = sn_prepare(rc->ctx, "INSERT INTO crosswalk(old_code, province, outcome, new_code, reason) "
					       "VALUES (?1, ?2, ?3, ?4, ?5)");
	sqlite3_stmt *su = sn_prepare(rc->ctx, "INSERT OR IGNORE INTO crosswalk_successor VALUES (?1, ?2)");
	sqlite3_stmt *cl = sn_prepare(rc->ctx, "INSERT OR IGNORE INTO closed_code VALUES (?1, ?2, ?3)");
	int r = 0;
	if (!cw || !su || !cl)
		r = SN_IO;
	for (int i = 0; r == 0 && i < rc->n; i++) {
		struct ag *a = &rc->a[i];
		rc->counts[a->out]++;
		sqlite3_reset(cw);
		sqlite3_bind_text(cw, 1, a->code, -1, SQLITE_STATIC);
		sqlite3_bind_text(cw, 2, a->province, -1, SQLITE_STATIC);
		sqlite3_bind_text(cw, 3, outcome_names[a->out], -1, SQLITE_STATIC);
		if (a->out == O_CLOSED)
			sqlite3_bind_null(cw, 4);
		else
			sqlite3_bind_text(cw, 4, a->home, -1, SQLITE_STATIC);
		sqlite3_bind_text(cw, 5, a->reason, -1, SQLITE_STATIC);
		if (sn_step(rc->ctx, cw) != SQLITE_DONE)
			r = SN_IO;
		for (int k = 0; r == 0 && k < a->nsucc; k++) {
			sqlite3_reset(su);
			sqlite3_bind_text(su, 1, a->code, -1, SQLITE_STATIC);
			sqlite3_bind_text(su, 2, a->succ[k], -1, SQLITE_STATIC);
			if (sn_step(rc->ctx, su) != SQLITE_DONE)
				r = SN_IO;
		}
		if (r == 0 && a->out != O_KEPT) {
			char key[40];
			sn_agcode_sort_key(&a->c, a->code, key, sizeof key);
			char *why = rc_fmt(rc, a->out == O_RENUMBERED ? SN_R_CLOSED_RENUMBERED : a->out == O_MERGED ?
					   SN_R_CLOSED_MERGED : SN_R_CLOSED_CLOSED, a->reason);
			sqlite3_reset(cl);
			sqlite3_bind_text(cl, 1, a->code, -1, SQLITE_STATIC);
			sqlite3_bind_text(cl, 2, key, -1, SQLITE_STATIC);
			sqlite3_bind_text(cl, 3, why, -1, SQLITE_TRANSIENT);
			if (sn_step(rc->ctx, cl) != SQLITE_DONE)
				r = SN_IO;
			free(why);
		}
	}
	for (int i = 0; r == 0 && i < rc->nabs; i++) {
		char *why = rc_fmt(rc, SN_R_CLOSED_L1, rc->target);
		sqlite3_reset(cl);
		sqlite3_bind_text(cl, 1, rc->absorbed[i], -1, SQLITE_STATIC);
		sqlite3_bind_text(cl, 2, rc->absorbed[i], -1, SQLITE_STATIC);
		sqlite3_bind_text(cl, 3, why, -1, SQLITE_TRANSIENT);
		if (sn_step(rc->ctx, cl) != SQLITE_DONE)
			r = SN_IO;
		free(why);
	}
	sqlite3_finalize(cw);
	sqlite3_finalize(su);
	sqlite3_finalize(cl);
	if (r)
		return r;
	/* Codes an earlier run issued to something else are withdrawn, never reissued. */
	return sn_execf(rc->ctx,
		"INSERT OR IGNORE INTO closed_code SELECT p.code, p.sort_key, printf(%Q, p.subject) "
		"FROM temp.prev_issued p WHERE NOT EXISTS "
		"(SELECT 1 FROM code_table c WHERE c.sort_key = p.sort_key AND c.subject = p.subject)",
		SN_R_CLOSED_WITHDRAWN);
}

/* The invariants the rest of the migration relies on; a failure is a bug (exit 5). */
static int rc_check_invariants(struct recode *rc)
{
	struct {
		const char *sql, *what;
	} inv[] = {
		{ "SELECT code FROM agency WHERE code NOT IN (SELECT old_code FROM crosswalk)",
		  N_("an old code is missing from the crosswalk") },
		{ "SELECT c.code FROM code_table c JOIN closed_code k ON k.sort_key = c.sort_key",
		  N_("a closed code is active") },
		{ "SELECT c.code FROM code_table c JOIN agency a ON a.sort_key = c.sort_key JOIN crosswalk x "
		  "ON x.old_code = a.code WHERE x.outcome <> 'kept'", N_("an old code that is not kept was reissued") },
		{ "SELECT c.code FROM code_table c JOIN closed_code k ON k.code = substr(c.sort_key, 1, 3)",
		  N_("a code under a closed level-1 code is active") },
		{ "SELECT x.old_code FROM crosswalk x WHERE x.outcome <> 'closed' AND NOT EXISTS "
		  "(SELECT 1 FROM code_table c WHERE c.code = x.new_code)", N_("a crosswalk target is not in the code table") },
		{ "SELECT s.new_code FROM crosswalk_successor s WHERE NOT EXISTS (SELECT 1 FROM code_table c "
		  "WHERE c.code = s.new_code)", N_("a successor is not in the code table") },
		{ "SELECT c.code FROM code_table c WHERE c.kind = 'commune-committee' AND NOT EXISTS (SELECT 1 "
		  "FROM unit u WHERE u.level = 'commune' AND u.code = c.unit_code AND u.valid_to IS NULL)",
		  N_("a commune committee stands for a commune no longer in force") },
	};
	for (size_t i = 0; i < sizeof inv / sizeof inv[0]; i++) {
		sqlite3_stmt *st = sn_prepare(rc->ctx, inv[i].sql);
		if (!st)
			return SN_IO;
		if (sn_step(rc->ctx, st) == SQLITE_ROW) {
			sn_error(rc->ctx, "internal: %s (%s); nothing was written", _(inv[i].what), sn_col(st, 0));
			sqlite3_finalize(st);
			return SN_INTERNAL;
		}
		sqlite3_finalize(st);
	}
	for (int i = 0; i < rc->npins; i++)
		if (!rc->pins[i].used) {
			sn_error(rc->ctx, "%s: pin for %s matches no old agency and no new commune of province %s",
				 rc->pins[i].pos, rc->pins[i].subject, rc->target);
			return SN_DATA;
		}
	return 0;
}

/* --- the computation ------------------------------------------------------------------------- */

int sn_recode_prepare(struct recode *rc)
{
	int r;
	if ((r = sn_exec(rc->ctx, "DROP TABLE IF EXISTS temp.prev_issued; CREATE TEMP TABLE prev_issued AS "
			      "SELECT code, sort_key, subject FROM code_table; "
			      "CREATE INDEX temp.prev_issued_key ON prev_issued(sort_key); DELETE FROM crosswalk_successor; "
			      "DELETE FROM crosswalk; DELETE FROM code_table; DELETE FROM review WHERE step = 'recode'")))
		return r;
	rc->ins_code = sn_prepare(rc->ctx, "INSERT INTO code_table(code, sort_key, subject, name, kind, parent_code, "
				      "unit_code, address, phone, email, origin, reason) VALUES (?1, ?2, ?3, ?4, "
				      "?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
	rc->taken = sn_prepare(rc->ctx, "SELECT 1 FROM code_table WHERE sort_key = ?1 UNION ALL SELECT 1 FROM "
				   "closed_code WHERE sort_key = ?1 UNION ALL SELECT 1 FROM agency WHERE "
				   "sort_key = ?1 UNION ALL SELECT 1 FROM temp.prev_issued WHERE sort_key = ?1 "
				   "AND subject <> ?2 LIMIT 1");
	if (!rc->ins_code || !rc->taken)
		return SN_IO;
	return 0;
}

/* --- the computation, phase by phase -------------------------------------------------------- */

/* Which new province, its old provinces and whose level-1 codes survive: computed once, stored,
 * and read by every later step. */
static int phase_province(struct recode *rc, const char *level1_path)
{
	struct sn_ctx *ctx = rc->ctx;
	int r;
	if ((r = sn_province_compute(ctx, level1_path, rc->survivor, rc->date, &rc->prov)))
		return r;
	snprintf(rc->target, sizeof rc->target, "%s", rc->prov.code);
	snprintf(rc->surv, sizeof rc->surv, "%s", rc->prov.survivor);
	snprintf(rc->l1, sizeof rc->l1, "%s", rc->prov.l1);
	snprintf(rc->k1, sizeof rc->k1, "%s", rc->prov.k1);
	for (int i = 0; i < rc->prov.nold && rc->nabs + 2 <= 16; i++)
		if (!rc->prov.old[i].survives) {
			/* Copied whole: both are 8-byte arrays of the same struct. */
			memcpy(rc->absorbed[rc->nabs++], rc->prov.old[i].l1, sizeof rc->absorbed[0]);
			memcpy(rc->absorbed[rc->nabs++], rc->prov.old[i].k1, sizeof rc->absorbed[0]);
		}
	return 0;
}

/* The tables: department functions, allocation rules, pins. */
static int phase_tables(struct recode *rc, const char *dept_path, const char *rules_path, const char *pins_path)
{
	struct sn_ctx *ctx = rc->ctx;
	int r;
	static const char *fcols[] = { "function", "department", "office", "merged_into", NULL };
	static const char *rcols[] = { "kind", "pattern", "first", "last", NULL };
	static const char *pcols[] = { "subject", "code", NULL };
	if ((r = sn_mapping_read(ctx, dept_path, sn_mapping_departments, "departments.csv", fcols, 4, rc_fn_row, rc)) ||
	    (r = sn_mapping_read(ctx, rules_path, sn_mapping_allocation, "allocation.csv", rcols, 4, rc_rule_row, rc)) ||
	    (pins_path && (r = sn_mapping_read(ctx, pins_path, NULL, "pins", pcols, 2, rc_pin_row, rc))))
		return r;

	return 0;
}

/* Parents by code, depth by the parent chain (imports refuse cycles), each department's
 * function. */
static int phase_structure(struct recode *rc)
{
	struct byname *bn = malloc((rc->n > 0 ? (size_t)rc->n : 1) * sizeof *bn);
	if (!bn) {
		sn_error(rc->ctx, "out of memory");
		return SN_IO;
	}
	for (int i = 0; i < rc->n; i++)
		bn[i] = (struct byname){ rc->a[i].code, i };
	qsort(bn, (size_t)rc->n, sizeof *bn, byname_cmp);
	for (int i = 0; i < rc->n; i++) {
		struct byname k = { rc->a[i].parent, 0 }, *hit = NULL;
		if (rc->a[i].parent[0])
			hit = bsearch(&k, bn, (size_t)rc->n, sizeof *bn, byname_cmp);
		rc->a[i].pidx = hit ? hit->idx : -1;
	}
	for (int i = 0; i < rc->n; i++) {
		int d = 0;
		for (int j = rc->a[i].pidx; j >= 0 && d < 100; j = rc->a[j].pidx)
			d++;
		rc->a[i].depth = d;
		if (rc->a[i].kind_id == SN_KIND_DEPARTMENT) {
			snprintf(rc->a[i].func, sizeof rc->a[i].func, "%s", rc_function_of(rc, rc->a[i].name, 0, 1));
			snprintf(rc->a[i].own_func, sizeof rc->a[i].own_func, "%s", rc_function_of(rc, rc->a[i].name, 0, 0));
		}
	}
	free(bn);
	return 0;
}

/* Carriers: per function, the survivor's department whose own function it is, else its first
 * department of that function. */
static void phase_carriers(struct recode *rc)
{
	for (int i = 0; i < rc->n; i++) {
		struct ag *a = &rc->a[i];
		if (a->kind_id != SN_KIND_DEPARTMENT || !a->survivor || !a->func[0] || a->out == O_CLOSED)
			continue;
		int best = -1;
		for (int j = 0; j < rc->n; j++) {
			struct ag *o = &rc->a[j];
			if (o->kind_id != SN_KIND_DEPARTMENT || !o->survivor || strcmp(o->func, a->func) ||
			    o->out == O_CLOSED)
				continue;
			int o_own = !strcmp(o->own_func, o->func);
			if (best < 0)
				best = j;
			else {
				struct ag *b = &rc->a[best];
				int b_own = !strcmp(b->own_func, b->func);
				if ((o_own && !b_own) || (o_own == b_own && strcmp(o->code, b->code) < 0))
					best = j;
			}
		}
		if (best == i)
			a->is_carrier = 1;
	}
}

/* The order of deciding: parents first (by depth), carriers before the departments that merge
 * into them, the survivor's first, then by code. ORD has rc->n entries. */
static void phase_order(struct recode *rc, struct order *ord)
{
	for (int i = 0; i < rc->n; i++) {
		ord[i].idx = i;
		ord[i].depth = rc->a[i].depth;
		ord[i].carrier = rc->a[i].is_carrier;
		ord[i].survivor = rc->a[i].survivor;
		sn_agcode_sort_key(&rc->a[i].c, rc->a[i].code, ord[i].key, sizeof ord[i].key);
	}
	qsort(ord, (size_t)rc->n, sizeof *ord, order_cmp);

}

/* Each old code decided in ORD's order, and what continues issued in the code table. */
static int phase_decide(struct recode *rc, const struct order *ord)
{
	struct sn_ctx *ctx = rc->ctx;
	int r = 0;
	for (int k = 0; r == 0 && k < rc->n; k++) {
		struct ag *a = &rc->a[ord[k].idx];
		if (a->out == O_CLOSED)
			continue;  /* closed in the registry already */
		if ((r = rc_decide(rc, ord[k].idx)))
			break;
		if (a->out != O_KEPT && a->out != O_RENUMBERED)
			continue;
		/* The row in the new code table: parent = where the old parent went (or, for a code
		 * renumbered under a new parent, that parent). */
		char parent[40] = "";
		struct sn_agcode nc, pc;
		if (sn_agcode_parse(a->home, &nc) == SN_AGCODE_OK && sn_agcode_parent(&nc, &pc) == 0) {
			char pcode[40], key[40];
			sn_agcode_format(&pc, SN_NOTATION_QCVN, pcode, sizeof pcode);
			rc_key_of(pcode, key);
			long long known;
			if ((r = sn_query_intf(ctx, &known, "SELECT count(*) FROM code_table WHERE sort_key = %Q", key)))
				break;
			if (known)
				snprintf(parent, sizeof parent, "%s", pcode);
		}
		if (!parent[0] && a->pidx >= 0 && rc->a[a->pidx].out != O_CLOSED)
			snprintf(parent, sizeof parent, "%s", rc->a[a->pidx].home);
		const struct func *f = a->is_carrier ? rc_func_by_id(rc, a->func) : NULL;
		const char *name = f && strcmp(a->own_func, a->func) && f->dept_name[0] ? f->dept_name : a->name;
		/* The merged committee and council carry the new province's name. */
		char body[200];
		if (a->survivor && a->pidx < 0 && (a->kind_id == SN_KIND_PROVINCE_COMMITTEE ||
						    a->kind_id == SN_KIND_PROVINCE_COUNCIL)) {
			sn_province_body_name(&rc->prov, a->kind_id == SN_KIND_PROVINCE_COUNCIL, body, sizeof body);
			name = body;
		}
		const char *unit = name == body ? rc->target : a->unit;
		char subject[80], hkey[40];
		snprintf(subject, sizeof subject, "old:%s", a->code);
		rc_key_of(a->home, hkey);
		long long exists;
		if ((r = sn_query_intf(ctx, &exists, "SELECT count(*) FROM code_table WHERE sort_key = %Q", hkey)))
			break;
		if (exists) {
			/* The seat commune's committee continues as its new commune's committee, whose row
			 * exists already: record that it carries on there. */
			r = sn_execf(ctx, "UPDATE code_table SET origin = 'renumbered', reason = printf(%Q, reason, %Q, %Q) "
					  "WHERE sort_key = %Q", SN_R_CONTINUES, a->code, a->name, hkey);
			continue;
		}
		r = rc_issue(rc, a->home, subject, name, a->kind, parent, unit, a,
			  a->out == O_KEPT ? "kept" : "renumbered", a->reason);
		/* The function a department carries: reassign sends province-level work there. */
		if (r == 0 && a->kind_id == SN_KIND_DEPARTMENT && a->func[0])
			r = sn_execf(ctx, "UPDATE code_table SET function = %Q WHERE code = %Q", a->func, a->home);
	}
	return r;
}

int sn_recode_compute(struct recode *rc, const char *level1_path, const char *dept_path,
		      const char *rules_path, const char *pins_path)
{
	int r;
	if ((r = phase_province(rc, level1_path)) || (r = phase_tables(rc, dept_path, rules_path, pins_path)) ||
	    (r = rc_load_agencies(rc, NULL)) || (r = phase_structure(rc)))
		return r;
	phase_carriers(rc);
	struct order *ord = malloc((rc->n > 0 ? (size_t)rc->n : 1) * sizeof *ord);
	if (!ord) {
		sn_error(rc->ctx, "out of memory");
		return SN_IO;
	}
	phase_order(rc, ord);
	/* The survivor's committee is where new commune committees hang. */
	char root[40] = "";
	for (int i = 0; i < rc->n; i++)
		if (rc->a[i].survivor && rc->a[i].kind_id == SN_KIND_PROVINCE_COMMITTEE && rc->a[i].pidx < 0)
			snprintf(root, sizeof root, "%s", rc->a[i].code);
	if ((r = rc_new_committees(rc, root)) == 0)
		r = phase_decide(rc, ord);
	free(ord);
	if (r == 0 && rc->oom) {
		sn_error(rc->ctx, "out of memory");
		r = SN_IO;
	}
	if (r == 0)
		r = rc_write_results(rc);
	if (r == 0)
		r = rc_check_invariants(rc);
	return r;
}

void sn_recode_release(struct recode *rc)
{
	for (int i = 0; i < rc->n; i++) {
		struct ag *a = &rc->a[i];
		free(a->code); free(a->name); free(a->kind); free(a->parent); free(a->unit);
		free(a->address); free(a->phone); free(a->email); free(a->province); free(a->reason);
		for (int k = 0; k < a->nsucc; k++)
			free(a->succ[k]);
		free(a->succ);
	}
	free(rc->a);
	for (int i = 0; i < rc->nfn; i++) {
		free(rc->fn[i].dept_name);
		for (int j = 0; j < SN_MAX_FUNC_NAMES; j++)
			free(rc->fn[i].dept_keys[j]), free(rc->fn[i].office_keys[j]);
	}
	free(rc->fn);
	free(rc->rules);
	free(rc->pins);
	for (int i = 0; i < rc->ncc; i++)
		free(rc->cc[i].name);
	free(rc->cc);
	sqlite3_finalize(rc->ins_code);
	sqlite3_finalize(rc->taken);
}

/* --- explain --------------------------------------------------------------------------------- */

int sn_recode_explain(struct sn_ctx *ctx, const char *code)
{
	FILE *f = ctx->out;
	int found = 0;
	sqlite3_stmt *st = sn_prepare(ctx,
		"SELECT x.old_code, a.name, a.kind, x.province, x.outcome, COALESCE(x.new_code, ''), x.reason, "
		"(SELECT group_concat(s.new_code, ', ') FROM (SELECT new_code FROM crosswalk_successor "
		"WHERE old_code = x.old_code ORDER BY new_code) s) FROM crosswalk x JOIN agency a ON "
		"a.code = x.old_code WHERE x.old_code = ?1");
	if (!st)
		return SN_IO;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	if (sn_step(ctx, st) == SQLITE_ROW) {
		found = 1;
		/* Outcomes and kinds are the stored names; the reason, stored in English, is shown in the
		 * reader's language (reasons.h). */
		char why[4000];
		fprintf(f, _("%s %s (%s, province %s)\n"), sn_col(st, 0), sn_col(st, 1), sn_col(st, 2),
			sn_col(st, 3));
		fprintf(f, "  %s%s%s\n", sn_col(st, 4), *sn_col(st, 5) ? " -> " : "", sn_col(st, 5));
		fprintf(f, _("  because: %s\n"), sn_reason_shown(sn_col(st, 6), why, sizeof why));
		if (*sn_col(st, 7))
			fprintf(f, _("  successors: %s\n"), sn_col(st, 7));
	}
	sqlite3_finalize(st);
	st = sn_prepare(ctx, "SELECT code, name, kind, origin, reason, COALESCE(parent_code, ''), "
			     "(SELECT group_concat(old_code, ', ') FROM (SELECT old_code FROM crosswalk WHERE "
			     "new_code = c.code AND outcome = 'merged' ORDER BY old_code)) FROM code_table c "
			     "WHERE code = ?1");
	if (!st)
		return SN_IO;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	if (sn_step(ctx, st) == SQLITE_ROW) {
		found = 1;
		fprintf(f, _("%s %s (%s, in the merged province's code table)\n"), sn_col(st, 0), sn_col(st, 1),
			sn_col(st, 2));
		char why[4000];
		fprintf(f, "  %s: %s\n", sn_col(st, 3), sn_reason_shown(sn_col(st, 4), why, sizeof why));
		if (*sn_col(st, 5))
			fprintf(f, _("  parent: %s\n"), sn_col(st, 5));
		if (*sn_col(st, 6))
			fprintf(f, _("  carries the work of: %s\n"), sn_col(st, 6));
	}
	sqlite3_finalize(st);
	if (!found) {
		sn_error(ctx, "%s is neither an old code nor a code of the new table", code);
		return SN_FINDINGS;
	}
	return SN_OK;
}
