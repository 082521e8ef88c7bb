# Findings on the authored samples.
$ sapnhap units import samples/units/conversion-2025.csv >/dev/null && sapnhap units import samples/units/pre-reform-list.csv >/dev/null
$ sapnhap units check
warning not-converted            25261 'Xã Phú Trung' (samples/units/pre-reform-list.csv:20) is in no conversion table
warning code-width               00004 written without leading zeros in 2 row(s), first samples/units/conversion-2025.csv:4
info    name-spelling            00112 'Phường Thụy Khuê' here, 'Phường Thuỵ Khuê' in the pre-reform list
info    split-without-population 26449 Xã Xuân Tâm -> 26359, 26446

rule                      severity  count
whole-into-two            error     0
new-without-source        error     0
whole-and-part            warning   0
old-name-conflict         warning   0
unknown-old-code          warning   0
not-converted             warning   1
name-differs              warning   0
parent-mismatch           warning   0
new-name-typo             warning   0
erratum-not-applied       warning   0
code-width                warning   1
name-spelling             info      1
corrected                 info      0
split-without-population  info      1
0 error(s), 2 warning(s), 2 info
$ sapnhap units check --format csv --severity warning
severity,rule,code,detail
warning,not-converted,25261,'Xã Phú Trung' (samples/units/pre-reform-list.csv:20) is in no conversion table
warning,code-width,00004,"written without leading zeros in 2 row(s), first samples/units/conversion-2025.csv:4"
$ sapnhap units check --format json --rule name-spelling
{"findings": [
  {"severity": "info", "rule": "name-spelling", "code": "00112", "detail": "'Phường Thụy Khuê' here, 'Phường Thuỵ Khuê' in the pre-reform list"}
], "counts": {"name-spelling": 1}, "errors": 0, "warnings": 0, "info": 1}

# An old code listed as wholly merged into two new communes is an error: exit 1. (Imported as
# published: the built-in errata would correct this very cell.)
$ sapnhap --db typo.db units import data/typo-code.csv --as-published >/dev/null; sapnhap --db typo.db units check --severity error
error   whole-into-two           01615 listed as wholly merged into 2 new communes: 01636 Xã Bế Văn Đàn (as 'Xã Hồng Quang', data/typo-code.csv:3); 01648 Xã Phục Hòa (as 'Xã Mỹ Hưng', data/typo-code.csv:4)

rule                      severity  count
whole-into-two            error     1
new-without-source        error     0
1 error(s), 0 warning(s), 0 info
! sapnhap: errata not applied (--as-published): 1; 'sapnhap units check --rule erratum-not-applied' lists them
[exit 1]

# By default the built-in errata correct it (Xã Mỹ Hưng is 01651): one line on stderr, and the
# finding 'corrected' (published -> applied).
$ sapnhap --db fixed.db units import data/typo-code.csv
imported event 'reform-2025' (conversion, effective 2025-07-01) from data/typo-code.csv [utf-8]: rows=2 links=2 old_communes=2 new_communes=2 new_provinces=1 padded_codes=0 corrected=1
! sapnhap: data/typo-code.csv:4: corrected old_code '01615' -> '01651' (erratum (built-in errata-2025):10)
$ sapnhap --db fixed.db units check --rule corrected --format csv
severity,rule,code,detail
info,corrected,01615,"old_code '01615' -> '01651' at data/typo-code.csv:4, erratum (built-in errata-2025):10"
$ sapnhap --db typo.db units check --rule erratum-not-applied --format csv
severity,rule,code,detail
warning,erratum-not-applied,01615,"old_code '01615' -> '01651' not applied, erratum (built-in errata-2025):10: imported --as-published; data/typo-code.csv:4 holds the published value"
$ sapnhap units check --rule nope
! sapnhap: error: --rule must be one of whole-into-two, new-without-source, whole-and-part, old-name-conflict, unknown-old-code, not-converted, name-differs, parent-mismatch, new-name-typo, erratum-not-applied, code-width, name-spelling, corrected, split-without-population, not 'nope'
! try 'sapnhap units check --help'
[exit 2]
