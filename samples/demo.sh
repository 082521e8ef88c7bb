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

echo "== sapnhap demo: unit registry for the Bình Phước (70) -> Đồng Nai (75) merger"
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
step status
printf '\nworking database: %s\n' "$db"
