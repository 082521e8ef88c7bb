# Lookups on the authored samples, composed across the 2025 reform and the 2026 change.
$ sapnhap units import samples/units/conversion-2025.csv >/dev/null && sapnhap units import samples/units/pre-reform-list.csv >/dev/null && sapnhap units import samples/units/dongnai-2026.csv --event dongnai-2026 --effective 2026-04-30 >/dev/null

# A whole merge into a code reused with a new name.
$ sapnhap units map 25213 --on 2025-07-01
25213 Xã Tiến Hưng -> 25195 Phường Bình Phước (whole)

# A split without a whole-population part, and one with.
$ sapnhap units map 26449 --on 2025-07-01 --format csv
old_code,old_name,new_code,new_name,share
26449,Xã Xuân Tâm,26359,Xã Xuân Đông,part
26449,Xã Xuân Tâm,26446,Xã Xuân Hòa,part
$ sapnhap units map 00112 --on 2025-07-01 --format csv
old_code,old_name,new_code,new_name,share
00112,Phường Thuỵ Khuê,00004,Phường Ba Đình,part
00112,Phường Thuỵ Khuê,00103,Phường Tây Hồ,part-population

# Composed across events: a town became a commune in 2025 and a ward in 2026.
$ sapnhap units map 25270 --on 2026-01-01
25270 Thị trấn Lộc Ninh -> 25270 Xã Lộc Ninh (whole)
$ sapnhap units map 25270 --on 2026-11-20
25270 Thị trấn Lộc Ninh -> 25270 Phường Lộc Ninh (whole)

# Before the reform nothing has changed yet.
$ sapnhap units map 25213 --on 2025-06-30
25213 Xã Tiến Hưng -> 25213 Xã Tiến Hưng (whole)

# Unchanged unit, rename, district turned special zone, a whole old district.
$ sapnhap units map 25222 --on 2025-07-01
25222 Xã Bù Gia Mập -> 25222 Xã Bù Gia Mập (whole)
$ sapnhap units map 24235 --on 2025-07-01
24235 Xã Krông Na -> 24235 Xã Buôn Đôn (whole)
$ sapnhap units map 755 --on 2025-07-01
755 Huyện Côn Đảo -> 26732 Đặc khu Côn Đảo (whole)
$ sapnhap units map 689 --on 2025-07-01
25195 Phường Tân Phú -> 25195 Phường Bình Phước (whole)
25198 Phường Tân Đồng -> 25195 Phường Bình Phước (whole)
25207 Xã Tân Thành -> 25210 Phường Đồng Xoài (whole)
25210 Phường Tiến Thành -> 25210 Phường Đồng Xoài (whole)
25213 Xã Tiến Hưng -> 25195 Phường Bình Phước (whole)

# By name: tone placement and case do not matter; an ambiguous name lists its candidates.
$ sapnhap units map 'xã xuân tâm' --on 2025-07-01
26449 Xã Xuân Tâm -> 26359 Xã Xuân Đông (part)
26449 Xã Xuân Tâm -> 26446 Xã Xuân Hòa (part)
$ sapnhap units map 'Phường Thuỵ Khuê' --on 2025-07-01
00112 Phường Thuỵ Khuê -> 00004 Phường Ba Đình (part)
00112 Phường Thuỵ Khuê -> 00103 Phường Tây Hồ (part-population)

# Without diacritics, when nothing matches with them.
$ sapnhap units map 'xa tien hung' --on 2025-07-01
25213 Xã Tiến Hưng -> 25195 Phường Bình Phước (whole)
$ sapnhap units map 'phuong tien hung' --on 2025-07-01
! sapnhap: lỗi: không có đơn vị hành chính nào tên 'phuong tien hung'
[exit 1]
$ sapnhap units map 'Xã Bình Sơn'
25244 Xã Bình Sơn (Huyện Phú Riềng, Tỉnh Bình Phước)
26395 Xã Bình Sơn (Huyện Long Thành, Tỉnh Đồng Nai)
! sapnhap: lỗi: 'Xã Bình Sơn' ứng với 2 đơn vị; hãy thu hẹp bằng --district hoặc --province
[exit 1]
$ sapnhap units map 'Xã Bình Sơn' --province 'Đồng Nai' --format csv
code,name,district,province
25244,Xã Bình Sơn,Huyện Phú Riềng,Tỉnh Bình Phước
26395,Xã Bình Sơn,Huyện Long Thành,Tỉnh Đồng Nai
! sapnhap: lỗi: 'Xã Bình Sơn' ứng với 2 đơn vị; hãy thu hẹp bằng --district hoặc --province
[exit 1]
$ sapnhap units map 'Xã Bình Sơn' --district 'Huyện Long Thành'
26395 Xã Bình Sơn -> 26368 Phường Long Thành (whole)
$ sapnhap units map 'Xã Bình Sơn' --province 70 --on 2025-07-01
25244 Xã Bình Sơn -> 25220 Phường Phước Bình (whole)

# Not found, bad code width, bad date.
$ sapnhap units map 99999
! sapnhap: lỗi: không có xã nào mang mã 99999
[exit 1]
$ sapnhap units map 2519
! sapnhap: lỗi: mã '2519' phải có 2 (tỉnh), 3 (huyện) hoặc 5 (xã) chữ số
! xem hướng dẫn: 'sapnhap units map --help'
[exit 2]
$ sapnhap units map 25213 --on 2025-13-01
! sapnhap: lỗi: --on phải là một ngày dạng YYYY-MM-DD, không phải '2025-13-01'
! xem hướng dẫn: 'sapnhap units map --help'
[exit 2]
