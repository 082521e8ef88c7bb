# address convert on the authored samples: the 2025 table, the pre-reform list and the 2026 change.
$ sapnhap units import samples/units/conversion-2025.csv >/dev/null && sapnhap units import samples/units/pre-reform-list.csv >/dev/null && sapnhap units import samples/units/dongnai-2026.csv --event dongnai-2026 --effective 2026-04-30 >/dev/null

# One address a line: full, without diacritics, abbreviated, dashes, a typo, the new form, a
# split with and without a whole-population part, a hamlet, a name two units carry, an island
# district, an unknown ward, a blank line, NFD.
$ sapnhap address convert data/address-lines.txt --on 2025-07-01 --hamlets samples/dossiers/hamlets.csv
address,status,address_new,commune_code,commune_name,province_code,province_name,old_commune_code,old_district_code,old_province_code,confidence,reasons,candidates
"Số 12 Phan Đình Phùng, Phường Trúc Bạch, Quận Ba Đình, Thành phố Hà Nội",converted,"Số 12 Phan Đình Phùng, Phường Ba Đình, Thành phố Hà Nội",00004,Phường Ba Đình,01,Thành phố Hà Nội,00004,001,01,0.995,exact,00004
"so 12 phan dinh phung, phuong truc bach, quan ba dinh, ha noi",converted,"so 12 phan dinh phung, Phường Ba Đình, Thành phố Hà Nội",00004,Phường Ba Đình,01,Thành phố Hà Nội,00004,001,01,0.995,diacritics_restored,00004
"12 Phan Đình Phùng, P.Trúc Bạch, Q.Ba Đình, HN",converted,"12 Phan Đình Phùng, Phường Ba Đình, Thành phố Hà Nội",00004,Phường Ba Đình,01,Thành phố Hà Nội,00004,001,01,0.995,exact;abbreviation,00004
Phường Trúc Bạch - Ba Đình - Hà Nội,converted,"Phường Ba Đình, Thành phố Hà Nội",00004,Phường Ba Đình,01,Thành phố Hà Nội,00004,001,01,0.995,exact,00004
"Ấp 7, Xã Tiến Hưng, TX Đồng Xoài, Bình Phước",converted,"Ấp 7, Phường Bình Phước, Tỉnh Đồng Nai",25195,Phường Bình Phước,75,Tỉnh Đồng Nai,25213,689,70,0.985,abbreviation;type_differs,25195
"Xã Tiến Hưng, Tỉnh Bình Phước",converted,"Phường Bình Phước, Tỉnh Đồng Nai",25195,Phường Bình Phước,75,Tỉnh Đồng Nai,25213,689,70,0.985,exact;district_inferred,25195
"Tổ 3, Xã Tiến Hưg, Thành phố Đồng Xoài, Tỉnh Bình Phước",converted,"Tổ 3, Phường Bình Phước, Tỉnh Đồng Nai",25195,Phường Bình Phước,75,Tỉnh Đồng Nai,25213,689,70,0.900,typo_corrected,25195
"Số 5 Lê Lợi, Phường Ba Đình, Thành phố Hà Nội",already_new,"Số 5 Lê Lợi, Phường Ba Đình, Thành phố Hà Nội",00004,Phường Ba Đình,01,Thành phố Hà Nội,,,,0.995,exact,00004
"Phường Thụy Khuê, Quận Tây Hồ, Hà Nội",converted,"Phường Tây Hồ, Thành phố Hà Nội",00103,Phường Tây Hồ,01,Thành phố Hà Nội,00112,003,01,0.995,exact;split_population,00103
"Ấp 4, Xã Xuân Tâm, Huyện Xuân Lộc, Tỉnh Đồng Nai",converted,"Ấp 4, Xã Xuân Hòa, Tỉnh Đồng Nai",26446,Xã Xuân Hòa,75,Tỉnh Đồng Nai,26449,741,75,0.985,exact;split_hamlet,26446
"Xã Xuân Tâm, Huyện Xuân Lộc, Tỉnh Đồng Nai",ambiguous,,,,75,Tỉnh Đồng Nai,26449,741,75,0.000,split,26359;26446
"Xã Bình Sơn, Tỉnh Đồng Nai",converted,"Xã Long Thành, Tỉnh Đồng Nai",26368,Xã Long Thành,75,Tỉnh Đồng Nai,26395,740,75,0.837,exact;district_inferred,26368
"Xã Bình Sơn, Huyện Long Thành, Đồng Nai",converted,"Xã Long Thành, Tỉnh Đồng Nai",26368,Xã Long Thành,75,Tỉnh Đồng Nai,26395,740,75,0.995,exact,26368
"Thị trấn Tân Phú, Tỉnh Đồng Nai",converted,"Xã Tân Phú, Tỉnh Đồng Nai",26116,Xã Tân Phú,75,Tỉnh Đồng Nai,26116,734,75,0.837,exact;district_inferred,26116
"Huyện Côn Đảo, Tỉnh Bà Rịa - Vũng Tàu",converted,"Đặc khu Côn Đảo, Thành phố Hồ Chí Minh",26732,Đặc khu Côn Đảo,79,Thành phố Hồ Chí Minh,,755,77,0.985,exact;district_only,26732
"Số 1 Nguyễn Huệ, Phường Bến Nghé, Quận 1, TP.HCM",not_found,,,,,,,,,0.000,no_unit,
,not_found,,,,,,,,,0.000,no_unit,
"Thôn Đông, Xã Krông Na, H. Buôn Đôn, Đắk Lắk",converted,"Thôn Đông, Xã Buôn Đôn, Tỉnh Đắk Lắk",24235,Xã Buôn Đôn,66,Tỉnh Đắk Lắk,24235,647,66,0.995,exact;abbreviation,24235
"Tổ 3, Xã Tiến Hưng, Thành phố Đồng Xoài, Tỉnh Bình Phước",converted,"Tổ 3, Phường Bình Phước, Tỉnh Đồng Nai",25195,Phường Bình Phước,75,Tỉnh Đồng Nai,25213,689,70,0.995,exact,25195
! sapnhap: address convert: rows=19 converted=15 already_new=1 ambiguous=1 not_found=2
[exit 1]

# Composed across events: the same on 2026-11-20 (Đồng Nai a city, Lộc Ninh a ward).
$ printf '%s\n' 'Xã Lộc Thuận, Huyện Lộc Ninh, Tỉnh Bình Phước' 'Xã Lộc Ninh, Tỉnh Đồng Nai' | sapnhap address convert --format jsonl
{"address":"Xã Lộc Thuận, Huyện Lộc Ninh, Tỉnh Bình Phước","status":"converted","address_new":"Phường Lộc Ninh, Thành phố Đồng Nai","commune_code":"25270","commune_name":"Phường Lộc Ninh","province_code":"75","province_name":"Thành phố Đồng Nai","old_commune_code":"25288","old_district_code":"692","old_province_code":"70","confidence":0.995,"reasons":"exact","candidates":"25270"}
{"address":"Xã Lộc Ninh, Tỉnh Đồng Nai","status":"converted","address_new":"Phường Lộc Ninh, Thành phố Đồng Nai","commune_code":"25270","commune_name":"Phường Lộc Ninh","province_code":"75","province_name":"Thành phố Đồng Nai","old_commune_code":"25270","old_district_code":"","old_province_code":"75","confidence":0.985,"reasons":"exact;district_inferred","candidates":"25270"}
! sapnhap: address convert: rows=2 converted=2 already_new=0 ambiguous=0 not_found=0

# CSV: the address in --column, every other column passed through; jsonl keeps them under "input".
$ sapnhap address convert data/address-people.csv --column dia_chi --on 2025-07-01
id,name,dia_chi,status,address_new,commune_code,commune_name,province_code,province_name,old_commune_code,old_district_code,old_province_code,confidence,reasons,candidates
1,Nguyễn Văn An,"Số 7, Phường Tân Phú, Thành phố Đồng Xoài, Tỉnh Bình Phước",converted,"Số 7, Phường Bình Phước, Tỉnh Đồng Nai",25195,Phường Bình Phước,75,Tỉnh Đồng Nai,25195,689,70,0.995,exact,25195
2,Trần Thị Bình,"xa loc thuan, huyen loc ninh, binh phuoc",converted,"Xã Lộc Ninh, Tỉnh Đồng Nai",25270,Xã Lộc Ninh,75,Tỉnh Đồng Nai,25288,692,70,0.945,diacritics_restored,25270
3,Lê Văn Cường,"Ấp 2, Xã Xuân Tâm, Xuân Lộc, Đồng Nai",ambiguous,,,,75,Tỉnh Đồng Nai,26449,741,75,0.000,split,26359;26446
4,"Phạm, Dũng","Phường Bình Phước, Tỉnh Đồng Nai",already_new,"Phường Bình Phước, Tỉnh Đồng Nai",25195,Phường Bình Phước,75,Tỉnh Đồng Nai,,,,0.995,exact,25195
! sapnhap: address convert: rows=4 converted=2 already_new=1 ambiguous=1 not_found=0
[exit 1]
$ sapnhap address convert data/address-people.csv --column dia_chi --on 2025-07-01 --format jsonl 2>/dev/null | head -n 1
{"address":"Số 7, Phường Tân Phú, Thành phố Đồng Xoài, Tỉnh Bình Phước","status":"converted","address_new":"Số 7, Phường Bình Phước, Tỉnh Đồng Nai","commune_code":"25195","commune_name":"Phường Bình Phước","province_code":"75","province_name":"Tỉnh Đồng Nai","old_commune_code":"25195","old_district_code":"689","old_province_code":"70","confidence":0.995,"reasons":"exact","candidates":"25195","input":{"id":"1","name":"Nguyễn Văn An","dia_chi":"Số 7, Phường Tân Phú, Thành phố Đồng Xoài, Tỉnh Bình Phước","status":"old"}}

# A header with an 'address' column is CSV without --column; its output is read again: the
# fields are replaced, not repeated.
$ printf 'address,note\n"Xã Tiến Hưng, Bình Phước",x\n' | sapnhap address convert --on 2025-07-01 2>/dev/null > out.csv; cat out.csv; sapnhap address convert out.csv --on 2025-07-01 2>/dev/null | head -n 1
address,note,status,address_new,commune_code,commune_name,province_code,province_name,old_commune_code,old_district_code,old_province_code,confidence,reasons,candidates
"Xã Tiến Hưng, Bình Phước",x,converted,"Phường Bình Phước, Tỉnh Đồng Nai",25195,Phường Bình Phước,75,Tỉnh Đồng Nai,25213,689,70,0.985,exact;district_inferred,25195
address,note,status,address_new,commune_code,commune_name,province_code,province_name,old_commune_code,old_district_code,old_province_code,confidence,reasons,candidates

# The I/O floor of the benchmark: the same file written back unchanged.
$ sapnhap address convert data/address-people.csv --column dia_chi --floor
id,name,dia_chi,status
1,Nguyễn Văn An,"Số 7, Phường Tân Phú, Thành phố Đồng Xoài, Tỉnh Bình Phước",old
2,Trần Thị Bình,"xa loc thuan, huyen loc ninh, binh phuoc",old
3,Lê Văn Cường,"Ấp 2, Xã Xuân Tâm, Xuân Lộc, Đồng Nai",old
4,"Phạm, Dũng","Phường Bình Phước, Tỉnh Đồng Nai",new

# Usage errors.
$ sapnhap address convert data/address-people.csv --column nope
! sapnhap: lỗi: data/address-people.csv:1: không có cột tên 'nope' (số cột: 4)
[exit 3]
$ sapnhap address convert --format xml data/address-people.csv
! sapnhap: lỗi: --format phải là csv hoặc jsonl, không phải 'xml'
! xem hướng dẫn: 'sapnhap address convert --help'
[exit 2]
$ sapnhap address convert --on 2025-02-30 data/address-people.csv
! sapnhap: lỗi: --on phải là một ngày dạng YYYY-MM-DD, không phải '2025-02-30'
! xem hướng dẫn: 'sapnhap address convert --help'
[exit 2]
$ sapnhap address convert missing.txt
! sapnhap: lỗi: không mở được 'missing.txt': Không có tệp hoặc thư mục này
[exit 4]

# Bulk lookups: codes of every width, names with and without diacritics, abbreviations.
$ sapnhap units map --file data/units-lookups.txt --on 2025-07-01
input,status,level,old_code,old_name,new_code,new_name,share,candidates
25213,ok,commune,25213,Xã Tiến Hưng,25195,Phường Bình Phước,whole,
26449,ok,commune,26449,Xã Xuân Tâm,26359;26446,Xã Xuân Đông;Xã Xuân Hòa,part;part,
00112,ok,commune,00112,Phường Thuỵ Khuê,00004;00103,Phường Ba Đình;Phường Tây Hồ,part;part-population,
70,ok,province,70,Tỉnh Bình Phước,75,Tỉnh Đồng Nai,whole,
689,ok,district,689,Thành phố Đồng Xoài,25195;25210,Phường Bình Phước;Phường Đồng Xoài,part;part,
755,ok,district,755,Huyện Côn Đảo,26732,Đặc khu Côn Đảo,whole,
2519,error,,2519,,,,,
10,not_found,province,10,,,,,
99999,not_found,commune,99999,,,,,
Xã Bình Sơn,ambiguous,,,,,,,25244;26395
xa tien hung,ok,commune,25213,Xã Tiến Hưng,25195,Phường Bình Phước,whole,
P.Thụy Khuê,ok,commune,00112,Phường Thuỵ Khuê,00004;00103,Phường Ba Đình;Phường Tây Hồ,part;part-population,
Thị trấn Lộc Ninh,ok,commune,25270,Thị trấn Lộc Ninh,25270,Xã Lộc Ninh,whole,
! sapnhap: units map: rows=13 ok=9 ambiguous=1 not_found=2 not_converted=0 error=1
[exit 1]
$ sapnhap units map --file data/units-lookups.csv --on 2025-07-01 --format text
Xã Bình Sơn	26395 Xã Bình Sơn -> 26368 Xã Long Thành (whole)
Xã Bình Sơn	25244 Xã Bình Sơn -> 25220 Phường Phước Bình (whole)
Xã Bình Sơn	có nhiều khả năng: 25244;26395
Xã Tân Thành	25318 Xã Tân Thành -> 25318 Xã Tân Tiến (whole)
Tân Phú	có nhiều khả năng: 25195;25363;26116;734
! sapnhap: units map: rows=5 ok=3 ambiguous=2 not_found=0 not_converted=0 error=0
[exit 1]
$ sapnhap units map --file data/units-lookups.txt 25213
! sapnhap: lỗi: --file lấy mã và tên từ tệp, không lấy từ dòng lệnh
! xem hướng dẫn: 'sapnhap units map --help'
[exit 2]
