# The authored sample as an XLSX workbook laid out like the official one (data/xlsx-sample/: the XML
# parts, zipped here): sheet 1 'Tổng hợp_có merge' (one block of merged cells per new commune),
# sheet 2 'Tổng hợp_không merge ' (flat, trailing space in the name). Same rows as
# data/xlsx-sample.csv; new commune codes are numeric cells (4 -> 00004), as is the old
# code 25195 of Phường Tân Phú. The default sheet is the flat one.
$ (cd data/xlsx-sample && zip -qX -r "$OLDPWD/sample.xlsx" .)
$ sapnhap units import sample.xlsx
đã nhập sự kiện 'reform-2025' (conversion, hiệu lực 2025-07-01) từ sample.xlsx [xlsx]: rows=33 links=29 old_communes=26 new_communes=16 new_provinces=4 padded_codes=2
$ sapnhap units map 00112 --on 2025-07-01 --format csv
old_code,old_name,new_code,new_name,share
00112,Phường Thụy Khuê,00004,Phường Ba Đình,part
00112,Phường Thụy Khuê,00103,Phường Tây Hồ,part-population

# The registry built from the workbook is the one built from the CSV.
$ sapnhap --db csv.db units import data/xlsx-sample.csv
đã nhập sự kiện 'reform-2025' (conversion, hiệu lực 2025-07-01) từ data/xlsx-sample.csv [utf-8]: rows=33 links=29 old_communes=26 new_communes=16 new_provinces=4 padded_codes=2
$ Q='SELECT level,code,name,type,parent_code,valid_from,valid_to FROM unit ORDER BY 1,2,6'; sqlite3 sapnhap.db "$Q" > xlsx.txt && sqlite3 csv.db "$Q" > csv.txt && wc -l < csv.txt && cmp xlsx.txt csv.txt && echo same registry
67
same registry

# The merged sheet, its blocks filled from their top-left cells, gives the same registry too.
$ sapnhap --db merged.db units import sample.xlsx --sheet 'Tổng hợp_có merge'
đã nhập sự kiện 'reform-2025' (conversion, hiệu lực 2025-07-01) từ sample.xlsx [xlsx]: rows=33 links=29 old_communes=26 new_communes=16 new_provinces=4 padded_codes=2
$ Q='SELECT level,code,name,type,parent_code,valid_from,valid_to FROM unit ORDER BY 1,2,6'; sqlite3 merged.db "$Q" > merged.txt && sqlite3 csv.db "$Q" > csv.txt && cmp merged.txt csv.txt && echo same registry
same registry

# A sheet that is not there: the names are listed, quoted so that the trailing space shows.
$ sapnhap --db nosheet.db units import sample.xlsx --sheet Nope; echo "[status $?]"; test -e nosheet.db || echo "no database left behind"
[status 3]
no database left behind
! sapnhap: lỗi: 'sample.xlsx': không có trang tính tên 'Nope' (các trang tính: 'Tổng hợp_có merge', 'Tổng hợp_không merge ')
$ sapnhap --db nosheet.db units import sample.xlsx --sheet 'Tổng hợp_không merge'; echo "[status $?]"; test -e nosheet.db || echo "no database left behind"
[status 3]
no database left behind
! sapnhap: lỗi: 'sample.xlsx': không có trang tính tên 'Tổng hợp_không merge' (các trang tính: 'Tổng hợp_có merge', 'Tổng hợp_không merge ')

# A truncated workbook: exit 3, the file named, the working database byte-for-byte unchanged.
$ cp sapnhap.db before.db && head -c 700 sample.xlsx > cut.xlsx; sapnhap units import cut.xlsx --event cut --effective 2025-08-01; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: lỗi: 'cut.xlsx': không phải tệp XLSX hợp lệ (zip: Not a zip archive)

# A zip bomb: the flat sheet is 50 MB of blanks inside <sheetData>, deflated about 1025:1, over the
# default max_ratio of 1000 (deflate cannot do much better than 1030:1, so the sheet must be
# almost nothing but blanks). Refused from the sizes in the zip directory, before inflating.
$ cp -R data/xlsx-sample bomb && { sed -n 1,4p data/xlsx-sample/xl/worksheets/sheet2.xml; head -c 50000000 /dev/zero | tr '\0' ' '; printf '</sheetData>\n</worksheet>\n'; } > bomb/xl/worksheets/sheet2.xml && (cd bomb && zip -qX -r "$OLDPWD/bomb.xlsx" .) && rm -r bomb
$ sapnhap units import bomb.xlsx --event bomb --effective 2025-08-01; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: lỗi: 'bomb.xlsx': xl/worksheets/sheet2.xml: tỷ lệ nén được khai báo vượt quá 1000:1 (max_ratio; bom zip?)

# Only the part being read is refused: the merged sheet of the same workbook still reads.
$ sapnhap units import bomb.xlsx --sheet 'Tổng hợp_có merge' --event bomb --effective 2025-08-01 --dry-run
sẽ nhập sự kiện 'bomb' (conversion, hiệu lực 2025-08-01) từ bomb.xlsx [xlsx]: rows=33 links=29 old_communes=26 new_communes=16 new_provinces=4 padded_codes=2

# Billion laughs: nine levels of ten entity references (3 GB if expanded) in sharedStrings.xml.
# Used right after <sst>, libxml2's own entity check stops the parse before the DOCTYPE reaches
# the reader; used further down, the DOCTYPE itself is refused. Either way exit 3, nothing expanded.
$ { printf '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<!DOCTYPE sst [\n<!ENTITY l0 "lol">\n'; i=1; while [ $i -le 9 ]; do printf '<!ENTITY l%d "' $i; j=0; while [ $j -lt 10 ]; do printf '&l%d;' $((i - 1)); j=$((j + 1)); done; printf '">\n'; i=$((i + 1)); done; printf ']>\n'; } > laughs.dtd; sed -n '2,4p;$p' laughs.dtd
<!DOCTYPE sst [
<!ENTITY l0 "lol">
<!ENTITY l1 "&l0;&l0;&l0;&l0;&l0;&l0;&l0;&l0;&l0;&l0;">
]>
$ cp -R data/xlsx-sample lol && { cat laughs.dtd; printf '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>&l9;</t></si></sst>\n'; } > lol/xl/sharedStrings.xml && (cd lol && zip -qX -r "$OLDPWD/lol.xlsx" .) && rm -r lol
$ sapnhap units import lol.xlsx --event lol --effective 2025-08-01; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: lỗi: 'lol.xlsx': xl/sharedStrings.xml: từ chối DOCTYPE (các phần của tệp XLSX không bao giờ khai báo DOCTYPE; thực thể có thể là một cuộc tấn công)
$ cp -R data/xlsx-sample lol && { cat laughs.dtd; sed '1d; s|</sst>|<si><t>\&l9;</t></si></sst>|' data/xlsx-sample/xl/sharedStrings.xml; } > lol/xl/sharedStrings.xml && (cd lol && zip -qX -r "$OLDPWD/lol-late.xlsx" .) && rm -r lol
$ sapnhap units import lol-late.xlsx --event lol --effective 2025-08-01; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: lỗi: 'lol-late.xlsx': xl/sharedStrings.xml: từ chối DOCTYPE (các phần của tệp XLSX không bao giờ khai báo DOCTYPE; thực thể có thể là một cuộc tấn công)

# A DOCTYPE in the worksheet is refused as well.
$ cp -R data/xlsx-sample dt && { sed -n 1p data/xlsx-sample/xl/worksheets/sheet2.xml; echo '<!DOCTYPE worksheet [<!ENTITY x "x">]>'; sed 1d data/xlsx-sample/xl/worksheets/sheet2.xml; } > dt/xl/worksheets/sheet2.xml && (cd dt && zip -qX -r "$OLDPWD/doctype.xlsx" .) && rm -r dt
$ sapnhap units import doctype.xlsx --event dt --effective 2025-08-01; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: lỗi: 'doctype.xlsx': xl/worksheets/sheet2.xml: từ chối DOCTYPE (các phần của tệp XLSX không bao giờ khai báo DOCTYPE; thực thể có thể là một cuộc tấn công)
