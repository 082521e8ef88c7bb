# sapnhap run PLAN: the whole migration of the samples from one plan file, its outputs, a re-run,
# and broken plans failing cleanly. First broken plans: nothing runs, no database is created.
$ sapnhap run data/plan-typo.plan; echo "[status $?]"; test -e run.db || echo "no database"
[status 3]
no database
! sapnhap: error: data/plan-typo.plan:9: unknown key 'date' in [migration] (province, database, output, on, survivor, export, diff, report, lang, bom)
$ sapnhap run data/plan-missing-file.plan; echo "[status $?]"; test -e run.db || echo "no database"
[status 3]
no database
! sapnhap: error: data/plan-missing-file.plan:34: dossiers: cannot read 'samples/dossiers/dong-nai.csv': No such file or directory
$ sapnhap run data/no-such.plan
! sapnhap: error: cannot open 'data/no-such.plan': No such file or directory
[exit 4]
$ sapnhap run
! sapnhap: error: expected one PLAN file
! try 'sapnhap run --help'
[exit 2]
$ sapnhap run data/plan-samples.plan --dry-run
! sapnhap: error: unknown option '--dry-run'
! try 'sapnhap run --help'
[exit 2]

# A plan whose old provinces do not become its merged province stops after the unit registry.
$ sapnhap run data/plan-wrong-province.plan > out.txt; echo "[status $?]"; tail -n 2 out.txt; sqlite3 wrong.db "SELECT step || ' ' || target FROM journal ORDER BY id"
[status 3]
== 3/18 unit event dongnai-2026: sapnhap units import samples/units/dongnai-2026.csv --event dongnai-2026 --kind changes --effective 2026-04-30
imported event 'dongnai-2026' (changes, effective 2026-04-30) from samples/units/dongnai-2026.csv [utf-8]: rows=5 links=5 old_communes=4 new_communes=4 new_provinces=1 padded_codes=0
units import reform-2025
units import pre-reform
units import dongnai-2026
! sapnhap: error: data/plan-wrong-province.plan:26: province 70 becomes 75 by the unit registry, not 74 as [migration] says

# A failing step stops the run, named; the steps before it stay applied (a fixed plan resumes).
$ sapnhap run data/plan-bad-catalog.plan > out.txt; echo "[status $?]"; tail -n 1 out.txt; sqlite3 bad.db "SELECT step || ' ' || target FROM journal ORDER BY id"; test -e report || echo "no reports"
[status 3]
== 7/18 catalog of province 70: sapnhap catalog import data/cat-bad-code.csv --province 70
units import reform-2025
units import pre-reform
units import dongnai-2026
agencies import province 70
agencies import province 75
recode merged province
no reports
! sapnhap: error: data/cat-bad-code.csv:2: national code '1.1612' must look like 1.001612
! sapnhap: error: run: step 7/18 (catalog of province 70) failed with exit status 3; later steps were not run

# The whole migration of the samples: exit 1, since the samples carry findings for the reviewer.
$ sapnhap run data/plan-samples.plan
run data/plan-samples.plan: province 75 from 2 old province(s); database run.db; output report

== 1/18 unit event reform-2025: sapnhap units import samples/units/conversion-2025.csv --event reform-2025
imported event 'reform-2025' (conversion, effective 2025-07-01) from samples/units/conversion-2025.csv [utf-8]: rows=43 links=39 old_communes=36 new_communes=25 new_provinces=4 padded_codes=2

== 2/18 unit event pre-reform: sapnhap units import samples/units/pre-reform-list.csv --event pre-reform
imported event 'pre-reform' (list, effective 2025-06-30) from samples/units/pre-reform-list.csv [utf-8]: rows=37 communes=37

== 3/18 unit event dongnai-2026: sapnhap units import samples/units/dongnai-2026.csv --event dongnai-2026 --kind changes --effective 2026-04-30
imported event 'dongnai-2026' (changes, effective 2026-04-30) from samples/units/dongnai-2026.csv [utf-8]: rows=5 links=5 old_communes=4 new_communes=4 new_provinces=1 padded_codes=0

== 4/18 agency registry of province 70: sapnhap agencies import samples/agencies/binhphuoc.csv --province 70
imported agency registry of province 70 from samples/agencies/binhphuoc.csv: agencies=67 nonconforming=1

== 5/18 agency registry of province 75: sapnhap agencies import samples/agencies/dongnai.xml --province 75
imported agency registry of province 75 from samples/agencies/dongnai.xml: agencies=62 nonconforming=0

== 6/18 agency codes of the merged province: sapnhap recode --on 2025-07-01
recoded province 75 (level-1 H19 kept; closed H10, K10): kept=17 renumbered=33 merged=36 closed=43 new_commune_committees=21 codes=50 review=2

== 7/18 catalog of province 70: sapnhap catalog import samples/catalogs/binhphuoc.csv --province 70
imported catalog of province 70 from samples/catalogs/binhphuoc.csv: procedures=41 bindings=158

== 8/18 catalog of province 75: sapnhap catalog import samples/catalogs/dongnai.xml --province 75
imported catalog of province 75 from samples/catalogs/dongnai.xml: procedures=42 bindings=148

== 9/18 dossiers of province 70: sapnhap dossiers import samples/dossiers/binhphuoc.csv --province 70
imported dossiers of province 70 from samples/dossiers/binhphuoc.csv: dossiers=24

== 10/18 dossiers of province 75: sapnhap dossiers import samples/dossiers/dongnai.csv --province 75
imported dossiers of province 75 from samples/dossiers/dongnai.csv: dossiers=22

== 11/18 jurisdiction, dossiers and the merged catalog: sapnhap reassign --decisions samples/decisions.csv --hamlets samples/dossiers/hamlets.csv --on 2025-07-01
reassigned catalog of province 75: procedures=56 bindings=592 dossiers_moved=40 dossiers_queued=1 bindings_queued=0 conflicts=0 default_rule=0

== 12/18 validation report: sapnhap validate --format text --limit 0 --signoff --lang vi --json report/validation.json
wrote report/validation.txt
wrote report/validation.json

== 13/18 before/after diff (html): sapnhap diff run.db:old run.db:merged --format html --out report/diff.html --lang vi

== 14/18 before/after diff (csv): sapnhap diff run.db:old run.db:merged --format csv --out report/diff.csv --lang vi --bom

== 15/18 export (csv): sapnhap export --format csv --out report/export-csv --bom
wrote report/export-csv/catalog.csv: procedures=56 bindings=592
wrote report/export-csv/agencies.csv: agencies=50
wrote report/export-csv/crosswalk.csv: codes=129
wrote report/export-csv/review.csv: items=3 open=3

== 16/18 export (xml): sapnhap export --format xml --out report/export-xml
wrote report/export-xml/catalog.xml: procedures=56 bindings=592
wrote report/export-xml/agencies.xml: agencies=50
wrote report/export-xml/crosswalk.xml: codes=129
wrote report/export-xml/review.xml: items=3 open=3

== 17/18 sign-off report (html): sapnhap report --format html --out report/report.html --lang vi --validation report/validation.json
wrote report/report.html

== 18/18 sign-off report (xlsx): sapnhap report --format xlsx --out report/report.xlsx --lang vi --validation report/validation.json
wrote report/report.xlsx

migration of province 75 complete, with findings to review.
  validation report: report/validation.txt
  sign-off report:   report/report.{html,xlsx} (print it to sign; the workbook's sheet 'Cần quyết định' is read back by 'reassign --decisions')
  before/after diff: report/diff.html (open in a browser), report/diff.csv
  exports:           report/export-{csv,xml}/
! sapnhap: wrote report/diff.html: 910 difference(s)
! sapnhap: wrote report/diff.csv: 910 difference(s)
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
11
identical

# Only the reports the plan asks for: at national scale the HTML page is too large to open.
$ sed -e 's#\.\./samples#samples#' -e 's#\.\./run\.db#small.db#' -e 's#\.\./report#report-small#' -e 's/^diff = .*/diff = csv/' -e 's/^export = .*/export = none/' data/plan-samples.plan > small.plan && sapnhap run small.plan | tail -n 3; ls report-small
  validation report: report-small/validation.txt
  sign-off report:   report-small/report.{html,xlsx} (print it to sign; the workbook's sheet 'Cần quyết định' is read back by 'reassign --decisions')
  before/after diff: report-small/diff.csv
diff.csv
report.html
report.xlsx
validation.json
validation.txt
! sapnhap: wrote report-small/diff.csv: 910 difference(s)
