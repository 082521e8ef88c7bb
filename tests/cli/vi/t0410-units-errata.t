# The errata of a conversion table: --errata FILE names them (the built-in ones,
# mappings/errata-2025.csv, are written for the official table). Each correction is a line on
# stderr; an erratum whose cell does not hold the published value is not applied; one whose new
# commune is in the table but whose row is not is reported; one for a new commune the table does
# not have does not concern it.
$ sapnhap units import data/errata-table.csv --errata data/errata-fixture.csv
đã nhập sự kiện 'reform-2025' (conversion, hiệu lực 2025-07-01) từ data/errata-table.csv [utf-8]: rows=9 links=9 old_communes=9 new_communes=5 new_provinces=1 padded_codes=0 corrected=4 not_applied=2
! sapnhap: data/errata-table.csv:5: đã sửa old_province 'Tỉnh Đồng Nai (75)' -> 'Tỉnh Bình Phước (70)' (đính chính data/errata-fixture.csv:4)
! sapnhap: data/errata-table.csv:6: đã sửa new_name 'Xa Đồng Xoài' -> 'Xã Đồng Xoài' (đính chính data/errata-fixture.csv:5)
! sapnhap: data/errata-table.csv:7: đã sửa new_name 'Xa Đồng Xoài' -> 'Xã Đồng Xoài' (đính chính data/errata-fixture.csv:6)
! sapnhap: data/errata-table.csv:9: đã sửa old_code '25216' -> '25219' (đính chính data/errata-fixture.csv:3)
! sapnhap: cảnh báo: data/errata-table.csv:11: không áp dụng đính chính data/errata-fixture.csv:7: ô chứa 'Tỉnh Bình Phước (71)', không phải giá trị đã công bố 'Tỉnh Bình Phước (72)'
! sapnhap: cảnh báo: không áp dụng đính chính data/errata-fixture.csv:8: không có dòng nào của xã mới 25231 có xã cũ 25234 'Xã Tân Phước'
$ sapnhap units check --rule corrected
thông tin corrected                25198 old_province 'Tỉnh Đồng Nai (75)' -> 'Tỉnh Bình Phước (70)' tại data/errata-table.csv:5, đính chính data/errata-fixture.csv:4
thông tin corrected                25210 new_name 'Xa Đồng Xoài' -> 'Xã Đồng Xoài' tại data/errata-table.csv:6, đính chính data/errata-fixture.csv:5
thông tin corrected                25210 new_name 'Xa Đồng Xoài' -> 'Xã Đồng Xoài' tại data/errata-table.csv:7, đính chính data/errata-fixture.csv:6
thông tin corrected                25216 old_code '25216' -> '25219' tại data/errata-table.csv:9, đính chính data/errata-fixture.csv:3

quy tắc                   mức độ    số lượng
corrected                 thông tin 4
0 lỗi, 0 cảnh báo, 4 thông tin
$ sapnhap units check --rule erratum-not-applied --format csv
severity,rule,code,detail
warning,erratum-not-applied,25231,"new_name 'Xã Đồng Tam' -> 'Xã Đồng Tâm' not applied, erratum data/errata-fixture.csv:8: no row of new commune 25231 has old commune 25234 'Xã Tân Phước'"
warning,erratum-not-applied,25231,"old_province 'Tỉnh Bình Phước (72)' -> 'Tỉnh Bình Phước (70)' not applied, erratum data/errata-fixture.csv:7: data/errata-table.csv:11 holds 'Tỉnh Bình Phước (71)'"

# The corrected code maps to its real successor; the typo code keeps only its own row.
$ sapnhap units map 25219 --on 2025-07-01
25219 Xã Tân Hưng -> 25228 Xã Thuận Lợi (whole)
$ sapnhap units map 25216 --on 2025-07-01
25216 Xã Tân Lập -> 25225 Xã Đồng Phú (whole)
$ sapnhap units map 'Xã Đồng Xoài' --on 2025-07-01 --format csv; sapnhap units map 25201 --on 2025-07-01
old_code,old_name,new_code,new_name,share
25210,Xã Tân Thành,25210,Xã Đồng Xoài,whole
25201 Phường Tân Bình -> 25210 Xã Đồng Xoài (whole)

# With the pre-reform list: the province cell the erratum did not correct disagrees with the
# list; a commune the table never converts has no successor (exit 1), but was in force before.
$ sapnhap units import data/errata-list.csv >/dev/null
$ sapnhap units check --rule parent-mismatch --format csv
severity,rule,code,detail
warning,parent-mismatch,25231,"'Xã Đồng Tâm' (data/errata-table.csv:11): province cell 'Tỉnh Bình Phước (71)', but district 691 is in 70 Tỉnh Bình Phước in the pre-reform list"
$ sapnhap units check --rule not-converted --format csv
severity,rule,code,detail
warning,not-converted,25234,'Xã Tân Phước' (data/errata-list.csv:11) is in no conversion table
$ sapnhap units map 25234 --on 2025-07-01
! sapnhap: lỗi: xã 25234 Xã Tân Phước không được chuyển đổi trong bảng chuyển đổi 'reform-2025' (hiệu lực 2025-07-01): không rõ xã này đã trở thành đơn vị nào ('units check' liệt kê xã này theo quy tắc not-converted)
[exit 1]
$ sapnhap units map 25234 --on 2025-06-30
25234 Xã Tân Phước -> 25234 Xã Tân Phước (whole)
$ sapnhap units map 691 --on 2025-07-01 --format csv
old_code,old_name,new_code,new_name,share
25216,Xã Tân Lập,25225,Xã Đồng Phú,whole
25219,Xã Tân Hưng,25228,Xã Thuận Lợi,whole
25228,Xã Thuận Lợi,25228,Xã Thuận Lợi,whole
25231,Xã Đồng Tâm,25231,Xã Đồng Tâm,whole
! sapnhap: lỗi: xã 25234 Xã Tân Phước không được chuyển đổi trong bảng chuyển đổi 'reform-2025' (hiệu lực 2025-07-01): không rõ xã này đã trở thành đơn vị nào ('units check' liệt kê xã này theo quy tắc not-converted)
[exit 1]

# Changed errata are a changed input: refused unless --force.
$ sapnhap units import data/errata-table.csv --errata data/errata-fixture-v2.csv
! sapnhap: lỗi: units import reform-2025: đã áp dụng ngày 2026-11-20T12:00:00Z với đầu vào khác; dùng --force để thay thế
[exit 3]
$ sapnhap units import data/errata-table.csv --errata data/errata-fixture-v2.csv --force 2>/dev/null
đã nhập lại sự kiện 'reform-2025' (conversion, hiệu lực 2025-07-01) từ data/errata-table.csv [utf-8]: rows=9 links=9 old_communes=9 new_communes=5 new_provinces=1 padded_codes=0 corrected=4 not_applied=2

# As published: nothing corrected; the published errors show in units check (whole-into-two, the
# province cell against the other rows of its district, the type word without diacritics).
$ sapnhap --db pub.db units import data/errata-table.csv --errata data/errata-fixture.csv --as-published 2>&1
sapnhap: cảnh báo: data/errata-table.csv:11: không áp dụng đính chính data/errata-fixture.csv:7: ô chứa 'Tỉnh Bình Phước (71)', không phải giá trị đã công bố 'Tỉnh Bình Phước (72)'
sapnhap: cảnh báo: không áp dụng đính chính data/errata-fixture.csv:8: không có dòng nào của xã mới 25231 có xã cũ 25234 'Xã Tân Phước'
sapnhap: số đính chính không áp dụng (--as-published): 6; lệnh 'sapnhap units check --rule erratum-not-applied' liệt kê các đính chính này
đã nhập sự kiện 'reform-2025' (conversion, hiệu lực 2025-07-01) từ data/errata-table.csv [utf-8]: rows=9 links=9 old_communes=8 new_communes=5 new_provinces=1 padded_codes=0 corrected=0 not_applied=6
$ sapnhap --db pub.db units check --severity warning --format csv
severity,rule,code,detail
error,whole-into-two,25216,"listed as wholly merged into 2 new communes: 25225 Xã Đồng Phú (as 'Xã Tân Lập', data/errata-table.csv:8); 25228 Xã Thuận Lợi (as 'Xã Tân Hưng', data/errata-table.csv:9)"
warning,old-name-conflict,25216,"named 'Xã Tân Lập','Xã Tân Hưng'"
warning,parent-mismatch,25198,"'Phường Tân Đồng' (data/errata-table.csv:5): province cell 75, but 4 of the 5 rows of district 689 give 70"
warning,parent-mismatch,25231,"'Xã Đồng Tâm' (data/errata-table.csv:11): province cell 71, but 3 of the 4 rows of district 691 give 70"
warning,new-name-typo,25210,'Xa Đồng Xoài': type word without its diacritics (data/errata-table.csv:6)
warning,erratum-not-applied,25198,"old_province 'Tỉnh Đồng Nai (75)' -> 'Tỉnh Bình Phước (70)' not applied, erratum data/errata-fixture.csv:4: imported --as-published; data/errata-table.csv:5 holds the published value"
warning,erratum-not-applied,25210,"new_name 'Xa Đồng Xoài' -> 'Xã Đồng Xoài' not applied, erratum data/errata-fixture.csv:5: imported --as-published; data/errata-table.csv:6 holds the published value"
warning,erratum-not-applied,25210,"new_name 'Xa Đồng Xoài' -> 'Xã Đồng Xoài' not applied, erratum data/errata-fixture.csv:6: imported --as-published; data/errata-table.csv:7 holds the published value"
warning,erratum-not-applied,25216,"old_code '25216' -> '25219' not applied, erratum data/errata-fixture.csv:3: imported --as-published; data/errata-table.csv:9 holds the published value"
warning,erratum-not-applied,25231,"new_name 'Xã Đồng Tam' -> 'Xã Đồng Tâm' not applied, erratum data/errata-fixture.csv:8: no row of new commune 25231 has old commune 25234 'Xã Tân Phước'"
warning,erratum-not-applied,25231,"old_province 'Tỉnh Bình Phước (72)' -> 'Tỉnh Bình Phước (70)' not applied, erratum data/errata-fixture.csv:7: data/errata-table.csv:11 holds 'Tỉnh Bình Phước (71)'"
[exit 1]

# A bad errata file stops the import with its line; nothing is written.
$ sapnhap --db bad.db units import data/errata-table.csv --errata data/errata-bad.csv || echo "exit $?"; test -e bad.db || echo "no database written"
exit 3
no database written
! sapnhap: lỗi: data/errata-bad.csv:3: cột 'old_parent' không xác định (new_province, new_name, new_code, old_name, old_code, note, old_district, old_province)
$ sapnhap --db bad.db units import samples/units/pre-reform-list.csv --errata data/errata-fixture.csv
! sapnhap: lỗi: --errata và --as-published chỉ áp dụng cho bảng chuyển đổi
! xem hướng dẫn: 'sapnhap units import --help'
[exit 2]
