# validate: the merged province after recode and reassign. The samples' chain first (see t0900).
$ sapnhap units import samples/units/conversion-2025.csv >/dev/null && sapnhap units import samples/units/pre-reform-list.csv >/dev/null && sapnhap agencies import samples/agencies/binhphuoc.csv --province 70 >/dev/null && sapnhap agencies import samples/agencies/dongnai.xml --province 75 >/dev/null

# Nothing to validate before recode.
$ sapnhap validate
! sapnhap: lỗi: chưa có bảng mã và bảng chuyển đổi mã: hãy chạy 'sapnhap recode' trước
[exit 3]

# After recode, before reassign: no merged catalog, said clearly, exit 3; the code-table rules can run.
$ sapnhap recode >/dev/null && sapnhap catalog import samples/catalogs/binhphuoc.csv --province 70 >/dev/null && sapnhap catalog import samples/catalogs/dongnai.xml --province 75 >/dev/null && sapnhap dossiers import samples/dossiers/binhphuoc.csv --province 70 >/dev/null && sapnhap dossiers import samples/dossiers/dongnai.csv --province 75 >/dev/null
$ sapnhap validate
! sapnhap: lỗi: chưa có danh mục thủ tục sau sáp nhập: hãy chạy 'sapnhap reassign' trước
! sapnhap: trước bước phân lại thẩm quyền chỉ chạy được các quy tắc về bảng mã: --rule ID với ID là một trong agency-code-invalid, agency-code-nonconforming, agency-code-duplicate, agency-code-closed, agency-code-level1, agency-parent-unknown, commune-without-committee, phone-invalid, email-invalid, contact-missing, review-open
[exit 3]
$ sapnhap validate --rule online-not-received
! sapnhap: lỗi: chưa có danh mục thủ tục sau sáp nhập: hãy chạy 'sapnhap reassign' trước
! sapnhap: trước bước phân lại thẩm quyền chỉ chạy được các quy tắc về bảng mã: --rule ID với ID là một trong agency-code-invalid, agency-code-nonconforming, agency-code-duplicate, agency-code-closed, agency-code-level1, agency-parent-unknown, commune-without-committee, phone-invalid, email-invalid, contact-missing, review-open
[exit 3]
$ sapnhap validate --rule email-invalid --rule agency-code-level1
kiểm tra: tỉnh mới 75 (mã cấp 1 H19, K19)

error    agency-code-level1             0  mã trong bảng mã không thuộc các mã cấp 1 của tỉnh mới
warning  email-invalid                  2  địa chỉ thư điện tử không có dạng local@domain.tld
    000.00.19.H19  Sở Ngoại vụ: 'songoaivu.binhphuoc.gov.vn': không có '@'
    000.00.20.H19  Ban Quản lý các khu công nghiệp: 'bqlkcn.dongnai.gov.vn': không có '@'

0 lỗi ở 0 quy tắc, 2 cảnh báo ở 1 quy tắc, 0 thông tin ở 0 quy tắc: đạt

# The samples' report: the portal procedure its agency does not receive online (1.010803), the
# commune-level procedures bound only where the old catalogs had them, the e-mails without '@'
# planted in the registries, the new committees' missing contacts, the open queue and conflicts.
$ sapnhap reassign --hamlets samples/dossiers/hamlets.csv >/dev/null
$ sapnhap validate
kiểm tra: tỉnh mới 75 (mã cấp 1 H19, K19)

error    binding-district-level         0  cơ quan thực hiện còn hiệu lực ở cấp huyện, hoặc cơ quan thực hiện của danh mục sau sáp nhập mang mã cơ quan cũ
error    binding-agency-unknown         0  cơ quan thực hiện còn hiệu lực của danh mục sau sáp nhập mang mã không có trong bảng mã và cũng không phải mã cũ
error    online-not-received            5  thủ tục cung cấp trực tuyến hoặc trên Cổng Dịch vụ công quốc gia nhưng không có trong danh mục sau sáp nhập hoặc không cơ quan nào tiếp nhận trực tuyến ("TTHC không tồn tại hoặc đơn vị chưa đăng ký tiếp nhận online")
    1.001266       Chấm dứt hoạt động hộ kinh doanh
                   trực tuyến một phần: không cơ quan nào trong 21 cơ quan thực hiện còn hiệu lực tiếp nhận trực tuyến (000.01.60.H19, 000.02.60.H19, 000.03.60.H19, ...)
    1.005461       Thủ tục đăng ký lại khai tử
                   trực tuyến một phần: không cơ quan nào trong 2 cơ quan thực hiện còn hiệu lực tiếp nhận trực tuyến (000.06.60.H19, 000.09.60.H19)
    1.010803       Giải quyết chế độ trợ cấp thờ cúng liệt sĩ
                   trực tuyến toàn trình, tích hợp Cổng DVCQG: cơ quan thực hiện còn hiệu lực duy nhất, 000.00.02.H19, không tiếp nhận trực tuyến
    1.012790       Đính chính Giấy chứng nhận đã cấp
                   trực tuyến một phần: cơ quan thực hiện còn hiệu lực duy nhất, 000.01.07.H19, không tiếp nhận trực tuyến
    1.013227       Gia hạn giấy phép xây dựng đối với công trình cấp III, cấp IV và nhà ở riêng lẻ
                   trực tuyến một phần: không cơ quan nào trong 21 cơ quan thực hiện còn hiệu lực tiếp nhận trực tuyến (000.01.60.H19, 000.02.60.H19, 000.03.60.H19, ...)
warning  online-not-everywhere          9  thủ tục cung cấp trực tuyến nhưng một số cơ quan thực hiện không tiếp nhận trực tuyến
    1.000656       Thủ tục đăng ký khai tử
                   trực tuyến toàn trình, tích hợp Cổng DVCQG: tiếp nhận trực tuyến tại 12 trong 14 cơ quan; chưa tiếp nhận tại 000.05.60.H19, 000.06.60.H19
    1.000894       Thủ tục đăng ký kết hôn
                   trực tuyến một phần, tích hợp Cổng DVCQG: tiếp nhận trực tuyến tại 7 trong 21 cơ quan; chưa tiếp nhận tại 000.02.60.H19, 000.03.60.H19, 000.04.60.H19, ...
    1.001193       Thủ tục đăng ký khai sinh
                   trực tuyến toàn trình, tích hợp Cổng DVCQG: tiếp nhận trực tuyến tại 19 trong 21 cơ quan; chưa tiếp nhận tại 000.04.60.H19, 000.06.60.H19
    1.001653       Đổi, cấp lại Giấy xác nhận khuyết tật
                   trực tuyến một phần, tích hợp Cổng DVCQG: tiếp nhận trực tuyến tại 1 trong 2 cơ quan; chưa tiếp nhận tại 000.17.60.H19
    1.001699       Xác định, xác định lại mức độ khuyết tật và cấp Giấy xác nhận khuyết tật
                   mức độ trực tuyến chờ quyết định, tích hợp Cổng DVCQG: tiếp nhận trực tuyến tại 2 trong 8 cơ quan; chưa tiếp nhận tại 000.01.60.H19, 000.03.60.H19, 000.08.60.H19, ...
    1.001731       Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội
                   trực tuyến một phần, tích hợp Cổng DVCQG: tiếp nhận trực tuyến tại 2 trong 3 cơ quan; chưa tiếp nhận tại 000.17.60.H19
    1.004873       Thủ tục cấp Giấy xác nhận tình trạng hôn nhân
                   trực tuyến một phần, tích hợp Cổng DVCQG: tiếp nhận trực tuyến tại 4 trong 12 cơ quan; chưa tiếp nhận tại 000.02.60.H19, 000.05.60.H19, 000.08.60.H19, ...
    1.004884       Thủ tục đăng ký lại khai sinh
                   trực tuyến một phần: tiếp nhận trực tuyến tại 1 trong 3 cơ quan; chưa tiếp nhận tại 000.05.60.H19, 000.09.60.H19
    3.000465       Cấp bản sao văn bằng, chứng chỉ từ sổ gốc
                   trực tuyến một phần, tích hợp Cổng DVCQG: tiếp nhận trực tuyến tại 1 trong 23 cơ quan; chưa tiếp nhận tại 000.01.60.H19, 000.02.60.H19, 000.03.60.H19, ...
warning  online-level-none              0  thủ tục có mức độ trực tuyến là không nhưng một số cơ quan thực hiện lại tiếp nhận trực tuyến
error    agency-code-invalid            0  mã trong bảng mã không phải là mã định danh cơ quan
warning  agency-code-nonconforming      0  mã trong bảng mã vi phạm một quy định của QCVN 102:2016 hoặc QĐ 20/2020 (giữ nguyên, có đánh dấu)
error    agency-code-duplicate          0  một mã được ghi nhiều lần trong bảng mã (theo cách ghi hoặc chính tả khác)
error    agency-code-closed             0  mã trong bảng mã đã chấm dứt, không bao giờ được cấp lại
error    agency-code-level1             0  mã trong bảng mã không thuộc các mã cấp 1 của tỉnh mới
error    agency-parent-unknown          0  cơ quan có mã cơ quan cấp trên không có trong bảng mã
error    dossier-agency-unknown         0  hồ sơ đang giải quyết ở cơ quan không có trong bảng mã (và không chờ quyết định nào)
error    dossier-unbound                0  hồ sơ đang giải quyết ở cơ quan không thực hiện thủ tục của hồ sơ theo danh mục sau sáp nhập
error    commune-without-committee      0  xã mới của tỉnh mới, đang có hiệu lực, nhưng UBND xã không có trong bảng mã
error    commune-procedure-unbound     12  thủ tục cấp xã chưa được giao cho mọi UBND xã (việc nộp hồ sơ không được phụ thuộc vào địa giới trong tỉnh)
    1.000419       Thủ tục đăng ký khai tử lưu động
                   chưa được giao cho 19 trong 21 UBND xã: 000.01.60.H19 (25195), 000.02.60.H19 (25210), 000.03.60.H19 (25220), ...
    1.000593       Thủ tục đăng ký kết hôn lưu động
                   chưa được giao cho 19 trong 21 UBND xã: 000.01.60.H19 (25195), 000.02.60.H19 (25210), 000.03.60.H19 (25220), ...
    1.000656       Thủ tục đăng ký khai tử
                   chưa được giao cho 7 trong 21 UBND xã: 000.02.60.H19 (25210), 000.04.60.H19 (25222), 000.10.60.H19 (25432), ...
    1.000689       Thủ tục đăng ký khai sinh kết hợp nhận cha, mẹ, con
                   chưa được giao cho 18 trong 21 UBND xã: 000.01.60.H19 (25195), 000.02.60.H19 (25210), 000.03.60.H19 (25220), ...
    1.001653       Đổi, cấp lại Giấy xác nhận khuyết tật
                   chưa được giao cho 19 trong 21 UBND xã: 000.01.60.H19 (25195), 000.02.60.H19 (25210), 000.03.60.H19 (25220), ...
    1.001699       Xác định, xác định lại mức độ khuyết tật và cấp Giấy xác nhận khuyết tật
                   chưa được giao cho 13 trong 21 UBND xã: 000.02.60.H19 (25210), 000.04.60.H19 (25222), 000.05.60.H19 (25270), ...
    1.001731       Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội
                   chưa được giao cho 18 trong 21 UBND xã: 000.01.60.H19 (25195), 000.02.60.H19 (25210), 000.03.60.H19 (25220), ...
    1.004845       Thủ tục đăng ký chấm dứt giám hộ
                   chưa được giao cho 19 trong 21 UBND xã: 000.02.60.H19 (25210), 000.03.60.H19 (25220), 000.04.60.H19 (25222), ...
    1.004873       Thủ tục cấp Giấy xác nhận tình trạng hôn nhân
                   chưa được giao cho 9 trong 21 UBND xã: 000.03.60.H19 (25220), 000.04.60.H19 (25222), 000.06.60.H19 (25318), ...
    1.004884       Thủ tục đăng ký lại khai sinh
                   chưa được giao cho 18 trong 21 UBND xã: 000.02.60.H19 (25210), 000.03.60.H19 (25220), 000.04.60.H19 (25222), ...
    ... và 2 mục khác (--limit 0 để xem tất cả)
warning  phone-invalid                  0  số điện thoại không phải số di động Việt Nam (10 chữ số), số cố định (11 chữ số, mã vùng từ năm 2017) hoặc đường dây nóng 1800/1900
warning  email-invalid                  2  địa chỉ thư điện tử không có dạng local@domain.tld
    000.00.19.H19  Sở Ngoại vụ: 'songoaivu.binhphuoc.gov.vn': không có '@'
    000.00.20.H19  Ban Quản lý các khu công nghiệp: 'bqlkcn.dongnai.gov.vn': không có '@'
info     contact-missing               21  cơ quan chưa có số điện thoại hoặc địa chỉ thư điện tử, cần bổ sung
    000.01.60.H19  Ủy ban nhân dân phường Bình Phước: chưa có số điện thoại, chưa có thư điện tử
    000.02.60.H19  Ủy ban nhân dân phường Đồng Xoài: chưa có số điện thoại, chưa có thư điện tử
    000.03.60.H19  Ủy ban nhân dân phường Phước Bình: chưa có số điện thoại, chưa có thư điện tử
    000.04.60.H19  Ủy ban nhân dân xã Bù Gia Mập: chưa có số điện thoại, chưa có thư điện tử
    000.05.60.H19  Ủy ban nhân dân xã Lộc Ninh: chưa có số điện thoại, chưa có thư điện tử
    000.06.60.H19  Ủy ban nhân dân xã Tân Tiến: chưa có số điện thoại, chưa có thư điện tử
    000.07.60.H19  Ủy ban nhân dân phường Bình Long: chưa có số điện thoại, chưa có thư điện tử
    000.08.60.H19  Ủy ban nhân dân xã Đồng Phú: chưa có số điện thoại, chưa có thư điện tử
    000.09.60.H19  Ủy ban nhân dân xã Bù Đăng: chưa có số điện thoại, chưa có thư điện tử
    000.10.60.H19  Ủy ban nhân dân phường Chơn Thành: chưa có số điện thoại, chưa có thư điện tử
    ... và 11 mục khác (--limit 0 để xem tất cả)
warning  review-open                   12  mục cần xem xét đang mở, cần người quyết định (khác biệt giữa các danh mục: xem catalog-conflict)
    1.001639       Giải thể trường tiểu học (theo đề nghị của tổ chức, cá nhân đề nghị thành lập trường)
                   reassign: quyết định theo quy tắc mặc định: cần xác nhận hoặc thay đổi: cơ quan thực hiện cấp huyện (tỉnh 70) đã chuyển về cấp xã
    1.001776       Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hàng tháng, hỗ trợ kinh phí chăm sóc, nuôi dưỡng hàng tháng
                   reassign: quyết định theo quy tắc mặc định: cần xác nhận hoặc thay đổi: cơ quan thực hiện cấp huyện (tỉnh 70,75) đã chuyển về cấp xã
    1.003079       Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm đối với cơ sở kinh doanh dịch vụ ăn uống
                   reassign: quyết định theo quy tắc mặc định: cần xác nhận hoặc thay đổi: cơ quan thực hiện cấp huyện (tỉnh 70,75) đã chuyển về cấp xã
    1.013225       Cấp giấy phép xây dựng mới đối với công trình cấp III, cấp IV và nhà ở riêng lẻ
                   reassign: quyết định theo quy tắc mặc định: cần xác nhận hoặc thay đổi: cơ quan thực hiện cấp huyện (tỉnh 70,75) đã chuyển về cấp xã
    1.013226       Cấp điều chỉnh giấy phép xây dựng đối với công trình cấp III, cấp IV và nhà ở riêng lẻ
                   reassign: quyết định theo quy tắc mặc định: cần xác nhận hoặc thay đổi: cơ quan thực hiện cấp huyện (tỉnh 75) đã chuyển về cấp xã
    1.013227       Gia hạn giấy phép xây dựng đối với công trình cấp III, cấp IV và nhà ở riêng lẻ
                   reassign: quyết định theo quy tắc mặc định: cần xác nhận hoặc thay đổi: cơ quan thực hiện cấp huyện (tỉnh 70) đã chuyển về cấp xã
    1.013228       Cấp lại giấy phép xây dựng đối với công trình cấp III, cấp IV và nhà ở riêng lẻ
                   reassign: quyết định theo quy tắc mặc định: cần xác nhận hoặc thay đổi: cơ quan thực hiện cấp huyện (tỉnh 75) đã chuyển về cấp xã
    2.002481       Chuyển trường đối với học sinh trung học cơ sở
                   reassign: quyết định theo quy tắc mặc định: cần xác nhận hoặc thay đổi: cơ quan thực hiện cấp huyện (tỉnh 70,75) đã chuyển về cấp xã
    3.000465       Cấp bản sao văn bằng, chứng chỉ từ sổ gốc
                   reassign: quyết định theo quy tắc mặc định: cần xác nhận hoặc thay đổi: cơ quan thực hiện cấp huyện (tỉnh 75) đã chuyển về cấp xã
    dossier:000.01.40.H19-250611-0001 reassign: hồ sơ cần quyết định: xã 26449 bị chia tách cho 2 xã mới, không phần nào nhận toàn bộ dân số: tại 000.01.40.H19, thủ tục 1.001776, người nộp ở Ấp 7, xã 26449
    ... và 2 mục khác (--limit 0 để xem tất cả)
warning  catalog-conflict              19  thủ tục của danh mục sau sáp nhập có trường mà các danh mục cũ ghi khác nhau, đang chờ quyết định
    1.000894       Thủ tục đăng ký kết hôn
                   1 trường đang chờ quyết định: portal
    1.001193       Thủ tục đăng ký khai sinh
                   1 trường đang chờ quyết định: name
    1.001570       Tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn đã thông báo của hộ kinh doanh
                   1 trường đang chờ quyết định: portal
    1.001612       Đăng ký thành lập hộ kinh doanh
                   3 trường đang chờ quyết định: fee, online_level, time_limit
    1.001699       Xác định, xác định lại mức độ khuyết tật và cấp Giấy xác nhận khuyết tật
                   2 trường đang chờ quyết định: online_level, portal
    1.001776       Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hàng tháng, hỗ trợ kinh phí chăm sóc, nuôi dưỡng hàng tháng
                   2 trường đang chờ quyết định: portal, time_limit
    1.003079       Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm đối với cơ sở kinh doanh dịch vụ ăn uống
                   1 trường đang chờ quyết định: portal
    1.004873       Thủ tục cấp Giấy xác nhận tình trạng hôn nhân
                   1 trường đang chờ quyết định: portal
    1.012783       Cấp đổi Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất
                   1 trường đang chờ quyết định: portal
    1.012784       Tách thửa hoặc hợp thửa đất
                   1 trường đang chờ quyết định: portal
    ... và 9 mục khác (--limit 0 để xem tất cả)

thống kê                              tỉnh mới 75     danh mục 70     danh mục 75
  số thủ tục                          56              41              42
  toàn trình                          10 (17.9 %)     10 (24.4 %)     8 (19.0 %)
  một phần                            29 (51.8 %)     21 (51.2 %)     27 (64.3 %)
  không trực tuyến                    12              10              7
  mức độ trực tuyến chờ quyết định    5               0               0
  tích hợp Cổng DVCQG                 21 (37.5 %)     10 (24.4 %)     35 (83.3 %)
  tích hợp Cổng DVCQG chờ quyết định  15              0               0
  cấp tỉnh                            21              11              13
  cấp huyện                           0               21              19
  cấp xã                              36              13              16

17 lỗi ở 2 quy tắc, 42 cảnh báo ở 4 quy tắc, 21 thông tin ở 1 quy tắc: không đạt
[exit 1]

# The same as JSON (errors only, two rows a rule) and CSV.
$ sapnhap validate --format json --severity error --limit 2
{"province": "75", "level1": ["H19", "K19"],
 "rules": [
  {"id": "binding-district-level", "severity": "error", "message": "an active binding at district level, or of the merged catalog at an old agency code", "count": 0, "truncated": false, "sample": []},
  {"id": "binding-agency-unknown", "severity": "error", "message": "an active binding of the merged catalog at a code that is neither in the code table nor an old code", "count": 0, "truncated": false, "sample": []},
  {"id": "online-not-received", "severity": "error", "message": "a procedure offered online or on the national portal that is not in the merged catalog or that no agency receives online (\"TTHC không tồn tại hoặc đơn vị chưa đăng ký tiếp nhận online\")", "count": 5, "truncated": true, "sample": [
    {"subject": "1.001266", "detail": "online partial: none of its 21 active bindings receives it online (000.01.60.H19, 000.02.60.H19, 000.03.60.H19, ...)"},
    {"subject": "1.005461", "detail": "online partial: none of its 2 active bindings receives it online (000.06.60.H19, 000.09.60.H19)"}]},
  {"id": "agency-code-invalid", "severity": "error", "message": "a code of the code table that is not an agency code", "count": 0, "truncated": false, "sample": []},
  {"id": "agency-code-duplicate", "severity": "error", "message": "one code written more than once in the code table (in another notation or spelling)", "count": 0, "truncated": false, "sample": []},
  {"id": "agency-code-closed", "severity": "error", "message": "a code of the code table that was closed, never to be issued again", "count": 0, "truncated": false, "sample": []},
  {"id": "agency-code-level1", "severity": "error", "message": "a code of the code table that is not under the merged province's level-1 codes", "count": 0, "truncated": false, "sample": []},
  {"id": "agency-parent-unknown", "severity": "error", "message": "an agency whose parent code is not in the code table", "count": 0, "truncated": false, "sample": []},
  {"id": "dossier-agency-unknown", "severity": "error", "message": "an in-flight dossier at an agency that is not in the code table (and waits for no decision)", "count": 0, "truncated": false, "sample": []},
  {"id": "dossier-unbound", "severity": "error", "message": "an in-flight dossier at an agency that does not implement its procedure in the merged catalog", "count": 0, "truncated": false, "sample": []},
  {"id": "commune-without-committee", "severity": "error", "message": "a new commune of the merged province, in force, without its committee in the code table", "count": 0, "truncated": false, "sample": []},
  {"id": "commune-procedure-unbound", "severity": "error", "message": "a commune-level procedure not bound at every commune committee (filing must not depend on the boundary within the province)", "count": 12, "truncated": true, "sample": [
    {"subject": "1.000419", "detail": "not bound at 19 of 21 commune committees: 000.01.60.H19 (25195), 000.02.60.H19 (25210), 000.03.60.H19 (25220), ..."},
    {"subject": "1.000593", "detail": "not bound at 19 of 21 commune committees: 000.01.60.H19 (25195), 000.02.60.H19 (25210), 000.03.60.H19 (25220), ..."}]}
 ],
 "counts": {"error": 17, "warning": 0, "info": 0},
 "failing_rules": {"error": 2, "warning": 0, "info": 0},
 "passed": false
}
[exit 1]
$ sapnhap validate --format csv --rule online-not-received --rule email-invalid --rule statistics
type,rule,severity,subject,detail
count,online-not-received,error,,5
finding,online-not-received,error,1.001266,"online partial: none of its 21 active bindings receives it online (000.01.60.H19, 000.02.60.H19, 000.03.60.H19, ...)"
finding,online-not-received,error,1.005461,"online partial: none of its 2 active bindings receives it online (000.06.60.H19, 000.09.60.H19)"
finding,online-not-received,error,1.010803,"online full, on the national portal: its one active binding, at 000.00.02.H19, does not receive it online"
finding,online-not-received,error,1.012790,"online partial: its one active binding, at 000.01.07.H19, does not receive it online"
finding,online-not-received,error,1.013227,"online partial: none of its 21 active bindings receives it online (000.01.60.H19, 000.02.60.H19, 000.03.60.H19, ...)"
count,email-invalid,warning,,2
finding,email-invalid,warning,000.00.19.H19,Sở Ngoại vụ: 'songoaivu.binhphuoc.gov.vn': no '@'
finding,email-invalid,warning,000.00.20.H19,Ban Quản lý các khu công nghiệp: 'bqlkcn.dongnai.gov.vn': no '@'
statistic,statistics,info,merged.procedures,56
statistic,statistics,info,merged.full_online,10
statistic,statistics,info,merged.full_online_pct,17.9
statistic,statistics,info,merged.partial_online,29
statistic,statistics,info,merged.partial_online_pct,51.8
statistic,statistics,info,merged.not_online,12
statistic,statistics,info,merged.online_undecided,5
statistic,statistics,info,merged.portal,21
statistic,statistics,info,merged.portal_pct,37.5
statistic,statistics,info,merged.portal_undecided,15
statistic,statistics,info,merged.level_province,21
statistic,statistics,info,merged.level_district,0
statistic,statistics,info,merged.level_commune,36
statistic,statistics,info,catalog-70.procedures,41
statistic,statistics,info,catalog-70.full_online,10
statistic,statistics,info,catalog-70.full_online_pct,24.4
statistic,statistics,info,catalog-70.partial_online,21
statistic,statistics,info,catalog-70.partial_online_pct,51.2
statistic,statistics,info,catalog-70.not_online,10
statistic,statistics,info,catalog-70.online_undecided,0
statistic,statistics,info,catalog-70.portal,10
statistic,statistics,info,catalog-70.portal_pct,24.4
statistic,statistics,info,catalog-70.portal_undecided,0
statistic,statistics,info,catalog-70.level_province,11
statistic,statistics,info,catalog-70.level_district,21
statistic,statistics,info,catalog-70.level_commune,13
statistic,statistics,info,catalog-75.procedures,42
statistic,statistics,info,catalog-75.full_online,8
statistic,statistics,info,catalog-75.full_online_pct,19.0
statistic,statistics,info,catalog-75.partial_online,27
statistic,statistics,info,catalog-75.partial_online_pct,64.3
statistic,statistics,info,catalog-75.not_online,7
statistic,statistics,info,catalog-75.online_undecided,0
statistic,statistics,info,catalog-75.portal,35
statistic,statistics,info,catalog-75.portal_pct,83.3
statistic,statistics,info,catalog-75.portal_undecided,0
statistic,statistics,info,catalog-75.level_province,13
statistic,statistics,info,catalog-75.level_district,19
statistic,statistics,info,catalog-75.level_commune,16
[exit 1]

# --rule and --severity choose the rules; --limit 0 shows every row.
$ sapnhap validate --rule commune-procedure-unbound --limit 0
kiểm tra: tỉnh mới 75 (mã cấp 1 H19, K19)

error    commune-procedure-unbound     12  thủ tục cấp xã chưa được giao cho mọi UBND xã (việc nộp hồ sơ không được phụ thuộc vào địa giới trong tỉnh)
    1.000419       Thủ tục đăng ký khai tử lưu động
                   chưa được giao cho 19 trong 21 UBND xã: 000.01.60.H19 (25195), 000.02.60.H19 (25210), 000.03.60.H19 (25220), ...
    1.000593       Thủ tục đăng ký kết hôn lưu động
                   chưa được giao cho 19 trong 21 UBND xã: 000.01.60.H19 (25195), 000.02.60.H19 (25210), 000.03.60.H19 (25220), ...
    1.000656       Thủ tục đăng ký khai tử
                   chưa được giao cho 7 trong 21 UBND xã: 000.02.60.H19 (25210), 000.04.60.H19 (25222), 000.10.60.H19 (25432), ...
    1.000689       Thủ tục đăng ký khai sinh kết hợp nhận cha, mẹ, con
                   chưa được giao cho 18 trong 21 UBND xã: 000.01.60.H19 (25195), 000.02.60.H19 (25210), 000.03.60.H19 (25220), ...
    1.001653       Đổi, cấp lại Giấy xác nhận khuyết tật
                   chưa được giao cho 19 trong 21 UBND xã: 000.01.60.H19 (25195), 000.02.60.H19 (25210), 000.03.60.H19 (25220), ...
    1.001699       Xác định, xác định lại mức độ khuyết tật và cấp Giấy xác nhận khuyết tật
                   chưa được giao cho 13 trong 21 UBND xã: 000.02.60.H19 (25210), 000.04.60.H19 (25222), 000.05.60.H19 (25270), ...
    1.001731       Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội
                   chưa được giao cho 18 trong 21 UBND xã: 000.01.60.H19 (25195), 000.02.60.H19 (25210), 000.03.60.H19 (25220), ...
    1.004845       Thủ tục đăng ký chấm dứt giám hộ
                   chưa được giao cho 19 trong 21 UBND xã: 000.02.60.H19 (25210), 000.03.60.H19 (25220), 000.04.60.H19 (25222), ...
    1.004873       Thủ tục cấp Giấy xác nhận tình trạng hôn nhân
                   chưa được giao cho 9 trong 21 UBND xã: 000.03.60.H19 (25220), 000.04.60.H19 (25222), 000.06.60.H19 (25318), ...
    1.004884       Thủ tục đăng ký lại khai sinh
                   chưa được giao cho 18 trong 21 UBND xã: 000.02.60.H19 (25210), 000.03.60.H19 (25220), 000.04.60.H19 (25222), ...
    1.005461       Thủ tục đăng ký lại khai tử
                   chưa được giao cho 19 trong 21 UBND xã: 000.01.60.H19 (25195), 000.02.60.H19 (25210), 000.03.60.H19 (25220), ...
    1.012812       Hoà giải tranh chấp đất đai
                   chưa được giao cho 11 trong 21 UBND xã: 000.01.60.H19 (25195), 000.07.60.H19 (25326), 000.08.60.H19 (25363), ...

12 lỗi ở 1 quy tắc, 0 cảnh báo ở 0 quy tắc, 0 thông tin ở 0 quy tắc: không đạt
[exit 1]
$ sapnhap validate --severity warning --rule online-not-everywhere --rule contact-missing --rule catalog-conflict --limit 1
kiểm tra: tỉnh mới 75 (mã cấp 1 H19, K19)

warning  online-not-everywhere          9  thủ tục cung cấp trực tuyến nhưng một số cơ quan thực hiện không tiếp nhận trực tuyến
    1.000656       Thủ tục đăng ký khai tử
                   trực tuyến toàn trình, tích hợp Cổng DVCQG: tiếp nhận trực tuyến tại 12 trong 14 cơ quan; chưa tiếp nhận tại 000.05.60.H19, 000.06.60.H19
    ... và 8 mục khác (--limit 0 để xem tất cả)
warning  catalog-conflict              19  thủ tục của danh mục sau sáp nhập có trường mà các danh mục cũ ghi khác nhau, đang chờ quyết định
    1.000894       Thủ tục đăng ký kết hôn
                   1 trường đang chờ quyết định: portal
    ... và 18 mục khác (--limit 0 để xem tất cả)

0 lỗi ở 0 quy tắc, 28 cảnh báo ở 2 quy tắc, 0 thông tin ở 0 quy tắc: đạt
$ sapnhap validate --rule no-such-rule
! sapnhap: lỗi: --rule phải là một trong các giá trị binding-district-level, binding-agency-unknown, online-not-received, online-not-everywhere, online-level-none, agency-code-invalid, agency-code-nonconforming, agency-code-duplicate, agency-code-closed, agency-code-level1, agency-parent-unknown, dossier-agency-unknown, dossier-unbound, commune-without-committee, commune-procedure-unbound, phone-invalid, email-invalid, contact-missing, review-open, catalog-conflict, statistics, không phải 'no-such-rule'
! xem hướng dẫn: 'sapnhap validate --help'
[exit 2]
$ sapnhap validate --rule contact-missing --severity error
! sapnhap: lỗi: không có quy tắc nào từ mức error trở lên trong số quy tắc đã chọn
! xem hướng dẫn: 'sapnhap validate --help'
[exit 2]
$ sapnhap validate --limit -3
! sapnhap: lỗi: --limit phải là một số nguyên từ 0 trở lên, không phải '-3'
! xem hướng dẫn: 'sapnhap validate --help'
[exit 2]

# A clean province: the samples' defects fixed with SQL (data/validate-clean.sql). Exit 0.
$ cp sapnhap.db clean.db && sqlite3 clean.db < data/validate-clean.sql && sapnhap --db clean.db validate --severity warning
kiểm tra: tỉnh mới 75 (mã cấp 1 H19, K19)

error    binding-district-level         0  cơ quan thực hiện còn hiệu lực ở cấp huyện, hoặc cơ quan thực hiện của danh mục sau sáp nhập mang mã cơ quan cũ
error    binding-agency-unknown         0  cơ quan thực hiện còn hiệu lực của danh mục sau sáp nhập mang mã không có trong bảng mã và cũng không phải mã cũ
error    online-not-received            0  thủ tục cung cấp trực tuyến hoặc trên Cổng Dịch vụ công quốc gia nhưng không có trong danh mục sau sáp nhập hoặc không cơ quan nào tiếp nhận trực tuyến ("TTHC không tồn tại hoặc đơn vị chưa đăng ký tiếp nhận online")
warning  online-not-everywhere          0  thủ tục cung cấp trực tuyến nhưng một số cơ quan thực hiện không tiếp nhận trực tuyến
warning  online-level-none              0  thủ tục có mức độ trực tuyến là không nhưng một số cơ quan thực hiện lại tiếp nhận trực tuyến
error    agency-code-invalid            0  mã trong bảng mã không phải là mã định danh cơ quan
warning  agency-code-nonconforming      0  mã trong bảng mã vi phạm một quy định của QCVN 102:2016 hoặc QĐ 20/2020 (giữ nguyên, có đánh dấu)
error    agency-code-duplicate          0  một mã được ghi nhiều lần trong bảng mã (theo cách ghi hoặc chính tả khác)
error    agency-code-closed             0  mã trong bảng mã đã chấm dứt, không bao giờ được cấp lại
error    agency-code-level1             0  mã trong bảng mã không thuộc các mã cấp 1 của tỉnh mới
error    agency-parent-unknown          0  cơ quan có mã cơ quan cấp trên không có trong bảng mã
error    dossier-agency-unknown         0  hồ sơ đang giải quyết ở cơ quan không có trong bảng mã (và không chờ quyết định nào)
error    dossier-unbound                0  hồ sơ đang giải quyết ở cơ quan không thực hiện thủ tục của hồ sơ theo danh mục sau sáp nhập
error    commune-without-committee      0  xã mới của tỉnh mới, đang có hiệu lực, nhưng UBND xã không có trong bảng mã
error    commune-procedure-unbound      0  thủ tục cấp xã chưa được giao cho mọi UBND xã (việc nộp hồ sơ không được phụ thuộc vào địa giới trong tỉnh)
warning  phone-invalid                  0  số điện thoại không phải số di động Việt Nam (10 chữ số), số cố định (11 chữ số, mã vùng từ năm 2017) hoặc đường dây nóng 1800/1900
warning  email-invalid                  0  địa chỉ thư điện tử không có dạng local@domain.tld
warning  review-open                    0  mục cần xem xét đang mở, cần người quyết định (khác biệt giữa các danh mục: xem catalog-conflict)
warning  catalog-conflict               0  thủ tục của danh mục sau sáp nhập có trường mà các danh mục cũ ghi khác nhau, đang chờ quyết định

0 lỗi ở 0 quy tắc, 0 cảnh báo ở 0 quy tắc, 0 thông tin ở 0 quy tắc: đạt

# The sign-off lines of the text report, in Vietnamese: the labels are padded by characters, not
# bytes, so the lines after them start in one column.
$ sapnhap --db clean.db validate --severity error --signoff --lang vi | tail -n 7 | head -n 5
Người phê duyệt
  Họ và tên:   ________________________________
  Chức vụ:     ________________________________
  Ngày:        ____/____/________
  Chữ ký:     

# One planted defect per rule, each on its own copy of the clean database: that rule alone finds
# it, with its severity; exit 1 for an error, 0 for a warning or info.
$ cp clean.db p.db && sqlite3 p.db "INSERT INTO binding(catalog, national_code, agency_code, online) VALUES ('75', '1.001612', '000.00.32.H10', 1)" && sapnhap --db p.db validate --format csv > r.csv; echo "exit $?"; grep -v -e ',0$' -e '^statistic' r.csv
exit 1
type,rule,severity,subject,detail
count,binding-district-level,error,,1
finding,binding-district-level,error,1.001612,catalog 75: at 000.00.32.H10 Ủy ban nhân dân thành phố Đồng Xoài (district-committee)
$ cp clean.db p.db && sqlite3 p.db "INSERT INTO binding(catalog, national_code, agency_code, online) VALUES ('75', '1.001612', '000.00.99.H19', 1)" && sapnhap --db p.db validate --format csv > r.csv; echo "exit $?"; grep -v -e ',0$' -e '^statistic' r.csv
exit 1
type,rule,severity,subject,detail
count,binding-agency-unknown,error,,1
finding,binding-agency-unknown,error,1.001612,"at 000.00.99.H19, which the code table does not have"
$ cp clean.db p.db && sqlite3 p.db "UPDATE binding SET online = 0 WHERE active AND catalog = '75' AND national_code = '1.010803'" && sapnhap --db p.db validate --format csv > r.csv; echo "exit $?"; grep -v -e ',0$' -e '^statistic' r.csv
exit 1
type,rule,severity,subject,detail
count,online-not-received,error,,1
finding,online-not-received,error,1.010803,"online full, on the national portal: its one active binding, at 000.00.02.H19, does not receive it online"
$ cp clean.db p.db && sqlite3 p.db "DELETE FROM merged_procedure WHERE national_code = '1.010803'" && sapnhap --db p.db validate --format csv > r.csv; echo "exit $?"; grep -v -e ',0$' -e '^statistic' r.csv
exit 1
type,rule,severity,subject,detail
count,online-not-received,error,,1
finding,online-not-received,error,1.010803,offered online or on the national portal by catalog 70 but not in the merged catalog
$ cp clean.db p.db && sqlite3 p.db "UPDATE binding SET online = 0 WHERE active AND catalog = '75' AND national_code = '1.001193' AND agency_code = '000.17.60.H19'" && sapnhap --db p.db validate --format csv > r.csv; echo "exit $?"; grep -v -e ',0$' -e '^statistic' r.csv
exit 0
type,rule,severity,subject,detail
count,online-not-everywhere,warning,,1
finding,online-not-everywhere,warning,1.001193,"online full, on the national portal: received online at 20 of 21 agencies; not at 000.17.60.H19"
$ cp clean.db p.db && sqlite3 p.db "UPDATE binding SET online = 1 WHERE active AND catalog = '75' AND national_code = '1.000419' AND agency_code = '000.01.60.H19'" && sapnhap --db p.db validate --format csv > r.csv; echo "exit $?"; grep -v -e ',0$' -e '^statistic' r.csv
exit 0
type,rule,severity,subject,detail
count,online-level-none,warning,,1
finding,online-level-none,warning,1.000419,"online level none, yet 1 binding(s) receive it online: 000.01.60.H19"
$ cp clean.db p.db && sqlite3 p.db "INSERT INTO code_table(code, sort_key, subject, name, kind, parent_code, unit_code, phone, email, origin, reason) VALUES ('000.00.21.h19', 't', 't', 'Sở Thử nghiệm', 'department', '000.00.00.H19', '75', '0251 3822 000', 'thu@dongnai.gov.vn', 'new', 't')" && sapnhap --db p.db validate --format csv > r.csv; echo "exit $?"; grep -v -e ',0$' -e '^statistic' r.csv
exit 1
type,rule,severity,subject,detail
count,agency-code-invalid,error,,1
finding,agency-code-invalid,error,000.00.21.h19,Sở Thử nghiệm: character 'h' at position 11 must be upper case ('H')
$ cp clean.db p.db && sqlite3 p.db "INSERT INTO code_table(code, sort_key, subject, name, kind, parent_code, unit_code, phone, email, origin, reason) VALUES ('000.302.15.H19', 't', 't', 'Trung tâm Thử nghiệm', 'department-unit', '000.00.15.H19', '75', '0251 3822 000', 'thu@dongnai.gov.vn', 'new', 't')" && sapnhap --db p.db validate --format csv > r.csv; echo "exit $?"; grep -v -e ',0$' -e '^statistic' r.csv
exit 0
type,rule,severity,subject,detail
count,agency-code-nonconforming,warning,,1
finding,agency-code-nonconforming,warning,000.302.15.H19,Trung tâm Thử nghiệm: level-3 group '302' has 3 digits; QCVN 102 allows 2
$ cp clean.db p.db && sqlite3 p.db "INSERT INTO code_table(code, sort_key, subject, name, kind, parent_code, unit_code, phone, email, origin, reason) VALUES ('H19.15', 't', 't', 'Sở Khoa học và Công nghệ', 'department', '000.00.00.H19', '75', '0251 3822 097', 'skhcn@dongnai.gov.vn', 'new', 't')" && sapnhap --db p.db validate --format csv > r.csv; echo "exit $?"; grep -v -e ',0$' -e '^statistic' r.csv
exit 1
type,rule,severity,subject,detail
count,agency-code-duplicate,error,,1
finding,agency-code-duplicate,error,000.00.15.H19,2 rows: 000.00.15.H19 Sở Khoa học và Công nghệ; H19.15 Sở Khoa học và Công nghệ
$ cp clean.db p.db && sqlite3 p.db "INSERT INTO code_table(code, sort_key, subject, name, kind, parent_code, unit_code, phone, email, origin, reason) VALUES ('000.00.40.H19', 't', 't', 'Sở Thử nghiệm', 'department', '000.00.00.H19', '75', '0251 3822 000', 'thu@dongnai.gov.vn', 'new', 't')" && sapnhap --db p.db validate --format csv > r.csv; echo "exit $?"; grep -v -e ',0$' -e '^statistic' r.csv
exit 1
type,rule,severity,subject,detail
count,agency-code-closed,error,,1
finding,agency-code-closed,error,000.00.40.H19,"Sở Thử nghiệm: 000.00.40.H19 is closed (closed: district level abolished on the reform's effective date; its area is now 2 commune(s), whose committees succeed it)"
$ cp clean.db p.db && sqlite3 p.db "INSERT INTO code_table(code, sort_key, subject, name, kind, parent_code, unit_code, phone, email, origin, reason) VALUES ('000.00.21.H10', 't', 't', 'Sở Thử nghiệm', 'department', '000.00.00.H19', '75', '0251 3822 000', 'thu@dongnai.gov.vn', 'new', 't')" && sapnhap --db p.db validate --format csv > r.csv; echo "exit $?"; grep -v -e ',0$' -e '^statistic' r.csv
exit 1
type,rule,severity,subject,detail
count,agency-code-level1,error,,1
finding,agency-code-level1,error,000.00.21.H10,"Sở Thử nghiệm: level-1 code H10, not H19 or K19 (H10 is closed: level-1 code of a province merged into 75 (QĐ 09/2025/QĐ-TTg))"
$ cp clean.db p.db && sqlite3 p.db "UPDATE code_table SET parent_code = '000.00.99.H19' WHERE code = '000.01.07.H19'" && sapnhap --db p.db validate --format csv > r.csv; echo "exit $?"; grep -v -e ',0$' -e '^statistic' r.csv
exit 1
type,rule,severity,subject,detail
count,agency-parent-unknown,error,,1
finding,agency-parent-unknown,error,000.01.07.H19,Văn phòng Đăng ký đất đai: parent 000.00.99.H19 is not in the code table
$ cp clean.db p.db && sqlite3 p.db "UPDATE dossier SET agency_code = '000.00.32.H10' WHERE code = '000.00.32.H10-250624-0041'" && sapnhap --db p.db validate --format csv > r.csv; echo "exit $?"; grep -v -e ',0$' -e '^statistic' r.csv
exit 1
type,rule,severity,subject,detail
count,dossier-agency-unknown,error,,1
finding,dossier-agency-unknown,error,000.00.32.H10-250624-0041,"procedure 1.001612 at 000.00.32.H10 (old code, closed)"
$ cp clean.db p.db && sqlite3 p.db "UPDATE dossier SET agency_code = '000.00.15.H19' WHERE code = '000.00.32.H10-250624-0041'" && sapnhap --db p.db validate --format csv > r.csv; echo "exit $?"; grep -v -e ',0$' -e '^statistic' r.csv
exit 1
type,rule,severity,subject,detail
count,dossier-unbound,error,,1
finding,dossier-unbound,error,000.00.32.H10-250624-0041,procedure 1.001612 is not bound at 000.00.15.H19 Sở Khoa học và Công nghệ
$ cp clean.db p.db && sqlite3 p.db "INSERT INTO unit(level, code, name, name_key, ascii_key, province_code, valid_from, opened_by) VALUES ('commune', '26999', 'Xã Thử Nghiệm', 'thu nghiem', 'thu nghiem', '75', '2025-07-01', 1)" && sapnhap --db p.db validate --format csv > r.csv; echo "exit $?"; grep -v -e ',0$' -e '^statistic' r.csv
exit 1
type,rule,severity,subject,detail
count,commune-without-committee,error,,1
finding,commune-without-committee,error,26999,Xã Thử Nghiệm: no commune committee in the code table
$ cp clean.db p.db && sqlite3 p.db "DELETE FROM binding WHERE active AND catalog = '75' AND national_code = '1.000419' AND agency_code = '000.21.60.H19'" && sapnhap --db p.db validate --format csv > r.csv; echo "exit $?"; grep -v -e ',0$' -e '^statistic' r.csv
exit 1
type,rule,severity,subject,detail
count,commune-procedure-unbound,error,,1
finding,commune-procedure-unbound,error,1.000419,not bound at 1 of 21 commune committees: 000.21.60.H19 (26503)
$ cp clean.db p.db && sqlite3 p.db "UPDATE code_table SET phone = '0613 822 097; 0912 345 678' WHERE code = '000.00.15.H19'" && sapnhap --db p.db validate --format csv > r.csv; echo "exit $?"; grep -v -e ',0$' -e '^statistic' r.csv
exit 0
type,rule,severity,subject,detail
count,phone-invalid,warning,,1
finding,phone-invalid,warning,000.00.15.H19,Sở Khoa học và Công nghệ: '0613 822 097': prefix 06 is neither a mobile network nor a 2017 area code (an area code from before 2017?)
$ cp clean.db p.db && sqlite3 p.db "UPDATE code_table SET email = 'skhcn@dongnai' WHERE code = '000.00.15.H19'" && sapnhap --db p.db validate --format csv > r.csv; echo "exit $?"; grep -v -e ',0$' -e '^statistic' r.csv
exit 0
type,rule,severity,subject,detail
count,email-invalid,warning,,1
finding,email-invalid,warning,000.00.15.H19,"Sở Khoa học và Công nghệ: 'skhcn@dongnai': the domain 'dongnai' has no top-level domain (.vn, .com, ...)"
$ cp clean.db p.db && sqlite3 p.db "UPDATE code_table SET phone = NULL WHERE code = '000.00.15.H19'" && sapnhap --db p.db validate --format csv > r.csv; echo "exit $?"; grep -v -e ',0$' -e '^statistic' r.csv
exit 0
type,rule,severity,subject,detail
count,contact-missing,info,,1
finding,contact-missing,info,000.00.15.H19,Sở Khoa học và Công nghệ: no phone
$ cp clean.db p.db && sqlite3 p.db "INSERT INTO review(step, subject, reason) VALUES ('recode', '000.00.15.H19', 'needs a decision: where does it go')" && sapnhap --db p.db validate --format csv > r.csv; echo "exit $?"; grep -v -e ',0$' -e '^statistic' r.csv
exit 0
type,rule,severity,subject,detail
count,review-open,warning,,1
finding,review-open,warning,000.00.15.H19,recode: needs a decision: where does it go
$ cp clean.db p.db && sqlite3 p.db "UPDATE merged_procedure SET conflicts = 1, fee = NULL WHERE national_code = '1.001612'; INSERT INTO review(step, subject, reason, detail, field) VALUES ('reassign', '1.001612', 'conflict: the catalogs differ on fee', '70: 100.000 | 75: 50.000', 'fee')" && sapnhap --db p.db validate --format csv > r.csv; echo "exit $?"; grep -v -e ',0$' -e '^statistic' r.csv
exit 0
type,rule,severity,subject,detail
count,catalog-conflict,warning,,1
finding,catalog-conflict,warning,1.001612,1 field(s) await a decision: fee

# The same report twice: byte-identical (every query is ordered).
$ sapnhap validate --format json --limit 0 > a.json; sapnhap validate --format json --limit 0 > b.json; cmp a.json b.json && echo identical
identical
