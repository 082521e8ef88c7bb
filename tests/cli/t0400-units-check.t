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
code-width                warning   1
name-spelling             info      1
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

# An old code listed as wholly merged into two new communes is an error: exit 1.
$ sapnhap --db typo.db units import data/typo-code.csv >/dev/null; sapnhap --db typo.db units check --severity error
error   whole-into-two           01615 listed as wholly merged into 2 new communes: 01636 Xã Bế Văn Đàn (as 'Xã Hồng Quang', data/typo-code.csv:3); 01648 Xã Phục Hòa (as 'Xã Mỹ Hưng', data/typo-code.csv:4)

rule                      severity  count
whole-into-two            error     1
new-without-source        error     0
1 error(s), 0 warning(s), 0 info
[exit 1]
$ sapnhap units check --rule nope
! sapnhap: error: no rule 'nope' (see --help)
! try 'sapnhap units check --help'
[exit 2]
