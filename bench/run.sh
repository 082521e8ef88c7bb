#!/bin/sh
# make bench: each step of sapnhap beside its floor, measured in the same run on the same input.
#
#   units import (XLSX)    vs  bench/floor-units.c, a lean importer of the same workbook doing the
#                              work any import must do (one XML pass over the sheet with its merged
#                              ranges, NFC, the link and unit tables with the same indexes, name
#                              keys once per name; FLOOR_UNITS, built by 'make bench'), and vs the
#                              sqlite3 shell's bare .import --csv of the flat CSV into a bare table
#   units import (CSV)     vs  the same two floors
# BEFORE=path/to/an/older/sapnhap adds that binary's units import of the workbook, measured in
# the same run (the README's before/after figures).
#
# Then addresses (tests/address/gen.py's test set from the official data): address convert
# CSV -> CSV and units map --file of ~10^5 codes, each beside the same file read and written back
# unchanged by the same binary (address convert --floor), with start-up, peak memory and the
# accuracy per form and status of that run (ADDR_PER_FORM, ADDRESS_BENCH=0 skips it).
#
# The floor does the least work that loads the same rows into SQLite; the ratio says what
# parsing, cleaning, classification and the registry rebuild cost on top. Each figure is the best
# of RUNS runs (wall seconds, including process start) and its peak resident memory (GNU
# time). Needs ../shared/data.
#
# Then the national scale (bench/gen.c: every real old commune, ~10^5 agencies, ~10^6 bindings,
# 10^7 x BENCH_SCALE dossiers, all as one merged province), after units, agencies, recode and
# catalogs (one run each, figures only):
#   dossiers import (70 + 75)  vs  sqlite3 .import --csv of the same two files into a bare table
#   reassign                   vs  bench/reassign-floor.sql in the sqlite3 shell, on a copy of
#                                  the same database taken just before reassign
# each the best of NRUNS runs (default 1: one reassign at 10^7 dossiers takes minutes). A
# sapnhap step still running at LIMIT_RATIO (default 3, the point where we profile) times its
# floor is stopped and shown as "> seconds" with its peak memory until then. Peak memory of
# both steps is shown again at BENCH_SCALE_SMALL (default BENCH_SCALE / 10) to show whether it
# grows with the number of dossiers.
#   BENCH_SCALE=1 (10^7 dossiers, the default): ~20 GB of scratch space under BENCH_DIR
#   (default $TMPDIR) and about half an hour on the development machine, most of it reassign
#   running to its limit; BENCH_SCALE=0.1 about 6 minutes, 0.01 about 3. BENCH_SCALE=0 skips
#   the section.
set -eu
sn=$(cd "$(dirname "${1:-./sapnhap}")" && pwd)/$(basename "${1:-./sapnhap}")
top=$(cd "$(dirname "$0")/.." && pwd)
data="$top/../shared/data/units"
RUNS=${RUNS:-5}
if [ ! -f "$data/nso-conversion-2025.xlsx" ]; then
	echo "bench: skipped: $data not found" >&2
	exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Scratch files of the measurements (t, out, err): $work, then the national section's $big.
scratch=$work

# secs T0 T1: the seconds between two 'date +%s%N'
secs() { awk "BEGIN { printf \"%.3f\", ($2 - $1) / 1e9 }"; }

# keep W M [X]: one run's figures into the best so far (start with "kw= km= kx="): the lowest W
# in $kw, with that run's X in $kx, and the largest M in $km.
keep() {
	if [ -z "$kw" ] || [ "$(awk "BEGIN{print ($1 < $kw)}")" = 1 ]; then kw=$1 kx=${3:-}; fi
	if [ -z "$km" ] || [ "$2" -gt "$km" ]; then km=$2; fi
}

# measure RUNS PREP CMD LIMIT: "WALL MAXRSS_KB" (best wall, largest peak) over RUNS runs of CMD,
# each after PREP (not timed); ">LIMIT MAXRSS_KB" when CMD was stopped after LIMIT seconds (0: no
# limit), with its peak until then (a CMD under a limit is "exec ...", so that the stopped process
# is timeout's own child and GNU time sees it). CMD's stdout of the last run is kept in
# $scratch/out.
measure() {
	kw= km= mi=0
	while [ $mi -lt "$1" ]; do
		sh -c "$2" || exit 1
		lim=
		[ "${4:-0}" = 0 ] || lim="timeout $4"
		t0=$(date +%s%N)
		mrc=0
		/usr/bin/time -f '%M' -o "$scratch/t" $lim sh -c "$3" > "$scratch/out" 2> "$scratch/err" || mrc=$?
		t1=$(date +%s%N)
		m=$(tail -n 1 "$scratch/t")
		if [ $mrc = 124 ]; then
			echo ">$4 $m"
			return
		elif [ $mrc != 0 ]; then
			cat "$scratch/err" >&2
			exit 1
		fi
		keep "$(secs "$t0" "$t1")" "$m"
		mi=$((mi + 1))
	done
	echo "$kw $km"
}

# best CMD: "WALL MAXRSS_KB" over RUNS runs of CMD, each on a fresh database
best() { measure "$RUNS" "rm -f $work/b.db" "$1" 0; }

floor_sql="CREATE TABLE t(a,b,c,d,e,f,g,h,i,j);"
floor="sqlite3 $work/b.db '$floor_sql' && sqlite3 $work/b.db '.import --csv $data/nso-conversion-2025.flat.csv t' 2>/dev/null"
lean=${FLOOR_UNITS:-build/release/floor-units}
case $lean in /*) ;; *) lean=$top/$lean ;; esac
# The flat sheet "Tổng hợp_không merge " is the workbook's second worksheet part.
set -- \
	"units import XLSX (10,571 links)" "$sn --db $work/b.db units import $data/nso-conversion-2025.xlsx" \
	"units import CSV UTF-8" "$sn --db $work/b.db units import $data/nso-conversion-2025.flat.csv" \
	"units import CSV Windows-1258" "$sn --db $work/b.db units import $data/nso-conversion-2025.flat.cp1258.csv"
if [ -n "${BEFORE:-}" ]; then
	set -- "before: $(basename "$BEFORE") units import XLSX" "$BEFORE --db $work/b.db units import $data/nso-conversion-2025.xlsx" "$@"
fi

read -r fw fm <<EOF2
$(best "$floor")
EOF2
if [ -x "$lean" ]; then
	read -r lw lm <<EOF2
$(best "$lean $data/nso-conversion-2025.xlsx xl/worksheets/sheet2.xml $work/b.db")
EOF2
else
	echo "bench: $lean not built ('make bench' builds it); no lean floor" >&2
	lw= lm=
fi
# ratio A B: A / B, or "-" without B
ratio() { if [ -n "$2" ]; then awk "BEGIN { printf \"%.2f\", $1 / ($2 > 0 ? $2 : 0.001) }"; else echo -; fi; }
printf '%-38s %8s %10s %10s %10s\n' "step" "seconds" "peak KiB" "vs lean" "vs .import"
[ -z "$lw" ] || printf '%-38s %8s %10s %10s %10s\n' "floor: lean importer (floor-units)" "$lw" "$lm" "1.00" "$(ratio "$lw" "$fw")"
printf '%-38s %8s %10s %10s %10s\n' "floor: sqlite3 .import --csv" "$fw" "$fm" "$(ratio "$fw" "$lw")" "1.00"
while [ $# -ge 2 ]; do
	read -r w m <<EOF2
$(best "$2")
EOF2
	printf '%-38s %8s %10s %10s %10s\n' "$1" "$w" "$m" "$(ratio "$w" "$lw")" "$(ratio "$w" "$fw")"
	shift 2
done
echo "(best of $RUNS runs each, wall seconds; sqlite3 $(sqlite3 --version | cut -d' ' -f1))"

# --- addresses -------------------------------------------------------------------------------
#
# address convert (CSV -> CSV) and units map --file beside their floor: the same file read and
# written back unchanged by the same binary ('address convert --floor'). ADDR_PER_FORM (default
# 20000) rows per form of tests/address/gen.py (12 forms); figures are the best of RUNS runs, CPU
# seconds (user + system) from GNU time; then the accuracy of that run per form and per status.
# ADDRESS_BENCH=0 skips the section.
if [ "${ADDRESS_BENCH:-1}" != 0 ] && command -v python3 >/dev/null; then
	adb="$work/addr.db"
	"$sn" --db "$adb" units import "$data/nso-conversion-2025.xlsx" >/dev/null 2>&1
	"$sn" --db "$adb" units import "$data/units-2025-01-04.csv" --effective 2025-01-04 >/dev/null 2>&1
	python3 "$top/tests/address/gen.py" "$work/aset" --data "$data/.." --per-form "${ADDR_PER_FORM:-20000}" 2>/dev/null
	arows=$(($(wc -l < "$work/aset/addresses.csv") - 1))
	sqlite3 "$adb" "SELECT code FROM unit WHERE level = 'commune' AND valid_to IS NOT NULL" > "$work/codes1"
	: > "$work/codes"
	for i in 1 2 3 4 5 6 7 8 9 10; do cat "$work/codes1" >> "$work/codes"; done
	crows=$(wc -l < "$work/codes")
	echo "hello" > "$work/one.txt"
	# cpu CMD: best "CPU_SECONDS WALL MAXRSS_KB" over RUNS runs
	cpu() {
		kw= km= kx= i=0
		while [ $i -lt "$RUNS" ]; do
			t0=$(date +%s%N)
			/usr/bin/time -f '%U %S %M' -o "$work/t" sh -c "$1" > "$work/aout" 2> /dev/null || :
			t1=$(date +%s%N)
			# (GNU time puts "Command exited with non-zero status 1" first: findings are exit 1)
			read -r u sy m <<EOF3
$(tail -n 1 "$work/t")
EOF3
			keep "$(awk "BEGIN { printf \"%.3f\", $u + $sy }")" "$m" "$(secs "$t0" "$t1")"
			i=$((i + 1))
		done
		echo "$kw $kx $km"
	}
	rate() { awk "BEGIN { if ($2 > 0) printf \"%.0f\", $1 / $2; else printf \"-\" }"; }
	# arow LABEL CMD ROWS FLOOR_WALL: CMD's figures as a row, with ROWS per CPU second ("-": none)
	# and its wall time against FLOOR_WALL ("": it is the floor, "-": none); its wall in $aw
	arow() {
		read -r ac aw am <<EOF3
$(cpu "$2")
EOF3
		case $4 in
		'') ar=1.00 ;;
		-) ar=- ;;
		*) ar=$(awk "BEGIN { printf \"%.1f\", $aw / $4 }") ;;
		esac
		if [ "$3" = - ]; then arate=-; else arate=$(rate "$3" "$ac"); fi
		printf '%-40s %8s %8s %10s %12s %10s\n' "$1" "$ac" "$aw" "$am" "$arate" "$ar"
	}
	echo
	printf '%-40s %8s %8s %10s %12s %10s\n' "addresses ($arows rows, $crows codes)" "CPU s" "wall s" "peak KiB" "rows/CPU-s" "wall ratio"
	arow "floor: address convert --floor" "$sn --db $adb address convert $work/aset/addresses.csv --column address --floor" "$arows" ""
	fw=$aw
	arow "address convert CSV -> CSV" "$sn --db $adb address convert $work/aset/addresses.csv --column address --hamlets $work/aset/hamlets.csv --on 2025-07-01" "$arows" "$fw"
	cp "$work/aout" "$work/aset/out.csv"
	arow "start-up (one address)" "$sn --db $adb address convert $work/one.txt --on 2025-07-01" - -
	arow "floor: the codes written back" "$sn --db $adb address convert $work/codes --input lines --floor" "$crows" ""
	fw=$aw
	arow "units map --file (codes)" "$sn --db $adb units map --file $work/codes --on 2025-07-01" "$crows" "$fw"
	echo
	python3 "$top/tests/address/eval.py" "$work/aset/addresses.csv" "$work/aset/out.csv" || true
fi

# --- national scale -------------------------------------------------------------------------

scale=${BENCH_SCALE:-1}
if [ "$(awk "BEGIN { print ($scale <= 0) }")" = 1 ]; then
	echo "bench: national-scale section skipped (BENCH_SCALE=$scale)" >&2
	exit 0
fi
if [ ! -f "$data/nso-conversion-2025.flat.csv" ]; then
	echo "bench: national-scale section skipped: $data/nso-conversion-2025.flat.csv not found" >&2
	exit 0
fi
gen=${GEN:-build/release/gen}
case $gen in /*) ;; *) gen=$top/$gen ;; esac
if [ ! -x "$gen" ]; then
	echo "bench: national-scale section skipped: $gen not built ('make bench' builds it)" >&2
	exit 0
fi
small=${BENCH_SCALE_SMALL:-$(awk "BEGIN { print $scale / 10 }")}
NRUNS=${NRUNS:-1}
LIMIT_RATIO=${LIMIT_RATIO:-3}
big=$(mktemp -d "${BENCH_DIR:-${TMPDIR:-/tmp}}/sapnhap-bench.XXXXXX")
trap 'rm -rf "$work" "$big"' EXIT
scratch=$big
on=2025-07-01

# dimport DIR RUNS LIMIT: both provinces' dossiers (two processes, times added, the larger peak)
# into a fresh copy of the database after the catalogs, left in $big/pre.db; best of RUNS.
dimport() {
	kw= km= dk=0
	while [ $dk -lt "$2" ]; do
		read -r w1 m1 <<EOF2
$(measure 1 "rm -f $big/pre.db $big/pre.db-journal && cp $db $big/pre.db" "exec $sn --db $big/pre.db dossiers import $1/dossiers-70.csv --province 70" "$3")
EOF2
		[ -n "$m1" ] || exit 1
		case $w1 in '>'*) echo "$w1 $m1"; return ;; esac
		cp "$big/out" "$big/out70"
		l2=$(awk "BEGIN { l = $3 - $w1; printf \"%d\", $3 == 0 ? 0 : (l < 1 ? 1 : l) }")
		read -r w2 m2 <<EOF2
$(measure 1 true "exec $sn --db $big/pre.db dossiers import $1/dossiers-75.csv --province 75" "$l2")
EOF2
		[ -n "$m2" ] || exit 1
		case $w2 in '>'*) echo ">$3 $(( m1 > m2 ? m1 : m2 ))"; return ;; esac
		cat "$big/out70" "$big/out" > "$big/out2" && mv "$big/out2" "$big/out"
		keep "$(awk "BEGIN { printf \"%.3f\", $w1 + $w2 }")" $(( m1 > m2 ? m1 : m2 ))
		dk=$((dk + 1))
	done
	echo "$kw $km"
}

# row LABEL WALL MAXRSS [FLOOR_WALL]
row() {
	case $2 in
	'>'*) w="> ${2#>}"; r="> $(awk "BEGIN { printf \"%.1f\", ${2#>} / ($4 > 0 ? $4 : 0.001) }")" ;;
	*) w=$2; r=${4:+$(awk "BEGIN { printf \"%.2f\", $2 / ($4 > 0 ? $4 : 0.001) }")} ;;
	esac
	printf '%-44s %10s %10s %8s\n' "$1" "$w" "$3" "${r:--}"
}

limit() {
	awk "BEGIN { l = $LIMIT_RATIO * $1; printf \"%d\", (l < 60 ? 60 : l) + 1 }"
}

ndossiers=$(awk "BEGIN { printf \"%d\", 1e7 * $scale + 0.5 }")
nsmall=$(awk "BEGIN { printf \"%d\", 1e7 * $small + 0.5 }")
echo
echo "national scale: every real old commune, one merged province; $ndossiers dossiers (BENCH_SCALE=$scale)"
(cd "$top" && "$gen" "$big/in" --scale "$scale" && "$gen" "$big/in-small" --scale "$small") 2>&1 | sed 's/^/  /'
in=$big/in
db=$big/setup.db
printf '%-44s %10s %10s %8s\n' "step" "seconds" "peak KiB" "ratio"
set -- \
	"units import (national units.csv)" "units import $in/units.csv" \
	"agencies import 70" "agencies import $in/agencies-70.csv --province 70" \
	"agencies import 75" "agencies import $in/agencies-75.csv --province 75" \
	"recode" "recode --rules $in/allocation.csv --on $on" \
	"catalog import 70" "catalog import $in/catalog-70.csv --province 70" \
	"catalog import 75" "catalog import $in/catalog-75.csv --province 75"
while [ $# -ge 2 ]; do
	read -r w m <<EOF2
$(measure 1 true "$sn --db $db $2" 0)
EOF2
	row "$1" "$w" "$m"
	sed 's/^/    /' "$big/out"
	shift 2
done

# dossiers import: floor, then sapnhap (each run on a copy of the database after the catalogs)
# The floor loads the same rows into a table with the same unique key and index as sapnhap's
# dossier table, with the same page cache: the least work that yields the same indexed table.
dfloor="sqlite3 $big/f.db 'PRAGMA cache_size = -65536' 'CREATE TABLE t(code TEXT NOT NULL UNIQUE, national_code, agency_code, commune_code, hamlet, status, received, due)' 'CREATE INDEX t_agency ON t(agency_code)' '.import --csv --skip 1 $in/dossiers-70.csv t' '.import --csv --skip 1 $in/dossiers-75.csv t'"
read -r fw fm <<EOF2
$(measure "$NRUNS" "rm -f $big/f.db" "$dfloor" 0)
EOF2
rm -f "$big/f.db"
row "floor: .import into an indexed table" "$fw" "$fm" "$fw"
read -r w m <<EOF2
$(dimport "$in" "$NRUNS" "$(limit "$fw")")
EOF2
[ -n "$m" ] || exit 1
row "dossiers import 70 + 75 ($ndossiers)" "$w" "$m" "$fw"
sed 's/^/    /' "$big/out"
mem_import=$m
case $w in '>'*) echo "bench: the dossiers import did not finish; no reassign figures" >&2; exit 0 ;; esac

# reassign: floor, then sapnhap, each on a copy of the database taken just before reassign
fresh="rm -f $big/r.db $big/r.db-journal && cp $big/pre.db $big/r.db"
read -r fw fm <<EOF2
$(measure "$NRUNS" "$fresh" "cd $top && sqlite3 $big/r.db < bench/reassign-floor.sql" 0)
EOF2
[ -n "$fm" ] || exit 1
row "floor: bench/reassign-floor.sql" "$fw" "$fm" "$fw"
grep -E '^(moved|queued|procedures|bindings)\|' "$big/out" | tr '|\n' '= ' | sed 's/^/    /; s/ $/\n/'
read -r w m <<EOF2
$(measure "$NRUNS" "$fresh" "exec $sn --db $big/r.db reassign --on $on" "$(limit "$fw")")
EOF2
[ -n "$m" ] || exit 1
row "reassign ($ndossiers dossiers)" "$w" "$m" "$fw"
sed 's/^/    /' "$big/out"
mem_reassign=$m

# diff at 10^6 bindings a side (the old catalogs against the merged one): a merge join of both
# sides read in key order (the bindings straight from the working database, sorted by SQLite on
# disk past a bounded cache), so memory does not grow with the catalogs; HTML in pages.
read -r w m <<EOF2
$(measure 1 true "exec $sn diff $big/r.db:old $big/r.db:merged --summary" 0)
EOF2
row "diff --summary (old -> merged)" "$w" "$m"
read -r w m <<EOF2
$(measure 1 true "exec $sn diff $big/r.db:old $big/r.db:merged --format csv --out $big/diff.csv" 0)
EOF2
row "diff --format csv" "$w" "$m"
read -r w m <<EOF2
$(measure 1 "rm -rf $big/diff.html $big/diff-pages" "exec $sn diff $big/r.db:old $big/r.db:merged --format html --out $big/diff.html" 0)
EOF2
row "diff --format html (summary + pages)" "$w" "$m"
echo "    $(ls "$big/diff-pages" | wc -l) pages, largest $(ls -S -l "$big/diff-pages" | awk 'NR == 2 { print $5 }') bytes; summary page $(wc -c < "$big/diff.html") bytes"
rm -rf "$big/diff.csv" "$big/diff.html" "$big/diff-pages"
rm -f "$big/r.db" "$big/r.db-journal" "$big/pre.db"

# memory against the number of dossiers: the same two steps at BENCH_SCALE_SMALL
read -r sw sm <<EOF2
$(dimport "$big/in-small" 1 0)
EOF2
read -r rw rm_ <<EOF2
$(measure 1 "$fresh" "exec $sn --db $big/r.db reassign --on $on" "$(limit "$fw")")
EOF2
[ -n "$sm" ] && [ -n "$rm_" ] || exit 1
echo
printf '%-44s %14s %14s\n' "peak KiB by number of dossiers" "$nsmall" "$ndossiers"
printf '%-44s %14s %14s\n' "dossiers import 70 + 75" "$sm" "$mem_import"
case $rw in '>'*) rm_="$rm_ (stopped)" ;; esac
case $w in '>'*) mem_reassign="$mem_reassign (stopped)" ;; esac
printf '%-44s %14s %14s\n' "reassign" "$rm_" "$mem_reassign"
case "$rw $w" in *'>'*) echo "(stopped: a reassign stopped at its limit, with its peak until then)" ;; esac
echo "(national: best of $NRUNS run(s) each; sqlite3 $(sqlite3 --version | cut -d' ' -f1))"
