# Agency registries of the two old provinces: CSV for Bình Phước, XML for Đồng Nai.
$ sapnhap units import samples/units/conversion-2025.csv >/dev/null && sapnhap units import samples/units/pre-reform-list.csv >/dev/null
$ sapnhap agencies import samples/agencies/binhphuoc.csv --province 70
imported agency registry of province 70 from samples/agencies/binhphuoc.csv: agencies=67 nonconforming=1
$ sapnhap agencies import samples/agencies/dongnai.xml --province 75
imported agency registry of province 75 from samples/agencies/dongnai.xml: agencies=62 nonconforming=0
$ sapnhap agencies import samples/agencies/dongnai.xml --province 75
! sapnhap: agencies import province 75: already applied on 2026-11-20T12:00:00Z with the same inputs; nothing changed

# The nonconforming code is kept and flagged, never dropped.
$ sapnhap agencies list --province 70 | grep nonconforming
000.302.36.H10   other              Trung tâm Phát triển quỹ đất huyện Bù Đốp  [nonconforming: level-3 group '302' has 3 digits; QCVN 102 allows 2]
$ sapnhap agencies list --province 75 --format csv | head -6
code,name,kind,parent_code,unit_code,status,problem
000.00.00.H19,Ủy ban nhân dân tỉnh Đồng Nai,province-committee,,75,active,
000.00.01.H19,Văn phòng Ủy ban nhân dân tỉnh,department,000.00.00.H19,75,active,
000.00.02.H19,Sở Nội vụ,department,000.00.00.H19,75,active,
000.00.03.H19,Sở Kế hoạch và Đầu tư,department,000.00.00.H19,75,active,
000.00.04.H19,Sở Tài chính,department,000.00.00.H19,75,active,
$ sapnhap agencies list --format json --province 70 | head -3
[
 {"code": "000.00.00.H10", "name": "Ủy ban nhân dân tỉnh Bình Phước", "kind": "province-committee", "parent_code": "", "unit_code": "70", "status": "active", "problem": ""},
 {"code": "000.00.01.H10", "name": "Văn phòng Ủy ban nhân dân tỉnh", "kind": "department", "parent_code": "000.00.00.H10", "unit_code": "70", "status": "active", "problem": ""},

# Bad registries: exit 3 with the position, the database byte-for-byte unchanged.
$ cp sapnhap.db before.db
$ sapnhap agencies import data/ag-duplicate.csv --province 70 --force; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: error: data/ag-duplicate.csv:4: code 000.00.05.H10 is listed twice (first at data/ag-duplicate.csv:3)
$ sapnhap agencies import data/ag-unknown-parent.csv --province 70 --force; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: error: data/ag-unknown-parent.csv:3: parent 000.00.09.H10 of 000.00.05.H10 is not in the registry
$ sapnhap agencies import data/ag-cycle.csv --province 70 --force; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: error: data/ag-cycle.csv:2: 000.00.05.H10 is its own ancestor (parent chain through 000.01.05.H10 comes back to it)
$ sapnhap agencies import data/ag-unknown-unit.csv --province 70 --force; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: error: data/ag-unknown-unit.csv:3: unit_code 25999 of 000.50.32.H10 is not in the unit registry (import the units first)
$ sapnhap agencies import data/ag-unknown-kind.csv --province 70 --force; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: error: data/ag-unknown-kind.csv:2: kind 'ministry' of 000.00.00.H10 is not one of province-committee, province-council, department, department-unit, district-committee, district-office, commune-committee, service-unit, other
$ sapnhap agencies import data/ag-malformed.xml --province 70 --force; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: error: data/ag-malformed.xml:4: Opening and ending tag mismatch: name line 4 and nam
$ sapnhap agencies import data/ag-invalid.xml --province 70 --force; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: error: data/ag-invalid.xml:5: Element '{urn:sapnhap:agencies:1}fax': This element is not expected. Expected is one of ( {urn:sapnhap:agencies:1}parent, {urn:sapnhap:agencies:1}unit, {urn:sapnhap:agencies:1}address, {urn:sapnhap:agencies:1}phone, {urn:sapnhap:agencies:1}email ).

# Hostile XML: an external entity naming a local file, and an entity-expansion bomb. Nothing is
# resolved or expanded (no line of /etc/passwd appears anywhere).
$ sapnhap agencies import data/ag-xxe.xml --province 70 --force 2>&1 | grep -c 'root:' ; sapnhap agencies import data/ag-xxe.xml --province 70 --force; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
0
[status 3]
unchanged
! sapnhap: error: data/ag-xxe.xml:1: DOCTYPE refused (our XML formats never declare one; entities could be an attack)
$ sapnhap agencies import data/ag-laughs.xml --province 70 --force; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: error: data/ag-laughs.xml:1: DOCTYPE refused (our XML formats never declare one; entities could be an attack)

# Usage.
$ sapnhap agencies import samples/agencies/binhphuoc.csv
! sapnhap: error: option '--province' is required
! try 'sapnhap agencies import --help'
[exit 2]
$ sapnhap --db fresh.db agencies import samples/agencies/binhphuoc.csv --province 70; test -e fresh.db || echo "no database left behind"
no database left behind
! sapnhap: error: the unit registry is empty: import the units first ('sapnhap units import')

# A cut-off XML file, and a directory where a file was expected.
$ head -c 300 samples/agencies/dongnai.xml > cut.xml; sapnhap agencies import cut.xml --province 75 --force; echo "[status $?]"
[status 3]
! sapnhap: error: cut.xml:6: the file ends before its elements are closed (truncated?): Extra content at the end of the document
$ sapnhap agencies import samples --province 70 --force; echo "[status $?]"
[status 4]
! sapnhap: error: cannot open 'samples': Is a directory
