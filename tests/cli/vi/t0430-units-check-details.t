# The detail of each finding of units check: one sentence, in the language of messages in the text
# report (tests/cli/vi has them in Vietnamese), in English in CSV and JSON, which programs read.
# The errata's table imported as published: an old commune wholly merged into two, named twice,
# province cells against the other rows of their district, a type word without its diacritics,
# errata not applied (imported --as-published, a cell holding another value, a row missing).
$ sapnhap --db pub.db units import data/errata-table.csv --errata data/errata-fixture.csv --as-published >/dev/null 2>&1; sapnhap --db pub.db units check
lỗi     whole-into-two           25216 được ghi là sáp nhập toàn bộ vào 2 xã mới: 25225 Xã Đồng Phú (ghi là 'Xã Tân Lập', data/errata-table.csv:8); 25228 Xã Thuận Lợi (ghi là 'Xã Tân Hưng', data/errata-table.csv:9)
cảnh báo old-name-conflict        25216 mang các tên 'Xã Tân Lập','Xã Tân Hưng'
cảnh báo parent-mismatch          25198 'Phường Tân Đồng' (data/errata-table.csv:5): ô tỉnh ghi 75, nhưng 4 trong 5 dòng của huyện 689 ghi 70
cảnh báo parent-mismatch          25231 'Xã Đồng Tâm' (data/errata-table.csv:11): ô tỉnh ghi 71, nhưng 3 trong 4 dòng của huyện 691 ghi 70
cảnh báo new-name-typo            25210 'Xa Đồng Xoài': từ chỉ loại đơn vị viết không dấu (data/errata-table.csv:6)
cảnh báo erratum-not-applied      25198 old_province 'Tỉnh Đồng Nai (75)' -> 'Tỉnh Bình Phước (70)' chưa được áp dụng, đính chính data/errata-fixture.csv:4: đã nhập với --as-published; data/errata-table.csv:5 giữ giá trị đã công bố
cảnh báo erratum-not-applied      25210 new_name 'Xa Đồng Xoài' -> 'Xã Đồng Xoài' chưa được áp dụng, đính chính data/errata-fixture.csv:5: đã nhập với --as-published; data/errata-table.csv:6 giữ giá trị đã công bố
cảnh báo erratum-not-applied      25210 new_name 'Xa Đồng Xoài' -> 'Xã Đồng Xoài' chưa được áp dụng, đính chính data/errata-fixture.csv:6: đã nhập với --as-published; data/errata-table.csv:7 giữ giá trị đã công bố
cảnh báo erratum-not-applied      25216 old_code '25216' -> '25219' chưa được áp dụng, đính chính data/errata-fixture.csv:3: đã nhập với --as-published; data/errata-table.csv:9 giữ giá trị đã công bố
cảnh báo erratum-not-applied      25231 new_name 'Xã Đồng Tam' -> 'Xã Đồng Tâm' chưa được áp dụng, đính chính data/errata-fixture.csv:8: không dòng nào của xã mới 25231 có xã cũ 25234 'Xã Tân Phước'
cảnh báo erratum-not-applied      25231 old_province 'Tỉnh Bình Phước (72)' -> 'Tỉnh Bình Phước (70)' chưa được áp dụng, đính chính data/errata-fixture.csv:7: data/errata-table.csv:11 có giá trị 'Tỉnh Bình Phước (71)'

quy tắc                   mức độ    số lượng
whole-into-two            lỗi       1
new-without-source        lỗi       0
whole-and-part            cảnh báo  0
old-name-conflict         cảnh báo  1
unknown-old-code          cảnh báo  0
not-converted             cảnh báo  0
name-differs              cảnh báo  0
parent-mismatch           cảnh báo  2
new-name-typo             cảnh báo  1
erratum-not-applied       cảnh báo  6
code-width                cảnh báo  0
name-spelling             thông tin 0
corrected                 thông tin 0
split-without-population  thông tin 0
1 lỗi, 10 cảnh báo, 0 thông tin
[exit 1]

# With the pre-reform list: a province cell against the list.
$ sapnhap --db pub.db units import data/errata-list.csv >/dev/null && sapnhap --db pub.db units check --rule parent-mismatch
cảnh báo parent-mismatch          25198 'Phường Tân Đồng' (data/errata-table.csv:5): ô tỉnh ghi 'Tỉnh Đồng Nai (75)', nhưng theo danh mục trước sắp xếp huyện 689 thuộc 70 Tỉnh Bình Phước
cảnh báo parent-mismatch          25231 'Xã Đồng Tâm' (data/errata-table.csv:11): ô tỉnh ghi 'Tỉnh Bình Phước (71)', nhưng theo danh mục trước sắp xếp huyện 691 thuộc 70 Tỉnh Bình Phước

quy tắc                   mức độ    số lượng
parent-mismatch           cảnh báo  2
0 lỗi, 2 cảnh báo, 0 thông tin

# A table written for these findings (data/check-details.csv), with the list: an old commune both
# wholly and partly merged, an old code and an old name the list does not have, a district cell
# against the list, a new name without a unit type, communes of the list no table converts.
$ sapnhap --db c.db units import data/check-details.csv >/dev/null && sapnhap --db c.db units import data/errata-list.csv >/dev/null && sapnhap --db c.db units check --severity warning
cảnh báo whole-and-part           25213 Xã Tiến Hưng: toàn bộ vào 25195; một phần vào 25210
cảnh báo unknown-old-code         25999 'Xã Không Có' (data/check-details.csv:8) không có trong danh mục trước sắp xếp
cảnh báo not-converted            25210 'Xã Tân Thành' (data/errata-list.csv:5) không có trong bảng chuyển đổi nào
cảnh báo not-converted            25216 'Xã Tân Lập' (data/errata-list.csv:7) không có trong bảng chuyển đổi nào
cảnh báo not-converted            25219 'Xã Tân Hưng' (data/errata-list.csv:8) không có trong bảng chuyển đổi nào
cảnh báo not-converted            25228 'Xã Thuận Lợi' (data/errata-list.csv:9) không có trong bảng chuyển đổi nào
cảnh báo not-converted            25231 'Xã Đồng Tâm' (data/errata-list.csv:10) không có trong bảng chuyển đổi nào
cảnh báo not-converted            25234 'Xã Tân Phước' (data/errata-list.csv:11) không có trong bảng chuyển đổi nào
cảnh báo name-differs             25201 ở đây là 'Phường Tân Bình Mới', trong danh mục trước sắp xếp là 'Phường Tân Bình'
cảnh báo parent-mismatch          25198 'Phường Tân Đồng' (data/check-details.csv:7): ô huyện ghi 691, nhưng theo danh mục trước sắp xếp xã này thuộc 689
cảnh báo new-name-typo            25210 'Ea Kly': không có loại đơn vị (data/check-details.csv:5)

quy tắc                   mức độ    số lượng
whole-into-two            lỗi       0
new-without-source        lỗi       0
whole-and-part            cảnh báo  1
old-name-conflict         cảnh báo  0
unknown-old-code          cảnh báo  1
not-converted             cảnh báo  6
name-differs              cảnh báo  1
parent-mismatch           cảnh báo  1
new-name-typo             cảnh báo  1
erratum-not-applied       cảnh báo  0
code-width                cảnh báo  0
0 lỗi, 11 cảnh báo, 0 thông tin

# A new commune that no old one flows into (its rows removed).
$ cp c.db n.db && sqlite3 n.db "DELETE FROM link WHERE new_code = '25210'" && sapnhap --db n.db units check --rule new-without-source
lỗi     new-without-source       25210 Ea Kly được lập theo sự kiện 'reform-2025' nhưng không có đơn vị cũ nào

quy tắc                   mức độ    số lượng
new-without-source        lỗi       1
1 lỗi, 0 cảnh báo, 0 thông tin
[exit 1]

# CSV and JSON keep the details in English whatever the language.
$ sapnhap --db c.db units check --format csv --rule whole-and-part
severity,rule,code,detail
warning,whole-and-part,25213,Xã Tiến Hưng: whole into 25195; part into 25210
$ sapnhap --db c.db units check --format json --rule new-name-typo
{"findings": [
  {"severity": "warning", "rule": "new-name-typo", "code": "25210", "detail": "'Ea Kly': no unit type (data/check-details.csv:5)"}
], "counts": {"new-name-typo": 1}, "errors": 0, "warnings": 1, "info": 0}
