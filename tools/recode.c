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
#include "cli.h"
#include "db.h"
#include "options.h"
#include "embedded.h"
#include "mapping.h"
#include "province.h"
#include "text.h"
#include "compose.h"
#include "units.h"
#include "banned.h"

enum outcome { O_NONE, O_KEPT, O_RENUMBERED, O_MERGED, O_CLOSED };
static const char *outcome_names[] = { "", "kept", "renumbered", "merged", "closed" };

struct ag {
	char *code, *name, *kind, *parent, *unit, *address, *phone, *email, *province;
	struct sn_agcode c;
	int kind_id;
	int survivor;
	int pidx;             /* parent's index, -1 for none */
	int depth;            /* length of the parent chain */
	char func[48];        /* final function of a department or district office, "" unknown */
	char own_func[48];    /* its function before the 2025 mergers are followed */
	int is_carrier;       /* the department that carries func in the merged province */
	enum outcome out;
	char home[40];        /* kept/renumbered/merged: the code now carrying its work */
	char **succ;          /* closed: successor codes */
	int nsucc;
	char *reason;
};

#define SN_MAX_FUNC_NAMES 8

struct func {
	char id[48], merged_into[48];
	char *dept_name;                          /* the first department name: the current one */
	char *dept_keys[SN_MAX_FUNC_NAMES];       /* every spelling of the table, as keys */
	char *office_keys[SN_MAX_FUNC_NAMES];
};

struct rule {
	char kind[32], pattern[64], pos[600];
	int first, last;
};

struct pin {
	char subject[64], code[40], pos[600];
	int used;
};

/* A new commune and its committee. */
struct cc {
	char commune[8], code[40];
	char *name;
};

struct recode {
	struct sn_ctx *ctx;
	const char *date;
	const char *survivor;            /* --survivor: the operator's choice, else the name rule */
	struct sn_province prov;
	struct ag *a;
	int n;
	char target[8], surv[8];
	char l1[8], k1[8];               /* survivor's level-1 codes: H19, K19 */
	char absorbed[16][8];            /* absorbed provinces' level-1 codes (H10, K10, ...) */
	int nabs;
	struct func *fn;
	int nfn;
	struct rule *rules;
	int nrules;
	struct pin *pins;
	int npins;
	struct cc *cc;
	int ncc;
	sqlite3_stmt *ins_code, *taken;
	int cursor_rule[SN_KIND_COUNT], cursor_n[SN_KIND_COUNT];  /* where allocation resumes */
	long counts[5];
	long reviews;
	int oom;                         /* an allocation failed (see xstrdup) */
};

/* Out of memory is remembered in rc->oom (the string is NULL) and reported once, by the phase
 * that checks it (compute): library code returns, it never exits. */
static char *xstrdup(struct recode *rc, const char *s)
{
	char *d = strdup(s ? s : "");
	if (!d)
		rc->oom = 1;
	return d;
}

static char *fmt(struct recode *rc, const char *f, ...) __attribute__((format(printf, 2, 3)));
static char *fmt(struct recode *rc, const char *f, ...)
{
	va_list ap;
	va_start(ap, f);
	char *s = sqlite3_vmprintf(f, ap);
	va_end(ap);
	char *d = s ? xstrdup(rc, s) : NULL;
	if (!s)
		rc->oom = 1;
	sqlite3_free(s);
	return d;
}

/* --- mapping tables -------------------------------------------------------------------------- */

/* Keys for matching names by function: no diacritics, punctuation folded, type words kept, and
 * the usual abbreviations written out ("Văn phòng UBND TP" = "Văn phòng Ủy ban nhân dân thành
 * phố"). */
static char *func_key(const char *name)
{
	static const struct {
		const char *abbr, *full;
	} words[] = { { "ubnd", "uy ban nhan dan" }, { "hdnd", "hoi dong nhan dan" }, { "tp", "thanh pho" },
		      { "tx", "thi xa" }, { "q", "quan" }, { "h", "huyen" }, { "&", "va" } };
	char *k = sn_name_key(name, SN_KEY_KEEP_TYPE | SN_KEY_ASCII, NULL);
	if (!k)
		return NULL;
	size_t cap = strlen(k) * 4 + 1, len = 0;
	char *out = malloc(cap);
	if (!out) {
		free(k);
		return NULL;
	}
	out[0] = '\0';
	for (char *tok = k; *tok;) {
		size_t n = strcspn(tok, " ");
		const char *w = NULL;
		for (size_t i = 0; i < sizeof words / sizeof words[0] && !w; i++)
			if (strlen(words[i].abbr) == n && !strncmp(tok, words[i].abbr, n))
				w = words[i].full;
		len += (size_t)snprintf(out + len, cap - len, "%s%.*s", len ? " " : "", (int)(w ? strlen(w) : n),
					w ? w : tok);
		tok += n;
		while (*tok == ' ')
			tok++;
	}
	free(k);
	return out;
}

/* Splits a cell "Name A|Name B" into keys. */
static void func_keys(struct recode *rc, const char *cell, char **keys)
{
	char *copy = xstrdup(rc, cell), *save = NULL;
	int n = 0;
	if (!copy)
		return;
	for (char *t = strtok_r(copy, "|", &save); t && n < SN_MAX_FUNC_NAMES; t = strtok_r(NULL, "|", &save))
		if (*t && (keys[n] = func_key(t)) && *keys[n])
			n++;
	free(copy);
}

static int fn_row(void *arg, const struct sn_maprow *row)
{
	struct recode *rc = arg;
	struct func *nf = realloc(rc->fn, (size_t)(rc->nfn + 1) * sizeof *nf);
	if (!nf)
		return SN_IO;
	rc->fn = nf;
	struct func *f = &rc->fn[rc->nfn++];
	memset(f, 0, sizeof *f);
	snprintf(f->id, sizeof f->id, "%s", sn_maprow_get(row, 0));
	const char *dept = sn_maprow_get(row, 1);
	if (!(f->dept_name = xstrdup(rc, dept)))
		return SN_IO;
	char *bar = strchr(f->dept_name, '|');
	if (bar)
		*bar = '\0';
	func_keys(rc, dept, f->dept_keys);
	func_keys(rc, sn_maprow_get(row, 2), f->office_keys);
	snprintf(f->merged_into, sizeof f->merged_into, "%s", sn_maprow_get(row, 3));
	return 0;
}

static int rule_row(void *arg, const struct sn_maprow *row)
{
	struct recode *rc = arg;
	struct rule r = { 0 };
	snprintf(r.kind, sizeof r.kind, "%s", sn_maprow_get(row, 0));
	snprintf(r.pattern, sizeof r.pattern, "%s", sn_maprow_get(row, 1));
	snprintf(r.pos, sizeof r.pos, "%s", row->pos);
	char *end1, *end2;
	r.first = (int)strtol(sn_maprow_get(row, 2), &end1, 10);
	r.last = (int)strtol(sn_maprow_get(row, 3), &end2, 10);
	if (*end1 || *end2)
		r.first = 0;  /* not numbers: refused below */
	if (sn_agency_kind_parse(r.kind) < 0) {
		sn_error(rc->ctx, "%s: unknown kind '%s'", row->pos, r.kind);
		return SN_DATA;
	}
	if (!strstr(r.pattern, "{n}") || !strstr(r.pattern, "{l1}") || r.first < 1 || r.last < r.first) {
		sn_error(rc->ctx, "%s: a rule needs a pattern with {n} and {l1} (e.g. 000.{n}.60.{l1}) "
			 "and a range first <= last, from 1", row->pos);
		return SN_DATA;
	}
	struct rule *nr = realloc(rc->rules, (size_t)(rc->nrules + 1) * sizeof *nr);
	if (!nr)
		return SN_IO;
	rc->rules = nr;
	rc->rules[rc->nrules++] = r;
	return 0;
}

static int pin_row(void *arg, const struct sn_maprow *row)
{
	struct recode *rc = arg;
	struct pin p = { 0 };
	snprintf(p.subject, sizeof p.subject, "%s", sn_maprow_get(row, 0));
	snprintf(p.code, sizeof p.code, "%s", sn_maprow_get(row, 1));
	snprintf(p.pos, sizeof p.pos, "%s", row->pos);
	struct sn_agcode c;
	if (sn_agcode_parse(p.code, &c) != SN_AGCODE_OK) {
		sn_error(rc->ctx, "%s: pinned code '%s' is not a conforming agency code: %s", row->pos,
			 p.code, c.problem);
		return SN_DATA;
	}
	for (int i = 0; i < rc->npins; i++)
		if (!strcmp(rc->pins[i].subject, p.subject)) {
			sn_error(rc->ctx, "%s: %s is pinned twice (first at %s)", row->pos, p.subject,
				 rc->pins[i].pos);
			return SN_DATA;
		}
	struct pin *np = realloc(rc->pins, (size_t)(rc->npins + 1) * sizeof *np);
	if (!np)
		return SN_IO;
	rc->pins = np;
	rc->pins[rc->npins++] = p;
	return 0;
}

static struct pin *find_pin(struct recode *rc, const char *subject)
{
	for (int i = 0; i < rc->npins; i++)
		if (!strcmp(rc->pins[i].subject, subject))
			return &rc->pins[i];
	return NULL;
}

/* Whether the rest of a name after a table spelling is empty or a territory: " tinh ...",
 * " thanh pho ...", " huyen ...", " quan ...", " thi xa ..." ("Thanh tra Thành phố", "Sở Tư
 * pháp tỉnh Bình Phước", "Thanh tra quận 1"). */
static int territorial_rest(const char *rest)
{
	static const char *words[] = { "tinh", "thanh pho", "huyen", "quan", "thi xa", NULL };
	if (!*rest)
		return 1;
	if (*rest != ' ')
		return 0;
	rest++;
	for (int i = 0; words[i]; i++) {
		size_t n = strlen(words[i]);
		if (!strncmp(rest, words[i], n) && (rest[n] == '\0' || rest[n] == ' '))
			return 1;
	}
	return 0;
}

/* The final function of a name: matched against the department (or office) spellings of the
 * table, the longest that fits, then followed through merged_into. "" when unknown. */
static const char *function_of(struct recode *rc, const char *name, int office, int follow)
{
	char *k = func_key(name);
	const char *id = "";
	size_t best = 0;
	for (int i = 0; k && i < rc->nfn; i++) {
		char **keys = office ? rc->fn[i].office_keys : rc->fn[i].dept_keys;
		for (int j = 0; j < SN_MAX_FUNC_NAMES && keys[j]; j++) {
			size_t n = strlen(keys[j]);
			if (n > best && !strncmp(k, keys[j], n) && territorial_rest(k + n)) {
				best = n;
				id = rc->fn[i].id;
			}
		}
	}
	free(k);
	/* Follow 2025 mergers to the function that exists now (a chain, never a cycle: bounded). */
	for (int hop = 0; follow && *id && hop < 8; hop++) {
		const char *next = NULL;
		for (int i = 0; i < rc->nfn; i++)
			if (!strcmp(rc->fn[i].id, id) && rc->fn[i].merged_into[0])
				next = rc->fn[i].merged_into;
		if (!next)
			break;
		id = next;
	}
	return id;
}

static const struct func *func_by_id(struct recode *rc, const char *id)
{
	for (int i = 0; i < rc->nfn; i++)
		if (!strcmp(rc->fn[i].id, id))
			return &rc->fn[i];
	return NULL;
}

/* --- codes ----------------------------------------------------------------------------------- */

static void make_code(char *out, size_t len, const char *l1, long g2, long g3, long g4)
{
	snprintf(out, len, "%03ld.%02ld.%02ld.%s", g4, g3, g2, l1);
}

static void key_of(const char *code, char key[40])
{
	struct sn_agcode c;
	sn_agcode_parse(code, &c);
	sn_agcode_sort_key(&c, code, key, 40);
}

/* Whether CODE may be issued for SUBJECT: not closed, not an old code (an old code that is not
 * kept is closed; a kept one is its own), not issued to another subject in this run. */
static int is_taken(struct recode *rc, const char *code, const char *subject)
{
	char key[40];
	key_of(code, key);
	sqlite3_stmt *st = rc->taken;
	sqlite3_reset(st);
	sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, subject, -1, SQLITE_TRANSIENT);
	int r = sn_step(rc->ctx, st);
	return r != SQLITE_DONE;
}

static int issue(struct recode *rc, const char *code, const char *subject, const char *name,
		 const char *kind, const char *parent, const char *unit, const struct ag *from,
		 const char *origin, const char *reason)
{
	char key[40];
	key_of(code, key);
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
static int allocate(struct recode *rc, const char *kind, const char *subject, char out[40], char how[700])
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
			if (!is_taken(rc, buf, subject)) {
				if (k >= 0) {
					rc->cursor_rule[k] = i;
					rc->cursor_n[k] = n;
				}
				snprintf(out, 40, "%.39s", buf);
				snprintf(how, 700, "rule %s (%s, %d-%d)", r->pos, r->pattern, r->first, r->last);
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
static int child_code(struct recode *rc, const char *home, long preferred, const char *subject,
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
		make_code(out, 40, h.l1, g[0], g[1], g[2]);
		if (!is_taken(rc, out, subject))
			return 0;
	}
	return -1;
}

/* --- deciding -------------------------------------------------------------------------------- */

static const struct cc *cc_of(struct recode *rc, const char *commune)
{
	for (int i = 0; i < rc->ncc; i++)
		if (!strcmp(rc->cc[i].commune, commune))
			return &rc->cc[i];
	return NULL;
}

static void add_succ(struct recode *rc, struct ag *a, const char *code)
{
	for (int i = 0; i < a->nsucc; i++)
		if (!strcmp(a->succ[i], code))
			return;
	char **ns = realloc(a->succ, (size_t)(a->nsucc + 1) * sizeof *ns);
	char *d = ns ? xstrdup(rc, code) : NULL;
	if (!ns || !d) {
		rc->oom = 1;
		if (ns)
			a->succ = ns;
		return;
	}
	a->succ = ns;
	a->succ[a->nsucc++] = d;
}

static int review(struct recode *rc, const char *subject, const char *reason, const char *detail)
{
	rc->reviews++;
	return sn_execf(rc->ctx, "INSERT INTO review(step, subject, reason, detail) VALUES "
			"('recode', %Q, %Q, %Q)", subject, reason, detail);
}

static void set_out(struct ag *a, enum outcome o, const char *home, char *reason)
{
	a->out = o;
	snprintf(a->home, sizeof a->home, "%s", home ? home : "");
	free(a->reason);
	a->reason = reason;
}

/* The new communes an old unit's area became, as committee codes; for a commune also whether
 * one of them took the whole population. Returns the count. */
static int area_committees(struct recode *rc, struct ag *a, const char *level, const char *unit,
			   char *popnote, size_t poplen)
{
	struct sn_mapped *m = NULL;
	int n = 0;
	if (popnote)
		popnote[0] = '\0';
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
		while (sn_step(rc->ctx, st) == SQLITE_ROW) {
			struct sn_mapped *nm = NULL;
			int k = sn_units_compose_after(rc->ctx, "commune", sn_col(st, 0), sn_col(st, 1), rc->date, &nm);
			if (k < 0) {
				sqlite3_finalize(st);
				return -1;
			}
			for (int i = 0; i < k; i++) {
				const struct cc *c = cc_of(rc, nm[i].code);
				if (c) {
					add_succ(rc, a, c->code);
					n++;
				}
			}
			free(nm);
		}
		sqlite3_finalize(st);
		return n;
	}
	int k = sn_units_compose(rc->ctx, level, unit, rc->date, &m);
	if (k < 0)
		return -1;
	for (int i = 0; i < k; i++) {
		const struct cc *c = cc_of(rc, m[i].code);
		if (!c)
			continue;
		add_succ(rc, a, c->code);
		n++;
		if (popnote && m[i].share == SN_SHARE_PART_POPULATION)
			snprintf(popnote, poplen, "; %s (%s) took the whole population", c->code, m[i].code);
	}
	free(m);
	return n;
}

static int decide_follow_parent(struct recode *rc, struct ag *a);

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

static int decide(struct recode *rc, int idx)
{
	struct ag *a = &rc->a[idx];
	char popnote[160];
	struct pin *pin = find_pin(rc, a->code);

	if (pin) {
		/* The operator's word wins: an existing new code means "merged into", else the agency
		 * continues under the pinned code. */
		pin->used = 1;
		char key[40];
		key_of(pin->code, key);
		long long exists;
		if (sn_query_intf(rc->ctx, &exists, "SELECT count(*) FROM code_table WHERE sort_key = %Q", key))
			return SN_IO;
		char subject[80];
		snprintf(subject, sizeof subject, "old:%s", a->code);
		if (exists) {
			set_out(a, O_MERGED, pin->code, fmt(rc, "merged into %s: pinned (%s)", pin->code, pin->pos));
			return 0;
		}
		if (is_taken(rc, pin->code, subject) && strcmp(pin->code, a->code)) {
			sn_error(rc->ctx, "%s: pinned code %s for %s is closed or already issued", pin->pos,
				 pin->code, a->code);
			return SN_DATA;
		}
		set_out(a, strcmp(pin->code, a->code) ? O_RENUMBERED : O_KEPT, pin->code,
			fmt(rc, "pinned to %s (%s)", pin->code, pin->pos));
		return 0;
	}

	switch (a->kind_id) {
	case SN_KIND_PROVINCE_COMMITTEE:
	case SN_KIND_PROVINCE_COUNCIL:
		if (a->survivor) {
			set_out(a, O_KEPT, a->code, fmt(rc, "new province %s (%s): %s; level-1 code %s kept",
							 rc->target, rc->prov.name, rc->prov.how, a->c.l1));
			return 0;
		}
		for (int i = 0; i < rc->n; i++)
			if (rc->a[i].survivor && rc->a[i].kind_id == a->kind_id && rc->a[i].pidx < 0 &&
			    rc->a[i].out == O_KEPT) {
				set_out(a, O_MERGED, rc->a[i].code,
					fmt(rc, "old province %s merged into new province %s (%s); its level-1 code "
					    "%s is closed and the work goes to %s (QĐ 09/2025/QĐ-TTg)", a->province,
					    rc->target, rc->prov.name, a->c.l1, rc->a[i].code));
				return 0;
			}
		set_out(a, O_CLOSED, NULL, fmt(rc, "province %s merged into %s, whose registry has no %s "
					       "to take over", a->province, rc->target, a->kind));
		return review(rc, a->code, "no successor", a->reason);

	case SN_KIND_DEPARTMENT: {
		if (a->is_carrier) {
			const struct func *f = func_by_id(rc, a->func);
			int renamed = f && strcmp(a->own_func, a->func) && f->dept_name[0];
			set_out(a, O_KEPT, a->code,
				fmt(rc, "department of the surviving province; carries function %s in the merged "
				    "province%s%s", a->func, renamed ? ", under the name " : "",
				    renamed ? f->dept_name : ""));
			return 0;
		}
		const char *home = carrier_home(rc, a->func);
		if (home) {
			set_out(a, O_MERGED, home, fmt(rc, "same function (%s) as %s, which carries it in the "
							"merged province (2025 department mergers)", a->func, home));
			return 0;
		}
		if (a->survivor) {
			set_out(a, O_KEPT, a->code, fmt(rc, "department of the surviving province; its function is "
							 "not in the department table"));
			return review(rc, a->code, "department function unknown: kept as is", a->name);
		}
		break;
	}

	case SN_KIND_DISTRICT_COMMITTEE: {
		int n = a->unit[0] ? area_committees(rc, a, "district", a->unit, NULL, 0) : 0;
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
			set_out(a, O_MERGED, home, fmt(rc, "district level abolished on the reform's effective date; "
						       "the whole district became one unit, %s (a special zone), "
						       "whose committee takes over its work", cc_commune(rc, home)));
			return 0;
		}
		set_out(a, O_CLOSED, NULL, fmt(rc, "district level abolished on the reform's effective date; "
					       "its area is now %d commune(s), whose committees succeed it", n));
		if (n == 0)
			return review(rc, a->code, "closed without successors", "district has no mapped communes");
		return 0;
	}

	case SN_KIND_DISTRICT_OFFICE: {
		const char *f = function_of(rc, a->name, 1, 1);
		for (int i = 0; *f && i < rc->n; i++) {
			struct ag *o = &rc->a[i];
			if (o->kind_id == SN_KIND_DEPARTMENT && !strcmp(o->func, f) &&
			    (o->out == O_KEPT || o->out == O_RENUMBERED)) {
				add_succ(rc, a, o->home);
				set_out(a, O_CLOSED, NULL, fmt(rc, "district level abolished; its function (%s) "
							       "goes to %s %s", f, o->home, o->name));
				return 0;
			}
		}
		int n = a->unit[0] ? area_committees(rc, a, "district", a->unit, NULL, 0) : 0;
		if (n < 0)
			return SN_IO;
		set_out(a, O_CLOSED, NULL, fmt(rc, "district level abolished; function %s has no department "
					       "in the merged province, so the %d commune committee(s) of "
					       "its area succeed it", *f ? f : "unknown", n));
		return review(rc, a->code, "district office without a department for its function", a->name);
	}

	case SN_KIND_COMMUNE_COMMITTEE: {
		int n = a->unit[0] ? area_committees(rc, a, "commune", a->unit, popnote, sizeof popnote) : 0;
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
				fmt(rc, "commune %s keeps its code as new commune %s (the seat of the merged "
				    "commune): its committee continues under the new committee code", a->unit,
				    cc_commune(rc, home)) :
				fmt(rc, "commune %s is now part of new commune %s: its committee's work goes to "
				    "the new commune's committee", a->unit, cc_commune(rc, home));
			free(a->succ[0]);
			free(a->succ);
			a->succ = NULL;
			a->nsucc = 0;
			set_out(a, seat ? O_RENUMBERED : O_MERGED, home, why);
			return 0;
		}
		if (n > 1) {
			set_out(a, O_CLOSED, NULL, fmt(rc, "commune %s was split among %d new communes%s", a->unit,
						       n, popnote));
			return 0;
		}
		set_out(a, O_CLOSED, NULL, fmt(rc, "commune %s maps to no new commune of province %s",
					       a->unit[0] ? a->unit : "(no unit code)", rc->target));
		return review(rc, a->code, "closed without successors", a->reason);
	}

	default:
		return decide_follow_parent(rc, a);
	}

	/* An absorbed department with no counterpart (or an unknown function) continues under a new
	 * department code. */
	char code[40], how[700], subject[80];
	snprintf(subject, sizeof subject, "old:%s", a->code);
	int r = allocate(rc, "department", subject, code, how);
	if (r)
		return r;
	set_out(a, O_RENUMBERED, code, fmt(rc, "department of province %s with %s in the merged province; "
					   "new number from %s", a->province,
					   a->func[0] ? "no department of the same function" :
							"a function the department table does not know",
					   how));
	if (!a->func[0])
		return review(rc, a->code, "department function unknown: renumbered", a->name);
	a->is_carrier = 1;
	return 0;
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
			set_out(a, O_KEPT, a->code, fmt(rc, "agency of the surviving province without a parent"));
			return 0;
		}
		set_out(a, O_CLOSED, NULL, fmt(rc, "agency of absorbed province %s without a parent: no rule "
					       "says where it goes", a->province));
		return review(rc, a->code, "closed without successors", a->reason);
	}
	if (a->c.status != SN_AGCODE_OK && !a->survivor) {
		set_out(a, O_CLOSED, NULL, fmt(rc, "nonconforming code (%s) of absorbed province %s: a person "
					       "decides its successor", a->c.problem, a->province));
		return review(rc, a->code, "nonconforming code", a->reason);
	}
	if (p->out == O_KEPT && a->survivor) {
		set_out(a, O_KEPT, a->code, fmt(rc, "its parent %s is kept%s%s", p->code,
						a->c.status != SN_AGCODE_OK ? "; code flagged: " : "",
						a->c.status != SN_AGCODE_OK ? a->c.problem : ""));
		return 0;
	}
	const char *home = NULL;
	char why[400] = "";
	if (p->out == O_KEPT || p->out == O_RENUMBERED || p->out == O_MERGED) {
		home = p->home;
		snprintf(why, sizeof why, "its parent %s is %s %s", p->code,
			 p->out == O_KEPT ? "kept as" : p->out == O_RENUMBERED ? "renumbered to" : "merged into",
			 p->home);
	} else {
		/* The parent closed: the agency's own commune decides. */
		char pop[160];
		struct ag tmp = { 0 };
		int n = a->unit[0] && strlen(a->unit) == 5 ?
			area_committees(rc, &tmp, "commune", a->unit, pop, sizeof pop) : 0;
		if (n < 0)
			return SN_IO;
		if (n == 1) {
			snprintf(code, sizeof code, "%s", tmp.succ[0]);
			home = code;
			snprintf(why, sizeof why, "its parent %s closed; its commune %s is now under %s",
				 p->code, a->unit, tmp.succ[0]);
		}
		for (int i = 0; i < tmp.nsucc; i++)
			if (n != 1)
				add_succ(rc, a, tmp.succ[i]);
		for (int i = 0; i < tmp.nsucc; i++)
			free(tmp.succ[i]);
		free(tmp.succ);
		if (!home) {
			set_out(a, O_CLOSED, NULL, fmt(rc, "its parent %s closed and its commune %s does not lead "
						       "to one new commune", p->code,
						       a->unit[0] ? a->unit : "(none)"));
			return review(rc, a->code, "needs a decision: where does it go", a->reason);
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
			set_out(a, O_MERGED, sn_col(st, 0), fmt(rc, "%s, where %s has the same name and function",
								why, sn_col(st, 0)));
			sqlite3_finalize(st);
			return 0;
		}
		sqlite3_finalize(st);
	}
	char newc[40];
	if (child_code(rc, home, own_level == 0 ? 0 : own, subject, newc) != 0) {
		set_out(a, O_CLOSED, NULL, fmt(rc, "%s, but no free code is left under it", why));
		add_succ(rc, a, home);
		return review(rc, a->code, "no free code under its new parent", a->reason);
	}
	/* Say when the number changed because it was taken under the new parent. */
	struct sn_agcode nc;
	sn_agcode_parse(newc, &nc);
	int kept_number = own > 0 && nc.depth >= 2 && atol(nc.grp[nc.depth - 2]) == own;
	set_out(a, strcmp(newc, a->code) ? O_RENUMBERED : O_KEPT, newc,
		fmt(rc, "%s; continues under it as %s%s", why, newc,
		    own > 0 && !kept_number ? " (its own number was taken there)" : ""));
	return 0;
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

static int load_agencies(struct recode *rc, char (*keys)[48])
{
	sqlite3_stmt *st = sn_prepare(rc->ctx,
		"SELECT code, name, kind, COALESCE(parent_code, ''), COALESCE(unit_code, ''), "
		"COALESCE(address, ''), COALESCE(phone, ''), COALESCE(email, ''), province, status, "
		"sort_key FROM agency ORDER BY code");
	if (!st)
		return SN_IO;
	int cap = 0;
	while (sn_step(rc->ctx, st) == SQLITE_ROW) {
		if (rc->n == cap) {
			cap = cap ? cap * 2 : 256;
			struct ag *na = realloc(rc->a, (size_t)cap * sizeof *na);
			if (!na)
				return SN_IO;
			rc->a = na;
		}
		struct ag *a = &rc->a[rc->n];
		memset(a, 0, sizeof *a);
		a->code = xstrdup(rc, sn_col(st, 0));
		a->name = xstrdup(rc, sn_col(st, 1));
		a->kind = xstrdup(rc, sn_col(st, 2));
		a->parent = xstrdup(rc, sn_col(st, 3));
		a->unit = xstrdup(rc, sn_col(st, 4));
		a->address = xstrdup(rc, sn_col(st, 5));
		a->phone = xstrdup(rc, sn_col(st, 6));
		a->email = xstrdup(rc, sn_col(st, 7));
		a->province = xstrdup(rc, sn_col(st, 8));
		a->kind_id = sn_agency_kind_parse(a->kind);
		a->survivor = !strcmp(a->province, rc->surv);
		sn_agcode_parse(a->code, &a->c);
		rc->n++;
		if (rc->oom)
			break;
		if (!strcmp(sn_col(st, 9), "closed"))
			a->out = O_CLOSED, a->reason = fmt(rc, "already closed in the registry of province %s", a->province);
	}
	sqlite3_finalize(st);
	if (rc->oom) {
		sn_error(rc->ctx, "out of memory");
		return SN_IO;
	}
	(void)keys;
	return 0;
}

static int new_committees(struct recode *rc, const char *council_parent)
{
	sqlite3_stmt *st = sn_prepare(rc->ctx,
		"SELECT code, name, COALESCE(type, '') FROM unit WHERE level = 'commune' AND province_code = ?1 "
		"AND opened_by IS NOT NULL AND (valid_from IS NULL OR valid_from <= ?2) "
		"AND (valid_to IS NULL OR valid_to > ?2) ORDER BY code");
	if (!st)
		return SN_IO;
	sqlite3_bind_text(st, 1, rc->target, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, rc->date, -1, SQLITE_STATIC);
	int r = 0, cap = 0;
	while (r == 0 && sn_step(rc->ctx, st) == SQLITE_ROW) {
		const char *commune = sn_col(st, 0), *uname = sn_col(st, 1), *type = sn_col(st, 2);
		char subject[40], code[40], how[700];
		snprintf(subject, sizeof subject, "commune:%s", commune);
		struct pin *pin = find_pin(rc, subject);
		if (pin) {
			pin->used = 1;
			struct sn_agcode pc;
			sn_agcode_parse(pin->code, &pc);
			if (strcmp(pc.l1, rc->l1) || is_taken(rc, pin->code, subject)) {
				sn_error(rc->ctx, "%s: pinned code %s for %s is %s", pin->pos, pin->code, subject,
					 strcmp(pc.l1, rc->l1) ? "not under the surviving province's level-1 code" :
								 "closed or already issued");
				r = SN_DATA;
				break;
			}
			snprintf(code, sizeof code, "%s", pin->code);
			snprintf(how, sizeof how, "pinned (%s)", pin->pos);
		} else if ((r = allocate(rc, "commune-committee", subject, code, how))) {
			break;
		}
		/* "Phường Bình Phước" -> "Ủy ban nhân dân phường Bình Phước". */
		size_t tl = strlen(type);
		char *name = tl && strlen(uname) > tl ? fmt(rc, "Ủy ban nhân dân %s%s", type, uname + tl) :
			     fmt(rc, "Ủy ban nhân dân %s", uname);
		char *reason = fmt(rc, "committee of new commune %s %s, %s, allocated in order of new commune "
				   "code", commune, uname, how);
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
		r = issue(rc, code, subject, name, "commune-committee", council_parent, commune, NULL, "new", reason);
		free(reason);
	}
	sqlite3_finalize(st);
	return r;
}

/* --- writing --------------------------------------------------------------------------------- */

static int write_results(struct recode *rc)
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
			char *why = fmt(rc, "%s: %s", outcome_names[a->out], a->reason);
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
		char *why = fmt(rc, "level-1 code of a province merged into %s (QĐ 09/2025/QĐ-TTg)", rc->target);
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
	return sn_exec(rc->ctx,
		"INSERT OR IGNORE INTO closed_code SELECT p.code, p.sort_key, 'issued by an earlier recode "
		"for ' || p.subject || ', then withdrawn' FROM temp.prev_issued p WHERE NOT EXISTS "
		"(SELECT 1 FROM code_table c WHERE c.sort_key = p.sort_key AND c.subject = p.subject)");
}

/* The invariants the rest of the migration relies on; a failure is a bug (exit 5). */
static int check_invariants(struct recode *rc)
{
	struct {
		const char *sql, *what;
	} inv[] = {
		{ "SELECT code FROM agency WHERE code NOT IN (SELECT old_code FROM crosswalk)",
		  "an old code is missing from the crosswalk" },
		{ "SELECT c.code FROM code_table c JOIN closed_code k ON k.sort_key = c.sort_key",
		  "a closed code is active" },
		{ "SELECT c.code FROM code_table c JOIN agency a ON a.sort_key = c.sort_key JOIN crosswalk x "
		  "ON x.old_code = a.code WHERE x.outcome <> 'kept'", "an old code that is not kept was reissued" },
		{ "SELECT c.code FROM code_table c JOIN closed_code k ON k.code = substr(c.sort_key, 1, 3)",
		  "a code under a closed level-1 code is active" },
		{ "SELECT x.old_code FROM crosswalk x WHERE x.outcome <> 'closed' AND NOT EXISTS "
		  "(SELECT 1 FROM code_table c WHERE c.code = x.new_code)", "a crosswalk target is not in the code table" },
		{ "SELECT s.new_code FROM crosswalk_successor s WHERE NOT EXISTS (SELECT 1 FROM code_table c "
		  "WHERE c.code = s.new_code)", "a successor is not in the code table" },
		{ "SELECT c.code FROM code_table c WHERE c.kind = 'commune-committee' AND NOT EXISTS (SELECT 1 "
		  "FROM unit u WHERE u.level = 'commune' AND u.code = c.unit_code AND u.valid_to IS NULL)",
		  "a commune committee stands for a commune no longer in force" },
	};
	for (size_t i = 0; i < sizeof inv / sizeof inv[0]; i++) {
		sqlite3_stmt *st = sn_prepare(rc->ctx, inv[i].sql);
		if (!st)
			return SN_IO;
		if (sn_step(rc->ctx, st) == SQLITE_ROW) {
			sn_error(rc->ctx, "internal: %s (%s); nothing was written", inv[i].what, sn_col(st, 0));
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

static int compute(struct recode *rc, const char *level1_path, const char *dept_path,
		   const char *rules_path, const char *pins_path)
{
	struct sn_ctx *ctx = rc->ctx;
	int r;
	/* Which new province, its old provinces and whose level-1 codes survive: computed once,
	 * stored, and read by every later step. */
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
	static const char *fcols[] = { "function", "department", "office", "merged_into", NULL };
	static const char *rcols[] = { "kind", "pattern", "first", "last", NULL };
	static const char *pcols[] = { "subject", "code", NULL };
	if ((r = sn_mapping_read(ctx, dept_path, sn_mapping_departments, "departments.csv", fcols, 4, fn_row, rc)) ||
	    (r = sn_mapping_read(ctx, rules_path, sn_mapping_allocation, "allocation.csv", rcols, 4, rule_row, rc)) ||
	    (pins_path && (r = sn_mapping_read(ctx, pins_path, NULL, "pins", pcols, 2, pin_row, rc))))
		return r;

	if ((r = load_agencies(rc, NULL)))
		return r;
	/* Parents by code, depth by the parent chain (imports refuse cycles). */
	struct byname *bn = malloc((size_t)(rc->n ? rc->n : 1) * sizeof *bn);
	struct order *ord = malloc((size_t)(rc->n ? rc->n : 1) * sizeof *ord);
	if (!bn || !ord) {
		free(bn);
		free(ord);
		sn_error(ctx, "out of memory");
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
			snprintf(rc->a[i].func, sizeof rc->a[i].func, "%s", function_of(rc, rc->a[i].name, 0, 1));
			snprintf(rc->a[i].own_func, sizeof rc->a[i].own_func, "%s", function_of(rc, rc->a[i].name, 0, 0));
		}
	}
	/* Carriers: per function, the survivor's department whose own function it is, else its
	 * first department of that function. */
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
	for (int i = 0; i < rc->n; i++) {
		ord[i].idx = i;
		ord[i].depth = rc->a[i].depth;
		ord[i].carrier = rc->a[i].is_carrier;
		ord[i].survivor = rc->a[i].survivor;
		sn_agcode_sort_key(&rc->a[i].c, rc->a[i].code, ord[i].key, sizeof ord[i].key);
	}
	qsort(ord, (size_t)rc->n, sizeof *ord, order_cmp);

	/* The survivor's committee is where new commune committees hang. */
	char root[40] = "";
	for (int i = 0; i < rc->n; i++)
		if (rc->a[i].survivor && rc->a[i].kind_id == SN_KIND_PROVINCE_COMMITTEE && rc->a[i].pidx < 0)
			snprintf(root, sizeof root, "%s", rc->a[i].code);
	r = new_committees(rc, root);
	for (int k = 0; r == 0 && k < rc->n; k++) {
		struct ag *a = &rc->a[ord[k].idx];
		if (a->out == O_CLOSED)
			continue;  /* closed in the registry already */
		if ((r = decide(rc, ord[k].idx)))
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
			key_of(pcode, key);
			long long known;
			if ((r = sn_query_intf(ctx, &known, "SELECT count(*) FROM code_table WHERE sort_key = %Q", key)))
				break;
			if (known)
				snprintf(parent, sizeof parent, "%s", pcode);
		}
		if (!parent[0] && a->pidx >= 0 && rc->a[a->pidx].out != O_CLOSED)
			snprintf(parent, sizeof parent, "%s", rc->a[a->pidx].home);
		const struct func *f = a->is_carrier ? func_by_id(rc, a->func) : NULL;
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
		key_of(a->home, hkey);
		long long exists;
		if ((r = sn_query_intf(ctx, &exists, "SELECT count(*) FROM code_table WHERE sort_key = %Q", hkey)))
			break;
		if (exists) {
			/* The seat commune's committee continues as its new commune's committee, whose row
			 * exists already: record that it carries on there. */
			r = sn_execf(ctx, "UPDATE code_table SET origin = 'renumbered', reason = reason || "
					  "'; continues %q %q' WHERE sort_key = %Q", a->code, a->name, hkey);
			continue;
		}
		r = issue(rc, a->home, subject, name, a->kind, parent, unit, a,
			  a->out == O_KEPT ? "kept" : "renumbered", a->reason);
		/* The function a department carries: reassign sends province-level work there. */
		if (r == 0 && a->kind_id == SN_KIND_DEPARTMENT && a->func[0])
			r = sn_execf(ctx, "UPDATE code_table SET function = %Q WHERE code = %Q", a->func, a->home);
	}
	free(bn);
	free(ord);
	if (r == 0 && rc->oom) {
		sn_error(ctx, "out of memory");
		r = SN_IO;
	}
	if (r == 0)
		r = write_results(rc);
	if (r == 0)
		r = check_invariants(rc);
	return r;
}

static void recode_free(struct recode *rc)
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

static int explain(struct sn_ctx *ctx, const char *code)
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
		fprintf(f, "%s %s (%s, province %s)\n  %s%s%s\n  because: %s\n", sn_col(st, 0), sn_col(st, 1),
			sn_col(st, 2), sn_col(st, 3), sn_col(st, 4), *sn_col(st, 5) ? " -> " : "", sn_col(st, 5),
			sn_col(st, 6));
		if (*sn_col(st, 7))
			fprintf(f, "  successors: %s\n", sn_col(st, 7));
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
		fprintf(f, "%s %s (%s, in the merged province's code table)\n  %s: %s\n", sn_col(st, 0),
			sn_col(st, 1), sn_col(st, 2), sn_col(st, 3), sn_col(st, 4));
		if (*sn_col(st, 5))
			fprintf(f, "  parent: %s\n", sn_col(st, 5));
		if (*sn_col(st, 6))
			fprintf(f, "  carries the work of: %s\n", sn_col(st, 6));
	}
	sqlite3_finalize(st);
	if (!found) {
		sn_error(ctx, "%s is neither an old code nor a code of the new table", code);
		return SN_FINDINGS;
	}
	return SN_OK;
}

/* --- the command ----------------------------------------------------------------------------- */

static const struct sn_usage usage = {
	.description =
	"Computes the merged province's agency code table and the crosswalk old -> new from the\n"
	"imported registries and the unit registry, and applies them. Every old code ends as\n"
	"kept, renumbered, merged into another code, or closed with its successors. The old\n"
	"province whose name the new one carries keeps its level-1 codes (H19, K19); the\n"
	"others' are closed (QĐ 09/2025/QĐ-TTg); departments merge by function (2025 department mergers); district committees\n"
	"and offices close; one committee per new commune gets a code from the allocation rules\n"
	"in order of new commune code, pins first. A closed code is never issued again.\n",
	.examples =
	"sapnhap recode --pins pins.csv\n"
	"sapnhap recode --explain 000.00.00.H10\n",
};

/* A digest of the database rows recode reads, so a re-run over changed registries or units is
 * not mistaken for "already applied". */
static int db_digest(struct sn_ctx *ctx, char out[65])
{
	return sn_digest_query(ctx,
		"SELECT 'a', code, name, kind, parent_code, unit_code, status FROM agency UNION ALL "
		"SELECT 'u', level, code, name, valid_from, valid_to, province_code FROM unit "
		"ORDER BY 1, 2, 3, 5", out);
}

int cmd_recode(struct sn_ctx *ctx, int argc, char **argv)
{
	const char *rules = NULL, *pins = NULL, *level1 = NULL, *depts = NULL, *date = NULL, *what = NULL;
	struct sn_step step = { .step = "recode" };
	struct recode rc = { .ctx = ctx };
	char digest[65], **args;
	int r, nargs;
	struct sn_option opts[] = {
		OPT_FILE("rules", &rules, "allocation rules (default: the built-in mappings/allocation.csv)"),
		OPT_FILE("pins", &pins, "subject,code pins: 'commune:25195' or an old agency code"),
		OPT_FILE("level1", &level1, "province -> level-1 code table (default: built-in)"),
		OPT_FILE("departments", &depts, "department functions and 2025 mergers (default: built-in)"),
		OPT_ON(&date, "the new communes in force on DATE (default: today)"),
		OPT_STRING("survivor", &rc.survivor, "CODE",
			   "the old province whose level-1 codes survive, where a published\n"
			   "decision differs from the name rule of QĐ 09/2025/QĐ-TTg"),
		OPT_DRY_RUN(&step.dry_run),
		OPT_FORCE(&step.forced, "recompute after the inputs changed (codes issued before are never\n"
			  "reused for something else)"),
		OPT_STRING("explain", &what, "CODE", "why CODE (old or new) is what it is in the applied recode; with\n"
			   "--dry-run, in a fresh computation from the options given"),
		OPT_END()
	};
	if ((r = sn_parse_options(ctx, argc, argv, opts, &usage, &args, &nargs)))
		return r == SN_DONE ? SN_OK : r;
	rc.date = date;
	const char *files[] = { rules, pins, level1, depts };
	for (int i = 0; i < 4; i++)
		if (files[i] && (r = sn_step_add_input(ctx, &step, files[i])))
			return r;
	if ((r = db_digest(ctx, digest)))
		return r;
	step.target = sqlite3_mprintf("merged province");
	step.args = sqlite3_mprintf("on=%s rules=%s pins=%s level1=%s departments=%s survivor=%s db=%s", date,
				    rules ? "file" : "built-in", pins ? "file" : "none",
				    level1 ? "file" : "built-in", depts ? "file" : "built-in",
				    rc.survivor ? rc.survivor : "by name", digest);
	long long applied = 0;
	if (what && !step.dry_run && (r = sn_query_int(ctx, &applied, "SELECT count(*) FROM crosswalk")))
		goto out;
	if (what && !step.dry_run && applied) {
		/* --explain reads the recode that was applied; with --dry-run it explains a fresh
		 * computation from the options given (a what-if) and keeps nothing. */
		r = explain(ctx, what);
		goto out;
	}
	if (what)
		step.dry_run = step.forced = 1;
	r = sn_step_begin(ctx, &step);
	if (r == SN_DONE) {
		r = SN_OK;
		if (what)
			r = explain(ctx, what);
		goto out;
	}
	if (r)
		goto out;
	/* Recompute from scratch; what an earlier run issued is remembered so it is never reissued
	 * for something else. */
	if ((r = sn_exec(ctx, "DROP TABLE IF EXISTS temp.prev_issued; CREATE TEMP TABLE prev_issued AS "
			      "SELECT code, sort_key, subject FROM code_table; "
			      "CREATE INDEX temp.prev_issued_key ON prev_issued(sort_key); DELETE FROM crosswalk_successor; "
			      "DELETE FROM crosswalk; DELETE FROM code_table; DELETE FROM review WHERE step = 'recode'")))
		goto out;
	rc.ins_code = sn_prepare(ctx, "INSERT INTO code_table(code, sort_key, subject, name, kind, parent_code, "
				      "unit_code, address, phone, email, origin, reason) VALUES (?1, ?2, ?3, ?4, "
				      "?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
	rc.taken = sn_prepare(ctx, "SELECT 1 FROM code_table WHERE sort_key = ?1 UNION ALL SELECT 1 FROM "
				   "closed_code WHERE sort_key = ?1 UNION ALL SELECT 1 FROM agency WHERE "
				   "sort_key = ?1 UNION ALL SELECT 1 FROM temp.prev_issued WHERE sort_key = ?1 "
				   "AND subject <> ?2 LIMIT 1");
	if (!rc.ins_code || !rc.taken) {
		r = SN_IO;
		goto out;
	}
	if ((r = compute(&rc, level1, depts, rules, pins)))
		goto out;
	if (what) {
		r = explain(ctx, what);
		goto out;
	}
	char counts[300];
	long long issued;
	if ((r = sn_query_int(ctx, &issued, "SELECT count(*) FROM code_table")))
		goto out;
	snprintf(counts, sizeof counts, "kept=%ld renumbered=%ld merged=%ld closed=%ld new_commune_committees=%d "
		 "codes=%lld review=%ld", rc.counts[O_KEPT], rc.counts[O_RENUMBERED], rc.counts[O_MERGED],
		 rc.counts[O_CLOSED], rc.ncc, issued, rc.reviews);
	if ((r = sn_step_commit(ctx, &step, counts)))
		goto out;
	fprintf(ctx->out, "%s province %s (level-1 %s kept", step.dry_run ? "would recode" : "recoded",
		rc.target, rc.l1);
	for (int i = 0; i < rc.nabs; i++)
		fprintf(ctx->out, "%s%s", i ? ", " : "; closed ", rc.absorbed[i]);
	fprintf(ctx->out, "): %s\n", counts);
out:
	recode_free(&rc);
	if (r)
		sn_step_abort(ctx, &step);
	else if (what)
		sn_step_abort(ctx, &step);
	sqlite3_free(step.target);
	sqlite3_free(step.args);
	return r;
}
