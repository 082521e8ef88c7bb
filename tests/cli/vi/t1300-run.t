# sapnhap run PLAN: the whole migration of the samples from one plan file, its outputs, a re-run,
# and broken plans failing cleanly. First broken plans: nothing runs, no database is created.
$ sapnhap run data/plan-typo.plan; echo "[status $?]"; test -e run.db || echo "no database"
[status 3]
no database
! sapnhap: lỗi: data/plan-typo.plan:9: khóa 'date' không hợp lệ trong [migration] (province, database, output, on, survivor, export, diff, report, lang, bom)
$ sapnhap run data/plan-missing-file.plan; echo "[status $?]"; test -e run.db || echo "no database"
[status 3]
no database
! sapnhap: lỗi: data/plan-missing-file.plan:34: dossiers: không đọc được 'samples/dossiers/dong-nai.csv': Không có tệp hoặc thư mục này
$ sapnhap run data/no-such.plan
! sapnhap: lỗi: không mở được 'data/no-such.plan': Không có tệp hoặc thư mục này
[exit 4]
$ sapnhap run
! sapnhap: lỗi: cần một tệp kế hoạch PLAN
! xem hướng dẫn: 'sapnhap run --help'
[exit 2]
$ sapnhap run data/plan-samples.plan --dry-run
! sapnhap: lỗi: không có tùy chọn '--dry-run'
! xem hướng dẫn: 'sapnhap run --help'
[exit 2]

# A plan whose old provinces do not become its merged province stops after the unit registry.
$ sapnhap run data/plan-wrong-province.plan > out.txt; echo "[status $?]"; tail -n 2 out.txt; sqlite3 wrong.db "SELECT step || ' ' || target FROM journal ORDER BY id"
[status 3]
== 3/18 thay đổi đơn vị hành chính dongnai-2026: sapnhap units import samples/units/dongnai-2026.csv --event dongnai-2026 --kind changes --effective 2026-04-30
đã nhập sự kiện 'dongnai-2026' (changes, hiệu lực 2026-04-30) từ samples/units/dongnai-2026.csv [utf-8]: rows=5 links=5 old_communes=4 new_communes=4 new_provinces=1 padded_codes=0
units import reform-2025
units import pre-reform
units import dongnai-2026
! sapnhap: lỗi: data/plan-wrong-province.plan:26: theo danh mục đơn vị hành chính, tỉnh 70 trở thành 75, không phải 74 như mục [migration] ghi

# A failing step stops the run, named; the steps before it stay applied (a fixed plan resumes).
$ sapnhap run data/plan-bad-catalog.plan > out.txt; echo "[status $?]"; tail -n 1 out.txt; sqlite3 bad.db "SELECT step || ' ' || target FROM journal ORDER BY id"; test -e report || echo "no reports"
[status 3]
== 7/18 danh mục thủ tục của tỉnh 70: sapnhap catalog import data/cat-bad-code.csv --province 70
units import reform-2025
units import pre-reform
units import dongnai-2026
agencies import province 70
agencies import province 75
recode merged province
no reports
! sapnhap: lỗi: data/cat-bad-code.csv:2: mã TTHC quốc gia '1.1612' phải có dạng 1.001612
! sapnhap: lỗi: run: bước 7/18 (danh mục thủ tục của tỉnh 70) bị lỗi, mã thoát 3; các bước sau không được chạy

# The whole migration of the samples: exit 1, since the samples carry findings for the reviewer.
$ sapnhap run data/plan-samples.plan
run data/plan-samples.plan: tỉnh 75 từ 2 tỉnh cũ; cơ sở dữ liệu run.db; thư mục đầu ra report

== 1/18 thay đổi đơn vị hành chính reform-2025: sapnhap units import samples/units/conversion-2025.csv --event reform-2025
đã nhập sự kiện 'reform-2025' (conversion, hiệu lực 2025-07-01) từ samples/units/conversion-2025.csv [utf-8]: rows=43 links=39 old_communes=36 new_communes=25 new_provinces=4 padded_codes=2

== 2/18 thay đổi đơn vị hành chính pre-reform: sapnhap units import samples/units/pre-reform-list.csv --event pre-reform
đã nhập sự kiện 'pre-reform' (list, hiệu lực 2025-06-30) từ samples/units/pre-reform-list.csv [utf-8]: rows=37 communes=37

== 3/18 thay đổi đơn vị hành chính dongnai-2026: sapnhap units import samples/units/dongnai-2026.csv --event dongnai-2026 --kind changes --effective 2026-04-30
đã nhập sự kiện 'dongnai-2026' (changes, hiệu lực 2026-04-30) từ samples/units/dongnai-2026.csv [utf-8]: rows=5 links=5 old_communes=4 new_communes=4 new_provinces=1 padded_codes=0

== 4/18 danh mục cơ quan của tỉnh 70: sapnhap agencies import samples/agencies/binhphuoc.csv --province 70
đã nhập danh mục cơ quan của tỉnh 70 từ samples/agencies/binhphuoc.csv: agencies=67 nonconforming=1

== 5/18 danh mục cơ quan của tỉnh 75: sapnhap agencies import samples/agencies/dongnai.xml --province 75
đã nhập danh mục cơ quan của tỉnh 75 từ samples/agencies/dongnai.xml: agencies=62 nonconforming=0

== 6/18 mã định danh cơ quan của tỉnh mới: sapnhap recode --on 2025-07-01
đã cấp lại mã cho tỉnh 75 (giữ nguyên mã cấp 1 H19; chấm dứt H10, K10): kept=17 renumbered=33 merged=36 closed=43 new_commune_committees=21 codes=50 review=2

== 7/18 danh mục thủ tục của tỉnh 70: sapnhap catalog import samples/catalogs/binhphuoc.csv --province 70
đã nhập danh mục thủ tục của tỉnh 70 từ samples/catalogs/binhphuoc.csv: procedures=41 bindings=158

== 8/18 danh mục thủ tục của tỉnh 75: sapnhap catalog import samples/catalogs/dongnai.xml --province 75
đã nhập danh mục thủ tục của tỉnh 75 từ samples/catalogs/dongnai.xml: procedures=42 bindings=148

== 9/18 hồ sơ của tỉnh 70: sapnhap dossiers import samples/dossiers/binhphuoc.csv --province 70
đã nhập hồ sơ của tỉnh 70 từ samples/dossiers/binhphuoc.csv: dossiers=24

== 10/18 hồ sơ của tỉnh 75: sapnhap dossiers import samples/dossiers/dongnai.csv --province 75
đã nhập hồ sơ của tỉnh 75 từ samples/dossiers/dongnai.csv: dossiers=22

== 11/18 thẩm quyền, hồ sơ và danh mục thủ tục sau sáp nhập: sapnhap reassign --decisions samples/decisions.csv --hamlets samples/dossiers/hamlets.csv --on 2025-07-01
đã phân lại thẩm quyền danh mục thủ tục của tỉnh 75: procedures=56 bindings=592 dossiers_moved=40 dossiers_queued=1 bindings_queued=0 conflicts=0 default_rule=0

== 12/18 báo cáo kiểm tra: sapnhap validate --format text --limit 0 --signoff --lang vi --json report/validation.json
đã ghi report/validation.txt
đã ghi report/validation.json

== 13/18 so sánh trước/sau (html): sapnhap diff run.db:old run.db:merged --format html --out report/diff.html --lang vi

== 14/18 so sánh trước/sau (csv): sapnhap diff run.db:old run.db:merged --format csv --out report/diff.csv --lang vi --bom

== 15/18 xuất dữ liệu (csv): sapnhap export --format csv --out report/export-csv --bom
đã ghi report/export-csv/catalog.csv: procedures=56 bindings=592
đã ghi report/export-csv/agencies.csv: agencies=50
đã ghi report/export-csv/crosswalk.csv: codes=129
đã ghi report/export-csv/review.csv: items=3 open=3

== 16/18 xuất dữ liệu (xml): sapnhap export --format xml --out report/export-xml
đã ghi report/export-xml/catalog.xml: procedures=56 bindings=592
đã ghi report/export-xml/agencies.xml: agencies=50
đã ghi report/export-xml/crosswalk.xml: codes=129
đã ghi report/export-xml/review.xml: items=3 open=3

== 17/18 báo cáo ký duyệt (html): sapnhap report --format html --out report/report.html --lang vi --validation report/validation.json
đã ghi report/report.html

== 18/18 báo cáo ký duyệt (xlsx): sapnhap report --format xlsx --out report/report.xlsx --lang vi --validation report/validation.json
đã ghi report/report.xlsx

hoàn tất chuyển đổi tỉnh 75, có phát hiện cần xem xét.
  báo cáo kiểm tra:    report/validation.txt
  báo cáo ký duyệt:    report/report.{html,xlsx} (in ra để ký; trang tính 'Cần quyết định' của sổ tính được đọc lại bằng 'reassign --decisions')
  so sánh trước/sau:   report/diff.html (mở bằng trình duyệt), report/diff.csv
  tệp xuất:            report/export-{csv,xml}/
! sapnhap: đã ghi report/diff.html: 910 khác biệt
! sapnhap: đã ghi report/diff.csv: 910 khác biệt
[exit 1]
$ ls report report/export-csv report/export-xml
report:
diff.csv
diff.html
export-csv
export-xml
report.html
report.xlsx
validation.json
validation.txt

report/export-csv:
agencies.csv
catalog.csv
crosswalk.csv
review.csv

report/export-xml:
agencies.xml
catalog.xml
crosswalk.xml
review.xml
$ grep -E '^(error|warning) ' report/validation.txt | awk '$3 > 0'
error    online-not-received            5  thủ tục cung cấp trực tuyến hoặc trên Cổng Dịch vụ công quốc gia nhưng không có trong danh mục sau sáp nhập hoặc không cơ quan nào tiếp nhận trực tuyến ("TTHC không tồn tại hoặc đơn vị chưa đăng ký tiếp nhận online")
warning  online-not-everywhere          9  thủ tục cung cấp trực tuyến nhưng một số cơ quan thực hiện không tiếp nhận trực tuyến
error    commune-procedure-unbound     12  thủ tục cấp xã chưa được giao cho mọi UBND xã (việc nộp hồ sơ không được phụ thuộc vào địa giới trong tỉnh)
warning  email-invalid                  2  địa chỉ thư điện tử không có dạng local@domain.tld
warning  review-open                    3  mục cần xem xét đang mở, cần người quyết định (khác biệt giữa các danh mục: xem catalog-conflict)
$ grep -E "^[0-9]+ lỗi" report/validation.txt; head -n 4 report/validation.txt; grep -c "____" report/validation.txt; grep -F -A1 "1.001266 " report/validation.txt
17 lỗi ở 2 quy tắc, 14 cảnh báo ở 3 quy tắc, 21 thông tin ở 1 quy tắc: không đạt
BÁO CÁO KIỂM TRA (VALIDATION REPORT)
Tỉnh sau sắp xếp: Tỉnh Đồng Nai (75)
Từ các tỉnh: Tỉnh Bình Phước (70), Tỉnh Đồng Nai (75)
Ngày hiệu lực: 2025-07-01
9
    1.001266       Chấm dứt hoạt động hộ kinh doanh
                   trực tuyến một phần: không cơ quan nào trong 21 cơ quan thực hiện còn hiệu lực tiếp nhận trực tuyến (000.01.60.H19, 000.02.60.H19, 000.03.60.H19, ...)
$ for f in catalog agencies crosswalk review; do xmllint --noout --schema schema/$f.xsd report/export-xml/$f.xml 2>&1; done
report/export-xml/catalog.xml validates
report/export-xml/agencies.xml validates
report/export-xml/crosswalk.xml validates
report/export-xml/review.xml validates
$ head -n 3 report/diff.csv
﻿Đối tượng (entity),Loại thay đổi (kind),Mã (key),Tên (name),Trường (field),Trước (before),Sau (after),Giá trị quyết định (decision),Lý do (reason)
thủ tục,thay đổi,1.000656,Thủ tục đăng ký khai tử,Mã TTHC địa phương,70: 1.000656.000.00.00.H10 | 75: 1.000656.000.00.00.H19,1.000656.000.00.00.H19,,
thủ tục,thay đổi,1.000894,Thủ tục đăng ký kết hôn,Mã TTHC địa phương,70: 1.000894.000.00.00.H10 | 75: 1.000894.000.00.00.H19,1.000894.000.00.00.H19,,
$ grep -o '<meta charset="utf-8">' report/diff.html
<meta charset="utf-8">

# The same plan again: every step already applied, the same reports byte for byte.
$ cp -r report report.1 && sapnhap run data/plan-samples.plan > /dev/null 2> err.txt; echo "[status $?]"; grep -c 'already applied' err.txt; diff -r report.1 report && echo identical
[status 1]
0
identical

# Only the reports the plan asks for: at national scale the HTML page is too large to open.
$ sed -e 's#\.\./samples#samples#' -e 's#\.\./run\.db#small.db#' -e 's#\.\./report#report-small#' -e 's/^diff = .*/diff = csv/' -e 's/^export = .*/export = none/' data/plan-samples.plan > small.plan && sapnhap run small.plan | tail -n 3; ls report-small
  báo cáo kiểm tra:    report-small/validation.txt
  báo cáo ký duyệt:    report-small/report.{html,xlsx} (in ra để ký; trang tính 'Cần quyết định' của sổ tính được đọc lại bằng 'reassign --decisions')
  so sánh trước/sau:   report-small/diff.csv
diff.csv
report.html
report.xlsx
validation.json
validation.txt
! sapnhap: đã ghi report-small/diff.csv: 910 khác biệt
