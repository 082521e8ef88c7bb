/* rules.c - the rule engine of 'units check' and 'validate' (see rules.h). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "exitcodes.h"
#include "i18n.h"
#include "labels.h"
#include "reasons.h"
#include "rules.h"
#include "strbuf.h"
#include "banned.h"

const char *const sn_rule_sev_names[SN_NSEV + 1] = { "error", "warning", "info", NULL };

void sn_rules_init(struct sn_rules *rs, const struct sn_rule *rules, size_t n, const char *query)
{
	memset(rs, 0, sizeof *rs);
	rs->rules = rules;
	rs->n = n < SN_RULES_MAX ? n : SN_RULES_MAX;
	rs->query = query;
	rs->maxsev = SN_SEV_INFO;
	rs->lang = sn_lang_current();
}

void sn_rules_release(struct sn_rules *rs)
{
	for (size_t i = 0; i < rs->n; i++) {
		struct sn_rule_result *res = &rs->res[i];
		for (size_t k = 0; k < res->n; k++) {
			free(res->rows[k].subject);
			free(res->rows[k].detail);
			free(res->rows[k].detail_en);
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

/* The two texts of a detail read from column I of ST: a detail value's English and translation,
 * else the column's text for both ("" for NULL). */
static int detail_sides(sqlite3_stmt *st, int i, const char **en, const char **text);

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
	const char *en, *text;
	char *subject = strdup(sn_col(st, 0)), *detail = NULL, *detail_en = NULL, *name = NULL;
	int oom = !subject || detail_sides(st, 1, &en, &text) < 0 || !(detail = strdup(text)) ||
		  !(detail_en = strdup(en));
	if (!oom && rs->name)
		oom = rs->name(ctx, rs->name_arg, subject, &name) < 0;
	if (oom) {
		free(subject);
		free(detail);
		free(detail_en);
		free(name);
		goto oom;
	}
	res->rows[res->n].subject = subject;
	res->rows[res->n].detail = detail;
	res->rows[res->n].detail_en = detail_en;
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

/* --- the details: tr(), sn_label(), tr_concat() (rules.h) ------------------------------------ */

/* A detail value in another language than English: MAGIC, the English, NUL, the translation, NUL.
 * As a BLOB it sorts after text and, among details, as its English text. */
static const char MAGIC[4] = { '\x01', 's', 'n', '\x02' };

/* Splits a detail value (P, N bytes) into its English and translation. Returns 0, or -1 when P
 * is not one. */
static int pair_split(const char *p, int n, const char **en, const char **text)
{
	const char *z;
	if (!p || n < (int)sizeof MAGIC + 2 || memcmp(p, MAGIC, sizeof MAGIC) || p[n - 1] ||
	    !(z = memchr(p + sizeof MAGIC, '\0', (size_t)n - sizeof MAGIC)) || z == p + n - 1)
		return -1;
	*en = p + sizeof MAGIC;
	*text = z + 1;
	return 0;
}

static int detail_sides(sqlite3_stmt *st, int i, const char **en, const char **text)
{
	if (sqlite3_column_type(st, i) == SQLITE_BLOB &&
	    !pair_split(sqlite3_column_blob(st, i), sqlite3_column_bytes(st, i), en, text))
		return 0;
	const char *s = (const char *)sqlite3_column_text(st, i);
	if (!s && sqlite3_column_type(st, i) != SQLITE_NULL)
		return -1;  /* out of memory */
	*en = *text = s ? s : "";
	return 0;
}

/* The two texts of an argument, as detail_sides. Returns 1 for NULL, 0, or -1 when out of
 * memory. */
static int value_sides(sqlite3_value *v, const char **en, const char **text)
{
	int type = sqlite3_value_type(v);
	if (type == SQLITE_NULL)
		return 1;
	if (type == SQLITE_BLOB && !pair_split(sqlite3_value_blob(v), sqlite3_value_bytes(v), en, text))
		return 0;
	if (!(*en = (const char *)sqlite3_value_text(v)))
		return -1;
	*text = *en;
	return 0;
}

/* Sets C's result from B and gives it B's memory: the plain text B holds (PLAIN), else a detail
 * value, MAGIC EN NUL TEXT, to which the last NUL is added here. */
static void result(sqlite3_context *c, struct sn_buf *b, int plain)
{
	if (!plain && sn_buf_add(b, "", 1))
		goto oom;
	if (!b->p && sn_buf_add(b, "", 0))
		goto oom;
	if (plain)
		sqlite3_result_text(c, b->p, (int)b->len, free);
	else
		sqlite3_result_blob(c, b->p, (int)b->len, free);
	return;
oom:
	sn_buf_release(b);
	sqlite3_result_error_nomem(c);
}

void sn_rules_result(sqlite3_context *c, const char *en, const char *text)
{
	struct sn_buf b = SN_BUF_INIT;
	int plain = !text || !strcmp(en, text);
	if (plain ? sn_buf_adds(&b, en) :
	    sn_buf_add(&b, MAGIC, sizeof MAGIC) || sn_buf_adds(&b, en) || sn_buf_add(&b, "", 1) ||
	    sn_buf_adds(&b, text)) {
		sn_buf_release(&b);
		sqlite3_result_error_nomem(c);
		return;
	}
	result(c, &b, plain);
}

/* Appends FMT to B, each conversion replaced by the text of the argument it takes: %s and %d the
 * next of ARGS (N of them), %N$s and %N$d the Nth, %% a %. Anything else is copied. Returns 0 or
 * -1 (out of memory). */
static int format(struct sn_buf *b, const char *fmt, const char *const *args, int n)
{
	int next = 0;
	const char *p = fmt;
	for (const char *pct; (pct = strchr(p, '%'));) {
		const char *q = pct + 1;
		int i = -1;
		if (sn_buf_add(b, p, (size_t)(pct - p)))
			return -1;
		if (*q >= '1' && *q <= '9') {
			int k = 0;
			while (*q >= '0' && *q <= '9' && k < 1000)
				k = 10 * k + (*q++ - '0');
			if (*q == '$') {
				i = k - 1;
				q++;
			} else {
				q = pct + 1;
			}
		}
		if (*q == '%' && i < 0) {
			if (sn_buf_add(b, "%", 1))
				return -1;
		} else if (*q == 's' || *q == 'd') {
			if (i < 0)
				i = next++;
			if (i < n && sn_buf_adds(b, args[i]))
				return -1;
		} else {
			if (sn_buf_add(b, "%", 1))
				return -1;
			q = pct;
		}
		p = q + 1;
	}
	return sn_buf_adds(b, p);
}

/* Arguments of tr() after its format: as many as a sentence needs. */
#define TR_MAXARGS 16

/* tr(FORMAT, ARG...): the user data is the language (enum sn_lang) of the run. */
static void sql_tr(sqlite3_context *c, int argc, sqlite3_value **v)
{
	const char *en[TR_MAXARGS], *text[TR_MAXARGS], *fmt;
	int plain = (intptr_t)sqlite3_user_data(c) == SN_LANG_EN;
	struct sn_buf b = SN_BUF_INIT;
	if (argc < 1 || argc > 1 + TR_MAXARGS) {
		sqlite3_result_error(c, "tr(): a format and at most 16 arguments", -1);
		return;
	}
	if (sqlite3_value_type(v[0]) == SQLITE_NULL)
		goto null;
	if (!(fmt = (const char *)sqlite3_value_text(v[0])))
		goto oom;
	for (int i = 1; i < argc; i++) {
		int r = value_sides(v[i], &en[i - 1], &text[i - 1]);
		if (r > 0)
			goto null;
		if (r < 0)
			goto oom;
	}
	if (plain) {
		if (format(&b, fmt, en, argc - 1))
			goto oom;
	} else {
		/* gettext("") would be the catalog's header. */
		if (sn_buf_add(&b, MAGIC, sizeof MAGIC) || format(&b, fmt, en, argc - 1) || sn_buf_add(&b, "", 1) ||
		    format(&b, *fmt ? _(fmt) : fmt, text, argc - 1))
			goto oom;
	}
	result(c, &b, plain);
	return;
null:
	sqlite3_result_null(c);
	return;
oom:
	sn_buf_release(&b);
	sqlite3_result_error_nomem(c);
}

/* sn_label(KIND, VALUE). */
static void sql_label(sqlite3_context *c, int argc, sqlite3_value **v)
{
	(void)argc;
	enum sn_lang lang = (enum sn_lang)(intptr_t)sqlite3_user_data(c);
	const char *kind = (const char *)sqlite3_value_text(v[0]);
	const char *value = (const char *)sqlite3_value_text(v[1]);
	if (!kind || !value)
		sqlite3_result_null(c);
	else
		sn_rules_result(c, value, lang == SN_LANG_EN ? NULL : sn_label(kind, value, lang));
}

struct concat {
	struct sn_buf en, text;
	long n;
	int oom;
};

/* tr_concat(X, SEP): the step. NULLs are left out, as group_concat does; SEP is "," without it. */
static void concat_step(sqlite3_context *c, int argc, sqlite3_value **v)
{
	struct concat *a = sqlite3_aggregate_context(c, sizeof *a);
	int plain = (intptr_t)sqlite3_user_data(c) == SN_LANG_EN;
	const char *en, *text, *sep = argc > 1 ? (const char *)sqlite3_value_text(v[1]) : ",";
	int r;
	if (!a) {
		sqlite3_result_error_nomem(c);
		return;
	}
	if (a->oom || (r = value_sides(v[0], &en, &text)) > 0)
		return;
	if (!sep)
		sep = "";
	if (r < 0 || (a->n && (sn_buf_adds(&a->en, sep) || (!plain && sn_buf_adds(&a->text, sep)))) ||
	    sn_buf_adds(&a->en, en) || (!plain && sn_buf_adds(&a->text, text)))
		a->oom = 1;
	a->n++;
}

static void concat_final(sqlite3_context *c)
{
	struct concat *a = sqlite3_aggregate_context(c, 0);
	if (!a || !a->n) {
		sqlite3_result_null(c);
	} else if (a->oom) {
		sqlite3_result_error_nomem(c);
	} else if ((intptr_t)sqlite3_user_data(c) == SN_LANG_EN) {
		sqlite3_result_text(c, sn_buf_str(&a->en), -1, SQLITE_TRANSIENT);
	} else {
		/* The two texts are the same only if every X was plain text. */
		sn_rules_result(c, sn_buf_str(&a->en), sn_buf_str(&a->text));
	}
	if (a) {
		sn_buf_release(&a->en);
		sn_buf_release(&a->text);
	}
}

static int create_functions(struct sn_ctx *ctx, enum sn_lang lang)
{
	void *l = (void *)(intptr_t)lang;
	int f = SQLITE_UTF8 | SQLITE_DETERMINISTIC;
	if (sqlite3_create_function(ctx->db, "tr", -1, f, l, sql_tr, NULL, NULL) != SQLITE_OK ||
	    sqlite3_create_function(ctx->db, "sn_label", 2, f, l, sql_label, NULL, NULL) != SQLITE_OK ||
	    sqlite3_create_function(ctx->db, "sn_reason", 1, f, NULL, sn_reason_sql, NULL, NULL) != SQLITE_OK ||
	    sqlite3_create_function(ctx->db, "tr_concat", 1, f, l, NULL, concat_step, concat_final) != SQLITE_OK ||
	    sqlite3_create_function(ctx->db, "tr_concat", 2, f, l, NULL, concat_step, concat_final) != SQLITE_OK) {
		sn_error(ctx, "database: cannot register functions: %s", sqlite3_errmsg(ctx->db));
		return SN_IO;
	}
	return 0;
}

int sn_rules_run(struct sn_ctx *ctx, struct sn_rules *rs)
{
	/* The details' language is the run's: tr() translates with gettext, and so do the commands'
	 * own functions (agency codes, phone numbers). */
	enum sn_lang prev = sn_lang_use(rs->lang);
	int rc = create_functions(ctx, rs->lang);
	for (size_t i = 0; i < rs->n && !rc; i++)
		if (rs->selected[i] && rs->rules[i].sql)
			rc = run_rule(ctx, rs, i);
	sn_lang_use(prev);
	return rc;
}
