# Steps depend on each other (tools/steps.c): when a step is applied again, the steps that read
# what it wrote are stale. They are named with the command to run, status lists them, they
# recompute when run again, and a step refuses to run over a stale one it reads.
$ sapnhap units import samples/units/conversion-2025.csv > /dev/null && sapnhap units import samples/units/pre-reform-list.csv > /dev/null && sapnhap agencies import samples/agencies/binhphuoc.csv --province 70 > /dev/null && sapnhap agencies import samples/agencies/dongnai.xml --province 75 > /dev/null && sapnhap recode --on 2025-07-01 > /dev/null && sapnhap catalog import samples/catalogs/binhphuoc.csv --province 70 > /dev/null && sapnhap catalog import samples/catalogs/dongnai.xml --province 75 > /dev/null && sapnhap dossiers import samples/dossiers/binhphuoc.csv --province 70 > /dev/null && sapnhap reassign --on 2025-07-01 --hamlets samples/dossiers/hamlets.csv; cp sapnhap.db chain.db
đã phân lại thẩm quyền danh mục thủ tục của tỉnh 75: procedures=56 bindings=592 dossiers_moved=24 dossiers_queued=0 bindings_queued=0 conflicts=31 default_rule=9

# The conversion table corrected: Thị trấn Đức Phong (25396) goes to Phường Chơn Thành (25432),
# not to a new Xã Bù Đăng. recode and reassign read the unit registry: both are stale.
$ sed 's/^Tỉnh Đồng Nai (75),Xã Bù Đăng,25396,Thị trấn Đức Phong,25396,/Tỉnh Đồng Nai (75),Phường Chơn Thành,25432,Thị trấn Đức Phong,25396,/' samples/units/conversion-2025.csv > conversion.csv && sapnhap units import conversion.csv --event reform-2025 --force
đã nhập lại sự kiện 'reform-2025' (conversion, hiệu lực 2025-07-01) từ conversion.csv [utf-8]: rows=43 links=39 old_communes=36 new_communes=24 new_provinces=4 padded_codes=2
! sapnhap: các bước sau nay đã cũ vì đọc dữ liệu mà bước này vừa thay đổi (xem 'sapnhap status'); cần chạy lại theo thứ tự:
!   sapnhap recode --on 2025-07-01    # recode merged province
!   sapnhap reassign --on 2025-07-01 --hamlets samples/dossiers/hamlets.csv    # reassign merged catalog
$ sapnhap status | sed -n '/^stale/,/^$/p'
$ sapnhap reassign --on 2025-07-01 --hamlets samples/dossiers/hamlets.csv
! sapnhap: lỗi: bước reassign merged catalog đọc kết quả của bước recode merged province, nhưng bước đó đã cũ (cần chạy lại): bước units import reform-2025 được áp dụng lại sau đó (nhật ký 10); hãy chạy 'sapnhap recode --on 2025-07-01' trước
[exit 3]

# Its own options changed as well (another date): that is said, and --force would accept it.
$ sapnhap recode --on 2025-06-30
! sapnhap: lỗi: bước recode merged province đã cũ (cần chạy lại): bước units import reform-2025 được áp dụng lại sau đó (nhật ký 10); đồng thời đầu vào của chính bước này khác với lần áp dụng ngày 2026-11-20T12:00:00Z: hãy chạy với cùng tùy chọn và tệp, hoặc dùng --force để thay thế
[exit 3]

# Run as before, it recomputes; then reassign can, and does.
$ sapnhap recode --on 2025-07-01
đã cấp lại mã cho tỉnh 75 (giữ nguyên mã cấp 1 H19; chấm dứt H10, K10): kept=17 renumbered=32 merged=37 closed=43 new_commune_committees=20 codes=49 review=2
! sapnhap: bước recode merged province đã cũ (cần chạy lại): bước units import reform-2025 được áp dụng lại sau đó (nhật ký 10); đang tính lại
! sapnhap: các bước sau nay đã cũ vì đọc dữ liệu mà bước này vừa thay đổi (xem 'sapnhap status'); cần chạy lại theo thứ tự:
!   sapnhap reassign --on 2025-07-01 --hamlets samples/dossiers/hamlets.csv    # reassign merged catalog
$ sapnhap reassign --on 2025-07-01 --hamlets samples/dossiers/hamlets.csv
đã phân lại thẩm quyền danh mục thủ tục của tỉnh 75: procedures=56 bindings=567 dossiers_moved=24 dossiers_queued=0 bindings_queued=0 conflicts=31 default_rule=9
! sapnhap: bước reassign merged catalog đã cũ (cần chạy lại): bước units import reform-2025 được áp dụng lại sau đó (nhật ký 10); đang tính lại
$ sapnhap reassign --on 2025-07-01 --hamlets samples/dossiers/hamlets.csv
! sapnhap: reassign merged catalog: đã áp dụng ngày 2026-11-20T12:00:00Z với cùng đầu vào; không có gì thay đổi
$ sapnhap validate --rule commune-without-committee; sapnhap status | grep '^stale' || echo 'nothing stale'
kiểm tra: tỉnh mới 75 (mã cấp 1 H19, K19)

error    commune-without-committee      0  xã mới của tỉnh mới, đang có hiệu lực, nhưng UBND xã không có trong bảng mã

0 lỗi ở 0 quy tắc, 0 cảnh báo ở 0 quy tắc, 0 thông tin ở 0 quy tắc: đạt
nothing stale

# A replaced agency registry: recode and reassign are named, in order; reassign cannot run before
# recode.
$ cp chain.db sapnhap.db && sed 's/Sở Nội vụ/Sở Nội Vụ/' samples/agencies/binhphuoc.csv > binhphuoc.csv && sapnhap agencies import binhphuoc.csv --province 70 --force
đã nhập lại danh mục cơ quan của tỉnh 70 từ binhphuoc.csv: agencies=67 nonconforming=1
! sapnhap: các bước sau nay đã cũ vì đọc dữ liệu mà bước này vừa thay đổi (xem 'sapnhap status'); cần chạy lại theo thứ tự:
!   sapnhap recode --on 2025-07-01    # recode merged province
!   sapnhap reassign --on 2025-07-01 --hamlets samples/dossiers/hamlets.csv    # reassign merged catalog
$ sapnhap status | sed -n '/^stale/,/^$/p'
$ sapnhap reassign --on 2025-07-01 --hamlets samples/dossiers/hamlets.csv --force
! sapnhap: lỗi: chưa có bảng mã và bảng chuyển đổi mã: hãy chạy 'sapnhap recode' trước
[exit 3]

# A changed catalog: only reassign reads it.
$ cp chain.db sapnhap.db && sapnhap catalog import samples/catalogs/binhphuoc.csv --province 70 --force
đã nhập lại danh mục thủ tục của tỉnh 70 từ samples/catalogs/binhphuoc.csv: procedures=41 bindings=158
! sapnhap: các bước sau nay đã cũ vì đọc dữ liệu mà bước này vừa thay đổi (xem 'sapnhap status'); cần chạy lại theo thứ tự:
!   sapnhap reassign --on 2025-07-01 --hamlets samples/dossiers/hamlets.csv    # reassign merged catalog

# The same inputs with --force: applied again, and what reads it is stale all the same.
$ cp chain.db sapnhap.db && sapnhap recode --on 2025-07-01 --force
đã cấp lại mã cho tỉnh 75 (giữ nguyên mã cấp 1 H19; chấm dứt H10, K10): kept=17 renumbered=33 merged=36 closed=43 new_commune_committees=21 codes=50 review=2
! sapnhap: các bước sau nay đã cũ vì đọc dữ liệu mà bước này vừa thay đổi (xem 'sapnhap status'); cần chạy lại theo thứ tự:
!   sapnhap reassign --on 2025-07-01 --hamlets samples/dossiers/hamlets.csv    # reassign merged catalog
$ sqlite3 sapnhap.db "SELECT id, step, upstream, command FROM journal ORDER BY id"
1|units import||sapnhap units import samples/units/conversion-2025.csv
2|units import||sapnhap units import samples/units/pre-reform-list.csv
3|agencies import||sapnhap agencies import samples/agencies/binhphuoc.csv --province 70
4|agencies import||sapnhap agencies import samples/agencies/dongnai.xml --province 75
5|recode|1 2 3 4|sapnhap recode --on 2025-07-01
6|catalog import||sapnhap catalog import samples/catalogs/binhphuoc.csv --province 70
7|catalog import||sapnhap catalog import samples/catalogs/dongnai.xml --province 75
8|dossiers import||sapnhap dossiers import samples/dossiers/binhphuoc.csv --province 70
9|reassign|1 2 3 4 5 6 7 8|sapnhap reassign --on 2025-07-01 --hamlets samples/dossiers/hamlets.csv
10|recode|1 2 3 4|sapnhap recode --on 2025-07-01 --force

# run after fixing an input it had applied (a name written without its diacritics): that step is applied again without --force (a changed
# input inside a run is the user's intent), and so is reassign, which reads it.
$ sed -e 's#\.\./samples#samples#' -e 's#\.\./run\.db#fix.db#' -e 's#\.\./report#report-fix#' -e 's#samples/catalogs/binhphuoc.csv#cat70.csv#' data/plan-samples.plan > fix.plan && sed 's/Thủ tục đăng ký kết hôn/Thu tuc dang ky ket hon/' samples/catalogs/binhphuoc.csv > cat70.csv && sapnhap run fix.plan > /dev/null 2>&1; echo "[status $?]"
[status 1]
$ cp samples/catalogs/binhphuoc.csv cat70.csv && sapnhap run fix.plan 2>&1 | grep -E '^sapnhap: (catalog|reassign|dossiers)|^migration'; sapnhap --db fix.db status | grep '^stale' || echo 'nothing stale'
sapnhap: catalog import province 70: đầu vào đã thay đổi kể từ lần áp dụng ngày 2026-11-20T12:00:00Z; đang áp dụng lại
sapnhap: catalog import province 75: đã áp dụng ngày 2026-11-20T12:00:00Z với cùng đầu vào; không có gì thay đổi
sapnhap: dossiers import province 70: đã áp dụng ngày 2026-11-20T12:00:00Z với cùng đầu vào; không có gì thay đổi
sapnhap: dossiers import province 75: đã áp dụng ngày 2026-11-20T12:00:00Z với cùng đầu vào; không có gì thay đổi
nothing stale
$ sapnhap run fix.plan 2>&1 | grep -c 'already applied'
0
[exit 1]
