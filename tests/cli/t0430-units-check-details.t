# The detail of each finding of units check: one sentence, in the language of messages in the text
# report (tests/cli/vi has them in Vietnamese), in English in CSV and JSON, which programs read.
# The errata's table imported as published: an old commune wholly merged into two, named twice,
# province cells against the other rows of their district, a type word without its diacritics,
# errata not applied (imported --as-published, a cell holding another value, a row missing).
$ sapnhap --db pub.db units import data/errata-table.csv --errata data/errata-fixture.csv --as-published >/dev/null 2>&1; sapnhap --db pub.db units check
error   whole-into-two           25216 listed as wholly merged into 2 new communes: 25225 Xã Đồng Phú (as 'Xã Tân Lập', data/errata-table.csv:8); 25228 Xã Thuận Lợi (as 'Xã Tân Hưng', data/errata-table.csv:9)
warning old-name-conflict        25216 named 'Xã Tân Lập','Xã Tân Hưng'
warning parent-mismatch          25198 'Phường Tân Đồng' (data/errata-table.csv:5): province cell 75, but 4 of the 5 rows of district 689 give 70
warning parent-mismatch          25231 'Xã Đồng Tâm' (data/errata-table.csv:11): province cell 71, but 3 of the 4 rows of district 691 give 70
warning new-name-typo            25210 'Xa Đồng Xoài': type word without its diacritics (data/errata-table.csv:6)
warning erratum-not-applied      25198 old_province 'Tỉnh Đồng Nai (75)' -> 'Tỉnh Bình Phước (70)' not applied, erratum data/errata-fixture.csv:4: imported --as-published; data/errata-table.csv:5 holds the published value
warning erratum-not-applied      25210 new_name 'Xa Đồng Xoài' -> 'Xã Đồng Xoài' not applied, erratum data/errata-fixture.csv:5: imported --as-published; data/errata-table.csv:6 holds the published value
warning erratum-not-applied      25210 new_name 'Xa Đồng Xoài' -> 'Xã Đồng Xoài' not applied, erratum data/errata-fixture.csv:6: imported --as-published; data/errata-table.csv:7 holds the published value
warning erratum-not-applied      25216 old_code '25216' -> '25219' not applied, erratum data/errata-fixture.csv:3: imported --as-published; data/errata-table.csv:9 holds the published value
warning erratum-not-applied      25231 new_name 'Xã Đồng Tam' -> 'Xã Đồng Tâm' not applied, erratum data/errata-fixture.csv:8: no row of new commune 25231 has old commune 25234 'Xã Tân Phước'
warning erratum-not-applied      25231 old_province 'Tỉnh Bình Phước (72)' -> 'Tỉnh Bình Phước (70)' not applied, erratum data/errata-fixture.csv:7: data/errata-table.csv:11 holds 'Tỉnh Bình Phước (71)'

rule                      severity  count
whole-into-two            error     1
new-without-source        error     0
whole-and-part            warning   0
old-name-conflict         warning   1
unknown-old-code          warning   0
not-converted             warning   0
name-differs              warning   0
parent-mismatch           warning   2
new-name-typo             warning   1
erratum-not-applied       warning   6
code-width                warning   0
name-spelling             info      0
corrected                 info      0
split-without-population  info      0
1 error(s), 10 warning(s), 0 info
[exit 1]

# With the pre-reform list: a province cell against the list.
$ sapnhap --db pub.db units import data/errata-list.csv >/dev/null && sapnhap --db pub.db units check --rule parent-mismatch
warning parent-mismatch          25198 'Phường Tân Đồng' (data/errata-table.csv:5): province cell 'Tỉnh Đồng Nai (75)', but district 689 is in 70 Tỉnh Bình Phước in the pre-reform list
warning parent-mismatch          25231 'Xã Đồng Tâm' (data/errata-table.csv:11): province cell 'Tỉnh Bình Phước (71)', but district 691 is in 70 Tỉnh Bình Phước in the pre-reform list

rule                      severity  count
parent-mismatch           warning   2
0 error(s), 2 warning(s), 0 info

# A table written for these findings (data/check-details.csv), with the list: an old commune both
# wholly and partly merged, an old code and an old name the list does not have, a district cell
# against the list, a new name without a unit type, communes of the list no table converts.
$ sapnhap --db c.db units import data/check-details.csv >/dev/null && sapnhap --db c.db units import data/errata-list.csv >/dev/null && sapnhap --db c.db units check --severity warning
warning whole-and-part           25213 Xã Tiến Hưng: whole into 25195; part into 25210
warning unknown-old-code         25999 'Xã Không Có' (data/check-details.csv:8) is not in the pre-reform list
warning not-converted            25210 'Xã Tân Thành' (data/errata-list.csv:5) is in no conversion table
warning not-converted            25216 'Xã Tân Lập' (data/errata-list.csv:7) is in no conversion table
warning not-converted            25219 'Xã Tân Hưng' (data/errata-list.csv:8) is in no conversion table
warning not-converted            25228 'Xã Thuận Lợi' (data/errata-list.csv:9) is in no conversion table
warning not-converted            25231 'Xã Đồng Tâm' (data/errata-list.csv:10) is in no conversion table
warning not-converted            25234 'Xã Tân Phước' (data/errata-list.csv:11) is in no conversion table
warning name-differs             25201 'Phường Tân Bình Mới' here, 'Phường Tân Bình' in the pre-reform list
warning parent-mismatch          25198 'Phường Tân Đồng' (data/check-details.csv:7): district cell 691, but the pre-reform list has it in 689
warning new-name-typo            25210 'Ea Kly': no unit type (data/check-details.csv:5)

rule                      severity  count
whole-into-two            error     0
new-without-source        error     0
whole-and-part            warning   1
old-name-conflict         warning   0
unknown-old-code          warning   1
not-converted             warning   6
name-differs              warning   1
parent-mismatch           warning   1
new-name-typo             warning   1
erratum-not-applied       warning   0
code-width                warning   0
0 error(s), 11 warning(s), 0 info

# A new commune that no old one flows into (its rows removed).
$ cp c.db n.db && sqlite3 n.db "DELETE FROM link WHERE new_code = '25210'" && sapnhap --db n.db units check --rule new-without-source
error   new-without-source       25210 Ea Kly is opened by event 'reform-2025' with no old unit

rule                      severity  count
new-without-source        error     1
1 error(s), 0 warning(s), 0 info
[exit 1]

# CSV and JSON keep the details in English whatever the language.
$ sapnhap --db c.db units check --format csv --rule whole-and-part
severity,rule,code,detail
warning,whole-and-part,25213,Xã Tiến Hưng: whole into 25195; part into 25210
$ sapnhap --db c.db units check --format json --rule new-name-typo
{"findings": [
  {"severity": "warning", "rule": "new-name-typo", "code": "25210", "detail": "'Ea Kly': no unit type (data/check-details.csv:5)"}
], "counts": {"new-name-typo": 1}, "errors": 0, "warnings": 1, "info": 0}
