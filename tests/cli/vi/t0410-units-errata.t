# The errata of a conversion table: --errata FILE names them (the built-in ones,
# mappings/errata-2025.csv, are written for the official table). Each correction is a line on
# stderr; an erratum whose cell does not hold the published value is not applied; one whose new
# commune is in the table but whose row is not is reported; one for a new commune the table does
# not have does not concern it.
$ sapnhap units import data/errata-table.csv --errata data/errata-fixture.csv
imported event 'reform-2025' (conversion, effective 2025-07-01) from data/errata-table.csv [utf-8]: rows=9 links=9 old_communes=9 new_communes=5 new_provinces=1 padded_codes=0 corrected=4 not_applied=2
! sapnhap: data/errata-table.csv:5: corrected old_province 'Tỉnh Đồng Nai (75)' -> 'Tỉnh Bình Phước (70)' (erratum data/errata-fixture.csv:4)
! sapnhap: data/errata-table.csv:6: corrected new_name 'Xa Đồng Xoài' -> 'Xã Đồng Xoài' (erratum data/errata-fixture.csv:5)
! sapnhap: data/errata-table.csv:7: corrected new_name 'Xa Đồng Xoài' -> 'Xã Đồng Xoài' (erratum data/errata-fixture.csv:6)
! sapnhap: data/errata-table.csv:9: corrected old_code '25216' -> '25219' (erratum data/errata-fixture.csv:3)
! sapnhap: warning: data/errata-table.csv:11: erratum data/errata-fixture.csv:7 not applied: the cell holds 'Tỉnh Bình Phước (71)', not the published 'Tỉnh Bình Phước (72)'
! sapnhap: warning: erratum data/errata-fixture.csv:8 not applied: no row of new commune 25231 has old commune 25234 'Xã Tân Phước'
$ sapnhap units check --rule corrected
info    corrected                25198 old_province 'Tỉnh Đồng Nai (75)' -> 'Tỉnh Bình Phước (70)' at data/errata-table.csv:5, erratum data/errata-fixture.csv:4
info    corrected                25210 new_name 'Xa Đồng Xoài' -> 'Xã Đồng Xoài' at data/errata-table.csv:6, erratum data/errata-fixture.csv:5
info    corrected                25210 new_name 'Xa Đồng Xoài' -> 'Xã Đồng Xoài' at data/errata-table.csv:7, erratum data/errata-fixture.csv:6
info    corrected                25216 old_code '25216' -> '25219' at data/errata-table.csv:9, erratum data/errata-fixture.csv:3

rule                      severity  count
corrected                 info      4
0 error(s), 0 warning(s), 4 info
$ sapnhap units check --rule erratum-not-applied --format csv
severity,rule,code,detail
warning,erratum-not-applied,25231,"new_name 'Xã Đồng Tam' -> 'Xã Đồng Tâm' not applied, erratum data/errata-fixture.csv:8: no row of new commune 25231 has old commune 25234 'Xã Tân Phước'"
warning,erratum-not-applied,25231,"old_province 'Tỉnh Bình Phước (72)' -> 'Tỉnh Bình Phước (70)' not applied, erratum data/errata-fixture.csv:7: data/errata-table.csv:11 holds 'Tỉnh Bình Phước (71)'"

# The corrected code maps to its real successor; the typo code keeps only its own row.
$ sapnhap units map 25219 --on 2025-07-01
25219 Xã Tân Hưng -> 25228 Xã Thuận Lợi (whole)
$ sapnhap units map 25216 --on 2025-07-01
25216 Xã Tân Lập -> 25225 Xã Đồng Phú (whole)
$ sapnhap units map 'Xã Đồng Xoài' --on 2025-07-01 --format csv; sapnhap units map 25201 --on 2025-07-01
old_code,old_name,new_code,new_name,share
25210,Xã Tân Thành,25210,Xã Đồng Xoài,whole
25201 Phường Tân Bình -> 25210 Xã Đồng Xoài (whole)

# With the pre-reform list: the province cell the erratum did not correct disagrees with the
# list; a commune the table never converts has no successor (exit 1), but was in force before.
$ sapnhap units import data/errata-list.csv >/dev/null
$ sapnhap units check --rule parent-mismatch --format csv
severity,rule,code,detail
warning,parent-mismatch,25231,"'Xã Đồng Tâm' (data/errata-table.csv:11): province cell 'Tỉnh Bình Phước (71)', but district 691 is in 70 Tỉnh Bình Phước in the pre-reform list"
$ sapnhap units check --rule not-converted --format csv
severity,rule,code,detail
warning,not-converted,25234,'Xã Tân Phước' (data/errata-list.csv:11) is in no conversion table
$ sapnhap units map 25234 --on 2025-07-01
! sapnhap: error: commune 25234 Xã Tân Phước is not converted by the conversion table 'reform-2025' (effective 2025-07-01): what it became is unknown ('units check' lists it as not-converted)
[exit 1]
$ sapnhap units map 25234 --on 2025-06-30
25234 Xã Tân Phước -> 25234 Xã Tân Phước (whole)
$ sapnhap units map 691 --on 2025-07-01 --format csv
old_code,old_name,new_code,new_name,share
25216,Xã Tân Lập,25225,Xã Đồng Phú,whole
25219,Xã Tân Hưng,25228,Xã Thuận Lợi,whole
25228,Xã Thuận Lợi,25228,Xã Thuận Lợi,whole
25231,Xã Đồng Tâm,25231,Xã Đồng Tâm,whole
! sapnhap: error: commune 25234 Xã Tân Phước is not converted by the conversion table 'reform-2025' (effective 2025-07-01): what it became is unknown ('units check' lists it as not-converted)
[exit 1]

# Changed errata are a changed input: refused unless --force.
$ sapnhap units import data/errata-table.csv --errata data/errata-fixture-v2.csv
! sapnhap: error: units import reform-2025: already applied on 2026-11-20T12:00:00Z with different inputs; use --force to replace it
[exit 3]
$ sapnhap units import data/errata-table.csv --errata data/errata-fixture-v2.csv --force 2>/dev/null
re-imported event 'reform-2025' (conversion, effective 2025-07-01) from data/errata-table.csv [utf-8]: rows=9 links=9 old_communes=9 new_communes=5 new_provinces=1 padded_codes=0 corrected=4 not_applied=2

# As published: nothing corrected; the published errors show in units check (whole-into-two, the
# province cell against the other rows of its district, the type word without diacritics).
$ sapnhap --db pub.db units import data/errata-table.csv --errata data/errata-fixture.csv --as-published 2>&1
sapnhap: warning: data/errata-table.csv:11: erratum data/errata-fixture.csv:7 not applied: the cell holds 'Tỉnh Bình Phước (71)', not the published 'Tỉnh Bình Phước (72)'
sapnhap: warning: erratum data/errata-fixture.csv:8 not applied: no row of new commune 25231 has old commune 25234 'Xã Tân Phước'
sapnhap: errata not applied (--as-published): 6; 'sapnhap units check --rule erratum-not-applied' lists them
imported event 'reform-2025' (conversion, effective 2025-07-01) from data/errata-table.csv [utf-8]: rows=9 links=9 old_communes=8 new_communes=5 new_provinces=1 padded_codes=0 corrected=0 not_applied=6
$ sapnhap --db pub.db units check --severity warning --format csv
severity,rule,code,detail
error,whole-into-two,25216,"listed as wholly merged into 2 new communes: 25225 Xã Đồng Phú (as 'Xã Tân Lập', data/errata-table.csv:8); 25228 Xã Thuận Lợi (as 'Xã Tân Hưng', data/errata-table.csv:9)"
warning,old-name-conflict,25216,"named 'Xã Tân Lập','Xã Tân Hưng'"
warning,parent-mismatch,25198,"'Phường Tân Đồng' (data/errata-table.csv:5): province cell 75, but 4 of the 5 rows of district 689 give 70"
warning,parent-mismatch,25231,"'Xã Đồng Tâm' (data/errata-table.csv:11): province cell 71, but 3 of the 4 rows of district 691 give 70"
warning,new-name-typo,25210,'Xa Đồng Xoài': type word without its diacritics (data/errata-table.csv:6)
warning,erratum-not-applied,25198,"old_province 'Tỉnh Đồng Nai (75)' -> 'Tỉnh Bình Phước (70)' not applied, erratum data/errata-fixture.csv:4: imported --as-published; data/errata-table.csv:5 holds the published value"
warning,erratum-not-applied,25210,"new_name 'Xa Đồng Xoài' -> 'Xã Đồng Xoài' not applied, erratum data/errata-fixture.csv:5: imported --as-published; data/errata-table.csv:6 holds the published value"
warning,erratum-not-applied,25210,"new_name 'Xa Đồng Xoài' -> 'Xã Đồng Xoài' not applied, erratum data/errata-fixture.csv:6: imported --as-published; data/errata-table.csv:7 holds the published value"
warning,erratum-not-applied,25216,"old_code '25216' -> '25219' not applied, erratum data/errata-fixture.csv:3: imported --as-published; data/errata-table.csv:9 holds the published value"
warning,erratum-not-applied,25231,"new_name 'Xã Đồng Tam' -> 'Xã Đồng Tâm' not applied, erratum data/errata-fixture.csv:8: no row of new commune 25231 has old commune 25234 'Xã Tân Phước'"
warning,erratum-not-applied,25231,"old_province 'Tỉnh Bình Phước (72)' -> 'Tỉnh Bình Phước (70)' not applied, erratum data/errata-fixture.csv:7: data/errata-table.csv:11 holds 'Tỉnh Bình Phước (71)'"
[exit 1]

# A bad errata file stops the import with its line; nothing is written.
$ sapnhap --db bad.db units import data/errata-table.csv --errata data/errata-bad.csv || echo "exit $?"; test -e bad.db || echo "no database written"
exit 3
no database written
! sapnhap: error: data/errata-bad.csv:3: unknown column 'old_parent' (new_province, new_name, new_code, old_name, old_code, note, old_district, old_province)
$ sapnhap --db bad.db units import samples/units/pre-reform-list.csv --errata data/errata-fixture.csv
! sapnhap: error: --errata and --as-published apply to a conversion table
! try 'sapnhap units import --help'
[exit 2]
