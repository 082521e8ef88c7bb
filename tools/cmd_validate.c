/* cmd_validate.c - 'sapnhap validate': is the merged province ready to go live?
 *
 * Checks the working database after 'recode' and 'reassign': the code table, the merged catalog
 * with its active bindings, the dossiers and the review queue. Each rule is one query returning
 * the offending rows (subject, detail, sort_key), with an id, a severity and a message, in the
 * manner of dbt tests; the report gives, per rule in table order, the count and a capped sample,
 * then statistics of the catalogs (the shares the province reports: fully online, partly online,
 * integrated on the national portal). Exit 1 when an error-severity rule has rows. The rule engine
 * (rules.c) runs the queries; this file holds the rules, the statistics and the report.
 *
 * Queries see :t (the merged province, '75'), :l1 and :k1 (its level-1 codes, 'H19', 'K19'),
 * derived from the imported registries, and the SQL functions registered below.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "agcode.h"
#include "cli.h"
#include "options.h"
#include "csv.h"
#include "contact.h"
#include "province.h"
#include "db.h"
#include "labels.h"
#include "options.h"
#include "outfile.h"
#include "report.h"
#include "rules.h"
#include "text.h"
#include "banned.h"

/* What a rule reads: the code table (after recode) or the merged catalog (after reassign). */
enum { REQ_CODES = 1, REQ_MERGED = 2 };

/* Active bindings of the merged catalog at agencies of the code table (nb; bindings elsewhere
 * are the binding rules' findings), those that receive the procedure online (nol), and the first
 * three that do not (missing). */
#define BINDINGS_OF(m)                                                                              \
	"(SELECT count(*) FROM binding b JOIN code_table c ON c.code = b.agency_code WHERE "            \
	"b.active = 1 AND b.catalog = :t AND b.national_code = " m ") AS nb, (SELECT count(*) FROM "    \
	"binding b JOIN code_table c ON c.code = b.agency_code WHERE b.active = 1 AND b.catalog = :t "  \
	"AND b.online = 1 AND b.national_code = " m ") AS nol, (SELECT group_concat(agency_code, ', ') " \
	"FROM (SELECT b.agency_code FROM binding b JOIN code_table c ON c.code = b.agency_code WHERE "  \
	"b.active = 1 AND b.catalog = :t AND b.national_code = " m " AND b.online = 0 ORDER BY "        \
	"b.agency_code LIMIT 3)) AS missing "

/* Whether a procedure of the merged catalog is offered online / on the national portal: the
 * merged value, or while the catalogs disagree (NULL), what any old catalog says (the portal
 * links to that one). */
#define FLAGS                                                                                       \
	"CASE WHEN m.online_level IS NOT NULL THEN m.online_level IN ('full', 'partial') ELSE EXISTS "  \
	"(SELECT 1 FROM procedure p WHERE p.national_code = m.national_code AND p.online_level IN "     \
	"('full', 'partial')) END AS online, CASE WHEN m.portal IS NOT NULL THEN m.portal = 1 ELSE "    \
	"EXISTS (SELECT 1 FROM procedure p WHERE p.national_code = m.national_code AND p.portal = 1) "  \
	"END AS portal, "

/* How the procedure is offered, in words: "online partial, on the national portal". */
#define OFFERED                                                                                     \
	"CASE WHEN f.online AND f.portal THEN tr('%s, on the national portal', " ONLINE ") "            \
	"WHEN f.online THEN " ONLINE " ELSE tr('on the national portal') END"
#define ONLINE                                                                                      \
	"CASE WHEN f.online_level IS NULL THEN tr('online level undecided') "                           \
	"ELSE tr('online %s', sn_label('online_level', f.online_level)) END"

/* Columns subject, detail, sort_key; no SQL: the statistics. A detail is one tr() sentence
 * (rules.h), stored values labelled with sn_label(); what the database stores as prose (review
 * reasons, why a code is closed) with sn_reason(), stored in English, shown translated. */
static const struct sn_rule rules[] = {
	{ "binding-district-level", SN_SEV_ERROR, REQ_MERGED,
	  N_("an active binding at district level, or of the merged catalog at an old agency code"),
	  "SELECT b.national_code AS subject, CASE WHEN COALESCE(c.kind, a.kind) IN ('district-committee', "
	  "  'district-office') THEN tr('catalog %s: at %s %s (%s)', b.catalog, b.agency_code, COALESCE(c.name, a.name), "
	  "  sn_label('agency_kind', COALESCE(c.kind, a.kind))) "
	  "  WHEN x.new_code IS NULL THEN tr('catalog %s: at %s %s (old code, %s)', b.catalog, b.agency_code, "
	  "  COALESCE(c.name, a.name), sn_label('outcome', x.outcome)) "
	  "  ELSE tr('catalog %s: at %s %s (old code, %s -> %s)', b.catalog, b.agency_code, COALESCE(c.name, a.name), "
	  "  sn_label('outcome', x.outcome), x.new_code) END AS detail, b.national_code || ' ' || b.agency_code AS sort_key "
	  "FROM binding b LEFT JOIN code_table c ON c.code = b.agency_code LEFT JOIN agency a ON a.code = b.agency_code "
	  "LEFT JOIN crosswalk x ON x.old_code = b.agency_code WHERE b.active = 1 AND "
	  "(COALESCE(c.kind, a.kind) IN ('district-committee', 'district-office') OR "
	  "(b.catalog = :t AND x.outcome IS NOT NULL AND x.outcome <> 'kept'))" },
	{ "binding-agency-unknown", SN_SEV_ERROR, REQ_MERGED,
	  N_("an active binding of the merged catalog at a code that is neither in the code table nor an old code"),
	  "SELECT b.national_code AS subject, tr('at %s, which the code table does not have', b.agency_code) AS detail, "
	  "  b.national_code || ' ' || b.agency_code AS sort_key FROM binding b WHERE b.active = 1 AND b.catalog = :t "
	  "AND NOT EXISTS (SELECT 1 FROM code_table c WHERE c.code = b.agency_code) AND NOT EXISTS "
	  "(SELECT 1 FROM crosswalk x WHERE x.old_code = b.agency_code AND x.outcome <> 'kept')" },
	{ "online-not-received", SN_SEV_ERROR, REQ_MERGED,
	  N_("a procedure offered online or on the national portal that is not in the merged catalog or that "
	  "no agency receives online (\"TTHC không tồn tại hoặc đơn vị chưa đăng ký tiếp nhận online\")"),
	  "SELECT f.national_code AS subject, CASE "
	  "  WHEN f.nb = 0 THEN tr('%s: no active binding at an agency of the code table', " OFFERED ") "
	  "  WHEN f.nb = 1 THEN tr('%s: its one active binding, at %s, does not receive it online', " OFFERED ", f.missing) "
	  "  WHEN f.nb <= 3 THEN tr('%s: none of its %d active bindings receives it online (%s)', " OFFERED ", f.nb, f.missing) "
	  "  ELSE tr('%s: none of its %d active bindings receives it online (%s, ...)', " OFFERED ", f.nb, f.missing) "
	  "  END AS detail, f.national_code AS sort_key "
	  "FROM (SELECT m.national_code, m.online_level, " FLAGS BINDINGS_OF("m.national_code")
	  "  FROM merged_procedure m) f WHERE (f.online OR f.portal) AND f.nol = 0 "
	  "UNION ALL SELECT p.national_code, tr('offered online or on the national portal by catalog %s but not in the "
	  "merged catalog', group_concat(p.province, ', ')), p.national_code FROM "
	  "  (SELECT * FROM procedure ORDER BY province) p WHERE (p.online_level IN ('full', 'partial') OR p.portal = 1) "
	  "  AND NOT EXISTS (SELECT 1 FROM merged_procedure m WHERE m.national_code = p.national_code) "
	  "  GROUP BY p.national_code" },
	{ "online-not-everywhere", SN_SEV_WARNING, REQ_MERGED,
	  N_("a procedure offered online that some of its agencies do not receive online"),
	  "SELECT f.national_code AS subject, CASE WHEN f.nb - f.nol <= 3 "
	  "  THEN tr('%s: received online at %d of %d agencies; not at %s', " OFFERED ", f.nol, f.nb, f.missing) "
	  "  ELSE tr('%s: received online at %d of %d agencies; not at %s, ...', " OFFERED ", f.nol, f.nb, f.missing) "
	  "  END AS detail, f.national_code AS sort_key "
	  "FROM (SELECT m.national_code, m.online_level, " FLAGS BINDINGS_OF("m.national_code")
	  "  FROM merged_procedure m) f WHERE (f.online OR f.portal) AND f.nol > 0 AND f.nol < f.nb" },
	{ "online-level-none", SN_SEV_WARNING, REQ_MERGED,
	  N_("a procedure whose online level is none that some of its agencies receive online"),
	  "SELECT m.national_code AS subject, tr('online level none, yet %d binding(s) receive it online: %s', "
	  "  (SELECT count(*) FROM binding b WHERE b.active = 1 AND b.catalog = :t AND b.online = 1 AND "
	  "  b.national_code = m.national_code), (SELECT group_concat(agency_code, ', ') FROM "
	  "  (SELECT b.agency_code FROM binding b WHERE b.active = 1 AND b.catalog = :t AND b.online = 1 AND "
	  "  b.national_code = m.national_code ORDER BY b.agency_code LIMIT 3))) AS detail, m.national_code AS sort_key "
	  "FROM merged_procedure m WHERE m.online_level = 'none' AND EXISTS (SELECT 1 FROM binding b WHERE "
	  "  b.active = 1 AND b.catalog = :t AND b.online = 1 AND b.national_code = m.national_code)" },
	{ "agency-code-invalid", SN_SEV_ERROR, REQ_CODES, N_("a code of the code table that is not an agency code"),
	  "SELECT code AS subject, tr('%s: %s', name, sn_agcode_problem(code)) AS detail, sort_key FROM code_table "
	  "WHERE sn_agcode_status(code) = 'invalid'" },
	{ "agency-code-nonconforming", SN_SEV_WARNING, REQ_CODES,
	  N_("a code of the code table that breaks a rule of QCVN 102:2016 or QĐ 20/2020 (kept, flagged)"),
	  "SELECT code AS subject, tr('%s: %s', name, sn_agcode_problem(code)) AS detail, sort_key FROM code_table "
	  "WHERE sn_agcode_status(code) = 'nonconforming'" },
	{ "agency-code-duplicate", SN_SEV_ERROR, REQ_CODES,
	  N_("one code written more than once in the code table (in another notation or spelling)"),
	  "WITH k AS MATERIALIZED (SELECT code, name, sort_key, sn_agcode_key(code) AS key FROM code_table) "
	  "SELECT min(code) AS subject, tr('%d rows: %s', count(*), group_concat(code || ' ' || name, '; ')) AS detail, "
	  "  min(sort_key) AS sort_key FROM (SELECT * FROM k ORDER BY key, code) GROUP BY key HAVING count(*) > 1" },
	{ "agency-code-closed", SN_SEV_ERROR, REQ_CODES, N_("a code of the code table that was closed, never to be issued again"),
	  "WITH k AS MATERIALIZED (SELECT code, name, sort_key, sn_agcode_key(code) AS key FROM code_table) "
	  "SELECT k.code AS subject, tr('%s: %s is closed (%s)', k.name, x.code, sn_reason(x.reason)) AS detail, "
	  "  k.sort_key FROM k JOIN closed_code x ON x.sort_key = k.key OR x.code = k.code" },
	{ "agency-code-level1", SN_SEV_ERROR, REQ_CODES,
	  N_("a code of the code table that is not under the merged province's level-1 codes"),
	  "SELECT c.code AS subject, CASE WHEN x.code IS NULL OR x.reason IS NULL "
	  "  THEN tr('%s: level-1 code %s, not %s or %s', c.name, sn_agcode_l1(c.code), :l1, :k1) "
	  "  ELSE tr('%s: level-1 code %s, not %s or %s (%s is closed: %s)', c.name, sn_agcode_l1(c.code), :l1, :k1, "
	  "  x.code, sn_reason(x.reason)) END AS detail, "
	  "  c.sort_key FROM code_table c LEFT JOIN closed_code x ON x.code = sn_agcode_l1(c.code) "
	  "WHERE sn_agcode_l1(c.code) NOT IN (:l1, :k1)" },
	{ "agency-parent-unknown", SN_SEV_ERROR, REQ_CODES,
	  N_("an agency whose parent code is not in the code table"),
	  "SELECT c.code AS subject, tr('%s: parent %s is not in the code table', c.name, c.parent_code) AS detail, "
	  "  c.sort_key FROM code_table c WHERE COALESCE(c.parent_code, '') <> '' AND NOT EXISTS "
	  "(SELECT 1 FROM code_table p WHERE p.code = c.parent_code)" },
	{ "dossier-agency-unknown", SN_SEV_ERROR, REQ_MERGED,
	  N_("an in-flight dossier at an agency that is not in the code table (and waits for no decision)"),
	  "SELECT d.code AS subject, CASE WHEN x.outcome IS NULL "
	  "  THEN tr('procedure %s at %s, which the code table does not have', d.national_code, d.agency_code) "
	  "  ELSE tr('procedure %s at %s (old code, %s)', d.national_code, d.agency_code, sn_label('outcome', x.outcome)) "
	  "  END AS detail, "
	  "  d.code AS sort_key FROM dossier d LEFT JOIN crosswalk x ON x.old_code = d.agency_code "
	  "WHERE NOT EXISTS (SELECT 1 FROM code_table c WHERE c.code = d.agency_code) AND NOT EXISTS "
	  "(SELECT 1 FROM review r WHERE r.step = 'reassign' AND r.subject = 'dossier:' || d.code AND r.status = 'open')" },
	{ "dossier-unbound", SN_SEV_ERROR, REQ_MERGED,
	  N_("an in-flight dossier at an agency that does not implement its procedure in the merged catalog"),
	  "SELECT d.code AS subject, CASE WHEN NOT EXISTS (SELECT 1 FROM merged_procedure m WHERE "
	  "  m.national_code = d.national_code) THEN tr('procedure %s is not in the merged catalog', d.national_code) "
	  "  ELSE tr('procedure %s is not bound at %s %s', d.national_code, d.agency_code, c.name) END AS detail, "
	  "  d.code AS sort_key "
	  "FROM dossier d JOIN code_table c ON c.code = d.agency_code WHERE NOT EXISTS (SELECT 1 FROM binding b "
	  "  WHERE b.active = 1 AND b.catalog = :t AND b.national_code = d.national_code AND b.agency_code = "
	  "  d.agency_code) AND NOT EXISTS (SELECT 1 FROM review r WHERE r.step = 'reassign' AND "
	  "  r.subject = 'dossier:' || d.code AND r.status = 'open')" },
	{ "commune-without-committee", SN_SEV_ERROR, REQ_CODES,
	  N_("a new commune of the merged province, in force, without its committee in the code table"),
	  "SELECT u.code AS subject, tr('%s: no commune committee in the code table', u.name) AS detail, "
	  "  u.code AS sort_key FROM unit u WHERE u.level = 'commune' AND u.province_code = :t "
	  "AND u.valid_to IS NULL AND u.opened_by IS NOT NULL AND NOT EXISTS (SELECT 1 FROM code_table c "
	  "WHERE c.kind = 'commune-committee' AND c.unit_code = u.code)" },
	{ "commune-procedure-unbound", SN_SEV_ERROR, REQ_MERGED,
	  N_("a commune-level procedure not bound at every commune committee (filing must not depend on the "
	  "boundary within the province)"),
	  "WITH cc AS MATERIALIZED (SELECT code, unit_code FROM code_table WHERE kind = 'commune-committee'), "
	  "gap AS (SELECT m.national_code, cc.code, cc.unit_code, row_number() OVER (PARTITION BY m.national_code "
	  "  ORDER BY cc.code) AS n FROM merged_procedure m JOIN cc WHERE (instr(m.levels, 'commune') > 0 OR "
	  "  EXISTS (SELECT 1 FROM procedure p WHERE p.national_code = m.national_code AND "
	  "  instr(p.levels, 'commune') > 0)) AND NOT EXISTS (SELECT 1 FROM binding b WHERE b.active = 1 AND "
	  "  b.catalog = :t AND b.national_code = m.national_code AND b.agency_code = cc.code)) "
	  "SELECT national_code AS subject, CASE WHEN count(*) <= 3 "
	  "  THEN tr('not bound at %d of %d commune committees: %s', count(*), (SELECT count(*) FROM cc), "
	  "  group_concat(CASE WHEN n <= 3 THEN code || ' (' || unit_code || ')' END, ', ')) "
	  "  ELSE tr('not bound at %d of %d commune committees: %s, ...', count(*), (SELECT count(*) FROM cc), "
	  "  group_concat(CASE WHEN n <= 3 THEN code || ' (' || unit_code || ')' END, ', ')) END AS detail, "
	  "  national_code AS sort_key "
	  "FROM (SELECT * FROM gap ORDER BY national_code, n) GROUP BY national_code" },
	{ "phone-invalid", SN_SEV_WARNING, REQ_CODES,
	  N_("a phone number that is not a Vietnamese mobile (10 digits), landline (11, a 2017 area code) or "
	  "1800/1900 hotline"),
	  "SELECT code AS subject, tr('%s: %s', name, sn_contact_problem('phone', phone)) AS detail, sort_key "
	  "FROM code_table "
	  "WHERE sn_phone_problem(phone) IS NOT NULL" },
	{ "email-invalid", SN_SEV_WARNING, REQ_CODES, N_("an e-mail address that is not local@domain.tld"),
	  "SELECT code AS subject, tr('%s: %s', name, sn_contact_problem('email', email)) AS detail, sort_key "
	  "FROM code_table "
	  "WHERE sn_email_problem(email) IS NOT NULL" },
	{ "contact-missing", SN_SEV_INFO, REQ_CODES, N_("an agency without a phone number or an e-mail address, to fill in"),
	  "SELECT code AS subject, CASE WHEN trim(COALESCE(phone, '')) = '' AND trim(COALESCE(email, '')) = '' "
	  "  THEN tr('%s: no phone, no e-mail', name) WHEN trim(COALESCE(phone, '')) = '' THEN tr('%s: no phone', name) "
	  "  ELSE tr('%s: no e-mail', name) END AS detail, sort_key FROM code_table "
	  "WHERE trim(COALESCE(phone, '')) = '' OR trim(COALESCE(email, '')) = ''" },
	{ "review-open", SN_SEV_WARNING, REQ_CODES,
	  N_("an open review item that needs a person (catalog conflicts: see catalog-conflict)"),
	  "SELECT subject, CASE WHEN COALESCE(detail, '') = '' THEN tr('%s: %s', step, sn_reason(reason)) "
	  "  ELSE tr('%s: %s: %s', step, sn_reason(reason), sn_reason(detail)) END AS detail, "
	  "  printf('%s %s %012d', step, subject, id) AS sort_key FROM review "
	  "WHERE status = 'open' AND reason NOT LIKE 'conflict:%'" },
	{ "catalog-conflict", SN_SEV_WARNING, REQ_MERGED,
	  N_("a procedure of the merged catalog with fields on which the old catalogs disagree, awaiting a decision"),
	  "SELECT m.national_code AS subject, tr('%d field(s) await a decision: %s', m.conflicts, "
	  "  COALESCE((SELECT group_concat(field, ', ') FROM (SELECT DISTINCT r.field FROM review r WHERE "
	  "  r.step = 'reassign' AND r.subject = m.national_code AND r.status = 'open' AND r.field IS NOT NULL "
	  "  ORDER BY 1)), '?')) AS detail, "
	  "  m.national_code AS sort_key FROM merged_procedure m WHERE m.conflicts > 0" },
	{ "statistics", SN_SEV_INFO, REQ_MERGED,
	  N_("the catalogs in figures: procedures, shares online and on the national portal, per level"), NULL },
};
#define NRULES (sizeof rules / sizeof rules[0])
_Static_assert(NRULES <= SN_RULES_MAX, "more rules than the engine holds");

/* --- statistics ------------------------------------------------------------------------------ */

enum { ST_PROCEDURES, ST_FULL, ST_PARTIAL, ST_NONE, ST_UNDECIDED, ST_PORTAL, ST_PORTAL_UNDECIDED,
       ST_PROVINCE, ST_DISTRICT, ST_COMMUNE, NSTAT };

/* Names in JSON and CSV, labels in text (N_(): translated where printed); pct: also given as a
 * share of the procedures. */
static const struct {
	const char *name, *label;
	int pct;
} stat_fields[NSTAT] = {
	{ "procedures", N_("procedures"), 0 },
	{ "full_online", N_("fully online"), 1 },
	{ "partial_online", N_("partly online"), 1 },
	{ "not_online", N_("not online"), 0 },
	{ "online_undecided", N_("online level undecided"), 0 },
	{ "portal", N_("on the national portal"), 1 },
	{ "portal_undecided", N_("portal undecided"), 0 },
	{ "level_province", N_("at province level"), 0 },
	{ "level_district", N_("at district level"), 0 },
	{ "level_commune", N_("at commune level"), 0 },
};

struct stats {
	char scope[16];  /* "merged", or the old province whose catalog it is */
	long long v[NSTAT];
};

#define STAT_COLUMNS(table)                                                                          \
	"count(*), total(online_level = 'full'), total(online_level = 'partial'), "                     \
	"total(online_level = 'none'), total(online_level IS NULL), total(portal = 1), "                \
	"total(portal IS NULL), total(instr(levels, 'province') > 0), total(instr(levels, 'district') > 0), " \
	"total(instr(levels, 'commune') > 0) FROM " table

static const char *STATS_SQL =
	"SELECT 0, 'merged', " STAT_COLUMNS("merged_procedure")
	" UNION ALL SELECT 1, province, " STAT_COLUMNS("procedure") " GROUP BY province ORDER BY 1, 2";

/* A share of the procedures in tenths of a percent, rounded half up: 10 of 41 -> 244. */
static long long tenths(long long n, long long total)
{
	return total > 0 ? (1000 * n + total / 2) / total : 0;
}

/* --- the run --------------------------------------------------------------------------------- */

struct target {
	char province[16], l1[8], k1[8];
};

/* sn_agcode_status(code), sn_agcode_problem(code), sn_agcode_key(code), sn_agcode_l1(code):
 * the agency-code parser inside SQL. The problem is a detail value (rules.h): in English and in
 * the language in use. */
static void sql_agcode(sqlite3_context *c, int argc, sqlite3_value **v)
{
	(void)argc;
	const char *s = (const char *)sqlite3_value_text(v[0]);
	struct sn_agcode a;
	char key[80];
	if (!s) {
		sqlite3_result_null(c);
		return;
	}
	enum sn_agcode_status st = sn_agcode_parse(s, &a);
	switch ((intptr_t)sqlite3_user_data(c)) {
	case 0:
		sqlite3_result_text(c, st == SN_AGCODE_OK ? "ok" : st == SN_AGCODE_INVALID ? "invalid" :
				    "nonconforming", -1, SQLITE_STATIC);
		break;
	case 1:
		if (st == SN_AGCODE_OK)
			sqlite3_result_null(c);
		else
			sn_rules_result(c, a.problem_en, a.problem);
		break;
	case 2:
		sn_agcode_sort_key(&a, s, key, sizeof key);
		sqlite3_result_text(c, key, -1, SQLITE_TRANSIENT);
		break;
	default:
		if (st == SN_AGCODE_INVALID)
			sqlite3_result_null(c);
		else
			sqlite3_result_text(c, a.l1, -1, SQLITE_TRANSIENT);
	}
}

/* sn_contact_problem('phone' | 'email', cell): NULL when the cell passes, else the reason as a
 * detail value, in English and in the language in use (checked again in English when that
 * differs: a bad cell is rare). */
static void sql_contact_problem(sqlite3_context *c, int argc, sqlite3_value **v)
{
	(void)argc;
	const char *kind = (const char *)sqlite3_value_text(v[0]);
	int email = kind && !strcmp(kind, "email");
	const char *s = (const char *)sqlite3_value_text(v[1]);
	char why[300], why_en[300];
	if (!(email ? sn_email_check(s, why, sizeof why) : sn_phone_check(s, why, sizeof why))) {
		sqlite3_result_null(c);
		return;
	}
	if (sn_lang_current() == SN_LANG_EN) {
		sn_rules_result(c, why, NULL);
		return;
	}
	enum sn_lang prev = sn_lang_use(SN_LANG_EN);
	if (email)
		sn_email_check(s, why_en, sizeof why_en);
	else
		sn_phone_check(s, why_en, sizeof why_en);
	sn_lang_use(prev);
	sn_rules_result(c, why_en, why);
}

static int register_functions(struct sn_ctx *ctx)
{
	static const char *names[] = { "sn_agcode_status", "sn_agcode_problem", "sn_agcode_key", "sn_agcode_l1" };
	int f = SQLITE_UTF8 | SQLITE_DETERMINISTIC;
	for (intptr_t i = 0; i < 4; i++)
		if (sqlite3_create_function(ctx->db, names[i], 1, f, (void *)i, sql_agcode, NULL, NULL) != SQLITE_OK)
			goto fail;
	if (sqlite3_create_function(ctx->db, "sn_contact_problem", 2, f, NULL, sql_contact_problem, NULL, NULL) ==
	    SQLITE_OK && sn_contact_functions(ctx->db) == SQLITE_OK)
		return 0;
fail:
	sn_error(ctx, "database: cannot register functions: %s", sqlite3_errmsg(ctx->db));
	return SN_IO;
}

/* The merged province and its surviving level-1 codes, as recode computed and stored them. */
static int derive_target(struct sn_ctx *ctx, struct target *t)
{
	struct sn_province p;
	int rc = sn_province_load(ctx, &p);
	if (rc)
		return rc;
	snprintf(t->province, sizeof t->province, "%s", p.code);
	snprintf(t->l1, sizeof t->l1, "%s", p.l1);
	snprintf(t->k1, sizeof t->k1, "%s", p.k1);
	return 0;
}

/* The procedure's name beside a national code in the text report (the name hook of the engine). */
static int procedure_name(struct sn_ctx *ctx, void *arg, const char *subject, char **name)
{
	sqlite3_stmt *names = arg;
	sqlite3_reset(names);
	sqlite3_bind_text(names, 1, subject, -1, SQLITE_TRANSIENT);
	if (sn_step(ctx, names) == SQLITE_ROW && *sn_col(names, 0) && !(*name = strdup(sn_col(names, 0))))
		return -1;
	return 0;
}

/* Loads the statistics: the merged catalog first, then each old catalog. Returns the number of
 * scopes (at most max) or -1. */
static int load_stats(struct sn_ctx *ctx, struct stats *s, int max)
{
	sqlite3_stmt *st = sn_prepare(ctx, STATS_SQL);
	int n = 0, r;
	if (!st)
		return -1;
	while ((r = sn_step(ctx, st)) == SQLITE_ROW) {
		if (n == max)
			continue;
		snprintf(s[n].scope, sizeof s[n].scope, "%s", sn_col(st, 1));
		for (int i = 0; i < NSTAT; i++)
			s[n].v[i] = sqlite3_column_int64(st, 2 + i);
		n++;
	}
	sqlite3_finalize(st);
	return r == SQLITE_DONE ? n : -1;
}

/* --- the report ------------------------------------------------------------------------------ */

struct report {
	const struct target *t;
	struct sn_ctx *ctx;
	int signoff;          /* the header (provinces, date, inputs) and the sign-off lines */
	enum sn_lang lang;
	int lang_asked;       /* --lang given: the JSON carries the details in it too */
	const struct sn_rules *rs;  /* the rules asked for and their results */
	struct stats stats[16];
	int nstats;           /* -1: statistics not asked for */
};

static void pct_text(char *buf, size_t len, long long n, long long total)
{
	long long t = tenths(n, total);
	snprintf(buf, len, "%lld.%lld", t / 10, t % 10);
}

/* One column of the statistics table; the last is not padded (no trailing blanks). */
static void stat_cell(FILE *f, const char *cell, int last)
{
	if (last)
		fprintf(f, "%s\n", cell);
	else
		sn_pad(f, cell, -16);
}

static void stats_text(FILE *f, const struct report *rp)
{
	/* The labels' column: 24 wide, or wider for longer labels in the language in use. */
	int width = 24;
	for (int i = 0; i < NSTAT; i++)
		if (sn_text_width(_(stat_fields[i].label)) + 2 > width)
			width = sn_text_width(_(stat_fields[i].label)) + 2;
	fputc('\n', f);
	sn_pad(f, _("statistics"), -(width + 2));
	for (int k = 0; k < rp->nstats; k++) {
		char head[80];
		if (k)
			snprintf(head, sizeof head, _("catalog %s"), rp->stats[k].scope);
		else
			snprintf(head, sizeof head, _("merged %s"), rp->t->province);
		stat_cell(f, head, k + 1 == rp->nstats);
	}
	for (int i = 0; i < NSTAT; i++) {
		fputs("  ", f);
		sn_pad(f, _(stat_fields[i].label), -width);
		for (int k = 0; k < rp->nstats; k++) {
			char cell[64], pct[24];
			const long long *v = rp->stats[k].v;
			if (stat_fields[i].pct) {
				pct_text(pct, sizeof pct, v[i], v[ST_PROCEDURES]);
				snprintf(cell, sizeof cell, "%lld (%s %%)", v[i], pct);
			} else {
				snprintf(cell, sizeof cell, "%lld", v[i]);
			}
			stat_cell(f, cell, k + 1 == rp->nstats);
		}
	}
}

/* The text report, wholly in the report's language (switched here and back at the end). */
static void print_text(FILE *f, const struct report *rp)
{
	int first = 1;
	enum sn_lang prev = sn_lang_use(rp->lang);
	if (rp->signoff) {
		fprintf(f, "%s\n", rp->lang == SN_LANG_VI ? "BÁO CÁO KIỂM TRA (VALIDATION REPORT)" :
			"VALIDATION REPORT");
		sn_report_header_text(rp->ctx, f, rp->lang);
		fputc('\n', f);
	}
	fprintf(f, _("validate: merged province %s (level-1 codes %s, %s)\n"), rp->t->province, rp->t->l1, rp->t->k1);
	for (size_t i = 0; i < NRULES; i++) {
		const struct sn_rule_result *res = &rp->rs->res[i];
		if (!rp->rs->selected[i] || !rules[i].sql)
			continue;
		if (first)
			fputc('\n', f);
		first = 0;
		/* The severity as --severity names it (an identifier, as the rule's id). */
		fprintf(f, "%-7s  %-26s %5ld  %s\n", sn_rule_sev_names[rules[i].sev], rules[i].id, res->count,
			_(rules[i].message));
		for (size_t k = 0; k < res->n; k++)
			if (res->rows[k].name)
				fprintf(f, "    %-14s %s\n    %-14s %s\n", res->rows[k].subject, res->rows[k].name, "",
					res->rows[k].detail);
			else
				fprintf(f, "    %-14s %s\n", res->rows[k].subject, res->rows[k].detail);
		if ((long)res->n < res->count)
			fprintf(f, _("    ... and %ld more (--limit 0 shows all)\n"), res->count - (long)res->n);
	}
	if (rp->nstats >= 0)
		stats_text(f, rp);
	fprintf(f, rp->rs->rows[SN_SEV_ERROR] ?
		_("\n%ld error(s) in %ld rule(s), %ld warning(s) in %ld rule(s), %ld info in %ld rule(s): failed\n") :
		_("\n%ld error(s) in %ld rule(s), %ld warning(s) in %ld rule(s), %ld info in %ld rule(s): passed\n"),
		rp->rs->rows[SN_SEV_ERROR], rp->rs->failing[SN_SEV_ERROR], rp->rs->rows[SN_SEV_WARNING], rp->rs->failing[SN_SEV_WARNING],
		rp->rs->rows[SN_SEV_INFO], rp->rs->failing[SN_SEV_INFO]);
	if (rp->signoff)
		sn_report_signoff_text(f, rp->lang);
	sn_lang_use(prev);
}

static void csv_row(FILE *f, const char *type, const struct sn_rule *ru, const char *subject, const char *detail)
{
	fprintf(f, "%s,%s,%s,", type, ru->id, sn_rule_sev_names[ru->sev]);
	sn_csv_write_cell(f, subject);
	fputc(',', f);
	sn_csv_write_cell(f, detail);
	fputc('\n', f);
}

static void print_csv(FILE *f, const struct report *rp)
{
	fputs("type,rule,severity,subject,detail\n", f);
	for (size_t i = 0; i < NRULES; i++) {
		const struct sn_rule_result *res = &rp->rs->res[i];
		char num[32];
		if (!rp->rs->selected[i] || !rules[i].sql)
			continue;
		snprintf(num, sizeof num, "%ld", res->count);
		csv_row(f, "count", &rules[i], "", num);
		for (size_t k = 0; k < res->n; k++)
			csv_row(f, "finding", &rules[i], res->rows[k].subject, res->rows[k].detail_en);
	}
	for (int k = 0; k < rp->nstats; k++) {
		const struct sn_rule *ru = &rules[NRULES - 1];  /* the statistics, last in the table */
		const long long *v = rp->stats[k].v;
		for (int i = 0; i < NSTAT; i++) {
			char name[64], val[32];
			char scope[32];
			snprintf(scope, sizeof scope, "%s%s", k ? "catalog-" : "", rp->stats[k].scope);
			snprintf(name, sizeof name, "%s.%s", scope, stat_fields[i].name);
			snprintf(val, sizeof val, "%lld", v[i]);
			csv_row(f, "statistic", ru, name, val);
			if (stat_fields[i].pct) {
				snprintf(name, sizeof name, "%s.%s_pct", scope, stat_fields[i].name);
				pct_text(val, sizeof val, v[i], v[ST_PROCEDURES]);
				csv_row(f, "statistic", ru, name, val);
			}
		}
	}
}

static void stats_json(FILE *f, const struct stats *s)
{
	fputs("{", f);
	for (int i = 0; i < NSTAT; i++) {
		fprintf(f, "%s\"%s\": %lld", i ? ", " : "", stat_fields[i].name, s->v[i]);
		if (stat_fields[i].pct) {
			char pct[24];
			pct_text(pct, sizeof pct, s->v[i], s->v[ST_PROCEDURES]);
			fprintf(f, ", \"%s_pct\": %s", stat_fields[i].name, pct);
		}
	}
	fputs("}", f);
}

static void print_json(FILE *f, const struct report *rp)
{
	fputs("{\"province\": ", f);
	sn_json_string(f, rp->t->province);
	fputs(", \"level1\": [", f);
	sn_json_string(f, rp->t->l1);
	fputs(", ", f);
	sn_json_string(f, rp->t->k1);
	fputs("],\n \"rules\": [", f);
	int first = 1;
	for (size_t i = 0; i < NRULES; i++) {
		const struct sn_rule_result *res = &rp->rs->res[i];
		if (!rp->rs->selected[i] || !rules[i].sql)
			continue;
		fprintf(f, "%s\n  {\"id\": \"%s\", \"severity\": \"%s\", \"message\": ", first ? "" : ",",
			rules[i].id, sn_rule_sev_names[rules[i].sev]);
		sn_json_string(f, rules[i].message);
		fprintf(f, ", \"count\": %ld, \"truncated\": %s, \"sample\": [", res->count,
			(long)res->n < res->count ? "true" : "false");
		for (size_t k = 0; k < res->n; k++) {
			fputs(k ? ",\n    {\"subject\": " : "\n    {\"subject\": ", f);
			sn_json_string(f, res->rows[k].subject);
			fputs(", \"detail\": ", f);
			sn_json_string(f, res->rows[k].detail_en);
			if (rp->lang_asked && rp->lang != SN_LANG_EN) {
				/* for a report in that language (the sign-off report reads this file) */
				fputs(", \"detail_vi\": ", f);
				sn_json_string(f, res->rows[k].detail);
			}
			fputc('}', f);
		}
		fputs("]}", f);
		first = 0;
	}
	fprintf(f, "\n ],\n \"counts\": {\"error\": %ld, \"warning\": %ld, \"info\": %ld},\n"
		" \"failing_rules\": {\"error\": %ld, \"warning\": %ld, \"info\": %ld},\n \"passed\": %s",
		rp->rs->rows[SN_SEV_ERROR], rp->rs->rows[SN_SEV_WARNING], rp->rs->rows[SN_SEV_INFO], rp->rs->failing[SN_SEV_ERROR],
		rp->rs->failing[SN_SEV_WARNING], rp->rs->failing[SN_SEV_INFO], rp->rs->rows[SN_SEV_ERROR] ? "false" : "true");
	if (rp->nstats >= 0) {
		fputs(",\n \"statistics\": {\"merged\": ", f);
		if (rp->nstats > 0)
			stats_json(f, &rp->stats[0]);
		else
			fputs("null", f);
		fputs(", \"catalogs\": {", f);
		for (int k = 1; k < rp->nstats; k++) {
			fputs(k > 1 ? ", " : "", f);
			sn_json_string(f, rp->stats[k].scope);
			fputs(": ", f);
			stats_json(f, &rp->stats[k]);
		}
		fputs("}}", f);
	}
	fputs("\n}\n", f);
}

/* --- the command ----------------------------------------------------------------------------- */

static void rule_details(FILE *f)
{
	for (size_t i = 0; i < NRULES; i++)
		fprintf(f, "  %-26s %-8s %-9s %s\n", rules[i].id, sn_rule_sev_names[rules[i].sev],
			rules[i].req & REQ_MERGED ? "reassign" : "recode", _(rules[i].message));
}

static const struct sn_usage usage = {
	.description = N_(
	"Validates the merged province as the working database holds it after 'recode' and\n"
	"'reassign': the code table, the merged catalog and its active bindings, the dossiers,\n"
	"the review queue. Each rule is a query returning the offending rows; the report gives,\n"
	"per rule, its severity, the count and a sample, then the catalogs' statistics. Exit\n"
	"status 1 when an error rule has rows (warnings and info do not fail); 3 when a rule\n"
	"needs a step that has not been applied. Rules (id, severity, the step it needs, what\n"
	"it finds):\n"),
	.details = rule_details,
	.examples = "sapnhap validate --severity error --limit 0\n",
};

int cmd_validate(struct sn_ctx *ctx, int argc, char **argv)
{
	enum sn_format fmt = SN_FMT_TEXT;
	int rc = SN_OK, nargs;
	char ids[1024], **args;
	struct target t = { "", "", "" };
	struct sn_rules rs;
	struct report rp = { .t = &t, .rs = &rs, .nstats = -1, .ctx = ctx, .lang = ctx->lang };
	const char *json_out = NULL;
	enum sn_lang lang = (enum sn_lang)-1;  /* not given */
	sqlite3_stmt *names = NULL;
	sn_rules_init(&rs, rules, NRULES,
		      "SELECT subject, detail FROM (%s) ORDER BY sort_key, subject, detail");
	rs.limit = 10;
	struct sn_option opts[] = {
		OPT_FORMAT(&fmt, SN_FMTS_TABLE,
			   "text (default); csv: type,rule,severity,subject,detail with a 'count'\n"
			   "row per rule (detail = the count), its 'finding' rows and the\n"
			   "'statistic' rows (subject = scope.name); json: rules with counts and\n"
			   "samples, totals, statistics"),
		OPT_CALLBACK("rule", &rs, "ID", sn_rules_want_rule, "only this rule (repeatable)"),
		{ .kind = SN_OPT_CHOICE, .name = "severity", .value = &rs.maxsev, .choices = sn_rule_sev_names,
		  .argh = "LEVEL", .help = N_("only rules of LEVEL or above (error, warning, info)") },
		OPT_INT("limit", &rs.limit, 0, "N", "rows shown per rule (default 10; 0: all); counts are always complete"),
		OPT_FLAG("signoff", &rp.signoff,
			 "text: begin with the header (the provinces by name, the effective date,\n"
			 "the database, every input file with its SHA-256, the version) and end\n"
			 "with the sign-off lines (prepared, checked, approved by)"),
		OPT_LANG(&lang, "the language of the text report, its header and sign-off (default: the\n"
			 "language of messages: --lang before the command, or the locale); given,\n"
			 "the JSON also has each detail in it (detail_vi)"),
		OPT_FILE("json", &json_out, "also write the JSON report to FILE, from the same computation"),
		OPT_END()
	};
	if ((rc = sn_parse_options(ctx, argc, argv, opts, &usage, &args, &nargs)))
		return rc == SN_DONE ? SN_OK : rc;
	if (lang != (enum sn_lang)-1)
		rp.lang = lang, rp.lang_asked = 1;

	int req = 0;
	if (!sn_rules_select(&rs, &req))
		return sn_usage_error(ctx, argv[0], "no rule of severity %s or above among those asked for",
				      sn_rule_sev_names[rs.maxsev]);
	/* Say which step is missing rather than report its absence as thousands of findings (the
	 * code table: NEEDS_RECODE in cli.c; the merged catalog when a rule asked for needs it). */
	if ((req & REQ_MERGED) && (rc = sn_require(ctx, NEEDS_REASSIGN, NULL))) {
		sn_rules_ids(rules, NRULES, REQ_MERGED, ids, sizeof ids);
		if (rc == SN_DATA)
			sn_info(ctx, "before reassign only the code-table rules can run: --rule ID with ID among %s", ids);
		return rc;
	}
	if ((rc = register_functions(ctx)) || (rc = derive_target(ctx, &t)))
		return rc;
	const struct sn_rule_param params[] = { { ":t", t.province }, { ":l1", t.l1 }, { ":k1", t.k1 } };
	/* Details in the text report's language; the CSV and JSON take their English (rules.h). */
	rs.lang = rp.lang;
	rs.params = params;
	rs.nparams = sizeof params / sizeof params[0];
	/* Procedures are named beside their codes in the text report. */
	if (fmt == SN_FMT_TEXT) {
		if (!(names = sn_prepare(ctx, "SELECT COALESCE((SELECT name FROM merged_procedure WHERE national_code = ?1), "
					      "(SELECT min(name) FROM procedure WHERE national_code = ?1))")))
			return SN_IO;
		rs.name = procedure_name;
		rs.name_arg = names;
	}

	if ((rc = sn_rules_run(ctx, &rs)))
		goto done;
	/* The statistics, the rule without SQL, last in the table. */
	if (rs.selected[NRULES - 1] && (rp.nstats = load_stats(ctx, rp.stats, 16)) < 0) {
		rc = SN_IO;
		goto done;
	}
	if (fmt == SN_FMT_TEXT)
		print_text(ctx->out, &rp);
	else if (fmt == SN_FMT_CSV)
		print_csv(ctx->out, &rp);
	else
		print_json(ctx->out, &rp);
	if (json_out) {
		/* The same results as JSON too, computed once (run writes both). */
		struct sn_outfile o;
		char err[1200];
		if ((rc = sn_outfile_open(&o, json_out, err, sizeof err))) {
			sn_error(ctx, "%s", err);
			goto done;
		}
		print_json(o.f, &rp);
		if ((rc = sn_outfile_close(&o, err, sizeof err)) || (rc = sn_outfile_rename(&o, err, sizeof err))) {
			sn_error(ctx, "%s", err);
			sn_outfile_abort(&o);
			goto done;
		}
		sn_outfile_abort(&o);
	}
	rc = rs.rows[SN_SEV_ERROR] ? SN_FINDINGS : SN_OK;
done:
	sqlite3_finalize(names);
	sn_rules_release(&rs);
	return rc;
}
