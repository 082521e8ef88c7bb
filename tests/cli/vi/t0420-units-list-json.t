# A published list of the units in force (JSON: provinces with their communes) is a change
# event: sapnhap derives it from the units in force the day before. Tone placement and case
# ('Xã Xuân Hòa' -> 'Xã Xuân Hoà', 'xã Thanh Sơn') are not changes; a new type is.
$ sapnhap units import samples/units/conversion-2025.csv >/dev/null
$ cp sapnhap.db handwritten.db
$ sapnhap units import data/list-2026.json --event dongnai-2026 --effective 2026-04-30
imported event 'dongnai-2026' (changes from a list, effective 2026-04-30) from data/list-2026.json [json]: units=29 links=5 renamed=0 reclassified=5 moved=0 merged=0 restyled=2
$ sapnhap units map 75 --on 2026-11-20 --format csv | grep Phường
25270,Thị trấn Lộc Ninh,25270,Phường Lộc Ninh,whole
25363,Thị trấn Tân Phú,25363,Phường Đồng Phú,whole
26080,Phường Xuân An,26080,Phường Long Khánh,whole
26116,Thị trấn Tân Phú,26116,Phường Tân Phú,whole
26149,Xã Phú Xuân,26116,Phường Tân Phú,whole
26368,Thị trấn Long Thành,26368,Phường Long Thành,whole
26374,Phường Tam Phước,26374,Phường Tam Phước,whole
26395,Xã Bình Sơn,26368,Phường Long Thành,whole

# The derived event gives the same registry as the hand-written change file.
$ sapnhap --db handwritten.db units import samples/units/dongnai-2026.csv --event dongnai-2026 --effective 2026-04-30 >/dev/null
$ for d in sapnhap.db handwritten.db; do sapnhap --db $d units map 75 --on 2026-11-20 --format csv > $d.map; sapnhap --db $d units show 75 --on 2026-11-20 | head -1 > $d.show; done; cmp sapnhap.db.map handwritten.db.map && cmp sapnhap.db.show handwritten.db.show && echo same
same
$ sapnhap units show 26446 --on 2026-11-20 | head -1
commune 26446 on 2026-11-20: Xã Xuân Hòa (xã), in 75 Thành phố Đồng Nai

# Same list again: already applied. Against the publisher's earlier list instead (--before).
$ sapnhap units import data/list-2026.json --event dongnai-2026 --effective 2026-04-30
! sapnhap: units import dongnai-2026: already applied on 2026-11-20T12:00:00Z with the same inputs; nothing changed
$ sapnhap units import data/list-2026.json --event dongnai-2026 --effective 2026-04-30 --before data/list-2025.json --force
re-imported event 'dongnai-2026' (changes from a list, effective 2026-04-30) from data/list-2026.json [json]: units=29 links=5 renamed=0 reclassified=5 moved=0 merged=0 restyled=2 known=0

# A province gone whose communes are all under one other province merged into it.
$ sapnhap --db merged.db units import samples/units/conversion-2025.csv >/dev/null
$ sapnhap --db merged.db units import data/list-merged.json --event merge-2027 --effective 2027-01-01
imported event 'merge-2027' (changes from a list, effective 2027-01-01) from data/list-merged.json [json]: units=28 links=2 renamed=0 reclassified=0 moved=1 merged=1 restyled=0
$ sapnhap --db merged.db units map 66 --on 2027-06-01
24235 Xã Krông Na -> 24235 Xã Buôn Đôn (whole)
$ sapnhap --db merged.db units show 24235 --on 2027-06-01 | head -1
commune 24235 on 2027-06-01: Xã Buôn Đôn (xã), in 75 Tỉnh Đồng Nai

# What a list cannot say stops the import: a commune gone (which unit took it?), a unit the
# registry does not have; bad JSON with its line; a value with its JSON Pointer.
$ sapnhap --db gone.db units import samples/units/conversion-2025.csv >/dev/null
$ sapnhap --db gone.db units import data/list-gone.json --event gone --effective 2026-04-30
! sapnhap: error: data/list-gone.json: commune 26503 'Xã Phước An' is gone from the list; it was in force on 2026-04-29; a published list cannot say which unit took it; write a change file for it (mappings/README.md), or compare with the publisher's earlier list (--before FILE) if it codes units otherwise than the registry
[exit 3]
$ sapnhap --db gone.db units import data/list-2026.json --event early --effective 2025-03-01
! sapnhap: error: data/list-2026.json:/3: province 79 'Thành phố Hồ Chí Minh' is not in force on 2025-02-28; a published list cannot say where a new unit came from; write a change file for it (mappings/README.md), or compare with the publisher's earlier list (--before FILE) if it codes units otherwise than the registry
[exit 3]
$ sapnhap --db gone.db units import data/list-bad.json --event bad --effective 2026-04-30
! sapnhap: error: data/list-bad.json:7: invalid JSON: ']' expected near '{'
[exit 3]
$ sapnhap --db gone.db units import data/list-bad-code.json --event bad --effective 2026-04-30
! sapnhap: error: data/list-bad-code.json:/0/Wards/0: commune code '000004' must have the right number of digits (2 province, 5 commune)
[exit 3]
$ sapnhap --db gone.db units import data/list-2026.json
! sapnhap: error: a published list of units (JSON) needs --event NAME and --effective DATE
! try 'sapnhap units import --help'
[exit 2]
$ sapnhap --db gone.db status | grep -c 'units import'
1
