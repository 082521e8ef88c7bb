#!/bin/sh
# Real-data tests: the official conversion workbook and lists in ../shared/data, imported as
# published. Skips (successfully, with a message) when that folder is absent, as on a user's
# fresh checkout; REQUIRE_REALDATA=1 (CI with ../shared) makes that a failure.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
: "${SAPNHAP:=$top/sapnhap}"
data="$top/../shared/data/units"
if [ ! -f "$data/nso-conversion-2025.xlsx" ]; then
	echo "realdata: skipped: $data not found (the official data lives beside the project in ../shared/data)" >&2
	if [ "${REQUIRE_REALDATA:-0}" = 1 ]; then
		echo "realdata: REQUIRE_REALDATA=1: a skip is a failure" >&2
		exit 1
	fi
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
# 10,033 old codes as published; the errata add the real codes of Xã Mỹ Hưng (01651) and Xã Phú
# Thịnh (02482). 441 codes under several new communes as published (439 splits, 2 typos); with the
# errata the typos are gone and Xã Đặng Xá (00556) is a split of two.
expect "old commune codes" "$(q "$x" "SELECT count(DISTINCT old_code) FROM link WHERE old_level='commune'")" 10035
expect "old codes under several new communes" "$(q "$x" "SELECT count(*) FROM (SELECT old_code FROM link WHERE old_level='commune' GROUP BY old_code HAVING count(DISTINCT new_code) > 1)")" 440
expect "25213" "$(sn --db "$x" units map 25213 --on 2025-07-01 --format csv | tail -n +2)" "25213,Xã Tiến Hưng,25195,Phường Bình Phước,whole"
expect "26449" "$(sn --db "$x" units map 26449 --on 2025-07-01 --format csv | tail -n +2 | cut -d, -f3,5 | tr '\n' ' ')" "26359,part 26446,part "
expect "Bình Phước communes to new Đồng Nai" "$(q "$x" "SELECT count(DISTINCT new_code) FROM link WHERE old_province_code='70'")" 40
expect "new Đồng Nai communes" "$(q "$x" "SELECT count(*) FROM unit WHERE level='commune' AND province_code='75' AND opened_by IS NOT NULL")" 95
# The errata (mappings/errata-2025.csv) are applied: the two typo codes no longer look wholly
# merged into two new communes; imported --as-published they do.
sn --db "$x" units check --severity error --format csv > "$work/check.csv"
expect "check exit status with errata" "$?" 0
expect "no whole-into-two with errata" "$(grep -c '^error,whole-into-two' "$work/check.csv")" 0
expect "corrected cells" "$(sn --db "$x" units check --rule corrected --format csv | tail -n +2 | cut -d, -f3 | tr '\n' ' ')" "00553 01615 02485 19742 24496 24496 27691 30781 "
expect "no erratum left unapplied" "$(sn --db "$x" units check --rule erratum-not-applied --format csv | tail -n +2 | wc -l)" 0
expect "Mỹ Hưng is 01651" "$(sn --db "$x" units map 01651 --on 2025-07-01 --format csv | tail -n +2)" "01651,Xã Mỹ Hưng,01648,Xã Phục Hòa,whole"
expect "Phú Thịnh is 02482" "$(sn --db "$x" units map 02482 --on 2025-07-01 --format csv | tail -n +2)" "02482,Xã Phú Thịnh,02494,Xã Thái Bình,whole"
expect "Hồng Quang keeps 01615" "$(sn --db "$x" units map 01615 --on 2025-07-01 --format csv | tail -n +2)" "01615,Xã Hồng Quang,01636,Xã Bế Văn Đàn,whole"
expect "Đặng Xá is 00556" "$(sn --db "$x" units map 00556 --on 2025-07-01 --format csv | tail -n +2 | cut -d, -f3,5 | tr '\n' ' ')" "00541,part 00562,part-population "
expect "new commune 24496 spelled right" "$(q "$x" "SELECT name FROM unit WHERE level='commune' AND code='24496' AND opened_by IS NOT NULL")" "Xã Ea Kly"
expect "old province 45 holds Cồn Cỏ" "$(q "$x" "SELECT province_code FROM unit WHERE level='district' AND code='471'")" 45
oldprov() { q "$1" "SELECT group_concat(p, ' ') FROM (SELECT DISTINCT old_province_code p FROM link WHERE new_province_code = '$2' ORDER BY 1)"; }
expect "new 82 Đồng Tháp = old 82 Tiền Giang + 87 Đồng Tháp" "$(oldprov "$x" 82)" "82 87"
expect "new 80 Tây Ninh = old 72 Tây Ninh + 80 Long An" "$(oldprov "$x" 80)" "72 80"
expect "no parent-mismatch with errata" "$(sn --db "$x" units check --rule parent-mismatch --format csv | tail -n +2 | wc -l)" 0
expect "no new-name-typo with errata" "$(sn --db "$x" units check --rule new-name-typo --format csv | tail -n +2 | wc -l)" 0
p="$work/published.db"
sn --db "$p" units import "$data/nso-conversion-2025.xlsx" --as-published >/dev/null 2>"$work/err" || bad "as-published import: $(cat "$work/err")"
sn --db "$p" units check --severity error --format csv > "$work/check.csv"
expect "check exit status as published" "$?" 1
expect "typo codes as published" "$(grep '^error,whole-into-two' "$work/check.csv" | cut -d, -f3 | tr '\n' ' ')" "01615 02485 "
expect "errata left as published" "$(sn --db "$p" units check --rule erratum-not-applied --format csv | tail -n +2 | wc -l)" 8
expect "new 80 as published has 82's Phường 4" "$(oldprov "$p" 80)" "72 80 82"
expect "Xa Ea Kly as published" "$(sn --db "$p" units check --rule new-name-typo --format csv | tail -n +2 | cut -d, -f3)" 24496

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
expect "merged sheet: Khánh Hòa's district corrected" "$(q "$work/merged.db" "SELECT old_district_code FROM link WHERE old_code='14569'")" 375
expect "merged sheet links" "$(q "$work/merged.db" "SELECT count(*) FROM link")" 10571
expect "merged sheet registry = flat sheet registry" "$(q "$work/merged.db" "SELECT level, code, name, valid_from, valid_to FROM unit ORDER BY level, code, valid_from" | sha256sum)" "$(q "$x" "SELECT level, code, name, valid_from, valid_to FROM unit ORDER BY level, code, valid_from" | sha256sum)"

# 3. The pre-reform list, then the 2026 Đồng Nai change; order of import does not matter.
sn --db "$x" units import "$data/units-2025-01-04.csv" --effective 2025-01-04 >/dev/null 2>"$work/err" || bad "list: $(cat "$work/err")"
sn --db "$x" units import "$top/mappings/events/dongnai-2026-04-30.csv" --event dongnai-2026 --effective 2026-04-30 >/dev/null 2>"$work/err" || bad "2026: $(cat "$work/err")"
sn --db "$x" units check --format csv > "$work/check.csv"
expect "not converted with errata" "$(grep -c '^warning,not-converted,' "$work/check.csv")" 26
sn --db "$p" units import "$data/units-2025-01-04.csv" --effective 2025-01-04 >/dev/null 2>&1
sn --db "$p" units check --format csv > "$work/pcheck.csv"
expect "real codes of the typos are unconverted as published" "$(grep '^warning,not-converted,0\(1651\|2482\),' "$work/pcheck.csv" | cut -d, -f3 | tr '\n' ' ')" "01651 02482 "
expect "not converted as published" "$(grep -c '^warning,not-converted,' "$work/pcheck.csv")" 28
expect "province cells against the pre-reform list, as published" "$(grep '^warning,parent-mismatch,' "$work/pcheck.csv" | cut -d, -f3 | tr '\n' ' ')" "27691 30781 471 "
sn --db "$p" units map 01651 --on 2025-07-01 >/dev/null 2>"$work/err"
expect "an unconverted commune has no successor" "$?" 1
grep -q 'is not converted by the conversion table' "$work/err" && ok || bad "unconverted message: $(cat "$work/err")"
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

# 3b. The 2026 change derived from the published lists equals the hand-written change file: the
#     same links and the same registry. Compared with the registry itself the 2026 list stops on
#     a code its publisher gives otherwise than the official table (Xã Ba Chẽ: 06978 in the list,
#     06970 in the table and letter 1027/CTK-CSCL); compared with the publisher's 2025 list it
#     gives the 11 changes, the ~200 restyled names ('Hòa' -> 'Hoà') being no change.
j="$work/json.db"
h="$work/hand.db"
sn --db "$j" units import "$data/nso-conversion-2025.xlsx" >/dev/null 2>&1
cp "$j" "$h"
sn --db "$j" units import "$data/units-2026-07-25.json" --event dongnai-2026 --effective 2026-04-30 >/dev/null 2>"$work/err"
expect "2026 list against the registry" "$?" 3
grep -q "commune 06978 'Xã Ba Chẽ' is not in force on 2026-04-29" "$work/err" && ok || bad "06978 message: $(cat "$work/err")"
sn --db "$j" units import "$data/units-2026-07-25.json" --event dongnai-2026 --effective 2026-04-30 --before "$data/units-2025-07-01.json" > "$work/out" 2>"$work/err" || bad "2026 list: $(cat "$work/err")"
expect "2026 list counts" "$(sed 's/.*\[json\]: //' "$work/out")" "units=3355 links=11 renamed=0 reclassified=11 moved=0 merged=0 restyled=193 known=1"
sn --db "$h" units import "$top/mappings/events/dongnai-2026-04-30.csv" --event dongnai-2026 --effective 2026-04-30 >/dev/null 2>&1
links2026() { q "$1" "SELECT old_level, old_code, old_name, new_level, new_code, new_name, share, note_class FROM link WHERE event_id = (SELECT id FROM event WHERE name = 'dongnai-2026') ORDER BY seq"; }
expect "derived 2026 links = hand-written links" "$(links2026 "$j")" "$(links2026 "$h")"
units2026() { q "$1" "SELECT level, code, name, name_key, type, parent_code, province_code, valid_from, valid_to FROM unit ORDER BY level, code, valid_from" | sha256sum; }
expect "derived 2026 registry = hand-written registry" "$(units2026 "$j")" "$(units2026 "$h")"
expect "derived 2026: Lộc Thuận" "$(sn --db "$j" units map 25288 --on 2026-11-20 --format csv | tail -n +2)" "25288,Xã Lộc Thuận,25270,Phường Lộc Ninh,whole"

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
