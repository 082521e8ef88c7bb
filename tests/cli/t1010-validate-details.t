# The detail of each finding of validate: one sentence, in the language of the text report
# (tests/cli/vi has them in Vietnamese). The samples' chain (see t1000), the clean province, then
# one planted defect for each form a detail takes (data/validate-details.sql). What the database
# stores as prose (why a code is closed, a review item's reason) is quoted in the report's language.
$ sapnhap units import samples/units/conversion-2025.csv >/dev/null && sapnhap units import samples/units/pre-reform-list.csv >/dev/null && sapnhap agencies import samples/agencies/binhphuoc.csv --province 70 >/dev/null && sapnhap agencies import samples/agencies/dongnai.xml --province 75 >/dev/null && sapnhap recode >/dev/null && sapnhap catalog import samples/catalogs/binhphuoc.csv --province 70 >/dev/null && sapnhap catalog import samples/catalogs/dongnai.xml --province 75 >/dev/null && sapnhap dossiers import samples/dossiers/binhphuoc.csv --province 70 >/dev/null && sapnhap dossiers import samples/dossiers/dongnai.csv --province 75 >/dev/null && sapnhap reassign --hamlets samples/dossiers/hamlets.csv >/dev/null
$ cp sapnhap.db d.db && sqlite3 d.db < data/validate-clean.sql && sqlite3 d.db < data/validate-details.sql && sapnhap --db d.db validate --limit 0
validate: merged province 75 (level-1 codes H19, K19)

error    binding-district-level         3  an active binding at district level, or of the merged catalog at an old agency code
    1.001612       Đăng ký thành lập hộ kinh doanh
                   catalog 75: at 000.00.13.H10 Sở Lao động - Thương binh và Xã hội (old code, merged -> 000.00.02.H19)
    1.001612       Đăng ký thành lập hộ kinh doanh
                   catalog 75: at 000.00.32.H10 Ủy ban nhân dân thành phố Đồng Xoài (district-committee)
    1.001612       Đăng ký thành lập hộ kinh doanh
                   catalog 75: at 001.51.40.H19 Trạm Y tế xã Xuân Tâm (old code, closed)
error    binding-agency-unknown         1  an active binding of the merged catalog at a code that is neither in the code table nor an old code
    1.001612       Đăng ký thành lập hộ kinh doanh
                   at 000.00.99.H19, which the code table does not have
error    online-not-received            7  a procedure offered online or on the national portal that is not in the merged catalog or that no agency receives online ("TTHC không tồn tại hoặc đơn vị chưa đăng ký tiếp nhận online")
    1.001266       Chấm dứt hoạt động hộ kinh doanh
                   online partial: none of its 21 active bindings receives it online (000.01.60.H19, 000.02.60.H19, 000.03.60.H19, ...)
    1.005095       Phúc khảo bài thi tốt nghiệp trung học phổ thông
                   online level undecided: its one active binding, at 000.00.11.H19, does not receive it online
    1.005142       Đăng ký dự thi tốt nghiệp trung học phổ thông
                   online full, on the national portal: no active binding at an agency of the code table
    1.005300       Cấp giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam
                   online full, on the national portal: none of its 2 active bindings receives it online (000.00.02.H19, 000.00.20.H19)
    1.010803       Giải quyết chế độ trợ cấp thờ cúng liệt sĩ
                   online full, on the national portal: its one active binding, at 000.00.02.H19, does not receive it online
    1.011443       Xóa đăng ký biện pháp bảo đảm bằng quyền sử dụng đất, tài sản gắn liền với đất
                   offered online or on the national portal by catalog 70 but not in the merged catalog
    1.012790       Đính chính Giấy chứng nhận đã cấp
                   on the national portal: its one active binding, at 000.01.07.H19, does not receive it online
warning  online-not-everywhere          2  a procedure offered online that some of its agencies do not receive online
    1.000689       Thủ tục đăng ký khai sinh kết hợp nhận cha, mẹ, con
                   online partial, on the national portal: received online at 17 of 21 agencies; not at 000.01.60.H19, 000.02.60.H19, 000.03.60.H19, ...
    1.001193       1.001193
                   online full, on the national portal: received online at 20 of 21 agencies; not at 000.17.60.H19
warning  online-level-none              1  a procedure whose online level is none that some of its agencies receive online
    1.000419       Thủ tục đăng ký khai tử lưu động
                   online level none, yet 1 binding(s) receive it online: 000.01.60.H19
error    agency-code-invalid            1  a code of the code table that is not an agency code
    000.00.21.h19  Sở Thử nghiệm: character 'h' at position 11 must be upper case ('H')
warning  agency-code-nonconforming      1  a code of the code table that breaks a rule of QCVN 102:2016 or QĐ 20/2020 (kept, flagged)
    000.302.15.H19 Trung tâm Thử nghiệm: level-3 group '302' has 3 digits; QCVN 102 allows 2
error    agency-code-duplicate          1  one code written more than once in the code table (in another notation or spelling)
    000.00.15.H19  2 rows: 000.00.15.H19 Sở Khoa học và Công nghệ; H19.15 Sở Khoa học và Công nghệ
error    agency-code-closed             1  a code of the code table that was closed, never to be issued again
    000.00.40.H19  Sở Thử nghiệm Hai: 000.00.40.H19 is closed (closed: district level abolished on the reform's effective date; its area is now 2 commune(s), whose committees succeed it)
error    agency-code-level1             2  a code of the code table that is not under the merged province's level-1 codes
    000.00.21.H10  Sở Thử nghiệm Ba: level-1 code H10, not H19 or K19 (H10 is closed: level-1 code of a province merged into 75 (QĐ 09/2025/QĐ-TTg))
    000.00.22.H20  Sở Thử nghiệm Bốn: level-1 code H20, not H19 or K19
error    agency-parent-unknown          1  an agency whose parent code is not in the code table
    000.01.07.H19  Văn phòng Đăng ký đất đai: parent 000.00.99.H19 is not in the code table
error    dossier-agency-unknown         2  an in-flight dossier at an agency that is not in the code table (and waits for no decision)
    000.00.32.H10-250624-0041 procedure 1.001612 at 000.00.32.H10 (old code, closed)
    000.00.35.H10-250620-0001 procedure 1.001612 at 000.00.99.H19, which the code table does not have
error    dossier-unbound                2  an in-flight dossier at an agency that does not implement its procedure in the merged catalog
    000.00.31.H10-250620-0001 procedure 1.011443 is not in the merged catalog
    000.00.39.H10-250626-0001 procedure 2.000720 is not bound at 000.00.15.H19 Sở Khoa học và Công nghệ
error    commune-without-committee      1  a new commune of the merged province, in force, without its committee in the code table
    26999          Xã Thử Nghiệm: no commune committee in the code table
error    commune-procedure-unbound      2  a commune-level procedure not bound at every commune committee (filing must not depend on the boundary within the province)
    1.000419       Thủ tục đăng ký khai tử lưu động
                   not bound at 1 of 21 commune committees: 000.21.60.H19 (26503)
    1.000593       Thủ tục đăng ký kết hôn lưu động
                   not bound at 4 of 21 commune committees: 000.01.60.H19 (25195), 000.02.60.H19 (25210), 000.03.60.H19 (25220), ...
warning  phone-invalid                  1  a phone number that is not a Vietnamese mobile (10 digits), landline (11, a 2017 area code) or 1800/1900 hotline
    000.00.15.H19  Sở Khoa học và Công nghệ: '0613 822 097': prefix 06 is neither a mobile network nor a 2017 area code (an area code from before 2017?)
warning  email-invalid                  1  an e-mail address that is not local@domain.tld
    000.00.17.H19  Thanh tra tỉnh: 'thanhtra@dongnai': the domain 'dongnai' has no top-level domain (.vn, .com, ...)
info     contact-missing                3  an agency without a phone number or an e-mail address, to fill in
    000.00.11.H19  Sở Giáo dục và Đào tạo: no phone
    000.00.12.H19  Sở Y tế: no e-mail
    000.00.14.H19  Sở Văn hóa, Thể thao và Du lịch: no phone, no e-mail
warning  review-open                    1  an open review item that needs a person (catalog conflicts: see catalog-conflict)
    000.00.18.H19  recode: needs a decision: where does it go
warning  catalog-conflict               1  a procedure of the merged catalog with fields on which the old catalogs disagree, awaiting a decision
    1.001612       Đăng ký thành lập hộ kinh doanh
                   2 field(s) await a decision: fee, time_limit

statistics                merged 75       catalog 70      catalog 75
  procedures              55              41              42
  fully online            8 (14.5 %)      10 (24.4 %)     8 (19.0 %)
  partly online           33 (60.0 %)     21 (51.2 %)     27 (64.3 %)
  not online              13              10              7
  online level undecided  1               0               0
  on the national portal  37 (67.3 %)     10 (24.4 %)     35 (83.3 %)
  portal undecided        0               0               0
  at province level       20              11              13
  at district level       0               21              19
  at commune level        36              13              16

24 error(s) in 12 rule(s), 8 warning(s) in 7 rule(s), 3 info in 1 rule(s): failed
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
