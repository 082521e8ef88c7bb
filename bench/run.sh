#!/bin/sh
# make bench: each step of sapnhap beside its floor, measured in the same run on the same input.
#
#   units import (XLSX)    vs  the sqlite3 shell's .import --csv of the flat CSV into a bare table
#   units import (CSV)     vs  the same floor
#
# The floor does the least work that loads the same rows into SQLite; the ratio says what
# parsing, cleaning, classification and the registry rebuild cost on top. Each figure is the best
# of RUNS runs (wall seconds, including process start) and its peak resident memory (GNU
# time). Needs ../shared/data.
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

# best WALL MAXRSS_KB over RUNS runs of a command (a fresh database each time)
best() {
	bw= bm=
	i=0
	while [ $i -lt "$RUNS" ]; do
		rm -f "$work/b.db"
		t0=$(date +%s%N)
		/usr/bin/time -f '%M' -o "$work/t" sh -c "$1" > /dev/null 2> "$work/err" || {
			cat "$work/err" >&2; exit 1; }
		t1=$(date +%s%N)
		w=$(awk "BEGIN { printf \"%.3f\", ($t1 - $t0) / 1e9 }")
		read -r m < "$work/t"
		if [ -z "$bw" ] || [ "$(awk "BEGIN{print ($w < $bw)}")" = 1 ]; then bw=$w; fi
		if [ -z "$bm" ] || [ "$m" -gt "$bm" ]; then bm=$m; fi
		i=$((i + 1))
	done
	echo "$bw $bm"
}

floor_sql="CREATE TABLE t(a,b,c,d,e,f,g,h,i,j);"
floor="sqlite3 $work/b.db '$floor_sql' && sqlite3 $work/b.db '.import --csv $data/nso-conversion-2025.flat.csv t' 2>/dev/null"
set -- \
	"units import XLSX (10,571 links)" "$sn --db $work/b.db units import $data/nso-conversion-2025.xlsx" \
	"units import CSV UTF-8" "$sn --db $work/b.db units import $data/nso-conversion-2025.flat.csv" \
	"units import CSV Windows-1258" "$sn --db $work/b.db units import $data/nso-conversion-2025.flat.cp1258.csv"

read -r fw fm <<EOF2
$(best "$floor")
EOF2
printf '%-34s %8s %10s %8s\n' "step" "seconds" "peak KiB" "ratio"
printf '%-34s %8s %10s %8s\n' "floor: sqlite3 .import --csv" "$fw" "$fm" "1.00"
while [ $# -ge 2 ]; do
	read -r w m <<EOF2
$(best "$2")
EOF2
	ratio=$(awk "BEGIN { printf \"%.2f\", $w / ($fw > 0 ? $fw : 0.001) }")
	printf '%-34s %8s %10s %8s\n' "$1" "$w" "$m" "$ratio"
	shift 2
done
echo "(best of $RUNS runs each; sqlite3 $(sqlite3 --version | cut -d' ' -f1))"
