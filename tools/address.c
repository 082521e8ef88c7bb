/* address.c - the unit registry in memory, and the address matcher (address.h).
 *
 * Loading: every unit version of the working database not opened after the date, with its name
 * keys as the registry stored them (sn_key, sn_ascii_key); the links of every event up to the
 * date, composed in memory for each unit no longer in force (the same walk as
 * sn_units_compose_after: the first later event naming the unit, then from each successor the
 * events after that one). Units are indexed by key and by ASCII key in chained hash tables.
 *
 * Matching: the address is cut into parts; hypotheses about which parts on the right are the
 * province, the district and the commune are scored (a penalty per weakness: a missing part,
 * diacritics restored, a type word that differs, a typo, a province from the other side of a
 * merger), every unit that fits each hypothesis is a reading, and the readings with the lowest
 * penalty decide: one new commune -> converted (or already_new), several -> ambiguous with all of
 * them. Never a silent pick.
 */
#include "address.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include "db.h"
#include "mapping.h"
#include "text.h"
#include "compose.h"
#include "units.h"
#include "banned.h"

enum { L_PROV, L_DIST, L_COMM };
static const char *const level_names[] = { "province", "district", "commune" };

struct au {
	char code[8];
	unsigned char level, type, in_force, past;
	unsigned char not_converted;
	int parent;             /* district (old commune), province (district, new commune); -1 */
	int prov;               /* its province version; -1 */
	int newprov;            /* for a province: the province in force it is now part of; -1 */
	const char *name, *key, *akey;
	int succ, nsucc;        /* into r->succ */
	int kids, nkids;        /* into r->kids: units whose parent or province is this one */
};

struct succ {
	int unit;
	unsigned char share;    /* enum sn_share */
};

struct hent {
	const char *s;
	uint32_t h;
	int unit;
	int next;
};

struct htab {
	int *heads;
	uint32_t mask;
	struct hent *e;
	int n, cap;
};

struct hamlet {
	int old_unit;           /* unit index of the old commune */
	const char *key;
	int new_unit;
	int next;
};

struct rdgs;
struct kcache;
static void kcache_free(struct kcache *kc);

struct sn_areg {
	char date[11];
	struct au *u;
	int nu;
	struct succ *succ;
	int nsucc;
	int *kids;
	struct htab bykey, byascii, bycode;
	/* strings: one arena of blocks */
	char **blocks;
	int nblocks;
	size_t used;
	/* hamlets of split communes, hashed by old commune unit and key */
	struct htab hamlets;    /* s = "unit|key", unit = new unit */
	struct rdgs *rs;        /* the matcher's scratch space */
	struct kcache *kc;      /* keys of parts recently seen */
};

/* --- small tools ------------------------------------------------------------------------------ */

static uint32_t hash_str(const char *s)
{
	uint32_t h = 2166136261u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

enum { BLOCK = 256 * 1024 };

static char *arena_dup(struct sn_areg *r, const char *s)
{
	size_t n = strlen(s) + 1;
	if (n > BLOCK)
		return NULL;
	if (!r->nblocks || r->used + n > BLOCK) {
		char **b = realloc(r->blocks, (size_t)(r->nblocks + 1) * sizeof *b);
		if (!b)
			return NULL;
		r->blocks = b;
		if (!(b[r->nblocks] = malloc(BLOCK)))
			return NULL;
		r->nblocks++;
		r->used = 0;
	}
	char *p = r->blocks[r->nblocks - 1] + r->used;
	memcpy(p, s, n);
	r->used += n;
	return p;
}

static int htab_add(struct htab *t, const char *s, int unit)
{
	if (t->n + 1 > t->cap) {
		int cap = t->cap ? t->cap * 2 : 1024;
		struct hent *e = realloc(t->e, (size_t)cap * sizeof *e);
		if (!e)
			return -1;
		t->e = e;
		t->cap = cap;
	}
	if (!t->heads || (uint32_t)t->n * 2 > t->mask) {
		uint32_t mask = t->mask ? t->mask * 2 + 1 : 2047;
		int *h = malloc(((size_t)mask + 1) * sizeof *h);
		if (!h)
			return -1;
		memset(h, -1, ((size_t)mask + 1) * sizeof *h);
		for (int i = 0; i < t->n; i++) {
			uint32_t b = t->e[i].h & mask;
			t->e[i].next = h[b];
			h[b] = i;
		}
		free(t->heads);
		t->heads = h;
		t->mask = mask;
	}
	uint32_t h = hash_str(s);
	struct hent *e = &t->e[t->n];
	e->s = s;
	e->h = h;
	e->unit = unit;
	e->next = t->heads[h & t->mask];
	t->heads[h & t->mask] = t->n++;
	return 0;
}

/* First entry for S, then htab_next; -1 at the end. */
static int htab_first(const struct htab *t, const char *s, uint32_t *hp)
{
	if (!t->heads)
		return -1;
	uint32_t h = hash_str(s);
	*hp = h;
	for (int i = t->heads[h & t->mask]; i >= 0; i = t->e[i].next)
		if (t->e[i].h == h && !strcmp(t->e[i].s, s))
			return i;
	return -1;
}

static int htab_next(const struct htab *t, int i, const char *s, uint32_t h)
{
	for (i = t->e[i].next; i >= 0; i = t->e[i].next)
		if (t->e[i].h == h && !strcmp(t->e[i].s, s))
			return i;
	return -1;
}

static void htab_free(struct htab *t)
{
	free(t->heads);
	free(t->e);
}

static sn_unit_type type_of_label(const char *s)
{
	static const struct { const char *l; sn_unit_type t; } tl[] = {
		{ "xã", SN_TYPE_XA }, { "phường", SN_TYPE_PHUONG }, { "thị trấn", SN_TYPE_THITRAN },
		{ "huyện", SN_TYPE_HUYEN }, { "quận", SN_TYPE_QUAN }, { "thị xã", SN_TYPE_THIXA },
		{ "thành phố", SN_TYPE_THANHPHO }, { "tỉnh", SN_TYPE_TINH }, { "đặc khu", SN_TYPE_DACKHU },
	};
	for (size_t i = 0; i < sizeof tl / sizeof tl[0]; i++)
		if (!strcmp(s, tl[i].l))
			return tl[i].t;
	return SN_TYPE_NONE;
}

/* Whether type T can be a unit of LEVEL. */
static int type_fits(sn_unit_type t, int level)
{
	switch (t) {
	case SN_TYPE_NONE: return 1;
	case SN_TYPE_TINH: return level == L_PROV;
	case SN_TYPE_THANHPHO: return level == L_PROV || level == L_DIST;
	case SN_TYPE_QUAN: case SN_TYPE_HUYEN: case SN_TYPE_THIXA: return level == L_DIST;
	default: return level == L_COMM;
	}
}

/* --- loading ---------------------------------------------------------------------------------- */

struct link {
	int lv;
	const char *old_code, *new_code;
	int new_lv;
	unsigned char share;
	const char *eff;
};

static int level_of(const char *s)
{
	return !strcmp(s, "province") ? L_PROV : !strcmp(s, "district") ? L_DIST : !strcmp(s, "commune") ? L_COMM : -1;
}

static const char *code_key(char buf[16], int level, const char *code)
{
	snprintf(buf, 16, "%d:%s", level, code);
	return buf;
}

/* The version of LEVEL/CODE whose period holds the start FROM ("" = since ever); -1 if none. */
static int version_at(struct sn_areg *r, const char *const *from, int level, const char *code, const char *at)
{
	char kb[16];
	uint32_t h;
	int best = -1;
	for (int i = htab_first(&r->bycode, code_key(kb, level, code), &h); i >= 0;
	     i = htab_next(&r->bycode, i, kb, h)) {
		int u = r->bycode.e[i].unit;
		const char *vf = from[2 * u], *vt = from[2 * u + 1];
		if (!*at) {
			if (!*vf)
				return u;
			continue;
		}
		if ((!*vf || strcmp(vf, at) <= 0) && (!*vt || strcmp(vt, at) > 0))
			return u;
		if (best < 0)
			best = u;
	}
	return best;
}

struct walk {
	struct link *l;
	int nl;
	struct htab *byold;      /* "lv:code" -> first link index (links sorted) */
	struct succ *out;
	int n, cap;
};

static int walk_add(struct walk *w, int unit, unsigned char share)
{
	for (int i = 0; i < w->n; i++)
		if (w->out[i].unit == unit) {
			if (share == SN_SHARE_WHOLE || (share == SN_SHARE_PART_POPULATION && w->out[i].share == SN_SHARE_PART))
				w->out[i].share = share;
			return 0;
		}
	if (w->n == w->cap) {
		int cap = w->cap ? w->cap * 2 : 8;
		struct succ *o = realloc(w->out, (size_t)cap * sizeof *o);
		if (!o)
			return -1;
		w->out = o;
		w->cap = cap;
	}
	w->out[w->n++] = (struct succ){ unit, share };
	return 0;
}

static unsigned char compose_share(unsigned char before, unsigned char link)
{
	if (before == SN_SHARE_WHOLE)
		return link;
	if (before == SN_SHARE_PART_POPULATION && link != SN_SHARE_PART)
		return SN_SHARE_PART_POPULATION;
	return SN_SHARE_PART;
}

/* As follow() in cmd_units_map.c, over the links in memory. */
static int walk(struct sn_areg *r, struct walk *w, int lv, const char *code, const char *after,
		unsigned char share, int depth)
{
	char kb[16];
	uint32_t h;
	int first = -1;
	const char *eff = NULL;
	if (depth > 16)
		return 0;
	int i = htab_first(w->byold, code_key(kb, lv, code), &h);
	if (i >= 0)
		first = w->byold->e[i].unit;
	/* Links of one old unit are contiguous, by effective date. */
	if (first >= 0)
		for (int k = first; k < w->nl && w->l[k].lv == lv && !strcmp(w->l[k].old_code, code); k++)
			if (strcmp(w->l[k].eff, after) > 0) {
				eff = w->l[k].eff;
				break;
			}
	if (!eff)
		return -2;  /* an end: the caller resolves the unit in force */
	for (int k = first; k < w->nl && w->l[k].lv == lv && !strcmp(w->l[k].old_code, code); k++) {
		if (strcmp(w->l[k].eff, eff) != 0)
			continue;
		int rc = walk(r, w, w->l[k].new_lv, w->l[k].new_code, eff, compose_share(share, w->l[k].share), depth + 1);
		if (rc == -2) {
			/* The successor as in force on the date. */
			char kb2[16];
			uint32_t h2;
			int found = -1;
			for (int j = htab_first(&r->bycode, code_key(kb2, w->l[k].new_lv, w->l[k].new_code), &h2); j >= 0;
			     j = htab_next(&r->bycode, j, kb2, h2))
				if (r->u[r->bycode.e[j].unit].in_force)
					found = r->bycode.e[j].unit;
			if (found >= 0 && walk_add(w, found, compose_share(share, w->l[k].share)) < 0)
				return -1;
		} else if (rc < 0) {
			return rc;
		}
	}
	return 0;
}

static int add_kid(int **kidv, int *nk, int *capk, int parent, int kid, int *counts)
{
	(void)counts;
	if (*nk + 2 > *capk) {
		int cap = *capk ? *capk * 2 : 4096;
		int *v = realloc(*kidv, (size_t)cap * 2 * sizeof *v);
		if (!v)
			return -1;
		*kidv = v;
		*capk = cap;
	}
	(*kidv)[2 * *nk] = parent;
	(*kidv)[2 * *nk + 1] = kid;
	(*nk)++;
	return 0;
}

static int by_parent(const void *a, const void *b)
{
	const int *x = a, *y = b;
	return x[0] != y[0] ? (x[0] < y[0] ? -1 : 1) : (x[1] < y[1] ? -1 : x[1] > y[1]);
}

/* Province short forms people write, by ASCII key. */
static const struct { const char *akey; const char *code; } prov_alias[] = {
	{ "hcm", "79" }, { "tphcm", "79" }, { "hcmc", "79" }, { "sai gon", "79" }, { "sg", "79" },
	{ "tp hcm", "79" }, { "ho chi minh city", "79" },
	{ "hn", "01" }, { "tphn", "01" },
	{ "brvt", "77" }, { "br vt", "77" }, { "ba ria", "77" }, { "vung tau", "77" },
	{ "thua thien hue", "46" }, { "tt hue", "46" },
	{ "daklak", "66" }, { "dac lac", "66" }, { "daknong", "67" }, { "dac nong", "67" },
	{ "da nang", "48" }, { "can tho", "92" }, { "hai phong", "31" },
};

/* Appends the walk's successors to the registry's successor array as U's list. -1: no memory. */
static int keep_succ(struct sn_areg *r, struct au *u, const struct walk *w, int *capsucc)
{
	u->succ = r->nsucc;
	u->nsucc = w->n;
	if (r->nsucc + w->n > *capsucc) {
		*capsucc = (r->nsucc + w->n) * 2 + 1024;
		struct succ *sv = realloc(r->succ, (size_t)*capsucc * sizeof *sv);
		if (!sv)
			return -1;
		r->succ = sv;
	}
	memcpy(r->succ + r->nsucc, w->out, (size_t)w->n * sizeof *w->out);
	r->nsucc += w->n;
	return 0;
}

sn_areg *sn_areg_load(struct sn_ctx *ctx, const char *date, int *rcp)
{
	struct sn_areg *r = calloc(1, sizeof *r);
	sqlite3_stmt *st = NULL;
	const char **period = NULL;
	struct link *links = NULL;
	struct htab byold = { 0 };
	struct walk w = { 0 };
	int *kv = NULL, nk = 0, capk = 0, cap = 0, nl = 0, capl = 0;
	int rc = SN_IO;
	if (!r)
		goto oom;
	snprintf(r->date, sizeof r->date, "%s", date);
	/* A conversion in force on the date makes units it never opened old, even those it does
	 * not close (a commune the table never converts). */
	long long conv;
	if (sn_query_intf(ctx, &conv, "SELECT count(*) FROM event WHERE kind = 'conversion' AND effective <= %Q",
			  date))
		goto fail;
	st = sn_prepare(ctx, "SELECT level, code, name, name_key, ascii_key, type, parent_code, province_code, "
			     "COALESCE(valid_from, ''), COALESCE(valid_to, ''), opened_by IS NULL FROM unit "
			     "WHERE valid_from IS NULL OR valid_from <= ?1 ORDER BY level, code, valid_from IS NOT NULL, valid_from");
	if (!st)
		goto fail;
	sqlite3_bind_text(st, 1, date, -1, SQLITE_STATIC);
	char **pc = NULL;   /* parent and province codes, per unit */
	int s;
	while ((s = sn_step(ctx, st)) == SQLITE_ROW) {
		if (r->nu == cap) {
			cap = cap ? cap * 2 : 16384;
			struct au *u = realloc(r->u, (size_t)cap * sizeof *u);
			const char **p = realloc(period, (size_t)cap * 2 * sizeof *p);
			if (p)
				period = p;
			char **q = realloc(pc, (size_t)cap * 2 * sizeof *q);
			if (q)
				pc = q;
			if (!u || !p || !q) {
				if (u)
					r->u = u;
				free(pc);
				goto oom;
			}
			r->u = u;
		}
		struct au *u = &r->u[r->nu];
		memset(u, 0, sizeof *u);
		u->level = (unsigned char)level_of(sn_col(st, 0));
		snprintf(u->code, sizeof u->code, "%s", sn_col(st, 1));
		u->name = arena_dup(r, sn_col(st, 2));
		u->key = arena_dup(r, sn_col(st, 3));
		u->akey = arena_dup(r, sn_col(st, 4));
		u->type = (unsigned char)type_of_label(sn_col(st, 5));
		pc[2 * r->nu] = (char *)arena_dup(r, sn_col(st, 6));
		pc[2 * r->nu + 1] = (char *)arena_dup(r, sn_col(st, 7));
		period[2 * r->nu] = arena_dup(r, sn_col(st, 8));
		period[2 * r->nu + 1] = arena_dup(r, sn_col(st, 9));
		if (!u->name || !u->key || !u->akey || !pc[2 * r->nu] || !pc[2 * r->nu + 1] ||
		    !period[2 * r->nu] || !period[2 * r->nu + 1]) {
			free(pc);
			goto oom;
		}
		const char *vt = period[2 * r->nu + 1];
		int old_only = sqlite3_column_int(st, 10);
		u->past = *vt && strcmp(vt, date) <= 0;
		u->in_force = !u->past;
		if (u->in_force && old_only && conv && u->level != L_PROV) {
			/* Pre-reform units a conversion never named: old, with no known successor. */
			u->in_force = 0;
			u->past = 1;
			u->not_converted = u->level == L_COMM;
		}
		u->parent = u->prov = u->newprov = -1;
		char kb[16];
		if (htab_add(&r->bycode, arena_dup(r, code_key(kb, u->level, u->code)), r->nu) < 0) {
			free(pc);
			goto oom;
		}
		r->nu++;
	}
	sqlite3_finalize(st);
	st = NULL;
	if (s != SQLITE_DONE) {
		free(pc);
		goto fail;
	}
	if (r->nu == 0) {
		free(pc);
		sn_error(ctx, "the unit registry is empty: import the official conversion table first "
			 "('sapnhap units import')");
		rc = SN_DATA;
		goto fail;
	}
	/* Parents and provinces: the version of the parent code that held the unit's start. */
	for (int i = 0; i < r->nu; i++) {
		struct au *u = &r->u[i];
		const char *p = pc[2 * i], *pv = pc[2 * i + 1];
		const char *at = period[2 * i];
		if (*p)
			u->parent = version_at(r, period, strlen(p) == 3 ? L_DIST : L_PROV, p, at);
		if (u->level == L_PROV)
			u->prov = i;
		else if (*pv)
			u->prov = version_at(r, period, L_PROV, pv, at);
	}
	free(pc);

	/* Links up to the date, grouped by old unit, in date order. */
	st = sn_prepare(ctx, "SELECT l.old_level, l.old_code, l.new_level, l.new_code, l.share, e.effective FROM link l "
			     "JOIN event e ON e.id = l.event_id WHERE l.old_code IS NOT NULL AND e.effective <= ?1 "
			     "AND l.old_level IN ('province', 'district', 'commune') "
			     "ORDER BY l.old_level, l.old_code, e.effective, e.id, l.seq");
	if (!st)
		goto fail;
	sqlite3_bind_text(st, 1, date, -1, SQLITE_STATIC);
	while ((s = sn_step(ctx, st)) == SQLITE_ROW) {
		if (nl == capl) {
			capl = capl ? capl * 2 : 16384;
			struct link *l = realloc(links, (size_t)capl * sizeof *l);
			if (!l)
				goto oom;
			links = l;
		}
		struct link *l = &links[nl];
		l->lv = level_of(sn_col(st, 0));
		l->old_code = arena_dup(r, sn_col(st, 1));
		l->new_lv = level_of(sn_col(st, 2));
		l->new_code = arena_dup(r, sn_col(st, 3));
		enum sn_share sh = SN_SHARE_WHOLE;
		sn_share_parse(sn_col(st, 4), &sh);
		l->share = (unsigned char)sh;
		l->eff = arena_dup(r, sn_col(st, 5));
		if (!l->old_code || !l->new_code || !l->eff)
			goto oom;
		if (l->new_lv < 0)
			continue;
		char kb[16];
		uint32_t h;
		code_key(kb, l->lv, l->old_code);
		if (htab_first(&byold, kb, &h) < 0 && htab_add(&byold, arena_dup(r, kb), nl) < 0)
			goto oom;
		nl++;
	}
	sqlite3_finalize(st);
	st = NULL;
	if (s != SQLITE_DONE)
		goto fail;

	/* Successors on the date of every unit no longer in force. */
	w.l = links;
	w.nl = nl;
	w.byold = &byold;
	int capsucc = 0;
	for (int i = 0; i < r->nu; i++) {
		struct au *u = &r->u[i];
		if (!u->past || u->level == L_PROV)
			continue;
		w.n = 0;
		int wr = walk(r, &w, u->level, u->code, period[2 * i], SN_SHARE_WHOLE, 0);
		if (wr == -1)
			goto oom;
		if (keep_succ(r, u, &w, &capsucc) < 0)
			goto oom;
	}

	/* Children lists (a commune is listed under its district and its province). */
	for (int i = 0; i < r->nu; i++) {
		struct au *u = &r->u[i];
		if (u->level == L_PROV)
			continue;
		if (u->parent >= 0 && add_kid(&kv, &nk, &capk, u->parent, i, NULL) < 0)
			goto oom;
		if (u->prov >= 0 && u->prov != u->parent && add_kid(&kv, &nk, &capk, u->prov, i, NULL) < 0)
			goto oom;
	}
	qsort(kv, (size_t)nk, 2 * sizeof *kv, by_parent);
	if (!(r->kids = malloc(((size_t)nk + 1) * sizeof *r->kids)))
		goto oom;
	for (int k = 0; k < nk; k++) {
		int p = kv[2 * k];
		r->kids[k] = kv[2 * k + 1];
		if (k == 0 || kv[2 * k - 2] != p)
			r->u[p].kids = k;
		r->u[p].nkids++;
	}
	/* The province in force each old province went to (its communes' successors' province). */
	for (int i = 0; i < r->nu; i++) {
		struct au *p = &r->u[i];
		if (p->level != L_PROV)
			continue;
		if (p->in_force) {
			p->newprov = i;
			continue;
		}
		for (int k = 0; k < p->nkids && p->newprov < 0; k++) {
			struct au *c = &r->u[r->kids[p->kids + k]];
			if (c->level == L_COMM && c->nsucc > 0)
				p->newprov = r->u[r->succ[c->succ].unit].prov;
		}
	}
	/* A district no link names: the new communes its communes went to. */
	for (int i = 0; i < r->nu; i++) {
		struct au *d = &r->u[i];
		if (d->level != L_DIST || !d->past || d->nsucc > 0)
			continue;
		w.n = 0;
		for (int k = 0; k < d->nkids; k++) {
			const struct au *c = &r->u[r->kids[d->kids + k]];
			if (c->level != L_COMM)
				continue;
			for (int j = 0; j < c->nsucc; j++)
				if (walk_add(&w, r->succ[c->succ + j].unit, SN_SHARE_PART) < 0)
					goto oom;
		}
		if (w.n == 1)
			w.out[0].share = SN_SHARE_WHOLE;
		if (keep_succ(r, d, &w, &capsucc) < 0)
			goto oom;
	}
	/* Name indexes. */
	for (int i = 0; i < r->nu; i++) {
		if (htab_add(&r->bykey, r->u[i].key, i) < 0 || htab_add(&r->byascii, r->u[i].akey, i) < 0)
			goto oom;
	}
	for (size_t a = 0; a < sizeof prov_alias / sizeof prov_alias[0]; a++) {
		char kb[16];
		uint32_t h;
		for (int i = htab_first(&r->bycode, code_key(kb, L_PROV, prov_alias[a].code), &h); i >= 0;
		     i = htab_next(&r->bycode, i, kb, h))
			if (htab_add(&r->byascii, prov_alias[a].akey, r->bycode.e[i].unit) < 0)
				goto oom;
	}
	free(kv);
	free(links);
	free(period);
	free(w.out);
	htab_free(&byold);
	return r;
oom:
	sn_error(ctx, "out of memory");
fail:
	sqlite3_finalize(st);
	free(kv);
	free(links);
	free(period);
	free(w.out);
	htab_free(&byold);
	sn_areg_free(r);
	if (rcp)
		*rcp = rc;
	return NULL;
}

void sn_areg_free(sn_areg *r)
{
	if (!r)
		return;
	free(r->u);
	free(r->succ);
	free(r->kids);
	htab_free(&r->bykey);
	htab_free(&r->byascii);
	htab_free(&r->bycode);
	htab_free(&r->hamlets);
	free(r->rs);
	kcache_free(r->kc);
	for (int i = 0; i < r->nblocks; i++)
		free(r->blocks[i]);
	free(r->blocks);
	free(r);
}

/* --- hamlets ---------------------------------------------------------------------------------- */

struct hload {
	struct sn_ctx *ctx;
	sn_areg *r;
};

static int find_unit(sn_areg *r, int level, const char *code, int want_past)
{
	char kb[16];
	uint32_t h;
	int any = -1;
	for (int i = htab_first(&r->bycode, code_key(kb, level, code), &h); i >= 0; i = htab_next(&r->bycode, i, kb, h)) {
		int u = r->bycode.e[i].unit;
		if (want_past ? r->u[u].past : r->u[u].in_force)
			return u;
		any = u;
	}
	return want_past < 0 ? any : -1;
}

static int hamlet_add(sn_areg *r, int old_unit, const char *key, int new_unit)
{
	char buf[512];
	snprintf(buf, sizeof buf, "%d|%s", old_unit, key);
	const char *s = arena_dup(r, buf);
	return s ? htab_add(&r->hamlets, s, new_unit) : -1;
}

static int hamlet_row(void *arg, const struct sn_maprow *row)
{
	struct hload *hl = arg;
	char oldc[16], newc[16];
	if (sn_code_normalise(sn_maprow_get(row, 0), 5, oldc) < 0 || !*oldc ||
	    sn_code_normalise(sn_maprow_get(row, 2), 5, newc) < 0 || !*newc) {
		sn_error(hl->ctx, "%s: old_commune and new_commune must be 5-digit commune codes", row->pos);
		return SN_DATA;
	}
	int ou = find_unit(hl->r, L_COMM, oldc, 1), nu = find_unit(hl->r, L_COMM, newc, 0);
	if (ou < 0 || nu < 0)
		return 0;   /* not a unit of this registry on this date: it cannot apply */
	char *key = NULL, *akey = NULL;
	if (sn_name_keys(sn_maprow_get(row, 1), &key, &akey, NULL) < 0) {
		sn_error(hl->ctx, "%s: hamlet is not valid UTF-8", row->pos);
		return SN_DATA;
	}
	int rc = hamlet_add(hl->r, ou, key, nu) < 0 || hamlet_add(hl->r, ou, akey, nu) < 0 ? SN_IO : 0;
	free(key);
	free(akey);
	if (rc)
		sn_error(hl->ctx, "out of memory");
	return rc;
}

int sn_areg_hamlets(struct sn_ctx *ctx, sn_areg *r, const char *path)
{
	static const char *const cols[] = { "old_commune", "hamlet", "new_commune", NULL };
	struct hload hl = { ctx, r };
	return sn_mapping_read(ctx, path, NULL, "hamlets", cols, 3, hamlet_row, &hl);
}

/* --- statuses and reasons --------------------------------------------------------------------- */

const char *sn_addr_status_name(enum sn_addr_status s)
{
	switch (s) {
	case SN_ADDR_CONVERTED: return "converted";
	case SN_ADDR_AMBIGUOUS: return "ambiguous";
	case SN_ADDR_NOT_FOUND: return "not_found";
	case SN_ADDR_ALREADY_NEW: return "already_new";
	}
	return "?";
}

static const char *const reason_names[] = {
	"exact", "diacritics_restored", "abbreviation", "typo_corrected", "type_differs",
	"district_inferred", "province_inferred", "province_merged", "split_population", "split_hamlet",
	"split", "several_units", "not_converted", "district_only", "no_unit",
};

void sn_addr_reasons(unsigned bits, char *buf, size_t len)
{
	size_t o = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < sizeof reason_names / sizeof reason_names[0]; i++)
		if (bits & (1u << i)) {
			int n = snprintf(buf + o, len - o, "%s%s", o ? ";" : "", reason_names[i]);
			if (n < 0 || (size_t)n >= len - o)
				break;
			o += (size_t)n;
		}
}

void sn_addr_release(struct sn_addr *res)
{
	free(res->address_new);
	free(res->candidates);
	res->address_new = res->candidates = NULL;
}

/* --- cutting an address into parts ------------------------------------------------------------ */

enum { MAXSEG = 24, KEYMAX = 256 };

struct reading {
	sn_unit_type type;
	const char *key, *akey;   /* the name without its type word */
	unsigned char abbrev;     /* the type word was abbreviated */
};

struct seg {
	size_t b, e;              /* bytes of the part in the address */
	char key[KEYMAX], akey[KEYMAX];   /* from sn_name_keys */
	struct reading r[2];
	int nr;
	unsigned char ascii;      /* written without any diacritic */
	char k2[KEYMAX], a2[KEYMAX];
};

/* Type markers that start a new part inside a part ("Phường 1 Quận 3"), lowercase NFC. */
static const char *const markers[] = {
	"thành phố ", "thị xã ", "thị trấn ", "đặc khu ", "phường ", "quận ", "huyện ", "tỉnh ", "xã ",
	"tp.", "tx.", "tt.", "p.", "q.", "h.", "x.", "f.", "tphcm",
};

/* Whether the text at s starts with marker m, case-insensitively (m is lowercase). Returns the
 * bytes of s it covers, or 0. */
static size_t marker_at(const char *s, size_t avail, const char *m)
{
	size_t i = 0, j = 0, mlen = strlen(m);
	/* Most words start with another letter: decide on the first byte (ASCII, or the lead
	 * byte of đ/Đ). */
	unsigned char c0 = (unsigned char)s[0];
	if (c0 < 0x80 ? (c0 | 0x20) != (unsigned char)m[0] : c0 != (unsigned char)m[0])
		return 0;
	while (j < mlen) {
		utf8proc_int32_t c, d;
		if (i >= avail)
			return 0;
		utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(avail - i), &c);
		utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)m + j, (utf8proc_ssize_t)(mlen - j), &d);
		if (n <= 0 || k <= 0 || utf8proc_tolower(c) != d)
			return 0;
		i += (size_t)n;
		j += (size_t)k;
	}
	return i;
}

/* Separators: , ; | and a dash (ASCII or en/em dash). */
static size_t sep_at(const char *s, size_t i, size_t len)
{
	unsigned char c = (unsigned char)s[i];
	if (c == ',' || c == ';' || c == '|' || c == '-')
		return 1;
	if (c == 0xE2 && i + 2 < len + 0 && (unsigned char)s[i + 1] == 0x80 &&
	    ((unsigned char)s[i + 2] == 0x93 || (unsigned char)s[i + 2] == 0x94))
		return 3;
	return 0;
}

static int is_space_byte(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Splits s into parts: [b, e) ranges trimmed of spaces and dots at the ends (a dot closes an
 * abbreviation only at the start). */
static int cut(const char *s, size_t len, size_t *bs, size_t *es, int max)
{
	int n = 0;
	size_t i = 0, start = 0;
	while (i <= len) {
		size_t k = i < len ? sep_at(s, i, len) : 1;
		if (!k) {
			/* A type word inside a part starts a new part, if it follows a space. */
			if ((i == start || is_space_byte(s[i - 1])) && !is_space_byte(s[i])) {
				size_t m = 0;
				for (size_t t = 0; t < sizeof markers / sizeof markers[0] && !m; t++)
					m = marker_at(s + i, len - i, markers[t]);
				if (!m && (s[i] == 'p' || s[i] == 'P' || s[i] == 'q' || s[i] == 'Q' || s[i] == 'f' ||
					   s[i] == 'F') && i + 1 < len && s[i + 1] >= '0' && s[i + 1] <= '9')
					m = 2;  /* "P1 Q3" */
				if (m) {
					/* "thị xã" is one marker: skip past it so "xã" does not cut again. */
					size_t b = start, e = i;
					while (b < e && (is_space_byte(s[b]) || s[b] == '.'))
						b++;
					while (e > b && (is_space_byte(s[e - 1]) || s[e - 1] == '.'))
						e--;
					if (e > b && n < max) {
						bs[n] = b;
						es[n++] = e;
					}
					start = i;
					i += m;
					continue;
				}
			}
			i++;
			continue;
		}
		size_t b = start, e = i;
		while (b < e && (is_space_byte(s[b]) || s[b] == '.'))
			b++;
		while (e > b && is_space_byte(s[e - 1]))
			e--;
		/* A trailing dot is dropped unless it ends an abbreviation of one or two letters. */
		while (e > b && s[e - 1] == '.' && !(e - b <= 3))
			e--;
		if (e > b && n < max) {
			bs[n] = b;
			es[n++] = e;
		}
		i += k;
		start = i;
	}
	return n;
}

/* Our own reading of a part whose type word sn_name_keys did not take: written without
 * diacritics ("phuong", "xa", "thi tran"), abbreviated without a dot ("P 1", "TX Phuoc Long",
 * "TT"), or glued to a number ("P1", "P01", "F1", "Q10"). Fills r (key/akey into k2/a2) and
 * returns 1, or 0. */
static int prefix_reading(struct seg *sg)
{
	static const struct { const char *w; sn_unit_type t; int words, abbr; } pw[] = {
		{ "thanh pho", SN_TYPE_THANHPHO, 2, 0 }, { "thi xa", SN_TYPE_THIXA, 2, 0 },
		{ "thi tran", SN_TYPE_THITRAN, 2, 0 }, { "dac khu", SN_TYPE_DACKHU, 2, 0 },
		{ "phuong", SN_TYPE_PHUONG, 1, 0 }, { "quan", SN_TYPE_QUAN, 1, 0 },
		{ "huyen", SN_TYPE_HUYEN, 1, 0 }, { "tinh", SN_TYPE_TINH, 1, 0 }, { "xa", SN_TYPE_XA, 1, 0 },
		{ "tp", SN_TYPE_THANHPHO, 1, 1 }, { "tx", SN_TYPE_THIXA, 1, 1 }, { "tt", SN_TYPE_THITRAN, 1, 1 },
		{ "p", SN_TYPE_PHUONG, 1, 1 }, { "f", SN_TYPE_PHUONG, 1, 1 }, { "q", SN_TYPE_QUAN, 1, 1 },
		{ "h", SN_TYPE_HUYEN, 1, 1 }, { "x", SN_TYPE_XA, 1, 1 },
	};
	const char *a = sg->akey, *k = sg->key;
	struct reading *r = &sg->r[sg->nr];
	/* Glued: letters then digits, as one word. */
	size_t wl = strcspn(a, " ");
	size_t letters = 0;
	while (letters < wl && a[letters] >= 'a' && a[letters] <= 'z')
		letters++;
	if (letters > 0 && letters < wl && strspn(a + letters, "0123456789") == wl - letters) {
		static const struct { const char *w; sn_unit_type t; } gl[] = {
			{ "p", SN_TYPE_PHUONG }, { "f", SN_TYPE_PHUONG }, { "phuong", SN_TYPE_PHUONG },
			{ "q", SN_TYPE_QUAN }, { "quan", SN_TYPE_QUAN },
		};
		for (size_t g = 0; g < sizeof gl / sizeof gl[0]; g++)
			if (strlen(gl[g].w) == letters && !strncmp(a, gl[g].w, letters)) {
				const char *d = a + letters;
				while (*d == '0' && d[1] >= '0' && d[1] <= '9')
					d++;
				size_t dl = (size_t)(a + wl - d);
				const char *rest = a[wl] ? a + wl : "";
				const char *krest = k + strcspn(k, " ");
				snprintf(sg->a2, sizeof sg->a2, "%.*s%s", (int)dl, d, rest);
				snprintf(sg->k2, sizeof sg->k2, "%.*s%s", (int)dl, d, krest);
				r->type = gl[g].t;
				r->key = sg->k2;
				r->akey = sg->a2;
				r->abbrev = letters <= 2;
				return 1;
			}
		return 0;
	}
	for (size_t i = 0; i < sizeof pw / sizeof pw[0]; i++) {
		size_t n = strlen(pw[i].w);
		if (strncmp(a, pw[i].w, n) || a[n] != ' ')
			continue;
		/* The key has as many words: skip the same number. */
		const char *kk = k;
		for (int w = 0; w < pw[i].words; w++) {
			kk = strchr(kk, ' ');
			if (!kk)
				return 0;
			kk++;
		}
		snprintf(sg->a2, sizeof sg->a2, "%s", a + n + 1);
		snprintf(sg->k2, sizeof sg->k2, "%s", kk);
		r->type = pw[i].t;
		r->key = sg->k2;
		r->akey = sg->a2;
		r->abbrev = (unsigned char)pw[i].abbr;
		return 1;
	}
	return 0;
}

/* Whether the part was written with an abbreviated type word (its first letters: "P.", "TP."). */
static int abbreviated(const char *s, size_t b, size_t e)
{
	size_t i = b;
	while (i < e && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z')))
		i++;
	return i > b && i - b <= 2 && i < e && (s[i] == '.' || s[i] == ' ' || (s[i] >= '0' && s[i] <= '9'));
}

/* Keys of the parts recently seen: addresses repeat their province, district and commune
 * names, and the keys of a name cost a Unicode decomposition and two compositions. */
enum { KCACHE = 8192 };
struct kcache {
	char *raw[KCACHE];
	char *key[KCACHE], *akey[KCACHE];
	unsigned char type[KCACHE];
};

static int seg_keys(struct kcache *kc, const char *raw, struct seg *sg, sn_unit_type *t)
{
	uint32_t h = hash_str(raw) & (KCACHE - 1);
	if (kc && kc->raw[h] && !strcmp(kc->raw[h], raw)) {
		snprintf(sg->key, KEYMAX, "%s", kc->key[h]);
		snprintf(sg->akey, KEYMAX, "%s", kc->akey[h]);
		*t = (sn_unit_type)kc->type[h];
		return 0;
	}
	char *key, *akey;
	if (sn_name_keys(raw, &key, &akey, t) < 0)
		return -1;
	snprintf(sg->key, KEYMAX, "%s", key);
	snprintf(sg->akey, KEYMAX, "%s", akey);
	if (kc) {
		char *r2 = strdup(raw);
		if (r2) {
			free(kc->raw[h]);
			free(kc->key[h]);
			free(kc->akey[h]);
			kc->raw[h] = r2;
			kc->key[h] = key;
			kc->akey[h] = akey;
			kc->type[h] = (unsigned char)*t;
			return 0;
		}
	}
	free(key);
	free(akey);
	return 0;
}

static void kcache_free(struct kcache *kc)
{
	if (!kc)
		return;
	for (int i = 0; i < KCACHE; i++) {
		free(kc->raw[i]);
		free(kc->key[i]);
		free(kc->akey[i]);
	}
	free(kc);
}

static int prepare_seg(struct kcache *kc, const char *s, struct seg *sg)
{
	char buf[1024];
	size_t n = sg->e - sg->b;
	if (n >= sizeof buf)
		n = sizeof buf - 1;
	memcpy(buf, s + sg->b, n);
	buf[n] = '\0';
	sn_unit_type t;
	if (seg_keys(kc, buf, sg, &t) < 0)
		return -1;
	sg->ascii = 1;
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)buf[i] >= 0x80)
			sg->ascii = 0;
	sg->nr = 0;
	sg->r[0] = (struct reading){ t, sg->key, sg->akey, 0 };
	if (t != SN_TYPE_NONE)
		sg->r[0].abbrev = (unsigned char)abbreviated(s, sg->b, sg->e);
	sg->nr = 1;
	if (t == SN_TYPE_NONE && prefix_reading(sg))
		sg->nr = 2;
	return 0;
}

/* --- matching --------------------------------------------------------------------------------- */

struct cand {
	int u;
	int pen;
	unsigned why;
};

enum { MAXC = 64 };

struct cands {
	struct cand v[MAXC];
	int n;
	int over;
};

static void cands_add(struct cands *c, int u, int pen, unsigned why)
{
	for (int i = 0; i < c->n; i++)
		if (c->v[i].u == u) {
			if (pen < c->v[i].pen) {
				c->v[i].pen = pen;
				c->v[i].why = why;
			}
			return;
		}
	if (c->n < MAXC)
		c->v[c->n++] = (struct cand){ u, pen, why };
	else
		c->over = 1;
}

/* The province context of a hypothesis: the province units the text named. */
struct hyp {
	int np, prov[8];
	unsigned pwhy;
	int ppen;
	int nd, dist[MAXC];
	int dpen[MAXC];
	unsigned dwhy[MAXC];
};

/* Penalty for unit U lying in the named provinces: 0 directly, 1 through the merger, -1 not. */
static int in_provs(const sn_areg *r, const struct hyp *h, int u)
{
	int p = r->u[u].prov;
	if (p < 0)
		return -1;
	int best = -1;
	for (int i = 0; i < h->np; i++) {
		int q = h->prov[i];
		if (q == p)
			return 0;
		/* Through the merger only from a province in force: "Đồng Nai" (in force) holds the
		 * communes of Bình Phước, "Bình Phước" (gone) does not hold those of Đồng Nai. */
		if (r->u[q].in_force && r->u[q].newprov >= 0 && r->u[q].newprov == r->u[p].newprov)
			best = 1;
	}
	return best;
}

static int digits_only(const char *s)
{
	return *s && strspn(s, "0123456789") == strlen(s);
}

/* Optimal string alignment distance of a and b, or max+1 when above max. */
static int osa(const char *a, const char *b, int max)
{
	int la = (int)strlen(a), lb = (int)strlen(b);
	if (la - lb > max || lb - la > max)
		return max + 1;
	if (la > 62 || lb > 62)
		return max + 1;
	int d[64][64];
	for (int i = 0; i <= la; i++)
		d[i][0] = i;
	for (int j = 0; j <= lb; j++)
		d[0][j] = j;
	for (int i = 1; i <= la; i++) {
		int rowmin = 1 << 20;
		for (int j = 1; j <= lb; j++) {
			int cost = a[i - 1] != b[j - 1];
			int v = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < v)
				v = d[i][j - 1] + 1;
			if (d[i - 1][j - 1] + cost < v)
				v = d[i - 1][j - 1] + cost;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < v)
				v = d[i - 2][j - 2] + 1;
			d[i][j] = v;
			if (v < rowmin)
				rowmin = v;
		}
		if (rowmin > max)
			return max + 1;
	}
	return d[la][lb];
}

enum {
	PEN_ASCII = 0,         /* written without diacritics: no evidence against */
	PEN_OTHER_TONES = 6,   /* written with other diacritics */
	PEN_TYPE = 2,          /* another type word of the same level */
	PEN_DISTRICT_TYPE = 1, /* a district's older type ("TX Đồng Xoài": a city since 2018) */
	PEN_UNIT_IN_STREET = 2,/* the part before the commune is itself a unit's name there */
	AMBIGUOUS_MARGIN = 1,  /* another answer this close makes the address ambiguous */
	PEN_TYPO = 3,          /* per letter */
	PEN_MERGED = 2,        /* the province on the other side of the merger */
	PEN_NO_DISTRICT = 1,
	PEN_NO_PROVINCE = 2,
	PEN_NEW_WITH_OLD_PROVINCE = 3,
	PEN_TYPED_STREET = 3   /* the part before the commune has a unit type word */
};

/* Whether unit u may be a reading of LEVEL under hypothesis h (want: 0 old, 1 in force, -1 both);
 * returns the context penalty (>= 0) or -1. */
static int fits(const sn_areg *r, const struct hyp *h, int level, int u, int want, unsigned *why, int *dsel)
{
	const struct au *x = &r->u[u];
	*why = 0;
	*dsel = -1;
	if (x->level != level)
		return -1;
	if (want >= 0 && (want == 1) != (x->in_force != 0))
		return -1;
	if (level == L_PROV)
		return 0;
	if (level == L_COMM && h->nd > 0) {
		if (x->in_force)
			return -1;   /* no district in the new form */
		for (int i = 0; i < h->nd; i++)
			if (x->parent == h->dist[i]) {
				*dsel = i;
				*why = h->dwhy[i];
				return h->dpen[i];
			}
		return -1;
	}
	if (h->np > 0) {
		int p = in_provs(r, h, u);
		if (p < 0)
			return -1;
		if (p > 0)
			*why |= SN_AR_PROVINCE_MERGED;
		return p > 0 ? PEN_MERGED : 0;
	}
	return 0;
}

/* A unit written with another type than it has ("Xã X" for Phường X) still fits, at a penalty. */
static int type_penalty(const sn_areg *r, const struct reading *rd, int level, int u, unsigned *why)
{
	if (rd->type == SN_TYPE_NONE || r->u[u].type == SN_TYPE_NONE || rd->type == r->u[u].type)
		return 0;
	*why |= SN_AR_TYPE_DIFFERS;
	return level == L_DIST ? PEN_DISTRICT_TYPE : PEN_TYPE;
}

/* Candidates of LEVEL for segments [i, j] (joined) under hypothesis h. typos: also look for
 * names one or two letters off, within the context. */
static void lookup(const sn_areg *r, const char *addr, struct seg *sg, int i, int j, int level,
		   const struct hyp *h, int typos, struct cands *out)
{
	(void)addr;
	out->n = 0;
	out->over = 0;
	for (int ri = 0; ri < sg[i].nr; ri++) {
		const struct reading *rd = &sg[i].r[ri];
		if (!type_fits(rd->type, level))
			continue;
		char kbuf[KEYMAX * 2], abuf[KEYMAX * 2];
		const char *key = rd->key, *akey = rd->akey;
		int ok = 1, ascii = sg[i].ascii;
		if (j > i) {
			/* A name over several parts ("Văn Miếu - Quốc Tử Giám"): the keys joined. */
			size_t kl = strlen(key), al = strlen(akey);
			if (kl >= KEYMAX || al >= KEYMAX)
				continue;
			memcpy(kbuf, key, kl + 1);
			memcpy(abuf, akey, al + 1);
			for (int k = i + 1; k <= j && ok; k++) {
				size_t k2 = strlen(sg[k].key), a2 = strlen(sg[k].akey);
				if (sg[k].r[0].type != SN_TYPE_NONE || kl + k2 + 2 >= sizeof kbuf || al + a2 + 2 >= sizeof abuf) {
					ok = 0;
					break;
				}
				kbuf[kl++] = ' ';
				memcpy(kbuf + kl, sg[k].key, k2 + 1);
				kl += k2;
				abuf[al++] = ' ';
				memcpy(abuf + al, sg[k].akey, a2 + 1);
				al += a2;
				ascii = ascii && sg[k].ascii;
			}
			key = kbuf;
			akey = abuf;
		}
		if (!ok || !*akey)
			continue;
		/* A bare number is a house number, not "Phường 1". */
		if (rd->type == SN_TYPE_NONE && digits_only(akey))
			continue;
		unsigned base = rd->abbrev ? SN_AR_ABBREVIATION : 0;
		int found = 0;
		uint32_t hh;
		/* Written without diacritics, the key says nothing more than the ASCII key: "Thanh An"
		 * is no closer to "thanh an" than "Thạnh An" is. */
		for (int e = ascii ? -1 : htab_first(&r->bykey, key, &hh); e >= 0; e = htab_next(&r->bykey, e, key, hh)) {
			int u = r->bykey.e[e].unit;
			unsigned why;
			int ds, p = fits(r, h, level, u, -1, &why, &ds);
			if (p < 0)
				continue;
			p += type_penalty(r, rd, level, u, &why);
			cands_add(out, u, p, why | base | SN_AR_EXACT);
			found = 1;
		}
		if (found)
			continue;
		for (int e = htab_first(&r->byascii, akey, &hh); e >= 0; e = htab_next(&r->byascii, e, akey, hh)) {
			int u = r->byascii.e[e].unit;
			unsigned why;
			int ds, p = fits(r, h, level, u, -1, &why, &ds);
			if (p < 0)
				continue;
			p += type_penalty(r, rd, level, u, &why);
			/* A province's short form is an abbreviation, not a restored diacritic. */
			int alias = level == L_PROV && strcmp(akey, r->u[u].akey) != 0;
			if (alias)
				cands_add(out, u, p, why | SN_AR_ABBREVIATION | SN_AR_EXACT);
			else if (ascii && !strcmp(r->u[u].key, r->u[u].akey))
				cands_add(out, u, p, why | base | SN_AR_EXACT);   /* a name without diacritics */
			else
				cands_add(out, u, p + (ascii ? PEN_ASCII : PEN_OTHER_TONES), why | base | SN_AR_DIACRITICS);
		}
	}
	if (out->n > 0 || !typos)
		return;
	/* Typos: the units of the context one or two letters away (ASCII keys). */
	for (int ri = 0; ri < sg[i].nr; ri++) {
		const struct reading *rd = &sg[i].r[ri];
		if (!type_fits(rd->type, level) || i != j)
			continue;
		const char *akey = rd->akey;
		size_t len = 0;
		for (const char *p = akey; *p; p++)
			len += *p != ' ';
		if (digits_only(akey) || strpbrk(akey, "0123456789"))
			continue;
		int max = len >= 7 ? 2 : len >= 4 ? 1 : 0;
		if (!max)
			continue;
		/* The context: the districts, else the provinces (both sides of a merger), else for
		 * provinces and districts every unit of the level. */
		int scope[16], ns = 0;
		if (level == L_COMM && h->nd > 0) {
			for (int k = 0; k < h->nd && ns < 16; k++)
				scope[ns++] = h->dist[k];
		} else if (level != L_PROV && h->np > 0) {
			for (int k = 0; k < h->np && ns < 14; k++) {
				int q = h->prov[k], nq = r->u[q].newprov;
				scope[ns++] = q;
				/* the other side of the merger */
				for (int z = 0; z < r->nu && nq >= 0 && ns < 16; z++)
					if (r->u[z].level == L_PROV && z != q && r->u[z].newprov == nq)
						scope[ns++] = z;
			}
		} else if (level == L_COMM) {
			continue;
		}
		/* Every unit of the context within max letters: exactly one at the smallest distance
		 * is a correction; several are all candidates. */
		struct hit { int u, d, p; unsigned why; } hit[MAXC];
		int nh = 0;
		int total = ns ? ns : 1;
		for (int s = 0; s < total; s++) {
			int from = 0, cnt = r->nu;
			const int *list = NULL;
			if (ns) {
				from = r->u[scope[s]].kids;
				cnt = r->u[scope[s]].nkids;
				list = r->kids;
			}
			for (int k = 0; k < cnt; k++) {
				int u = list ? list[from + k] : k;
				if (r->u[u].level != level)
					continue;
				int d = osa(akey, r->u[u].akey, max);
				if (d > max)
					continue;
				unsigned why;
				int ds, p = fits(r, h, level, u, -1, &why, &ds);
				if (p < 0)
					continue;
				int dup = 0;
				for (int z = 0; z < nh; z++)
					dup |= hit[z].u == u;
				if (!dup && nh < MAXC)
					hit[nh++] = (struct hit){ u, d, p, why };
			}
		}
		int best = max + 1;
		for (int z = 0; z < nh; z++)
			if (hit[z].d < best)
				best = hit[z].d;
		for (int z = 0; z < nh; z++)
			if (hit[z].d == best)
				cands_add(out, hit[z].u, hit[z].p + PEN_TYPO * best, hit[z].why | SN_AR_TYPO);
	}
}

/* One reading of the whole address: a commune (old or in force) and where the street ends. */
struct rdg {
	int u;            /* commune, or district for a district-only reading */
	int pen;
	unsigned why;
	int cseg;         /* first segment of the commune (the street is before it) */
	int dist, prov;   /* the district and province units the text named, or -1 */
};

enum { MAXR = 256 };

struct rdgs {
	struct rdg v[MAXR];
	int n;
};

static void rdg_add(struct rdgs *rs, struct rdg g)
{
	for (int i = 0; i < rs->n; i++)
		if (rs->v[i].u == g.u) {
			if (g.pen < rs->v[i].pen)
				rs->v[i] = g;
			return;
		}
	if (rs->n < MAXR)
		rs->v[rs->n++] = g;
}

static int is_country(const struct seg *sg)
{
	return !strcmp(sg->akey, "viet nam") || !strcmp(sg->akey, "vietnam") || !strcmp(sg->akey, "vn");
}

/* All readings of the address, under every arrangement of the parts on the right. */
static void readings(const sn_areg *r, const char *addr, struct seg *sg, int n, int typos, struct rdgs *rs)
{
	struct cands pc, dc, cc;
	while (n > 0 && is_country(&sg[n - 1]))
		n--;
	/* Province: the last 1-3 parts, or none; a name that takes several parts ("Bà Rịa - Vũng
	 * Tàu") is not read as a province and something else. */
	int minplen = 0;
	for (int plen = 3; plen >= 2 && !minplen; plen--)
		if (plen <= n) {
			struct hyp h0 = { 0 };
			lookup(r, addr, sg, n - plen, n - 1, L_PROV, &h0, 0, &pc);
			if (pc.n > 0)
				minplen = plen;
		}
	for (int plen = minplen; plen <= 3 && plen < n; plen++) {
		struct hyp h = { 0 };
		int pend = n;
		if (plen > 0) {
			lookup(r, addr, sg, n - plen, n - 1, L_PROV, &h, typos, &pc);
			if (pc.n == 0)
				continue;
			int minp = 1 << 20;
			for (int k = 0; k < pc.n; k++)
				if (pc.v[k].pen < minp)
					minp = pc.v[k].pen;
			for (int k = 0; k < pc.n && h.np < 8; k++)
				if (pc.v[k].pen == minp) {
					h.prov[h.np++] = pc.v[k].u;
					h.pwhy |= pc.v[k].why;
				}
			h.ppen = minp;
			pend = n - plen;
		} else {
			h.ppen = PEN_NO_PROVINCE;
			h.pwhy = SN_AR_PROVINCE_INFERRED;
		}
		/* District: 0-3 parts before it. */
		for (int dlen = 0; dlen <= 3 && dlen <= pend; dlen++) {
			if (dlen == pend && dlen == 0)
				break;
			int cend = pend - dlen;
			h.nd = 0;
			int dpen_base = 0;
			unsigned dwhy_base = 0;
			if (dlen > 0) {
				lookup(r, addr, sg, cend, pend - 1, L_DIST, &h, typos, &dc);
				if (dc.n == 0)
					continue;
				for (int k = 0; k < dc.n && h.nd < MAXC; k++) {
					h.dist[h.nd] = dc.v[k].u;
					h.dpen[h.nd] = dc.v[k].pen;
					h.dwhy[h.nd] = dc.v[k].why;
					h.nd++;
				}
			} else {
				dpen_base = PEN_NO_DISTRICT;
				dwhy_base = SN_AR_DISTRICT_INFERRED;
			}
			/* Commune: 1-3 parts before that; or none (a district that is one commune now). */
			for (int clen = 1; clen <= 3 && clen <= cend; clen++) {
				lookup(r, addr, sg, cend - clen, cend - 1, L_COMM, &h, typos, &cc);
				for (int k = 0; k < cc.n; k++) {
					const struct au *x = &r->u[cc.v[k].u];
					struct rdg g = { cc.v[k].u, h.ppen + cc.v[k].pen, h.pwhy | cc.v[k].why, cend - clen, -1, -1 };
					if (dlen == 0 && !x->in_force) {
						g.pen += dpen_base;
						g.why |= dwhy_base;
					}
					if (x->in_force && h.np > 0) {
						/* The new commune with the name of a province before the merger. */
						int direct = 0;
						for (int q = 0; q < h.np; q++)
							direct |= r->u[h.prov[q]].in_force;
						if (!direct)
							g.pen += PEN_NEW_WITH_OLD_PROVINCE;
					}
					if (dlen > 0)
						g.dist = x->parent;
					g.prov = x->prov;
					rdg_add(rs, g);
				}
			}
			if (dlen > 0) {
				/* A district and no commune: its whole area if it became one commune, else
				 * every new commune of its communes. */
				for (int k = 0; k < h.nd; k++) {
					const struct au *d = &r->u[h.dist[k]];
					if (d->nsucc == 1 || d->nkids > 0) {
						struct rdg g = { h.dist[k], h.ppen + h.dpen[k] + 1, h.pwhy | h.dwhy[k] | SN_AR_DISTRICT_ONLY, cend, h.dist[k], d->prov };
						rdg_add(rs, g);
					}
				}
			}
		}
	}
}

/* The new communes a reading leads to. */
struct outcome {
	int codes[MAXC];
	int n;
	unsigned why;
	int newform;
};

static int hamlet_lookup(const sn_areg *r, int old_unit, const char *key)
{
	char buf[600];
	uint32_t h;
	snprintf(buf, sizeof buf, "%d|%s", old_unit, key);
	int e = htab_first(&r->hamlets, buf, &h);
	return e >= 0 ? r->hamlets.e[e].unit : -1;
}

static const char *const hamlet_words[] = {
	"thon", "ap", "to", "khu", "xom", "ban", "buon", "lang", "khom", "doi", "khu pho", "to dan pho",
	"plei", "bon", "cum", "so",
};

/* The part of a split commune named by a hamlet in the street parts; -1 if none. */
static int by_hamlet(const sn_areg *r, int old_unit, struct seg *sg, int nstreet)
{
	if (!r->hamlets.n)
		return -1;
	for (int i = nstreet - 1; i >= 0; i--) {
		for (int pass = 0; pass < 2; pass++) {
			const char *k = pass ? sg[i].akey : sg[i].key;
			int nu = hamlet_lookup(r, old_unit, k);
			if (nu >= 0)
				return nu;
			/* From each hamlet word inside the part: "Số 5 thôn Bình An". */
			const char *a = sg[i].akey, *kk = k;
			while ((a = strchr(a, ' ')) && (kk = strchr(kk, ' '))) {
				a++;
				kk++;
				for (size_t w = 0; w < sizeof hamlet_words / sizeof hamlet_words[0]; w++) {
					size_t l = strlen(hamlet_words[w]);
					if (!strncmp(a, hamlet_words[w], l) && (a[l] == ' ' || !a[l])) {
						if ((nu = hamlet_lookup(r, old_unit, kk)) >= 0)
							return nu;
						break;
					}
				}
			}
		}
	}
	return -1;
}

static void outcome_of(const sn_areg *r, const struct rdg *g, struct seg *sg, struct outcome *o)
{
	const struct au *x = &r->u[g->u];
	o->n = 0;
	o->why = 0;
	o->newform = 0;
	if (x->in_force) {
		o->codes[o->n++] = g->u;
		o->newform = 1;
		return;
	}
	if (x->level == L_DIST) {
		/* A district read as a whole: its one successor, or the one new commune all its
		 * communes went to. */
		int one = -1, many = 0;
		for (int k = 0; k < x->nsucc; k++) {
			int s = r->succ[x->succ + k].unit;
			if (one < 0)
				one = s;
			else if (one != s)
				many = 1;
		}
		for (int k = 0; k < x->nkids && !many; k++) {
			const struct au *c = &r->u[r->kids[x->kids + k]];
			if (c->level != L_COMM)
				continue;
			for (int j = 0; j < c->nsucc; j++) {
				int s = r->succ[c->succ + j].unit;
				if (one < 0)
					one = s;
				else if (one != s)
					many = 1;
			}
		}
		if (one >= 0 && !many) {
			o->codes[o->n++] = one;
			return;
		}
		/* No commune written: every new commune of the district's communes. */
		for (int k = 0; k < x->nsucc && o->n < MAXC; k++)
			o->codes[o->n++] = r->succ[x->succ + k].unit;
		return;
	}
	if (x->nsucc == 0) {
		o->why |= SN_AR_NOT_CONVERTED;
		return;
	}
	if (x->nsucc == 1) {
		o->codes[o->n++] = r->succ[x->succ].unit;
		return;
	}
	for (int k = 0; k < x->nsucc; k++)
		if (r->succ[x->succ + k].share == SN_SHARE_PART_POPULATION) {
			o->codes[o->n++] = r->succ[x->succ + k].unit;
			o->why |= SN_AR_SPLIT_POPULATION;
			return;
		}
	int hu = by_hamlet(r, g->u, sg, g->cseg);
	if (hu >= 0) {
		o->codes[o->n++] = hu;
		o->why |= SN_AR_SPLIT_HAMLET;
		return;
	}
	for (int k = 0; k < x->nsucc && o->n < MAXC; k++)
		o->codes[o->n++] = r->succ[x->succ + k].unit;
	o->why |= SN_AR_SPLIT;
}

/* Adds the units of O to CODES (*N of them, at most MAXC) that are not there yet. */
static void add_codes(int *codes, int *n, const struct outcome *o)
{
	for (int k = 0; k < o->n; k++) {
		int dup = 0;
		for (int j = 0; j < *n; j++)
			dup |= codes[j] == o->codes[k];
		if (!dup && *n < MAXC)
			codes[(*n)++] = o->codes[k];
	}
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* A step function as bands: the value of the first band whose bound is at least X (the last is
 * INT_MAX). */
struct band {
	int upto;
	double value;
};

static double band_value(const struct band *s, int x)
{
	while (x > s->upto)
		s++;
	return s->value;
}

/* Confidence from the penalty of the answer and how close a different answer came. */
static double confidence(int pen, int margin, unsigned why)
{
	static const struct band by_penalty[] = {
		{ 0, 0.995 }, { 1, 0.985 }, { 2, 0.975 }, { 3, 0.96 }, { 5, 0.9 }, { 8, 0.85 }, { 12, 0.7 },
		{ INT_MAX, 0.5 },
	};
	static const struct band by_margin[] = { { 1, 0.6 }, { 3, 0.85 }, { 6, 0.95 }, { INT_MAX, 1 } };
	double c = band_value(by_penalty, pen) * band_value(by_margin, margin);
	if (why & SN_AR_TYPO)
		c = c < 0.9 ? c : 0.9;
	if (why & SN_AR_SPLIT_HAMLET)
		c *= 0.99;
	return c;
}

/* Whether the part just before a reading's commune is itself the name of a commune or
 * district of that commune's province: then the reading most likely took the district (or a
 * hamlet-less neighbour) for the commune and left the real commune in the street. */
static int unit_in_street(const sn_areg *r, const char *addr, struct seg *sg, const struct rdg *g)
{
	if (g->cseg <= 0)
		return 0;
	if (sg[g->cseg - 1].r[0].type != SN_TYPE_NONE)
		return PEN_TYPED_STREET;
	const struct au *x = &r->u[g->u];
	if (x->prov < 0)
		return 0;
	/* In the reading's province; anywhere when the address names none. */
	struct hyp h = { 0 };
	if (!(g->why & SN_AR_PROVINCE_INFERRED)) {
		h.np = 1;
		h.prov[0] = x->prov;
	}
	struct cands c;
	for (int level = L_COMM; level >= L_DIST; level--) {
		lookup(r, addr, sg, g->cseg - 1, g->cseg - 1, level, &h, 0, &c);
		for (int k = 0; k < c.n; k++)
			if (c.v[k].u != g->u)
				return PEN_UNIT_IN_STREET;
	}
	return 0;
}

int sn_address_match(sn_areg *r, const char *addr, struct sn_addr *res)
{
	struct seg sg[MAXSEG];
	size_t bs[MAXSEG], es[MAXSEG];
	memset(res, 0, sizeof *res);
	res->commune_name = res->province_name = "";
	res->status = SN_ADDR_NOT_FOUND;
	size_t len = strlen(addr);
	int n = cut(addr, len, bs, es, MAXSEG), rc = 0;
	if (!r->kc)
		r->kc = calloc(1, sizeof *r->kc);
	int nseg = 0;
	for (int i = 0; i < n; i++) {
		memset(&sg[nseg], 0, sizeof sg[nseg]);
		sg[nseg].b = bs[i];
		sg[nseg].e = es[i];
		if (prepare_seg(r->kc, addr, &sg[nseg]) < 0) {
			/* not valid UTF-8: nothing matches */
			for (int k = 0; k < nseg; k++) {
			}
			res->reasons = SN_AR_NO_UNIT;
			res->address_new = strdup("");
			res->candidates = strdup("");
			return res->address_new && res->candidates ? 0 : -1;
		}
		if (!*sg[nseg].akey) {
			continue;
		}
		nseg++;
	}
	struct rdgs *rsp = r->rs;
	if (!rsp && !(rsp = r->rs = malloc(sizeof *r->rs)))
		goto oom;
#define rs (*rsp)
	rs.n = 0;
	readings(r, addr, sg, nseg, 0, &rs);
	int weak = 1;
	for (int i = 0; i < rs.n; i++)
		if (!(rs.v[i].why & SN_AR_DISTRICT_ONLY) && rs.v[i].pen + unit_in_street(r, addr, sg, &rs.v[i]) < 2)
			weak = 0;
	if (weak)
		readings(r, addr, sg, nseg, 1, &rs);

	for (int i = 0; i < rs.n; i++)
		rs.v[i].pen += unit_in_street(r, addr, sg, &rs.v[i]);
	/* A district without its commune is only what is left when no commune was recognised. */
	int communes = 0;
	for (int i = 0; i < rs.n; i++)
		communes |= !(rs.v[i].why & SN_AR_DISTRICT_ONLY);
	if (communes) {
		int k = 0;
		for (int i = 0; i < rs.n; i++)
			if (!(rs.v[i].why & SN_AR_DISTRICT_ONLY))
				rs.v[k++] = rs.v[i];
		rs.n = k;
	}
	/* The best readings decide. */
	int best = 1 << 20;
	for (int i = 0; i < rs.n; i++)
		if (rs.v[i].pen < best)
			best = rs.v[i].pen;
	struct outcome o;
	int codes[MAXC], ncodes = 0, oldform = 0, chosen = -1, nbest = 0;
	unsigned why = 0;
	for (int i = 0; i < rs.n; i++) {
		if (rs.v[i].pen != best)
			continue;
		outcome_of(r, &rs.v[i], sg, &o);
		nbest++;
		why |= rs.v[i].why | o.why;
		if (!o.newform)
			oldform = 1;
		if (chosen < 0 || (!o.newform && r->u[rs.v[chosen].u].in_force))
			chosen = i;
		add_codes(codes, &ncodes, &o);
	}
	/* How close a reading with another answer came. */
	int margin = 1 << 20;
	if (ncodes == 1)
		for (int i = 0; i < rs.n; i++) {
			if (rs.v[i].pen == best)
				continue;
			outcome_of(r, &rs.v[i], sg, &o);
			int same = o.n == 1 && o.codes[0] == codes[0];
			if (!same && rs.v[i].pen - best < margin)
				margin = rs.v[i].pen - best;
		}

	char *cand = NULL;
	size_t street_end = 0;
	if (chosen >= 0) {
		const struct rdg *g = &rs.v[chosen];
		const struct au *x = &r->u[g->u];
		if (!x->in_force) {
			if (x->level == L_COMM) {
				snprintf(res->old_commune_code, sizeof res->old_commune_code, "%s", x->code);
				if (x->parent >= 0 && r->u[x->parent].level == L_DIST)
					snprintf(res->old_district_code, sizeof res->old_district_code, "%s", r->u[x->parent].code);
			} else {
				snprintf(res->old_district_code, sizeof res->old_district_code, "%s", x->code);
			}
			if (x->prov >= 0)
				snprintf(res->old_province_code, sizeof res->old_province_code, "%s", r->u[x->prov].code);
		}
		if (g->cseg > 0)
			street_end = sg[g->cseg - 1].e;
	}
	if (ncodes == 1 && margin <= AMBIGUOUS_MARGIN) {
		/* Another answer nearly as good: both are candidates, never a silent pick. */
		for (int i = 0; i < rs.n; i++) {
			if (rs.v[i].pen > best + AMBIGUOUS_MARGIN || rs.v[i].pen == best)
				continue;
			outcome_of(r, &rs.v[i], sg, &o);
			why |= rs.v[i].why | o.why;
			add_codes(codes, &ncodes, &o);
		}
		why |= SN_AR_SEVERAL_UNITS;
	}
	if (ncodes == 1) {
		const struct au *c = &r->u[codes[0]];
		res->status = oldform ? SN_ADDR_CONVERTED : SN_ADDR_ALREADY_NEW;
		snprintf(res->commune_code, sizeof res->commune_code, "%s", c->code);
		res->commune_name = c->name;
		if (c->prov >= 0) {
			snprintf(res->province_code, sizeof res->province_code, "%s", r->u[c->prov].code);
			res->province_name = r->u[c->prov].name;
		}
		res->confidence = confidence(best, margin, why);
		size_t need = street_end + strlen(c->name) + strlen(res->province_name) + 8;
		res->address_new = malloc(need);
		if (res->address_new) {
			/* The street part as written, then the new commune and province. */
			size_t se = street_end;
			while (se > 0 && (is_space_byte(addr[se - 1]) || addr[se - 1] == ',' || addr[se - 1] == '-' || addr[se - 1] == ';'))
				se--;
			snprintf(res->address_new, need, "%.*s%s%s%s%s", (int)se, addr, se ? ", " : "", c->name,
				 *res->province_name ? ", " : "", res->province_name);
		}
		cand = strdup(c->code);
	} else if (ncodes > 1) {
		res->status = SN_ADDR_AMBIGUOUS;
		res->confidence = 0;
		const char *cs[MAXC];
		for (int k = 0; k < ncodes; k++)
			cs[k] = r->u[codes[k]].code;
		qsort(cs, (size_t)ncodes, sizeof *cs, cmp_str);
		cand = malloc((size_t)ncodes * 7 + 1);
		if (cand) {
			size_t o2 = 0;
			cand[0] = '\0';
			for (int k = 0; k < ncodes; k++)
				if (k == 0 || strcmp(cs[k], cs[k - 1]))
					o2 += (size_t)snprintf(cand + o2, (size_t)ncodes * 7 + 1 - o2, "%s%s", o2 ? ";" : "", cs[k]);
		}
		/* One province for all of them: say so. */
		int p = r->u[codes[0]].prov;
		for (int k = 1; k < ncodes; k++)
			if (r->u[codes[k]].prov != p)
				p = -1;
		if (p >= 0) {
			snprintf(res->province_code, sizeof res->province_code, "%s", r->u[p].code);
			res->province_name = r->u[p].name;
		}
		res->address_new = strdup("");
		if (nbest > 1)
			why |= SN_AR_SEVERAL_UNITS;
	} else {
		res->status = SN_ADDR_NOT_FOUND;
		res->address_new = strdup("");
		cand = strdup("");
		if (!rs.n)
			why = SN_AR_NO_UNIT;
	}
	if (res->status == SN_ADDR_AMBIGUOUS || res->status == SN_ADDR_NOT_FOUND)
		why &= ~(unsigned)SN_AR_EXACT;
	/* "exact" only when nothing weaker was needed. */
	if (why & (SN_AR_DIACRITICS | SN_AR_TYPO | SN_AR_TYPE_DIFFERS))
		why &= ~(unsigned)SN_AR_EXACT;
	res->reasons = why;
	res->candidates = cand;
	for (int k = 0; k < nseg; k++) {
	}
	if (!res->address_new || !res->candidates)
		rc = -1;
	return rc;
#undef rs
oom:
	for (int k = 0; k < nseg; k++) {
	}
	return -1;
}

/* --- lookups for 'units map --file' ----------------------------------------------------------- */

int sn_areg_code(sn_areg *r, const char *level, const char *code)
{
	int lv = level_of(level);
	if (lv < 0)
		return -1;
	int u = find_unit(r, lv, code, 1);
	return u >= 0 ? u : find_unit(r, lv, code, 0);
}

/* Reads a district or province given by code or name into the hypothesis. */
static int context_units(sn_areg *r, const char *text, int level, struct hyp *h, int *out, int max)
{
	int n = 0;
	if (digits_only(text)) {
		char kb[16];
		uint32_t hh;
		for (int i = htab_first(&r->bycode, code_key(kb, level, text), &hh); i >= 0 && n < max;
		     i = htab_next(&r->bycode, i, kb, hh))
			out[n++] = r->bycode.e[i].unit;
		return n;
	}
	struct seg sg[1];
	memset(sg, 0, sizeof sg);
	sg[0].b = 0;
	sg[0].e = strlen(text);
	if (prepare_seg(NULL, text, &sg[0]) < 0)
		return -1;
	struct cands c;
	lookup(r, text, sg, 0, 0, level, h, 0, &c);
	for (int k = 0; k < c.n && n < max; k++)
		out[n++] = c.v[k].u;
	return n;
}

int sn_areg_find(sn_areg *r, const char *name, const char *district, const char *province, int *out, int max)
{
	struct hyp h = { 0 };
	if (province && *province) {
		int n = context_units(r, province, L_PROV, &h, h.prov, 8);
		if (n <= 0)
			return n;
		h.np = n;
	}
	if (district && *district) {
		int n = context_units(r, district, L_DIST, &h, h.dist, MAXC);
		if (n <= 0)
			return n;
		/* a district of the province given */
		int k = 0;
		for (int i = 0; i < n; i++)
			if (!h.np || in_provs(r, &h, h.dist[i]) >= 0)
				h.dist[k++] = h.dist[i];
		h.nd = k;
		if (!k)
			return 0;
	}
	struct seg sg[1];
	memset(sg, 0, sizeof sg);
	sg[0].e = strlen(name);
	if (prepare_seg(NULL, name, &sg[0]) < 0)
		return -1;
	struct cands all = { .n = 0 }, c;
	for (int level = L_COMM; level >= L_DIST; level--) {
		struct hyp hl = h;
		if (level == L_DIST)
			hl.nd = 0;
		lookup(r, name, sg, 0, 0, level, &hl, 0, &c);
		for (int k = 0; k < c.n; k++)
			cands_add(&all, c.v[k].u, c.v[k].pen, c.v[k].why);
	}
	/* Exact names before names without diacritics, the type written before another type; old
	 * units before units in force. */
	int n = 0, minrank = 1 << 20, anyold = 0;
	for (int k = 0; k < all.n; k++) {
		int rank = (all.v[k].why & SN_AR_DIACRITICS ? 2 : 0) + (all.v[k].why & SN_AR_TYPE_DIFFERS ? 1 : 0);
		all.v[k].pen = rank;
		if (rank < minrank)
			minrank = rank;
	}
	for (int k = 0; k < all.n; k++)
		if (all.v[k].pen == minrank && !r->u[all.v[k].u].in_force)
			anyold = 1;
	for (int k = 0; k < all.n; k++) {
		int u = all.v[k].u;
		if (all.v[k].pen != minrank || (anyold && r->u[u].in_force))
			continue;
		if (n < max)
			out[n] = u;
		n++;
	}
	return n;
}

void sn_areg_unit(sn_areg *r, int u, struct sn_aunit *o)
{
	const struct au *x = &r->u[u];
	static const char *const tl[] = { "", "tỉnh", "thành phố", "quận", "huyện", "thị xã", "xã", "phường", "thị trấn", "đặc khu" };
	o->level = level_names[x->level];
	o->code = x->code;
	o->name = x->name;
	o->type = x->type < sizeof tl / sizeof tl[0] ? tl[x->type] : "";
	o->district_name = x->parent >= 0 && r->u[x->parent].level == L_DIST ? r->u[x->parent].name : "";
	o->province_name = x->prov >= 0 && x->prov != u ? r->u[x->prov].name : "";
	o->in_force = x->in_force;
	o->nsucc = x->in_force ? 1 : x->level == L_PROV ? x->newprov >= 0 : x->nsucc;
	o->not_converted = x->not_converted;
}

void sn_areg_succ(sn_areg *r, int u, int i, const char **code, const char **name, const char **share)
{
	const struct au *x = &r->u[u];
	if (x->in_force) {
		*code = x->code;
		*name = x->name;
		*share = "whole";
		return;
	}
	if (x->level == L_PROV) {
		*code = r->u[x->newprov].code;
		*name = r->u[x->newprov].name;
		*share = "whole";
		return;
	}
	const struct succ *s = &r->succ[x->succ + i];
	*code = r->u[s->unit].code;
	*name = r->u[s->unit].name;
	*share = sn_share_name((enum sn_share)s->share);
}
