# Bad input: a clear error naming file and line (or sheet and cell), exit 3, and the working
# database byte-for-byte unchanged.
$ sapnhap units import samples/units/conversion-2025.csv >/dev/null && cp sapnhap.db before.db
$ sapnhap units import data/unterminated-quote.csv --event bad --effective 2025-08-01; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: lỗi: data/unterminated-quote.csv:4: trường trong dấu nháy kép không được đóng (mở tại đây)
$ sapnhap units import data/code-letters.csv --event bad --effective 2025-08-01; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: lỗi: data/code-letters.csv:4: mã xã '2521A' phải gồm các chữ số
$ sapnhap units import data/code-too-long.csv --event bad --effective 2025-08-01; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: lỗi: data/code-too-long.csv:3: mã xã '2521345' phải có 5 chữ số
$ sapnhap units import data/unknown-note.csv --event bad --effective 2025-08-01; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: lỗi: data/unknown-note.csv:3: ghi chú 'Nhập theo quyết định riêng' không xác định (các ghi chú đã biết: Nhập toàn bộ, Nhập một phần, Nhập một phần diện tích, toàn bộ dân số, Giữ nguyên, Đổi tên, Đổi loại hình, Phần còn lại sau khi tách ..., Sắp xếp toàn bộ huyện X thành đặc khu X)
$ sapnhap units import data/shifted-columns.csv --event bad --effective 2025-08-01; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: lỗi: data/shifted-columns.csv:3: có giá trị 'Ghi chú lạc cột' nằm ngoài cột cuối cùng
$ sapnhap units import data/new-name-conflict.csv --event bad --effective 2025-08-01; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: lỗi: data/new-name-conflict.csv:4: đơn vị mới 25195 ở đây có tên 'Phường Tân Bình', nhưng có tên 'Phường Bình Phước' tại data/new-name-conflict.csv:3
$ sapnhap units import data/no-header.csv --event bad --effective 2025-08-01; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: lỗi: data/no-header.csv: không có dòng tiêu đề trong 20 dòng đầu; cần bảng chuyển đổi chính thức (Mã Xã mới, Mã Xã cũ, Ghi chú, ...), danh mục đơn vị hành chính trước sắp xếp (Mã TP, Mã QH, Mã PX) hoặc tệp thay đổi (level,old_code,new_code,new_name)
$ sapnhap units import data/change-closed-unit.csv --event bad --effective 2026-04-30; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: lỗi: data/change-closed-unit.csv:2: không có xã nào mã 25213 có hiệu lực vào ngày 2026-04-30
$ sapnhap units import data/change-bad-share.csv --event bad --effective 2026-04-30; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: lỗi: data/change-bad-share.csv:2: share 'most' phải là whole, part hoặc part-population

# Undecodable bytes: a UTF-8 file with one invalid byte far past the part used for detection.
$ { cat samples/units/conversion-2025.csv; i=0; while [ $i -lt 600 ]; do sed -n 11p samples/units/conversion-2025.csv; i=$((i+1)); done; printf 'Tỉnh Đồng Nai (75),Phường B\377nh,25195,Xã Tiến Hưng,25213,Nhập toàn bộ,Thành phố Đồng Xoài (689),Tỉnh Bình Phước (70)\n'; } > big.csv; sapnhap units import big.csv --event bad --effective 2025-08-01; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: lỗi: big.csv:647: byte 0xff không hợp lệ trong bảng mã utf-8

# Windows-1258 forced as UTF-8.
$ iconv -f UTF-8 -t CP1258 samples/units/conversion-2025.csv > cp1258.csv; sapnhap units import cp1258.csv --encoding utf-8 --event bad --effective 2025-08-01; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: lỗi: cp1258.csv:1: byte 0xd0 không hợp lệ trong bảng mã utf-8

# A file that is not there, and a new database that would have been created: none is left.
$ sapnhap units import nothere.csv; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 4]
unchanged
! sapnhap: lỗi: không mở được 'nothere.csv': Không có tệp hoặc thư mục này
$ sapnhap --db fresh.db units import data/unknown-note.csv; echo "[status $?]"; test -e fresh.db || echo "no database left behind"
[status 3]
no database left behind
! sapnhap: lỗi: data/unknown-note.csv:3: ghi chú 'Nhập theo quyết định riêng' không xác định (các ghi chú đã biết: Nhập toàn bộ, Nhập một phần, Nhập một phần diện tích, toàn bộ dân số, Giữ nguyên, Đổi tên, Đổi loại hình, Phần còn lại sau khi tách ..., Sắp xếp toàn bộ huyện X thành đặc khu X)

# Usage errors: exit 2.
$ sapnhap units import
! sapnhap: lỗi: cần một tệp FILE
! xem hướng dẫn: 'sapnhap units import --help'
[exit 2]
$ sapnhap units import a.csv b.csv
! sapnhap: lỗi: cần một tệp FILE
! xem hướng dẫn: 'sapnhap units import --help'
[exit 2]
$ sapnhap units import samples/units/conversion-2025.csv --effective 2025-02-30
! sapnhap: lỗi: --effective phải là một ngày dạng YYYY-MM-DD, không phải '2025-02-30'
! xem hướng dẫn: 'sapnhap units import --help'
[exit 2]
$ sapnhap units import samples/units/conversion-2025.csv --encoding latin1
! sapnhap: lỗi: --encoding phải là auto, utf-8, cp1258 hoặc tcvn3, không phải 'latin1'
! xem hướng dẫn: 'sapnhap units import --help'
[exit 2]
$ sapnhap units frobnicate
! sapnhap: lỗi: không có lệnh con 'units frobnicate'
! xem hướng dẫn: 'sapnhap units --help'
[exit 2]
$ sapnhap frobnicate
! sapnhap: lỗi: không có lệnh 'frobnicate'
! xem hướng dẫn: 'sapnhap --help'
[exit 2]
