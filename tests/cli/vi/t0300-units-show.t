# A code reused with a new name is told apart by date.
$ sapnhap units import samples/units/conversion-2025.csv >/dev/null && sapnhap units import samples/units/dongnai-2026.csv --event dongnai-2026 --effective 2026-04-30 >/dev/null
$ sapnhap units show 25195 --on 2025-06-30
commune 25195 on 2025-06-30: Phường Tân Phú (phường), in 689 Thành phố Đồng Xoài
history:
  ...        2025-07-01 Phường Tân Phú (phường), in 689 Thành phố Đồng Xoài  <- in force
  2025-07-01 ...        Phường Bình Phước (phường), in 75 Tỉnh Đồng Nai
$ sapnhap units show 25195
commune 25195 on 2026-11-20: Phường Bình Phước (phường), in 75 Thành phố Đồng Nai
history:
  ...        2025-07-01 Phường Tân Phú (phường), in 689 Thành phố Đồng Xoài
  2025-07-01 ...        Phường Bình Phước (phường), in 75 Tỉnh Đồng Nai  <- in force
$ sapnhap units show 25270 --format csv
level,code,name,type,parent_code,parent_name,valid_from,valid_to,in_force
commune,25270,Thị trấn Lộc Ninh,thị trấn,692,Huyện Lộc Ninh,,2025-07-01,no
commune,25270,Xã Lộc Ninh,xã,75,Tỉnh Đồng Nai,2025-07-01,2026-04-30,no
commune,25270,Phường Lộc Ninh,phường,75,Thành phố Đồng Nai,2026-04-30,,yes

# The province became a city on 2026-04-30.
$ sapnhap units show 75 --on 2026-04-29
province 75 on 2026-04-29: Tỉnh Đồng Nai (tỉnh)
history:
  ...        2025-07-01 Tỉnh Đồng Nai (tỉnh)
  2025-07-01 2026-04-30 Tỉnh Đồng Nai (tỉnh)  <- in force
  2026-04-30 ...        Thành phố Đồng Nai (thành phố)
$ sapnhap units show 75
province 75 on 2026-11-20: Thành phố Đồng Nai (thành phố)
history:
  ...        2025-07-01 Tỉnh Đồng Nai (tỉnh)
  2025-07-01 2026-04-30 Tỉnh Đồng Nai (tỉnh)
  2026-04-30 ...        Thành phố Đồng Nai (thành phố)  <- in force

# A closed unit: history, exit 1.
$ sapnhap units show 25213
history:
  ...        2025-07-01 Xã Tiến Hưng (xã), in 689 Thành phố Đồng Xoài
! sapnhap: error: commune 25213 is not in force on 2026-11-20 (see 'sapnhap units map 25213')
[exit 1]

# No database yet.
$ sapnhap --db none.db units show 25195
! sapnhap: error: no working database 'none.db' (no such file): start one with 'sapnhap units import', or name yours with --db FILE
[exit 4]
