-- bench/reassign-floor.sql: the floor of 'sapnhap reassign', for bench/run.sh.
--
-- Run from the project root in the sqlite3 shell on a copy of the working database taken just
-- before reassign:   sqlite3 COPY.db < bench/reassign-floor.sql
--
-- It is the set-based SQL of tools/reassign.c (as of commit caa3616), statement for statement,
-- in one transaction, as a person would type it: the same rule table, the same binding upsert fan-out (every
-- district-level binding with a commune target to every new commune's committee, grouped per
-- procedure and agency), the same dossier move (dmove, the history INSERT, the dossier UPDATE,
-- the review queue), the same merged catalog and the same conservation checks. What differs,
-- and why:
--   * The rule file is read with .import from mappings/jurisdiction.csv (the file reassign has
--     compiled in), not by sapnhap's mapping reader; no decisions, no hamlet file (the benchmark
--     passes neither), so temp.decision and hamlet stay empty.
--   * temp.ctarget (the new commune that takes each applicant's old commune) is computed here
--     in SQL from the conversion links; reassign asks its C unit registry (sn_units_compose) per
--     distinct old commune. Same result for a database with one conversion event, as here.
--   * Our SQL functions are not in the shell: sn_key(name) (case/tone-insensitive name key) is
--     replaced by the name itself (the generated catalogs spell a procedure the same way in
--     both provinces, so the counts are the same), and sn_key_type(hamlet) in the hamlet lookup
--     by the hamlet itself (the hamlet table is empty: the lookup finds nothing either way).
--   * One table is given the access path a set-based plan needs, the statements that use it
--     unchanged: temp.dmove is declared with id INTEGER PRIMARY KEY before it is filled
--     (reassign: CREATE TEMP TABLE dmove AS SELECT, no key), so the dossier UPDATE's correlated
--     "(SELECT to_agency FROM dmove m WHERE m.id = dossier.id)" is a lookup. In reassign it is a
--     scan of dmove per moved dossier (EXPLAIN QUERY PLAN: "CORRELATED SCALAR SUBQUERY / SCAN
--     m"; SQLite builds no automatic index for a one-table correlated subquery): quadratic in
--     the number of dossiers moved.
--   * Not done: the journal row and the input digest reassign computes to recognise a re-run
--     (db_digest: all procedures and bindings concatenated and hashed), argument parsing.
.bail on
.parameter init
.parameter set :t "(SELECT min(new_province_code) FROM link WHERE old_province_code = (SELECT min(province) FROM agency))"
.parameter set :root "(SELECT code FROM code_table WHERE kind = 'province-committee' AND parent_code IS NULL ORDER BY code LIMIT 1)"
.import --csv --schema temp mappings/jurisdiction.csv jsrc
BEGIN;

-- reset: the imported state is the starting point of every run
UPDATE dossier SET agency_code = (SELECT h.from_agency FROM dossier_history h WHERE
  h.dossier_id = dossier.id AND h.step = 'reassign' ORDER BY h.rowid LIMIT 1)
  WHERE id IN (SELECT dossier_id FROM dossier_history WHERE step = 'reassign');
DELETE FROM dossier_history WHERE step = 'reassign';
DELETE FROM binding WHERE from_binding IS NOT NULL;
UPDATE binding SET active = 1 WHERE active = 0;
DELETE FROM merged_procedure;
DELETE FROM review WHERE step = 'reassign';
DELETE FROM hamlet;

CREATE TEMP TABLE jrule(kind, key, target, function, pos, UNIQUE(kind, key));
CREATE TEMP TABLE decision(subject, field, value, reason, pos, used, UNIQUE(subject, field));
CREATE TEMP TABLE ctarget(old_commune PRIMARY KEY, new_commune, how);
CREATE TEMP TABLE dcount AS SELECT id FROM dossier;
INSERT INTO temp.jrule SELECT
  CASE WHEN "match" = 'default' THEN 'default' WHEN "match" LIKE 'procedure:%' THEN 'procedure' ELSE 'field' END,
  CASE WHEN "match" = 'default' THEN '' ELSE substr("match", instr("match", ':') + 1) END,
  target, NULLIF(department, ''), '(built-in jurisdiction.csv):' || (rowid + 1) FROM temp.jsrc;

-- RULES: the rule of each procedure, decision > procedure > field > default
CREATE TEMP TABLE prule AS SELECT p.province, p.national_code, p.field_code,
  COALESCE((SELECT 'decision ' || d.pos FROM temp.decision d WHERE d.subject = p.national_code
    AND d.field = 'jurisdiction'), (SELECT r.kind || ':' || r.key || ' (' || r.pos || ')' FROM temp.jrule r
    WHERE r.kind = 'procedure' AND r.key = p.national_code), (SELECT r.kind || ':' || r.key || ' (' || r.pos || ')'
    FROM temp.jrule r WHERE r.kind = 'field' AND r.key = p.field_code), (SELECT 'default (' || r.pos || ')'
    FROM temp.jrule r WHERE r.kind = 'default')) AS rule,
  COALESCE((SELECT CASE WHEN d.value LIKE 'province:%' THEN 'province' ELSE d.value END FROM temp.decision d
    WHERE d.subject = p.national_code AND d.field = 'jurisdiction'), (SELECT r.target FROM temp.jrule r
    WHERE r.kind = 'procedure' AND r.key = p.national_code), (SELECT r.target FROM temp.jrule r
    WHERE r.kind = 'field' AND r.key = p.field_code), (SELECT r.target FROM temp.jrule r
    WHERE r.kind = 'default')) AS target,
  COALESCE((SELECT substr(d.value, 10) FROM temp.decision d WHERE d.subject = p.national_code
    AND d.field = 'jurisdiction' AND d.value LIKE 'province:%'), (SELECT r.function FROM temp.jrule r
    WHERE r.kind = 'procedure' AND r.key = p.national_code), (SELECT r.function FROM temp.jrule r
    WHERE r.kind = 'field' AND r.key = p.field_code), (SELECT r.function FROM temp.jrule r
    WHERE r.kind = 'default')) AS function
  FROM procedure p;
UPDATE temp.decision SET used = 1 WHERE field = 'jurisdiction' AND subject IN (SELECT national_code FROM procedure);

-- CLASSIFY: old bindings, district level or not, where the agency went
CREATE TEMP TABLE ob AS SELECT b.id, b.catalog, b.national_code, b.agency_code, b.online,
  a.kind IN ('district-committee', 'district-office') AS district, x.outcome, x.new_code
  FROM binding b JOIN agency a ON a.code = b.agency_code LEFT JOIN crosswalk x ON x.old_code = b.agency_code
  WHERE b.active = 1 AND b.catalog IN (SELECT DISTINCT province FROM procedure);
CREATE TEMP TABLE carried (old_id INTEGER PRIMARY KEY);
CREATE INDEX temp.ob_proc ON ob(national_code, catalog);
UPDATE binding SET active = 0 WHERE id IN (SELECT id FROM ob);

-- commune_targets (reassign: C, through the unit registry; here: the conversion links)
WITH l AS (SELECT link.old_code, link.new_code, link.share FROM link JOIN event e ON e.id = link.event_id
    WHERE e.kind = 'conversion' AND link.old_level = 'commune'),
  c AS (SELECT DISTINCT commune_code AS old FROM dossier WHERE commune_code IS NOT NULL),
  m AS (SELECT c.old, count(DISTINCT l.new_code) AS n, min(l.new_code) AS only, min(l.share) AS share,
    max(CASE WHEN l.share = 'part-population' THEN l.new_code END) AS pop FROM c LEFT JOIN l ON l.old_code = c.old
    GROUP BY c.old)
INSERT INTO temp.ctarget SELECT old, CASE WHEN n = 1 THEN only WHEN pop IS NOT NULL THEN pop END,
  CASE WHEN n = 1 THEN 'commune ' || old || ' is now ' || only || ' (' || share || ')'
    WHEN pop IS NOT NULL THEN 'commune ' || old || ' was split; ' || pop || ' took the whole population'
    ELSE 'commune ' || old || ' was split among ' || n || ' new communes with no part taking the whole population' END
  FROM m ORDER BY old;
UPDATE temp.ctarget SET how = 'commune ' || old_commune || ' leads to ' || new_commune ||
  ', which has no committee in the merged province', new_commune = NULL WHERE new_commune IS NOT NULL AND NOT EXISTS
  (SELECT 1 FROM code_table WHERE kind = 'commune-committee' AND unit_code = temp.ctarget.new_commune);

-- UPSERT x CARRY[0..3].make, each followed by CARRY[i].carries, as reassign runs them
-- kept / renumbered / merged
INSERT INTO binding(catalog, national_code, agency_code, online, rule, from_binding)
  SELECT :t, national_code, agency, max(online), min(rule), min(id) FROM (
  SELECT ob.id, ob.national_code, ob.new_code AS agency, ob.online, 'crosswalk: ' || ob.outcome AS rule
    FROM ob WHERE NOT ob.district AND ob.outcome IN ('kept', 'renumbered', 'merged'))
  GROUP BY national_code, agency ORDER BY national_code, agency
  ON CONFLICT(catalog, national_code, agency_code) WHERE active = 1 DO UPDATE SET
  online = max(online, excluded.online);
INSERT OR IGNORE INTO temp.carried SELECT id FROM ob WHERE NOT district AND outcome IN ('kept', 'renumbered', 'merged');
-- closed with successors (a split commune's committee)
INSERT INTO binding(catalog, national_code, agency_code, online, rule, from_binding)
  SELECT :t, national_code, agency, max(online), min(rule), min(id) FROM (
  SELECT ob.id, ob.national_code, s.new_code AS agency, ob.online, 'crosswalk: successor of closed ' ||
    ob.agency_code AS rule FROM ob JOIN crosswalk_successor s ON s.old_code = ob.agency_code
    WHERE NOT ob.district AND ob.outcome = 'closed')
  GROUP BY national_code, agency ORDER BY national_code, agency
  ON CONFLICT(catalog, national_code, agency_code) WHERE active = 1 DO UPDATE SET
  online = max(online, excluded.online);
INSERT OR IGNORE INTO temp.carried SELECT DISTINCT ob.id FROM ob JOIN crosswalk_successor s ON s.old_code = ob.agency_code
  WHERE NOT ob.district AND ob.outcome = 'closed';
-- district level, commune target: every new commune's committee (the fan-out, once per procedure)
INSERT INTO binding(catalog, national_code, agency_code, online, rule, from_binding)
  SELECT :t, national_code, agency, max(online), min(rule), min(id) FROM (
  SELECT g.id, g.national_code, c.code AS agency, g.online, g.rule FROM (SELECT min(ob.id) AS id,
    ob.national_code, max(ob.online) AS online, min('district -> commune: ' || r.rule) AS rule FROM ob
    JOIN temp.prule r ON r.province = ob.catalog AND r.national_code = ob.national_code
    WHERE ob.district AND r.target = 'commune' GROUP BY ob.national_code) g
    JOIN code_table c ON c.kind = 'commune-committee')
  GROUP BY national_code, agency ORDER BY national_code, agency
  ON CONFLICT(catalog, national_code, agency_code) WHERE active = 1 DO UPDATE SET
  online = max(online, excluded.online);
INSERT OR IGNORE INTO temp.carried SELECT ob.id FROM ob JOIN temp.prule r ON r.province = ob.catalog AND r.national_code = ob.national_code
  WHERE ob.district AND r.target = 'commune' AND EXISTS (SELECT 1 FROM code_table WHERE kind = 'commune-committee');
-- district level, province target: the department carrying the function
INSERT INTO binding(catalog, national_code, agency_code, online, rule, from_binding)
  SELECT :t, national_code, agency, max(online), min(rule), min(id) FROM (
  SELECT g.id, g.national_code, c.code AS agency, g.online, g.rule FROM (SELECT min(ob.id) AS id,
    ob.national_code, r.function, max(ob.online) AS online, min('district -> province: ' || r.rule) AS rule
    FROM ob JOIN temp.prule r ON r.province = ob.catalog AND r.national_code = ob.national_code
    WHERE ob.district AND r.target = 'province' GROUP BY ob.national_code, r.function) g
    JOIN code_table c ON c.kind = 'department' AND c.function = g.function)
  GROUP BY national_code, agency ORDER BY national_code, agency
  ON CONFLICT(catalog, national_code, agency_code) WHERE active = 1 DO UPDATE SET
  online = max(online, excluded.online);
INSERT OR IGNORE INTO temp.carried SELECT ob.id FROM ob JOIN temp.prule r ON r.province = ob.catalog AND r.national_code = ob.national_code
  JOIN code_table c ON c.kind = 'department' AND c.function = r.function
  WHERE ob.district AND r.target = 'province';

-- AFTER_CARRY
INSERT INTO review(step, subject, reason, detail) SELECT 'reassign', ob.national_code,
  'binding without a successor', 'province ' || ob.catalog || ': agency ' || ob.agency_code ||
  CASE WHEN ob.district THEN ' (district level; no department carries the rule''s function)'
  ELSE ' closed without successors' END FROM ob WHERE ob.id NOT IN (SELECT old_id FROM carried) ORDER BY ob.id;

-- DOSSIERS (dmove keyed by id: see the header)
CREATE TEMP TABLE dmove(id INTEGER PRIMARY KEY, from_agency, to_agency, rule, why);
INSERT INTO temp.dmove SELECT d.id, d.agency_code AS from_agency,
  CASE WHEN x.outcome IN ('renumbered', 'merged') THEN x.new_code
    WHEN x.outcome = 'closed' AND r.target = 'province' THEN (SELECT c.code FROM code_table c
      WHERE c.kind = 'department' AND c.function = r.function ORDER BY c.code LIMIT 1)
    WHEN x.outcome = 'closed' THEN (SELECT c.code FROM code_table c WHERE c.kind = 'commune-committee'
      AND c.unit_code = COALESCE((SELECT dd.value FROM temp.decision dd WHERE dd.subject = 'dossier:' || d.code
      AND dd.field = 'commune'), t.new_commune, (SELECT h.new_commune FROM hamlet h WHERE
      h.old_commune = d.commune_code AND h.hamlet_key = d.hamlet))) END AS to_agency,
  CASE WHEN x.outcome IN ('renumbered', 'merged') THEN 'crosswalk: ' || x.outcome || ' (' || x.reason || ')'
    WHEN x.outcome = 'closed' AND r.target = 'province' THEN 'district -> province: ' || r.rule
    WHEN (SELECT 1 FROM temp.decision dd WHERE dd.subject = 'dossier:' || d.code AND dd.field = 'commune')
      THEN 'decision: ' || (SELECT dd.pos || ' ' || dd.reason FROM temp.decision dd WHERE
      dd.subject = 'dossier:' || d.code AND dd.field = 'commune')
    WHEN t.new_commune IS NOT NULL THEN 'district -> commune: ' || r.rule || '; ' || t.how
    ELSE 'district -> commune: ' || r.rule || '; hamlet ' || COALESCE(d.hamlet, '(none)') || ' of ' ||
      COALESCE(d.commune_code, '(no commune)') END AS rule,
  COALESCE(t.how, 'no commune given') AS why
  FROM dossier d JOIN crosswalk x ON x.old_code = d.agency_code AND x.outcome <> 'kept'
  LEFT JOIN temp.prule r ON r.province = d.province AND r.national_code = d.national_code
  LEFT JOIN temp.ctarget t ON t.old_commune = d.commune_code;
UPDATE temp.decision SET used = 1 WHERE field = 'commune' AND substr(subject, 9) IN (SELECT code FROM dossier);
INSERT INTO dossier_history(dossier_id, step, from_agency, to_agency, rule) SELECT id, 'reassign',
  from_agency, to_agency, rule FROM dmove WHERE to_agency IS NOT NULL ORDER BY id;
UPDATE dossier SET agency_code = (SELECT to_agency FROM dmove m WHERE m.id = dossier.id)
  WHERE id IN (SELECT id FROM dmove WHERE to_agency IS NOT NULL);
INSERT INTO review(step, subject, reason, detail) SELECT 'reassign', 'dossier:' || d.code,
  'dossier needs a decision: ' || m.why, 'at ' || d.agency_code || ', procedure ' || d.national_code ||
  ', applicant in ' || COALESCE(d.commune_code, '?') || COALESCE(', hamlet ' || d.hamlet, '')
  FROM dmove m JOIN dossier d ON d.id = m.id WHERE m.to_agency IS NULL ORDER BY d.code;

-- MERGE: one entry per national code (sn_key(name) -> name: see the header)
CREATE TEMP TABLE mfield(national_code, field, nvals, value, detail);
CREATE INDEX temp.mfield_key ON mfield(national_code, field);
INSERT INTO mfield SELECT national_code, 'name', count(DISTINCT name), min(name),
  group_concat(province || ': ' || name, ' | ') FROM procedure GROUP BY national_code;
INSERT INTO mfield SELECT national_code, 'field', count(DISTINCT COALESCE(field_code, '')), min(field_code),
  group_concat(province || ': ' || COALESCE(field_code, '-'), ' | ') FROM procedure GROUP BY national_code;
INSERT INTO mfield SELECT national_code, 'fee', count(DISTINCT COALESCE(fee, '')), min(fee),
  group_concat(province || ': ' || COALESCE(fee, '-'), ' | ') FROM procedure GROUP BY national_code;
INSERT INTO mfield SELECT national_code, 'time_limit', count(DISTINCT COALESCE(time_limit, '') || ' ' ||
  COALESCE(time_unit, '')), min(time_limit || ' ' || COALESCE(time_unit, '')), group_concat(province || ': ' ||
  COALESCE(time_limit || ' ' || COALESCE(time_unit, ''), '-'), ' | ') FROM procedure GROUP BY national_code;
INSERT INTO mfield SELECT national_code, 'online_level', count(DISTINCT online_level), min(online_level),
  group_concat(province || ': ' || online_level, ' | ') FROM procedure GROUP BY national_code;
INSERT INTO mfield SELECT national_code, 'portal', count(DISTINCT portal), min(portal),
  group_concat(province || ': ' || CASE portal WHEN 1 THEN 'yes' ELSE 'no' END, ' | ') FROM procedure GROUP BY national_code;
INSERT INTO mfield SELECT national_code, 'legal_basis', count(DISTINCT COALESCE(legal_basis, '')), min(legal_basis),
  group_concat(province || ': ' || COALESCE(legal_basis, '-'), ' | ') FROM procedure GROUP BY national_code;
UPDATE mfield SET nvals = 1, value = (SELECT d.value FROM temp.decision d WHERE d.subject = mfield.national_code
  AND d.field = mfield.field) WHERE EXISTS (SELECT 1 FROM temp.decision d WHERE d.subject = mfield.national_code
  AND d.field = mfield.field);
UPDATE temp.decision SET used = 1 WHERE EXISTS (SELECT 1 FROM mfield m WHERE m.national_code = temp.decision.subject
  AND m.field = temp.decision.field);
INSERT INTO review(step, subject, reason, detail, field) SELECT 'reassign', national_code,
  'conflict: the catalogs differ on ' || field, detail, field FROM mfield WHERE nvals > 1
  ORDER BY national_code, field;
INSERT INTO merged_procedure SELECT p.national_code, p.national_code || '.' || :root,
  (SELECT CASE WHEN nvals = 1 THEN value END FROM mfield WHERE national_code = p.national_code AND field = 'name'),
  (SELECT CASE WHEN nvals = 1 THEN value END FROM mfield WHERE national_code = p.national_code AND field = 'field'),
  min(p.field_name),
  (SELECT group_concat(l, ',') FROM (SELECT 'province' AS l WHERE EXISTS (SELECT 1 FROM binding b JOIN code_table c
    ON c.code = b.agency_code WHERE b.catalog = :t AND b.active AND b.national_code = p.national_code
    AND c.kind <> 'commune-committee') UNION ALL SELECT 'commune' WHERE EXISTS (SELECT 1 FROM binding b
    JOIN code_table c ON c.code = b.agency_code WHERE b.catalog = :t AND b.active AND
    b.national_code = p.national_code AND c.kind = 'commune-committee'))),
  (SELECT CASE WHEN nvals = 1 THEN CAST(value AS REAL) END FROM mfield WHERE national_code = p.national_code AND field = 'time_limit'),
  (SELECT CASE WHEN nvals = 1 THEN substr(value, instr(value, ' ') + 1) END FROM mfield WHERE national_code = p.national_code AND field = 'time_limit'),
  (SELECT CASE WHEN nvals = 1 THEN value END FROM mfield WHERE national_code = p.national_code AND field = 'fee'),
  (SELECT CASE WHEN nvals = 1 THEN value END FROM mfield WHERE national_code = p.national_code AND field = 'online_level'),
  (SELECT CASE WHEN nvals = 1 THEN CAST(value AS INTEGER) END FROM mfield WHERE national_code = p.national_code AND field = 'portal'),
  (SELECT CASE WHEN nvals = 1 THEN value END FROM mfield WHERE national_code = p.national_code AND field = 'legal_basis'),
  group_concat(p.province, ','),
  (SELECT count(*) FROM mfield WHERE national_code = p.national_code AND nvals > 1)
  FROM (SELECT * FROM procedure ORDER BY province) p GROUP BY p.national_code ORDER BY p.national_code;
UPDATE merged_procedure SET levels = '' WHERE levels IS NULL;
INSERT INTO review(step, subject, reason, detail) SELECT 'reassign', national_code,
  'decided by the default rule: confirm or override', 'district-level bindings of ' || group_concat(DISTINCT province) ||
  ' went to ' || min(target) FROM temp.prule WHERE rule LIKE 'default%' AND national_code IN
  (SELECT national_code FROM ob WHERE district) GROUP BY national_code ORDER BY national_code;

-- CHECKS: conservation, each a count that must be 0
SELECT 'check dossiers', (SELECT count(*) FROM temp.dcount) - (SELECT count(*) FROM dossier);
SELECT 'check bindings', count(*) FROM ob WHERE id NOT IN (SELECT old_id FROM carried) AND NOT EXISTS (SELECT 1 FROM review r
  WHERE r.step = 'reassign' AND r.reason = 'binding without a successor' AND r.subject = ob.national_code);
SELECT 'check district', count(*) FROM binding b JOIN agency a ON a.code = b.agency_code WHERE b.active AND
  a.kind IN ('district-committee', 'district-office') AND NOT EXISTS (SELECT 1 FROM code_table c WHERE c.code = b.agency_code);
SELECT 'check code table', count(*) FROM binding b WHERE b.active AND b.catalog = :t AND NOT EXISTS (SELECT 1 FROM code_table c
  WHERE c.code = b.agency_code);
SELECT 'check queued', count(*) FROM dossier d JOIN crosswalk x ON x.old_code = d.agency_code AND x.outcome <> 'kept'
  WHERE NOT EXISTS (SELECT 1 FROM review r WHERE r.step = 'reassign' AND r.subject = 'dossier:' || d.code);
SELECT pos, subject, field FROM temp.decision WHERE used = 0 ORDER BY pos LIMIT 1;

-- the counts reassign reports
SELECT 'moved', count(*) FROM dossier_history WHERE step = 'reassign';
SELECT 'queued', count(*) FROM review WHERE step = 'reassign' AND subject LIKE 'dossier:%';
SELECT 'bindings queued', count(*) FROM review WHERE step = 'reassign' AND reason = 'binding without a successor';
SELECT 'conflicts', count(*) FROM review WHERE step = 'reassign' AND reason LIKE 'conflict:%';
SELECT 'default rule', count(*) FROM review WHERE step = 'reassign' AND reason LIKE 'decided by the default%';
SELECT 'procedures', count(*) FROM merged_procedure;
SELECT 'bindings', count(*) FROM binding WHERE active AND catalog = :t;
COMMIT;
