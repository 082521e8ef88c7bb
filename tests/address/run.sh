#!/bin/sh
# The accuracy of 'sapnhap address convert' on the official data: tests/address/gen.py writes a
# test set (every form of address, round-robin over the 63 old provinces, with the expected new
# commune), sapnhap converts it against the official table and the pre-reform list, and
# tests/address/eval.py prints accuracy per form and per status and checks the targets, ending
# with 'N passed, N failed'. Skips (successfully, with a message) without ../shared/data;
# REQUIRE_REALDATA=1 makes that a failure. PER_FORM (default 500) rows per form.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
: "${SAPNHAP:=$top/sapnhap}"
data="$top/../shared/data"
if [ ! -f "$data/units/nso-conversion-2025.xlsx" ]; then
	echo "address: skipped: $data not found (the official data lives beside the project in ../shared/data)" >&2
	if [ "${REQUIRE_REALDATA:-0}" = 1 ]; then
		echo "address: REQUIRE_REALDATA=1: a skip is a failure" >&2
		exit 1
	fi
	exit 0
fi
command -v python3 >/dev/null || { echo "address: python3 missing (make deps)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SOURCE_DATE_EPOCH=1795176000 TZ=UTC
db="$work/units.db"
"$SAPNHAP" --db "$db" units import "$data/units/nso-conversion-2025.xlsx" >/dev/null 2>"$work/err" &&
"$SAPNHAP" --db "$db" units import "$data/units/units-2025-01-04.csv" --effective 2025-01-04 >/dev/null 2>>"$work/err" || {
	cat "$work/err" >&2; echo "0 passed, 1 failed"; exit 1; }
python3 "$top/tests/address/gen.py" "$work/set" --data "$data" --per-form "${PER_FORM:-500}" 2>/dev/null || {
	echo "address: the generator failed"; echo "0 passed, 1 failed"; exit 1; }
"$SAPNHAP" --db "$db" address convert "$work/set/addresses.csv" --hamlets "$work/set/hamlets.csv" \
	--on 2025-07-01 > "$work/out.csv" 2>"$work/err"
rc=$?
if [ "$rc" -gt 1 ]; then
	cat "$work/err" >&2; echo "0 passed, 1 failed"; exit 1
fi
python3 "$top/tests/address/eval.py" "$work/set/addresses.csv" "$work/out.csv" --check
