/* cmd_units_check.c - 'sapnhap units check': findings about the unit registry.
 *
 * Each rule is one query returning the offending rows (code, detail), with an id and a severity,
 * in the manner of dbt tests. Findings are ordered by severity, rule and code.
 */
#include <string.h>
#include "csv.h"
#include "db.h"
#include "options.h"
#include "units.h"
#include "banned.h"

struct rule {
	const char *id;
	const char *severity;  /* error, warning, info */
	const char *what;
	const char *sql;       /* returns code, detail */
};

static const struct rule rules[] = {
	{ "whole-into-two", "error",
	  "an old commune listed as wholly merged into more than one new commune (a mistyped code?)",
	  "SELECT old_code, 'listed as wholly merged into ' || count(DISTINCT new_code) || "
	  "' new communes: ' || group_concat(new_code || ' ' || new_name || ' (as ''' || old_name || "
	  "''', ' || pos || ')', '; ') FROM (SELECT * FROM link WHERE old_level = 'commune' "
	  "AND share = 'whole' ORDER BY old_code, new_code, seq) GROUP BY event_id, old_code "
	  "HAVING count(DISTINCT new_code) > 1" },
	{ "new-without-source", "error", "a new unit that no old unit flows into",
	  "SELECT u.code, u.name || ' is opened by event ''' || e.name || ''' with no old unit' "
	  "FROM unit u JOIN event e ON e.id = u.opened_by WHERE u.level = 'commune' AND NOT EXISTS "
	  "(SELECT 1 FROM link l WHERE l.event_id = u.opened_by AND l.new_level = u.level "
	  "AND l.new_code = u.code AND l.old_code IS NOT NULL)" },
	{ "whole-and-part", "warning", "an old commune listed both as wholly and as partly merged",
	  "SELECT old_code, old_name || ': whole into ' || group_concat(CASE WHEN share = 'whole' "
	  "THEN new_code END, ', ') || '; part into ' || group_concat(CASE WHEN share <> 'whole' "
	  "THEN new_code END, ', ') FROM (SELECT * FROM link WHERE old_level = 'commune' "
	  "ORDER BY old_code, new_code) GROUP BY event_id, old_code "
	  "HAVING sum(share = 'whole') > 0 AND sum(share <> 'whole') > 0" },
	{ "old-name-conflict", "warning", "one old code carries two different names in one table",
	  "SELECT old_code, 'named ' || group_concat(DISTINCT '''' || old_name || '''') FROM "
	  "(SELECT * FROM link WHERE old_level = 'commune' ORDER BY old_code, seq) "
	  "GROUP BY event_id, old_code HAVING count(DISTINCT sn_key(old_name)) > 1" },
	{ "unknown-old-code", "warning", "an old commune code that the pre-reform list does not have",
	  "SELECT l.old_code, '''' || l.old_name || ''' (' || min(l.pos) || ') is not in the "
	  "pre-reform list' FROM link l JOIN event e ON e.id = l.event_id AND e.kind = 'conversion' "
	  "WHERE l.old_level = 'commune' AND EXISTS (SELECT 1 FROM listed_unit) AND NOT EXISTS "
	  "(SELECT 1 FROM listed_unit x WHERE x.level = 'commune' AND x.code = l.old_code) "
	  "GROUP BY l.old_code" },
	{ "not-converted", "warning", "a commune of the pre-reform list that no conversion names",
	  "SELECT x.code, '''' || x.name || ''' (' || x.pos || ') is in no conversion table' "
	  "FROM listed_unit x WHERE x.level = 'commune' AND EXISTS (SELECT 1 FROM event "
	  "WHERE kind = 'conversion') AND NOT EXISTS (SELECT 1 FROM link l JOIN event e ON "
	  "e.id = l.event_id AND e.kind = 'conversion' WHERE l.old_level = 'commune' "
	  "AND l.old_code = x.code)" },
	{ "name-differs", "warning", "an old name that differs from the pre-reform list",
	  "SELECT DISTINCT l.old_code, '''' || l.old_name || ''' here, ''' || x.name || ''' in the "
	  "pre-reform list' FROM link l JOIN event e ON e.id = l.event_id AND e.kind = 'conversion' "
	  "JOIN listed_unit x ON x.level = 'commune' AND "
	  "x.code = l.old_code WHERE l.old_level = 'commune' AND (sn_key(l.old_name) <> sn_key(x.name) "
	  "OR sn_type(l.old_name) IS NOT sn_type(x.name))" },
	{ "parent-mismatch", "warning", "an old district or province cell that disagrees with the "
	  "pre-reform list (without the list: with the other rows of the same old district)",
	  "SELECT DISTINCT l.old_code, '''' || l.old_name || ''' (' || l.pos || '): district cell ' || "
	  "l.old_district_code || ', but the pre-reform list has it in ' || c.parent_code FROM link l "
	  "JOIN event e ON e.id = l.event_id AND e.kind = 'conversion' JOIN listed_unit c ON "
	  "c.level = 'commune' AND c.code = l.old_code WHERE l.old_level = 'commune' AND "
	  "l.old_district_code <> c.parent_code "
	  "UNION SELECT l.old_code, '''' || l.old_name || ''' (' || l.pos || '): province cell ''' || "
	  "COALESCE(l.old_province_name, '') || ' (' || l.old_province_code || ')'', but district ' || "
	  "d.code || ' is in ' || d.parent_code || ' ' || COALESCE((SELECT p.name FROM listed_unit p "
	  "WHERE p.level = 'province' AND p.code = d.parent_code LIMIT 1), '') || ' in the pre-reform "
	  "list' FROM link l JOIN event e ON e.id = l.event_id AND e.kind = 'conversion' "
	  "JOIN listed_unit d ON d.level = 'district' AND d.code = COALESCE((SELECT c.parent_code FROM "
	  "listed_unit c WHERE l.old_level = 'commune' AND c.level = 'commune' AND c.code = l.old_code "
	  "LIMIT 1), l.old_district_code) WHERE l.old_province_code <> d.parent_code "
	  "UNION SELECT l.old_code, '''' || l.old_name || ''' (' || l.pos || '): province cell ' || "
	  "l.old_province_code || ', but ' || m.n || ' of the ' || m.t || ' rows of district ' || "
	  "m.d || ' give ' || m.p FROM link l JOIN event e ON e.id = l.event_id AND e.kind = 'conversion' "
	  "JOIN (SELECT a.event_id, a.d, a.p, a.n, b.t FROM (SELECT event_id, old_district_code AS d, "
	  "old_province_code AS p, count(*) AS n FROM link GROUP BY 1, 2, 3) a JOIN (SELECT event_id, "
	  "old_district_code AS d, count(*) AS t FROM link WHERE old_province_code IS NOT NULL GROUP BY "
	  "1, 2) b ON b.event_id = a.event_id AND b.d = a.d WHERE a.n * 2 > b.t) m ON m.event_id = "
	  "l.event_id AND m.d = l.old_district_code WHERE l.old_province_code <> m.p AND NOT EXISTS "
	  "(SELECT 1 FROM listed_unit x WHERE x.level = 'district' AND x.code = l.old_district_code)" },
	{ "new-name-typo", "warning", "a new unit's name that looks mistyped: the type word without its "
	  "diacritics ('Xa Ea Kly'), no unit type, a diacritic that does not combine",
	  "SELECT new_code, '''' || new_name || ''': ' || sn_name_flaw(new_name) || ' (' || min(pos) || "
	  "')' FROM link WHERE sn_name_flaw(new_name) IS NOT NULL GROUP BY new_level, new_code, new_name "
	  "UNION ALL SELECT new_province_code, '''' || new_province_name || ''': ' || "
	  "sn_name_flaw(new_province_name) || ' (' || min(pos) || ')' FROM link WHERE new_province_name "
	  "IS NOT NULL AND sn_name_flaw(new_province_name) IS NOT NULL GROUP BY new_province_code, "
	  "new_province_name" },
	{ "erratum-not-applied", "warning", "an erratum of the official table (mappings/errata-2025.csv) "
	  "not applied: imported --as-published, its cell holds another value, or its row is missing",
	  "SELECT CASE WHEN col IN ('new_name', 'new_code', 'new_province') OR COALESCE(old_code, '') = '' "
	  "THEN new_code ELSE old_code END, col || ' ''' || published || ''' -> ''' || corrected || "
	  "''' not applied, erratum ' || erratum || ': ' || CASE status WHEN 'as-published' THEN "
	  "'imported --as-published; ' || pos || ' holds the published value' WHEN 'mismatch' THEN "
	  "pos || ' holds ''' || found || '''' ELSE 'no row of new commune ' || new_code || "
	  "' has old commune ' || COALESCE(old_code || ' ', '') || '''' || COALESCE(old_name, '') || "
	  "'''' END FROM correction WHERE status IN ('as-published', 'mismatch', 'missing')" },
	{ "code-width", "warning", "a code written without its leading zeros (read zero-padded)",
	  "SELECT code, 'written without leading zeros in ' || count(*) || ' row(s), first ' || "
	  "min(pos) FROM (SELECT new_code AS code, pos FROM link WHERE padded LIKE '%new%' "
	  "UNION ALL SELECT old_code, pos FROM link WHERE padded LIKE '%old%') GROUP BY code" },
	{ "name-spelling", "info", "an old name that differs from the pre-reform list only in "
	  "tone placement, case or spacing",
	  "SELECT DISTINCT l.old_code, '''' || l.old_name || ''' here, ''' || x.name || ''' in the "
	  "pre-reform list' FROM link l JOIN event e ON e.id = l.event_id AND e.kind = 'conversion' "
	  "JOIN listed_unit x ON x.level = 'commune' AND "
	  "x.code = l.old_code WHERE l.old_level = 'commune' AND l.old_name <> x.name "
	  "AND sn_key(l.old_name) = sn_key(x.name) AND sn_type(l.old_name) IS sn_type(x.name)" },
	{ "corrected", "info", "a cell of the official table corrected by the errata "
	  "(mappings/errata-2025.csv): published -> applied",
	  "SELECT CASE WHEN col IN ('new_name', 'new_code', 'new_province') OR COALESCE(old_code, '') = '' "
	  "THEN new_code ELSE old_code END, col || ' ''' || published || ''' -> ''' || corrected || "
	  "''' at ' || pos || ', erratum ' || erratum FROM correction WHERE status = 'applied'" },
	{ "split-without-population", "info", "a split commune with no part that took the whole "
	  "population: records about its people need a hamlet table or a decision",
	  "SELECT old_code, old_name || ' -> ' || group_concat(new_code, ', ') FROM "
	  "(SELECT DISTINCT event_id, old_code, old_name, new_code, share FROM link WHERE "
	  "old_level = 'commune' ORDER BY old_code, new_code) GROUP BY event_id, old_code HAVING "
	  "count(DISTINCT new_code) > 1 AND sum(share = 'part-population') = 0 AND sum(share = 'whole') = 0" },
};
#define NRULES (sizeof rules / sizeof rules[0])

static void rule_details(FILE *f)
{
	for (size_t i = 0; i < NRULES; i++)
		fprintf(f, "  %-25s %-8s %s\n", rules[i].id, rules[i].severity, rules[i].what);
}

static const struct sn_usage usage = {
	.description =
	"Reports findings about the imported unit sources. Exit status 1 when a finding has\n"
	"severity error. Rules:\n",
	.details = rule_details,
};

/* --rule ID: one of the rules. */
static const char *known_rule(const char *arg, void *value, char *buf, size_t len)
{
	size_t k = 0;
	for (size_t i = 0; i < NRULES; i++)
		if (!strcmp(arg, rules[i].id)) {
			*(const char **)value = rules[i].id;
			return NULL;
		}
	for (size_t i = 0; i < NRULES && k < len; i++) {
		int w = snprintf(buf + k, len - k, "%s%s", i ? ", " : "one of ", rules[i].id);
		if (w < 0)
			break;
		k += (size_t)w;
	}
	return buf;
}

static int rank(const char *sev)
{
	return !strcmp(sev, "error") ? 0 : !strcmp(sev, "warning") ? 1 : 2;
}

static const char *const severities[] = { "error", "warning", "info", NULL };

int cmd_units_check(struct sn_ctx *ctx, int argc, char **argv)
{
	enum sn_format fmt = SN_FMT_TEXT;
	const char *only = NULL;
	int maxrank = 2, nargs;
	char **args;
	struct sn_option opts[] = {
		OPT_FORMAT(&fmt, SN_FMTS_TABLE, "text (default), csv (severity,rule,code,detail) or json"),
		OPT_CALLBACK("rule", &only, "ID", known_rule, "only this rule"),
		{ .kind = SN_OPT_CHOICE, .name = "severity", .value = &maxrank, .choices = severities,
		  .argh = "LEVEL", .help = "only findings at LEVEL or above (error, warning, info)" },
		OPT_END()
	};
	int rc = sn_parse_options(ctx, argc, argv, opts, &usage, &args, &nargs);
	if (rc)
		return rc == SN_DONE ? SN_OK : rc;

	long counts[NRULES] = { 0 };
	long bysev[3] = { 0 };
	int first = 1;
	FILE *f = ctx->out;
	if (fmt == SN_FMT_CSV)
		fputs("severity,rule,code,detail\n", f);
	else if (fmt == SN_FMT_JSON)
		fputs("{\"findings\": [", f);
	/* Rules are listed by severity already; each rule's rows are sorted by code. */
	for (int sev = 0; sev <= maxrank; sev++)
		for (size_t i = 0; i < NRULES; i++) {
			if (rank(rules[i].severity) != sev || (only && strcmp(only, rules[i].id)))
				continue;
			char *q = sqlite3_mprintf("SELECT * FROM (%s) ORDER BY 1, 2", rules[i].sql);
			sqlite3_stmt *st = q ? sn_prepare(ctx, q) : NULL;
			sqlite3_free(q);
			if (!st)
				return SN_IO;
			int r;
			while ((r = sn_step(ctx, st)) == SQLITE_ROW) {
				counts[i]++;
				bysev[sev]++;
				if (fmt == SN_FMT_TEXT) {
					fprintf(f, "%-7s %-24s %-5s %s\n", rules[i].severity, rules[i].id,
						sn_col(st, 0), sn_col(st, 1));
				} else if (fmt == SN_FMT_CSV) {
					fprintf(f, "%s,%s,", rules[i].severity, rules[i].id);
					sn_csv_write_cell(f, sn_col(st, 0));
					fputc(',', f);
					sn_csv_write_cell(f, sn_col(st, 1));
					fputc('\n', f);
				} else {
					fprintf(f, "%s\n  {\"severity\": \"%s\", \"rule\": \"%s\", \"code\": ",
						first ? "" : ",", rules[i].severity, rules[i].id);
					sn_json_string(f, sn_col(st, 0));
					fputs(", \"detail\": ", f);
					sn_json_string(f, sn_col(st, 1));
					fputc('}', f);
					first = 0;
				}
			}
			sqlite3_finalize(st);
			if (r < 0)
				return SN_IO;
		}
	if (fmt == SN_FMT_JSON) {
		fputs("\n], \"counts\": {", f);
		int k = 0;
		for (size_t i = 0; i < NRULES; i++)
			if ((!only || !strcmp(only, rules[i].id)) && rank(rules[i].severity) <= maxrank)
				fprintf(f, "%s\"%s\": %ld", k++ ? ", " : "", rules[i].id, counts[i]);
		fprintf(f, "}, \"errors\": %ld, \"warnings\": %ld, \"info\": %ld}\n", bysev[0], bysev[1], bysev[2]);
	} else if (fmt == SN_FMT_TEXT) {
		fputs("\nrule                      severity  count\n", f);
		for (size_t i = 0; i < NRULES; i++)
			if ((!only || !strcmp(only, rules[i].id)) && rank(rules[i].severity) <= maxrank)
				fprintf(f, "%-25s %-9s %ld\n", rules[i].id, rules[i].severity, counts[i]);
		fprintf(f, "%ld error(s), %ld warning(s), %ld info\n", bysev[0], bysev[1], bysev[2]);
	}
	return bysev[0] ? SN_FINDINGS : SN_OK;
}
