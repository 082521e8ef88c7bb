# Findings on the authored samples.
$ sapnhap units import samples/units/conversion-2025.csv >/dev/null && sapnhap units import samples/units/pre-reform-list.csv >/dev/null
$ sapnhap units check
cảnh báo not-converted            25261 'Xã Phú Trung' (samples/units/pre-reform-list.csv:20) không có trong bảng chuyển đổi nào
cảnh báo code-width               00004 viết thiếu các chữ số 0 ở đầu trong 2 dòng, dòng đầu tiên: samples/units/conversion-2025.csv:4
thông tin name-spelling            00112 ở đây là 'Phường Thụy Khuê', trong danh mục trước sắp xếp là 'Phường Thuỵ Khuê'
thông tin split-without-population 26449 Xã Xuân Tâm -> 26359, 26446

quy tắc                   mức độ    số lượng
whole-into-two            lỗi       0
new-without-source        lỗi       0
whole-and-part            cảnh báo  0
old-name-conflict         cảnh báo  0
unknown-old-code          cảnh báo  0
not-converted             cảnh báo  1
name-differs              cảnh báo  0
parent-mismatch           cảnh báo  0
new-name-typo             cảnh báo  0
erratum-not-applied       cảnh báo  0
code-width                cảnh báo  1
name-spelling             thông tin 1
corrected                 thông tin 0
split-without-population  thông tin 1
0 lỗi, 2 cảnh báo, 2 thông tin
$ sapnhap units check --format csv --severity warning
severity,rule,code,detail
warning,not-converted,25261,'Xã Phú Trung' (samples/units/pre-reform-list.csv:20) is in no conversion table
warning,code-width,00004,"written without leading zeros in 2 row(s), first samples/units/conversion-2025.csv:4"
$ sapnhap units check --format json --rule name-spelling
{"findings": [
  {"severity": "info", "rule": "name-spelling", "code": "00112", "detail": "'Phường Thụy Khuê' here, 'Phường Thuỵ Khuê' in the pre-reform list"}
], "counts": {"name-spelling": 1}, "errors": 0, "warnings": 0, "info": 1}

# An old code listed as wholly merged into two new communes is an error: exit 1. (Imported as
# published: the built-in errata would correct this very cell.)
$ sapnhap --db typo.db units import data/typo-code.csv --as-published >/dev/null; sapnhap --db typo.db units check --severity error
lỗi     whole-into-two           01615 được ghi là sáp nhập toàn bộ vào 2 xã mới: 01636 Xã Bế Văn Đàn (ghi là 'Xã Hồng Quang', data/typo-code.csv:3); 01648 Xã Phục Hòa (ghi là 'Xã Mỹ Hưng', data/typo-code.csv:4)

quy tắc                   mức độ    số lượng
whole-into-two            lỗi       1
new-without-source        lỗi       0
1 lỗi, 0 cảnh báo, 0 thông tin
! sapnhap: số đính chính không áp dụng (--as-published): 1; lệnh 'sapnhap units check --rule erratum-not-applied' liệt kê các đính chính này
[exit 1]

# By default the built-in errata correct it (Xã Mỹ Hưng is 01651): one line on stderr, and the
# finding 'corrected' (published -> applied).
$ sapnhap --db fixed.db units import data/typo-code.csv
đã nhập sự kiện 'reform-2025' (conversion, hiệu lực 2025-07-01) từ data/typo-code.csv [utf-8]: rows=2 links=2 old_communes=2 new_communes=2 new_provinces=1 padded_codes=0 corrected=1
! sapnhap: data/typo-code.csv:4: đã sửa old_code '01615' -> '01651' (đính chính (built-in errata-2025):10)
$ sapnhap --db fixed.db units check --rule corrected --format csv
severity,rule,code,detail
info,corrected,01615,"old_code '01615' -> '01651' at data/typo-code.csv:4, erratum (built-in errata-2025):10"
$ sapnhap --db typo.db units check --rule erratum-not-applied --format csv
severity,rule,code,detail
warning,erratum-not-applied,01615,"old_code '01615' -> '01651' not applied, erratum (built-in errata-2025):10: imported --as-published; data/typo-code.csv:4 holds the published value"
$ sapnhap units check --rule nope
! sapnhap: lỗi: --rule phải là một trong các giá trị whole-into-two, new-without-source, whole-and-part, old-name-conflict, unknown-old-code, not-converted, name-differs, parent-mismatch, new-name-typo, erratum-not-applied, code-width, name-spelling, corrected, split-without-population, không phải 'nope'
! xem hướng dẫn: 'sapnhap units check --help'
[exit 2]
