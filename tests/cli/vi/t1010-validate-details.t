# The detail of each finding of validate: one sentence, in the language of the text report
# (tests/cli/vi has them in Vietnamese). The samples' chain (see t1000), the clean province, then
# one planted defect for each form a detail takes (data/validate-details.sql). What the database
# stores as prose (why a code is closed, a review item's reason) is quoted in the report's language.
$ sapnhap units import samples/units/conversion-2025.csv >/dev/null && sapnhap units import samples/units/pre-reform-list.csv >/dev/null && sapnhap agencies import samples/agencies/binhphuoc.csv --province 70 >/dev/null && sapnhap agencies import samples/agencies/dongnai.xml --province 75 >/dev/null && sapnhap recode >/dev/null && sapnhap catalog import samples/catalogs/binhphuoc.csv --province 70 >/dev/null && sapnhap catalog import samples/catalogs/dongnai.xml --province 75 >/dev/null && sapnhap dossiers import samples/dossiers/binhphuoc.csv --province 70 >/dev/null && sapnhap dossiers import samples/dossiers/dongnai.csv --province 75 >/dev/null && sapnhap reassign --hamlets samples/dossiers/hamlets.csv >/dev/null
$ cp sapnhap.db d.db && sqlite3 d.db < data/validate-clean.sql && sqlite3 d.db < data/validate-details.sql && sapnhap --db d.db validate --limit 0
kiểm tra: tỉnh mới 75 (mã cấp 1 H19, K19)

error    binding-district-level         3  cơ quan thực hiện còn hiệu lực ở cấp huyện, hoặc cơ quan thực hiện của danh mục sau sáp nhập mang mã cơ quan cũ
    1.001612       Đăng ký thành lập hộ kinh doanh
                   danh mục 75: cơ quan thực hiện 000.00.13.H10 Sở Lao động - Thương binh và Xã hội (mã cũ, sáp nhập -> 000.00.02.H19)
    1.001612       Đăng ký thành lập hộ kinh doanh
                   danh mục 75: cơ quan thực hiện 000.00.32.H10 Ủy ban nhân dân thành phố Đồng Xoài (UBND huyện)
    1.001612       Đăng ký thành lập hộ kinh doanh
                   danh mục 75: cơ quan thực hiện 001.51.40.H19 Trạm Y tế xã Xuân Tâm (mã cũ, chấm dứt)
error    binding-agency-unknown         1  cơ quan thực hiện còn hiệu lực của danh mục sau sáp nhập mang mã không có trong bảng mã và cũng không phải mã cũ
    1.001612       Đăng ký thành lập hộ kinh doanh
                   cơ quan thực hiện 000.00.99.H19, mã không có trong bảng mã
error    online-not-received            7  thủ tục cung cấp trực tuyến hoặc trên Cổng Dịch vụ công quốc gia nhưng không có trong danh mục sau sáp nhập hoặc không cơ quan nào tiếp nhận trực tuyến ("TTHC không tồn tại hoặc đơn vị chưa đăng ký tiếp nhận online")
    1.001266       Chấm dứt hoạt động hộ kinh doanh
                   trực tuyến một phần: không cơ quan nào trong 21 cơ quan thực hiện còn hiệu lực tiếp nhận trực tuyến (000.01.60.H19, 000.02.60.H19, 000.03.60.H19, ...)
    1.005095       Phúc khảo bài thi tốt nghiệp trung học phổ thông
                   mức độ trực tuyến chờ quyết định: cơ quan thực hiện còn hiệu lực duy nhất, 000.00.11.H19, không tiếp nhận trực tuyến
    1.005142       Đăng ký dự thi tốt nghiệp trung học phổ thông
                   trực tuyến toàn trình, tích hợp Cổng DVCQG: không có cơ quan thực hiện còn hiệu lực nào thuộc bảng mã
    1.005300       Cấp giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam
                   trực tuyến toàn trình, tích hợp Cổng DVCQG: không cơ quan nào trong 2 cơ quan thực hiện còn hiệu lực tiếp nhận trực tuyến (000.00.02.H19, 000.00.20.H19)
    1.010803       Giải quyết chế độ trợ cấp thờ cúng liệt sĩ
                   trực tuyến toàn trình, tích hợp Cổng DVCQG: cơ quan thực hiện còn hiệu lực duy nhất, 000.00.02.H19, không tiếp nhận trực tuyến
    1.011443       Xóa đăng ký biện pháp bảo đảm bằng quyền sử dụng đất, tài sản gắn liền với đất
                   danh mục 70 cung cấp trực tuyến hoặc tích hợp Cổng DVCQG nhưng thủ tục không có trong danh mục sau sáp nhập
    1.012790       Đính chính Giấy chứng nhận đã cấp
                   tích hợp Cổng DVCQG: cơ quan thực hiện còn hiệu lực duy nhất, 000.01.07.H19, không tiếp nhận trực tuyến
warning  online-not-everywhere          2  thủ tục cung cấp trực tuyến nhưng một số cơ quan thực hiện không tiếp nhận trực tuyến
    1.000689       Thủ tục đăng ký khai sinh kết hợp nhận cha, mẹ, con
                   trực tuyến một phần, tích hợp Cổng DVCQG: tiếp nhận trực tuyến tại 17 trong 21 cơ quan; chưa tiếp nhận tại 000.01.60.H19, 000.02.60.H19, 000.03.60.H19, ...
    1.001193       1.001193
                   trực tuyến toàn trình, tích hợp Cổng DVCQG: tiếp nhận trực tuyến tại 20 trong 21 cơ quan; chưa tiếp nhận tại 000.17.60.H19
warning  online-level-none              1  thủ tục có mức độ trực tuyến là không nhưng một số cơ quan thực hiện lại tiếp nhận trực tuyến
    1.000419       Thủ tục đăng ký khai tử lưu động
                   mức độ trực tuyến là không, nhưng 1 cơ quan thực hiện vẫn tiếp nhận trực tuyến: 000.01.60.H19
error    agency-code-invalid            1  mã trong bảng mã không phải là mã định danh cơ quan
    000.00.21.h19  Sở Thử nghiệm: ký tự 'h' ở vị trí 11 phải viết hoa ('H')
warning  agency-code-nonconforming      1  mã trong bảng mã vi phạm một quy định của QCVN 102:2016 hoặc QĐ 20/2020 (giữ nguyên, có đánh dấu)
    000.302.15.H19 Trung tâm Thử nghiệm: nhóm cấp 3 '302' có 3 chữ số; QCVN 102 cho phép 2
error    agency-code-duplicate          1  một mã được ghi nhiều lần trong bảng mã (theo cách ghi hoặc chính tả khác)
    000.00.15.H19  2 dòng: 000.00.15.H19 Sở Khoa học và Công nghệ; H19.15 Sở Khoa học và Công nghệ
error    agency-code-closed             1  mã trong bảng mã đã chấm dứt, không bao giờ được cấp lại
    000.00.40.H19  Sở Thử nghiệm Hai: mã 000.00.40.H19 đã chấm dứt (chấm dứt: cấp huyện bị bãi bỏ từ ngày hiệu lực của việc sắp xếp; địa bàn huyện nay gồm 2 xã, UBND các xã này kế thừa)
error    agency-code-level1             2  mã trong bảng mã không thuộc các mã cấp 1 của tỉnh mới
    000.00.21.H10  Sở Thử nghiệm Ba: mã cấp 1 là H10, không phải H19 hoặc K19 (H10 đã chấm dứt: mã cấp 1 của một tỉnh đã sáp nhập vào tỉnh 75 (QĐ 09/2025/QĐ-TTg))
    000.00.22.H20  Sở Thử nghiệm Bốn: mã cấp 1 là H20, không phải H19 hoặc K19
error    agency-parent-unknown          1  cơ quan có mã cơ quan cấp trên không có trong bảng mã
    000.01.07.H19  Văn phòng Đăng ký đất đai: cơ quan cấp trên 000.00.99.H19 không có trong bảng mã
error    dossier-agency-unknown         2  hồ sơ đang giải quyết ở cơ quan không có trong bảng mã (và không chờ quyết định nào)
    000.00.32.H10-250624-0041 thủ tục 1.001612 tại 000.00.32.H10 (mã cũ, chấm dứt)
    000.00.35.H10-250620-0001 thủ tục 1.001612 tại 000.00.99.H19, mã không có trong bảng mã
error    dossier-unbound                2  hồ sơ đang giải quyết ở cơ quan không thực hiện thủ tục của hồ sơ theo danh mục sau sáp nhập
    000.00.31.H10-250620-0001 thủ tục 1.011443 không có trong danh mục sau sáp nhập
    000.00.39.H10-250626-0001 thủ tục 2.000720 chưa được giao cho 000.00.15.H19 Sở Khoa học và Công nghệ
error    commune-without-committee      1  xã mới của tỉnh mới, đang có hiệu lực, nhưng UBND xã không có trong bảng mã
    26999          Xã Thử Nghiệm: bảng mã không có UBND xã
error    commune-procedure-unbound      2  thủ tục cấp xã chưa được giao cho mọi UBND xã (việc nộp hồ sơ không được phụ thuộc vào địa giới trong tỉnh)
    1.000419       Thủ tục đăng ký khai tử lưu động
                   chưa được giao cho 1 trong 21 UBND xã: 000.21.60.H19 (26503)
    1.000593       Thủ tục đăng ký kết hôn lưu động
                   chưa được giao cho 4 trong 21 UBND xã: 000.01.60.H19 (25195), 000.02.60.H19 (25210), 000.03.60.H19 (25220), ...
warning  phone-invalid                  1  số điện thoại không phải số di động Việt Nam (10 chữ số), số cố định (11 chữ số, mã vùng từ năm 2017) hoặc đường dây nóng 1800/1900
    000.00.15.H19  Sở Khoa học và Công nghệ: '0613 822 097': đầu số 06 không phải mạng di động, cũng không phải mã vùng năm 2017 (mã vùng từ trước năm 2017?)
warning  email-invalid                  1  địa chỉ thư điện tử không có dạng local@domain.tld
    000.00.17.H19  Thanh tra tỉnh: 'thanhtra@dongnai': tên miền 'dongnai' không có tên miền cấp cao nhất (.vn, .com, ...)
info     contact-missing                3  cơ quan chưa có số điện thoại hoặc địa chỉ thư điện tử, cần bổ sung
    000.00.11.H19  Sở Giáo dục và Đào tạo: chưa có số điện thoại
    000.00.12.H19  Sở Y tế: chưa có thư điện tử
    000.00.14.H19  Sở Văn hóa, Thể thao và Du lịch: chưa có số điện thoại, chưa có thư điện tử
warning  review-open                    1  mục cần xem xét đang mở, cần người quyết định (khác biệt giữa các danh mục: xem catalog-conflict)
    000.00.18.H19  recode: cần quyết định: cơ quan chuyển về đâu
warning  catalog-conflict               1  thủ tục của danh mục sau sáp nhập có trường mà các danh mục cũ ghi khác nhau, đang chờ quyết định
    1.001612       Đăng ký thành lập hộ kinh doanh
                   2 trường đang chờ quyết định: fee, time_limit

thống kê                              tỉnh mới 75     danh mục 70     danh mục 75
  số thủ tục                          55              41              42
  toàn trình                          8 (14.5 %)      10 (24.4 %)     8 (19.0 %)
  một phần                            33 (60.0 %)     21 (51.2 %)     27 (64.3 %)
  không trực tuyến                    13              10              7
  mức độ trực tuyến chờ quyết định    1               0               0
  tích hợp Cổng DVCQG                 37 (67.3 %)     10 (24.4 %)     35 (83.3 %)
  tích hợp Cổng DVCQG chờ quyết định  0               0               0
  cấp tỉnh                            20              11              13
  cấp huyện                           0               21              19
  cấp xã                              36              13              16

24 lỗi ở 12 quy tắc, 8 cảnh báo ở 7 quy tắc, 3 thông tin ở 1 quy tắc: không đạt
[exit 1]

# CSV and JSON, which programs read, keep the details in English whatever the language.
$ sapnhap --db d.db validate --format csv --rule agency-code-invalid --rule phone-invalid --rule contact-missing
type,rule,severity,subject,detail
count,agency-code-invalid,error,,1
finding,agency-code-invalid,error,000.00.21.h19,Sở Thử nghiệm: character 'h' at position 11 must be upper case ('H')
count,phone-invalid,warning,,1
finding,phone-invalid,warning,000.00.15.H19,Sở Khoa học và Công nghệ: '0613 822 097': prefix 06 is neither a mobile network nor a 2017 area code (an area code from before 2017?)
count,contact-missing,info,,3
finding,contact-missing,info,000.00.11.H19,Sở Giáo dục và Đào tạo: no phone
finding,contact-missing,info,000.00.12.H19,Sở Y tế: no e-mail
finding,contact-missing,info,000.00.14.H19,"Sở Văn hóa, Thể thao và Du lịch: no phone, no e-mail"
[exit 1]
$ sapnhap --db d.db validate --format json --rule online-not-received --limit 2
{"province": "75", "level1": ["H19", "K19"],
 "rules": [
  {"id": "online-not-received", "severity": "error", "message": "a procedure offered online or on the national portal that is not in the merged catalog or that no agency receives online (\"TTHC không tồn tại hoặc đơn vị chưa đăng ký tiếp nhận online\")", "count": 7, "truncated": true, "sample": [
    {"subject": "1.001266", "detail": "online partial: none of its 21 active bindings receives it online (000.01.60.H19, 000.02.60.H19, 000.03.60.H19, ...)"},
    {"subject": "1.005095", "detail": "online level undecided: its one active binding, at 000.00.11.H19, does not receive it online"}]}
 ],
 "counts": {"error": 7, "warning": 0, "info": 0},
 "failing_rules": {"error": 1, "warning": 0, "info": 0},
 "passed": false
}
[exit 1]

# --lang chooses the text report's language, details included, whatever the language of messages
# (run writes validation.txt so, in the plan's language); the JSON written beside it stays English.
$ sapnhap --db d.db validate --lang vi --rule agency-code-nonconforming --rule commune-procedure-unbound --rule email-invalid --json r.json; grep -o '"detail": "[^"]*"' r.json
kiểm tra: tỉnh mới 75 (mã cấp 1 H19, K19)

warning  agency-code-nonconforming      1  mã trong bảng mã vi phạm một quy định của QCVN 102:2016 hoặc QĐ 20/2020 (giữ nguyên, có đánh dấu)
    000.302.15.H19 Trung tâm Thử nghiệm: nhóm cấp 3 '302' có 3 chữ số; QCVN 102 cho phép 2
error    commune-procedure-unbound      2  thủ tục cấp xã chưa được giao cho mọi UBND xã (việc nộp hồ sơ không được phụ thuộc vào địa giới trong tỉnh)
    1.000419       Thủ tục đăng ký khai tử lưu động
                   chưa được giao cho 1 trong 21 UBND xã: 000.21.60.H19 (26503)
    1.000593       Thủ tục đăng ký kết hôn lưu động
                   chưa được giao cho 4 trong 21 UBND xã: 000.01.60.H19 (25195), 000.02.60.H19 (25210), 000.03.60.H19 (25220), ...
warning  email-invalid                  1  địa chỉ thư điện tử không có dạng local@domain.tld
    000.00.17.H19  Thanh tra tỉnh: 'thanhtra@dongnai': tên miền 'dongnai' không có tên miền cấp cao nhất (.vn, .com, ...)

2 lỗi ở 1 quy tắc, 2 cảnh báo ở 2 quy tắc, 0 thông tin ở 0 quy tắc: không đạt
"detail": "Trung tâm Thử nghiệm: level-3 group '302' has 3 digits; QCVN 102 allows 2"
"detail": "not bound at 1 of 21 commune committees: 000.21.60.H19 (26503)"
"detail": "not bound at 4 of 21 commune committees: 000.01.60.H19 (25195), 000.02.60.H19 (25210), 000.03.60.H19 (25220), ..."
"detail": "Thanh tra tỉnh: 'thanhtra@dongnai': the domain 'dongnai' has no top-level domain (.vn, .com, ...)"
$ sapnhap --db d.db validate --lang en --rule agency-code-nonconforming --rule commune-procedure-unbound --rule email-invalid
validate: merged province 75 (level-1 codes H19, K19)

warning  agency-code-nonconforming      1  a code of the code table that breaks a rule of QCVN 102:2016 or QĐ 20/2020 (kept, flagged)
    000.302.15.H19 Trung tâm Thử nghiệm: level-3 group '302' has 3 digits; QCVN 102 allows 2
error    commune-procedure-unbound      2  a commune-level procedure not bound at every commune committee (filing must not depend on the boundary within the province)
    1.000419       Thủ tục đăng ký khai tử lưu động
                   not bound at 1 of 21 commune committees: 000.21.60.H19 (26503)
    1.000593       Thủ tục đăng ký kết hôn lưu động
                   not bound at 4 of 21 commune committees: 000.01.60.H19 (25195), 000.02.60.H19 (25210), 000.03.60.H19 (25220), ...
warning  email-invalid                  1  an e-mail address that is not local@domain.tld
    000.00.17.H19  Thanh tra tỉnh: 'thanhtra@dongnai': the domain 'dongnai' has no top-level domain (.vn, .com, ...)

2 error(s) in 1 rule(s), 2 warning(s) in 2 rule(s), 0 info in 0 rule(s): failed
[exit 1]
