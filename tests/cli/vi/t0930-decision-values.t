# Decision values are typed: each field a decision sets has one type with its accepted
# spellings (tools/values.h), the same the catalog importers use. What is decided reaches the
# merged catalog in its normal form, and from there the export, the diff and the statistics.
$ sapnhap units import samples/units/conversion-2025.csv >/dev/null && sapnhap units import samples/units/pre-reform-list.csv >/dev/null && sapnhap agencies import samples/agencies/binhphuoc.csv --province 70 >/dev/null && sapnhap agencies import samples/agencies/dongnai.xml --province 75 >/dev/null && sapnhap recode >/dev/null && sapnhap catalog import samples/catalogs/binhphuoc.csv --province 70 >/dev/null && sapnhap catalog import samples/catalogs/dongnai.xml --province 75 >/dev/null && sapnhap dossiers import samples/dossiers/binhphuoc.csv --province 70 >/dev/null && sapnhap dossiers import samples/dossiers/dongnai.csv --province 75 >/dev/null && sapnhap reassign --hamlets samples/dossiers/hamlets.csv >/dev/null && cp sapnhap.db before.db

# A value outside its field's type: exit 3, the file and line, the spellings the type accepts,
# and the database as it was. Each bad decision follows a good one (line 2), so it is line 3.
$ while IFS= read -r line; do printf 'subject,field,value,reason\n1.001612,fee,50.000 đồng/lần,the fee of Đồng Nai\n%s\n' "$line" > bad.csv; sapnhap reassign --hamlets samples/dossiers/hamlets.csv --decisions bad.csv --force 2>&1; echo "[status $?]"; cmp -s before.db sapnhap.db || echo "DATABASE CHANGED"; done < data/dec-bad-values.csv
sapnhap: lỗi: bad.csv:3: portal 'maybe' của 1.001612 không phải giá trị có/không (chấp nhận: yes, no, có, không, 1, 0, x, true, false; không phân biệt chữ hoa/thường, có dấu hoặc không dấu)
[status 3]
sapnhap: lỗi: bad.csv:3: portal '' của 1.001612 đang trống (chấp nhận: yes, no, có, không, 1, 0, x, true, false; không phân biệt chữ hoa/thường, có dấu hoặc không dấu)
[status 3]
sapnhap: lỗi: bad.csv:3: online_level 'nửa phần' của 1.001612 không phải mức độ trực tuyến (chấp nhận: toàn trình, một phần, không, full, partial, none, hoặc các mức cũ 4 (toàn trình), 3 (một phần), 1-2 (không), cũng viết là 'mức độ 4')
[status 3]
sapnhap: lỗi: bad.csv:3: online_level '5' của 1.001612 không phải mức độ trực tuyến (chấp nhận: toàn trình, một phần, không, full, partial, none, hoặc các mức cũ 4 (toàn trình), 3 (một phần), 1-2 (không), cũng viết là 'mức độ 4')
[status 3]
sapnhap: lỗi: bad.csv:3: time_limit '2' của 1.001612 không có đơn vị (chấp nhận: một số kèm đơn vị: '2 ngày làm việc', '15 ngày', '48 giờ', '1 tháng', '2 working-day', '0,5 day')
[status 3]
sapnhap: lỗi: bad.csv:3: time_limit 'hai ngày' của 1.001612 không phải thời hạn giải quyết (chấp nhận: một số kèm đơn vị: '2 ngày làm việc', '15 ngày', '48 giờ', '1 tháng', '2 working-day', '0,5 day')
[status 3]
sapnhap: lỗi: bad.csv:3: time_limit '2 tuần' của 1.001612 có đơn vị 'tuần', không phải đơn vị thời gian (chấp nhận: ngày làm việc, ngày, giờ, tháng, hoặc working-day, day, hour, month)
[status 3]
sapnhap: lỗi: bad.csv:3: fee '' của 1.001612 đang trống (chấp nhận: phí, lệ phí như đã công bố, '50.000 đồng/lần'; không thu phí: Không, miễn phí, 0)
[status 3]
sapnhap: lỗi: bad.csv:3: name '' của 1.001193 đang trống (chấp nhận: văn bản bất kỳ, không để trống)
[status 3]
sapnhap: lỗi: bad.csv:3: field 'G15 TP07' của 1.001193 có khoảng trắng (chấp nhận: mã không có khoảng trắng, tối đa 20 ký tự, ví dụ G15-TP07)
[status 3]
sapnhap: lỗi: bad.csv:3: field 'G15-TP07-HO-TICH-KHAI-SINH' của 1.001193 dài hơn 20 ký tự (chấp nhận: mã không có khoảng trắng, tối đa 20 ký tự, ví dụ G15-TP07)
[status 3]
sapnhap: lỗi: bad.csv:3: legal_basis '' của 1.000419 đang trống (chấp nhận: các văn bản quy phạm pháp luật, ghi dưới dạng văn bản tự do)
[status 3]
sapnhap: lỗi: bad.csv:3: jurisdiction 'district' của 1.001639 không phải thẩm quyền (chấp nhận: commune, hoặc province:FUNCTION với FUNCTION là một chức năng trong bảng sở, ngành, ví dụ province:justice)
[status 3]
sapnhap: lỗi: bad.csv:3: jurisdiction 'province' của 1.001639 cần ghi chức năng của sở: province:FUNCTION (chấp nhận: commune, hoặc province:FUNCTION với FUNCTION là một chức năng trong bảng sở, ngành, ví dụ province:justice)
[status 3]
sapnhap: lỗi: bad.csv:3: jurisdiction 'province:lottery' của 1.001639 ghi chức năng 'lottery', không có trong bảng sở, ngành (chấp nhận: province:FUNCTION với FUNCTION là một trong agriculture, agriculture-environment, construction, culture, economic-zones, education, ethnic, ethnic-religion, finance, foreign-affairs, health, home-affairs, industrial-zones, industry-trade, information, inspectorate, justice, labour, natural-resources, office, planning, science-technology, tourism, transport)
[status 3]
sapnhap: lỗi: bad.csv:3: commune '2644x' của dossier:000.01.40.H19-250611-0001 không phải mã xã (chấp nhận: mã gồm 5 chữ số của một xã có hiệu lực vào ngày đó)
[status 3]
sapnhap: lỗi: bad.csv:3: commune '99999' của dossier:000.01.40.H19-250611-0001 không phải xã có hiệu lực vào ngày 2026-11-20 (chấp nhận: mã gồm 5 chữ số của một xã có hiệu lực vào ngày đó)
[status 3]
sapnhap: lỗi: bad.csv:3: commune '25213' của dossier:000.01.40.H19-250611-0001 không phải xã có hiệu lực vào ngày 2026-11-20 (chấp nhận: mã gồm 5 chữ số của một xã có hiệu lực vào ngày đó)
[status 3]
sapnhap: lỗi: bad.csv:3: đối tượng của quyết định về commune phải là dossier:CODE (mã hồ sơ), không phải '1.001612'
[status 3]
sapnhap: lỗi: bad.csv:3: đối tượng của quyết định về portal phải là mã TTHC quốc gia, ví dụ 1.001612, không phải 'dossier:000.01.40.H19-250611-0001'
[status 3]
sapnhap: lỗi: bad.csv:3: đối tượng của quyết định về fee phải là mã TTHC quốc gia, ví dụ 1.001612, không phải '1.1612'
[status 3]
sapnhap: lỗi: bad.csv:3: trường 'deadline' không phải trường mà quyết định có thể đặt (jurisdiction, name, fee, time_limit, online_level, portal, legal_basis, field; commune cho hồ sơ)
[status 3]

# Every field with spellings other than the stored form (data/dec-spellings.csv: Vietnamese and
# English words, any case, NFD, old online levels 3 and 4, a decimal comma, no-fee forms).
$ sapnhap reassign --hamlets samples/dossiers/hamlets.csv --decisions data/dec-spellings.csv --force
đã phân lại thẩm quyền danh mục thủ tục của tỉnh 75: procedures=56 bindings=572 dossiers_moved=41 dossiers_queued=0 bindings_queued=0 conflicts=8 default_rule=8
$ sqlite3 -separator ' | ' sapnhap.db "SELECT national_code, name, field_code, field_name, fee, time_limit, time_unit, online_level, portal, legal_basis FROM merged_procedure WHERE national_code IN (SELECT subject FROM (SELECT '1.000419' AS subject UNION VALUES ('1.000894'), ('1.001193'), ('1.001570'), ('1.001612'), ('1.001699'), ('1.001776'), ('1.003079'), ('1.004873'), ('1.012783'), ('1.012784'), ('1.012786'), ('1.013831'), ('2.000720'), ('2.000806'), ('2.002481'))) ORDER BY 1"
1.000419 | Thủ tục đăng ký khai tử lưu động | G15-TP07 | Hộ tịch | Không | 5.0 | working-day | none | 0 | Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP
1.000894 | Thủ tục đăng ký kết hôn | G15-TP07 | Hộ tịch | Không | 1.0 | working-day | partial | 1 | Luật Hôn nhân và gia đình 2014; Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP; Thông tư 04/2020/TT-BTP
1.001193 | Thủ tục đăng ký khai sinh | G15-TP07 | Hộ tịch | Không | 1.0 | working-day | full | 1 | Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP; Thông tư 04/2020/TT-BTP
1.001570 | Tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn đã thông báo của hộ kinh doanh | G05-KD10 | Thành lập và hoạt động doanh nghiệp (hộ kinh doanh) | Không | 3.0 | working-day | partial | 1 | Luật Doanh nghiệp 2020; Nghị định 01/2021/NĐ-CP; Thông tư 01/2021/TT-BKHĐT
1.001612 | Đăng ký thành lập hộ kinh doanh | G05-KD10 | Thành lập và hoạt động doanh nghiệp (hộ kinh doanh) | Không | 2.0 | working-day | full | 1 | Luật Doanh nghiệp 2020; Nghị định 01/2021/NĐ-CP; Thông tư 01/2021/TT-BKHĐT
1.001699 | Xác định, xác định lại mức độ khuyết tật và cấp Giấy xác nhận khuyết tật | G07-LĐ03 | Bảo trợ xã hội | Không | 25.0 | working-day | partial | 1 | Luật Người khuyết tật 2010; Nghị định 28/2012/NĐ-CP; Thông tư 01/2019/TT-BLĐTBXH
1.001776 | Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hàng tháng, hỗ trợ kinh phí chăm sóc, nuôi dưỡng hàng tháng | G07-LĐ03 | Bảo trợ xã hội | Không | 48.0 | hour | partial | 1 | Luật Người cao tuổi 2009; Luật Người khuyết tật 2010; Nghị định 20/2021/NĐ-CP; Nghị định 76/2024/NĐ-CP
1.003079 | Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm đối với cơ sở kinh doanh dịch vụ ăn uống | G18-YT01 | An toàn thực phẩm và Dinh dưỡng | Thẩm định cơ sở kinh doanh dịch vụ ăn uống phục vụ dưới 200 suất ăn: 700.000 đồng/lần/cơ sở | 15.0 | working-day | partial | 0 | Luật An toàn thực phẩm 2010; Nghị định 15/2018/NĐ-CP; Thông tư 67/2021/TT-BTC
1.004873 | Thủ tục cấp Giấy xác nhận tình trạng hôn nhân | G15-TP07 | Hộ tịch | 3.000 đồng/việc | 3.0 | working-day | partial | 1 | Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP; Thông tư 04/2020/TT-BTP
1.012783 | Cấp đổi Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất | G13-TN02 | Đất đai | 50.000 đồng/giấy chứng nhận | 7.0 | working-day | partial | 1 | Luật Đất đai 2024; Nghị định 101/2024/NĐ-CP; Nghị định 102/2024/NĐ-CP
1.012784 | Tách thửa hoặc hợp thửa đất | G13-TN02 | Đất đai | 50.000 đồng/giấy chứng nhận | 15.0 | working-day | partial | 0 | Luật Đất đai 2024; Nghị định 101/2024/NĐ-CP; Nghị định 102/2024/NĐ-CP
1.012786 | Cấp lại Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất do bị mất | G13-TN02 | Đất đai | 50.000 đồng/giấy chứng nhận | 10.0 | working-day | partial | 0 | Luật Đất đai 2024; Nghị định 101/2024/NĐ-CP; Nghị định 102/2024/NĐ-CP
1.013831 | Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất trong các trường hợp chuyển đổi, chuyển nhượng, cho thuê, cho thuê lại, thừa kế, tặng cho, góp vốn bằng quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất | G13-TN02 | Đất đai | Không | 1.5 | day | full | 1 | Luật Đất đai 2024; Nghị định 101/2024/NĐ-CP; Nghị định 102/2024/NĐ-CP
2.000720 | Đăng ký thay đổi nội dung đăng ký hộ kinh doanh | G05-KD10 | Thành lập và hoạt động doanh nghiệp (hộ kinh doanh) | 50.000 đồng/lần | 3.0 | working-day | partial | 1 | Luật Doanh nghiệp 2020; Nghị định 01/2021/NĐ-CP; Thông tư 01/2021/TT-BKHĐT
2.000806 | Thủ tục đăng ký kết hôn có yếu tố nước ngoài | G15-TP07 | Hộ tịch | 50.000 đồng/lần | 1.0 | month | partial |  | Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP; Thông tư 04/2020/TT-BTP; Thông tư 85/2019/TT-BTC
2.002481 | Chuyển trường đối với học sinh trung học cơ sở | G03-GD10 | Giáo dục trung học | Không | 10.0 | working-day | none |  | Luật Giáo dục 2019; Thông tư 32/2020/TT-BGDĐT; Quyết định 51/2002/QĐ-BGDĐT
$ sqlite3 sapnhap.db "SELECT count(*), min(length(name)), max(name <> 'Thủ tục đăng ký khai sinh') FROM merged_procedure WHERE national_code = '1.001193'"
1|25|0

# The jurisdiction decided: the district-level work of 1.001639 went to the department of justice;
# the dossier decided goes to the committee of 26446.
$ sqlite3 -separator ' | ' sapnhap.db "SELECT DISTINCT b.agency_code, c.function, b.rule FROM binding b JOIN code_table c ON c.code = b.agency_code WHERE b.active AND b.catalog = '75' AND b.national_code = '1.001639' AND b.rule LIKE 'district%'"
000.00.05.H19 | justice | district -> province: decision data/dec-spellings.csv:10
$ sqlite3 -separator ' | ' sapnhap.db "SELECT d.code, d.agency_code, c.unit_code, h.rule FROM dossier d JOIN code_table c ON c.code = d.agency_code JOIN dossier_history h ON h.dossier_id = d.id WHERE d.code = '000.01.40.H19-250611-0001'"
000.01.40.H19-250611-0001 | 000.20.60.H19 | 26446 | decision: data/dec-spellings.csv:28 Ấp 7 lies in the part that became 26446

# The statistics count what was decided (portal yes, có, x, 1, TRUE, CÓ: on the portal).
$ sapnhap validate --rule statistics | grep -E 'portal|online'
[exit 1]

# Both exports carry the decided values; the XML one is valid against catalog.xsd, and each
# imports again with the same values.
$ sapnhap export --format csv --out csv >/dev/null 2>&1; sapnhap export --format xml --out xml >/dev/null 2>&1; xmllint --noout --schema schema/catalog.xsd xml/catalog.xml
! xml/catalog.xml validates
$ grep -E '^(1\.001193|1\.001612|2\.000806|2\.002481),' csv/catalog.csv | cut -d, -f1-4,7-11
1.001193,1.001193.000.00.00.H19,Thủ tục đăng ký khai sinh,G15-TP07,1,working-day,Không,full,yes
1.001612,1.001612.000.00.00.H19,Đăng ký thành lập hộ kinh doanh,G05-KD10,2,working-day,Không,full,yes
2.000806,2.000806.000.00.00.H19,Thủ tục đăng ký kết hôn có yếu tố nước ngoài,G15-TP07,1,month,50.000 đồng/lần,partial,
2.002481,2.002481.000.00.00.H19,Chuyển trường đối với học sinh trung học cơ sở,G03-GD10,10,working-day,Không,none,
$ sapnhap --db rt-csv.db units import samples/units/conversion-2025.csv >/dev/null && sapnhap --db rt-csv.db agencies import csv/agencies.csv --province 75 >/dev/null && sapnhap --db rt-csv.db catalog import csv/catalog.csv --province 75
đã nhập danh mục thủ tục của tỉnh 75 từ csv/catalog.csv: procedures=56 bindings=572
$ sapnhap --db rt-xml.db units import samples/units/conversion-2025.csv >/dev/null && sapnhap --db rt-xml.db agencies import xml/agencies.xml --province 75 >/dev/null && sapnhap --db rt-xml.db catalog import xml/catalog.xml --province 75
đã nhập danh mục thủ tục của tỉnh 75 từ xml/catalog.xml: procedures=56 bindings=572
$ for db in rt-csv.db rt-xml.db; do sqlite3 $db "SELECT national_code, name, field_code, COALESCE(fee, ''), COALESCE(time_limit, ''), COALESCE(time_unit, ''), online_level, portal, COALESCE(legal_basis, '') FROM procedure ORDER BY 1" > $db.txt; done; sqlite3 sapnhap.db "SELECT national_code, name, field_code, COALESCE(fee, ''), COALESCE(time_limit, ''), COALESCE(time_unit, ''), COALESCE(online_level, 'none'), COALESCE(portal, 0), COALESCE(legal_basis, '') FROM merged_procedure WHERE conflicts = 0 ORDER BY 1" > merged.txt; grep -F -x -f merged.txt rt-csv.db.txt | wc -l; grep -F -x -f merged.txt rt-xml.db.txt | wc -l; wc -l < merged.txt
50
50
50

# And the diff between the database's old catalogs and the merged one shows the decided values.
$ sapnhap diff sapnhap.db:old sapnhap.db:merged --format tdiff | grep -E "^'?->,procedure,(1\.001612|1\.013831|1\.001699),(time_limit|fee|online_level|portal),"
'->,procedure,1.001612,time_limit,70: 3 | 75: 2->2
'->,procedure,1.001612,fee,70: 100.000 đồng/lần; miễn lệ phí khi nộp hồ sơ trực tuyến | 75: 50.000 đồng/lần->Không
'->,procedure,1.001612,online_level,70: full | 75: partial->full
'->,procedure,1.001699,online_level,70: none | 75: partial->partial
'->,procedure,1.001699,portal,70: no | 75: yes->yes
'->,procedure,1.013831,time_limit,70: 10 | 75: 8->1.5
'->,procedure,1.013831,fee,70: 30.000 đồng/lần | 75: 28.000 đồng/lần->Không
'->,procedure,1.013831,online_level,70: partial | 75: full->full

# The catalog importers read their columns by the same types: a national-style CSV with other
# spellings (time limit with its unit in one cell, "Mức độ 4", "x", NFD "Có", "Miễn phí", "0 đồng").
$ sapnhap --db cat.db units import samples/units/conversion-2025.csv >/dev/null && sapnhap --db cat.db agencies import samples/agencies/binhphuoc.csv --province 70 >/dev/null && sapnhap --db cat.db catalog import data/cat-spellings.csv --province 70 && sqlite3 -separator ' | ' cat.db "SELECT national_code, time_limit, time_unit, fee, online_level, portal FROM procedure ORDER BY 1"
đã nhập danh mục thủ tục của tỉnh 70 từ data/cat-spellings.csv: procedures=3 bindings=3
1.000894 | 48.0 | hour | Không | none | 0
1.001193 | 2.0 | working-day | Không | full | 1
1.001612 | 1.5 | day | 50.000 đồng/lần | partial | 1
$ cp cat.db cat-before.db; sapnhap --db cat.db catalog import data/cat-bad-portal.csv --province 70 --force; echo "[status $?]"; cmp -s cat-before.db cat.db && echo unchanged
[status 3]
unchanged
! sapnhap: lỗi: data/cat-bad-portal.csv:3: dấu tích hợp Cổng Dịch vụ công quốc gia 'có lẽ' của 1.001612 không phải giá trị có/không (chấp nhận: yes, no, có, không, 1, 0, x, true, false; không phân biệt chữ hoa/thường, có dấu hoặc không dấu)
$ sapnhap --db cat.db catalog import data/cat-unit-mismatch.csv --province 70 --force; echo "[status $?]"; cmp -s cat-before.db cat.db && echo unchanged
[status 3]
unchanged
! sapnhap: lỗi: data/cat-unit-mismatch.csv:3: thời hạn giải quyết '2 ngày làm việc' của 1.001612 tính theo working-day, nhưng đơn vị thời hạn (DONVITINH) ghi day
