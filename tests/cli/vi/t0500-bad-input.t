# Bad input: a clear error naming file and line (or sheet and cell), exit 3, and the working
# database byte-for-byte unchanged.
$ sapnhap units import samples/units/conversion-2025.csv >/dev/null && cp sapnhap.db before.db
$ sapnhap units import data/unterminated-quote.csv --event bad --effective 2025-08-01; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: error: data/unterminated-quote.csv:4: unterminated quoted field (opened here)
$ sapnhap units import data/code-letters.csv --event bad --effective 2025-08-01; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: error: data/code-letters.csv:4: commune code '2521A' must be digits
$ sapnhap units import data/code-too-long.csv --event bad --effective 2025-08-01; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: error: data/code-too-long.csv:3: commune code '2521345' must have 5 digits
$ sapnhap units import data/unknown-note.csv --event bad --effective 2025-08-01; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: error: data/unknown-note.csv:3: unknown note 'Nhập theo quyết định riêng' (known: Nhập toàn bộ, Nhập một phần, Nhập một phần diện tích, toàn bộ dân số, Giữ nguyên, Đổi tên, Đổi loại hình, Phần còn lại sau khi tách ..., Sắp xếp toàn bộ huyện X thành đặc khu X)
$ sapnhap units import data/shifted-columns.csv --event bad --effective 2025-08-01; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: error: data/shifted-columns.csv:3: unexpected value 'Ghi chú lạc cột' beyond the last column
$ sapnhap units import data/new-name-conflict.csv --event bad --effective 2025-08-01; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: error: data/new-name-conflict.csv:4: new unit 25195 is named 'Phường Tân Bình' here but 'Phường Bình Phước' at data/new-name-conflict.csv:3
$ sapnhap units import data/no-header.csv --event bad --effective 2025-08-01; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: error: data/no-header.csv: no header row in the first 20 rows; expected the official conversion table (Mã Xã mới, Mã Xã cũ, Ghi chú, ...), the pre-reform list (Mã TP, Mã QH, Mã PX) or a change file (level,old_code,new_code,new_name)
$ sapnhap units import data/change-closed-unit.csv --event bad --effective 2026-04-30; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: error: data/change-closed-unit.csv:2: no commune with code 25213 is in force on 2026-04-30
$ sapnhap units import data/change-bad-share.csv --event bad --effective 2026-04-30; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: error: data/change-bad-share.csv:2: share 'most' must be whole, part or part-population

# Undecodable bytes: a UTF-8 file with one invalid byte far past the part used for detection.
$ { cat samples/units/conversion-2025.csv; i=0; while [ $i -lt 600 ]; do sed -n 11p samples/units/conversion-2025.csv; i=$((i+1)); done; printf 'Tỉnh Đồng Nai (75),Phường B\377nh,25195,Xã Tiến Hưng,25213,Nhập toàn bộ,Thành phố Đồng Xoài (689),Tỉnh Bình Phước (70)\n'; } > big.csv; sapnhap units import big.csv --event bad --effective 2025-08-01; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: error: big.csv:647: invalid byte 0xff for utf-8

# Windows-1258 forced as UTF-8.
$ iconv -f UTF-8 -t CP1258 samples/units/conversion-2025.csv > cp1258.csv; sapnhap units import cp1258.csv --encoding utf-8 --event bad --effective 2025-08-01; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: error: cp1258.csv:1: invalid byte 0xd0 for utf-8

# A file that is not there, and a new database that would have been created: none is left.
$ sapnhap units import nothere.csv; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 4]
unchanged
! sapnhap: error: cannot open 'nothere.csv': No such file or directory
$ sapnhap --db fresh.db units import data/unknown-note.csv; echo "[status $?]"; test -e fresh.db || echo "no database left behind"
[status 3]
no database left behind
! sapnhap: error: data/unknown-note.csv:3: unknown note 'Nhập theo quyết định riêng' (known: Nhập toàn bộ, Nhập một phần, Nhập một phần diện tích, toàn bộ dân số, Giữ nguyên, Đổi tên, Đổi loại hình, Phần còn lại sau khi tách ..., Sắp xếp toàn bộ huyện X thành đặc khu X)

# Usage errors: exit 2.
$ sapnhap units import
! sapnhap: error: expected one FILE
! try 'sapnhap units import --help'
[exit 2]
$ sapnhap units import a.csv b.csv
! sapnhap: error: expected one FILE
! try 'sapnhap units import --help'
[exit 2]
$ sapnhap units import samples/units/conversion-2025.csv --effective 2025-02-30
! sapnhap: error: --effective must be a date YYYY-MM-DD, not '2025-02-30'
! try 'sapnhap units import --help'
[exit 2]
$ sapnhap units import samples/units/conversion-2025.csv --encoding latin1
! sapnhap: error: --encoding must be auto, utf-8, cp1258 or tcvn3, not 'latin1'
! try 'sapnhap units import --help'
[exit 2]
$ sapnhap units frobnicate
! sapnhap: error: unknown subcommand 'units frobnicate'
! try 'sapnhap units --help'
[exit 2]
$ sapnhap frobnicate
! sapnhap: error: unknown command 'frobnicate'
! try 'sapnhap --help'
[exit 2]
