/* cmd_units_check.c - 'sapnhap units check': findings about the unit registry.
 *
 * Each rule is one query returning the offending rows (code, detail), with an id and a severity,
 * in the manner of dbt tests, run by the rule engine (rules.c). Findings are ordered by severity,
 * rule and code.
 */
#include <string.h>
#include "csv.h"
#include "db.h"
#include "i18n.h"
#include "options.h"
#include "rules.h"
#include "units.h"
#include "text.h"
#include "banned.h"

/* Listed by severity, errors first: the report follows the table's order. A detail is one tr()
 * sentence (rules.h): in the language of messages in the text report, in English in CSV and JSON. */
static const struct sn_rule rules[] = {
	{ "whole-into-two", SN_SEV_ERROR, 0,
	  N_("an old commune listed as wholly merged into more than one new commune (a mistyped code?)"),
	  "SELECT old_code, tr('listed as wholly merged into %d new communes: %s', count(DISTINCT new_code), "
	  "tr_concat(tr('%s %s (as ''%s'', %s)', new_code, new_name, old_name, pos), '; ')) "
	  "FROM (SELECT * FROM link WHERE old_level = 'commune' "
	  "AND share = 'whole' ORDER BY old_code, new_code, seq) GROUP BY event_id, old_code "
	  "HAVING count(DISTINCT new_code) > 1" },
	{ "new-without-source", SN_SEV_ERROR, 0, N_("a new unit that no old unit flows into"),
	  "SELECT u.code, tr('%s is opened by event ''%s'' with no old unit', u.name, e.name) "
	  "FROM unit u JOIN event e ON e.id = u.opened_by WHERE u.level = 'commune' AND NOT EXISTS "
	  "(SELECT 1 FROM link l WHERE l.event_id = u.opened_by AND l.new_level = u.level "
	  "AND l.new_code = u.code AND l.old_code IS NOT NULL)" },
	{ "whole-and-part", SN_SEV_WARNING, 0, N_("an old commune listed both as wholly and as partly merged"),
	  "SELECT old_code, tr('%s: whole into %s; part into %s', old_name, group_concat(CASE WHEN "
	  "share = 'whole' THEN new_code END, ', '), group_concat(CASE WHEN share <> 'whole' "
	  "THEN new_code END, ', ')) FROM (SELECT * FROM link WHERE old_level = 'commune' "
	  "ORDER BY old_code, new_code) GROUP BY event_id, old_code "
	  "HAVING sum(share = 'whole') > 0 AND sum(share <> 'whole') > 0" },
	{ "old-name-conflict", SN_SEV_WARNING, 0, N_("one old code carries two different names in one table"),
	  "SELECT old_code, tr('named %s', group_concat(DISTINCT '''' || old_name || '''')) FROM "
	  "(SELECT * FROM link WHERE old_level = 'commune' ORDER BY old_code, seq) "
	  "GROUP BY event_id, old_code HAVING count(DISTINCT sn_key(old_name)) > 1" },
	{ "unknown-old-code", SN_SEV_WARNING, 0, N_("an old commune code that the pre-reform list does not have"),
	  "SELECT l.old_code, tr('''%s'' (%s) is not in the pre-reform list', l.old_name, min(l.pos)) "
	  "FROM link l JOIN event e ON e.id = l.event_id AND e.kind = 'conversion' "
	  "WHERE l.old_level = 'commune' AND EXISTS (SELECT 1 FROM listed_unit) AND NOT EXISTS "
	  "(SELECT 1 FROM listed_unit x WHERE x.level = 'commune' AND x.code = l.old_code) "
	  "GROUP BY l.old_code" },
	{ "not-converted", SN_SEV_WARNING, 0, N_("a commune of the pre-reform list that no conversion names"),
	  "SELECT x.code, tr('''%s'' (%s) is in no conversion table', x.name, x.pos) "
	  "FROM listed_unit x WHERE x.level = 'commune' AND EXISTS (SELECT 1 FROM event "
	  "WHERE kind = 'conversion') AND NOT EXISTS (SELECT 1 FROM link l JOIN event e ON "
	  "e.id = l.event_id AND e.kind = 'conversion' WHERE l.old_level = 'commune' "
	  "AND l.old_code = x.code)" },
	{ "name-differs", SN_SEV_WARNING, 0, N_("an old name that differs from the pre-reform list"),
	  "SELECT DISTINCT l.old_code, tr('''%s'' here, ''%s'' in the pre-reform list', l.old_name, x.name) "
	  "FROM link l JOIN event e ON e.id = l.event_id AND e.kind = 'conversion' "
	  "JOIN listed_unit x ON x.level = 'commune' AND "
	  "x.code = l.old_code WHERE l.old_level = 'commune' AND (sn_key(l.old_name) <> sn_key(x.name) "
	  "OR sn_type(l.old_name) IS NOT sn_type(x.name))" },
	{ "parent-mismatch", SN_SEV_WARNING, 0, N_("an old district or province cell that disagrees with the "
	  "pre-reform list (without the list: with the other rows of the same old district)"),
	  "SELECT DISTINCT l.old_code, tr('''%s'' (%s): district cell %s, but the pre-reform list has it in %s', "
	  "l.old_name, l.pos, l.old_district_code, c.parent_code) FROM link l "
	  "JOIN event e ON e.id = l.event_id AND e.kind = 'conversion' JOIN listed_unit c ON "
	  "c.level = 'commune' AND c.code = l.old_code WHERE l.old_level = 'commune' AND "
	  "l.old_district_code <> c.parent_code "
	  "UNION SELECT l.old_code, tr('''%s'' (%s): province cell ''%s (%s)'', but district %s is in %s %s "
	  "in the pre-reform list', l.old_name, l.pos, COALESCE(l.old_province_name, ''), l.old_province_code, "
	  "d.code, d.parent_code, COALESCE((SELECT p.name FROM listed_unit p WHERE p.level = 'province' AND "
	  "p.code = d.parent_code LIMIT 1), '')) FROM link l JOIN event e ON e.id = l.event_id AND "
	  "e.kind = 'conversion' "
	  "JOIN listed_unit d ON d.level = 'district' AND d.code = COALESCE((SELECT c.parent_code FROM "
	  "listed_unit c WHERE l.old_level = 'commune' AND c.level = 'commune' AND c.code = l.old_code "
	  "LIMIT 1), l.old_district_code) WHERE l.old_province_code <> d.parent_code "
	  "UNION SELECT l.old_code, tr('''%s'' (%s): province cell %s, but %d of the %d rows of district %s "
	  "give %s', l.old_name, l.pos, l.old_province_code, m.n, m.t, m.d, m.p) FROM link l JOIN event e "
	  "ON e.id = l.event_id AND e.kind = 'conversion' "
	  "JOIN (SELECT a.event_id, a.d, a.p, a.n, b.t FROM (SELECT event_id, old_district_code AS d, "
	  "old_province_code AS p, count(*) AS n FROM link GROUP BY 1, 2, 3) a JOIN (SELECT event_id, "
	  "old_district_code AS d, count(*) AS t FROM link WHERE old_province_code IS NOT NULL GROUP BY "
	  "1, 2) b ON b.event_id = a.event_id AND b.d = a.d WHERE a.n * 2 > b.t) m ON m.event_id = "
	  "l.event_id AND m.d = l.old_district_code WHERE l.old_province_code <> m.p AND NOT EXISTS "
	  "(SELECT 1 FROM listed_unit x WHERE x.level = 'district' AND x.code = l.old_district_code)" },
	{ "new-name-typo", SN_SEV_WARNING, 0, N_("a new unit's name that looks mistyped: the type word without its "
	  "diacritics ('Xa Ea Kly'), no unit type, a diacritic that does not combine"),
	  "SELECT new_code, tr('''%s'': %s (%s)', new_name, tr(sn_name_flaw(new_name)), min(pos)) "
	  "FROM link WHERE sn_name_flaw(new_name) IS NOT NULL GROUP BY new_level, new_code, new_name "
	  "UNION ALL SELECT new_province_code, tr('''%s'': %s (%s)', new_province_name, "
	  "tr(sn_name_flaw(new_province_name)), min(pos)) FROM link WHERE new_province_name "
	  "IS NOT NULL AND sn_name_flaw(new_province_name) IS NOT NULL GROUP BY new_province_code, "
	  "new_province_name" },
	{ "erratum-not-applied", SN_SEV_WARNING, 0, N_("an erratum of the official table (mappings/errata-2025.csv) "
	  "not applied: imported --as-published, its cell holds another value, or its row is missing"),
	  "SELECT CASE WHEN col IN ('new_name', 'new_code', 'new_province') OR COALESCE(old_code, '') = '' "
	  "THEN new_code ELSE old_code END, CASE status WHEN 'as-published' THEN tr('%s ''%s'' -> ''%s'' "
	  "not applied, erratum %s: imported --as-published; %s holds the published value', col, published, "
	  "corrected, erratum, pos) WHEN 'mismatch' THEN tr('%s ''%s'' -> ''%s'' not applied, erratum %s: "
	  "%s holds ''%s''', col, published, corrected, erratum, pos, found) WHEN 'missing' THEN CASE WHEN "
	  "old_code IS NULL THEN tr('%s ''%s'' -> ''%s'' not applied, erratum %s: no row of new commune %s "
	  "has old commune ''%s''', col, published, corrected, erratum, new_code, COALESCE(old_name, '')) "
	  "ELSE tr('%s ''%s'' -> ''%s'' not applied, erratum %s: no row of new commune %s has old commune "
	  "%s ''%s''', col, published, corrected, erratum, new_code, old_code, COALESCE(old_name, '')) END "
	  "END FROM correction WHERE status IN ('as-published', 'mismatch', 'missing')" },
	{ "code-width", SN_SEV_WARNING, 0, N_("a code written without its leading zeros (read zero-padded)"),
	  "SELECT code, tr('written without leading zeros in %d row(s), first %s', count(*), min(pos)) "
	  "FROM (SELECT new_code AS code, pos FROM link WHERE padded LIKE '%new%' "
	  "UNION ALL SELECT old_code, pos FROM link WHERE padded LIKE '%old%') GROUP BY code" },
	{ "name-spelling", SN_SEV_INFO, 0, N_("an old name that differs from the pre-reform list only in "
	  "tone placement, case or spacing"),
	  "SELECT DISTINCT l.old_code, tr('''%s'' here, ''%s'' in the pre-reform list', l.old_name, x.name) "
	  "FROM link l JOIN event e ON e.id = l.event_id AND e.kind = 'conversion' "
	  "JOIN listed_unit x ON x.level = 'commune' AND "
	  "x.code = l.old_code WHERE l.old_level = 'commune' AND l.old_name <> x.name "
	  "AND sn_key(l.old_name) = sn_key(x.name) AND sn_type(l.old_name) IS sn_type(x.name)" },
	{ "corrected", SN_SEV_INFO, 0, N_("a cell of the official table corrected by the errata "
	  "(mappings/errata-2025.csv): published -> applied"),
	  "SELECT CASE WHEN col IN ('new_name', 'new_code', 'new_province') OR COALESCE(old_code, '') = '' "
	  "THEN new_code ELSE old_code END, tr('%s ''%s'' -> ''%s'' at %s, erratum %s', col, published, "
	  "corrected, pos, erratum) FROM correction WHERE status = 'applied'" },
	{ "split-without-population", SN_SEV_INFO, 0, N_("a split commune with no part that took the whole "
	  "population: records about its people need a hamlet table or a decision"),
	  "SELECT old_code, old_name || ' -> ' || group_concat(new_code, ', ') FROM "
	  "(SELECT DISTINCT event_id, old_code, old_name, new_code, share FROM link WHERE "
	  "old_level = 'commune' ORDER BY old_code, new_code) GROUP BY event_id, old_code HAVING "
	  "count(DISTINCT new_code) > 1 AND sum(share = 'part-population') = 0 AND sum(share = 'whole') = 0" },
};
#define NRULES (sizeof rules / sizeof rules[0])

_Static_assert(NRULES <= SN_RULES_MAX, "more rules than the engine holds");

static void rule_details(FILE *f)
{
	/* The severities as --severity takes them; the messages translated. */
	for (size_t i = 0; i < NRULES; i++)
		fprintf(f, "  %-25s %-8s %s\n", rules[i].id, sn_rule_sev_names[rules[i].sev], sn_rule_message(&rules[i]));
}

/* A severity in the text report, in the language in use ("lỗi", "cảnh báo"), padded to WIDTH
 * characters (not bytes: a Vietnamese word has multibyte letters). */
static void put_severity(FILE *f, int sev, int width)
{
	sn_pad(f, sn_pgettext("severity", sn_rule_sev_names[sev]), -width);
}

static const struct sn_usage usage = {
	.description =
	N_("Reports findings about the imported unit sources. Exit status 1 when a finding has\n"
	"severity error. Rules:\n"),
	.details = rule_details,
};

/* The findings, rule by rule (the table lists them by severity), each rule's rows by code. */
static void print_findings(FILE *f, const struct sn_rules *rs, enum sn_format fmt)
{
	int first = 1;
	for (size_t i = 0; i < NRULES; i++) {
		const char *sev = sn_rule_sev_names[rules[i].sev];
		if (!rs->selected[i])
			continue;
		for (size_t k = 0; k < rs->res[i].n; k++) {
			const struct sn_rule_row *row = &rs->res[i].rows[k];
			if (fmt == SN_FMT_TEXT) {
				put_severity(f, rules[i].sev, 7);
				fprintf(f, " %-24s %-5s %s\n", rules[i].id, row->subject, row->detail);
			} else if (fmt == SN_FMT_CSV) {
				fprintf(f, "%s,%s,", sev, rules[i].id);
				sn_csv_write_cell(f, row->subject);
				fputc(',', f);
				sn_csv_write_cell(f, row->detail_en);
				fputc('\n', f);
			} else {
				fprintf(f, "%s\n  {\"severity\": \"%s\", \"rule\": \"%s\", \"code\": ",
					first ? "" : ",", sev, rules[i].id);
				sn_json_string(f, row->subject);
				fputs(", \"detail\": ", f);
				sn_json_string(f, row->detail_en);
				fputc('}', f);
				first = 0;
			}
		}
	}
}

int cmd_units_check(struct sn_ctx *ctx, int argc, char **argv)
{
	enum sn_format fmt = SN_FMT_TEXT;
	struct sn_rules rs;
	int nargs;
	char **args;
	sn_rules_init(&rs, rules, NRULES, "SELECT * FROM (%s) ORDER BY 1, 2");
	struct sn_option opts[] = {
		OPT_FORMAT(&fmt, SN_FMTS_TABLE, "text (default), csv (severity,rule,code,detail) or json"),
		OPT_CALLBACK("rule", &rs, "ID", sn_rules_want_one, "only this rule"),
		{ .kind = SN_OPT_CHOICE, .name = "severity", .value = &rs.maxsev, .choices = sn_rule_sev_names,
		  .argh = "LEVEL", .help = N_("only findings at LEVEL or above (error, warning, info)") },
		OPT_END()
	};
	int rc = sn_parse_options(ctx, argc, argv, opts, &usage, &args, &nargs);
	if (rc)
		return rc == SN_DONE ? SN_OK : rc;

	sn_rules_select(&rs, NULL);
	rs.lang = ctx->lang;
	if ((rc = sn_rules_run(ctx, &rs)))
		goto out;
	FILE *f = ctx->out;
	if (fmt == SN_FMT_CSV)
		fputs("severity,rule,code,detail\n", f);
	else if (fmt == SN_FMT_JSON)
		fputs("{\"findings\": [", f);
	print_findings(f, &rs, fmt);
	if (fmt == SN_FMT_JSON) {
		fputs("\n], \"counts\": {", f);
		int k = 0;
		for (size_t i = 0; i < NRULES; i++)
			if (rs.selected[i])
				fprintf(f, "%s\"%s\": %ld", k++ ? ", " : "", rules[i].id, rs.res[i].count);
		fprintf(f, "}, \"errors\": %ld, \"warnings\": %ld, \"info\": %ld}\n",
			rs.rows[SN_SEV_ERROR], rs.rows[SN_SEV_WARNING], rs.rows[SN_SEV_INFO]);
	} else if (fmt == SN_FMT_TEXT) {
		/* TRANSLATORS: the headings of the columns %-25s %-9s %ld: keep the alignment. */
		fputs(_("\nrule                      severity  count\n"), f);
		for (size_t i = 0; i < NRULES; i++)
			if (rs.selected[i]) {
				fprintf(f, "%-25s ", rules[i].id);
				put_severity(f, rules[i].sev, 9);
				fprintf(f, " %ld\n", rs.res[i].count);
			}
		fprintf(f, _("%ld error(s), %ld warning(s), %ld info\n"),
			rs.rows[SN_SEV_ERROR], rs.rows[SN_SEV_WARNING], rs.rows[SN_SEV_INFO]);
	}
	rc = rs.rows[SN_SEV_ERROR] ? SN_FINDINGS : SN_OK;
out:
	sn_rules_release(&rs);
	return rc;
}
