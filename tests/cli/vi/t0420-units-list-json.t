# A published list of the units in force (JSON: provinces with their communes) is a change
# event: sapnhap derives it from the units in force the day before. Tone placement and case
# ('Xã Xuân Hòa' -> 'Xã Xuân Hoà', 'xã Thanh Sơn') are not changes; a new type is.
$ sapnhap units import samples/units/conversion-2025.csv >/dev/null
$ cp sapnhap.db handwritten.db
$ sapnhap units import data/list-2026.json --event dongnai-2026 --effective 2026-04-30
đã nhập sự kiện 'dongnai-2026' (thay đổi suy ra từ danh sách, hiệu lực 2026-04-30) từ data/list-2026.json [json]: units=29 links=5 renamed=0 reclassified=5 moved=0 merged=0 restyled=2
$ sapnhap units map 75 --on 2026-11-20 --format csv | grep Phường
25270,Thị trấn Lộc Ninh,25270,Phường Lộc Ninh,whole
25363,Thị trấn Tân Phú,25363,Phường Đồng Phú,whole
26080,Phường Xuân An,26080,Phường Long Khánh,whole
26116,Thị trấn Tân Phú,26116,Phường Tân Phú,whole
26149,Xã Phú Xuân,26116,Phường Tân Phú,whole
26368,Thị trấn Long Thành,26368,Phường Long Thành,whole
26374,Phường Tam Phước,26374,Phường Tam Phước,whole
26395,Xã Bình Sơn,26368,Phường Long Thành,whole

# The derived event gives the same registry as the hand-written change file.
$ sapnhap --db handwritten.db units import samples/units/dongnai-2026.csv --event dongnai-2026 --effective 2026-04-30 >/dev/null
$ for d in sapnhap.db handwritten.db; do sapnhap --db $d units map 75 --on 2026-11-20 --format csv > $d.map; sapnhap --db $d units show 75 --on 2026-11-20 | head -1 > $d.show; done; cmp sapnhap.db.map handwritten.db.map && cmp sapnhap.db.show handwritten.db.show && echo same
same
$ sapnhap units show 26446 --on 2026-11-20 | head -1
xã 26446 ngày 2026-11-20: Xã Xuân Hòa (xã), thuộc 75 Thành phố Đồng Nai

# Same list again: already applied. Against the publisher's earlier list instead (--before).
$ sapnhap units import data/list-2026.json --event dongnai-2026 --effective 2026-04-30
! sapnhap: units import dongnai-2026: đã áp dụng ngày 2026-11-20T12:00:00Z với cùng đầu vào; không có gì thay đổi
$ sapnhap units import data/list-2026.json --event dongnai-2026 --effective 2026-04-30 --before data/list-2025.json --force
đã nhập lại sự kiện 'dongnai-2026' (thay đổi suy ra từ danh sách, hiệu lực 2026-04-30) từ data/list-2026.json [json]: units=29 links=5 renamed=0 reclassified=5 moved=0 merged=0 restyled=2 known=0

# A province gone whose communes are all under one other province merged into it.
$ sapnhap --db merged.db units import samples/units/conversion-2025.csv >/dev/null
$ sapnhap --db merged.db units import data/list-merged.json --event merge-2027 --effective 2027-01-01
đã nhập sự kiện 'merge-2027' (thay đổi suy ra từ danh sách, hiệu lực 2027-01-01) từ data/list-merged.json [json]: units=28 links=2 renamed=0 reclassified=0 moved=1 merged=1 restyled=0
$ sapnhap --db merged.db units map 66 --on 2027-06-01
24235 Xã Krông Na -> 24235 Xã Buôn Đôn (whole)
$ sapnhap --db merged.db units show 24235 --on 2027-06-01 | head -1
xã 24235 ngày 2027-06-01: Xã Buôn Đôn (xã), thuộc 75 Tỉnh Đồng Nai

# What a list cannot say stops the import: a commune gone (which unit took it?), a unit the
# registry does not have; bad JSON with its line; a value with its JSON Pointer.
$ sapnhap --db gone.db units import samples/units/conversion-2025.csv >/dev/null
$ sapnhap --db gone.db units import data/list-gone.json --event gone --effective 2026-04-30
! sapnhap: lỗi: data/list-gone.json: xã 26503 'Xã Phước An' không còn trong danh sách, dù có hiệu lực vào ngày 2026-04-29; danh sách đã công bố không cho biết đơn vị nào đã tiếp nhận xã này; hãy lập tệp thay đổi cho xã này (mappings/README.md), hoặc so sánh với danh sách trước đó của đơn vị công bố (--before FILE) nếu danh sách đó mã hóa đơn vị khác với danh mục đơn vị hành chính
[exit 3]
$ sapnhap --db gone.db units import data/list-2026.json --event early --effective 2025-03-01
! sapnhap: lỗi: data/list-2026.json:/3: tỉnh 79 'Thành phố Hồ Chí Minh' không có hiệu lực vào ngày 2025-02-28; danh sách đã công bố không cho biết đơn vị mới được hình thành từ đâu; hãy lập tệp thay đổi cho đơn vị này (mappings/README.md), hoặc so sánh với danh sách trước đó của đơn vị công bố (--before FILE) nếu danh sách đó mã hóa đơn vị khác với danh mục đơn vị hành chính
[exit 3]
$ sapnhap --db gone.db units import data/list-bad.json --event bad --effective 2026-04-30
! sapnhap: lỗi: data/list-bad.json:7: JSON không hợp lệ: ']' expected near '{'
[exit 3]
$ sapnhap --db gone.db units import data/list-bad-code.json --event bad --effective 2026-04-30
! sapnhap: lỗi: data/list-bad-code.json:/0/Wards/0: mã xã '000004' phải có đúng số chữ số (2 với tỉnh, 5 với xã)
[exit 3]
$ sapnhap --db gone.db units import data/list-2026.json
! sapnhap: lỗi: danh sách đơn vị hành chính đã công bố (JSON) cần có --event NAME và --effective DATE
! xem hướng dẫn: 'sapnhap units import --help'
[exit 2]
$ sapnhap --db gone.db status | grep -c 'units import'
1
