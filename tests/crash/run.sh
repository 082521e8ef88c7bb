#!/bin/sh
# Crash test: every writing step is killed with SIGKILL at random points while it works, and at
# its COMMIT (just before, just after), through the test hook SAPNHAP_HOOK (tools/db.h: a tick is
# 100 SQLite virtual-machine steps; the points are drawn from the step's own tick count). After
# each kill:
#   - the read-only commands (status, validate, export, queue, units map, diff) work on the
#     database as left and print what they print on the database before the step;
#   - PRAGMA integrity_check is ok and the content (sqlite3 .dump) equals the content before the
#     step (or after it, when killed after its COMMIT); a killed step that would have created the
#     database leaves none;
#   - running the step again gives the content of an uninterrupted run, and leaves no temporary
#     file of ours behind.
# 'run' (the samples' plan on a new database) is killed likewise: its database is then the state
# after some of its steps, and running it again gives the uninterrupted run's database and reports.
#
#   SAPNHAP=./sapnhap sh tests/crash/run.sh        CRASH_POINTS=N (default 10), CRASH_SEED=S
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
: "${SAPNHAP:=$top/sapnhap}"
S=$SAPNHAP
POINTS=${CRASH_POINTS:-10}
SEED=${CRASH_SEED:-$(date +%s)}
export SOURCE_DATE_EPOCH=1795176000 TZ=UTC LC_ALL=C.UTF-8
unset SAPNHAP_HOOK
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
ln -s "$top/samples" samples
echo "crash: seed $SEED, $POINTS random points a step (CRASH_SEED=$SEED to repeat)" >&2
start=$(date +%s)
pass=0 fail=0 points=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*" >&2; }

# N random numbers in 1..MAX, one a line (the seed varies with the step).
randoms() { awk -v n="$1" -v max="$2" -v seed="$3" 'BEGIN { srand(seed); for (i = 0; i < n; i++) print 1 + int(rand() * max) }'; }

dump() { if [ -e "$1" ]; then sqlite3 "$1" .dump; else echo "(no database)"; fi; }

# The read-only commands, each with its exit status; the export's files are listed with their
# content digests. $1 = database.
readers() {
	rm -rf rd-export
	for c in "status" "validate --limit 0" "queue" "units map 25213 --on 2025-07-01" \
		 "diff $1:old $1:merged --summary" "export --format csv --out rd-export"; do
		echo "== $c"
		# shellcheck disable=SC2086
		$S --db "$1" $c 2>&1
		echo "[exit $?]"
	done
	[ -d rd-export ] && (cd rd-export && sha256sum ./*)
}

# The chain of the samples, one writing step a line (as 'run' would type them, without --db).
cat > chain <<'EOF'
units import samples/units/conversion-2025.csv --event reform-2025
units import samples/units/pre-reform-list.csv --event pre-reform
units import samples/units/dongnai-2026.csv --event dongnai-2026 --kind changes --effective 2026-04-30
agencies import samples/agencies/binhphuoc.csv --province 70
agencies import samples/agencies/dongnai.xml --province 75
recode --on 2025-07-01
catalog import samples/catalogs/binhphuoc.csv --province 70
catalog import samples/catalogs/dongnai.xml --province 75
dossiers import samples/dossiers/binhphuoc.csv --province 70
dossiers import samples/dossiers/dongnai.csv --province 75
reassign --decisions samples/decisions.csv --hamlets samples/dossiers/hamlets.csv --on 2025-07-01
EOF
# The states: state/K.db after the first K steps (0: none), built once, uninterrupted, always
# at the path w.db (the journal records the command line).
mkdir state
k=0
rm -f w.db
while IFS= read -r step; do
	k=$((k + 1))
	# shellcheck disable=SC2086
	SAPNHAP_HOOK=count $S --db w.db $step > /dev/null 2> count.err || { bad "chain step $k: $step"; cat count.err >&2; }
	sed -n 's/^sapnhap: hook: .* first commit at \([0-9]*\)$/\1/p' count.err > "state/$k.ticks"
	cp w.db "state/$k.db"
done < chain
rm -f w.db

# Kills step K of the chain at every chosen point and checks what is left.
crash_step() {
	k=$1
	step=$(sed -n "${k}p" chain)
	prev=$((k - 1))
	ticks=$(cat "state/$k.ticks")   # the ticks before its COMMIT
	if [ "$prev" -gt 0 ]; then cp "state/$prev.db" w.db; else rm -f w.db; fi
	dump w.db > before.dump
	[ "$prev" -gt 0 ] && readers w.db > before.readers
	cp "state/$k.db" w.db
	dump w.db > after.dump
	for p in $(randoms "$POINTS" "$ticks" "$((SEED + k))") before-commit after-commit; do
		points=$((points + 1))
		rm -f w.db w.db-wal w.db-shm w.db.lock
		[ "$prev" -gt 0 ] && cp "state/$prev.db" w.db
		# shellcheck disable=SC2086
		SAPNHAP_HOOK=kill@$p $S --db w.db $step > kill.out 2> kill.err
		rc=$?
		what="step $k ($step) killed at $p"
		if [ "$rc" -ne 137 ]; then
			bad "$what: not killed (exit $rc)"
			continue
		fi
		# The result line comes only after the COMMIT.
		grep -q . kill.out && bad "$what: printed its result before it was killed: $(head -1 kill.out)"
		expect=before.dump
		[ "$p" = after-commit ] && [ "$prev" -gt 0 ] && expect=after.dump
		if [ "$prev" -gt 0 ]; then
			# The readers first, on the database exactly as the killed step left it.
			readers w.db > crashed.readers
			if [ "$expect" = before.dump ]; then
				cmp -s before.readers crashed.readers && ok || { bad "$what: read-only commands differ"; diff before.readers crashed.readers | head -20 >&2; }
			else
				grep -q '\[exit [45]\]' crashed.readers && bad "$what: a read-only command failed" || ok
			fi
			[ "$(sqlite3 w.db 'PRAGMA integrity_check')" = ok ] && ok || bad "$what: integrity_check"
		else
			# A killed step that would have created the database leaves none.
			[ ! -e w.db ] && ok || bad "$what: left a database behind"
		fi
		dump w.db > crashed.dump
		cmp -s "$expect" crashed.dump && ok || { bad "$what: content differs from $expect"; diff "$expect" crashed.dump | head -10 >&2; }
		# shellcheck disable=SC2086
		$S --db w.db $step > rerun.out 2>&1
		rc=$?
		[ "$rc" -eq 0 ] || { bad "$what: re-run exit $rc"; cat rerun.out >&2; }
		dump w.db > rerun.dump
		cmp -s after.dump rerun.dump && ok || { bad "$what: re-run differs from an uninterrupted run"; diff after.dump rerun.dump | head -10 >&2; }
		# Our temporary files of the killed run are swept (a new database's, a report's).
		left=$(ls -A | grep '^\..*\.[0-9]*\.[0-9]*\.tmp' || true)
		[ -z "$left" ] && ok || bad "$what: temporary files left: $left"
	done
}

# One of each writing step: units import creating the database and on an existing one,
# agencies import, recode, catalog import, dossiers import, reassign.
for k in 1 3 4 6 7 9 11; do
	crash_step "$k"
done

# run: the samples' plan with its database and reports in this folder.
sed -e 's#^database = .*#database = ../r.db#' -e 's#^output = .*#output = ../report#' \
    "$top/samples/demo.plan" > samples-plan
mkdir plan && cp samples-plan plan/demo.plan && ln -s "$top/samples/units" "$top/samples/agencies" \
    "$top/samples/catalogs" "$top/samples/dossiers" "$top/samples/decisions.csv" plan/
SAPNHAP_HOOK=count $S run plan/demo.plan > run.ref 2> count.err
rticks=$(sed -n 's/^sapnhap: hook: \([0-9]*\) ticks.*$/\1/p' count.err)
dump r.db > run-final.dump
cp -r report report.ref
# The database after each of its steps: killed just before the next COMMIT.
: > run-states
nsteps=$(grep -c . chain)
i=2
while [ "$i" -le "$nsteps" ]; do
	rm -rf r.db r.db-wal r.db-shm report
	SAPNHAP_HOOK=kill@before-commit:$i $S run plan/demo.plan > /dev/null 2>&1
	dump r.db | sha256sum >> run-states
	i=$((i + 1))
done
echo "(no database)" | sha256sum >> run-states
sha256sum < run-final.dump >> run-states
for p in $(randoms "$POINTS" "$rticks" "$((SEED + 99))") before-commit:6 after-commit:11; do
	points=$((points + 1))
	what="run killed at $p"
	rm -rf r.db r.db-wal r.db-shm r.db.lock report
	SAPNHAP_HOOK=kill@$p $S run plan/demo.plan > /dev/null 2>&1
	rc=$?
	[ "$rc" -eq 137 ] || { bad "$what: not killed (exit $rc)"; continue; }
	if [ -e r.db ]; then
		readers r.db > crashed.readers
		grep -q '\[exit [45]\]' crashed.readers && { bad "$what: a read-only command failed"; grep -B3 '\[exit [45]\]' crashed.readers | head >&2; } || ok
		[ "$(sqlite3 r.db 'PRAGMA integrity_check')" = ok ] && ok || bad "$what: integrity_check"
	fi
	# The database is the state after some of the run's steps, never between two.
	h=$(dump r.db | sha256sum)
	grep -qx "$h" run-states && ok || bad "$what: the database is not the state after any of its steps"
	$S run plan/demo.plan > rerun.out 2>&1
	rc=$?
	[ "$rc" -eq 1 ] || { bad "$what: re-run exit $rc (1, findings, expected)"; tail -3 rerun.out >&2; }
	dump r.db > rerun.dump
	cmp -s run-final.dump rerun.dump && ok || bad "$what: re-run database differs from an uninterrupted run"
	diff -r report.ref report > /dev/null && ok || bad "$what: re-run reports differ from an uninterrupted run's"
	left=$(ls -A . report report/* 2>/dev/null | grep '^\..*\.[0-9]*\.[0-9]*\.tmp' || true)
	[ -z "$left" ] && ok || bad "$what: temporary files left: $left"
done

echo "crash: $points kill points in $(($(date +%s) - start)) s" >&2
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
