#!/bin/sh
# tests/national/run.sh [NN ...] - the country as a test.
#
# For each of the 34 new provinces (or the ones named): generate a complete input set from the
# official data (tests/national/gen.py), run 'sapnhap run' on its plan, and check the result
# with SQL in the sqlite3 shell against what the official table says, independently of the
# code under test. One line per province, then "N passed, N failed" (checks).
#
# Environment: SAPNHAP (binary, default ./sapnhap), JOBS (parallel provinces, default 2),
# NATIONAL_OUT (work folder, default build/national; each province's inputs, database and
# reports stay there for inspection), REQUIRE_REALDATA=1 (a missing ../shared/data fails
# instead of skipping), NATIONAL_DATA (the official data, default ../shared/data). Exit status 0
# when every check passed, 1 otherwise.
#
# Written alongside: NATIONAL_OUT/summary.md, the table of the README's "The country as a test".
set -u
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
: "${SAPNHAP:=$top/sapnhap}"
: "${NATIONAL_OUT:=$top/build/national}"
: "${JOBS:=2}"
data="${NATIONAL_DATA:-$top/../shared/data}"
export LC_ALL=C.UTF-8 TZ=UTC

if [ "${1:-}" = "--one" ]; then
	mode=one
	shift
else
	mode=all
fi

# --- one province: run it and check it; results in $NATIONAL_OUT/NN/result -------------------
if [ "$mode" = one ]; then
	nn=$1
	d="$NATIONAL_OUT/$nn"
	res="$d/result"
	: > "$res"
	pass=0 fail=0
	ok() { pass=$((pass + 1)); }
	bad() { fail=$((fail + 1)); echo "FAIL $nn $1: $2" >> "$res"; }
	rm -rf "$d/sapnhap.db" "$d/report" "$d/expect.db" "$d/expect.err"
	t0=$(date +%s.%N)
	"$SAPNHAP" run "$d/national.plan" > "$d/run.out" 2> "$d/run.err"
	rc=$?
	t1=$(date +%s.%N)
	secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')
	db="$d/sapnhap.db"
	x="$d/expect.db"

	# The expectations and the inputs, loaded by the sqlite3 shell alone.
	{
		echo ".mode csv"
		echo ".import --csv '$d/expect/meta.csv' meta"
		echo ".import --csv '$d/expect/new_communes.csv' new_commune"
		echo ".import --csv '$d/expect/district_successors.csv' dsucc"
		echo ".import --csv '$d/expect/agencies.csv' old_agency"
		echo ".import --csv '$d/expect/departments.csv' dept_function"
		echo ".import --csv '$d/expect/old_communes.csv' old_commune"
		first=1
		for f in "$d"/dossiers/*.csv; do
			if [ $first = 1 ]; then
				echo ".import --csv '$f' in_dossier"
				first=0
			else
				echo ".import --csv --skip 1 '$f' in_dossier"
			fi
		done
	} | sqlite3 "$x" 2> "$d/expect.err" || bad setup "cannot load the expectations into $x: $(head -2 "$d/expect.err" | tr '\n' ' ')"
	meta() { sqlite3 "$x" "SELECT value FROM meta WHERE key = '$1'"; }
	l1=$(meta level1)
	k1=$(meta council)
	olds=$(meta old_provinces)
	pname=$(meta name)

	# q SQL: runs SQL on the working database, the expectations attached as 'x', with a table
	# of every code the database holds (code table, crosswalk, dossiers, bindings, old
	# registries) in QCVN notation: norm(code, q). The normalisation is written here in SQL,
	# not taken from the tool.
	q() {
		sqlite3 "$db" "ATTACH '$x' AS x;
CREATE TEMP TABLE src(code TEXT PRIMARY KEY);
INSERT OR IGNORE INTO src SELECT code FROM code_table;
INSERT OR IGNORE INTO src SELECT old_code FROM crosswalk;
INSERT OR IGNORE INTO src SELECT new_code FROM crosswalk WHERE new_code IS NOT NULL;
INSERT OR IGNORE INTO src SELECT new_code FROM crosswalk_successor;
INSERT OR IGNORE INTO src SELECT agency_code FROM dossier;
INSERT OR IGNORE INTO src SELECT agency_code FROM binding;
INSERT OR IGNORE INTO src SELECT code FROM x.old_agency;
INSERT OR IGNORE INTO src SELECT agency_code FROM x.in_dossier;
CREATE TEMP TABLE norm(code TEXT PRIMARY KEY, q TEXT);
INSERT INTO norm SELECT code, code FROM src WHERE code NOT GLOB '[A-K][0-9][0-9]*';
WITH RECURSIVE s(code, rest, n, g2, g3, g4) AS (
  SELECT code, substr(code, 5) || '.', 0, NULL, NULL, NULL FROM src WHERE code GLOB '[A-K][0-9][0-9]*'
  UNION ALL
  SELECT code, substr(rest, instr(rest, '.') + 1), n + 1,
         CASE WHEN n = 0 THEN substr(rest, 1, instr(rest, '.') - 1) ELSE g2 END,
         CASE WHEN n = 1 THEN substr(rest, 1, instr(rest, '.') - 1) ELSE g3 END,
         CASE WHEN n = 2 THEN substr(rest, 1, instr(rest, '.') - 1) ELSE g4 END
  FROM s WHERE rest <> '' AND n < 4)
INSERT INTO norm SELECT code, printf('%03d.%02d.%02d.%s', coalesce(g4, 0), coalesce(g3, 0), coalesce(g2, 0), substr(code, 1, 3))
  FROM s WHERE rest = '';
CREATE TEMP VIEW ct AS SELECT c.*, n.q FROM code_table c JOIN norm n USING (code);
CREATE TEMP VIEW oa AS SELECT a.*, n.q AS nq FROM x.old_agency a JOIN norm n USING (code);
$1" 2>&1
	}
	# check NAME SQL: SQL returns one row "0" when fine, else a short description of the problem.
	check() {
		r=$(q "$2")
		if [ "$r" = "0" ]; then ok; else bad "$1" "$(printf '%s' "$r" | head -c 600 | tr '\n' ' ')"; fi
	}

	# 1. The run ends with 0 (clean) or 1 (findings to review), never with an error. When it
	#    stopped, the 15 checks of its result fail as one line: nothing was migrated to check.
	nchecks=15
	if [ "$rc" = 0 ] || [ "$rc" = 1 ]; then ok; else
		bad run "sapnhap run exited $rc: $(grep 'error' "$d/run.err" | head -3 | tr '\n' ' ')"
	fi
	if [ "$rc" != 0 ] && [ "$rc" != 1 ] || [ ! -f "$db" ]; then
		fail=$((fail + nchecks))
		echo "FAIL $nn not-checked: the $nchecks checks of the migrated province fail: the run stopped (details in $d/run.err)" >> "$res"
	else
	# 2. Every dossier conserved: as many as imported, each at an active code of the merged
	#    code table or waiting in the review queue.
	check dossiers "WITH
 lost AS (SELECT i.dossier_code FROM x.in_dossier i WHERE NOT EXISTS (SELECT 1 FROM dossier d WHERE d.code = i.dossier_code)),
 stray AS (SELECT d.code, d.agency_code FROM dossier d JOIN x.in_dossier i ON i.dossier_code = d.code
           WHERE NOT EXISTS (SELECT 1 FROM norm n JOIN ct ON ct.q = n.q WHERE n.code = d.agency_code)
             AND NOT EXISTS (SELECT 1 FROM review r WHERE r.subject = 'dossier:' || d.code AND r.status = 'open'))
SELECT CASE WHEN (SELECT count(*) FROM lost) + (SELECT count(*) FROM stray) = 0
             AND (SELECT count(*) FROM dossier) = (SELECT count(*) FROM x.in_dossier) THEN '0' ELSE
  printf('%d imported, %d in the database, %d lost (%s), %d neither at an active code nor queued (%s)',
   (SELECT count(*) FROM x.in_dossier), (SELECT count(*) FROM dossier), (SELECT count(*) FROM lost),
   (SELECT group_concat(dossier_code, ' ') FROM (SELECT dossier_code FROM lost LIMIT 3)),
   (SELECT count(*) FROM stray),
   (SELECT group_concat(code || ' at ' || agency_code, ', ') FROM (SELECT * FROM stray LIMIT 3))) END"

	# 3. No binding at district level: no active binding at an old district committee or office,
	#    no district committee or office in the code table.
	check district-bindings "WITH
 b AS (SELECT b.catalog, b.national_code, b.agency_code FROM binding b JOIN norm n ON n.code = b.agency_code
       JOIN oa ON oa.nq = n.q WHERE b.active = 1 AND oa.kind IN ('district-committee', 'district-office')),
 c AS (SELECT code FROM code_table WHERE kind IN ('district-committee', 'district-office'))
SELECT CASE WHEN (SELECT count(*) FROM b) + (SELECT count(*) FROM c) = 0 THEN '0' ELSE
  printf('%d active binding(s) at district level (%s); %d district agencies in the code table',
   (SELECT count(*) FROM b), (SELECT group_concat(national_code || '@' || agency_code, ', ') FROM (SELECT * FROM b LIMIT 3)),
   (SELECT count(*) FROM c)) END"

	# 4. The surviving level-1 code is the one of the old province whose name the new one
	#    carries: its committee and council head the code table, the absorbed ones merge into them.
	check level1-survivor "WITH
 pc AS (SELECT group_concat(q, ' ') v, count(*) n FROM ct WHERE kind = 'province-committee'),
 hc AS (SELECT group_concat(q, ' ') v, count(*) n FROM ct WHERE kind = 'province-council'),
 ab AS (SELECT oa.code, x.new_code FROM oa LEFT JOIN crosswalk x ON x.old_code = oa.code
        WHERE oa.kind IN ('province-committee', 'province-council')
          AND coalesce((SELECT q FROM norm WHERE code = x.new_code), '') <> '000.00.00.' || CASE oa.kind WHEN 'province-committee' THEN '$l1' ELSE '$k1' END)
SELECT CASE WHEN (SELECT v FROM pc) = '000.00.00.$l1' AND (SELECT v FROM hc) = '000.00.00.$k1'
             AND (SELECT count(*) FROM ab) = 0 THEN '0' ELSE
  printf('expected level 1 $l1/$k1 (the name''s province $(meta survivor)); province committee(s) in the code table: %s; council(s): %s; old committees/councils not carried to them: %s',
   coalesce((SELECT v FROM pc), 'none'), coalesce((SELECT v FROM hc), 'none'),
   coalesce((SELECT group_concat(code || ' -> ' || coalesce(new_code, 'closed'), ', ') FROM ab), 'none')) END"

	# 5. The other old level-1 codes are closed: no code of the code table under them.
	check level1-closed "WITH o AS (SELECT substr(q, -3) l, count(*) n FROM ct WHERE substr(q, -3) NOT IN ('$l1', '$k1') GROUP BY 1)
SELECT CASE WHEN (SELECT count(*) FROM o) = 0 THEN '0' ELSE
  'codes under other level-1 codes than $l1/$k1: ' || (SELECT group_concat(l || ' (' || n || ')', ', ') FROM o) END"

	# 6. Exactly one committee per new commune of the province, and no other commune committee.
	check commune-committees "WITH
 c AS (SELECT unit_code, count(*) n FROM code_table WHERE kind = 'commune-committee' GROUP BY unit_code),
 missing AS (SELECT code FROM x.new_commune WHERE code NOT IN (SELECT unit_code FROM c)),
 twice AS (SELECT unit_code FROM c WHERE n > 1),
 other AS (SELECT unit_code FROM c WHERE unit_code NOT IN (SELECT code FROM x.new_commune))
SELECT CASE WHEN (SELECT count(*) FROM missing) + (SELECT count(*) FROM twice) + (SELECT count(*) FROM other) = 0 THEN '0' ELSE
  printf('%d new communes; %d without a committee (%s), %d with several (%s), %d committees of units that are not new communes (%s)',
   (SELECT count(*) FROM x.new_commune),
   (SELECT count(*) FROM missing), (SELECT group_concat(code, ' ') FROM (SELECT code FROM missing LIMIT 5)),
   (SELECT count(*) FROM twice), (SELECT group_concat(unit_code, ' ') FROM (SELECT unit_code FROM twice LIMIT 5)),
   (SELECT count(*) FROM other), (SELECT group_concat(unit_code, ' ') FROM (SELECT unit_code FROM other LIMIT 5))) END"

	# 7. One crosswalk row per old code, and none for anything else.
	check crosswalk "WITH
 k AS (SELECT oa.code, (SELECT count(*) FROM crosswalk x JOIN norm n ON n.code = x.old_code WHERE n.q = oa.nq) n FROM oa),
 bad AS (SELECT code, n FROM k WHERE n <> 1),
 extra AS (SELECT old_code FROM crosswalk x JOIN norm n ON n.code = x.old_code WHERE n.q NOT IN (SELECT nq FROM oa))
SELECT CASE WHEN (SELECT count(*) FROM bad) + (SELECT count(*) FROM extra) = 0 THEN '0' ELSE
  printf('%d old codes, %d crosswalk rows; %d old codes without exactly one row (%s); %d rows for unknown codes (%s)',
   (SELECT count(*) FROM oa), (SELECT count(*) FROM crosswalk), (SELECT count(*) FROM bad),
   (SELECT group_concat(code || ':' || n, ' ') FROM (SELECT * FROM bad LIMIT 4)),
   (SELECT count(*) FROM extra), (SELECT group_concat(old_code, ' ') FROM (SELECT * FROM extra LIMIT 4))) END"

	# 8. A district committee closes; its successors are the committees of exactly the new
	#    communes that hold (part of) its communes by the official table. A district that became
	#    one unit as a whole (an island district now a special zone) merges into that unit's
	#    committee instead: its one successor is the crosswalk target.
	check district-successors "WITH
 d AS (SELECT code, nq FROM oa WHERE kind = 'district-committee'),
 succ AS (SELECT old_code, new_code FROM crosswalk_successor UNION ALL
          SELECT old_code, new_code FROM crosswalk WHERE outcome = 'merged'),
 got AS (SELECT d.code, ct.unit_code FROM d JOIN crosswalk x ON x.old_code = d.code
         JOIN succ s ON s.old_code = x.old_code JOIN norm n ON n.code = s.new_code
         JOIN ct ON ct.q = n.q AND ct.kind = 'commune-committee'),
 nonc AS (SELECT d.code, s.new_code FROM d JOIN crosswalk_successor s ON s.old_code = d.code JOIN norm n ON n.code = s.new_code
          WHERE NOT EXISTS (SELECT 1 FROM ct WHERE ct.q = n.q AND ct.kind = 'commune-committee')),
 want AS (SELECT old_code code, new_commune unit_code FROM x.dsucc),
 miss AS (SELECT * FROM want EXCEPT SELECT * FROM got),
 more AS (SELECT * FROM got EXCEPT SELECT * FROM want),
 notclosed AS (SELECT d.code FROM d LEFT JOIN crosswalk x ON x.old_code = d.code WHERE coalesce(x.outcome, '') <> 'closed'
              AND NOT (x.outcome = 'merged' AND (SELECT count(*) FROM want w WHERE w.code = d.code) = 1)),
 badd AS (SELECT code FROM miss UNION SELECT code FROM more UNION SELECT code FROM nonc UNION SELECT code FROM notclosed)
SELECT CASE WHEN (SELECT count(*) FROM badd) = 0 THEN '0' ELSE
  printf('%d of %d district committees wrong: %d not closed; missing successors %s; unexpected successors %s; successors that are no commune committee %s',
   (SELECT count(*) FROM badd), (SELECT count(*) FROM d), (SELECT count(*) FROM notclosed),
   coalesce((SELECT group_concat(code || '->' || unit_code, ' ') FROM (SELECT * FROM miss LIMIT 4)), 'none'),
   coalesce((SELECT group_concat(code || '->' || unit_code, ' ') FROM (SELECT * FROM more LIMIT 4)), 'none'),
   coalesce((SELECT group_concat(code || '->' || new_code, ' ') FROM (SELECT * FROM nonc LIMIT 4)), 'none')) END"

	# 9. Departments merge by function (2025 department mergers, city forms included): the old
	#    departments of one function end at one code, those of different functions at different
	#    codes, none closed.
	check departments "WITH
 m AS (SELECT f.function, f.code, x.outcome, (SELECT q FROM norm WHERE code = x.new_code) nq
       FROM x.dept_function f LEFT JOIN crosswalk x ON x.old_code = f.code),
 split AS (SELECT function, group_concat(code || '->' || coalesce(nq, 'closed'), ' ') v FROM m GROUP BY function HAVING count(DISTINCT coalesce(nq, '')) > 1 OR sum(nq IS NULL) > 0),
 shared AS (SELECT nq, group_concat(DISTINCT function) v FROM m WHERE nq IS NOT NULL GROUP BY nq HAVING count(DISTINCT function) > 1)
SELECT CASE WHEN (SELECT count(*) FROM split) + (SELECT count(*) FROM shared) = 0 THEN '0' ELSE
  printf('%d function(s) at several codes or closed (first 3: %s); %d code(s) carrying several functions (%s)',
   (SELECT count(*) FROM split), (SELECT group_concat(function || ': ' || v, '; ') FROM (SELECT * FROM split LIMIT 3)),
   (SELECT count(*) FROM shared), (SELECT group_concat(nq || ': ' || v, '; ') FROM (SELECT * FROM shared LIMIT 3))) END"

	# 10. A district whose whole area is one new commune (the island districts turned special
	#     zones: Côn Đảo, Bạch Long Vĩ, Cồn Cỏ, Lý Sơn, ...; Cô Tô, Vân Đồn, Phú Quý, ...): its
	#     dossiers of its own inhabitants (or with no commune given) need no decision, and the
	#     ones that go to a commune committee go to that commune's.
	check one-commune-districts "WITH
 one AS (SELECT old_code, min(new_commune) nc FROM x.dsucc GROUP BY old_code HAVING count(*) = 1),
 dist AS (SELECT oa.nq, one.nc, oa.unit_code FROM oa JOIN one ON one.old_code = (SELECT o2.code FROM x.old_agency o2
          WHERE o2.kind = 'district-committee' AND o2.unit_code = oa.unit_code AND o2.province = oa.province)
          WHERE oa.kind IN ('district-committee', 'district-office')),
 ds AS (SELECT i.dossier_code, i.agency_code old_agency, dist.nc, d.agency_code, (SELECT ct.unit_code FROM norm n JOIN ct ON ct.q = n.q
          WHERE n.code = d.agency_code AND ct.kind = 'commune-committee') at_commune,
          (SELECT r.reason FROM review r WHERE r.subject = 'dossier:' || i.dossier_code AND r.status = 'open') queued
        FROM x.in_dossier i JOIN norm n ON n.code = i.agency_code JOIN dist ON dist.nq = n.q
        LEFT JOIN dossier d ON d.code = i.dossier_code
        WHERE i.commune_code = '' OR i.commune_code IN (SELECT code FROM x.old_commune WHERE district = dist.unit_code)),
 bad AS (SELECT * FROM ds WHERE queued IS NOT NULL OR (at_commune IS NOT NULL AND at_commune <> nc))
SELECT CASE WHEN (SELECT count(*) FROM bad) = 0 THEN '0' ELSE
  printf('%d of %d dossier(s) at districts that became one commune not moved there: %s', (SELECT count(*) FROM bad), (SELECT count(*) FROM ds),
   (SELECT group_concat(dossier_code || ' (district area = ' || nc || '): ' || coalesce('queued: ' || queued, 'at commune ' || at_commune), '; ')
    FROM (SELECT * FROM bad LIMIT 3))) END"

	# 11. No code issued twice: no two codes of the code table are one code in two notations,
	#    and no old code is issued again to anything but itself.
	check codes-unique "WITH
 dup AS (SELECT q FROM ct GROUP BY q HAVING count(*) > 1),
 reuse AS (SELECT ct.code, x.old_code, x.outcome FROM ct JOIN oa ON oa.nq = ct.q JOIN crosswalk x ON x.old_code = oa.code
           WHERE x.outcome IN ('closed', 'merged', 'renumbered')
              OR coalesce((SELECT q FROM norm WHERE code = x.new_code), '') <> ct.q)
SELECT CASE WHEN (SELECT count(*) FROM dup) + (SELECT count(*) FROM reuse) = 0 THEN '0' ELSE
  printf('%d code(s) twice in the code table (%s); %d old code(s) issued again (%s)',
   (SELECT count(*) FROM dup), (SELECT group_concat(q, ' ') FROM (SELECT q FROM dup LIMIT 4)),
   (SELECT count(*) FROM reuse), (SELECT group_concat(code || ' was ' || old_code || ' (' || outcome || ')', ', ') FROM (SELECT * FROM reuse LIMIT 4))) END"

	# 12. Every code issued new is a conforming QCVN 102 code: 2-digit groups, no placeholder 99.
	check codes-conforming "WITH n AS (SELECT code FROM ct WHERE q NOT IN (SELECT nq FROM oa)
   AND (code NOT GLOB '[0-9][0-9][0-9].[0-9][0-9].[0-9][0-9].[A-K][0-9][0-9]'
        OR substr(code, 5, 2) = '99' OR substr(code, 8, 2) = '99'))
SELECT CASE WHEN (SELECT count(*) FROM n) = 0 THEN '0' ELSE
  printf('%d new code(s) not conforming to QCVN 102 (2-digit groups, 99 is a placeholder): %s', (SELECT count(*) FROM n),
   (SELECT group_concat(code, ' ') FROM (SELECT code FROM n LIMIT 5))) END"
	fi

	# 13. The XML exports are valid against the schemas.
	for f in agencies catalog crosswalk review; do
		[ "$rc" != 0 ] && [ "$rc" != 1 ] && break
		xml="$d/report/export-xml/$f.xml"
		if [ ! -f "$xml" ]; then
			bad "xml-$f" "no export $xml"
		elif xmllint --noout --schema "$top/schema/$f.xsd" "$xml" > "$d/xmllint-$f.out" 2>&1; then
			ok
		else
			bad "xml-$f" "$(grep -v 'validates\|fails to validate' "$d/xmllint-$f.out" | head -2 | tr '\n' ' ')"
		fi
	done

	# Figures of the line.
	communes=$(sqlite3 "$x" "SELECT count(*) FROM new_commune")
	codes=$(sqlite3 "$db" "SELECT count(*) FROM code_table" 2>/dev/null)
	case "$codes" in *[!0-9]*|'') codes='-' ;; esac
	nd=$(sqlite3 "$x" "SELECT count(*) FROM in_dossier")
	moved=$(q "SELECT count(*) FROM dossier d JOIN x.in_dossier i ON i.dossier_code = d.code WHERE d.agency_code <> i.agency_code" 2>/dev/null)
	queued=$(q "SELECT count(*) FROM dossier d WHERE EXISTS (SELECT 1 FROM review r WHERE r.subject = 'dossier:' || d.code AND r.status = 'open')" 2>/dev/null)
	case "$moved" in *[!0-9]*|'') moved='-' ;; esac
	case "$queued" in *[!0-9]*|'') queued='-' ;; esac
	if [ "$rc" != 0 ] && [ "$rc" != 1 ]; then codes="stopped:$rc" moved='-' queued='-'; fi
	echo "SUMMARY|$nn|$pname|$olds|$communes|$codes|$nd|$moved|$queued|$secs|$pass|$fail" >> "$res"
	exit 0
fi

# --- all provinces ---------------------------------------------------------------------------
if [ ! -f "$data/units/nso-conversion-2025.xlsx" ] || [ ! -f "$data/resolutions/915_CTK-CSCL.csv" ]; then
	echo "national: skipped: $data not found (the official data lives beside the project in ../shared/data)" >&2
	if [ "${REQUIRE_REALDATA:-0}" = 1 ]; then
		echo "national: REQUIRE_REALDATA=1: a skip is a failure" >&2
		echo "0 passed, 1 failed"
		exit 1
	fi
	exit 0
fi
for tool in sqlite3 python3 xmllint; do
	command -v $tool > /dev/null || { echo "national: $tool missing (make deps)" >&2; echo "0 passed, 1 failed"; exit 1; }
done
[ -x "$SAPNHAP" ] || { echo "national: no binary $SAPNHAP (make)" >&2; echo "0 passed, 1 failed"; exit 1; }
data=$(cd "$data" && pwd)

if [ $# -gt 0 ]; then
	provinces="$*"
else
	provinces=$(tail -n +2 "$data/resolutions/915_CTK-CSCL.csv" | cut -d, -f2 | tr -d '\r' | tr '\n' ' ')
fi
mkdir -p "$NATIONAL_OUT"
start=$(date +%s)
pass=0 fail=0

# The generator is deterministic: the same arguments give the same bytes.
first=$(echo $provinces | cut -d' ' -f1)
detdir="$NATIONAL_OUT/determinism"
rm -rf "$detdir"
for i in 1 2; do python3 "$here/gen.py" "$detdir/$i" --province "$first" --data "$data" || true; done
if [ -f "$detdir/1/national.plan" ] && diff -r "$detdir/1" "$detdir/2" > /dev/null; then
	pass=$((pass + 1))
else
	fail=$((fail + 1))
	echo "FAIL generator: two runs of gen.py --province $first differ" >&2
fi
rm -rf "$detdir"

# Generate every province (cheap, in parallel), then run and check them (JOBS at a time).
for nn in $provinces; do rm -rf "$NATIONAL_OUT/$nn"; done
printf '%s\n' $provinces | xargs -P "$JOBS" -I '{}' python3 "$here/gen.py" "$NATIONAL_OUT/{}" --province '{}' --data "$data"
printf '%s\n' $provinces | xargs -P "$JOBS" -I '{}' env SAPNHAP="$SAPNHAP" NATIONAL_OUT="$NATIONAL_OUT" sh "$here/run.sh" --one '{}'

table="$NATIONAL_OUT/summary.md"
{
	echo "| new province | from old provinces | new communes | codes issued | dossiers | moved | queued | seconds | checks failed |"
	echo "|---|---|--:|--:|--:|--:|--:|--:|--:|"
} > "$table.tmp"
printf '%-4s %-10s %8s %10s %9s %7s %7s %7s  %s\n' new from communes codes dossiers moved queued seconds province
for nn in $provinces; do
	res="$NATIONAL_OUT/$nn/result"
	if [ ! -f "$res" ] || ! grep -q '^SUMMARY|' "$res"; then
		fail=$((fail + 1))
		echo "FAIL $nn: no result (generation failed?)" >&2
		continue
	fi
	grep '^FAIL' "$res" >&2
	IFS='|' read -r _ n pname olds communes codes nd moved queued secs p f <<EOF
$(grep '^SUMMARY|' "$res")
EOF
	pass=$((pass + p))
	fail=$((fail + f))
	mark=""
	[ "$f" -gt 0 ] && mark="  ($f check(s) failed)"
	printf '%-4s %-10s %8s %10s %9s %7s %7s %7s  %s%s\n' "$n" "$(echo "$olds" | tr ' ' '+')" "$communes" "$codes" "$nd" "$moved" "$queued" "$secs" "$pname" "$mark"
	echo "| $n $pname | $(echo "$olds" | sed 's/ /, /g') | $communes | $codes | $nd | $moved | $queued | $secs | $f |" >> "$table.tmp"
done
mv "$table.tmp" "$table"
echo "national: $(($(date +%s) - start)) s in all; per-province inputs, databases and reports in $NATIONAL_OUT; table in $table" >&2
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
