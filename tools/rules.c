/* rules.c - the rule engine of 'units check' and 'validate' (see rules.h). */
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "exitcodes.h"
#include "i18n.h"
#include "rules.h"
#include "banned.h"

const char *const sn_rule_sev_names[SN_NSEV + 1] = { "error", "warning", "info", NULL };

void sn_rules_init(struct sn_rules *rs, const struct sn_rule *rules, size_t n, const char *query)
{
	memset(rs, 0, sizeof *rs);
	rs->rules = rules;
	rs->n = n < SN_RULES_MAX ? n : SN_RULES_MAX;
	rs->query = query;
	rs->maxsev = SN_SEV_INFO;
}

void sn_rules_release(struct sn_rules *rs)
{
	for (size_t i = 0; i < rs->n; i++) {
		struct sn_rule_result *res = &rs->res[i];
		for (size_t k = 0; k < res->n; k++) {
			free(res->rows[k].subject);
			free(res->rows[k].detail);
			free(res->rows[k].name);
		}
		free(res->rows);
		memset(res, 0, sizeof *res);
	}
}

void sn_rules_ids(const struct sn_rule *rules, size_t n, int skip_req, char *buf, size_t len)
{
	size_t k = 0;
	if (!len)
		return;
	buf[0] = '\0';
	for (size_t i = 0; i < n && k < len; i++)
		if (!(rules[i].req & skip_req)) {
			int w = snprintf(buf + k, len - k, "%s%s", k ? ", " : "", rules[i].id);
			if (w < 0)
				break;
			k += (size_t)w;
		}
}

const char *sn_rule_message(const struct sn_rule *ru)
{
	/* gettext("") would be the catalog's header. */
	return ru->message && *ru->message ? _(ru->message) : "";
}

static const char *want(const char *arg, struct sn_rules *rs, int only, char *buf, size_t len)
{
	for (size_t i = 0; i < rs->n; i++)
		if (!strcmp(arg, rs->rules[i].id)) {
			if (only)
				memset(rs->want, 0, sizeof rs->want);
			rs->want[i] = 1;
			rs->any = 1;
			return NULL;
		}
	char ids[1024];
	sn_rules_ids(rs->rules, rs->n, 0, ids, sizeof ids);
	snprintf(buf, len, _("one of %s"), ids);
	return buf;
}

const char *sn_rules_want_rule(const char *arg, void *value, char *buf, size_t len)
{
	return want(arg, value, 0, buf, len);
}

const char *sn_rules_want_one(const char *arg, void *value, char *buf, size_t len)
{
	return want(arg, value, 1, buf, len);
}

int sn_rules_select(struct sn_rules *rs, int *req)
{
	int nsel = 0;
	for (size_t i = 0; i < rs->n; i++) {
		rs->selected[i] = (!rs->any || rs->want[i]) && rs->rules[i].sev <= rs->maxsev;
		if (rs->selected[i]) {
			if (req)
				*req |= rs->rules[i].req;
			nsel++;
		}
	}
	return nsel;
}

/* Keeps one row in the sample. Returns 0, or -1 when out of memory (said). */
static int keep_row(struct sn_ctx *ctx, struct sn_rules *rs, struct sn_rule_result *res, sqlite3_stmt *st)
{
	if (res->n == res->cap) {
		size_t cap = res->cap ? 2 * res->cap : 16;
		struct sn_rule_row *rows = realloc(res->rows, cap * sizeof *rows);
		if (!rows)
			goto oom;
		res->rows = rows;
		res->cap = cap;
	}
	char *subject = strdup(sn_col(st, 0)), *detail = strdup(sn_col(st, 1)), *name = NULL;
	int oom = !subject || !detail;
	if (!oom && rs->name)
		oom = rs->name(ctx, rs->name_arg, subject, &name) < 0;
	if (oom) {
		free(subject);
		free(detail);
		free(name);
		goto oom;
	}
	res->rows[res->n].subject = subject;
	res->rows[res->n].detail = detail;
	res->rows[res->n].name = name;
	res->n++;
	return 0;
oom:
	sn_error(ctx, "out of memory");
	return -1;
}

/* Runs one rule: counts every row and keeps the first LIMIT (0: all). Returns 0 or SN_IO. */
static int run_rule(struct sn_ctx *ctx, struct sn_rules *rs, size_t i)
{
	const struct sn_rule *ru = &rs->rules[i];
	struct sn_rule_result *res = &rs->res[i];
	char *q = sqlite3_mprintf(rs->query, ru->sql);
	sqlite3_stmt *st = q ? sn_prepare(ctx, q) : NULL;
	int r, rc = SN_IO;
	sqlite3_free(q);
	if (!st) {
		if (!q)
			sn_error(ctx, "out of memory");
		return SN_IO;
	}
	for (size_t k = 0; k < rs->nparams; k++) {
		int idx = sqlite3_bind_parameter_index(st, rs->params[k].name);
		if (idx)
			sqlite3_bind_text(st, idx, rs->params[k].value, -1, SQLITE_STATIC);
	}
	while ((r = sn_step(ctx, st)) == SQLITE_ROW) {
		res->count++;
		if (rs->limit && (long)res->n >= rs->limit)
			continue;
		if (keep_row(ctx, rs, res, st) < 0)
			break;
	}
	if (r == SQLITE_DONE)
		rc = 0;
	sqlite3_finalize(st);
	if (!rc) {
		rs->rows[ru->sev] += res->count;
		rs->failing[ru->sev] += res->count > 0;
	}
	return rc;
}

int sn_rules_run(struct sn_ctx *ctx, struct sn_rules *rs)
{
	for (size_t i = 0; i < rs->n; i++) {
		int rc;
		if (rs->selected[i] && rs->rules[i].sql && (rc = run_rule(ctx, rs, i)))
			return rc;
	}
	return 0;
}
