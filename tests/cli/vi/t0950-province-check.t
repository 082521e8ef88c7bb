# --province is checked against the file's codes: a code under another province's level-1 code
# (H.. its People's Committee, K.. its Council; mappings/level1-codes.csv) refuses the import,
# exit 3, naming the first such line and the province the code belongs to; nothing is written.
$ sapnhap units import samples/units/conversion-2025.csv >/dev/null && sapnhap units import samples/units/pre-reform-list.csv >/dev/null && cp sapnhap.db before.db

# Bình Phước's registry given as Đồng Nai's (CSV), Đồng Nai's as Bình Phước's (XML).
$ sapnhap agencies import samples/agencies/binhphuoc.csv --province 75; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: lỗi: samples/agencies/binhphuoc.csv:2: mã định danh cơ quan 000.00.00.H10 thuộc tỉnh 70 (Tỉnh Bình Phước, mã cấp 1 H10), không thuộc tỉnh 75 ghi trong --province
$ sapnhap agencies import samples/agencies/dongnai.xml --province 70; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: lỗi: samples/agencies/dongnai.xml:3: mã định danh cơ quan 000.00.00.H19 thuộc tỉnh 75 (Tỉnh Đồng Nai, mã cấp 1 H19), không thuộc tỉnh 70 ghi trong --province

# The first foreign code may come late, in either notation; a Council's K code counts; a level-1
# code that is no province's is refused too.
$ sapnhap agencies import data/ag-foreign-line.csv --province 70; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: lỗi: data/ag-foreign-line.csv:5: mã định danh cơ quan H19.16 thuộc tỉnh 75 (Tỉnh Đồng Nai, mã cấp 1 H19), không thuộc tỉnh 70 ghi trong --province
$ sapnhap agencies import data/ag-foreign-council.csv --province 70; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: lỗi: data/ag-foreign-council.csv:3: mã định danh cơ quan 000.00.00.K19 thuộc tỉnh 75 (Tỉnh Đồng Nai, mã cấp 1 K19), không thuộc tỉnh 70 ghi trong --province
$ sapnhap agencies import data/ag-no-province.csv --province 70; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: lỗi: data/ag-no-province.csv:3: mã định danh cơ quan 000.00.01.H99 thuộc một tỉnh không xác định (mã cấp 1 H99 không có trong bảng mã cấp 1), không thuộc tỉnh 70 ghi trong --province

# A province code that is not a province (99, or 07 which no province had): a usage error.
$ sapnhap agencies import samples/agencies/binhphuoc.csv --province 99; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 2]
unchanged
! sapnhap: lỗi: --province 99 không phải là tỉnh trong bảng mã cấp 1 (bảng có sẵn mappings/level1-codes.csv): hãy ghi mã 2 chữ số của tỉnh cũ có tệp này
! xem hướng dẫn: 'sapnhap agencies import --help'
$ sapnhap agencies import samples/agencies/binhphuoc.csv --province 07; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 2]
unchanged
! sapnhap: lỗi: --province 07 không phải là tỉnh trong bảng mã cấp 1 (bảng có sẵn mappings/level1-codes.csv): hãy ghi mã 2 chữ số của tỉnh cũ có tệp này
! xem hướng dẫn: 'sapnhap agencies import --help'

# Codes of the other level-1 letters belong to no province and pass: central agencies (G..: a tax
# department, the provincial police) and other bodies (A-F, I, J), beside the province's own H
# and K codes in either notation.
$ sapnhap --db central.db units import samples/units/conversion-2025.csv >/dev/null && sapnhap --db central.db units import samples/units/pre-reform-list.csv >/dev/null && sapnhap --db central.db agencies import data/ag-central.csv --province 70
đã nhập danh mục cơ quan của tỉnh 70 từ data/ag-central.csv: agencies=6 nonconforming=0

# --level1 FILE replaces the built-in table (as recode's does); a province it lacks is refused,
# and so is a table that is not one.
$ sapnhap agencies import samples/agencies/binhphuoc.csv --province 70 --level1 data/l1-only-75.csv; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 2]
unchanged
! sapnhap: lỗi: --province 70 không phải là tỉnh trong bảng mã cấp 1 (data/l1-only-75.csv): hãy ghi mã 2 chữ số của tỉnh cũ có tệp này
! xem hướng dẫn: 'sapnhap agencies import --help'
$ sapnhap agencies import samples/agencies/binhphuoc.csv --province 70 --level1 data/l1-bad.csv; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: lỗi: data/l1-bad.csv:2: mỗi dòng của bảng mã cấp 1 gồm mã tỉnh 2 chữ số và mã cấp 1 của tỉnh (H + 2 chữ số), không phải '70', 'X10'

# The right registries; then catalogs: Bình Phước's given as Đồng Nai's stops at its first local
# code (both registries are imported, so every binding is known: the province check is what
# stops it); a binding to another province's agency, a local code in QĐ 20 notation.
$ sapnhap agencies import samples/agencies/binhphuoc.csv --province 70 >/dev/null && sapnhap agencies import samples/agencies/dongnai.xml --province 75 >/dev/null && sapnhap recode >/dev/null && cp sapnhap.db before.db
$ sapnhap catalog import samples/catalogs/binhphuoc.csv --province 75; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: lỗi: samples/catalogs/binhphuoc.csv:2: mã TTHC địa phương 1.001193.000.00.00.H10 của 1.001193 mang mã cơ quan 000.00.00.H10, thuộc tỉnh 70 (Tỉnh Bình Phước, mã cấp 1 H10), không thuộc tỉnh 75 đã ghi ở --province
$ sapnhap catalog import samples/catalogs/dongnai.xml --province 70; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: lỗi: samples/catalogs/dongnai.xml:4: mã TTHC địa phương 1.001193.000.00.00.H19 của 1.001193 mang mã cơ quan 000.00.00.H19, thuộc tỉnh 75 (Tỉnh Đồng Nai, mã cấp 1 H19), không thuộc tỉnh 70 đã ghi ở --province
$ sapnhap catalog import data/cat-foreign-binding.csv --province 70; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: lỗi: data/cat-foreign-binding.csv:3: 1.001612 có cơ quan thực hiện 000.00.31.H19, thuộc tỉnh 75 (Tỉnh Đồng Nai, mã cấp 1 H19), không thuộc tỉnh 70 đã ghi ở --province
$ sapnhap catalog import data/cat-foreign-local.csv --province 70; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: lỗi: data/cat-foreign-local.csv:3: mã TTHC địa phương 1.001612.H19 của 1.001612 mang mã cơ quan H19, thuộc tỉnh 75 (Tỉnh Đồng Nai, mã cấp 1 H19), không thuộc tỉnh 70 đã ghi ở --province
$ sapnhap catalog import samples/catalogs/binhphuoc.csv --province 99; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 2]
unchanged
! sapnhap: lỗi: --province 99 không phải là tỉnh trong bảng mã cấp 1 (bảng có sẵn mappings/level1-codes.csv): hãy ghi mã 2 chữ số của tỉnh cũ có tệp này
! xem hướng dẫn: 'sapnhap catalog import --help'

# Dossiers: Bình Phước's given as Đồng Nai's; one of Đồng Nai's among Bình Phước's (line 4).
$ sapnhap catalog import samples/catalogs/binhphuoc.csv --province 70 >/dev/null && sapnhap catalog import samples/catalogs/dongnai.xml --province 75 >/dev/null && cp sapnhap.db before.db
$ sapnhap dossiers import samples/dossiers/binhphuoc.csv --province 75; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: lỗi: samples/dossiers/binhphuoc.csv:2: hồ sơ 000.00.32.H10-250624-0041 ở cơ quan 000.00.32.H10, thuộc tỉnh 70 (Tỉnh Bình Phước, mã cấp 1 H10), không thuộc tỉnh 75 đã ghi ở --province
$ sapnhap dossiers import data/dossier-foreign.csv --province 70; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: lỗi: data/dossier-foreign.csv:4: hồ sơ 000.00.36.H19-250623-0056 ở cơ quan 000.00.36.H19, thuộc tỉnh 75 (Tỉnh Đồng Nai, mã cấp 1 H19), không thuộc tỉnh 70 đã ghi ở --province
$ sapnhap dossiers import samples/dossiers/binhphuoc.csv --province 99; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 2]
unchanged
! sapnhap: lỗi: --province 99 không phải là tỉnh trong bảng mã cấp 1 (bảng có sẵn mappings/level1-codes.csv): hãy ghi mã 2 chữ số của tỉnh cũ có tệp này
! xem hướng dẫn: 'sapnhap dossiers import --help'

# The right files pass, and the migration goes on.
$ sapnhap dossiers import samples/dossiers/binhphuoc.csv --province 70 && sapnhap dossiers import samples/dossiers/dongnai.csv --province 75
đã nhập hồ sơ của tỉnh 70 từ samples/dossiers/binhphuoc.csv: dossiers=24
đã nhập hồ sơ của tỉnh 75 từ samples/dossiers/dongnai.csv: dossiers=22
