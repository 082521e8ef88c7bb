#!/bin/sh
# The diff's HTML page in a real browser. Headless Chromium renders the page made from the
# sample chain; the DOM it dumps (after the page's script ran) must hold the summary counts of
# 'diff --format json', Vietnamese names in NFC, and, with the filter set by the URL fragment,
# exactly the matching changes; a screenshot must be a real picture (1280x900, not blank).
#
# Skipped, with a message, when Chromium is not installed ('make check' installs it as root).
# Nothing is fetched: the page is a local self-contained file (checked), and the browser runs
# with background networking off and every host name resolving to nothing.
#
#   SAPNHAP=./sapnhap sh tests/html/run.sh
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
: "${SAPNHAP:=$top/sapnhap}"

browser=
for b in chromium chromium-browser; do
	if command -v "$b" >/dev/null 2>&1; then browser=$b; break; fi
done
if [ -z "$browser" ]; then
	echo "html: skipped: chromium is not installed (sudo apt-get install -y chromium fonts-dejavu-core)" >&2
	if [ "${REQUIRE_REALDATA:-0}" = 1 ]; then
		echo "html: REQUIRE_REALDATA=1: a skip is a failure (CI installs chromium as root: make test-deps)" >&2
		exit 1
	fi
	exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SOURCE_DATE_EPOCH=1795176000 TZ=UTC LC_ALL=C.UTF-8 HOME="$work"
cd "$work" || exit 1

pass=0 fail=0
check() {  # check TITLE COMMAND...: one check, counted
	title=$1
	shift
	if "$@"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL: html: $title" >&2
	fi
}
has() { grep -qF -- "$2" "$1"; }               # has FILE TEXT
lacks() { ! grep -qE -- "$2" "$1"; }           # lacks FILE REGEX
equal() { [ "$1" = "$2" ]; }
between() { [ "$1" -gt "$2" ] && [ "$1" -lt "$3" ]; }

browse() {  # browse ARGS... URL: headless Chromium, its chatter to chromium.log
	timeout 60 "$browser" --headless --no-sandbox --disable-gpu --disable-background-networking \
		--disable-extensions --disable-sync --disable-component-update --disable-default-apps \
		--no-first-run --host-resolver-rules='MAP * ~NOTFOUND' --user-data-dir="$work/profile" \
		"$@" 2>>"$work/chromium.log"
}

# The sample chain (as tests/cli/t0900-reassign.t), then the reviewer's page.
sn() { "$SAPNHAP" --db "$work/sapnhap.db" "$@"; }
s=$top/samples
if ! { sn units import "$s/units/conversion-2025.csv" && sn units import "$s/units/pre-reform-list.csv" &&
       sn agencies import "$s/agencies/binhphuoc.csv" --province 70 &&
       sn agencies import "$s/agencies/dongnai.xml" --province 75 && sn recode &&
       sn catalog import "$s/catalogs/binhphuoc.csv" --province 70 &&
       sn catalog import "$s/catalogs/dongnai.xml" --province 75 && sn reassign; } >chain.log 2>&1; then
	cat chain.log >&2
	echo "html: the sample chain failed" >&2
	exit 1
fi
db=$work/sapnhap.db
sn diff "$db:old" "$db:merged" --format html --out review.html 2>/dev/null
sn diff "$db:old" "$db:merged" --format html > review2.html
sn diff "$db:old" "$db:merged" --format json --summary > summary.json

# The page itself: deterministic, self-contained, declared Vietnamese and UTF-8.
check "same inputs, same bytes" cmp -s review.html review2.html
check "nothing to fetch" lacks review.html '(src|href)=|https?:|@import|url\('
check "lang and charset" has review.html '<html lang="vi">'
check "charset" has review.html '<meta charset="utf-8">'

# Rendered: the counts of the summary are those diff computes.
browse --dump-dom "file://$work/review.html" > dom.html
check "chromium dumped the DOM" has dom.html '<table class="summary" id="summary">'
for e in procedure binding agency; do
	nums=$(sed -n "s/.*\"$e\": {\"added\": \([0-9]*\), \"removed\": \([0-9]*\), \"changed\": \([0-9]*\)}.*/\1 \2 \3/p" summary.json)
	set -- $nums
	check "summary of $e in the JSON" equal "$#" 3
	for k in added removed changed; do
		row=$(grep -F "<tr data-entity=\"$e\">" dom.html)
		check "summary $e $k = ${1:-?}" has /dev/stdin "data-kind=\"$k\">${1:-?}</td>" <<EOF
$row
EOF
		shift 2>/dev/null
	done
done
total=$(sed -n 's/.*"total": \([0-9]*\)}.*/\1/p' summary.json)
things=$(grep -c '<tbody class="thing' dom.html)
check "one row group per changed thing ($things, $total)" equal "$things" "$total"
check "all shown without a filter" has dom.html "data-shown=\"$total\""
check "none hidden without a filter" lacks dom.html '<tbody class="thing[^>]*hidden'

# Vietnamese as written, NFC: no decomposed tone marks anywhere in the DOM.
name=$(printf '\341\273\246y ban nh\303\242n d\303\242n ph\306\260\341\273\235ng B\303\254nh Ph\306\260\341\273\233c')
check "Vietnamese name intact (NFC)" has dom.html "$name"
check "no decomposed tone marks" lacks dom.html "$(printf '\314[\200\201\203\211\243]')"

# The filter, pre-set by the fragment: "binh phuoc" (no diacritics) among changed things only.
browse --dump-dom "file://$work/review.html#q=binh%20phuoc&kind=changed" > filtered.html
shown=$(sed -n 's/.*id="shown" data-shown="\([0-9]*\)".*/\1/p' filtered.html)
check "the filter shows some, not all (${shown:-none} of $total)" between "${shown:-0}" 0 "$total"
# Each visible thing is a changed one naming Bình Phước; no hidden changed one does.
result=$(awk -v name="$name" 'BEGIN { RS = "<tbody "; vis = 0; bad = 0 }
	NR > 1 && /^class="thing/ {
		tag = substr($0, 1, index($0, ">"))
		body = substr($0, 1, index($0, "</tbody>"))
		match_ = index(body, name) > 0
		changed = tag ~ /data-kind="changed"/
		if (tag !~ /hidden/) { vis++; if (!changed || !match_) bad++ }
		else if (changed && match_) bad++
	}
	END { print vis, bad }' filtered.html)
check "visible = shown, all matching ($result)" equal "$result" "${shown:-x} 0"
check "fields without a match are hidden" has filtered.html '<section class="group" data-group="G03-GD09" hidden="">'

# A screenshot: a PNG of the window's size, neither blank nor one flat colour.
browse --screenshot="$work/shot.png" --window-size=1280,900 "file://$work/review.html" >/dev/null
check "screenshot written" test -s shot.png
check "PNG signature" equal "$(od -An -tx1 -N8 shot.png 2>/dev/null | tr -d ' \n')" 89504e470d0a1a0a
check "1280x900" equal "$(od -An -tu1 -j16 -N8 shot.png 2>/dev/null | tr -s ' \n' ' ')" " 0 0 5 0 0 0 3 132 "
check "not a blank picture ($(wc -c < shot.png) bytes)" test "$(wc -c < shot.png)" -gt 20000
if command -v python3 >/dev/null 2>&1; then
	colours=$(python3 - shot.png <<'EOF'
# Decodes the PNG (8-bit RGB or RGBA, as Chromium writes it) and counts distinct colours in
# its top third (title, summary, filter; enough to tell a page from a blank, and quick).
import struct, sys, zlib
data = open(sys.argv[1], 'rb').read()
pos, idat, w, h, ctype = 8, b'', 0, 0, 0
while pos < len(data):
    n, kind = struct.unpack('>I4s', data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + n]
    if kind == b'IHDR':
        w, h, depth, ctype = struct.unpack('>IIBB', body[:10])
    elif kind == b'IDAT':
        idat += body
    pos += 12 + n
bpp = {2: 3, 6: 4}[ctype]
raw, stride, prev, seen = zlib.decompress(idat), w * bpp, bytearray(w * bpp), set()
for y in range(min(h, 300)):
    f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
    for i in range(stride):
        a = line[i - bpp] if i >= bpp else 0
        b, c = prev[i], prev[i - bpp] if i >= bpp else 0
        if f == 1: line[i] = (line[i] + a) & 255
        elif f == 2: line[i] = (line[i] + b) & 255
        elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    for x in range(0, stride, bpp):
        seen.add(bytes(line[x:x + 3]))
    prev = line
print(len(seen))
EOF
)
	check "more than a few colours (${colours:-?})" test "${colours:-0}" -gt 16
else
	echo "html: python3 not found: the screenshot's colours are not counted (its size is)" >&2
fi

# Paged (as at national scale, where one page would be ~900 MB): a summary page linking to one
# page per field, each rendered; together they hold every changed thing, each page small enough.
sn diff "$db:old" "$db:merged" --format html --pages --out paged.html 2>/dev/null
browse --dump-dom "file://$work/paged.html#q=binh" > pdom.html
npages=$(ls paged-pages | wc -l)
check "paged: one row per page ($npages)" equal "$(grep -c '<tbody class="thing" data-kind="page"' pdom.html)" "$npages"
check "paged: the filter goes with the links" has pdom.html 'href="paged-pages/0001.html#q=binh"'
sum=0 big=0
for pgf in paged-pages/*.html; do
	browse --dump-dom "file://$work/$pgf" > pg.html
	sum=$((sum + $(grep -c '<tbody class="thing' pg.html)))
	[ "$(wc -c < "$pgf")" -le 20971520 ] || big=$((big + 1))
done
check "paged: the pages hold every changed thing ($sum of $total)" equal "$sum" "$total"
check "paged: no page over 20 MB" equal "$big" 0

# --- the sign-off report: rendered, printed, and its workbook read back --------------------------
pages() {  # pages PDF: the number of pages of a PDF Chromium printed
	tr -c 'A-Za-z/\n' ' ' < "$1" | grep -o '/Type */Page\b' | grep -vc Pages
}
sn dossiers import "$s/dossiers/binhphuoc.csv" --province 70 >/dev/null 2>&1
sn dossiers import "$s/dossiers/dongnai.csv" --province 75 >/dev/null 2>&1
sn reassign --decisions "$s/decisions.csv" --hamlets "$s/dossiers/hamlets.csv" --force >/dev/null 2>&1
sn validate --format json --limit 0 > validation.json 2>/dev/null
sn report --format html --out report.html >/dev/null 2>&1
sn report --format html --out report2.html >/dev/null 2>&1
check "report: same inputs, same bytes" cmp -s report.html report2.html
check "report: nothing to fetch" lacks report.html '(src|href)=|https?:|@import|url\('
browse --dump-dom "file://$work/report.html" > rdom.html
nproc=$(sed -n 's/.*"statistics": {"merged": {"procedures": \([0-9]*\),.*/\1/p' validation.json)
check "report: one table per procedure (${nproc:-?})" equal "$(grep -o '<table class="proc thing"' rdom.html | wc -l)" "${nproc:-x}"
ncodes=$(sqlite3 "$db" 'SELECT count(*) FROM crosswalk')
check "report: one row per old agency ($ncodes)" equal "$(sed -n '/<section id="agencies">/,/<\/section>/p' rdom.html | grep -c '^<tr>')" "$ncodes"
check "report: no agency merely removed" lacks rdom.html '<td>(removed|Bỏ)</td>'
check "report: where an agency went" has rdom.html "sáp nhập vào 000.00.07.H19 Sở Nông nghiệp và Môi trường"
check "report: decided value with its reason" has rdom.html "<b>50.000 đồng/lần</b>: the fee set by the HĐND of Đồng Nai"
check "report: every commune committee" has rdom.html "tất cả UBND xã (21)"
check "report: old provinces by name" has rdom.html "Tỉnh Bình Phước (70), Tỉnh Đồng Nai (75)"
check "report: the law's words" has rdom.html "<td>toàn trình</td>"
check "report: the sign-off block" has rdom.html '<section class="signoff" id="signoff">'
check "report: Vietnamese in NFC" lacks rdom.html "$(printf '\314[\200\201\203\211\243]')"
check "report: inputs with SHA-256" has rdom.html "$(sha256sum "$s/catalogs/binhphuoc.csv" | cut -c1-64)"
browse --screenshot="$work/rshot.png" --window-size=1280,900 "file://$work/report.html" >/dev/null
check "report: screenshot (1280x900, $(wc -c < rshot.png) bytes)" test "$(wc -c < rshot.png)" -gt 20000

# Printed on A4: the report in a few dozen pages; the diff beside it for comparison.
browse --no-pdf-header-footer --print-to-pdf="$work/report.pdf" "file://$work/report.html" >/dev/null
browse --no-pdf-header-footer --print-to-pdf="$work/diff.pdf" "file://$work/review.html" >/dev/null
rp=$(pages report.pdf) dp=$(pages diff.pdf)
echo "html: printed on A4: report.html $rp pages, diff.html $dp pages" >&2
check "report prints in a few dozen pages ($rp)" between "${rp:-0}" 5 48

# The workbooks, read back by an independent reader (openpyxl, Debian python3-openpyxl).
py=
for p in /usr/bin/python3 python3; do
	if "$p" -c 'import openpyxl' 2>/dev/null; then py=$p; break; fi
done
if [ -z "$py" ]; then
	echo "html: python3-openpyxl not found: the workbooks are not read back" >&2
else
	sn report --format xlsx --out report.xlsx >/dev/null 2>&1
	sn diff "$db:old" "$db:merged" --format xlsx --lang vi --out diff.xlsx 2>/dev/null
	sn export --format xlsx --out export >/dev/null 2>&1
	result=$("$py" "$top/tests/html/workbooks.py" "$work" "$ncodes" "${nproc:-0}")
	check "workbooks read back: ${result:-no answer}" equal "$result" ok
	open_before=$(sqlite3 "$db" "SELECT count(*) FROM review WHERE status = 'open' AND subject LIKE 'dossier:%'")
	sn reassign --decisions decided.xlsx --hamlets "$s/dossiers/hamlets.csv" --force >reassign.log 2>&1
	open_after=$(sqlite3 "$db" "SELECT count(*) FROM review WHERE status = 'open' AND subject LIKE 'dossier:%'")
	check "the decisions sheet read back by reassign ($open_before -> $open_after open dossiers)" equal "$open_before $open_after" "1 0"
	check "the decision kept with its reason" equal "$(sqlite3 "$db" "SELECT value || ' ' || reason FROM decision WHERE field = 'commune'")" "26359 ấp 7 thuộc xã Xuân Đông (biên bản bàn giao)"
fi

echo "html: $pass of $((pass + fail)) checks passed" >&2
if [ "$fail" -ne 0 ]; then
	echo "html: chromium said:" >&2
	tail -20 chromium.log >&2
fi
[ "$fail" -eq 0 ]
