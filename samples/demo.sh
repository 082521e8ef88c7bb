#!/bin/sh
# make demo: the Bình Phước -> Đồng Nai migration of the authored samples, from one plan file
# (samples/demo.plan), into a fresh build/demo/; then a few of the questions a person asks the
# working database afterwards.
set -eu
sn=${1:-./sapnhap}
out=build/demo
rm -rf "$out"
mkdir -p "$out"
db="$out/sapnhap.db"
step() { printf '\n$ sapnhap %s\n' "$*"; "$sn" --db "$db" "$@"; }
# The script's own words in the language sapnhap speaks (sapnhap --lang, else the locale).
lang=en
case "${LANGUAGE:-}:${LC_ALL:-${LC_MESSAGES:-${LANG:-}}}" in vi*|*:vi*) lang=vi ;; esac
say() { if [ "$lang" = vi ]; then echo "$2"; else echo "$1"; fi; }

say "== sapnhap demo: Bình Phước (70) merges into Đồng Nai (75)" \
    "== sapnhap demo: tỉnh Bình Phước (70) sáp nhập vào tỉnh Đồng Nai (75)"
printf '\n$ sapnhap run samples/demo.plan\n'
rc=0
"$sn" run samples/demo.plan || rc=$?
# 1 = findings to review (the report says which); anything else is a failure.
[ "$rc" -le 1 ] || exit "$rc"

echo
say "== what the database answers now" "== cơ sở dữ liệu trả lời những câu hỏi thường gặp"
step units map 25213 --on 2025-07-01
step units map 26449 --on 2025-07-01 --format csv
step units map 'Xã Bình Sơn' --district 'Huyện Phú Riềng'
step recode --explain 000.00.08.H10
step recode --explain 000.00.40.H19
step rewrite samples/edxml/letter-unambiguous.xml "$out/letter-rewritten.xml"
step rewrite samples/edxml/letter-to-binhphuoc.xml "$out/letter-2.xml" || true
step queue
step validate --severity error --limit 3 || true
step diff "$db:old" "$db:merged" --summary

if [ "$lang" = vi ]; then cat <<EOT

== xong. Dành cho người duyệt:
  báo cáo ký duyệt    $out/report/report.html  (in ra để ký)  $out/report/report.xlsx
  báo cáo kiểm tra    $out/report/validation.txt
  so sánh trước/sau   $out/report/diff.html  (mở bằng trình duyệt; kèm diff.csv)
  tệp xuất            $out/report/export-csv/  $out/report/export-xml/
  cơ sở dữ liệu       $db  ('sapnhap --db $db status')
EOT
else cat <<EOT

== done. For the reviewer:
  sign-off report     $out/report/report.html  (print it to sign)  $out/report/report.xlsx
  validation report   $out/report/validation.txt
  before/after diff   $out/report/diff.html  (open in a browser; also diff.csv)
  exports             $out/report/export-csv/  $out/report/export-xml/
  working database    $db  ('sapnhap --db $db status')
EOT
fi
