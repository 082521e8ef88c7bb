/* recode_rules.c - the tables recode reads (recode.h): department functions and their 2025
 * mergers (mappings/departments.csv), the allocation rules of new codes
 * (mappings/allocation.csv) and the operator's pins. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "agcode.h"
#include "agency.h"
#include "compose.h"
#include "db.h"
#include "recode.h"
#include "text.h"
#include "banned.h"

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
	char *copy = rc_strdup(rc, cell), *save = NULL;
	int n = 0;
	if (!copy)
		return;
	for (char *t = strtok_r(copy, "|", &save); t && n < SN_MAX_FUNC_NAMES; t = strtok_r(NULL, "|", &save))
		if (*t && (keys[n] = func_key(t)) && *keys[n])
			n++;
	free(copy);
}

int rc_fn_row(void *arg, const struct sn_maprow *row)
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
	if (!(f->dept_name = rc_strdup(rc, dept)))
		return SN_IO;
	char *bar = strchr(f->dept_name, '|');
	if (bar)
		*bar = '\0';
	func_keys(rc, dept, f->dept_keys);
	func_keys(rc, sn_maprow_get(row, 2), f->office_keys);
	snprintf(f->merged_into, sizeof f->merged_into, "%s", sn_maprow_get(row, 3));
	return 0;
}

int rc_rule_row(void *arg, const struct sn_maprow *row)
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

int rc_pin_row(void *arg, const struct sn_maprow *row)
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

struct pin *rc_find_pin(struct recode *rc, const char *subject)
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
const char *rc_function_of(struct recode *rc, const char *name, int office, int follow)
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

const struct func *rc_func_by_id(struct recode *rc, const char *id)
{
	for (int i = 0; i < rc->nfn; i++)
		if (!strcmp(rc->fn[i].id, id))
			return &rc->fn[i];
	return NULL;
}
