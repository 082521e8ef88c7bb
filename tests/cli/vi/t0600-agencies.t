# Agency registries of the two old provinces: CSV for Bình Phước, XML for Đồng Nai.
$ sapnhap units import samples/units/conversion-2025.csv >/dev/null && sapnhap units import samples/units/pre-reform-list.csv >/dev/null
$ sapnhap agencies import samples/agencies/binhphuoc.csv --province 70
đã nhập danh mục cơ quan của tỉnh 70 từ samples/agencies/binhphuoc.csv: agencies=67 nonconforming=1
$ sapnhap agencies import samples/agencies/dongnai.xml --province 75
đã nhập danh mục cơ quan của tỉnh 75 từ samples/agencies/dongnai.xml: agencies=62 nonconforming=0
$ sapnhap agencies import samples/agencies/dongnai.xml --province 75
! sapnhap: agencies import province 75: đã áp dụng ngày 2026-11-20T12:00:00Z với cùng đầu vào; không có gì thay đổi

# The nonconforming code is kept and flagged, never dropped.
$ sapnhap agencies list --province 70 | grep nonconforming
[exit 1]
$ sapnhap agencies list --province 75 --format csv | head -6
code,name,kind,parent_code,unit_code,status,problem
000.00.00.H19,Ủy ban nhân dân tỉnh Đồng Nai,province-committee,,75,active,
000.00.01.H19,Văn phòng Ủy ban nhân dân tỉnh,department,000.00.00.H19,75,active,
000.00.02.H19,Sở Nội vụ,department,000.00.00.H19,75,active,
000.00.03.H19,Sở Kế hoạch và Đầu tư,department,000.00.00.H19,75,active,
000.00.04.H19,Sở Tài chính,department,000.00.00.H19,75,active,
$ sapnhap agencies list --format json --province 70 | head -3
[
 {"code": "000.00.00.H10", "name": "Ủy ban nhân dân tỉnh Bình Phước", "kind": "province-committee", "parent_code": "", "unit_code": "70", "status": "active", "problem": ""},
 {"code": "000.00.01.H10", "name": "Văn phòng Ủy ban nhân dân tỉnh", "kind": "department", "parent_code": "000.00.00.H10", "unit_code": "70", "status": "active", "problem": ""},

# Bad registries: exit 3 with the position, the database byte-for-byte unchanged.
$ cp sapnhap.db before.db
$ sapnhap agencies import data/ag-duplicate.csv --province 70 --force; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: lỗi: data/ag-duplicate.csv:4: mã 000.00.05.H10 xuất hiện hai lần (lần đầu tại data/ag-duplicate.csv:3)
$ sapnhap agencies import data/ag-unknown-parent.csv --province 70 --force; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: lỗi: data/ag-unknown-parent.csv:3: cơ quan cấp trên 000.00.09.H10 của 000.00.05.H10 không có trong danh mục cơ quan
$ sapnhap agencies import data/ag-cycle.csv --province 70 --force; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: lỗi: data/ag-cycle.csv:2: 000.00.05.H10 là cấp trên của chính nó (chuỗi cơ quan cấp trên qua 000.01.05.H10 quay lại chính nó)
$ sapnhap agencies import data/ag-unknown-unit.csv --province 70 --force; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: lỗi: data/ag-unknown-unit.csv:3: unit_code 25999 của 000.50.32.H10 không có trong danh mục đơn vị hành chính (hãy nhập đơn vị hành chính trước)
$ sapnhap agencies import data/ag-unknown-kind.csv --province 70 --force; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: lỗi: data/ag-unknown-kind.csv:2: loại 'ministry' của 000.00.00.H10 không thuộc các loại province-committee, province-council, department, department-unit, district-committee, district-office, commune-committee, service-unit, other
$ sapnhap agencies import data/ag-malformed.xml --province 70 --force; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: lỗi: data/ag-malformed.xml:4: Opening and ending tag mismatch: name line 4 and nam
$ sapnhap agencies import data/ag-invalid.xml --province 70 --force; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: lỗi: data/ag-invalid.xml:5: Element '{urn:sapnhap:agencies:1}fax': This element is not expected. Expected is one of ( {urn:sapnhap:agencies:1}parent, {urn:sapnhap:agencies:1}unit, {urn:sapnhap:agencies:1}address, {urn:sapnhap:agencies:1}phone, {urn:sapnhap:agencies:1}email ).

# Hostile XML: an external entity naming a local file, and an entity-expansion bomb. Nothing is
# resolved or expanded (no line of /etc/passwd appears anywhere).
$ sapnhap agencies import data/ag-xxe.xml --province 70 --force 2>&1 | grep -c 'root:' ; sapnhap agencies import data/ag-xxe.xml --province 70 --force; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
0
[status 3]
unchanged
! sapnhap: lỗi: data/ag-xxe.xml:1: từ chối DOCTYPE (các định dạng XML của sapnhap không bao giờ khai báo DOCTYPE; thực thể có thể là một cuộc tấn công)
$ sapnhap agencies import data/ag-laughs.xml --province 70 --force; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: lỗi: data/ag-laughs.xml:1: từ chối DOCTYPE (các định dạng XML của sapnhap không bao giờ khai báo DOCTYPE; thực thể có thể là một cuộc tấn công)

# Usage.
$ sapnhap agencies import samples/agencies/binhphuoc.csv
! sapnhap: lỗi: bắt buộc có tùy chọn '--province'
! xem hướng dẫn: 'sapnhap agencies import --help'
[exit 2]
$ sapnhap --db fresh.db agencies import samples/agencies/binhphuoc.csv --province 70; test -e fresh.db || echo "no database left behind"
no database left behind
! sapnhap: lỗi: danh mục đơn vị hành chính đang trống: hãy nhập đơn vị hành chính trước ('sapnhap units import')

# A cut-off XML file, and a directory where a file was expected.
$ head -c 300 samples/agencies/dongnai.xml > cut.xml; sapnhap agencies import cut.xml --province 75 --force; echo "[status $?]"
[status 3]
! sapnhap: lỗi: cut.xml:6: tệp kết thúc trước khi các phần tử được đóng (bị cắt cụt?): Extra content at the end of the document
$ sapnhap agencies import samples --province 70 --force; echo "[status $?]"
[status 4]
! sapnhap: lỗi: không mở được 'samples': Là thư mục
