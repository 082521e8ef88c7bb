#!/bin/sh
# Real-data tests: the official conversion workbook and lists in ../shared/data, imported as
# published. Skips (successfully, with a message) when that folder is absent, as on a user's
# fresh checkout.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
: "${SAPNHAP:=$top/sapnhap}"
data="$top/../shared/data/units"
if [ ! -f "$data/nso-conversion-2025.xlsx" ]; then
	echo "realdata: skipped: $data not found (the official data lives beside the project in ../shared/data)" >&2
	exit 0
fi
command -v sqlite3 >/dev/null || { echo "realdata: sqlite3 shell missing (make deps)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SOURCE_DATE_EPOCH=1795176000 TZ=UTC
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*" >&2; }
# expect NAME ACTUAL EXPECTED
expect() { if [ "$2" = "$3" ]; then ok; else bad "$1: got '$2', expected '$3'"; fi; }
q() { sqlite3 "$1" "$2"; }
sn() { "$SAPNHAP" "$@"; }

# 1. The workbook as published (default sheet: the flat one, whose name ends with a space).
x="$work/xlsx.db"
sn --db "$x" units import "$data/nso-conversion-2025.xlsx" >/dev/null 2>"$work/err" || bad "xlsx import: $(cat "$work/err")"
expect "new provinces" "$(q "$x" "SELECT count(*) FROM unit WHERE level='province' AND opened_by IS NOT NULL")" 34
expect "new communes" "$(q "$x" "SELECT count(*) FROM unit WHERE level='commune' AND opened_by IS NOT NULL")" 3321
expect "links" "$(q "$x" "SELECT count(*) FROM link")" 10571
expect "old commune codes" "$(q "$x" "SELECT count(DISTINCT old_code) FROM link WHERE old_level='commune'")" 10033
expect "old codes under several new communes" "$(q "$x" "SELECT count(*) FROM (SELECT old_code FROM link WHERE old_level='commune' GROUP BY old_code HAVING count(DISTINCT new_code) > 1)")" 441
expect "25213" "$(sn --db "$x" units map 25213 --on 2025-07-01 --format csv | tail -n +2)" "25213,Xã Tiến Hưng,25195,Phường Bình Phước,whole"
expect "26449" "$(sn --db "$x" units map 26449 --on 2025-07-01 --format csv | tail -n +2 | cut -d, -f3,5 | tr '\n' ' ')" "26359,part 26446,part "
expect "Bình Phước communes to new Đồng Nai" "$(q "$x" "SELECT count(DISTINCT new_code) FROM link WHERE old_province_code='70'")" 40
expect "new Đồng Nai communes" "$(q "$x" "SELECT count(*) FROM unit WHERE level='commune' AND province_code='75' AND opened_by IS NOT NULL")" 95
sn --db "$x" units check --severity error --format csv > "$work/check.csv"
expect "check exit status" "$?" 1
expect "typo codes" "$(grep '^error,whole-into-two' "$work/check.csv" | cut -d, -f3 | tr '\n' ' ')" "01615 02485 "

# 2. The same registry from the UTF-8 CSV, the Windows-1258 CSV, a TCVN3 re-encoding and the
#    workbook's merged sheet.
dump() {
	q "$1" "SELECT level, code, name, name_key, type, parent_code, province_code, valid_from, valid_to FROM unit ORDER BY level, code, valid_from;
	        SELECT old_level, old_code, old_name, old_district_code, old_province_code, new_code, new_name, new_province_code, share, note_class, note FROM link ORDER BY seq" | sha256sum
}
ref=$(dump "$x")
for f in nso-conversion-2025.flat.csv nso-conversion-2025.flat.cp1258.csv; do
	d="$work/$f.db"
	sn --db "$d" units import "$data/$f" > "$work/out" 2>"$work/err" || bad "$f: $(cat "$work/err")"
	expect "$f registry = xlsx registry" "$(dump "$d")" "$ref"
done
grep -q '\[cp1258\]' "$work/out" && ok || bad "cp1258 not detected: $(cat "$work/out")"
if iconv -f UTF-8 -t TCVN5712-1 "$data/nso-conversion-2025.flat.csv" > "$work/tcvn.csv" 2>/dev/null; then
	sn --db "$work/tcvn.db" units import "$work/tcvn.csv" > "$work/out" 2>"$work/err" || bad "tcvn3: $(cat "$work/err")"
	grep -q '\[tcvn3\]' "$work/out" && ok || bad "tcvn3 not detected: $(cat "$work/out")"
	expect "tcvn3 registry = xlsx registry" "$(dump "$work/tcvn.db")" "$ref"
fi
sn --db "$work/merged.db" units import "$data/nso-conversion-2025.xlsx" --sheet "Tổng hợp_có merge" >/dev/null 2>"$work/err" || bad "merged sheet: $(cat "$work/err")"
expect "merged sheet links" "$(q "$work/merged.db" "SELECT count(*) FROM link")" 10571
expect "merged sheet registry = flat sheet registry" "$(q "$work/merged.db" "SELECT level, code, name, valid_from, valid_to FROM unit ORDER BY level, code, valid_from" | sha256sum)" "$(q "$x" "SELECT level, code, name, valid_from, valid_to FROM unit ORDER BY level, code, valid_from" | sha256sum)"

# 3. The pre-reform list, then the 2026 Đồng Nai change; order of import does not matter.
sn --db "$x" units import "$data/units-2025-01-04.csv" --effective 2025-01-04 >/dev/null 2>"$work/err" || bad "list: $(cat "$work/err")"
sn --db "$x" units import "$top/mappings/events/dongnai-2026-04-30.csv" --event dongnai-2026 --effective 2026-04-30 >/dev/null 2>"$work/err" || bad "2026: $(cat "$work/err")"
sn --db "$x" units check --format csv > "$work/check.csv"
expect "real codes of the typos are unconverted" "$(grep '^warning,not-converted,0\(1651\|2482\),' "$work/check.csv" | cut -d, -f3 | tr '\n' ' ')" "01651 02482 "
expect "tone placement only: info" "$(grep -c "^info,name-spelling,00172,\"'Phường Yên Hòa' here, 'Phường Yên Hoà'" "$work/check.csv")" 1
expect "a different name: warning" "$(grep -c "^warning,name-differs,00712,\"'Thị trấn Phố Bảng' here, 'Thị trấn Phó Bảng'" "$work/check.csv")" 1
expect "25213 in 2026" "$(sn --db "$x" units map 25213 --on 2026-11-20 --format csv | tail -n +2)" "25213,Xã Tiến Hưng,25195,Phường Bình Phước,whole"
expect "Lộc Ninh became a ward" "$(sn --db "$x" units map 25288 --on 2026-11-20 --format csv | tail -n +2)" "25288,Xã Lộc Thuận,25270,Phường Lộc Ninh,whole"
expect "province 75 in 2026" "$(sn --db "$x" units show 75 --on 2026-11-20 | head -1)" "province 75 on 2026-11-20: Thành phố Đồng Nai (thành phố)"
sn --db "$x" units map 'Xã Bình Sơn' --province 75 --on 2025-07-01 > "$work/amb" 2>/dev/null
expect "ambiguous name exit" "$?" 1
expect "ambiguous candidates" "$(cut -d' ' -f1 "$work/amb" | tr '\n' ' ')" "25244 26395 "
r="$work/reverse.db"
sn --db "$r" units import "$top/../shared/data/units/units-2025-01-04.csv" --effective 2025-01-04 >/dev/null 2>&1
sn --db "$r" units import "$data/nso-conversion-2025.flat.csv" >/dev/null 2>&1
sn --db "$r" units import "$top/mappings/events/dongnai-2026-04-30.csv" --event dongnai-2026 --effective 2026-04-30 >/dev/null 2>&1
expect "import order does not matter" "$(dump "$r")" "$(dump "$x")"

# 4. A truncated workbook: exit 3 and the database byte-for-byte unchanged.
cp "$x" "$work/before.db"
head -c 600000 "$data/nso-conversion-2025.xlsx" > "$work/truncated.xlsx"
sn --db "$x" units import "$work/truncated.xlsx" --event t --effective 2025-08-01 2>"$work/err"
expect "truncated xlsx exit" "$?" 3
grep -q "truncated.xlsx" "$work/err" && ok || bad "truncated xlsx message: $(cat "$work/err")"
cmp -s "$work/before.db" "$x" && ok || bad "truncated xlsx changed the database"

# 5. The level-1 table compiled into the tool is the published one, province by province.
l1="$top/../shared/data/agencies/level1-province-codes.csv"
if [ -f "$l1" ]; then
	mine=$(tail -n +2 "$top/mappings/level1-codes.csv" | cut -d, -f1,2 | sort)
	theirs=$(tail -n +2 "$l1" | awk -F, '{ print $3 "," $1 }' | sort)
	expect "level-1 table = published list (63 provinces)" "$(printf '%s\n' "$mine" | wc -l) $mine" "63 $theirs"
fi

echo "realdata: $pass of $((pass + fail)) checks passed" >&2
[ "$fail" -eq 0 ]
