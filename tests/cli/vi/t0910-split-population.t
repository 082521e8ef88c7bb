# A dossier whose applicant lives in a commune split with a part that took the whole population
# goes to that part (test-only change: 26374 split on 2025-08-01 into 26374, whole population,
# and 26377).
$ sapnhap units import samples/units/conversion-2025.csv >/dev/null && sapnhap units import data/split-population.csv --event split-test --effective 2025-08-01 && sapnhap units map 26374 --on 2025-09-01
đã nhập sự kiện 'split-test' (changes, hiệu lực 2025-08-01) từ data/split-population.csv [utf-8]: rows=2 links=2 old_communes=1 new_communes=2 new_provinces=0 padded_codes=0
26374 Phường Tam Phước -> 26374 Phường Tam Phước (part-population)
26374 Phường Tam Phước -> 26377 Phường Phước Tân (part)
$ sapnhap agencies import samples/agencies/binhphuoc.csv --province 70 >/dev/null && sapnhap agencies import samples/agencies/dongnai.csv --province 75 >/dev/null && sapnhap recode --on 2025-09-01 >/dev/null && sapnhap catalog import samples/catalogs/binhphuoc.csv --province 70 >/dev/null && sapnhap catalog import samples/catalogs/dongnai.xml --province 75 >/dev/null && sapnhap dossiers import data/dossier-split.csv --province 75
đã nhập hồ sơ của tỉnh 75 từ data/dossier-split.csv: dossiers=1
$ sapnhap reassign --on 2025-09-01
đã phân lại thẩm quyền danh mục thủ tục của tỉnh 75: procedures=56 bindings=619 dossiers_moved=1 dossiers_queued=0 bindings_queued=0 conflicts=31 default_rule=9
$ sqlite3 -separator ' | ' sapnhap.db "SELECT d.code, h.to_agency, c.unit_code, h.rule FROM dossier d JOIN dossier_history h ON h.dossier_id = d.id JOIN code_table c ON c.code = h.to_agency"
000.00.31.H19-250801-0001 | 000.19.60.H19 | 26374 | district -> commune: procedure:1.001612 ((built-in jurisdiction.csv):8); commune 26374 was split; 26374 took the whole population
