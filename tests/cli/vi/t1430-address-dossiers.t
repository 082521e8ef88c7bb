# dossiers import converts an optional address column; ambiguous addresses wait in the review queue.
$ sapnhap units import samples/units/conversion-2025.csv >/dev/null && sapnhap units import samples/units/pre-reform-list.csv >/dev/null && sapnhap agencies import samples/agencies/binhphuoc.csv --province 70 >/dev/null && sapnhap agencies import samples/agencies/dongnai.xml --province 75 >/dev/null && sapnhap recode >/dev/null && sapnhap catalog import samples/catalogs/binhphuoc.csv --province 70 >/dev/null && sapnhap catalog import samples/catalogs/dongnai.xml --province 75 >/dev/null
$ sapnhap dossiers import data/dossier-address.csv --province 70
đã nhập hồ sơ của tỉnh 70 từ data/dossier-address.csv: dossiers=5 addresses=4 converted=2 already_new=0 ambiguous=1 not_found=1
$ sqlite3 -separator ' | ' sapnhap.db "SELECT code, address, address_new, address_status, address_commune FROM dossier ORDER BY code"
000.00.32.H10-250701-0001 | Số 3, Xã Tiến Hưng, Thành phố Đồng Xoài, Tỉnh Bình Phước | Số 3, Phường Bình Phước, Tỉnh Đồng Nai | converted | 25195
000.00.32.H10-250701-0002 | Xã Bình Sơn, Tỉnh Đồng Nai | Xã Long Thành, Tỉnh Đồng Nai | converted | 26368
000.00.32.H10-250701-0003 |  |  |  | 
000.00.32.H10-250701-0004 | 12 Lê Lợi, Đâu Đó |  | not_found | 
000.00.32.H10-250701-0005 | Ấp 9, Xã Xuân Tâm, Huyện Xuân Lộc, Tỉnh Đồng Nai |  | ambiguous | 
$ sapnhap queue --step 'dossiers import'
dossiers import dossier:000.00.32.H10-250701-0005 địa chỉ cần quyết định: 'Ấp 9, Xã Xuân Tâm, Huyện Xuân Lộc, Tỉnh Đồng Nai' khớp với nhiều xã mới: 26359;26446 (split): các xã có thể: 26359;26446
! sapnhap: 1 mục đang mở

# A forced re-import replaces the queue items with the dossiers.
$ sapnhap dossiers import data/dossier-address.csv --province 70 --force >/dev/null && sqlite3 sapnhap.db "SELECT count(*) FROM review WHERE step = 'dossiers import'"
1

# export writes the addresses beside the merged files (CSV only).
$ sapnhap dossiers import samples/dossiers/dongnai.csv --province 75 >/dev/null && sapnhap reassign >/dev/null; sapnhap export --format csv --out out >/dev/null 2>&1; cat out/addresses.csv; sapnhap export --format xml --out outx >/dev/null 2>&1; ls outx
dossier_code,province,address,address_new,status,commune_code,candidates
000.00.32.H10-250701-0001,70,"Số 3, Xã Tiến Hưng, Thành phố Đồng Xoài, Tỉnh Bình Phước","Số 3, Phường Bình Phước, Tỉnh Đồng Nai",converted,25195,
000.00.32.H10-250701-0002,70,"Xã Bình Sơn, Tỉnh Đồng Nai","Xã Long Thành, Tỉnh Đồng Nai",converted,26368,
000.00.32.H10-250701-0004,70,"12 Lê Lợi, Đâu Đó",,not_found,,
000.00.32.H10-250701-0005,70,"Ấp 9, Xã Xuân Tâm, Huyện Xuân Lộc, Tỉnh Đồng Nai",,ambiguous,,26359;26446
agencies.xml
catalog.xml
crosswalk.xml
review.xml
