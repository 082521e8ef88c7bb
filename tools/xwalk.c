/* xwalk.c - the crosswalk as a lookup: one code as written -> what it is now. */
#include <stdlib.h>
#include <string.h>
#include "agcode.h"
#include "db.h"
#include "xwalk.h"
#include "i18n.h"
#include "banned.h"

struct sn_xwalk {
	struct sn_ctx *ctx;
	sqlite3_stmt *by_key, *succ, *closed_l1;
};

struct sn_xwalk *sn_xwalk_open(struct sn_ctx *ctx)
{
	struct sn_xwalk *x = calloc(1, sizeof *x);
	if (!x)
		return NULL;
	x->ctx = ctx;
	/* By sort key, so "H10.16" finds the crosswalk row of "000.00.16.H10". */
	x->by_key = sn_prepare(ctx, "SELECT x.old_code, x.outcome, COALESCE(x.new_code, '') FROM crosswalk x "
				    "JOIN agency a ON a.code = x.old_code WHERE a.sort_key = ?1 ORDER BY a.code LIMIT 1");
	x->succ = sn_prepare(ctx, "SELECT new_code FROM crosswalk_successor WHERE old_code = ?1 ORDER BY new_code");
	x->closed_l1 = sn_prepare(ctx, "SELECT 1 FROM closed_code WHERE code = ?1");
	if (!x->by_key || !x->succ || !x->closed_l1) {
		sn_xwalk_close(x);
		return NULL;
	}
	return x;
}

void sn_xwalk_close(struct sn_xwalk *x)
{
	if (!x)
		return;
	sqlite3_finalize(x->by_key);
	sqlite3_finalize(x->succ);
	sqlite3_finalize(x->closed_l1);
	free(x);
}

/* CODE formatted in the notation AS was written in (QCVN when that notation cannot show it). */
static void in_notation(const struct sn_agcode *as, const char *code, char *out, size_t len)
{
	struct sn_agcode c;
	if (sn_agcode_parse(code, &c) == SN_AGCODE_INVALID ||
	    sn_agcode_format(&c, as->notation, out, len) < 0)
		snprintf(out, len, "%s", code);
}

enum sn_map_result sn_xwalk_lookup(void *arg, const char *code, char *out, size_t outlen)
{
	struct sn_xwalk *x = arg;
	struct sn_agcode c;
	char key[40];
	if (sn_agcode_parse(code, &c) == SN_AGCODE_INVALID)
		return SN_MAP_UNKNOWN;
	sn_agcode_sort_key(&c, code, key, sizeof key);
	sqlite3_reset(x->by_key);
	sqlite3_bind_text(x->by_key, 1, key, -1, SQLITE_TRANSIENT);
	if (sn_step(x->ctx, x->by_key) != SQLITE_ROW) {
		sqlite3_reset(x->closed_l1);
		sqlite3_bind_text(x->closed_l1, 1, c.l1, -1, SQLITE_TRANSIENT);
		if (sn_step(x->ctx, x->closed_l1) == SQLITE_ROW) {
			snprintf(out, outlen, _("no successor known: level-1 code %s is closed and the crosswalk "
						"does not list this code"), c.l1);
			return SN_MAP_AMBIGUOUS;
		}
		return SN_MAP_UNKNOWN;
	}
	const char *outcome = sn_col(x->by_key, 1);
	if (!strcmp(outcome, "kept"))
		return SN_MAP_SAME;
	if (strcmp(outcome, "closed")) {
		in_notation(&c, sn_col(x->by_key, 2), out, outlen);
		return SN_MAP_NEW;
	}
	/* Closed: one successor is unambiguous; several (or none) need a person. */
	char old[40], first[40] = "";
	snprintf(old, sizeof old, "%s", sn_col(x->by_key, 0));
	sqlite3_reset(x->succ);
	sqlite3_bind_text(x->succ, 1, old, -1, SQLITE_TRANSIENT);
	int n = 0;
	size_t used = 0;
	out[0] = '\0';
	while (sn_step(x->ctx, x->succ) == SQLITE_ROW) {
		if (!n)
			snprintf(first, sizeof first, "%s", sn_col(x->succ, 0));
		if (used < outlen)
			used += (size_t)snprintf(out + used, outlen - used, "%s%s", n ? "; " : "",
						 sn_col(x->succ, 0));
		n++;
	}
	if (n == 1) {
		in_notation(&c, first, out, outlen);
		return SN_MAP_NEW;
	}
	if (n == 0)
		snprintf(out, outlen, "%s", _("closed without a successor"));
	return SN_MAP_AMBIGUOUS;
}

static void sql_new_code(sqlite3_context *c, int argc, sqlite3_value **v)
{
	(void)argc;
	const char *s = (const char *)sqlite3_value_text(v[0]);
	if (!s) {
		sqlite3_result_null(c);
		return;
	}
	char *out = NULL, err[600];
	int rc = sn_rewrite_value(s, sn_xwalk_lookup, sqlite3_user_data(c), &out, err, sizeof err);
	if (rc) {
		sqlite3_result_error(c, err, -1);
		return;
	}
	sqlite3_result_text(c, out, -1, free);
}

int sn_xwalk_sql(struct sn_ctx *ctx, struct sn_xwalk *x)
{
	return sqlite3_create_function(ctx->db, "sn_new_code", 1, SQLITE_UTF8, x, sql_new_code,
				       NULL, NULL) == SQLITE_OK ? 0 : -1;
}
