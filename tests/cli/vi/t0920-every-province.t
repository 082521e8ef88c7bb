# Rules that hold for any province, on a small authored merger shaped like new Tây Ninh (80): old
# Tây Ninh (72) and Long An (80) merge; the new province keeps Long An's unit code (80, where its
# seat is) but Tây Ninh's NAME, so it keeps Tây Ninh's level-1 code H53 and Long An's H39/K39 are
# closed (QĐ 09/2025/QĐ-TTg). Long An has an island district that became a special zone, a
# split commune without a whole-population part, and departments in city and 2025 forms.
$ sapnhap units import data/country/units.csv && sapnhap agencies import data/country/agencies-72.csv --province 72 && sapnhap agencies import data/country/agencies-80.csv --province 80
đã nhập sự kiện 'reform-2025' (conversion, hiệu lực 2025-07-01) từ data/country/units.csv [utf-8]: rows=14 links=13 old_communes=10 new_communes=7 new_provinces=1 padded_codes=0
đã nhập danh mục cơ quan của tỉnh 72 từ data/country/agencies-72.csv: agencies=15 nonconforming=0
đã nhập danh mục cơ quan của tỉnh 80 từ data/country/agencies-80.csv: agencies=18 nonconforming=0

# An operator who must follow a different published decision names the survivor (here before
# anything is applied); an old province that is not part of the merger is refused. Once a recode
# has closed a level-1 code, that code never comes back.
$ sapnhap recode --on 2025-07-01 --survivor 80 --dry-run
chạy thử: sẽ cấp lại mã cho tỉnh 80 (giữ nguyên mã cấp 1 H39; chấm dứt H53, K53): kept=7 renumbered=6 merged=9 closed=11 new_commune_committees=7 codes=14 review=1
$ sapnhap recode --on 2025-07-01 --survivor 75 --dry-run
! sapnhap: lỗi: tỉnh giữ mã 75 không phải là tỉnh cũ của tỉnh mới 80 (72, 80)
[exit 3]

# The survivor follows the name; the merged committee and council carry the new province's name
# and unit code.
$ sapnhap recode --on 2025-07-01
đã cấp lại mã cho tỉnh 80 (giữ nguyên mã cấp 1 H53; chấm dứt H39, K39): kept=6 renumbered=7 merged=9 closed=11 new_commune_committees=7 codes=14 review=1
$ sapnhap recode --explain 000.00.00.H53 | head -3
000.00.00.H53 Ủy ban nhân dân tỉnh Tây Ninh (province-committee, tỉnh 72)
  kept -> 000.00.00.H53
  lý do: tỉnh mới 80 (Tỉnh Tây Ninh): tỉnh mới mang tên của tỉnh 72 (Tỉnh Tây Ninh): giữ mã cấp 1 của tỉnh đó (QĐ 09/2025/QĐ-TTg); giữ nguyên mã cấp 1 H53
$ sapnhap recode --explain 000.00.00.H39 | head -3
000.00.00.H39 Ủy ban nhân dân tỉnh Long An (province-committee, tỉnh 80)
  merged -> 000.00.00.H53
  lý do: tỉnh cũ 80 sáp nhập vào tỉnh mới 80 (Tỉnh Tây Ninh); mã cấp 1 H39 của tỉnh cũ chấm dứt và công việc chuyển cho 000.00.00.H53 (QĐ 09/2025/QĐ-TTg)
$ sapnhap agencies list --format csv | grep -e province- -e ',department,'
000.00.00.H53,Ủy ban nhân dân tỉnh Tây Ninh,province-committee,,80,kept,
000.00.01.H53,Văn phòng UBND tỉnh,department,000.00.00.H53,72,kept,
000.00.02.H53,Sở Nông nghiệp và Môi trường,department,000.00.00.H53,72,kept,
000.00.03.H53,Thanh tra tỉnh,department,000.00.00.H53,72,kept,
000.00.04.H53,"Sở Văn hóa, Thể thao và Du lịch",department,000.00.00.H53,72,kept,
000.00.05.H53,Sở Du lịch,department,000.00.00.H53,80,renumbered,
000.00.00.K53,Hội đồng nhân dân tỉnh Tây Ninh,province-council,,80,kept,

# Departments by function in any spelling: "Văn phòng UBND tỉnh" = "Văn phòng Ủy ban nhân dân
# tỉnh Long An"; "Thanh tra Thành phố" = "Thanh tra tỉnh"; Sở Văn hóa và Thể thao joins Sở Văn
# hóa, Thể thao và Du lịch; Sở Du lịch is a department of its own; district offices in huyện and
# thành phố forms go to the department of their function.
$ sapnhap crosswalk --format csv | grep -e '\.0[1-5]\.H39' -e '^000.01.3'
000.01.31.H53,72,closed,,000.00.02.H53,district level abolished; its function (agriculture-environment) goes to 000.00.02.H53 Sở Nông nghiệp và Môi trường
000.01.32.H53,72,closed,,000.00.03.H53,district level abolished; its function (inspectorate) goes to 000.00.03.H53 Thanh tra tỉnh
000.00.01.H39,80,merged,000.00.01.H53,,"same function (office) as 000.00.01.H53, which carries it in the merged province (2025 department mergers)"
000.00.02.H39,80,merged,000.00.02.H53,,"same function (agriculture-environment) as 000.00.02.H53, which carries it in the merged province (2025 department mergers)"
000.00.03.H39,80,merged,000.00.03.H53,,"same function (inspectorate) as 000.00.03.H53, which carries it in the merged province (2025 department mergers)"
000.00.04.H39,80,renumbered,000.00.05.H53,,"department of province 80 with no department of the same function in the merged province; new number from rule (built-in allocation.csv):2 (000.00.{n}.{l1}, 1-30)"
000.00.05.H39,80,merged,000.00.04.H53,,"same function (culture) as 000.00.04.H53, which carries it in the merged province (2025 department mergers)"
000.01.31.H39,80,closed,,000.00.03.H53,district level abolished; its function (inspectorate) goes to 000.00.03.H53 Thanh tra tỉnh
000.01.32.H39,80,closed,,000.00.02.H53,district level abolished; its function (agriculture-environment) goes to 000.00.02.H53 Sở Nông nghiệp và Môi trường
000.01.33.H39,80,closed,,000.07.60.H53,"district level abolished; function justice has no department in the merged province, so the 1 commune committee(s) of its area succeed it"

# The survivor cannot change once a recode has closed the other level-1 codes.
$ sapnhap recode --on 2025-07-01 --survivor 80 --force
! sapnhap: lỗi: mã cấp 1 H39 của tỉnh 80 đã chấm dứt ở một lần cấp lại mã trước đây trên cơ sở dữ liệu này, và mã đã chấm dứt không bao giờ được cấp lại: tỉnh 80 không thể là tỉnh giữ mã ở đây (hãy dùng một cơ sở dữ liệu làm việc mới)
[exit 3]

# A district's successors are the committees of its own old communes' new communes; the island
# district that became a special zone merges into the zone's committee.
$ sapnhap recode --explain 000.00.32.H39 | head -4
000.00.32.H39 Ủy ban nhân dân huyện Thủ Thừa (district-committee, tỉnh 80)
  closed
  lý do: cấp huyện bị bãi bỏ từ ngày hiệu lực của việc sắp xếp; địa bàn huyện nay gồm 2 xã, UBND các xã này kế thừa
  cơ quan kế thừa: 000.05.60.H53, 000.06.60.H53
$ sapnhap recode --explain 000.00.33.H39 | head -3
000.00.33.H39 Ủy ban nhân dân huyện Cồn Rồng (district-committee, tỉnh 80)
  merged -> 000.07.60.H53
  lý do: cấp huyện bị bãi bỏ từ ngày hiệu lực của việc sắp xếp; toàn bộ huyện trở thành một đơn vị, 27800 (đặc khu), UBND của đơn vị này tiếp nhận công việc của huyện

# Allocation never issues a placeholder group (98, 99) and says which rule to add when its
# ranges are exhausted.
$ sapnhap recode --on 2025-07-01 --rules data/country/rules-tight.csv --dry-run --force
! sapnhap: lỗi: không còn mã trống cho loại commune-committee: mọi khoảng mã của quy tắc cấp mã đã dùng hết hoặc đã chấm dứt; hãy thêm một khoảng vào tệp quy tắc (recode --rules FILE), ví dụ 'commune-committee,000.{n}.61.{l1},1,97'
[exit 3]

# Dossiers follow the level of their work. At a split commune's committee a land dossier (a
# field the jurisdiction rules send to the province) follows its commune: the hamlet table, a
# decision, the whole-population part; else it waits for a person. District-level work at the
# island district goes to the special zone's committee.
$ for p in 72 80; do sapnhap catalog import data/country/catalog-$p.csv --province $p >/dev/null && sapnhap dossiers import data/country/dossiers-$p.csv --province $p >/dev/null; done
$ sapnhap reassign --on 2025-07-01 --hamlets data/country/hamlets.csv --decisions data/country/decisions.csv
đã phân lại thẩm quyền danh mục thủ tục của tỉnh 80: procedures=3 bindings=17 dossiers_moved=5 dossiers_queued=1 bindings_queued=0 conflicts=0 default_rule=0
$ sqlite3 -separator ' | ' sapnhap.db "SELECT d.code, h.to_agency, h.rule FROM dossier d JOIN dossier_history h ON h.dossier_id = d.id ORDER BY d.code"
000.00.33.H39-250625-0002 | 000.07.60.H53 | crosswalk: merged (district level abolished on the reform's effective date; the whole district became one unit, 27800 (a special zone), whose committee takes over its work)
000.01.33.H39-250625-0001 | 000.07.60.H53 | district -> commune: field:G15-TP03 ((built-in jurisdiction.csv):4); district 796 is now the one commune 27800
000.51.32.H39-250620-0002 | 000.06.60.H53 | commune -> commune: hamlet Ấp 2 of 27703 is in 27706
000.51.32.H39-250620-0003 | 000.05.60.H53 | decision: data/country/decisions.csv:2 the applicant confirmed the parcel is in Xã Thủ Thừa
000.51.32.H53-250620-0001 | 000.02.60.H53 | commune -> commune: commune 25483 was split; 25480 took the whole population
$ sapnhap queue --step reassign
reassign  dossier:000.51.32.H39-250620-0001 hồ sơ cần quyết định: xã 27703 bị chia tách cho 2 xã mới, không phần nào nhận toàn bộ dân số: tại 000.51.32.H39, thủ tục 1.000001, người nộp ở xã 27703
! sapnhap: 1 mục đang mở
