# A code reused with a new name is told apart by date.
$ sapnhap units import samples/units/conversion-2025.csv >/dev/null && sapnhap units import samples/units/dongnai-2026.csv --event dongnai-2026 --effective 2026-04-30 >/dev/null
$ sapnhap units show 25195 --on 2025-06-30
xã 25195 ngày 2025-06-30: Phường Tân Phú (phường), thuộc 689 Thành phố Đồng Xoài
lịch sử:
  ...        2025-07-01 Phường Tân Phú (phường), thuộc 689 Thành phố Đồng Xoài  <- đang có hiệu lực
  2025-07-01 ...        Phường Bình Phước (phường), thuộc 75 Tỉnh Đồng Nai
$ sapnhap units show 25195
xã 25195 ngày 2026-11-20: Phường Bình Phước (phường), thuộc 75 Thành phố Đồng Nai
lịch sử:
  ...        2025-07-01 Phường Tân Phú (phường), thuộc 689 Thành phố Đồng Xoài
  2025-07-01 ...        Phường Bình Phước (phường), thuộc 75 Tỉnh Đồng Nai  <- đang có hiệu lực
$ sapnhap units show 25270 --format csv
level,code,name,type,parent_code,parent_name,valid_from,valid_to,in_force
commune,25270,Thị trấn Lộc Ninh,thị trấn,692,Huyện Lộc Ninh,,2025-07-01,no
commune,25270,Xã Lộc Ninh,xã,75,Tỉnh Đồng Nai,2025-07-01,2026-04-30,no
commune,25270,Phường Lộc Ninh,phường,75,Thành phố Đồng Nai,2026-04-30,,yes

# The province became a city on 2026-04-30.
$ sapnhap units show 75 --on 2026-04-29
tỉnh 75 ngày 2026-04-29: Tỉnh Đồng Nai (tỉnh)
lịch sử:
  ...        2025-07-01 Tỉnh Đồng Nai (tỉnh)
  2025-07-01 2026-04-30 Tỉnh Đồng Nai (tỉnh)  <- đang có hiệu lực
  2026-04-30 ...        Thành phố Đồng Nai (thành phố)
$ sapnhap units show 75
tỉnh 75 ngày 2026-11-20: Thành phố Đồng Nai (thành phố)
lịch sử:
  ...        2025-07-01 Tỉnh Đồng Nai (tỉnh)
  2025-07-01 2026-04-30 Tỉnh Đồng Nai (tỉnh)
  2026-04-30 ...        Thành phố Đồng Nai (thành phố)  <- đang có hiệu lực

# A closed unit: history, exit 1.
$ sapnhap units show 25213
lịch sử:
  ...        2025-07-01 Xã Tiến Hưng (xã), thuộc 689 Thành phố Đồng Xoài
! sapnhap: lỗi: xã 25213 không có hiệu lực vào ngày 2026-11-20 (xem 'sapnhap units map 25213')
[exit 1]

# No database yet.
$ sapnhap --db none.db units show 25195
! sapnhap: lỗi: không có cơ sở dữ liệu làm việc 'none.db' (không có tệp này): hãy tạo bằng 'sapnhap units import', hoặc chỉ ra cơ sở dữ liệu của bạn bằng --db FILE
[exit 4]
