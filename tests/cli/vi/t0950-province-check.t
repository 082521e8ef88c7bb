# --province is checked against the file's codes: a code under another province's level-1 code
# (H.. its People's Committee, K.. its Council; mappings/level1-codes.csv) refuses the import,
# exit 3, naming the first such line and the province the code belongs to; nothing is written.
$ sapnhap units import samples/units/conversion-2025.csv >/dev/null && sapnhap units import samples/units/pre-reform-list.csv >/dev/null && cp sapnhap.db before.db

# Bình Phước's registry given as Đồng Nai's (CSV), Đồng Nai's as Bình Phước's (XML).
$ sapnhap agencies import samples/agencies/binhphuoc.csv --province 75; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: error: samples/agencies/binhphuoc.csv:2: agency code 000.00.00.H10 belongs to province 70 (Tỉnh Bình Phước, level-1 code H10), not to province 75 given by --province
$ sapnhap agencies import samples/agencies/dongnai.xml --province 70; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: error: samples/agencies/dongnai.xml:3: agency code 000.00.00.H19 belongs to province 75 (Tỉnh Đồng Nai, level-1 code H19), not to province 70 given by --province

# The first foreign code may come late, in either notation; a Council's K code counts; a level-1
# code that is no province's is refused too.
$ sapnhap agencies import data/ag-foreign-line.csv --province 70; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: error: data/ag-foreign-line.csv:5: agency code H19.16 belongs to province 75 (Tỉnh Đồng Nai, level-1 code H19), not to province 70 given by --province
$ sapnhap agencies import data/ag-foreign-council.csv --province 70; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: error: data/ag-foreign-council.csv:3: agency code 000.00.00.K19 belongs to province 75 (Tỉnh Đồng Nai, level-1 code K19), not to province 70 given by --province
$ sapnhap agencies import data/ag-no-province.csv --province 70; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: error: data/ag-no-province.csv:3: agency code 000.00.01.H99 belongs to no province (level-1 code H99 is not in the level-1 table), not to province 70 given by --province

# A province code that is not a province (99, or 07 which no province had): a usage error.
$ sapnhap agencies import samples/agencies/binhphuoc.csv --province 99; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 2]
unchanged
! sapnhap: error: --province 99 is not a province of the level-1 table (built-in mappings/level1-codes.csv): give the 2-digit code of the old province whose file this is
! try 'sapnhap agencies import --help'
$ sapnhap agencies import samples/agencies/binhphuoc.csv --province 07; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 2]
unchanged
! sapnhap: error: --province 07 is not a province of the level-1 table (built-in mappings/level1-codes.csv): give the 2-digit code of the old province whose file this is
! try 'sapnhap agencies import --help'

# Codes of the other level-1 letters belong to no province and pass: central agencies (G..: a tax
# department, the provincial police) and other bodies (A-F, I, J), beside the province's own H
# and K codes in either notation.
$ sapnhap --db central.db units import samples/units/conversion-2025.csv >/dev/null && sapnhap --db central.db units import samples/units/pre-reform-list.csv >/dev/null && sapnhap --db central.db agencies import data/ag-central.csv --province 70
imported agency registry of province 70 from data/ag-central.csv: agencies=6 nonconforming=0

# --level1 FILE replaces the built-in table (as recode's does); a province it lacks is refused,
# and so is a table that is not one.
$ sapnhap agencies import samples/agencies/binhphuoc.csv --province 70 --level1 data/l1-only-75.csv; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 2]
unchanged
! sapnhap: error: --province 70 is not a province of the level-1 table (data/l1-only-75.csv): give the 2-digit code of the old province whose file this is
! try 'sapnhap agencies import --help'
$ sapnhap agencies import samples/agencies/binhphuoc.csv --province 70 --level1 data/l1-bad.csv; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: error: data/l1-bad.csv:2: a row of the level-1 table is a 2-digit province code and its level-1 code H + 2 digits, not '70', 'X10'

# The right registries; then catalogs: Bình Phước's given as Đồng Nai's stops at its first local
# code (both registries are imported, so every binding is known: the province check is what
# stops it); a binding to another province's agency, a local code in QĐ 20 notation.
$ sapnhap agencies import samples/agencies/binhphuoc.csv --province 70 >/dev/null && sapnhap agencies import samples/agencies/dongnai.xml --province 75 >/dev/null && sapnhap recode >/dev/null && cp sapnhap.db before.db
$ sapnhap catalog import samples/catalogs/binhphuoc.csv --province 75; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: error: samples/catalogs/binhphuoc.csv:2: local code 1.001193.000.00.00.H10 of 1.001193 carries agency code 000.00.00.H10, which belongs to province 70 (Tỉnh Bình Phước, level-1 code H10), not to province 75 given by --province
$ sapnhap catalog import samples/catalogs/dongnai.xml --province 70; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: error: samples/catalogs/dongnai.xml:4: local code 1.001193.000.00.00.H19 of 1.001193 carries agency code 000.00.00.H19, which belongs to province 75 (Tỉnh Đồng Nai, level-1 code H19), not to province 70 given by --province
$ sapnhap catalog import data/cat-foreign-binding.csv --province 70; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: error: data/cat-foreign-binding.csv:3: 1.001612 is bound to agency 000.00.31.H19, which belongs to province 75 (Tỉnh Đồng Nai, level-1 code H19), not to province 70 given by --province
$ sapnhap catalog import data/cat-foreign-local.csv --province 70; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: error: data/cat-foreign-local.csv:3: local code 1.001612.H19 of 1.001612 carries agency code H19, which belongs to province 75 (Tỉnh Đồng Nai, level-1 code H19), not to province 70 given by --province
$ sapnhap catalog import samples/catalogs/binhphuoc.csv --province 99; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 2]
unchanged
! sapnhap: error: --province 99 is not a province of the level-1 table (built-in mappings/level1-codes.csv): give the 2-digit code of the old province whose file this is
! try 'sapnhap catalog import --help'

# Dossiers: Bình Phước's given as Đồng Nai's; one of Đồng Nai's among Bình Phước's (line 4).
$ sapnhap catalog import samples/catalogs/binhphuoc.csv --province 70 >/dev/null && sapnhap catalog import samples/catalogs/dongnai.xml --province 75 >/dev/null && cp sapnhap.db before.db
$ sapnhap dossiers import samples/dossiers/binhphuoc.csv --province 75; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: error: samples/dossiers/binhphuoc.csv:2: dossier 000.00.32.H10-250624-0041 is at agency 000.00.32.H10, which belongs to province 70 (Tỉnh Bình Phước, level-1 code H10), not to province 75 given by --province
$ sapnhap dossiers import data/dossier-foreign.csv --province 70; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: error: data/dossier-foreign.csv:4: dossier 000.00.36.H19-250623-0056 is at agency 000.00.36.H19, which belongs to province 75 (Tỉnh Đồng Nai, level-1 code H19), not to province 70 given by --province
$ sapnhap dossiers import samples/dossiers/binhphuoc.csv --province 99; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 2]
unchanged
! sapnhap: error: --province 99 is not a province of the level-1 table (built-in mappings/level1-codes.csv): give the 2-digit code of the old province whose file this is
! try 'sapnhap dossiers import --help'

# The right files pass, and the migration goes on.
$ sapnhap dossiers import samples/dossiers/binhphuoc.csv --province 70 && sapnhap dossiers import samples/dossiers/dongnai.csv --province 75
imported dossiers of province 70 from samples/dossiers/binhphuoc.csv: dossiers=24
imported dossiers of province 75 from samples/dossiers/dongnai.csv: dossiers=22
