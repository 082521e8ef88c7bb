#!/bin/sh
# make demo: the unit-registry part of a Bình Phước -> Đồng Nai migration, on the authored
# samples. Builds a fresh working database under build/demo/ and shows what each step gives.
set -eu
sn=${1:-./sapnhap}
out=build/demo
rm -rf "$out"
mkdir -p "$out"
db="$out/sapnhap.db"
step() { printf '\n$ sapnhap %s\n' "$*"; "$sn" --db "$db" "$@"; }

echo "== sapnhap demo: Bình Phước (70) merges into Đồng Nai (75)"
echo "== 1. the unit registry"
step units import samples/units/conversion-2025.csv
step units import samples/units/pre-reform-list.csv
step units import samples/units/dongnai-2026.csv --event dongnai-2026 --effective 2026-04-30
step units map 25213 --on 2025-07-01
step units map 26449 --on 2025-07-01 --format csv
step units map 25270
step units map 'Xã Bình Sơn' --province 'Đồng Nai' || true
step units map 'Xã Bình Sơn' --district 'Huyện Phú Riềng'
step units show 25195
step units check || true

echo
echo "== 2. agency codes: registries, the merged code table, the crosswalk"
step agencies import samples/agencies/binhphuoc.csv --province 70
step agencies import samples/agencies/dongnai.xml --province 75
step recode
step recode --explain 000.00.00.H10
step recode --explain 000.00.08.H10
step recode --explain 000.00.40.H19
"$sn" --db "$db" crosswalk --format csv > "$out/crosswalk.csv"
"$sn" --db "$db" crosswalk --format xml > "$out/crosswalk.xml"
"$sn" --db "$db" agencies list --format csv > "$out/code-table.csv"
printf '\n(crosswalk: %s, %s; code table: %s)\n' "$out/crosswalk.csv" "$out/crosswalk.xml" "$out/code-table.csv"
step rewrite samples/edxml/letter-unambiguous.xml "$out/letter-rewritten.xml"
step rewrite samples/edxml/letter-to-binhphuoc.xml "$out/letter-2.xml" || true

echo
echo "== 3. procedures and dossiers: nothing left at district level, no dossier lost"
step catalog import samples/catalogs/binhphuoc.csv --province 70
step catalog import samples/catalogs/dongnai.xml --province 75
step dossiers import samples/dossiers/binhphuoc.csv --province 70
step dossiers import samples/dossiers/dongnai.csv --province 75
step reassign --hamlets samples/dossiers/hamlets.csv
step queue --step reassign --format csv

echo
echo "== 4. the merged province's files (exit 1 while catalog conflicts await a decision)"
step export --format csv --bom --out "$out/export" || true
step export --format xml --out "$out/export" || true
step status

echo
echo "== 5. the reviewer's before/after: old catalogs against the merged one"
step diff "$db:old" "$db:merged" --summary
"$sn" diff "$db:old" "$db:merged" --format html --out "$out/review.html"
printf '\nworking database: %s\n' "$db"
