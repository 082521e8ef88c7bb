# rewrite: old agency codes replaced in files by the crosswalk.
$ sapnhap units import samples/units/conversion-2025.csv >/dev/null && sapnhap units import samples/units/pre-reform-list.csv >/dev/null && sapnhap agencies import samples/agencies/binhphuoc.csv --province 70 >/dev/null && sapnhap agencies import samples/agencies/dongnai.csv --province 75 >/dev/null && sapnhap recode >/dev/null

# An edXML letter to Bình Phước agencies: From/To/ResponseFor/TraceHeader OrganId and the
# DocumentId change; the mention of 000.00.00.H10 in the letter's text does not.
$ sapnhap rewrite samples/edxml/letter-unambiguous.xml out.xml
! samples/edxml/letter-unambiguous.xml:13: edXML:edXMLEnvelope/edXML:edXMLHeader/edXML:MessageHeader/edXML:To/edXML:OrganId: 000.00.00.H10 -> 000.00.00.H19
! samples/edxml/letter-unambiguous.xml:20: edXML:edXMLEnvelope/edXML:edXMLHeader/edXML:MessageHeader/edXML:To/edXML:OrganId: 000.00.03.H10 -> 000.00.05.H19
! samples/edxml/letter-unambiguous.xml:27: edXML:edXMLEnvelope/edXML:edXMLHeader/edXML:MessageHeader/edXML:ResponseFor/edXML:OrganId: 000.00.00.H10 -> 000.00.00.H19
! samples/edxml/letter-unambiguous.xml:30: edXML:edXMLEnvelope/edXML:edXMLHeader/edXML:MessageHeader/edXML:ResponseFor/edXML:DocumentId: 000.00.00.H10 -> 000.00.00.H19
! samples/edxml/letter-unambiguous.xml:67: edXML:edXMLEnvelope/edXML:edXMLHeader/edXML:TraceHeaderList/edXML:TraceHeader/edXML:OrganId: 000.00.00.H10 -> 000.00.00.H19
! sapnhap: đã thay mã samples/edxml/letter-unambiguous.xml -> out.xml: tìm thấy 8 mã trong 50 giá trị, thay 5 mã, giữ nguyên 0 mã hồ sơ đã cấp
$ grep -c '000.00.00.H10' out.xml
1

# Only codes changed: the canonical XML of the output, with each reported change mapped back,
# is the canonical XML of the input.
$ sapnhap rewrite samples/edxml/letter-unambiguous.xml out.xml 2>&1 | sed -n 's/.*: \([0-9.A-Z]*\) -> \([0-9.A-Z]*\)$/s|\2|\1|g/p' | sort -u > back.sed; xmllint --c14n samples/edxml/letter-unambiguous.xml > in.c14n; xmllint --c14n out.xml | sed -f back.sed > out.c14n; cmp in.c14n out.c14n && echo "only codes changed"
only codes changed

# The output is well-formed and still an edXML envelope.
$ xmllint --noout out.xml && xmllint --xpath 'count(//*[local-name()="OrganId"])' out.xml; echo
6


# A district committee closed with several successors cannot be rewritten automatically: the
# file is not written, each occurrence is listed, exit 1.
$ sapnhap rewrite samples/edxml/letter-to-binhphuoc.xml out2.xml; echo "[status $?]"; test -e out2.xml || echo "out2.xml not written"
[status 1]
out2.xml not written
! samples/edxml/letter-to-binhphuoc.xml:13: edXML:edXMLEnvelope/edXML:edXMLHeader/edXML:MessageHeader/edXML:To/edXML:OrganId: 000.00.00.H10 -> 000.00.00.H19
! samples/edxml/letter-to-binhphuoc.xml:20: edXML:edXMLEnvelope/edXML:edXMLHeader/edXML:MessageHeader/edXML:To/edXML:OrganId: 000.00.03.H10 -> 000.00.05.H19
! samples/edxml/letter-to-binhphuoc.xml:27: edXML:edXMLEnvelope/edXML:edXMLHeader/edXML:MessageHeader/edXML:To/edXML:OrganId: không thay được mã 000.00.32.H10: 000.01.60.H19; 000.02.60.H19
! samples/edxml/letter-to-binhphuoc.xml:34: edXML:edXMLEnvelope/edXML:edXMLHeader/edXML:MessageHeader/edXML:ResponseFor/edXML:OrganId: 000.00.00.H10 -> 000.00.00.H19
! samples/edxml/letter-to-binhphuoc.xml:37: edXML:edXMLEnvelope/edXML:edXMLHeader/edXML:MessageHeader/edXML:ResponseFor/edXML:DocumentId: 000.00.00.H10 -> 000.00.00.H19
! samples/edxml/letter-to-binhphuoc.xml:75: edXML:edXMLEnvelope/edXML:edXMLHeader/edXML:TraceHeaderList/edXML:TraceHeader/edXML:OrganId: 000.00.00.H10 -> 000.00.00.H19
! sapnhap: lỗi: samples/edxml/letter-to-binhphuoc.xml:27: '000.00.32.H10' có nhiều cơ quan kế thừa (000.01.60.H19; 000.02.60.H19); 1 lần xuất hiện chưa xác định được mã thay thế; không ghi 'out2.xml'

# CSV: only the named columns; an issued dossier code stays valid; a localised procedure code
# carries the new suffix.
$ printf 'dossier,agency,procedure,note\n000.00.32.H10-250615-0007,000.00.03.H10,1.001612.000.00.00.H10,"gửi 000.00.03.H10, bản chính"\n' > d.csv; sapnhap rewrite d.csv d2.csv --columns agency,procedure,dossier; cat d2.csv
dossier,agency,procedure,note
000.00.32.H10-250615-0007,000.00.05.H19,1.001612.000.00.00.H19,"gửi 000.00.03.H10, bản chính"
! d.csv:2: cột dossier: giữ nguyên mã hồ sơ đã cấp 000.00.32.H10-250615-0007 (vẫn có giá trị)
! d.csv:2: cột agency: 000.00.03.H10 -> 000.00.05.H19
! d.csv:2: cột procedure: 000.00.00.H10 -> 000.00.00.H19
! sapnhap: đã thay mã d.csv -> d2.csv: tìm thấy 3 mã trong 3 giá trị, thay 2 mã, giữ nguyên 1 mã hồ sơ đã cấp
$ sapnhap rewrite d.csv d2.csv --columns nope; echo "[status $?]"
[status 3]
! sapnhap: lỗi: d.csv:1: không có cột 'nope' (các cột: dossier, agency, procedure, note)

# Hostile XML is refused before anything is resolved.
$ sapnhap rewrite data/ag-xxe.xml x.xml; echo "[status $?]"; test -e x.xml || echo "x.xml not written"
[status 3]
x.xml not written
! sapnhap: lỗi: data/ag-xxe.xml:1: từ chối DOCTYPE (các định dạng XML của sapnhap không bao giờ khai báo DOCTYPE; thực thể có thể là một cuộc tấn công)
$ sapnhap rewrite samples/edxml/letter-unambiguous.xml; echo "[status $?]"
[status 2]
! sapnhap: lỗi: cần IN và OUT
! xem hướng dẫn: 'sapnhap rewrite --help'
