# diff on two small catalog files: Đồng Nai's before review (CSV, national words such as
# "Cấp Xã", "toàn trình") and after (XML, our words; one code in QĐ 20 notation, H19.60.01,
# which is 000.01.60.H19). A catalog file has no agencies: only procedures and bindings.
$ sapnhap diff data/diff-before.csv data/diff-after.xml
trước: data/diff-before.csv (tệp danh mục, chỉ có thủ tục và cơ quan thực hiện)
sau:   data/diff-after.xml (tệp danh mục, chỉ có thủ tục và cơ quan thực hiện)

                     thêm      bỏ thay đổi
thủ tục                 1       1        1
cơ quan thực hiện       4       3        1
cộng                    5       4        2
(không so sánh cơ quan: tệp danh mục không có danh sách cơ quan)

thủ tục được thêm: 1
+ 1.000656  Đăng ký khai tử

thủ tục bị bỏ: 1
- 1.004873  Cấp Giấy xác nhận tình trạng hôn nhân

thủ tục thay đổi: 1
~ 1.001612  Đăng ký thành lập hộ kinh doanh
    levels: district -> commune
    time_limit: 3 -> 2
    fee: 100.000 đồng/lần -> 50.000 đồng/lần (nộp trực tuyến -> miễn)
    online_level: partial -> full
    portal: no -> yes

cơ quan thực hiện được thêm: 4
+ 1.000656@000.01.60.H19  online: yes
+ 1.001193@000.03.60.H19  online: yes
+ 1.001612@000.01.60.H19  online: yes
+ 1.001612@000.02.60.H19  online: yes

cơ quan thực hiện bị bỏ: 3
- 1.001612@000.00.32.H10  online: no
- 1.001612@000.00.35.H10  online: yes
- 1.004873@000.01.60.H19  online: no

cơ quan thực hiện thay đổi: 1
~ 1.001193@000.02.60.H19
    online: yes -> no
$ sapnhap diff data/diff-before.csv data/diff-after.xml --format csv
Đối tượng (entity),Loại thay đổi (kind),Mã (key),Tên (name),Trường (field),Trước (before),Sau (after),Giá trị quyết định (decision),Lý do (reason)
thủ tục,thêm,1.000656,Đăng ký khai tử,Tên,,Đăng ký khai tử,,
thủ tục,thêm,1.000656,Đăng ký khai tử,Mã TTHC địa phương,,1.000656.000.00.00.H19,,
thủ tục,thêm,1.000656,Đăng ký khai tử,Mã lĩnh vực,,G15-TP07,,
thủ tục,thêm,1.000656,Đăng ký khai tử,Lĩnh vực,,Hộ tịch,,
thủ tục,thêm,1.000656,Đăng ký khai tử,Cấp thực hiện,,cấp xã,,
thủ tục,thêm,1.000656,Đăng ký khai tử,Thời hạn giải quyết,,1,,
thủ tục,thêm,1.000656,Đăng ký khai tử,Đơn vị thời hạn,,ngày làm việc,,
thủ tục,thêm,1.000656,Đăng ký khai tử,"Phí, lệ phí",,Không,,
thủ tục,thêm,1.000656,Đăng ký khai tử,Mức độ trực tuyến,,toàn trình,,
thủ tục,thêm,1.000656,Đăng ký khai tử,Tích hợp Cổng DVCQG,,có,,
thủ tục,thêm,1.000656,Đăng ký khai tử,Căn cứ pháp lý,,Luật Hộ tịch 2014,,
thủ tục,thay đổi,1.001612,Đăng ký thành lập hộ kinh doanh,Cấp thực hiện,cấp huyện,cấp xã,,
thủ tục,thay đổi,1.001612,Đăng ký thành lập hộ kinh doanh,Thời hạn giải quyết,3,2,,
thủ tục,thay đổi,1.001612,Đăng ký thành lập hộ kinh doanh,"Phí, lệ phí",100.000 đồng/lần,50.000 đồng/lần (nộp trực tuyến -> miễn),,
thủ tục,thay đổi,1.001612,Đăng ký thành lập hộ kinh doanh,Mức độ trực tuyến,một phần,toàn trình,,
thủ tục,thay đổi,1.001612,Đăng ký thành lập hộ kinh doanh,Tích hợp Cổng DVCQG,không,có,,
thủ tục,bỏ,1.004873,Cấp Giấy xác nhận tình trạng hôn nhân,Tên,Cấp Giấy xác nhận tình trạng hôn nhân,,,
thủ tục,bỏ,1.004873,Cấp Giấy xác nhận tình trạng hôn nhân,Mã TTHC địa phương,1.004873.000.00.00.H19,,,
thủ tục,bỏ,1.004873,Cấp Giấy xác nhận tình trạng hôn nhân,Mã lĩnh vực,G15-TP07,,,
thủ tục,bỏ,1.004873,Cấp Giấy xác nhận tình trạng hôn nhân,Lĩnh vực,Hộ tịch,,,
thủ tục,bỏ,1.004873,Cấp Giấy xác nhận tình trạng hôn nhân,Cấp thực hiện,cấp xã,,,
thủ tục,bỏ,1.004873,Cấp Giấy xác nhận tình trạng hôn nhân,Thời hạn giải quyết,3,,,
thủ tục,bỏ,1.004873,Cấp Giấy xác nhận tình trạng hôn nhân,Đơn vị thời hạn,ngày làm việc,,,
thủ tục,bỏ,1.004873,Cấp Giấy xác nhận tình trạng hôn nhân,"Phí, lệ phí",3.000 đồng/việc,,,
thủ tục,bỏ,1.004873,Cấp Giấy xác nhận tình trạng hôn nhân,Mức độ trực tuyến,một phần,,,
thủ tục,bỏ,1.004873,Cấp Giấy xác nhận tình trạng hôn nhân,Tích hợp Cổng DVCQG,không,,,
thủ tục,bỏ,1.004873,Cấp Giấy xác nhận tình trạng hôn nhân,Căn cứ pháp lý,Luật Hộ tịch 2014,,,
cơ quan thực hiện,thêm,1.000656@000.01.60.H19,Đăng ký khai tử,Tiếp nhận trực tuyến,,có,,
cơ quan thực hiện,thay đổi,1.001193@000.02.60.H19,Đăng ký khai sinh,Tiếp nhận trực tuyến,có,không,,
cơ quan thực hiện,thêm,1.001193@000.03.60.H19,Đăng ký khai sinh,Tiếp nhận trực tuyến,,có,,
cơ quan thực hiện,bỏ,1.001612@000.00.32.H10,Đăng ký thành lập hộ kinh doanh,Tiếp nhận trực tuyến,không,,,
cơ quan thực hiện,bỏ,1.001612@000.00.35.H10,Đăng ký thành lập hộ kinh doanh,Tiếp nhận trực tuyến,có,,,
cơ quan thực hiện,thêm,1.001612@000.01.60.H19,Đăng ký thành lập hộ kinh doanh,Tiếp nhận trực tuyến,,có,,
cơ quan thực hiện,thêm,1.001612@000.02.60.H19,Đăng ký thành lập hộ kinh doanh,Tiếp nhận trực tuyến,,có,,
cơ quan thực hiện,bỏ,1.004873@000.01.60.H19,Cấp Giấy xác nhận tình trạng hôn nhân,Tiếp nhận trực tuyến,không,,,
$ sapnhap diff data/diff-before.csv data/diff-after.xml --format tdiff
@@,entity,key,field,value
'+++,procedure,1.000656,name,Đăng ký khai tử
'+++,procedure,1.000656,local_code,1.000656.000.00.00.H19
'+++,procedure,1.000656,field_code,G15-TP07
'+++,procedure,1.000656,field_name,Hộ tịch
'+++,procedure,1.000656,levels,commune
'+++,procedure,1.000656,time_limit,1
'+++,procedure,1.000656,time_unit,working-day
'+++,procedure,1.000656,fee,Không
'+++,procedure,1.000656,online_level,full
'+++,procedure,1.000656,portal,yes
'+++,procedure,1.000656,legal_basis,Luật Hộ tịch 2014
'-->,procedure,1.001612,levels,district-->commune
'-->,procedure,1.001612,time_limit,3-->2
'-->,procedure,1.001612,fee,100.000 đồng/lần-->50.000 đồng/lần (nộp trực tuyến -> miễn)
'-->,procedure,1.001612,online_level,partial-->full
'-->,procedure,1.001612,portal,no-->yes
'---,procedure,1.004873,name,Cấp Giấy xác nhận tình trạng hôn nhân
'---,procedure,1.004873,local_code,1.004873.000.00.00.H19
'---,procedure,1.004873,field_code,G15-TP07
'---,procedure,1.004873,field_name,Hộ tịch
'---,procedure,1.004873,levels,commune
'---,procedure,1.004873,time_limit,3
'---,procedure,1.004873,time_unit,working-day
'---,procedure,1.004873,fee,3.000 đồng/việc
'---,procedure,1.004873,online_level,partial
'---,procedure,1.004873,portal,no
'---,procedure,1.004873,legal_basis,Luật Hộ tịch 2014
'+++,binding,1.000656@000.01.60.H19,online,yes
'-->,binding,1.001193@000.02.60.H19,online,yes-->no
'+++,binding,1.001193@000.03.60.H19,online,yes
'---,binding,1.001612@000.00.32.H10,online,no
'---,binding,1.001612@000.00.35.H10,online,yes
'+++,binding,1.001612@000.01.60.H19,online,yes
'+++,binding,1.001612@000.02.60.H19,online,yes
'---,binding,1.004873@000.01.60.H19,online,no
$ sapnhap diff data/diff-before.csv data/diff-after.xml --format json
{
  "before": {"operand": "data/diff-before.csv", "source": "catalog", "state": null, "provinces": []},
  "after": {"operand": "data/diff-after.xml", "source": "catalog", "state": null, "provinces": []},
  "summary": {"procedure": {"added": 1, "removed": 1, "changed": 1}, "binding": {"added": 4, "removed": 3, "changed": 1}, "total": 11},
  "changes": [
    {"entity": "procedure", "kind": "added", "key": "1.000656", "field": "name", "before": null, "after": "Đăng ký khai tử"},
    {"entity": "procedure", "kind": "added", "key": "1.000656", "field": "local_code", "before": null, "after": "1.000656.000.00.00.H19"},
    {"entity": "procedure", "kind": "added", "key": "1.000656", "field": "field_code", "before": null, "after": "G15-TP07"},
    {"entity": "procedure", "kind": "added", "key": "1.000656", "field": "field_name", "before": null, "after": "Hộ tịch"},
    {"entity": "procedure", "kind": "added", "key": "1.000656", "field": "levels", "before": null, "after": "commune"},
    {"entity": "procedure", "kind": "added", "key": "1.000656", "field": "time_limit", "before": null, "after": "1"},
    {"entity": "procedure", "kind": "added", "key": "1.000656", "field": "time_unit", "before": null, "after": "working-day"},
    {"entity": "procedure", "kind": "added", "key": "1.000656", "field": "fee", "before": null, "after": "Không"},
    {"entity": "procedure", "kind": "added", "key": "1.000656", "field": "online_level", "before": null, "after": "full"},
    {"entity": "procedure", "kind": "added", "key": "1.000656", "field": "portal", "before": null, "after": "yes"},
    {"entity": "procedure", "kind": "added", "key": "1.000656", "field": "legal_basis", "before": null, "after": "Luật Hộ tịch 2014"},
    {"entity": "procedure", "kind": "changed", "key": "1.001612", "field": "levels", "before": "district", "after": "commune"},
    {"entity": "procedure", "kind": "changed", "key": "1.001612", "field": "time_limit", "before": "3", "after": "2"},
    {"entity": "procedure", "kind": "changed", "key": "1.001612", "field": "fee", "before": "100.000 đồng/lần", "after": "50.000 đồng/lần (nộp trực tuyến -> miễn)"},
    {"entity": "procedure", "kind": "changed", "key": "1.001612", "field": "online_level", "before": "partial", "after": "full"},
    {"entity": "procedure", "kind": "changed", "key": "1.001612", "field": "portal", "before": "no", "after": "yes"},
    {"entity": "procedure", "kind": "removed", "key": "1.004873", "field": "name", "before": "Cấp Giấy xác nhận tình trạng hôn nhân", "after": null},
    {"entity": "procedure", "kind": "removed", "key": "1.004873", "field": "local_code", "before": "1.004873.000.00.00.H19", "after": null},
    {"entity": "procedure", "kind": "removed", "key": "1.004873", "field": "field_code", "before": "G15-TP07", "after": null},
    {"entity": "procedure", "kind": "removed", "key": "1.004873", "field": "field_name", "before": "Hộ tịch", "after": null},
    {"entity": "procedure", "kind": "removed", "key": "1.004873", "field": "levels", "before": "commune", "after": null},
    {"entity": "procedure", "kind": "removed", "key": "1.004873", "field": "time_limit", "before": "3", "after": null},
    {"entity": "procedure", "kind": "removed", "key": "1.004873", "field": "time_unit", "before": "working-day", "after": null},
    {"entity": "procedure", "kind": "removed", "key": "1.004873", "field": "fee", "before": "3.000 đồng/việc", "after": null},
    {"entity": "procedure", "kind": "removed", "key": "1.004873", "field": "online_level", "before": "partial", "after": null},
    {"entity": "procedure", "kind": "removed", "key": "1.004873", "field": "portal", "before": "no", "after": null},
    {"entity": "procedure", "kind": "removed", "key": "1.004873", "field": "legal_basis", "before": "Luật Hộ tịch 2014", "after": null},
    {"entity": "binding", "kind": "added", "key": "1.000656@000.01.60.H19", "field": "online", "before": null, "after": "yes"},
    {"entity": "binding", "kind": "changed", "key": "1.001193@000.02.60.H19", "field": "online", "before": "yes", "after": "no"},
    {"entity": "binding", "kind": "added", "key": "1.001193@000.03.60.H19", "field": "online", "before": null, "after": "yes"},
    {"entity": "binding", "kind": "removed", "key": "1.001612@000.00.32.H10", "field": "online", "before": "no", "after": null},
    {"entity": "binding", "kind": "removed", "key": "1.001612@000.00.35.H10", "field": "online", "before": "yes", "after": null},
    {"entity": "binding", "kind": "added", "key": "1.001612@000.01.60.H19", "field": "online", "before": null, "after": "yes"},
    {"entity": "binding", "kind": "added", "key": "1.001612@000.02.60.H19", "field": "online", "before": null, "after": "yes"},
    {"entity": "binding", "kind": "removed", "key": "1.004873@000.01.60.H19", "field": "online", "before": "no", "after": null}
  ]
}

# The sample chain (as in t0900, without dossiers); imported.db is the database before reassign.
$ sapnhap units import samples/units/conversion-2025.csv >/dev/null && sapnhap units import samples/units/pre-reform-list.csv >/dev/null && sapnhap agencies import samples/agencies/binhphuoc.csv --province 70 >/dev/null && sapnhap agencies import samples/agencies/dongnai.xml --province 75 >/dev/null && sapnhap recode >/dev/null
$ sapnhap catalog import samples/catalogs/binhphuoc.csv --province 70 >/dev/null && sapnhap catalog import samples/catalogs/dongnai.xml --province 75 >/dev/null && cp sapnhap.db imported.db
$ sapnhap reassign
đã phân lại thẩm quyền danh mục thủ tục của tỉnh 75: procedures=56 bindings=592 dossiers_moved=0 dossiers_queued=0 bindings_queued=0 conflicts=31 default_rule=9
$ cp sapnhap.db reassigned.db

# The reviewer's before/after of the migration: one database, both states.
$ sapnhap diff sapnhap.db:old sapnhap.db:merged --summary
trước: sapnhap.db:old (cơ sở dữ liệu làm việc, danh mục cũ của các tỉnh 70, 75)
sau:   sapnhap.db:merged (cơ sở dữ liệu làm việc, danh mục sau sáp nhập của tỉnh 75)

                     thêm      bỏ thay đổi
thủ tục                 0       0       46
cơ quan thực hiện     449     132      136
cơ quan                33     112        2
cộng                  482     244      184

# A database alone is its merged catalog once reassign has run, else the old catalogs.
$ sapnhap diff imported.db sapnhap.db --summary | tail -4
thủ tục                 0       0       46
cơ quan thực hiện     449     132      136
cơ quan                33     112        2
cộng                  482     244      184

# Where the old catalogs differ, BEFORE shows both; the merged entry waits for a decision.
$ sapnhap diff sapnhap.db:old sapnhap.db:merged | grep -A6 '^~ 1.001612 '
~ 1.001612  Đăng ký thành lập hộ kinh doanh
    local_code: 70: 1.001612.000.00.00.H10 | 75: 1.001612.000.00.00.H19 -> 1.001612.000.00.00.H19
    levels: district -> commune
    time_limit: 70: 3 | 75: 2 -> (không có)
    time_unit: working-day -> (không có)
    fee: 70: 100.000 đồng/lần; miễn lệ phí khi nộp hồ sơ trực tuyến | 75: 50.000 đồng/lần -> (không có)
    online_level: 70: full | 75: partial -> (không có)

# Bindings follow the crosswalk: the old communes' committees met at the new commune's (one
# changed binding, agency old -> new); bindings at closed district committees are removed.
# Agencies are keyed by code: Bình Phước's department merged away, Đồng Nai's renamed.
$ sapnhap diff sapnhap.db:old sapnhap.db:merged | grep -A1 -E '^~ 1.000656@000.0[13].60.H19'
~ 1.000656@000.01.60.H19  Ủy ban nhân dân phường Bình Phước
    agency: 000.50.32.H10, 000.51.32.H10, 000.54.32.H10 -> 000.01.60.H19
~ 1.000656@000.03.60.H19  Ủy ban nhân dân phường Phước Bình
    agency: 000.50.31.H10, 000.50.41.H10 -> 000.03.60.H19
$ sapnhap diff sapnhap.db:old sapnhap.db:merged | grep -E '^- 1.001266@'
- 1.001266@000.00.32.H10  Ủy ban nhân dân thành phố Đồng Xoài  online: no
- 1.001266@000.00.35.H10  Ủy ban nhân dân huyện Lộc Ninh  online: no
- 1.001266@000.00.39.H10  Ủy ban nhân dân huyện Bù Đăng  online: no
$ sapnhap diff sapnhap.db:old sapnhap.db:merged | grep -E -A1 '^(~ 000.00.07.H19|- 000.00.08.H10) '
- 000.00.08.H10  Sở Tài nguyên và Môi trường
    -> sáp nhập vào 000.00.07.H19 Sở Nông nghiệp và Môi trường
--
~ 000.00.07.H19  Sở Nông nghiệp và Môi trường
    name: Sở Tài nguyên và Môi trường -> Sở Nông nghiệp và Môi trường

# CSV (highlighter form) and JSON carry every field.
$ sapnhap diff sapnhap.db:old sapnhap.db:merged --format csv | head -4
Đối tượng (entity),Loại thay đổi (kind),Mã (key),Tên (name),Trường (field),Trước (before),Sau (after),Giá trị quyết định (decision),Lý do (reason)
thủ tục,thay đổi,1.000656,Thủ tục đăng ký khai tử,Mã TTHC địa phương,70: 1.000656.000.00.00.H10 | 75: 1.000656.000.00.00.H19,1.000656.000.00.00.H19,,
thủ tục,thay đổi,1.000894,Thủ tục đăng ký kết hôn,Mã TTHC địa phương,70: 1.000894.000.00.00.H10 | 75: 1.000894.000.00.00.H19,1.000894.000.00.00.H19,,
thủ tục,thay đổi,1.000894,Thủ tục đăng ký kết hôn,Tích hợp Cổng DVCQG,70: no | 75: yes,,,

# A spreadsheet's form: one column per field, the decision and its reason beside the decided
# value, a removed agency's outcome (never a bare "removed"); in the law's words with --lang vi, and
# with a BOM for Excel.
$ sapnhap diff sapnhap.db:old sapnhap.db:merged --format csv | grep -E '^(agency,removed,000.00.08.H10|agency,removed,000.00.36.H10),.*outcome'
[exit 1]
$ sapnhap diff sapnhap.db:old sapnhap.db:merged --format csv --lang vi --bom | head -1 | od -c | head -1
0000000 357 273 277 304 220 341 273 221   i       t 306 260 341 273 243
$ sapnhap diff sapnhap.db:old sapnhap.db:merged --format csv --lang vi | grep -E '^thủ tục,thay đổi,1.001612,' | head -3
thủ tục,thay đổi,1.001612,Đăng ký thành lập hộ kinh doanh,Mã TTHC địa phương,70: 1.001612.000.00.00.H10 | 75: 1.001612.000.00.00.H19,1.001612.000.00.00.H19,,
thủ tục,thay đổi,1.001612,Đăng ký thành lập hộ kinh doanh,Cấp thực hiện,cấp huyện,cấp xã,,
thủ tục,thay đổi,1.001612,Đăng ký thành lập hộ kinh doanh,Thời hạn giải quyết,70: 3 | 75: 2,,,
$ sapnhap diff sapnhap.db:old sapnhap.db:merged --format xlsx
! sapnhap: lỗi: --format xlsx cần --out FILE (sổ tính không được ghi ra thiết bị đầu cuối)
! xem hướng dẫn: 'sapnhap diff --help'
[exit 2]
$ sapnhap diff sapnhap.db:old sapnhap.db:merged --format xlsx --lang vi --out diff.xlsx && head -c 2 diff.xlsx; echo
PK
! sapnhap: đã ghi diff.xlsx: 910 khác biệt
$ sapnhap diff sapnhap.db:old sapnhap.db:merged --format json --bom
! sapnhap: lỗi: --bom chỉ dùng cho csv và tdiff
! xem hướng dẫn: 'sapnhap diff --help'
[exit 2]
$ sapnhap diff sapnhap.db:old sapnhap.db:merged --format tdiff | cut -d, -f1,2 | sort | uniq -c
    189 '+++,agency
    449 '+++,binding
    780 '---,agency
    132 '---,binding
      2 '->,agency
    149 '->,binding
    104 '->,procedure
      1 @@,entity
$ sapnhap diff sapnhap.db:old sapnhap.db:merged --format json --summary
{
  "before": {"operand": "sapnhap.db:old", "source": "database", "state": "old", "provinces": ["70", "75"]},
  "after": {"operand": "sapnhap.db:merged", "source": "database", "state": "merged", "provinces": ["75"]},
  "summary": {"procedure": {"added": 0, "removed": 0, "changed": 46}, "binding": {"added": 449, "removed": 132, "changed": 136}, "agency": {"added": 33, "removed": 112, "changed": 2}, "total": 910}
}
$ sapnhap diff sapnhap.db:old sapnhap.db:merged --format json | grep -F '"key": "1.001612", "field": "fee"'
    {"entity": "procedure", "kind": "changed", "key": "1.001612", "field": "fee", "before": "70: 100.000 đồng/lần; miễn lệ phí khi nộp hồ sơ trực tuyến | 75: 50.000 đồng/lần", "after": null},

# Identical inputs: no difference, exit 0 even with --exit-code; a difference: exit 1.
$ sapnhap diff sapnhap.db reassigned.db --exit-code
trước: sapnhap.db (cơ sở dữ liệu làm việc, danh mục sau sáp nhập của tỉnh 75)
sau:   reassigned.db (cơ sở dữ liệu làm việc, danh mục sau sáp nhập của tỉnh 75)

                     thêm      bỏ thay đổi
thủ tục                 0       0        0
cơ quan thực hiện       0       0        0
cơ quan                 0       0        0
cộng                    0       0        0

không có khác biệt
$ sapnhap diff sapnhap.db:old sapnhap.db:merged --exit-code --summary >/dev/null
[exit 1]
$ sapnhap diff sapnhap.db:old sapnhap.db:merged --summary >/dev/null

# The databases were only read.
$ cmp sapnhap.db reassigned.db && echo unchanged
unchanged

# An export directory as 'sapnhap export' writes it. Exported while catalog conflicts wait for
# a decision, it differs from the database only there: a file cannot hold an undecided value
# (an empty online level reads as none, an empty portal flag as no).
$ sapnhap export --format csv --out export >/dev/null 2>&1; sapnhap diff sapnhap.db:merged export --summary
trước: sapnhap.db:merged (cơ sở dữ liệu làm việc, danh mục sau sáp nhập của tỉnh 75)
sau:   export (thư mục xuất gồm catalog.csv, agencies.csv, crosswalk.csv)

                     thêm      bỏ thay đổi
thủ tục                 0       0       18
cơ quan thực hiện       0       0        0
cơ quan                 0       0        0
cộng                    0       0       18
$ sapnhap diff sapnhap.db:merged export --format tdiff | cut -d, -f1,4 | sort | uniq -c
      5 '->,online_level
     15 '->,portal
      1 @@,field
$ sapnhap diff sapnhap.db:old export --summary | tail -5
                     thêm      bỏ thay đổi
thủ tục                 0       0       46
cơ quan thực hiện     449     132      136
cơ quan                33     112        2
cộng                  482     244      184

# With every conflict decided, the database, its CSV export (with a BOM) and its XML export are
# one catalog; BEFORE's codes are carried through crosswalk.xml as through crosswalk.csv.
$ cp sapnhap.db decided.db && sapnhap --db decided.db reassign --decisions data/decisions-all.csv --force >/dev/null && sapnhap --db decided.db export --format csv --bom --out decided-csv >/dev/null && sapnhap --db decided.db export --format xml --out decided-xml >/dev/null
$ sapnhap diff decided.db decided-csv --exit-code --summary | tail -1
không có khác biệt
$ sapnhap diff decided-csv decided-xml --exit-code
trước: decided-csv (thư mục xuất gồm catalog.csv, agencies.csv)
sau:   decided-xml (thư mục xuất gồm catalog.xml, agencies.xml, crosswalk.xml)

                     thêm      bỏ thay đổi
thủ tục                 0       0        0
cơ quan thực hiện       0       0        0
cơ quan                 0       0        0
cộng                    0       0        0

không có khác biệt
$ sapnhap diff sapnhap.db:old decided-xml --summary | tail -5
                     thêm      bỏ thay đổi
thủ tục                 0       0       47
cơ quan thực hiện     449     132      136
cơ quan                33     112        2
cộng                  482     244      185

# HTML, written atomically with --out (no temporary file left behind).
$ sapnhap diff sapnhap.db:old sapnhap.db:merged --format html --out review.html && ls review.html* && head -3 review.html
review.html
<!DOCTYPE html>
<html lang="vi">
<head>
! sapnhap: đã ghi review.html: 910 khác biệt
$ grep -c '<tbody class="thing' review.html
910
$ sapnhap diff sapnhap.db:old sapnhap.db:merged --out no/such/dir/review.html
! sapnhap: lỗi: không tạo được tệp tạm bên cạnh 'no/such/dir/review.html': Không có tệp hoặc thư mục này
[exit 4]

# Operands that are not what diff reads.
$ sapnhap diff samples/README.md sapnhap.db
! sapnhap: lỗi: 'samples/README.md' không phải cơ sở dữ liệu sapnhap, thư mục xuất hay tệp danh mục (.csv hoặc .xml)
[exit 3]
$ sapnhap diff samples sapnhap.db
! sapnhap: lỗi: 'samples' không phải thư mục xuất: trong đó không có catalog.csv hay catalog.xml
[exit 3]
$ sapnhap diff missing.db sapnhap.db
! sapnhap: lỗi: không mở được 'missing.db': Không có tệp hoặc thư mục này
[exit 4]
$ sapnhap diff missing.db:old sapnhap.db
! sapnhap: lỗi: không mở được 'missing.db': Không có tệp hoặc thư mục này
[exit 4]
$ sapnhap diff imported.db:merged sapnhap.db
! sapnhap: lỗi: 'imported.db' không có danh mục sau sáp nhập: chưa áp dụng 'sapnhap reassign' cho cơ sở dữ liệu này
[exit 3]
$ sapnhap diff samples/README.md:old sapnhap.db
! sapnhap: lỗi: 'samples/README.md' không phải cơ sở dữ liệu làm việc: trạng thái (:old, :merged) chỉ chọn được cho cơ sở dữ liệu
[exit 3]
$ sapnhap diff data/cat-bad-level.csv sapnhap.db
! sapnhap: lỗi: data/cat-bad-level.csv:2: cấp thực hiện 'Cấp Làng' của 1.001612 không phải cấp thực hiện (chấp nhận: Cấp Tỉnh, Cấp Huyện, Cấp Xã, hoặc province, district, commune, phân cách bằng ';', ',' hoặc '/')
[exit 3]
$ sqlite3 empty.db 'CREATE TABLE t(x)'; sapnhap diff empty.db sapnhap.db
! sapnhap: lỗi: 'empty.db' là cơ sở dữ liệu SQLite nhưng không phải cơ sở dữ liệu làm việc của sapnhap
[exit 3]
$ sapnhap diff sapnhap.db
! sapnhap: lỗi: cần hai đối số BEFORE và AFTER
! xem hướng dẫn: 'sapnhap diff --help'
[exit 2]
$ sapnhap diff sapnhap.db sapnhap.db --format xml
! sapnhap: lỗi: --format phải là text, csv, json, html, tdiff hoặc xlsx, không phải 'xml'
! xem hướng dẫn: 'sapnhap diff --help'
[exit 2]
