#!/bin/sh
# Concurrency test: one writer at a time, readers alongside.
#   1. Two writers on one database: the second is told at once (exit 4, who holds it); the
#      first completes; the second, run again afterwards, completes.
#   2. A writer and a long reader (a transaction held open across the writer's COMMIT): the
#      writer commits at once, the reader sees its snapshot unchanged, then the new state.
#   3. Two writers on a new database (units import): no raw SQL, no lost database; repeated.
#   4. Two 'run's of the samples' plan on a new database, started together: one runs, the other
#      is told at once (or, started after it ended, finds everything applied); the database
#      equals an uninterrupted run's and passes integrity_check; repeated.
#
#   SAPNHAP=./sapnhap sh tests/concurrency/run.sh        CONCURRENCY_ROUNDS=N (default 8)
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
: "${SAPNHAP:=$top/sapnhap}"
S=$SAPNHAP
ROUNDS=${CONCURRENCY_ROUNDS:-8}
export SOURCE_DATE_EPOCH=1795176000 TZ=UTC LC_ALL=C.UTF-8
unset SAPNHAP_HOOK
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
ln -s "$top/samples" samples
start=$(date +%s)
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*" >&2; }
# Milliseconds since the epoch (GNU date).
ms() { date +%s%3N; }
# A message that quotes SQL or SQLite's own words is not for a person.
no_raw_sql() { ! grep -Eq 'database: |\(in: |already exists|database is locked|not a sapnhap database' "$@"; }

# --- 1. two writers -------------------------------------------------------------------------
$S --db w.db units import samples/units/conversion-2025.csv > /dev/null 2>&1
SAPNHAP_HOOK=sleep@before-commit:3 $S --db w.db units import samples/units/pre-reform-list.csv > a.out 2> a.err &
apid=$!
# wait until the first holds the lock
i=0
while [ ! -s w.db.lock ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
t0=$(ms)
$S --db w.db agencies import samples/agencies/binhphuoc.csv --province 70 > b.out 2> b.err
rc=$?
t1=$(ms)
[ "$rc" -eq 4 ] && ok || bad "second writer: exit $rc, expected 4"
[ $((t1 - t0)) -lt 1000 ] && ok || bad "second writer: told after $((t1 - t0)) ms, not at once"
grep -q "^sapnhap: error: the database 'w.db' is being changed by another sapnhap (pid $apid: sapnhap --db w.db units import samples/units/pre-reform-list.csv)$" b.err \
	&& ok || { bad "second writer's message"; cat b.err >&2; }
[ -s b.out ] && bad "second writer printed a result" || ok
wait "$apid"
rc=$?
[ "$rc" -eq 0 ] && grep -q "^imported event 'pre-reform'" a.out && ok || { bad "first writer: exit $rc"; cat a.err >&2; }
[ ! -e w.db.lock ] && ok || bad "the lock file stays after the writer ended"
$S --db w.db agencies import samples/agencies/binhphuoc.csv --province 70 > b.out 2> b.err && ok || { bad "second writer, again"; cat b.err >&2; }
# A reader is not a writer: it runs while a writer holds the lock.
SAPNHAP_HOOK=sleep@before-commit:2 $S --db w.db agencies import samples/agencies/dongnai.xml --province 75 > /dev/null 2>&1 &
apid=$!
i=0
while [ ! -s w.db.lock ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
$S --db w.db status > s.out 2> s.err && grep -q 'agencies import province 70' s.out && ok || { bad "status beside a writer"; cat s.err >&2; }
grep -q 'province 75' s.out && bad "a reader saw an uncommitted step" || ok
wait "$apid" && ok || bad "writer beside a reader"

# --- 2. a writer and a long reader ----------------------------------------------------------
# The reader holds one read transaction for 3 s across the writer's COMMIT.
sqlite3 w.db "BEGIN; SELECT count(*) FROM agency;" ".shell sleep 3" "SELECT count(*) FROM agency;" "COMMIT;" \
	> reader.out 2> reader.err &
rpid=$!
sleep 0.5
t0=$(ms)
$S --db w.db recode --on 2025-07-01 > w.out 2> w.err
rc=$?
t1=$(ms)
echo "concurrency: recode beside a reader's open transaction: exit $rc in $((t1 - t0)) ms" >&2
[ "$rc" -eq 0 ] && grep -q '^recoded province 75' w.out && ok || { bad "writer beside a long reader: exit $rc"; cat w.err >&2; }
[ $((t1 - t0)) -lt 2500 ] && ok || bad "writer beside a long reader waited $((t1 - t0)) ms"
wait "$rpid"
rc=$?
[ "$rc" -eq 0 ] && [ "$(cat reader.out)" = "$(printf '129\n129')" ] && ok || { bad "long reader: exit $rc, saw $(cat reader.out | tr '\n' ' ')"; cat reader.err >&2; }
[ "$(sqlite3 w.db 'SELECT count(*) FROM code_table')" = 50 ] && ok || bad "the writer's work is not there"
$S --db w.db status 2>&1 | grep -q 'recode merged province' && ok || bad "status after the writer"
no_raw_sql w.err reader.err && ok || bad "raw SQL in a message"

# --- 3. two writers on a new database -------------------------------------------------------
r=0
while [ "$r" -lt "$ROUNDS" ]; do
	rm -f n.db n.db-wal n.db-shm
	$S --db n.db units import samples/units/conversion-2025.csv > x.out 2> x.err &
	xpid=$!
	$S --db n.db units import samples/units/pre-reform-list.csv > y.out 2> y.err
	yrc=$?
	wait "$xpid"
	xrc=$?
	# Each either completed, or was told another holds the database.
	for who in x y; do
		eval "rc=\$${who}rc"
		if [ "$rc" -eq 0 ]; then ok
		elif [ "$rc" -eq 4 ] && grep -q "is being changed by another sapnhap (pid" "$who.err"; then ok
		else bad "new database, round $r, writer $who: exit $rc: $(cat "$who.err")"; fi
	done
	no_raw_sql x.err y.err && ok || bad "new database, round $r: raw SQL: $(cat x.err y.err)"
	n=$( [ "$xrc" -eq 0 ] && echo 1 || echo 0 )
	n=$((n + $( [ "$yrc" -eq 0 ] && echo 1 || echo 0 )))
	[ -e n.db ] && [ "$(sqlite3 n.db 'SELECT count(*) FROM journal')" = "$n" ] && ok \
		|| bad "new database, round $r: $n step(s) completed, the journal does not say so"
	[ "$(sqlite3 n.db 'PRAGMA integrity_check')" = ok ] && ok || bad "new database, round $r: integrity_check"
	r=$((r + 1))
done

# --- 4. two runs of the samples' plan on a new database -------------------------------------
mkdir plan && ln -s "$top/samples/units" "$top/samples/agencies" "$top/samples/catalogs" \
	"$top/samples/dossiers" "$top/samples/decisions.csv" plan/
sed -e 's#^database = .*#database = ../r.db#' -e 's#^output = .*#output = ../report#' \
	"$top/samples/demo.plan" > plan/demo.plan
$S run plan/demo.plan > /dev/null 2>&1
sqlite3 r.db .dump > ref.dump
cp -r report report.ref
r=0
while [ "$r" -lt "$ROUNDS" ]; do
	rm -rf r.db r.db-wal r.db-shm report
	$S run plan/demo.plan > x.out 2> x.err &
	xpid=$!
	$S run plan/demo.plan > y.out 2> y.err
	yrc=$?
	wait "$xpid"
	xrc=$?
	ran=0
	for who in x y; do
		eval "rc=\$${who}rc"
		if [ "$rc" -eq 1 ] && grep -q "^migration of province 75 complete, with findings to review" "$who.out"; then
			ran=$((ran + 1)); ok
		elif [ "$rc" -eq 4 ] && grep -q "^sapnhap: error: the database 'r.db' is being changed by another sapnhap (pid [0-9]*: sapnhap run plan/demo.plan)$" "$who.err"; then
			ok
		else
			bad "two runs, round $r, run $who: exit $rc"; tail -3 "$who.err" >&2
		fi
	done
	[ "$ran" -ge 1 ] && ok || bad "two runs, round $r: neither completed"
	no_raw_sql x.err y.err && ok || bad "two runs, round $r: raw SQL"
	[ "$(sqlite3 r.db 'PRAGMA integrity_check')" = ok ] && ok || bad "two runs, round $r: integrity_check"
	sqlite3 r.db .dump > got.dump
	cmp -s ref.dump got.dump && ok || bad "two runs, round $r: the database differs from one run's"
	diff -r report.ref report > /dev/null && ok || bad "two runs, round $r: the reports differ from one run's"
	r=$((r + 1))
done

echo "concurrency: $(($(date +%s) - start)) s" >&2
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
