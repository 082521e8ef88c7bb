# export: the merged province's files (catalog, code table, crosswalk, review queue) as CSV or
# XML, in the formats the imports read. The chain up to the catalogs first.
$ sapnhap units import samples/units/conversion-2025.csv >/dev/null && sapnhap units import samples/units/pre-reform-list.csv >/dev/null && sapnhap agencies import samples/agencies/binhphuoc.csv --province 70 >/dev/null && sapnhap agencies import samples/agencies/dongnai.xml --province 75 >/dev/null && sapnhap recode >/dev/null && sapnhap catalog import samples/catalogs/binhphuoc.csv --province 70 >/dev/null && sapnhap catalog import samples/catalogs/dongnai.xml --province 75 >/dev/null && sapnhap dossiers import samples/dossiers/binhphuoc.csv --province 70 >/dev/null && sapnhap dossiers import samples/dossiers/dongnai.csv --province 75 >/dev/null

# Before reassign there is no merged catalog: refused (exit 3, the database lacks what export
# needs), and nothing is written, not even the directory.
$ sapnhap export --format csv --out out; echo "[status $?]"; test -e out || echo "out not created"
[status 3]
out not created
! sapnhap: lỗi: chưa có danh mục thủ tục sau sáp nhập: hãy chạy 'sapnhap reassign' trước (hoặc dùng --province CODE)

# An old province's imports can be exported at any time.
$ sapnhap export --format csv --province 70 --out p70 && head -3 p70/agencies.csv
đã ghi p70/catalog.csv: procedures=41 bindings=158
đã ghi p70/agencies.csv: agencies=67
code,name,kind,parent_code,unit_code,address,phone,email,status
000.00.00.H10,Ủy ban nhân dân tỉnh Bình Phước,province-committee,,70,"Số 1 đường 6 tháng 1, phường Tân Phú, thành phố Đồng Xoài, tỉnh Bình Phước",0271 3879 456,ubnd@binhphuoc.gov.vn,active
000.00.01.H10,Văn phòng Ủy ban nhân dân tỉnh,department,000.00.00.H10,70,"Số 1 đường 6 tháng 1, phường Tân Phú, thành phố Đồng Xoài, tỉnh Bình Phước",0271 3879 458,vpubnd@binhphuoc.gov.vn,active

# After reassign, with conflicts between the catalogs still open: the undecided fields are
# written empty, everything is written, a warning names the count and the queue, exit 1.
$ sapnhap reassign --hamlets samples/dossiers/hamlets.csv >/dev/null
$ sapnhap export --format csv --out undecided
đã ghi undecided/catalog.csv: procedures=56 bindings=592
đã ghi undecided/agencies.csv: agencies=50
đã ghi undecided/crosswalk.csv: codes=129
đã ghi undecided/review.csv: items=43 open=43
! sapnhap: cảnh báo: 19 thủ tục có 31 trường đang chờ quyết định, được ghi trống: xem 'sapnhap queue --step reassign', sau đó chạy 'sapnhap reassign --decisions FILE --force'
[exit 1]
$ grep '^1.001612,' undecided/catalog.csv | cut -d, -f1,7-11
1.001612,,,,,yes

# Every conflict decided (data/decisions-all.csv; its fee "-" and legal basis "- Luật ..." start
# with a formula character). Then three hostile cells, as a registry or catalog could carry
# them: a phone in international form, a formula with a link, an @-function.
$ sapnhap reassign --hamlets samples/dossiers/hamlets.csv --decisions data/decisions-all.csv --force
đã phân lại thẩm quyền danh mục thủ tục của tỉnh 75: procedures=56 bindings=592 dossiers_moved=40 dossiers_queued=1 bindings_queued=0 conflicts=0 default_rule=9
$ sqlite3 sapnhap.db "UPDATE code_table SET phone = '+84 251 3822 503' WHERE code = '000.00.00.H19'; UPDATE code_table SET address = '=HYPERLINK(\"http://example.invalid\",\"Sở Nội vụ\")' WHERE code = '000.00.02.H19'; UPDATE merged_procedure SET fee = '@SUM(1+1)' WHERE national_code = '1.000593'"

# Both formats; the summary gives one line per file with its row count, in a fixed order.
$ sapnhap export --format csv --out csv
đã ghi csv/catalog.csv: procedures=56 bindings=592
đã ghi csv/agencies.csv: agencies=50
đã ghi csv/crosswalk.csv: codes=129
đã ghi csv/review.csv: items=12 open=12
$ sapnhap export --format xml --out xml
đã ghi xml/catalog.xml: procedures=56 bindings=592
đã ghi xml/agencies.xml: agencies=50
đã ghi xml/crosswalk.xml: codes=129
đã ghi xml/review.xml: items=12 open=12

# Each XML file is valid against its schema.
$ for f in catalog agencies crosswalk review; do xmllint --noout --schema schema/$f.xsd xml/$f.xml; done
! xml/catalog.xml validates
! xml/agencies.xml validates
! xml/crosswalk.xml validates
! xml/review.xml validates

# The CSV cells a spreadsheet would run as formulas start with an apostrophe; the XML keeps the
# values as they are.
$ grep -E '^000\.00\.0[02]\.H19,' csv/agencies.csv
000.00.00.H19,Ủy ban nhân dân tỉnh Đồng Nai,province-committee,,75,"Số 2 đường Nguyễn Văn Trị, phường Trung Dũng, thành phố Biên Hòa, tỉnh Đồng Nai",'+84 251 3822 503,ubnd@dongnai.gov.vn,active
000.00.02.H19,Sở Nội vụ,department,000.00.00.H19,75,"'=HYPERLINK(""http://example.invalid"",""Sở Nội vụ"")",0251 3822 714,snv@dongnai.gov.vn,active
$ grep -E '^(1\.000419|1\.000593|2\.000806),' csv/catalog.csv | cut -d, -f1,9,12
1.000419,Không,'- Luật Hộ tịch 2014; - Nghị định 123/2015/NĐ-CP
1.000593,'@SUM(1+1),Luật Hôn nhân và gia đình 2014; Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP; Thông tư 04/2020/TT-BTP
2.000806,'-,Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP; Thông tư 04/2020/TT-BTP; Thông tư 85/2019/TT-BTC
$ grep -E '<(fee|legal-basis|phone)>[-+=@]|<address>=' xml/*.xml
xml/agencies.xml:    <phone>+84 251 3822 503</phone>
xml/agencies.xml:    <address>=HYPERLINK(&quot;http://example.invalid&quot;,&quot;Sở Nội vụ&quot;)</address>
xml/catalog.xml:    <legal-basis>- Luật Hộ tịch 2014; - Nghị định 123/2015/NĐ-CP</legal-basis>
xml/catalog.xml:    <fee>@SUM(1+1)</fee>
xml/catalog.xml:    <fee>-</fee>

# Deterministic: a second export is byte-identical.
$ sapnhap export --format csv --out csv2 >/dev/null && sapnhap export --format xml --out xml2 >/dev/null && for f in csv/* xml/*; do cmp "$f" "${f%%/*}2/${f#*/}" || echo "$f differs"; done; echo compared
compared

# The crosswalk files are what the crosswalk command prints.
$ sapnhap crosswalk --format csv | cmp - csv/crosswalk.csv && sapnhap crosswalk --format xml | cmp - xml/crosswalk.xml && echo same
same

# Round trip, CSV: the exported code table and catalog imported into a fresh database as
# province 75 (after the units the agencies refer to), exported again: the same bytes; the
# apostrophes are gone from the imported values.
$ sapnhap --db rt-csv.db units import samples/units/conversion-2025.csv >/dev/null
$ sapnhap --db rt-csv.db agencies import csv/agencies.csv --province 75
đã nhập danh mục cơ quan của tỉnh 75 từ csv/agencies.csv: agencies=50 nonconforming=0
$ sapnhap --db rt-csv.db catalog import csv/catalog.csv --province 75
đã nhập danh mục thủ tục của tỉnh 75 từ csv/catalog.csv: procedures=56 bindings=592
$ sapnhap --db rt-csv.db export --format csv --province 75 --out back-csv
đã ghi back-csv/catalog.csv: procedures=56 bindings=592
đã ghi back-csv/agencies.csv: agencies=50
$ cmp csv/catalog.csv back-csv/catalog.csv && cmp csv/agencies.csv back-csv/agencies.csv && echo identical
identical
$ sqlite3 rt-csv.db "SELECT phone FROM agency WHERE code = '000.00.00.H19'; SELECT address FROM agency WHERE code = '000.00.02.H19'; SELECT national_code, fee, legal_basis FROM procedure WHERE national_code IN ('1.000419', '1.000593', '2.000806') ORDER BY 1"
+84 251 3822 503
=HYPERLINK("http://example.invalid","Sở Nội vụ")
1.000419|Không|- Luật Hộ tịch 2014; - Nghị định 123/2015/NĐ-CP
1.000593|@SUM(1+1)|Luật Hôn nhân và gia đình 2014; Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP; Thông tư 04/2020/TT-BTP
2.000806|-|Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP; Thông tư 04/2020/TT-BTP; Thông tư 85/2019/TT-BTC

# Round trip, XML.
$ sapnhap --db rt-xml.db units import samples/units/conversion-2025.csv >/dev/null
$ sapnhap --db rt-xml.db agencies import xml/agencies.xml --province 75
đã nhập danh mục cơ quan của tỉnh 75 từ xml/agencies.xml: agencies=50 nonconforming=0
$ sapnhap --db rt-xml.db catalog import xml/catalog.xml --province 75
đã nhập danh mục thủ tục của tỉnh 75 từ xml/catalog.xml: procedures=56 bindings=592
$ sapnhap --db rt-xml.db export --format xml --province 75 --out back-xml
đã ghi back-xml/catalog.xml: procedures=56 bindings=592
đã ghi back-xml/agencies.xml: agencies=50
$ cmp xml/catalog.xml back-xml/catalog.xml && cmp xml/agencies.xml back-xml/agencies.xml && echo identical
identical

# --bom: each CSV file starts with the UTF-8 BOM, then the same bytes; the imports read it.
$ sapnhap export --format csv --bom --out bom >/dev/null && for f in catalog agencies crosswalk review; do printf '%s ' $f; head -c 3 bom/$f.csv | od -An -tx1; tail -c +4 bom/$f.csv | cmp - csv/$f.csv; done
catalog  ef bb bf
agencies  ef bb bf
crosswalk  ef bb bf
review  ef bb bf
$ sapnhap --db rt-bom.db units import samples/units/conversion-2025.csv >/dev/null && sapnhap --db rt-bom.db agencies import bom/agencies.csv --province 75 >/dev/null && sapnhap --db rt-bom.db catalog import bom/catalog.csv --province 75 >/dev/null && sapnhap --db rt-bom.db export --format csv --bom --province 75 --out back-bom >/dev/null && cmp bom/catalog.csv back-bom/catalog.csv && echo identical
identical

# --notation left: agency codes in QĐ 20/2020 notation (procedure codes keep theirs).
$ sapnhap export --format csv --notation left --out left >/dev/null && sed -n 2,3p left/agencies.csv | cut -d, -f1-4 && grep '^1.000593,' left/catalog.csv | cut -d, -f1,2,13
H19,Ủy ban nhân dân tỉnh Đồng Nai,province-committee,
H19.01,Văn phòng Ủy ban nhân dân tỉnh,department,H19
1.000593,1.000593.000.00.00.H19,H19.60.13; H19.60.14

# Errors. A file where the directory should be: exit 4 with the path.
$ touch afile; sapnhap export --format csv --out afile
! sapnhap: lỗi: không tạo được thư mục 'afile': Không phải thư mục
[exit 4]
$ sapnhap export --format csv --out afile/sub
! sapnhap: lỗi: không tạo được thư mục 'afile/sub': Không phải thư mục
[exit 4]

# A directory in the way of one of the files: nothing is replaced, no temporary file is left.
$ mkdir -p blocked/review.csv && sapnhap export --format csv --out blocked; echo "[status $?]"; ls -A blocked
[status 4]
review.csv
! sapnhap: lỗi: không thay được 'blocked/review.csv': Là thư mục

# Files of the same names are replaced; others in the directory are left alone.
$ echo keep > csv/notes.txt && echo old > csv/catalog.csv && sapnhap export --format csv --out csv >/dev/null && cat csv/notes.txt && cmp csv/catalog.csv csv2/catalog.csv && echo replaced
keep
replaced

# An old province with nothing imported; usage errors.
$ sapnhap export --format csv --province 76 --out p76
! sapnhap: lỗi: chưa nhập dữ liệu nào của tỉnh 76 ('sapnhap agencies import', 'sapnhap catalog import')
[exit 3]
$ sapnhap export --out x
! sapnhap: lỗi: bắt buộc có tùy chọn '--format'
! xem hướng dẫn: 'sapnhap export --help'
[exit 2]
$ sapnhap export --format text --out x
! sapnhap: lỗi: --format phải là csv, xml hoặc xlsx, không phải 'text'
! xem hướng dẫn: 'sapnhap export --help'
[exit 2]
$ sapnhap export --format xml --bom --out x
! sapnhap: lỗi: --bom chỉ dùng cho CSV
! xem hướng dẫn: 'sapnhap export --help'
[exit 2]
$ sapnhap export --format csv
! sapnhap: lỗi: bắt buộc có tùy chọn '--out'
! xem hướng dẫn: 'sapnhap export --help'
[exit 2]
$ sapnhap export --format csv --out x extra
! sapnhap: lỗi: đối số không mong đợi 'extra'
! xem hướng dẫn: 'sapnhap export --help'
[exit 2]
$ test -e x || echo "x not created"
x not created
$ sapnhap export --help
cách dùng: sapnhap export --format csv|xml|xlsx --out DIR [--bom] [--notation qcvn|left]
                          [--province CODE]

Ghi các tệp của tỉnh mới (sau sáp nhập) vào thư mục DIR (tạo nếu chưa có; tệp trùng tên
được thay, các tệp khác giữ nguyên), theo định dạng mà các lệnh nhập đọc được:
  catalog.csv|xml    mỗi thủ tục một mục kèm cơ quan thực hiện ('catalog import';
                     XML: schema/catalog.xsd)
  agencies.csv|xml   bảng mã sau sáp nhập ('agencies import'; schema/agencies.xsd)
  crosswalk.csv|xml  như 'sapnhap crosswalk' in ra (schema/crosswalk.xsd)
  review.csv|xml     toàn bộ danh sách cần xem xét, đang mở và đã giải quyết (schema/review.xsd)
Với --format xlsx, các tệp trên là các trang tính của một sổ tính, DIR/export.xlsx (mọi ô
là văn bản, mã giữ các chữ số 0, không ô nào là công thức; thời hạn giải quyết là số).
Chạy 'sapnhap reassign' trước. Trường còn chờ quyết định được ghi trống, kèm cảnh báo
và mã thoát 1. Mọi tệp được ghi xong trước khi tệp nào được đổi sang tên chính thức.
CSV mã hóa UTF-8, xuống dòng LF; ô mà bảng tính có thể hiểu là công thức (bắt đầu bằng =,
+, -, @, tab, CR) được thêm dấu nháy đơn ở đầu, các lệnh nhập sẽ bỏ dấu này.

tùy chọn:
  --format csv|xml|xlsx  định dạng tệp (bắt buộc)
  --out DIR              thư mục để ghi vào (bắt buộc)
  --bom                  ghi BOM UTF-8 ở đầu mỗi tệp CSV (để Excel đọc đúng tiếng Việt)
  --notation qcvn|left   mã cơ quan theo cách ghi của QCVN 102 (qcvn, 000.00.16.H19; mặc định) hoặc
                         của QĐ 20/2020 (left, H19.16)
  --province CODE        thay vào đó, danh mục thủ tục và danh mục cơ quan đã nhập của một tỉnh cũ
                         (chỉ các tệp catalog và agencies)
  --help                 nội dung này

ví dụ:
  sapnhap export --format csv --bom --out export/

# One workbook instead of files: the same rows, every cell a string (codes keep their zeros).
$ sapnhap export --format xlsx --out book; ls book; head -c 2 book/export.xlsx; echo
đã ghi book/export.xlsx: procedures=56 bindings=592 agencies=50 codes=129 items=12 open=12
export.xlsx
PK
$ sapnhap export --format xlsx --bom --out book
! sapnhap: lỗi: --bom chỉ dùng cho CSV
! xem hướng dẫn: 'sapnhap export --help'
[exit 2]
