# Catalogs, dossiers and reassign on the samples: Bình Phước's catalog as exported from the
# national database (MATTHC, CAPTHUCHIEN, COQUANTHUCHIEN, ...), Đồng Nai's in our XML.
$ sapnhap units import samples/units/conversion-2025.csv >/dev/null && sapnhap units import samples/units/pre-reform-list.csv >/dev/null && sapnhap agencies import samples/agencies/binhphuoc.csv --province 70 >/dev/null && sapnhap agencies import samples/agencies/dongnai.xml --province 75 >/dev/null && sapnhap recode >/dev/null
$ sapnhap catalog import samples/catalogs/binhphuoc.csv --province 70
imported catalog of province 70 from samples/catalogs/binhphuoc.csv: procedures=41 bindings=158
$ sapnhap catalog import samples/catalogs/dongnai.xml --province 75
imported catalog of province 75 from samples/catalogs/dongnai.xml: procedures=42 bindings=148
$ sapnhap dossiers import samples/dossiers/binhphuoc.csv --province 70
imported dossiers of province 70 from samples/dossiers/binhphuoc.csv: dossiers=24
$ sapnhap dossiers import samples/dossiers/dongnai.csv --province 75
imported dossiers of province 75 from samples/dossiers/dongnai.csv: dossiers=22

# Dry run first: nothing changes.
$ cp sapnhap.db before.db; sapnhap reassign --hamlets samples/dossiers/hamlets.csv --dry-run; cmp -s before.db sapnhap.db && echo unchanged
would reassign catalog of province 75: procedures=56 bindings=592 dossiers_moved=40 dossiers_queued=1 bindings_queued=0 conflicts=31 default_rule=9
unchanged
$ sapnhap reassign --hamlets samples/dossiers/hamlets.csv
reassigned catalog of province 75: procedures=56 bindings=592 dossiers_moved=40 dossiers_queued=1 bindings_queued=0 conflicts=31 default_rule=9
$ sapnhap reassign --hamlets samples/dossiers/hamlets.csv
! sapnhap: reassign merged catalog: already applied on 2026-11-20T12:00:00Z with the same inputs; nothing changed

# Nothing at district level remains and no binding is at a code outside the new table (validate's
# rules); dossiers before = after (46 imported, 46 listed).
$ sapnhap validate --rule binding-district-level --rule binding-agency-unknown --limit 0 | tail -n 1
0 error(s) in 0 rule(s), 0 warning(s) in 0 rule(s), 0 info in 0 rule(s): passed
$ sapnhap dossiers list --format csv | tail -n +2 | wc -l
46

# A district-level procedure is now at every new commune's committee (filing does not depend on
# the boundary inside the province): its agencies in the exported catalog, and the committees.
$ sapnhap export --format csv --out ex >/dev/null 2>&1; grep '^1.001612,' ex/catalog.csv | awk -F, '{print $NF}' | tr ';' '\n' | wc -l; grep -c ',commune-committee,' ex/agencies.csv
21
21

# Where each dossier went, and why (first moves, then those waiting for a person).
$ sapnhap dossiers list --moved --format csv | cut -d, -f1,4,10- | head -9
code,agency,moved_from,rule
000.00.16.H10-250609-0001,000.00.12.H19,000.00.16.H10,"crosswalk: merged (same function (health) as 000.00.12.H19, which carries it in the merged province (2025 department mergers))"
000.00.31.H10-250620-0001,000.03.60.H19,000.00.31.H10,district -> commune: default ((built-in jurisdiction.csv):2); commune 25219 is now 25220 (whole)
000.00.32.H10-250624-0041,000.01.60.H19,000.00.32.H10,district -> commune: procedure:1.001612 ((built-in jurisdiction.csv):8); commune 25198 is now 25195 (whole)
000.00.34.H10-250613-0001,000.04.60.H19,000.00.34.H10,district -> commune: default ((built-in jurisdiction.csv):2); commune 25222 is now 25222 (whole)
000.00.35.H10-250620-0001,000.05.60.H19,000.00.35.H10,district -> commune: procedure:1.001612 ((built-in jurisdiction.csv):8); commune 25288 is now 25270 (whole)
000.00.36.H10-250625-0001,000.00.02.H19,000.00.36.H10,district -> province: field:G07-LĐ09 ((built-in jurisdiction.csv):7)
000.00.36.H19-250623-0056,000.15.60.H19,000.00.36.H19,district -> commune: procedure:1.001612 ((built-in jurisdiction.csv):8); commune 26278 is now 26278 (whole)
000.00.39.H10-250626-0001,000.09.60.H19,000.00.39.H10,district -> commune: field:G05-KD10 ((built-in jurisdiction.csv):5); commune 25396 is now 25396 (whole)
$ sapnhap queue --step reassign --format csv | grep -E '^reassign,dossier:'
reassign,dossier:000.01.40.H19-250611-0001,,dossier needs a decision: commune 26449 was split among 2 new communes with no part taking the whole population,"at 000.01.40.H19, procedure 1.001776, applicant in 26449, hamlet Ấp 7"

# The split commune: a hamlet in the table moves; one without a hamlet, or a hamlet not in the table, waits.
$ sapnhap dossiers list --commune 26449
000.00.40.H19-250606-0001  75 1.013978  000.00.07.H19    26449  <- 000.00.40.H19: district -> province: field:G13-TN02 ((built-in jurisdiction.csv):6)
000.01.40.H19-250611-0001  75 1.001776  000.01.40.H19    26449 / Ấp 7
000.51.40.H19-250616-0003  75 1.001699  000.20.60.H19    26449 / Ấp 4  <- 000.51.40.H19: commune -> commune: hamlet Ấp 4 of 26449 is in 26446
000.51.40.H19-250630-0003  75 1.001193  000.17.60.H19    26449 / Ấp 1  <- 000.51.40.H19: commune -> commune: hamlet Ấp 1 of 26449 is in 26359
! sapnhap: 4 dossier(s)

# Conflicts between the catalogs wait for a decision; the merged entry leaves the field empty.
$ sapnhap queue --step reassign | grep -E '1.001612|decided by the default|quy tắc mặc định' | head -6
reassign  1.001612                     conflict: the catalogs differ on fee: 70: 100.000 đồng/lần; miễn lệ phí khi nộp hồ sơ trực tuyến | 75: 50.000 đồng/lần
reassign  1.001612                     conflict: the catalogs differ on online_level: 70: full | 75: partial
reassign  1.001612                     conflict: the catalogs differ on time_limit: 70: 3.0 working-day | 75: 2.0 working-day
reassign  1.001639                     decided by the default rule: confirm or override: district-level bindings of 70 went to commune
reassign  1.001776                     decided by the default rule: confirm or override: district-level bindings of 70,75 went to commune
reassign  1.003079                     decided by the default rule: confirm or override: district-level bindings of 70,75 went to commune
! sapnhap: 41 open item(s)
$ sapnhap export --format csv --out ex >/dev/null 2>&1; head -n 1 ex/catalog.csv | cut -d, -f1,2,7-10; grep '^1.001612,' ex/catalog.csv | cut -d, -f1,2,7-10
national_code,local_code,time_limit,time_unit,fee,online_level
1.001612,1.001612.000.00.00.H19,,,,

# Decisions close them.
$ sapnhap reassign --hamlets samples/dossiers/hamlets.csv --decisions data/decisions.csv --force
reassigned catalog of province 75: procedures=56 bindings=592 dossiers_moved=40 dossiers_queued=1 bindings_queued=0 conflicts=28 default_rule=9
$ sapnhap export --format csv --out ex >/dev/null 2>&1; grep '^1.001612,' ex/catalog.csv | cut -d, -f1,2,7-10
1.001612,1.001612.000.00.00.H19,2,working-day,50.000 đồng/lần,full
$ sapnhap queue --format csv | grep -c '1.001612,fee'; true
0

# Rule precedence: procedure code over field over default.
$ sapnhap reassign --rules data/rules-precedence.csv --force >/dev/null; sapnhap export --format csv --out ex >/dev/null 2>&1; python3 -c 'import csv; kind = {r["code"]: r["kind"] for r in csv.DictReader(open("ex/agencies.csv"))}; print("\n".join(sorted({p["national_code"] + " | " + kind[a.split(":")[0]] for p in csv.DictReader(open("ex/catalog.csv")) if p["field_code"] == "G05-KD10" for a in p["agencies"].split("; ")})))'
1.001266 | department
1.001570 | department
1.001612 | commune-committee
2.000575 | department
2.000720 | department

# A failed conservation check rolls the whole step back.
$ cp sapnhap.db before.db; SAPNHAP_FAULT=reassign-drop-dossier sapnhap reassign --force; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 5]
unchanged
! sapnhap: error: conservation check failed: dossiers before and after differ (1); the step is rolled back

# Bad catalogs: exit 3 with the position, nothing written.
$ sapnhap --db bad.db units import samples/units/conversion-2025.csv >/dev/null && sapnhap --db bad.db agencies import samples/agencies/binhphuoc.csv --province 70 >/dev/null && cp bad.db bad0.db
$ sapnhap --db bad.db catalog import data/cat-bad-level.csv --province 70; echo "[status $?]"; cmp -s bad0.db bad.db && echo unchanged
[status 3]
unchanged
! sapnhap: error: data/cat-bad-level.csv:2: levels 'Cấp Làng' of 1.001612 is not a level (accepted: Cấp Tỉnh, Cấp Huyện, Cấp Xã, or province, district, commune, separated by ';', ',' or '/')
$ sapnhap --db bad.db catalog import data/cat-unknown-agency.csv --province 70; echo "[status $?]"; cmp -s bad0.db bad.db && echo unchanged
[status 3]
unchanged
! sapnhap: error: data/cat-unknown-agency.csv:2: 1.001612 is bound to agency 000.00.99.H10, which is not in the registry of province 70
$ sapnhap --db bad.db catalog import data/cat-bad-code.csv --province 70; echo "[status $?]"; cmp -s bad0.db bad.db && echo unchanged
[status 3]
unchanged
! sapnhap: error: data/cat-bad-code.csv:2: national code '1.1612' must look like 1.001612
$ sapnhap --db bad.db catalog import data/cat-bad-time.csv --province 70; echo "[status $?]"; cmp -s bad0.db bad.db && echo unchanged
[status 3]
unchanged
! sapnhap: error: data/cat-bad-time.csv:2: time limit 'ba ngày' of 1.001612 is not a time limit (accepted: a number, '15' or '1,5', its unit in the time unit column or after it: '2 ngày làm việc')
$ sapnhap --db bad.db catalog import data/cat-invalid.xml --province 70; echo "[status $?]"; cmp -s bad0.db bad.db && echo unchanged
[status 3]
unchanged
! sapnhap: error: data/cat-invalid.xml:5: Element '{urn:sapnhap:catalog:1}level': [facet 'enumeration'] The value 'county' is not an element of the set {'province', 'district', 'commune'}.
$ sapnhap --db bad.db catalog import data/ag-xxe.xml --province 70; echo "[status $?]"; cmp -s bad0.db bad.db && echo unchanged
[status 3]
unchanged
! sapnhap: error: data/ag-xxe.xml:1: DOCTYPE refused (our XML formats never declare one; entities could be an attack)

# Bad dossier files: exit 3 with the line, nothing written.
$ sapnhap --db bad.db catalog import samples/catalogs/binhphuoc.csv --province 70 >/dev/null && cp bad.db bad0.db
$ sapnhap --db bad.db dossiers import data/dossier-dup.csv --province 70; echo "[status $?]"; cmp -s bad0.db bad.db && echo unchanged
[status 3]
unchanged
! sapnhap: error: data/dossier-dup.csv:3: dossier 000.00.32.H10-250615-0001 is listed twice (first at line 2)
$ sapnhap --db bad.db dossiers import data/dossier-unknown-agency.csv --province 70; echo "[status $?]"; cmp -s bad0.db bad.db && echo unchanged
[status 3]
unchanged
! sapnhap: error: data/dossier-unknown-agency.csv:2: dossier 000.00.32.H10-250615-0001 is at agency 000.00.99.H10, which is not in any imported registry
$ sapnhap --db bad.db dossiers import data/dossier-unknown-procedure.csv --province 70; echo "[status $?]"; cmp -s bad0.db bad.db && echo unchanged
[status 3]
unchanged
! sapnhap: error: data/dossier-unknown-procedure.csv:3: dossier 000.00.32.H10-250615-0002 is for procedure 9.999999, which the catalog of the province does not list
$ sapnhap --db bad.db dossiers import data/dossier-unknown-commune.csv --province 70; echo "[status $?]"; cmp -s bad0.db bad.db && echo unchanged
[status 3]
unchanged
! sapnhap: error: data/dossier-unknown-commune.csv:3: dossier 000.00.32.H10-250615-0002 names commune 99998, which the unit registry does not know

# Cells are cleaned as they are stored: white space trimmed and collapsed (NBSP too), NFD composed
# to NFC, a commune code that lost its leading zeros padded.
$ cp bad0.db messy.db && sapnhap --db messy.db dossiers import data/dossier-messy.csv --province 70
imported dossiers of province 70 from data/dossier-messy.csv: dossiers=4
$ sapnhap --db messy.db dossiers list --format csv | cut -d, -f1,5-7,9
code,commune,hamlet,status,due
000.00.32.H10-250615-0001,25213,,đã tiếp nhận,2025-06-30
000.00.32.H10-250615-0002,25213,Ấp 3,đã tiếp nhận,
000.00.32.H10-250615-0003,25213,,đang xử lý,
000.00.32.H10-250615-0004,00103,,,

# Replacing a catalog after reassign undoes the reassign first (its results come from it).
$ sapnhap catalog import samples/catalogs/binhphuoc.csv --province 70 --force
re-imported catalog of province 70 from samples/catalogs/binhphuoc.csv: procedures=41 bindings=158
! sapnhap: now stale, as they read what this step changed (see 'sapnhap status'); run again, in this order:
!   sapnhap reassign --rules data/rules-precedence.csv    # reassign merged catalog
$ sapnhap status | grep -E '^  (merged_procedure|dossier_history) '
  dossier_history   0
  merged_procedure  0
$ sapnhap reassign --hamlets samples/dossiers/hamlets.csv --force | cut -c1-60
reassigned catalog of province 75: procedures=56 bindings=59
! sapnhap: reassign merged catalog is stale: catalog import province 70 was re-applied after it (journal 13); recomputing
