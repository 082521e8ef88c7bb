# recode: the merged province's code table and the crosswalk, from the sample registries.
$ sapnhap units import samples/units/conversion-2025.csv >/dev/null && sapnhap units import samples/units/pre-reform-list.csv >/dev/null && sapnhap agencies import samples/agencies/binhphuoc.csv --province 70 >/dev/null && sapnhap agencies import samples/agencies/dongnai.csv --province 75 >/dev/null

# Before recode there is no crosswalk: every command that reads it says so the same way (exit 3).
$ sapnhap crosswalk
! sapnhap: lỗi: chưa có bảng mã và bảng chuyển đổi mã: hãy chạy 'sapnhap recode' trước
[exit 3]
$ sapnhap rewrite samples/letter.xml out.xml
! sapnhap: lỗi: chưa có bảng mã và bảng chuyển đổi mã: hãy chạy 'sapnhap recode' trước
[exit 3]
$ sapnhap reassign
! sapnhap: lỗi: chưa có bảng mã và bảng chuyển đổi mã: hãy chạy 'sapnhap recode' trước
[exit 3]

# The recode itself.
$ sapnhap recode --dry-run
chạy thử: sẽ cấp lại mã cho tỉnh 75 (giữ nguyên mã cấp 1 H19; chấm dứt H10, K10): kept=17 renumbered=33 merged=36 closed=43 new_commune_committees=21 codes=50 review=2
$ sapnhap recode
đã cấp lại mã cho tỉnh 75 (giữ nguyên mã cấp 1 H19; chấm dứt H10, K10): kept=17 renumbered=33 merged=36 closed=43 new_commune_committees=21 codes=50 review=2
$ sapnhap recode
! sapnhap: recode merged province: đã áp dụng ngày 2026-11-20T12:00:00Z với cùng đầu vào; không có gì thay đổi
$ sapnhap crosswalk
000.00.00.H10   70 merged     000.00.00.H19   
000.00.01.H10   70 merged     000.00.01.H19   
000.00.02.H10   70 merged     000.00.02.H19   
000.00.03.H10   70 merged     000.00.05.H19   
000.00.04.H10   70 merged     000.00.04.H19   
000.00.05.H10   70 merged     000.00.04.H19   
000.00.06.H10   70 merged     000.00.06.H19   
000.00.07.H10   70 merged     000.00.07.H19   
000.02.07.H10   70 renumbered 000.03.07.H19   
000.00.08.H10   70 merged     000.00.07.H19   
000.03.08.H10   70 merged     000.01.07.H19   
000.00.09.H10   70 merged     000.00.09.H19   
000.00.10.H10   70 merged     000.00.09.H19   
000.00.11.H10   70 merged     000.00.15.H19   
000.00.12.H10   70 merged     000.00.15.H19   
000.00.13.H10   70 merged     000.00.02.H19   
000.00.14.H10   70 merged     000.00.14.H19   
000.00.15.H10   70 merged     000.00.11.H19   
000.00.16.H10   70 merged     000.00.12.H19   
000.01.16.H10   70 renumbered 000.01.12.H19   
000.00.17.H10   70 merged     000.00.17.H19   
000.00.18.H10   70 merged     000.00.18.H19   
000.00.19.H10   70 renumbered 000.00.19.H19   
000.00.31.H10   70 closed     -               000.03.60.H19
000.50.31.H10   70 merged     000.03.60.H19   
000.51.31.H10   70 renumbered 000.03.60.H19   
000.00.32.H10   70 closed     -               000.01.60.H19;000.02.60.H19
000.01.32.H10   70 closed     -               000.00.05.H19
000.02.32.H10   70 closed     -               000.00.07.H19
000.03.32.H10   70 closed     -               000.00.09.H19
000.04.32.H10   70 closed     -               000.00.11.H19
000.50.32.H10   70 renumbered 000.01.60.H19   
000.51.32.H10   70 merged     000.01.60.H19   
001.51.32.H10   70 renumbered 001.01.60.H19   
000.52.32.H10   70 merged     000.02.60.H19   
000.53.32.H10   70 renumbered 000.02.60.H19   
000.54.32.H10   70 merged     000.01.60.H19   
000.00.33.H10   70 closed     -               000.07.60.H19
000.50.33.H10   70 renumbered 000.07.60.H19   
000.00.34.H10   70 closed     -               000.04.60.H19
000.50.34.H10   70 renumbered 000.04.60.H19   
000.00.35.H10   70 closed     -               000.05.60.H19
000.50.35.H10   70 renumbered 000.05.60.H19   
000.51.35.H10   70 merged     000.05.60.H19   
000.00.36.H10   70 closed     -               000.06.60.H19
000.50.36.H10   70 renumbered 000.06.60.H19   
000.51.36.H10   70 merged     000.06.60.H19   
000.302.36.H10  70 closed     -               
000.00.37.H10   70 closed     -               000.07.60.H19
000.50.37.H10   70 merged     000.07.60.H19   
000.00.38.H10   70 closed     -               000.08.60.H19
000.01.38.H10   70 closed     -               000.00.02.H19
000.02.38.H10   70 closed     -               000.00.12.H19
000.50.38.H10   70 renumbered 000.08.60.H19   
001.50.38.H10   70 renumbered 001.08.60.H19   
000.00.39.H10   70 closed     -               000.09.60.H19
000.01.39.H10   70 closed     -               000.00.05.H19
000.02.39.H10   70 closed     -               000.00.07.H19
000.03.39.H10   70 closed     -               000.00.11.H19
001.03.39.H10   70 renumbered 001.09.60.H19   
000.50.39.H10   70 renumbered 000.09.60.H19   
001.50.39.H10   70 renumbered 002.09.60.H19   
000.00.40.H10   70 closed     -               000.10.60.H19
000.50.40.H10   70 renumbered 000.10.60.H19   
000.00.41.H10   70 closed     -               000.03.60.H19
000.50.41.H10   70 merged     000.03.60.H19   
000.00.00.K10   70 merged     000.00.00.K19   
000.00.00.H19   75 kept       000.00.00.H19   
000.00.01.H19   75 kept       000.00.01.H19   
000.00.02.H19   75 kept       000.00.02.H19   
000.00.03.H19   75 merged     000.00.04.H19   
000.00.04.H19   75 kept       000.00.04.H19   
000.00.05.H19   75 kept       000.00.05.H19   
000.00.06.H19   75 kept       000.00.06.H19   
000.00.07.H19   75 kept       000.00.07.H19   
000.01.07.H19   75 kept       000.01.07.H19   
000.00.08.H19   75 merged     000.00.07.H19   
000.02.08.H19   75 renumbered 000.02.07.H19   
000.00.09.H19   75 kept       000.00.09.H19   
000.00.10.H19   75 merged     000.00.09.H19   
000.00.11.H19   75 kept       000.00.11.H19   
000.00.12.H19   75 kept       000.00.12.H19   
000.00.13.H19   75 merged     000.00.02.H19   
000.01.13.H19   75 renumbered 000.01.02.H19   
000.00.14.H19   75 kept       000.00.14.H19   
000.00.15.H19   75 kept       000.00.15.H19   
000.00.16.H19   75 merged     000.00.15.H19   
000.00.17.H19   75 kept       000.00.17.H19   
000.00.18.H19   75 kept       000.00.18.H19   
000.00.20.H19   75 kept       000.00.20.H19   
000.00.31.H19   75 closed     -               000.19.60.H19
000.01.31.H19   75 closed     -               000.00.05.H19
000.02.31.H19   75 closed     -               000.00.07.H19
000.03.31.H19   75 closed     -               000.00.06.H19
000.04.31.H19   75 closed     -               000.00.09.H19
000.50.31.H19   75 renumbered 000.19.60.H19   
001.50.31.H19   75 renumbered 001.19.60.H19   
000.00.32.H19   75 closed     -               000.11.60.H19
000.50.32.H19   75 renumbered 000.11.60.H19   
000.00.33.H19   75 closed     -               000.12.60.H19
000.50.33.H19   75 renumbered 000.12.60.H19   
001.50.33.H19   75 renumbered 001.12.60.H19   
000.51.33.H19   75 merged     000.12.60.H19   
000.00.34.H19   75 closed     -               000.13.60.H19
000.50.34.H19   75 renumbered 000.13.60.H19   
000.00.35.H19   75 closed     -               000.14.60.H19
000.50.35.H19   75 renumbered 000.14.60.H19   
000.00.36.H19   75 closed     -               000.15.60.H19
000.50.36.H19   75 renumbered 000.15.60.H19   
000.00.37.H19   75 closed     -               000.16.60.H19
000.50.37.H19   75 renumbered 000.16.60.H19   
000.00.38.H19   75 closed     -               000.17.60.H19
000.50.38.H19   75 renumbered 000.17.60.H19   
000.00.39.H19   75 closed     -               000.18.60.H19
000.01.39.H19   75 closed     -               000.00.05.H19
000.02.39.H19   75 closed     -               000.00.04.H19
000.03.39.H19   75 closed     -               000.00.11.H19
001.03.39.H19   75 renumbered 001.18.60.H19   
000.50.39.H19   75 renumbered 000.18.60.H19   
000.51.39.H19   75 merged     000.18.60.H19   
000.00.40.H19   75 closed     -               000.17.60.H19;000.20.60.H19
000.01.40.H19   75 closed     -               000.00.02.H19
000.02.40.H19   75 closed     -               000.00.12.H19
000.50.40.H19   75 renumbered 000.20.60.H19   
000.51.40.H19   75 closed     -               000.17.60.H19;000.20.60.H19
001.51.40.H19   75 closed     -               000.17.60.H19;000.20.60.H19
000.00.41.H19   75 closed     -               000.21.60.H19
000.50.41.H19   75 renumbered 000.21.60.H19   
000.00.00.K19   75 kept       000.00.00.K19   

# Invariants: no H10/K10 code active; no code issued twice (in either notation); every old code
# accounted for exactly once; no closed commune's committee active; each new commune has one.
$ sqlite3 sapnhap.db "SELECT count(*) FROM code_table WHERE code LIKE '%.H10' OR code LIKE '%.K10'"
0
$ sqlite3 sapnhap.db "SELECT count(*) - count(DISTINCT sort_key) FROM code_table"
0
$ sqlite3 sapnhap.db "SELECT (SELECT count(*) FROM agency) - (SELECT count(DISTINCT old_code) FROM crosswalk)"
0
$ sqlite3 sapnhap.db "SELECT count(*) FROM code_table c WHERE kind = 'commune-committee' AND NOT EXISTS (SELECT 1 FROM unit u WHERE u.code = c.unit_code AND u.level = 'commune' AND u.valid_to IS NULL)"
0
$ sqlite3 sapnhap.db "SELECT count(*), count(DISTINCT unit_code) FROM code_table WHERE kind = 'commune-committee'"
21|21
$ sqlite3 sapnhap.db "SELECT count(*) FROM code_table c JOIN closed_code k ON k.sort_key = c.sort_key"
0

# Why each code is what it is.
$ sapnhap recode --explain 000.00.00.H10
000.00.00.H10 Ủy ban nhân dân tỉnh Bình Phước (province-committee, tỉnh 70)
  merged -> 000.00.00.H19
  lý do: tỉnh cũ 70 sáp nhập vào tỉnh mới 75 (Tỉnh Đồng Nai); mã cấp 1 H10 của tỉnh cũ chấm dứt và công việc chuyển cho 000.00.00.H19 (QĐ 09/2025/QĐ-TTg)
$ sapnhap recode --explain 000.02.07.H10
000.02.07.H10 Chi cục Thủy lợi (department-unit, tỉnh 70)
  renumbered -> 000.03.07.H19
  lý do: cơ quan cấp trên 000.00.07.H10 sáp nhập vào 000.00.07.H19; tiếp tục hoạt động dưới cơ quan đó với mã 000.03.07.H19 (số cũ của cơ quan đã có đơn vị khác dùng)
$ sapnhap recode --explain 000.00.40.H19
000.00.40.H19 Ủy ban nhân dân huyện Xuân Lộc (district-committee, tỉnh 75)
  closed
  lý do: cấp huyện bị bãi bỏ từ ngày hiệu lực của việc sắp xếp; địa bàn huyện nay gồm 2 xã, UBND các xã này kế thừa
  cơ quan kế thừa: 000.17.60.H19, 000.20.60.H19
$ sapnhap recode --explain 000.01.60.H19
000.01.60.H19 Ủy ban nhân dân phường Bình Phước (commune-committee, trong bảng mã của tỉnh mới)
  renumbered: UBND của xã mới 25195 Phường Bình Phước, quy tắc (built-in allocation.csv):4 (000.{n}.60.{l1}, 1-97), cấp theo thứ tự mã xã mới; tiếp tục công việc của 000.50.32.H10 Ủy ban nhân dân phường Tân Phú
  cơ quan cấp trên: 000.00.00.H19
  đảm nhận công việc của: 000.51.32.H10, 000.54.32.H10
$ sapnhap recode --explain 000.00.99.H19
! sapnhap: lỗi: 000.00.99.H19 không phải là mã cũ, cũng không phải là mã trong bảng mã mới
[exit 1]

# The same inputs in a fresh database give a byte-identical crosswalk and code table.
$ sapnhap crosswalk --format csv > a.csv; sapnhap agencies list --format csv > a-list.csv; sapnhap --db two.db units import samples/units/conversion-2025.csv >/dev/null && sapnhap --db two.db units import samples/units/pre-reform-list.csv >/dev/null && sapnhap --db two.db agencies import samples/agencies/dongnai.csv --province 75 >/dev/null && sapnhap --db two.db agencies import samples/agencies/binhphuoc.csv --province 70 >/dev/null && sapnhap --db two.db recode >/dev/null && sapnhap --db two.db crosswalk --format csv > b.csv && sapnhap --db two.db agencies list --format csv > b-list.csv && cmp a.csv b.csv && cmp a-list.csv b-list.csv && echo identical
identical

# Codes in QĐ 20/2020 notation on request.
$ sapnhap crosswalk --notation left | sed -n '1p;30,32p'
H10             70 merged     H19             
H10.32.03       70 closed     -               H19.09
H10.32.04       70 closed     -               H19.11
H10.32.50       70 renumbered H19.60.01       
$ sapnhap agencies list --notation left --format csv | sed -n '1,3p'
code,name,kind,parent_code,unit_code,origin,problem
H19,Ủy ban nhân dân tỉnh Đồng Nai,province-committee,,75,kept,
H19.01,Văn phòng Ủy ban nhân dân tỉnh,department,H19,75,kept,

# The crosswalk as XML validates against its schema.
$ sapnhap crosswalk --format xml > cw.xml && xmllint --noout --schema schema/crosswalk.xsd cw.xml
! cw.xml validates

# Pins win; a code issued before is never reused for something else.
$ sapnhap recode --pins data/pins.csv
! sapnhap: lỗi: recode merged province: đã áp dụng ngày 2026-11-20T12:00:00Z với đầu vào khác; dùng --force để thay thế
[exit 3]
$ sapnhap recode --pins data/pins.csv --force
đã cấp lại mã cho tỉnh 75 (giữ nguyên mã cấp 1 H19; chấm dứt H10, K10): kept=17 renumbered=33 merged=36 closed=43 new_commune_committees=21 codes=50 review=2
$ sapnhap recode --explain 000.95.60.H19
000.95.60.H19 Ủy ban nhân dân phường Bình Phước (commune-committee, trong bảng mã của tỉnh mới)
  renumbered: UBND của xã mới 25195 Phường Bình Phước, mã ấn định (data/pins.csv:2), cấp theo thứ tự mã xã mới; tiếp tục công việc của 000.50.32.H10 Ủy ban nhân dân phường Tân Phú
  cơ quan cấp trên: 000.00.00.H19
  đảm nhận công việc của: 000.51.32.H10, 000.54.32.H10

# A what-if without the pins explains a fresh computation and keeps nothing.
$ sapnhap recode --explain 000.50.32.H10 --dry-run
000.50.32.H10 Ủy ban nhân dân phường Tân Phú (commune-committee, tỉnh 70)
  renumbered -> 000.22.60.H19
  lý do: xã 25195 giữ mã của mình thành xã mới 25195 (nơi đặt trụ sở của xã sau sáp nhập): UBND xã tiếp tục hoạt động với mã UBND xã mới
$ sapnhap crosswalk --format csv | grep -E '^000.00.19.H10|^000.50.32.H10'
000.00.19.H10,70,renumbered,000.00.25.H19,,pinned to 000.00.25.H19 (data/pins.csv:3)
000.50.32.H10,70,renumbered,000.95.60.H19,,commune 25195 keeps its code as new commune 25195 (the seat of the merged commune): its committee continues under the new committee code
$ sqlite3 sapnhap.db "SELECT code, reason FROM closed_code WHERE code = '000.01.60.H19'"
000.01.60.H19|issued by an earlier recode for commune:25195, then withdrawn

# Refusals: a pinned closed code, a pin that matches nothing, an exhausted range (exit 3,
# nothing written).
$ cp sapnhap.db before.db
$ sapnhap recode --pins data/pins-closed.csv --force; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: lỗi: data/pins-closed.csv:2: mã ấn định 000.50.31.H19 cho commune:25210 đã chấm dứt hoặc đã được cấp
$ sapnhap recode --pins data/pins-absorbed.csv --force; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: lỗi: data/pins-absorbed.csv:2: mã ấn định 000.50.32.H10 cho commune:25210 không thuộc mã cấp 1 của tỉnh giữ mã
$ sapnhap recode --pins data/pins-unused.csv --force; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: lỗi: data/pins-unused.csv:2: mã ấn định cho commune:99999 không khớp với cơ quan cũ hay xã mới nào của tỉnh 75
$ sapnhap recode --rules data/rules-small.csv --force; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: lỗi: không còn mã trống cho loại commune-committee: mọi khoảng mã của quy tắc cấp mã đã dùng hết hoặc đã chấm dứt; hãy thêm một khoảng vào tệp quy tắc (recode --rules FILE), ví dụ 'commune-committee,000.{n}.61.{l1},1,97'

# After the merger date the agency list is the merged province's code table.
$ sapnhap agencies list --on 2025-07-01 | head -4
000.00.00.H19    province-committee Ủy ban nhân dân tỉnh Đồng Nai
000.00.01.H19    department         Văn phòng Ủy ban nhân dân tỉnh
000.00.02.H19    department         Sở Nội vụ
000.01.02.H19    department-unit    Trung tâm Dịch vụ việc làm
$ sapnhap agencies list --on 2025-06-30 | head -2
000.00.00.H10    province-committee Ủy ban nhân dân tỉnh Bình Phước
000.00.01.H10    department         Văn phòng Ủy ban nhân dân tỉnh
