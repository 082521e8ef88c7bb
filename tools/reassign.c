/* reassign.c - the phases of reassign (reassign.h): nothing handled at district level any more, no
 * dossier lost.
 *
 * After recode, the old provinces' catalogs become one catalog of the merged province:
 *   - a binding to an agency that continues (kept, renumbered, merged) follows it through the
 *     crosswalk; one to an agency closed with successors goes to each successor;
 *   - a binding at district level (district committee or office) goes where the jurisdiction
 *     rule says: to every new commune's committee (filing does not depend on the administrative
 *     boundary within the province, Resolution 66/NQ-CP), or to the provincial department of
 *     the rule's function. Rules: a decision, else by national code, else by field, else the
 *     default; every procedure the default decided is listed for review;
 *   - a dossier at an agency that no longer exists moves: along the crosswalk, or by the rule:
 *     to the new commune that contains the applicant's old commune (for a split commune the part
 *     that took the whole population, else the hamlet table, else a decision, else the review
 *     queue), or to the department. Every move is kept in the dossier's history; issued dossier
 *     codes are never renamed;
 *   - one entry per national code: where the old catalogs disagree (fee, time limit, online
 *     level, legal basis, ...) the field stays empty and a conflict goes to the review queue
 *     until the decisions file settles it.
 * The step ends with conservation checks; when one fails the whole step is rolled back.
 * It recomputes from the imported state each time, so a re-run with decisions replaces the
 * previous result.
 */
#include <stdlib.h>
#include <string.h>
#include "compose.h"
#include "db.h"
#include "embedded.h"
#include "mapping.h"
#include "province.h"
#include "reasons.h"
#include "reassign.h"
#include "text.h"
#include "units.h"
#include "values.h"
#include "banned.h"

/* --- where the applicants' communes are now --------------------------------------------------- */

/* For each old commune that a dossier names: the one new commune of the merged province that
 * takes its people (whole, or the part with the whole population), or NULL with the reason. */
static int commune_targets(struct sn_reassign *ra)
{
	sqlite3_stmt *st = sn_prepare(ra->ctx, "SELECT c FROM (SELECT DISTINCT commune_code AS c FROM dossier "
					       "WHERE commune_code IS NOT NULL UNION SELECT a.unit_code FROM agency a "
					       "WHERE a.kind = 'commune-committee' AND a.unit_code IS NOT NULL AND "
					       "EXISTS (SELECT 1 FROM dossier d WHERE d.agency_code = a.code AND "
					       "d.commune_code IS NULL)) ORDER BY 1");
	sqlite3_stmt *ins = sn_prepare(ra->ctx, "INSERT INTO temp.ctarget VALUES (?1, ?2, ?3)");
	if (!st || !ins) {
		sqlite3_finalize(st);
		sqlite3_finalize(ins);
		return SN_IO;
	}
	int rc = 0, r;
	while (rc == 0 && (r = sn_step(ra->ctx, st)) == SQLITE_ROW) {
		char old[16];
		snprintf(old, sizeof old, "%s", sn_col(st, 0));
		struct sn_mapped *m = NULL;
		int n = sn_units_compose(ra->ctx, "commune", old, ra->date, &m);
		if (n < 0) {
			/* The composition failed (printed): not "no successors". */
			rc = SN_IO;
			break;
		}
		const char *chosen = NULL;
		char how[200];
		int pop = -1;
		for (int i = 0; i < n; i++)
			if (m[i].share == SN_SHARE_PART_POPULATION)
				pop = i;
		if (n == 1) {
			chosen = m[0].code;
			snprintf(how, sizeof how, m[0].share == SN_SHARE_WHOLE ? SN_R_TARGET_WHOLE :
				 m[0].share == SN_SHARE_PART ? SN_R_TARGET_PART : SN_R_TARGET_PART_POPULATION, old,
				 m[0].code);
		} else if (pop >= 0) {
			chosen = m[pop].code;
			snprintf(how, sizeof how, SN_R_TARGET_POPULATION, old, m[pop].code);
		} else {
			snprintf(how, sizeof how, SN_R_TARGET_SPLIT, old, n);
		}
		/* A commune no event changed and that is not a commune of the merged province (left out
		 * of the conversion table) leads nowhere. */
		if (chosen) {
			long long in_target;
			if ((rc = sn_query_intf(ra->ctx, &in_target, "SELECT count(*) FROM code_table WHERE kind = "
						"'commune-committee' AND unit_code = %Q", chosen))) {
				free(m);
				break;
			}
			if (!in_target) {
				snprintf(how, sizeof how, n == 1 && m[0].steps == 0 ? SN_R_TARGET_UNKNOWN :
					 SN_R_TARGET_NO_COMMITTEE, old, chosen);
				chosen = NULL;
			}
		}
		sqlite3_reset(ins);
		sqlite3_bind_text(ins, 1, old, -1, SQLITE_TRANSIENT);
		if (chosen)
			sqlite3_bind_text(ins, 2, chosen, -1, SQLITE_TRANSIENT);
		else
			sqlite3_bind_null(ins, 2);
		sqlite3_bind_text(ins, 3, how, -1, SQLITE_TRANSIENT);
		if (sn_step(ra->ctx, ins) != SQLITE_DONE)
			rc = SN_IO;
		free(m);
	}
	if (rc == 0 && r < 0)
		rc = SN_IO;
	sqlite3_finalize(st);
	sqlite3_finalize(ins);
	return rc;
}

/* --- the step, as SQL ------------------------------------------------------------------------- */

/* Undo an earlier reassign: the imported state is the starting point of every run. */
static const char *RESET =
	"UPDATE dossier SET agency_code = (SELECT h.from_agency FROM dossier_history h WHERE "
	"  h.dossier_id = dossier.id AND h.step = 'reassign' ORDER BY h.rowid LIMIT 1) "
	"  WHERE id IN (SELECT dossier_id FROM dossier_history WHERE step = 'reassign');"
	"DELETE FROM dossier_history WHERE step = 'reassign';"
	"DELETE FROM binding WHERE from_binding IS NOT NULL;"
	"UPDATE binding SET active = 1 WHERE active = 0;"
	"DELETE FROM merged_procedure;"
	"DELETE FROM review WHERE step = 'reassign';"
	"DELETE FROM main.decision;"
	"DELETE FROM hamlet;";

/* The rule of each procedure: decision > procedure > field > default. What the scripts store as
 * prose is written from the formats of reasons.h, bound as @SN_R_NAME (bind_target). */
static const char *RULES =
	"CREATE TEMP TABLE prule AS SELECT p.province, p.national_code, p.field_code, "
	"  COALESCE((SELECT printf(@SN_R_RULE_DECISION, d.pos) FROM temp.decision d WHERE d.subject = p.national_code "
	"    AND d.field = 'jurisdiction'), (SELECT printf(@SN_R_RULE_PROCEDURE, r.key, r.pos) FROM temp.jrule r "
	"    WHERE r.kind = 'procedure' AND r.key = p.national_code), (SELECT printf(@SN_R_RULE_FIELD, r.key, r.pos) "
	"    FROM temp.jrule r WHERE r.kind = 'field' AND r.key = p.field_code), (SELECT printf(@SN_R_RULE_DEFAULT, r.pos) "
	"    FROM temp.jrule r WHERE r.kind = 'default')) AS rule, "
	"  COALESCE((SELECT CASE WHEN d.value LIKE 'province:%' THEN 'province' ELSE d.value END FROM temp.decision d "
	"    WHERE d.subject = p.national_code AND d.field = 'jurisdiction'), (SELECT r.target FROM temp.jrule r "
	"    WHERE r.kind = 'procedure' AND r.key = p.national_code), (SELECT r.target FROM temp.jrule r "
	"    WHERE r.kind = 'field' AND r.key = p.field_code), (SELECT r.target FROM temp.jrule r "
	"    WHERE r.kind = 'default')) AS target, "
	"  COALESCE((SELECT substr(d.value, 10) FROM temp.decision d WHERE d.subject = p.national_code "
	"    AND d.field = 'jurisdiction' AND d.value LIKE 'province:%'), (SELECT r.function FROM temp.jrule r "
	"    WHERE r.kind = 'procedure' AND r.key = p.national_code), (SELECT r.function FROM temp.jrule r "
	"    WHERE r.kind = 'field' AND r.key = p.field_code), (SELECT r.function FROM temp.jrule r "
	"    WHERE r.kind = 'default')) AS function "
	"  FROM procedure p;"
	"UPDATE temp.decision SET used = 1 WHERE field = 'jurisdiction' AND subject IN (SELECT national_code FROM procedure);";

/* Old bindings, classified: district level or not; where the agency went. */
static const char *CLASSIFY =
	"CREATE TEMP TABLE ob AS SELECT b.id, b.catalog, b.national_code, b.agency_code, b.online, "
	"  a.kind IN ('district-committee', 'district-office') AS district, x.outcome, x.new_code "
	"  FROM binding b JOIN agency a ON a.code = b.agency_code LEFT JOIN crosswalk x ON x.old_code = b.agency_code "
	"  WHERE b.active = 1 AND b.catalog IN (SELECT DISTINCT province FROM procedure);"
	"CREATE TEMP TABLE carried (old_id INTEGER PRIMARY KEY);"
	"CREATE INDEX temp.ob_proc ON ob(national_code, catalog);"
	/* The old bindings step aside first: the merged catalog may carry the survivor's number. */
	"UPDATE binding SET active = 0 WHERE id IN (SELECT id FROM ob);";

static const char *UPSERT =
	"INSERT INTO binding(catalog, national_code, agency_code, online, rule, from_binding) "
	"  SELECT :t, national_code, agency, max(online), min(rule), min(id) FROM (%s) "
	"  GROUP BY national_code, agency ORDER BY national_code, agency "
	"  ON CONFLICT(catalog, national_code, agency_code) WHERE active = 1 DO UPDATE SET "
	"  online = max(online, excluded.online);";

/* Bindings that follow their agency, and those that go where the rule says. Each entry: the
 * new bindings (id of one old binding it came from, national code, agency, online, rule) and
 * the old bindings it carries. District-level work fans out once per procedure, not once per
 * old binding: a procedure bound to 700 district committees still makes one binding per
 * commune. */
static const struct {
	const char *make, *carries;
} CARRY[] = {
	/* kept / renumbered / merged */
	{ "SELECT ob.id, ob.national_code, ob.new_code AS agency, ob.online, printf(@SN_R_BIND_CROSSWALK, ob.outcome) AS rule "
	  "  FROM ob WHERE NOT ob.district AND ob.outcome IN ('kept', 'renumbered', 'merged')",
	  "SELECT id FROM ob WHERE NOT district AND outcome IN ('kept', 'renumbered', 'merged')" },
	/* closed with successors (a split commune's committee) */
	{ "SELECT ob.id, ob.national_code, s.new_code AS agency, ob.online, printf(@SN_R_BIND_SUCCESSOR, "
	  "  ob.agency_code) AS rule FROM ob JOIN crosswalk_successor s ON s.old_code = ob.agency_code "
	  "  WHERE NOT ob.district AND ob.outcome = 'closed'",
	  "SELECT DISTINCT ob.id FROM ob JOIN crosswalk_successor s ON s.old_code = ob.agency_code "
	  "  WHERE NOT ob.district AND ob.outcome = 'closed'" },
	/* district level, commune target: every new commune's committee */
	{ "SELECT g.id, g.national_code, c.code AS agency, g.online, g.rule FROM (SELECT min(ob.id) AS id, "
	  "  ob.national_code, max(ob.online) AS online, min(printf(@SN_R_BIND_COMMUNE, r.rule)) AS rule FROM ob "
	  "  JOIN temp.prule r ON r.province = ob.catalog AND r.national_code = ob.national_code "
	  "  WHERE ob.district AND r.target = 'commune' GROUP BY ob.national_code) g "
	  "  JOIN code_table c ON c.kind = 'commune-committee'",
	  "SELECT ob.id FROM ob JOIN temp.prule r ON r.province = ob.catalog AND r.national_code = ob.national_code "
	  "  WHERE ob.district AND r.target = 'commune' AND EXISTS (SELECT 1 FROM code_table WHERE kind = 'commune-committee')" },
	/* district level, province target: the department carrying the function */
	{ "SELECT g.id, g.national_code, c.code AS agency, g.online, g.rule FROM (SELECT min(ob.id) AS id, "
	  "  ob.national_code, r.function, max(ob.online) AS online, min(printf(@SN_R_BIND_PROVINCE, r.rule)) AS rule "
	  "  FROM ob JOIN temp.prule r ON r.province = ob.catalog AND r.national_code = ob.national_code "
	  "  WHERE ob.district AND r.target = 'province' GROUP BY ob.national_code, r.function) g "
	  "  JOIN code_table c ON c.kind = 'department' AND c.function = g.function",
	  "SELECT ob.id FROM ob JOIN temp.prule r ON r.province = ob.catalog AND r.national_code = ob.national_code "
	  "  JOIN code_table c ON c.kind = 'department' AND c.function = r.function "
	  "  WHERE ob.district AND r.target = 'province'" },
};

static const char *AFTER_CARRY =
	"INSERT INTO review(step, subject, reason, detail) SELECT 'reassign', ob.national_code, "
	"  @SN_R_Q_UNBOUND, printf(CASE WHEN ob.district THEN @SN_R_Q_UNBOUND_DISTRICT ELSE @SN_R_Q_UNBOUND_CLOSED END, "
	"  ob.catalog, ob.agency_code) FROM ob WHERE ob.id NOT IN (SELECT old_id FROM carried) ORDER BY ob.id;";

/* Dossiers at agencies that no longer exist. A dossier follows the level of the work it is:
 *   - a `dossier:` decision always wins;
 *   - at an agency that continues under another code (renumbered, merged), the crosswalk;
 *   - district-level work (at a district committee or office) goes where the jurisdiction rule
 *     sends its procedure: to the department of the rule's function, or to the committee of the
 *     applicant's new commune;
 *   - anything else (a split commune's committee, a unit closed with it) follows its commune:
 *     one successor in the crosswalk, else the applicant's commune (the agency's own commune when
 *     the dossier names none);
 * a commune is found by the whole-population part, then the hamlet table, and, for a district
 * that became one new commune (an island district now a special zone), that commune; otherwise
 * the dossier waits in the review queue. */
static const char *DOSSIERS =
	/* Districts whose whole area became one new commune. */
	"CREATE TEMP TABLE dsingle(district PRIMARY KEY, new_commune);"
	"INSERT INTO temp.dsingle SELECT l.old_district_code, min(l.new_code) FROM link l JOIN event e ON "
	"  e.id = l.event_id AND e.kind = 'conversion' WHERE l.old_district_code IS NOT NULL GROUP BY 1 "
	"  HAVING count(DISTINCT l.new_code) = 1;"
	/* Keyed by dossier id: the UPDATE below looks each moved dossier up here. */
	"CREATE TEMP TABLE dmove(id INTEGER PRIMARY KEY, from_agency, to_agency, rule, why);"
	"INSERT INTO temp.dmove SELECT id, from_agency, "
	"  CASE WHEN decided IS NOT NULL THEN (SELECT c.code FROM code_table c WHERE c.kind = 'commune-committee' "
	"      AND c.unit_code = decided) "
	"    WHEN outcome IN ('renumbered', 'merged') THEN new_code "
	"    WHEN district AND target = 'province' THEN (SELECT c.code FROM code_table c "
	"      WHERE c.kind = 'department' AND c.function = fn ORDER BY c.code LIMIT 1) "
	"    WHEN NOT district AND one_successor IS NOT NULL THEN one_successor "
	"    ELSE (SELECT c.code FROM code_table c WHERE c.kind = 'commune-committee' "
	"      AND c.unit_code = COALESCE(pop_commune, hamlet_commune, single_commune)) END, "
	"  CASE WHEN decided IS NOT NULL THEN printf(@SN_R_MOVE_DECISION, decision_pos, decision_why) "
	"    WHEN outcome IN ('renumbered', 'merged') THEN printf(@SN_R_MOVE_CROSSWALK, outcome, xreason) "
	"    WHEN district AND target = 'province' THEN printf(@SN_R_BIND_PROVINCE, prule) "
	"    WHEN NOT district AND one_successor IS NOT NULL THEN printf(@SN_R_BIND_SUCCESSOR, from_agency) "
	"    WHEN district THEN printf(@SN_R_MOVE_DISTRICT_COMMUNE, prule, commune_rule) "
	"    ELSE printf(@SN_R_MOVE_COMMUNE, commune_rule) END, "
	"  COALESCE(how, @SN_R_TARGET_NONE) "
	/* how the applicant's commune was found (none: the dossier is not moved, its rule not kept) */
	"  FROM (SELECT *, CASE WHEN pop_commune IS NOT NULL THEN how "
	"    WHEN hamlet_commune IS NOT NULL THEN printf(@SN_R_MOVE_HAMLET, hamlet, commune, hamlet_commune) "
	"    WHEN single_commune IS NOT NULL THEN printf(@SN_R_MOVE_SINGLE, unit, single_commune) END AS commune_rule "
	"  FROM (SELECT d.id, d.code, d.agency_code AS from_agency, d.hamlet, x.outcome, x.new_code, x.reason AS xreason, "
	"    a.kind IN ('district-committee', 'district-office') AS district, a.unit_code AS unit, "
	"    r.target, r.function AS fn, r.rule AS prule, dd.value AS decided, dd.pos AS decision_pos, "
	"    dd.reason AS decision_why, "
	"    COALESCE(d.commune_code, CASE WHEN a.kind = 'commune-committee' THEN a.unit_code END) AS commune, "
	"    (SELECT min(s.new_code) FROM crosswalk_successor s WHERE s.old_code = d.agency_code "
	"      HAVING count(*) = 1) AS one_successor, "
	"    t.new_commune AS pop_commune, t.how, "
	"    (SELECT h.new_commune FROM hamlet h WHERE h.old_commune = COALESCE(d.commune_code, CASE WHEN "
	"      a.kind = 'commune-committee' THEN a.unit_code END) AND h.hamlet_key = sn_key_type(d.hamlet)) AS hamlet_commune, "
	"    CASE WHEN d.commune_code IS NULL AND a.kind IN ('district-committee', 'district-office') THEN "
	"      (SELECT ds.new_commune FROM temp.dsingle ds WHERE ds.district = a.unit_code) END AS single_commune "
	"    FROM dossier d JOIN crosswalk x ON x.old_code = d.agency_code JOIN agency a ON a.code = d.agency_code "
	"    LEFT JOIN temp.decision dd ON dd.subject = 'dossier:' || d.code AND dd.field = 'commune' "
	"    LEFT JOIN temp.prule r ON r.province = d.province AND r.national_code = d.national_code "
	"    LEFT JOIN temp.ctarget t ON t.old_commune = COALESCE(d.commune_code, CASE WHEN "
	"      a.kind = 'commune-committee' THEN a.unit_code END) "
	"    WHERE x.outcome <> 'kept' OR dd.value IS NOT NULL));"
	"UPDATE temp.decision SET used = 1 WHERE field = 'commune' AND substr(subject, 9) IN (SELECT code FROM dossier);"
	"INSERT INTO dossier_history(dossier_id, step, from_agency, to_agency, rule) SELECT id, 'reassign', "
	"  from_agency, to_agency, rule FROM dmove WHERE to_agency IS NOT NULL ORDER BY id;"
	"UPDATE dossier SET agency_code = (SELECT to_agency FROM dmove m WHERE m.id = dossier.id) "
	"  WHERE id IN (SELECT id FROM dmove WHERE to_agency IS NOT NULL);"
	"INSERT INTO review(step, subject, reason, detail) SELECT 'reassign', 'dossier:' || d.code, "
	"  CASE WHEN m.rule LIKE 'decision:%' THEN @SN_R_Q_DOSSIER_DECIDED ELSE printf(@SN_R_Q_DOSSIER, m.why) END, "
	"  CASE WHEN d.hamlet IS NULL THEN printf(@SN_R_Q_DOSSIER_AT, d.agency_code, d.national_code, "
	"  COALESCE(d.commune_code, '?')) ELSE printf(@SN_R_Q_DOSSIER_AT_HAMLET, d.agency_code, d.national_code, "
	"  COALESCE(d.commune_code, '?'), d.hamlet) END "
	"  FROM dmove m JOIN dossier d ON d.id = m.id WHERE m.to_agency IS NULL ORDER BY d.code;";

/* One entry per national code; fields on which the catalogs disagree wait for a decision. */
static const char *MERGE =
	"CREATE TEMP TABLE mfield(national_code, field, nvals, value, detail);"
	"CREATE INDEX temp.mfield_key ON mfield(national_code, field);"
	"INSERT INTO mfield SELECT national_code, 'name', count(DISTINCT sn_key(name)), min(name), "
	"  group_concat(province || ': ' || name, ' | ') FROM procedure GROUP BY national_code;"
	"INSERT INTO mfield SELECT national_code, 'field', count(DISTINCT COALESCE(field_code, '')), min(field_code), "
	"  group_concat(province || ': ' || COALESCE(field_code, '-'), ' | ') FROM procedure GROUP BY national_code;"
	"INSERT INTO mfield SELECT national_code, 'fee', count(DISTINCT COALESCE(fee, '')), min(fee), "
	"  group_concat(province || ': ' || COALESCE(fee, '-'), ' | ') FROM procedure GROUP BY national_code;"
	"INSERT INTO mfield SELECT national_code, 'time_limit', count(DISTINCT COALESCE(time_limit, '') || ' ' || "
	"  COALESCE(time_unit, '')), min(time_limit || ' ' || COALESCE(time_unit, '')), group_concat(province || ': ' || "
	"  COALESCE(time_limit || ' ' || COALESCE(time_unit, ''), '-'), ' | ') FROM procedure GROUP BY national_code;"
	"INSERT INTO mfield SELECT national_code, 'online_level', count(DISTINCT online_level), min(online_level), "
	"  group_concat(province || ': ' || online_level, ' | ') FROM procedure GROUP BY national_code;"
	"INSERT INTO mfield SELECT national_code, 'portal', count(DISTINCT portal), min(portal), "
	"  group_concat(province || ': ' || CASE portal WHEN 1 THEN 'yes' ELSE 'no' END, ' | ') FROM procedure GROUP BY national_code;"
	"INSERT INTO mfield SELECT national_code, 'legal_basis', count(DISTINCT COALESCE(legal_basis, '')), min(legal_basis), "
	"  group_concat(province || ': ' || COALESCE(legal_basis, '-'), ' | ') FROM procedure GROUP BY national_code;"
	/* a decision settles a field */
	"UPDATE mfield SET nvals = 1, value = (SELECT d.value FROM temp.decision d WHERE d.subject = mfield.national_code "
	"  AND d.field = mfield.field) WHERE EXISTS (SELECT 1 FROM temp.decision d WHERE d.subject = mfield.national_code "
	"  AND d.field = mfield.field);"
	"UPDATE temp.decision SET used = 1 WHERE EXISTS (SELECT 1 FROM mfield m WHERE m.national_code = temp.decision.subject "
	"  AND m.field = temp.decision.field);"
	/* what was decided, kept with its reason and what the catalogs said (for the reports) */
	"INSERT INTO main.decision(subject, field, value, reason, pos, candidates) SELECT d.subject, d.field, d.value, "
	"  d.reason, d.pos, (SELECT m.detail FROM mfield m WHERE m.national_code = d.subject AND m.field = d.field) "
	"  FROM temp.decision d WHERE d.used = 1 ORDER BY d.subject, d.field;"
	"INSERT INTO review(step, subject, reason, detail, field) SELECT 'reassign', national_code, "
	"  printf(@SN_R_Q_CONFLICT, field), detail, field FROM mfield WHERE nvals > 1 "
	"  ORDER BY national_code, field;"
	"INSERT INTO merged_procedure SELECT p.national_code, p.national_code || '.' || :root, "
	"  (SELECT CASE WHEN nvals = 1 THEN value END FROM mfield WHERE national_code = p.national_code AND field = 'name'), "
	"  (SELECT CASE WHEN nvals = 1 THEN value END FROM mfield WHERE national_code = p.national_code AND field = 'field'), "
	/* the field's name as a catalog gives it for the merged (or decided) field code; a decided
	 * code that no catalog names has no name */
	"  COALESCE((SELECT min(q.field_name) FROM procedure q JOIN mfield m ON m.national_code = q.national_code "
	"    AND m.field = 'field' AND m.nvals = 1 AND q.field_code = m.value WHERE q.national_code = p.national_code), "
	"    CASE WHEN NOT EXISTS (SELECT 1 FROM temp.decision d WHERE d.subject = p.national_code AND d.field = 'field') "
	"    THEN min(p.field_name) END), "
	"  (SELECT group_concat(l, ',') FROM (SELECT 'province' AS l WHERE EXISTS (SELECT 1 FROM binding b JOIN code_table c "
	"    ON c.code = b.agency_code WHERE b.catalog = :t AND b.active AND b.national_code = p.national_code "
	"    AND c.kind <> 'commune-committee') UNION ALL SELECT 'commune' WHERE EXISTS (SELECT 1 FROM binding b "
	"    JOIN code_table c ON c.code = b.agency_code WHERE b.catalog = :t AND b.active AND "
	"    b.national_code = p.national_code AND c.kind = 'commune-committee'))), "
	"  (SELECT CASE WHEN nvals = 1 THEN CAST(value AS REAL) END FROM mfield WHERE national_code = p.national_code AND field = 'time_limit'), "
	"  (SELECT CASE WHEN nvals = 1 THEN substr(value, instr(value, ' ') + 1) END FROM mfield WHERE national_code = p.national_code AND field = 'time_limit'), "
	"  (SELECT CASE WHEN nvals = 1 THEN value END FROM mfield WHERE national_code = p.national_code AND field = 'fee'), "
	"  (SELECT CASE WHEN nvals = 1 THEN value END FROM mfield WHERE national_code = p.national_code AND field = 'online_level'), "
	"  (SELECT CASE WHEN nvals = 1 THEN CAST(value AS INTEGER) END FROM mfield WHERE national_code = p.national_code AND field = 'portal'), "
	"  (SELECT CASE WHEN nvals = 1 THEN value END FROM mfield WHERE national_code = p.national_code AND field = 'legal_basis'), "
	"  group_concat(p.province, ','), "
	"  (SELECT count(*) FROM mfield WHERE national_code = p.national_code AND nvals > 1) "
	"  FROM (SELECT * FROM procedure ORDER BY province) p GROUP BY p.national_code ORDER BY p.national_code;"
	"UPDATE merged_procedure SET levels = '' WHERE levels IS NULL;"
	"INSERT INTO review(step, subject, reason, detail) SELECT 'reassign', national_code, "
	"  @SN_R_Q_DEFAULT, printf(@SN_R_Q_DEFAULT_WENT, group_concat(DISTINCT province), min(target)) "
	"  FROM temp.prule WHERE rule LIKE 'default%' AND national_code IN "
	"  (SELECT national_code FROM ob WHERE district) GROUP BY national_code ORDER BY national_code;";

int sn_merged_province(struct sn_ctx *ctx, char target[8], char root[40])
{
	struct sn_province p;
	int r = sn_province_load(ctx, &p);
	if (r)
		return r;
	snprintf(target, 8, "%s", p.code);
	/* The surviving committee: the province committee of the code table under its level-1 code. */
	sqlite3_stmt *st = sn_prepare(ctx, "SELECT code FROM code_table WHERE kind = 'province-committee' AND "
					   "parent_code IS NULL ORDER BY substr(sort_key, 1, 3) = ?1 DESC, code LIMIT 1");
	if (!st)
		return SN_IO;
	sqlite3_bind_text(st, 1, p.l1, -1, SQLITE_STATIC);
	root[0] = '\0';
	if (sn_step(ctx, st) == SQLITE_ROW)
		snprintf(root, 40, "%s", sn_col(st, 0));
	sqlite3_finalize(st);
	return 0;
}

int sn_reassign_undo(struct sn_ctx *ctx, int *undone)
{
	long long n;
	*undone = 0;
	if (sn_query_int(ctx, &n, "SELECT (SELECT count(*) FROM binding WHERE from_binding IS NOT NULL) + "
			 "(SELECT count(*) FROM dossier_history WHERE step = 'reassign') + "
			 "(SELECT count(*) FROM merged_procedure)"))
		return SN_IO;
	if (!n)
		return 0;
	*undone = 1;
	return sn_exec_script(ctx, RESET, NULL, NULL);
}

/* Conservation: each is a count that must be zero (WHAT: N_(), translated where printed). */
static const struct {
	const char *sql, *what;
} CHECKS[] = {
	{ "SELECT (SELECT count(*) FROM temp.dcount) - (SELECT count(*) FROM dossier)",
	  N_("dossiers before and after differ") },
	{ "SELECT count(*) FROM ob WHERE id NOT IN (SELECT old_id FROM carried) AND NOT EXISTS (SELECT 1 FROM review r "
	  "WHERE r.step = 'reassign' AND r.reason = 'binding without a successor' AND r.subject = ob.national_code)",
	  N_("an old binding is neither carried nor queued") },
	{ "SELECT count(*) FROM binding b JOIN agency a ON a.code = b.agency_code WHERE b.active AND "
	  "a.kind IN ('district-committee', 'district-office') AND NOT EXISTS (SELECT 1 FROM code_table c WHERE c.code = b.agency_code)",
	  N_("a binding at district level remains") },
	{ "SELECT count(*) FROM binding b WHERE b.active AND b.catalog = :t AND NOT EXISTS (SELECT 1 FROM code_table c "
	  "WHERE c.code = b.agency_code)", N_("a binding points to an agency outside the new code table") },
	{ "SELECT count(*) FROM dossier d JOIN crosswalk x ON x.old_code = d.agency_code AND x.outcome <> 'kept' "
	  "WHERE NOT EXISTS (SELECT 1 FROM review r WHERE r.step = 'reassign' AND r.subject = 'dossier:' || d.code)",
	  N_("a dossier at a closed agency is neither moved nor queued") },
};

/* :t (the merged province), :root (its committee) and the formats of stored reasons
 * (@SN_R_NAME) in every statement. */
static void bind_target(sqlite3_stmt *st, void *arg)
{
	const struct sn_reassign *ra = arg;
	sn_reasons_bind(st);
	int i = sqlite3_bind_parameter_index(st, ":t");
	if (i)
		sqlite3_bind_text(st, i, ra->target, -1, SQLITE_STATIC);
	i = sqlite3_bind_parameter_index(st, ":root");
	if (i)
		sqlite3_bind_text(st, i, ra->root, -1, SQLITE_STATIC);
}

static int run(struct sn_reassign *ra, const char *sql)
{
	return sn_exec_script(ra->ctx, sql, bind_target, ra);
}

/* One count, :t and :root bound, into *V. Returns 0 or SN_IO (printed). */
static int count(struct sn_reassign *ra, const char *sql, long *v)
{
	sqlite3_stmt *st = sn_prepare(ra->ctx, sql);
	*v = 0;
	if (!st)
		return SN_IO;
	bind_target(st, ra);
	int r = sn_step(ra->ctx, st);
	if (r == SQLITE_ROW)
		*v = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return r < 0 ? SN_IO : 0;
}

static void sql_key_type(sqlite3_context *c, int argc, sqlite3_value **v)
{
	(void)argc;
	const char *s = (const char *)sqlite3_value_text(v[0]);
	char *k = s ? sn_name_key(s, SN_KEY_KEEP_TYPE, NULL) : NULL;
	if (k)
		sqlite3_result_text(c, k, -1, free);
	else
		sqlite3_result_null(c);
}

int sn_reassign_load(struct sn_reassign *ra, const char *rules, const char *decisions, const char *hamlets)
{
	struct sn_ctx *ctx = ra->ctx;
	int r;
	long n;
	if (sqlite3_create_function(ctx->db, "sn_key_type", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
				    sql_key_type, NULL, NULL) != SQLITE_OK) {
		sn_db_error(ctx, "sn_key_type");
		return SN_IO;
	}
	if ((r = run(ra, RESET)) ||
	    (r = run(ra, "DROP TABLE IF EXISTS temp.jrule; DROP TABLE IF EXISTS temp.decision; "
			 "DROP TABLE IF EXISTS temp.ctarget; DROP TABLE IF EXISTS temp.prule; DROP TABLE IF EXISTS temp.ob; "
			 "DROP TABLE IF EXISTS temp.carried; DROP TABLE IF EXISTS temp.dmove; DROP TABLE IF EXISTS temp.mfield; "
			 "DROP TABLE IF EXISTS temp.dcount; DROP TABLE IF EXISTS temp.dsingle; "
			 "DROP TABLE IF EXISTS temp.dfunction; "
			 "CREATE TEMP TABLE jrule(kind, key, target, function, pos, UNIQUE(kind, key)); "
			 "CREATE TEMP TABLE decision(subject, field, value, reason, pos, used, UNIQUE(subject, field)); "
			 "CREATE TEMP TABLE ctarget(old_commune PRIMARY KEY, new_commune, how); "
			 "CREATE TEMP TABLE dcount AS SELECT id FROM dossier; "
			 "CREATE TEMP TABLE dfunction(name PRIMARY KEY); "
			 "INSERT OR IGNORE INTO temp.dfunction SELECT DISTINCT function FROM code_table "
			 "WHERE function IS NOT NULL")))
		return r;
	static const char *fcols[] = { "function", NULL };
	if (decisions && (r = sn_mapping_read(ctx, NULL, sn_mapping_departments, "departments.csv", fcols, 1,
					      ra_function_row, ra)))
		return r;
	static const char *rcols[] = { "match", "target", "department", NULL };
	static const char *dcols[] = { "subject", "field", "value", "reason", NULL };
	ra->workbook = decisions && sn_mapping_is_workbook(decisions);
	static const char *hcols[] = { "old_commune", "hamlet", "new_commune", NULL };
	if ((r = sn_mapping_read(ctx, rules, sn_mapping_jurisdiction, "jurisdiction.csv", rcols, 2, ra_rule_row, ra)) ||
	    (decisions && (r = sn_mapping_read(ctx, decisions, NULL, "decisions", dcols, 4, ra_decision_row, ra))) ||
	    (hamlets && (r = sn_mapping_read(ctx, hamlets, NULL, "hamlets", hcols, 3, ra_hamlet_row, ra))))
		return r;
	if ((r = count(ra, "SELECT count(*) FROM temp.jrule WHERE kind = 'default'", &n)))
		return r;
	if (!n) {
		sn_error(ctx, "the jurisdiction rules have no 'default' line");
		return SN_DATA;
	}
	return 0;
}

int sn_reassign_apply(struct sn_reassign *ra)
{
	int r;
	if ((r = run(ra, RULES)) || (r = run(ra, CLASSIFY)) || (r = commune_targets(ra)))
		return r;
	for (size_t i = 0; i < sizeof CARRY / sizeof CARRY[0]; i++) {
		char *q = sqlite3_mprintf(UPSERT, CARRY[i].make);
		char *c = sqlite3_mprintf("INSERT OR IGNORE INTO temp.carried %s", CARRY[i].carries);
		r = q && c ? run(ra, q) : SN_IO;
		if (!r)
			r = run(ra, c);
		sqlite3_free(q);
		sqlite3_free(c);
		if (r)
			return r;
	}
	if ((r = run(ra, AFTER_CARRY)) || (r = run(ra, DOSSIERS)) || (r = run(ra, MERGE)))
		return r;
	return 0;
}

int sn_reassign_check(struct sn_reassign *ra)
{
	struct sn_ctx *ctx = ra->ctx;
	int r;
	/* Test hook: lose one dossier, so the tests can show the conservation check rolls back. */
	const char *fault = getenv("SAPNHAP_FAULT");
	if (fault && !strcmp(fault, "reassign-drop-dossier") &&
	    (r = run(ra, "DELETE FROM dossier_history WHERE dossier_id = (SELECT max(id) FROM dossier); "
			 "DELETE FROM dossier WHERE id = (SELECT max(id) FROM dossier)")))
		return r;
	for (size_t i = 0; i < sizeof CHECKS / sizeof CHECKS[0]; i++) {
		long v;
		if ((r = count(ra, CHECKS[i].sql, &v)))
			return r;
		if (v != 0) {
			sn_error(ctx, "conservation check failed: %s (%ld); the step is rolled back", _(CHECKS[i].what), v);
			return SN_INTERNAL;
		}
	}
	char *q = sqlite3_mprintf("SELECT pos, subject, field FROM temp.decision WHERE used = 0 ORDER BY pos LIMIT 1");
	sqlite3_stmt *st = q ? sn_prepare(ctx, q) : NULL;
	sqlite3_free(q);
	if (!st)
		return SN_IO;
	if (sn_step(ctx, st) == SQLITE_ROW) {
		sn_error(ctx, "%s: decision on %s %s matches no procedure or dossier", sn_col(st, 0),
			 sn_col(st, 1), sn_col(st, 2));
		sqlite3_finalize(st);
		return SN_DATA;
	}
	sqlite3_finalize(st);
	if ((r = count(ra, "SELECT count(*) FROM dossier_history WHERE step = 'reassign'", &ra->moved)) ||
	    (r = count(ra, "SELECT count(*) FROM review WHERE step = 'reassign' AND subject LIKE 'dossier:%'",
		       &ra->queued_dossiers)) ||
	    (r = count(ra, "SELECT count(*) FROM review WHERE step = 'reassign' AND reason = 'binding without a "
		       "successor'", &ra->queued_bindings)) ||
	    (r = count(ra, "SELECT count(*) FROM review WHERE step = 'reassign' AND reason LIKE 'conflict:%'",
		       &ra->conflicts)) ||
	    (r = count(ra, "SELECT count(*) FROM review WHERE step = 'reassign' AND reason LIKE 'decided by the "
		       "default%'", &ra->defaults)))
		return r;
	return 0;
}

int sn_reassign_compute(struct sn_reassign *ra, const char *rules, const char *decisions, const char *hamlets)
{
	int r;
	if ((r = sn_reassign_load(ra, rules, decisions, hamlets)) || (r = sn_reassign_apply(ra)) ||
	    (r = sn_reassign_check(ra)))
		return r;
	return 0;
}
