# The authored conversion table imports, as an event with the 2025 defaults.
$ sapnhap units import samples/units/conversion-2025.csv
đã nhập sự kiện 'reform-2025' (conversion, hiệu lực 2025-07-01) từ samples/units/conversion-2025.csv [utf-8]: rows=43 links=39 old_communes=36 new_communes=25 new_provinces=4 padded_codes=2

# Same inputs again: already applied, nothing changes.
$ sapnhap units import samples/units/conversion-2025.csv
! sapnhap: units import reform-2025: đã áp dụng ngày 2026-11-20T12:00:00Z với cùng đầu vào; không có gì thay đổi

# The pre-reform list and a later change file, then the journal.
$ sapnhap units import samples/units/pre-reform-list.csv
đã nhập sự kiện 'pre-reform' (list, hiệu lực 2025-06-30) từ samples/units/pre-reform-list.csv [utf-8]: rows=37 communes=37
$ sapnhap units import samples/units/dongnai-2026.csv --event dongnai-2026 --effective 2026-04-30
đã nhập sự kiện 'dongnai-2026' (changes, hiệu lực 2026-04-30) từ samples/units/dongnai-2026.csv [utf-8]: rows=5 links=5 old_communes=4 new_communes=4 new_provinces=1 padded_codes=0
$ sapnhap status
cơ sở dữ liệu: sapnhap.db (lược đồ 12)

nhật ký:
  1  2026-11-20T12:00:00Z  units import reform-2025  applied  rows=43 links=39 old_communes=36 new_communes=25 new_provinces=4 padded_codes=2
      đầu vào samples/units/conversion-2025.csv  sha256 c293d86f232414e348bfe842811b59d09945c02e19922666b95e6aac3d58e51c
      đầu vào (built-in mappings/errata-2025.csv)  sha256 0b84968ff25a904a35610ee0aca7a056ff5c07f71969898b0448832b4b007747
  2  2026-11-20T12:00:00Z  units import pre-reform  applied  rows=37 communes=37
      đầu vào samples/units/pre-reform-list.csv  sha256 82b4eb3e38a15aaa7a8e90f3680d004d576239e87c0ea3557621213dbc80cd2c
  3  2026-11-20T12:00:00Z  units import dongnai-2026  applied  rows=5 links=5 old_communes=4 new_communes=4 new_provinces=1 padded_codes=0
      đầu vào samples/units/dongnai-2026.csv  sha256 214d8c105817e99b46aef863a0055228a1ffd125df305f10f20394d35ae39339

các lần thay đổi đơn vị hành chính:
  pre-reform       2025-06-30  list       samples/units/pre-reform-list.csv
  reform-2025      2025-07-01  conversion samples/units/conversion-2025.csv
  dongnai-2026     2026-04-30  changes    samples/units/dongnai-2026.csv

các bảng:
  event             3
  unit              102
  link              44
  listed_unit       66
  agency            0
  code_table        0
  crosswalk         0
  closed_code       0
  review            0
  procedure         0
  binding           0
  dossier           0
  dossier_history   0
  merged_procedure  0

# A change file needs its event name and date.
$ sapnhap units import samples/units/dongnai-2026.csv
! sapnhap: lỗi: tệp thay đổi cần có --event NAME và --effective DATE
! xem hướng dẫn: 'sapnhap units import --help'
[exit 2]

# Dry run on a fresh database writes nothing.
$ sapnhap --db dry.db units import samples/units/conversion-2025.csv --dry-run; test -e dry.db || echo "no database written"
sẽ nhập sự kiện 'reform-2025' (conversion, hiệu lực 2025-07-01) từ samples/units/conversion-2025.csv [utf-8]: rows=43 links=39 old_communes=36 new_communes=25 new_provinces=4 padded_codes=2
no database written
