#!/usr/bin/env python3
"""tests/national/gen.py - a complete, realistic input set for one new province.

    gen.py OUTDIR --province NN [--data DIR]

NN is one of the 34 provinces in force from 2025-07-01 (data/resolutions/915_CTK-CSCL.csv).
DIR is the official data (default: ../shared/data beside the project). Everything is drawn
from the official conversion table (data/units/nso-conversion-2025.flat.csv) and the
pre-reform list (data/units/units-2025-01-04.csv): the old provinces that went into NN, their
real districts and every real commune. Writes, for each old province P of NN:

  agencies/P.csv   the registry (sapnhap's agency CSV): People's Committee 000.00.00.Hxx and
                   Council 000.00.00.Kxx, departments at province-specific level-2 numbers
                   (names before or after the March 2025 department mergers; city forms in the
                   centrally-run cities), units under departments, one committee per old
                   district with its offices, one committee per old commune (level 3 under its
                   district's level-2 number), clinics and schools under communes, a few
                   nonconforming codes and a few codes in QĐ 20/2020 notation (H10.16);
  catalogs/P.csv   ~60 procedures with the national column names (MATTHC, ..., COQUANTHUCHIEN),
                   at commune, district and province level, bound to real agencies of P; fees,
                   time limits and online levels differ between the old provinces;
  dossiers/P.csv   ~1,000 in-flight dossiers at commune and district committees, district
                   offices and departments, applicants in real old communes of P (split ones
                   with and without a part taking the whole population, some with a hamlet);

and for NN: hamlets.csv (hamlets of some split communes), national.plan (the plan of
'sapnhap run': the official workbook and the pre-reform list, one [province P] per old
province, built-in rules only) and expect/ (what the official data says the result must be,
for tests/national/run.sh: new communes, district -> new communes, every old agency code in
QCVN notation, departments by the function they carry since the 2025 mergers, the surviving
level-1 code).

Python 3 standard library only. Fixed seeds and sorted iteration: the same arguments give
byte-identical files.
"""
import argparse
import csv
import datetime
import os
import random
import re
import sys
import unicodedata

# --- text helpers ---------------------------------------------------------------------------


def clean(s):
    """NFC, white space (embedded newlines included) collapsed, ends trimmed."""
    return " ".join(unicodedata.normalize("NFC", s or "").split())


def fold(s):
    """Matching key: no diacritics, lower case, đ -> d."""
    s = unicodedata.normalize("NFD", clean(s).lower()).replace("đ", "d")
    return "".join(c for c in s if not unicodedata.combining(c))


def pad(s, width):
    s = clean(s)
    return s.zfill(width) if s.isdigit() and len(s) <= width else ""


def name_code(cell, width):
    """'Quận Ba Đình (001)' -> ('Quận Ba Đình', '001')."""
    c = clean(cell)
    m = re.match(r"^(.*?)\s*\((\d+)\)\s*$", c)
    if m:
        return clean(m.group(1)), pad(m.group(2), width)
    return c, ""


TYPES = ["Thành phố", "Thị trấn", "Thị xã", "Đặc khu", "Phường", "Huyện", "Quận", "Tỉnh", "Xã"]


def split_type(name):
    """'Thị xã Phước Long' -> ('thị xã', 'Phước Long')."""
    for t in TYPES:
        if fold(name).startswith(fold(t) + " "):
            return t.lower(), name[len(t) + 1:].strip()
    return "", name


def lower_type(name):
    t, rest = split_type(name)
    return f"{t} {rest}" if t else name


def ascii_box(s):
    return re.sub(r"[^a-z0-9]", "", fold(s))


# --- agency codes ---------------------------------------------------------------------------


def qcvn(l1, l2=0, l3=0, l4=0):
    return f"{l4:03d}.{l3:02d}.{l2:02d}.{l1}"


def left(l1, l2=0, l3=0, l4=0):
    """QĐ 20/2020 notation: level 1 first, zero groups dropped (levels here are contiguous)."""
    parts = [l1] + [f"{g:02d}" if i < 2 else f"{g:03d}" for i, g in enumerate((l2, l3, l4)) if g]
    return ".".join(parts)


# --- the official data ----------------------------------------------------------------------


class Data:
    def __init__(self, root):
        self.root = root
        u = os.path.join(root, "units")
        # New provinces (letter 915/CTK-CSCL).
        self.new_names = {}
        with open(os.path.join(root, "resolutions", "915_CTK-CSCL.csv"), encoding="utf-8") as f:
            for r in list(csv.reader(f))[1:]:
                if len(r) >= 3 and r[1].strip():
                    self.new_names[pad(r[1], 2)] = clean(r[2])
        # Level-1 codes of the 63 old provinces.
        self.l1 = {}
        self.l1_short = {}
        with open(os.path.join(root, "agencies", "level1-province-codes.csv"), encoding="utf-8") as f:
            for r in list(csv.reader(f))[1:]:
                if len(r) >= 3 and r[0].strip():
                    p = pad(r[2], 2)
                    self.l1[p] = r[0].strip()
                    self.l1_short[p] = clean(r[1])
        # The pre-reform list: provinces, districts, communes.
        self.prov_name = {}
        self.dist = {}          # district code -> (name, province)
        self.communes = {}      # commune code -> dict
        with open(os.path.join(u, "units-2025-01-04.csv"), encoding="utf-8-sig") as f:
            for r in list(csv.reader(f))[1:]:
                if len(r) < 7:
                    continue
                p, d, c = pad(r[1], 2), pad(r[3], 3), pad(r[5], 5)
                self.prov_name[p] = clean(r[0])
                self.dist.setdefault(d, (clean(r[2]), p))
                if c:
                    self.communes[c] = {"code": c, "name": clean(r[4]), "type": clean(r[6]),
                                        "district": d, "province": p}
        # The flat sheet of the conversion table.
        self.links = []         # dicts: new_prov, new_code, new_name, old_code, old_name, note,
        with open(os.path.join(u, "nso-conversion-2025.flat.csv"), encoding="utf-8-sig") as f:
            rows = list(csv.reader(f))
        for r in rows[2:]:
            r = r + [""] * (8 - len(r))
            new_code = pad(r[2], 5)
            if not new_code:
                continue        # a province banner row
            _, np_ = name_code(r[0], 2)
            dname, dcode = name_code(r[6], 3)
            _, opcell = name_code(r[7], 2)
            old_code = pad(r[4], 5)
            # The old province: the pre-reform list is the registry of record (the table's own
            # cell is wrong for 27691 and 30781); an island district has no commune code.
            if old_code in self.communes:
                op = self.communes[old_code]["province"]
            elif dcode in self.dist:
                op = self.dist[dcode][1]
            else:
                op = opcell
            self.links.append({"new_prov": np_, "new_code": new_code, "new_name": clean(r[1]),
                               "old_code": old_code, "old_name": clean(r[3]), "note": clean(r[5]),
                               "district": dcode, "old_prov": op})


# --- departments ----------------------------------------------------------------------------

CITIES = {"01", "31", "46", "48", "79", "92"}

# (function, name before the March 2025 mergers, name after; None = absent in that era).
DEPARTMENTS = [
    ("office", "Văn phòng Ủy ban nhân dân tỉnh", "Văn phòng Ủy ban nhân dân tỉnh"),
    ("home-affairs", "Sở Nội vụ", "Sở Nội vụ"),
    ("justice", "Sở Tư pháp", "Sở Tư pháp"),
    ("planning", "Sở Kế hoạch và Đầu tư", None),
    ("finance", "Sở Tài chính", "Sở Tài chính"),
    ("industry-trade", "Sở Công Thương", "Sở Công Thương"),
    ("agriculture", "Sở Nông nghiệp và Phát triển nông thôn", None),
    ("natural-resources", "Sở Tài nguyên và Môi trường", None),
    ("agriculture-environment", None, "Sở Nông nghiệp và Môi trường"),
    ("construction", "Sở Xây dựng", "Sở Xây dựng"),
    ("transport", "Sở Giao thông vận tải", None),
    ("science-technology", "Sở Khoa học và Công nghệ", "Sở Khoa học và Công nghệ"),
    ("information", "Sở Thông tin và Truyền thông", None),
    ("labour", "Sở Lao động - Thương binh và Xã hội", None),
    ("culture", "Sở Văn hóa, Thể thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch"),
    ("education", "Sở Giáo dục và Đào tạo", "Sở Giáo dục và Đào tạo"),
    ("health", "Sở Y tế", "Sở Y tế"),
    ("inspectorate", "Thanh tra tỉnh", "Thanh tra tỉnh"),
    ("ethnic", "Ban Dân tộc", "Sở Dân tộc và Tôn giáo"),
    ("foreign-affairs", "Sở Ngoại vụ", None),
    ("industrial-zones", "Ban Quản lý các khu công nghiệp", "Ban Quản lý các khu công nghiệp"),
]

# The function each old one carries since the 2025 department mergers (mappings/departments.csv).
MERGED_INTO = {"planning": "finance", "agriculture": "agriculture-environment",
               "natural-resources": "agriculture-environment", "transport": "construction",
               "information": "science-technology", "labour": "home-affairs"}

# Centrally-run cities write some names in their own form.
CITY_NAMES = {
    "office": "Văn phòng UBND Thành phố",
    "inspectorate": "Thanh tra Thành phố",
}

# Units under departments: (function of the parent in either era, name).
DEPT_UNITS = [
    (("natural-resources", "agriculture-environment"), "Văn phòng Đăng ký đất đai"),
    (("agriculture", "agriculture-environment"), "Chi cục Kiểm lâm"),
    (("agriculture", "agriculture-environment"), "Chi cục Thủy lợi"),
    (("health",), "Trung tâm Kiểm soát bệnh tật"),
    (("labour", "home-affairs"), "Trung tâm Dịch vụ việc làm"),
    (("education",), "Trung tâm Giáo dục thường xuyên tỉnh"),
]


def district_offices(era, dtype):
    """(key, name) of a district's offices; key = what the catalog binds by."""
    urban = dtype in ("quận", "thành phố", "thị xã")
    out = [("office", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân"),
           ("home-affairs", "Phòng Nội vụ"),
           ("justice", "Phòng Tư pháp"),
           ("finance", "Phòng Tài chính - Kế hoạch")]
    if era == "pre":
        out += [("land", "Phòng Tài nguyên và Môi trường"),
                ("labour", "Phòng Lao động - Thương binh và Xã hội"),
                ("economy", "Phòng Kinh tế" if urban else "Phòng Nông nghiệp và Phát triển nông thôn"),
                ("construction", "Phòng Quản lý đô thị" if urban else "Phòng Kinh tế và Hạ tầng"),
                ("culture", "Phòng Văn hóa và Thông tin")]
    else:
        out += [("land", "Phòng Nông nghiệp và Môi trường" if not urban else "Phòng Tài nguyên và Môi trường"),
                ("economy", "Phòng Kinh tế"),
                ("construction", "Phòng Quản lý đô thị" if urban else "Phòng Kinh tế, Hạ tầng và Đô thị"),
                ("culture", "Phòng Văn hóa, Khoa học và Thông tin")]
    out += [("education", "Phòng Giáo dục và Đào tạo"),
            ("health", "Phòng Y tế"),
            ("inspectorate", "Thanh tra " + dtype)]
    return out


# --- procedures -----------------------------------------------------------------------------
# (national code, name, field code, field name, levels, time limit, unit, fee, online, legal
# basis, function). Names, codes and fields as in the national database (see samples/README.md);
# 'function' says which agency implements it: a department function, 'land-office' (Văn phòng
# Đăng ký đất đai), 'committee' (the province committee), 'district' (district committees).

LB_HT = "Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP; Thông tư 04/2020/TT-BTP"
LB_HT2 = LB_HT + "; Thông tư 85/2019/TT-BTC"
LB_CT = "Nghị định 23/2015/NĐ-CP; Thông tư 01/2020/TT-BTP; Thông tư 226/2016/TT-BTC"
LB_HKD = "Luật Doanh nghiệp 2020; Nghị định 01/2021/NĐ-CP; Thông tư 01/2021/TT-BKHĐT"
LB_DD = "Luật Đất đai 2024; Nghị định 101/2024/NĐ-CP; Nghị định 102/2024/NĐ-CP"
LB_XD = "Luật Xây dựng 2014 (sửa đổi, bổ sung năm 2020); Nghị định 175/2024/NĐ-CP"
LB_BTXH = "Luật Người cao tuổi 2009; Luật Người khuyết tật 2010; Nghị định 20/2021/NĐ-CP; Nghị định 76/2024/NĐ-CP"
LB_NKT = "Luật Người khuyết tật 2010; Nghị định 28/2012/NĐ-CP; Thông tư 01/2019/TT-BLĐTBXH"
LB_NCC = "Pháp lệnh Ưu đãi người có công với cách mạng 2020; Nghị định 131/2021/NĐ-CP"
LB_BD = "Bộ luật Dân sự 2015; Nghị định 99/2022/NĐ-CP; Thông tư 178/2016/TT-BTC"
HT, CT, HKD, DD = ("G15-TP07", "Hộ tịch"), ("G15-TP03", "Chứng thực"), \
    ("G05-KD10", "Thành lập và hoạt động doanh nghiệp (hộ kinh doanh)"), ("G13-TN02", "Đất đai")
XD, BTXH, NCC = ("G17-XD11", "Hoạt động xây dựng"), ("G07-LĐ03", "Bảo trợ xã hội"), ("G07-LĐ09", "Người có công")
BD = ("G15-TP05", "Đăng ký biện pháp bảo đảm")
X, H, T = "Cấp Xã", "Cấp Huyện", "Cấp Tỉnh"
WD, D = "ngày làm việc", "ngày"

PROCEDURES = [
    ("1.001193", "Thủ tục đăng ký khai sinh", HT, X, 1, WD, "Không", "toàn trình", LB_HT, "justice"),
    ("1.000894", "Thủ tục đăng ký kết hôn", HT, X, 1, WD, "Không", "một phần", "Luật Hôn nhân và gia đình 2014; " + LB_HT, "justice"),
    ("1.000656", "Thủ tục đăng ký khai tử", HT, X, 1, WD, "Không", "toàn trình", LB_HT, "justice"),
    ("1.004873", "Thủ tục cấp Giấy xác nhận tình trạng hôn nhân", HT, X, 3, WD, "3.000 đồng/việc", "một phần", LB_HT, "justice"),
    ("1.004884", "Thủ tục đăng ký lại khai sinh", HT, X, 5, WD, "5.000 đồng/trường hợp", "một phần", LB_HT, "justice"),
    ("1.005461", "Thủ tục đăng ký lại khai tử", HT, X, 5, WD, "5.000 đồng/trường hợp", "một phần", LB_HT, "justice"),
    ("1.004845", "Thủ tục đăng ký chấm dứt giám hộ", HT, X, 2, WD, "Không", "", LB_HT, "justice"),
    ("1.000419", "Thủ tục đăng ký khai tử lưu động", HT, X, 5, WD, "Không", "", LB_HT, "justice"),
    ("1.000593", "Thủ tục đăng ký kết hôn lưu động", HT, X, 5, WD, "Không", "", "Luật Hôn nhân và gia đình 2014; " + LB_HT, "justice"),
    ("1.000689", "Thủ tục đăng ký khai sinh kết hợp nhận cha, mẹ, con", HT, X, 3, WD, "Không", "một phần", LB_HT, "justice"),
    ("2.000806", "Thủ tục đăng ký kết hôn có yếu tố nước ngoài", HT, H, 15, WD, "1.500.000 đồng/trường hợp", "một phần", LB_HT2, "justice"),
    ("2.000528", "Thủ tục đăng ký khai sinh có yếu tố nước ngoài", HT, H, 3, WD, "75.000 đồng/trường hợp", "một phần", LB_HT2, "justice"),
    ("2.000635", "Thủ tục cấp bản sao trích lục hộ tịch", HT, H + "; " + X, 1, WD, "8.000 đồng/bản sao trích lục/sự kiện hộ tịch đã đăng ký", "toàn trình", LB_HT2, "justice"),
    ("2.000815", "Thủ tục chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam cấp hoặc chứng nhận", CT, H + "; " + X, 1, WD, "2.000 đồng/trang; từ trang thứ ba trở lên thu 1.000 đồng/trang, tối đa không quá 200.000 đồng/bản", "một phần", LB_CT, "justice"),
    ("2.000884", "Thủ tục chứng thực chữ ký trong các giấy tờ, văn bản (áp dụng cho cả trường hợp chứng thực điểm chỉ và trường hợp người yêu cầu chứng thực không thể ký, không thể điểm chỉ được)", CT, H + "; " + X, 1, WD, "10.000 đồng/trường hợp", "", LB_CT, "justice"),
    ("2.000942", "Thủ tục cấp bản sao có chứng thực từ bản chính hợp đồng, giao dịch đã được chứng thực", CT, H + "; " + X, 2, WD, "2.000 đồng/trang; từ trang thứ ba trở lên thu 1.000 đồng/trang, tối đa không quá 200.000 đồng/bản", "", LB_CT, "justice"),
    ("2.001008", "Thủ tục chứng thực chữ ký người dịch mà người dịch không phải là cộng tác viên dịch thuật", CT, H, 1, WD, "10.000 đồng/trường hợp", "", LB_CT, "justice"),
    ("2.000992", "Thủ tục chứng thực chữ ký người dịch mà người dịch là cộng tác viên dịch thuật của Phòng Tư pháp", CT, H, 1, WD, "10.000 đồng/trường hợp", "", LB_CT, "justice"),
    ("1.001612", "Đăng ký thành lập hộ kinh doanh", HKD, H, 3, WD, "100.000 đồng/lần; miễn lệ phí khi nộp hồ sơ trực tuyến", "toàn trình", LB_HKD, "district"),
    ("2.000720", "Đăng ký thay đổi nội dung đăng ký hộ kinh doanh", HKD, H, 3, WD, "50.000 đồng/lần", "toàn trình", LB_HKD, "district"),
    ("1.001570", "Tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn đã thông báo của hộ kinh doanh", HKD, H, 3, WD, "Không", "một phần", LB_HKD, "district"),
    ("1.001266", "Chấm dứt hoạt động hộ kinh doanh", HKD, H, 3, WD, "Không", "một phần", LB_HKD, "district"),
    ("2.000575", "Cấp lại Giấy chứng nhận đăng ký hộ kinh doanh", HKD, H, 3, WD, "Không", "một phần", LB_HKD, "finance"),
    ("1.013978", "Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất lần đầu cho hộ gia đình, cá nhân", DD, H, 20, WD, "100.000 đồng/giấy chứng nhận", "một phần", LB_DD, "land"),
    ("1.013947", "Xác nhận tiếp tục sử dụng đất nông nghiệp của hộ gia đình, cá nhân khi hết thời hạn sử dụng đất", DD, H, 7, WD, "Không", "", LB_DD, "land"),
    ("1.013992", "Đăng ký biến động đối với trường hợp chuyển mục đích sử dụng đất không phải xin phép cơ quan nhà nước có thẩm quyền", DD, H, 10, WD, "Không", "một phần", LB_DD, "land"),
    ("1.012812", "Hòa giải tranh chấp đất đai", DD, X, 30, D, "Không", "", LB_DD, "land"),
    ("1.012789", "Cung cấp thông tin, dữ liệu đất đai", DD, T + "; " + X, 2, WD, "Theo quy định của Hội đồng nhân dân tỉnh", "toàn trình", LB_DD, "land-office"),
    ("1.012753", "Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất lần đầu đối với tổ chức", DD, T, 20, WD, "500.000 đồng/giấy chứng nhận", "một phần", LB_DD, "land-dept"),
    ("1.012783", "Cấp đổi Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất", DD, T, 7, WD, "50.000 đồng/giấy chứng nhận", "một phần", LB_DD, "land-office"),
    ("1.012784", "Tách thửa hoặc hợp thửa đất", DD, T, 15, WD, "50.000 đồng/giấy chứng nhận", "một phần", LB_DD, "land-office"),
    ("1.012786", "Cấp lại Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất do bị mất", DD, T, 10, WD, "50.000 đồng/giấy chứng nhận", "một phần", LB_DD, "land-office"),
    ("1.012790", "Đính chính Giấy chứng nhận đã cấp", DD, T, 10, WD, "Không", "một phần", LB_DD, "land-office"),
    ("1.012805", "Giải quyết tranh chấp đất đai thuộc thẩm quyền của Chủ tịch Ủy ban nhân dân cấp tỉnh", DD, T, 45, D, "Không", "", LB_DD, "committee"),
    ("1.012817", "Xác định lại diện tích đất ở của hộ gia đình, cá nhân đã được cấp Giấy chứng nhận trước ngày 01/7/2004", DD, T, 15, WD, "Không", "", LB_DD, "land-office"),
    ("1.013831", "Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất trong các trường hợp chuyển đổi, chuyển nhượng, cho thuê, cho thuê lại, thừa kế, tặng cho, góp vốn bằng quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất", DD, T, 10, WD, "30.000 đồng/lần", "một phần", LB_DD, "land-office"),
    ("1.013988", "Xóa ghi nợ tiền sử dụng đất, lệ phí trước bạ trên Giấy chứng nhận đã cấp", DD, T, 3, WD, "Không", "toàn trình", LB_DD, "land-office"),
    ("1.013995", "Đăng ký bổ sung, thay đổi tài sản gắn liền với đất vào Giấy chứng nhận đã cấp", DD, T, 10, WD, "50.000 đồng/giấy chứng nhận", "một phần", LB_DD, "land-office"),
    ("1.011441", "Đăng ký biện pháp bảo đảm bằng quyền sử dụng đất, tài sản gắn liền với đất", BD, T, 3, WD, "80.000 đồng/hồ sơ", "toàn trình", LB_BD, "land-office"),
    ("1.011443", "Xóa đăng ký biện pháp bảo đảm bằng quyền sử dụng đất, tài sản gắn liền với đất", BD, T, 3, WD, "20.000 đồng/hồ sơ", "toàn trình", LB_BD, "land-office"),
    ("1.013225", "Cấp giấy phép xây dựng mới đối với công trình cấp III, cấp IV và nhà ở riêng lẻ", XD, H, 15, WD, "75.000 đồng/giấy phép (nhà ở riêng lẻ); 150.000 đồng/giấy phép (công trình khác)", "một phần", LB_XD, "construction"),
    ("1.013226", "Cấp điều chỉnh giấy phép xây dựng đối với công trình cấp III, cấp IV và nhà ở riêng lẻ", XD, H, 15, WD, "50.000 đồng/giấy phép", "một phần", LB_XD, "construction"),
    ("1.013227", "Gia hạn giấy phép xây dựng đối với công trình cấp III, cấp IV và nhà ở riêng lẻ", XD, H, 5, WD, "15.000 đồng/giấy phép", "một phần", LB_XD, "construction"),
    ("1.013228", "Cấp lại giấy phép xây dựng đối với công trình cấp III, cấp IV và nhà ở riêng lẻ", XD, H, 5, WD, "15.000 đồng/giấy phép", "một phần", LB_XD, "construction"),
    ("1.001776", "Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hàng tháng, hỗ trợ kinh phí chăm sóc, nuôi dưỡng hàng tháng", BTXH, H + "; " + X, 22, WD, "Không", "một phần", LB_BTXH, "labour"),
    ("1.001699", "Xác định, xác định lại mức độ khuyết tật và cấp Giấy xác nhận khuyết tật", BTXH, X, 25, WD, "Không", "", LB_NKT, "labour"),
    ("1.001653", "Đổi, cấp lại Giấy xác nhận khuyết tật", BTXH, X, 5, WD, "Không", "một phần", LB_NKT, "labour"),
    ("1.001731", "Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội", BTXH, X, 3, WD, "Không", "một phần", LB_BTXH, "labour"),
    ("1.010803", "Giải quyết chế độ trợ cấp thờ cúng liệt sĩ", NCC, H, 12, WD, "Không", "toàn trình", LB_NCC, "labour"),
    ("1.010833", "Cấp giấy xác nhận thân nhân của người có công", NCC, H, 5, WD, "Không", "một phần", LB_NCC, "labour"),
    ("1.005300", "Cấp giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam", ("G07-LĐ11", "Việc làm"), T, 5, WD, "600.000 đồng/giấy phép", "toàn trình", "Bộ luật Lao động 2019; Nghị định 152/2020/NĐ-CP; Nghị định 70/2023/NĐ-CP", "labour-dept"),
    ("1.003079", "Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm đối với cơ sở kinh doanh dịch vụ ăn uống", ("G18-YT01", "An toàn thực phẩm và Dinh dưỡng"), H, 15, WD, "Thẩm định cơ sở kinh doanh dịch vụ ăn uống phục vụ dưới 200 suất ăn: 700.000 đồng/lần/cơ sở", "một phần", "Luật An toàn thực phẩm 2010; Nghị định 15/2018/NĐ-CP; Thông tư 67/2021/TT-BTC", "health"),
    ("1.012268", "Cấp mới giấy phép hành nghề khám bệnh, chữa bệnh đối với các chức danh bác sỹ, y sỹ, điều dưỡng, hộ sinh, kỹ thuật y, dinh dưỡng lâm sàng, cấp cứu viên ngoại viện, tâm lý lâm sàng", ("G18-YT07", "Khám bệnh, chữa bệnh"), T, 30, D, "360.000 đồng/hồ sơ", "một phần", "Luật Khám bệnh, chữa bệnh 2023; Nghị định 96/2023/NĐ-CP", "health"),
    ("1.001639", "Giải thể trường tiểu học (theo đề nghị của tổ chức, cá nhân đề nghị thành lập trường)", ("G03-GD09", "Giáo dục Tiểu học"), H, 20, WD, "Không", "", "Luật Giáo dục 2019; Nghị định 125/2024/NĐ-CP", "education"),
    ("2.002481", "Chuyển trường đối với học sinh trung học cơ sở", ("G03-GD10", "Giáo dục trung học"), H, None, WD, "Không", "", "Luật Giáo dục 2019; Thông tư 32/2020/TT-BGDĐT; Quyết định 51/2002/QĐ-BGDĐT", "education"),
    ("3.000465", "Cấp bản sao văn bằng, chứng chỉ từ sổ gốc", ("G03-GD14", "Văn bằng, chứng chỉ"), T + "; " + H, 1, WD, "Không", "một phần", "Luật Giáo dục 2019; Thông tư 21/2019/TT-BGDĐT", "education"),
    ("1.005095", "Phúc khảo bài thi tốt nghiệp trung học phổ thông", ("G03-GD12", "Thi, tuyển sinh"), T, 15, D, "Không", "toàn trình", "Luật Giáo dục 2019; Thông tư 24/2024/TT-BGDĐT", "education"),
    ("1.005142", "Đăng ký dự thi tốt nghiệp trung học phổ thông", ("G03-GD12", "Thi, tuyển sinh"), T, None, "", "Không", "toàn trình", "Luật Giáo dục 2019; Thông tư 24/2024/TT-BGDĐT", "education"),
]
# Always in every catalog (the dossiers' backbone); the others are left out of a catalog now and then.
CORE = {"1.001193", "1.000894", "1.000656", "2.000815", "1.001612", "1.013978", "1.012812",
        "1.013831", "1.013225", "1.001776", "2.000806", "1.012805", "3.000465"}


def vary_fee(fee, rng):
    """Another province's amount for the same fee (HĐND of each province sets it)."""
    m = re.search(r"\d{1,3}(?:\.\d{3})+", fee)
    if not m:
        return fee
    v = int(m.group(0).replace(".", ""))
    v = v * rng.choice([1, 1, 2]) // rng.choice([1, 2, 2]) or v
    s = f"{v:,}".replace(",", ".")
    return fee[:m.start()] + s + fee[m.end():]


# --- the generator --------------------------------------------------------------------------


class Province:
    """One old province's registry, with what the catalog and dossiers need to find in it."""

    def __init__(self, gen, p):
        self.p = p
        self.gen = gen
        d = gen.data
        self.l1 = d.l1[p]
        self.k1 = "K" + self.l1[1:]
        self.name = d.prov_name[p]                  # 'Tỉnh Bình Phước', 'Thành phố Hà Nội'
        self.ptype, self.short = split_type(self.name)
        self.city = p in CITIES
        self.rng = random.Random(7919 * int(p) + 17)
        self.era = "post" if self.rng.random() < 0.55 else "pre"
        self.suffix = self.rng.random() < 0.35        # office names carry " huyện X"
        self.rows = []                                # agency CSV rows
        self.kinds = {}                               # code as written -> kind
        self.qcvn_of = {}                             # code as written -> QCVN form
        self.dept = {}                                # function -> code
        self.unit = {}                                # unit name -> code
        self.districts = []                           # dicts
        self.commune_committee = {}                   # commune code -> code
        self.schools = []                             # (code, commune)
        self.domain = ascii_box(self.short) + ".gov.vn"
        self.build()

    # One registry line; returns the code as written.
    def add(self, l, name, kind, parent, unit, addr, box, written=None):
        code = qcvn(self.l1 if kind != "province-council" else self.k1, *l) if l is not None else written
        if written:
            code = written
        self.kinds[code] = kind
        self.qcvn_of[code] = qcvn(self.l1, *l) if l is not None else code
        ph = self.rng.randrange(1000000, 9999999)
        area = self.gen.area.get(self.p, "0200")
        phone = f"{area} {ph // 1000:04d} {ph % 1000:03d}" if len(area) == 4 else f"{area} 3{ph // 10000:03d} {ph % 10000:04d}"
        self.rows.append([code, name, kind, parent, unit, addr, phone,
                          f"{box}@{self.domain}", "active"])
        return code

    def build(self):
        rng, d, l1 = self.rng, self.gen.data, self.l1
        seat = f"Số {rng.randint(1, 99)} đường Hùng Vương, {lower_type(self.name)}"
        root = self.add((0, 0, 0), f"Ủy ban nhân dân {lower_type(self.name)}", "province-committee", "", self.p, seat, "ubnd")
        self.root = root
        council = qcvn(self.k1)
        self.kinds[council] = "province-council"
        # Departments: this era's names, the city forms, numbered from a shuffled range.
        depts = []
        for func, pre, post in DEPARTMENTS:
            nm = pre if self.era == "pre" else post
            if nm is None:
                continue
            if func in ("foreign-affairs", "ethnic", "industrial-zones") and rng.random() < 0.3:
                continue
            if self.city:
                nm = CITY_NAMES.get(func, nm)
                if func == "culture":
                    depts.append(("culture", "Sở Văn hóa và Thể thao"))
                    nm = "Sở Du lịch"
                    func = "tourism"
                if func == "ethnic":
                    nm = "Sở Dân tộc và Tôn giáo"
                if func == "industrial-zones" and self.p == "79":
                    nm = "Ban Quản lý các khu chế xuất và công nghiệp"
            depts.append((func, nm))
        extra = rng.randint(0, 6)
        nums = sorted(rng.sample(range(1, len(depts) + extra + 1), len(depts)))
        if rng.random() < 0.5:
            rng.shuffle(nums)
        self.dept_num = {}
        for (func, nm), n in zip(depts, nums):
            self.dept_num[func] = n
            self.dept[func] = self.add((n, 0, 0), nm, "department", root, self.p, seat, f"so{n:02d}")
        # Two departments written in QĐ 20/2020 notation (as some registries do).
        qd20 = sorted(rng.sample(sorted(self.dept), 2))
        for func in qd20:
            n = self.dept_num[func]
            old = self.dept[func]
            for r in self.rows:
                if r[0] == old:
                    r[0] = left(l1, n)
            del self.kinds[old]
            del self.qcvn_of[old]
            self.dept[func] = left(l1, n)
            self.kinds[self.dept[func]] = "department"
            self.qcvn_of[self.dept[func]] = qcvn(l1, n)
        self.council_row = [council, f"Hội đồng nhân dân {lower_type(self.name)}", "province-council", "", self.p,
                            seat, "", f"hdnd@{self.domain}", "active"]
        # Units under departments.
        for funcs, nm in DEPT_UNITS:
            func = next((f for f in funcs if f in self.dept), None)
            if func is None:
                continue
            n = self.dept_num[func]
            taken = {int(c.split(".")[1]) for c in self.qcvn_of.values() if c.endswith(f".{n:02d}.{l1}") and not c.startswith("000.00.")}
            k = rng.choice([x for x in range(1, 9) if x not in taken])
            parent = self.dept[func]
            written = left(l1, n, k) if parent.startswith(l1) and rng.random() < 0.5 else None
            code = self.add((n, k, 0), nm, "department-unit", parent, self.p, seat, f"dv{k:02d}.so{n:02d}", written)
            self.unit[nm] = code
        # Districts: real ones of the pre-reform list, level 2 from a province-specific base.
        dists = sorted(c for c, (nm, pp) in d.dist.items() if pp == self.p)
        first = max(nums) + 1 + rng.randint(0, 9)
        if rng.random() < 0.4:
            first = max(first, 31)
        first = min(first, 98 - len(dists) + 1)
        communes_of = {}
        for c in sorted(d.communes):
            if d.communes[c]["province"] == self.p:
                communes_of.setdefault(d.communes[c]["district"], []).append(c)
        nmax = max([len(v) for v in communes_of.values()] + [1])
        offices_n = len(district_offices("pre", "huyện"))
        cbase = rng.choice([offices_n + 1, 20, 30, 31, 40, 50])
        cbase = max(offices_n + 1, min(cbase, 98 - nmax + 1))
        for i, dc in enumerate(dists):
            dname = d.dist[dc][0]
            dtype, dshort = split_type(dname)
            l2 = first + i
            daddr = f"Trung tâm hành chính {lower_type(dname)}, {lower_type(self.name)}"
            dcode = self.add((l2, 0, 0), f"Ủy ban nhân dân {lower_type(dname)}", "district-committee", root, dc, daddr,
                             f"ubnd.{ascii_box(dshort)}")
            dist = {"code": dcode, "district": dc, "name": dname, "type": dtype, "l2": l2, "offices": {},
                    "communes": communes_of.get(dc, [])}
            self.districts.append(dist)
            for k, (key, onm) in enumerate(district_offices(self.era, dtype), 1):
                if self.suffix and not onm.startswith("Thanh tra"):
                    onm = f"{onm} {lower_type(dname)}"
                oc = self.add((l2, k, 0), onm, "district-office", dcode, dc, daddr, f"p{k:02d}.{ascii_box(dshort)}")
                dist["offices"][key] = oc
            if "education" in dist["offices"] and dist["communes"] and rng.random() < 0.5:
                k = list(dist["offices"]).index("education") + 1
                sc = self.add((l2, k, 1), f"Trường Trung học cơ sở {dshort}", "service-unit", dist["offices"]["education"],
                              dist["communes"][0], daddr, f"thcs.{ascii_box(dshort)}")
                self.schools.append((sc, dist["communes"][0], dist))
            # A nonconforming code now and then: a 3-digit level-3 group.
            if rng.random() < 0.08:
                self.add(None, f"Trung tâm Phát triển quỹ đất {lower_type(dname)}", "other", dcode, dc, daddr,
                         f"ttptqd.{ascii_box(dshort)}", written=f"000.{300 + i}.{l2:02d}.{l1}")
            for j, cc in enumerate(dist["communes"]):
                com = d.communes[cc]
                l3 = cbase + j
                cnm = lower_type(com["name"])
                caddr = f"Trụ sở {cnm}, {lower_type(dname)}, {lower_type(self.name)}"
                written = left(l1, l2, l3) if rng.random() < 0.01 else None
                ccode = self.add((l2, l3, 0), f"Ủy ban nhân dân {cnm}", "commune-committee", dcode, cc, caddr,
                                 f"{ascii_box(com['name'])}.{ascii_box(dshort)}", written)
                self.commune_committee[cc] = ccode
                _, cshort = split_type(com["name"])
                self.add((l2, l3, 1), f"Trạm Y tế {cnm}", "service-unit", ccode, cc, caddr, f"tyt.{ascii_box(com['name'])}")
                if rng.random() < 0.5:
                    sc = self.add((l2, l3, 2), f"Trường Tiểu học {cshort}", "service-unit", ccode, cc, caddr,
                                  f"th.{ascii_box(com['name'])}")
                if rng.random() < 0.3:
                    self.add((l2, l3, 3), f"Trường Mầm non {cshort}", "service-unit", ccode, cc, caddr,
                             f"mn.{ascii_box(com['name'])}")
        # Province-level nonconforming codes.
        self.add(None, "Ban Quản lý dự án đầu tư xây dựng các công trình dân dụng và công nghiệp", "other", root, self.p, seat,
                 "bqlda", written=f"000.00.{101 + rng.randint(0, 20)}.{l1}")
        if rng.random() < 0.5:
            self.add(None, "Tổ công tác thử nghiệm dịch vụ công", "other", root, self.p, seat, "totest",
                     written=f"998.99.99.{l1}")
        self.rows.append(self.council_row)
        self.qcvn_of[council] = council

    def write(self, path):
        with open(path, "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["code", "name", "kind", "parent_code", "unit_code", "address", "phone", "email", "status"])
            w.writerows(self.rows)


class Generator:
    def __init__(self, data, nn):
        self.data = data
        self.nn = nn
        self.area = {}      # phone area codes: not needed to be exact; fixed plausible ones
        for i, p in enumerate(sorted(data.l1)):
            self.area[p] = "02" + f"{(int(p) * 7) % 100:02d}"
        if nn == "01" or nn == "79":
            self.area[nn] = "024" if nn == "01" else "028"
        self.links = [l for l in data.links if l["new_prov"] == nn]
        if not self.links:
            sys.exit(f"gen.py: province {nn} is not a new province of the conversion table")
        self.olds = sorted({l["old_prov"] for l in self.links})
        self.new_communes = {}
        for l in self.links:
            self.new_communes.setdefault(l["new_code"], l["new_name"])
        # Which old codes went where (for splits), over the whole table.
        self.targets = {}
        for l in data.links:
            if l["old_code"]:
                self.targets.setdefault(l["old_code"], []).append(l)

    def survivor(self):
        """The old province whose name the new one carries keeps its level-1 code."""
        if len(self.olds) == 1:
            return self.olds[0]
        _, nm = split_type(self.data.new_names[self.nn])
        hits = [p for p in self.olds if fold(self.data.l1_short[p]) == fold(nm)]
        if len(hits) != 1:
            sys.exit(f"gen.py: cannot tell which old province {self.nn} carries the name of")
        return hits[0]

    def run(self, out):
        rng = random.Random(104729 * int(self.nn) + 3)
        for sub in ("agencies", "catalogs", "dossiers", "expect"):
            os.makedirs(os.path.join(out, sub), exist_ok=True)
        provs = [Province(self, p) for p in self.olds]
        hamlets = self.hamlets(provs, rng)
        for pv in provs:
            pv.write(os.path.join(out, "agencies", f"{pv.p}.csv"))
            bindings = self.catalog(pv, os.path.join(out, "catalogs", f"{pv.p}.csv"))
            self.dossiers(pv, bindings, hamlets, os.path.join(out, "dossiers", f"{pv.p}.csv"))
        with open(os.path.join(out, "hamlets.csv"), "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["old_commune", "hamlet", "new_commune"])
            for oc in sorted(hamlets):
                for h, nc in hamlets[oc]:
                    w.writerow([oc, h, nc])
        self.plan(out, provs)
        self.expect(out, provs)

    # Hamlets of split communes without a part taking the whole population (most of them).
    def hamlets(self, provs, rng):
        out = {}
        word = "Ấp" if int(self.nn) >= 75 else "Thôn"
        for pv in provs:
            for cc in sorted(pv.commune_committee):
                ls = self.targets.get(cc, [])
                parts = sorted({l["new_code"] for l in ls})
                if len(parts) < 2 or any("toàn bộ dân số" in l["note"] for l in ls):
                    continue
                if rng.random() < 0.25:
                    continue    # no hamlet table for this one: a person decides
                w = "Tổ dân phố" if self.data.communes[cc]["type"] == "Phường" else word
                n = 2 * len(parts) + rng.randint(0, 2)
                out[cc] = [(f"{w} {i}", parts[(i - 1) * len(parts) // n]) for i in range(1, n + 1)]
        return out

    def catalog(self, pv, path):
        rng = random.Random(31337 * int(pv.p) + 1)
        bindings = {"commune": [], "office": [], "district": [], "dept": [], "school": []}
        with open(path, "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["MATTHC", "MATTHC_DP", "TENTTHC", "MALINHVUC", "LINHVUCTHUCHIEN", "CAPTHUCHIEN",
                        "THOIGIANGIAIQUYET", "DONVITINH", "PHILEPHI", "MUCDO", "TICHHOPDVCQG", "CANCUPHAPLY",
                        "COQUANTHUCHIEN"])
            for (code, name, (fc, fn), levels, tl, unit, fee, online, lb, func) in PROCEDURES:
                if code not in CORE and rng.random() < 0.12:
                    continue
                if tl is not None and rng.random() < 0.3:
                    tl = max(1, tl + rng.choice([-2, -1, 1, 2, 5]))
                if rng.random() < 0.35:
                    fee = vary_fee(fee, rng)
                if rng.random() < 0.3:
                    online = rng.choice(["toàn trình", "một phần", ""])
                portal = "có" if online and rng.random() < 0.5 else "không"
                ags = []    # (code, category)
                lv = levels.split("; ")
                if X in lv:
                    ags += [(c, "commune") for _, c in sorted(pv.commune_committee.items())]
                if H in lv:
                    for dist in pv.districts:
                        offs = dist["offices"]
                        key = {"labour": "labour" if "labour" in offs else "home-affairs",
                               "land": "land", "justice": "justice", "construction": "construction",
                               "education": "education", "health": "health", "finance": "finance"}.get(func)
                        if func == "district" or key is None or (func == "justice" and rng.random() < 0.15):
                            if func == "district" and pv.era == "post" and rng.random() < 0.5:
                                ags.append((offs["finance"], "office"))
                            else:
                                ags.append((dist["code"], "district"))
                        else:
                            ags.append((offs[key], "office"))
                    if func == "education":
                        ags += [(sc, "school") for sc, _, _ in pv.schools]
                if T in lv:
                    if func == "committee":
                        ags.append((pv.root, "dept"))
                    elif func in ("land-office",):
                        ags.append((pv.unit["Văn phòng Đăng ký đất đai"], "dept"))
                    elif func in ("land", "land-dept"):
                        f2 = "natural-resources" if "natural-resources" in pv.dept else "agriculture-environment"
                        ags.append((pv.dept[f2], "dept"))
                        if func == "land":
                            ags.append((pv.unit["Văn phòng Đăng ký đất đai"], "dept"))
                    elif func in ("labour", "labour-dept"):
                        ags.append((pv.dept.get("labour", pv.dept["home-affairs"]), "dept"))
                    else:
                        ags.append((pv.dept[func], "dept"))
                cells = []
                for a, cat in ags:
                    on = online and rng.random() < 0.7
                    cells.append(a + (":online" if on else ""))
                    bindings[cat].append((code, a, tl, unit))
                tl_cell = "" if tl is None else str(tl)
                w.writerow([code, f"{code}.000.00.00.{pv.l1}", name, fc, fn, levels, tl_cell, unit if tl is not None else "",
                            fee, online, portal, lb, "; ".join(cells)])
        return bindings

    def dossiers(self, pv, bindings, hamlets, path):
        rng = random.Random(65537 * int(pv.p) + 5)
        d = self.data
        all_communes = sorted(pv.commune_committee)
        district_of = {c: d.communes[c]["district"] for c in all_communes}
        dist_by_code = {x["district"]: x for x in pv.districts}
        office_dist = {}
        for x in pv.districts:
            office_dist[x["code"]] = x
            for oc in x["offices"].values():
                office_dist[oc] = x
        for sc, _, x in pv.schools:
            office_dist[sc] = x
        splits = [c for c in all_communes if len({l["new_code"] for l in self.targets.get(c, [])}) > 1]
        split_pop = [c for c in splits if any("toàn bộ dân số" in l["note"] for l in self.targets[c])]
        split_nopop = [c for c in splits if c not in split_pop]
        committee_commune = {v: k for k, v in pv.commune_committee.items()}
        start = datetime.date(2025, 5, 19)
        days = [start + datetime.timedelta(n) for n in range(43)]
        days = [x for x in days if x.weekday() < 5]
        weights = [("commune", 35), ("office", 30), ("district", 13), ("dept", 19), ("school", 3)]
        cats = [c for c, _ in weights if bindings[c]]
        wts = [dict(weights)[c] for c in cats]
        out = []
        seq = {}
        n = 1000
        island = [x for x in pv.districts if not x["communes"]]
        for i in range(n):
            if island and i < 2:
                x = island[i % len(island)]
                pool = [b for b in bindings["district"] if b[1] == x["code"]] or [("1.001612", x["code"], 3, WD)]
                code, ag, tl, unit = pool[0]
                commune = ""
            else:
                cat = rng.choices(cats, wts)[0]
                code, ag, tl, unit = rng.choice(bindings[cat])
                if cat == "commune":
                    commune = committee_commune[ag] if rng.random() < 0.9 else rng.choice(all_communes)
                elif cat in ("office", "district", "school"):
                    x = office_dist[ag]
                    # An island district without communes (Côn Đảo, Bạch Long Vĩ, ...): no code to give.
                    commune = rng.choice(x["communes"]) if x["communes"] else ""
                else:
                    commune = rng.choice(all_communes)
                # Applicants in split communes (of the same district where one is at hand).
                r = rng.random()
                if r < 0.10 and (split_pop or split_nopop) and commune:
                    src = split_nopop if (r < 0.06 and split_nopop) or not split_pop else split_pop
                    # Filed in the applicant's own district (a commune committee: anywhere, now and then).
                    if cat in ("office", "district", "school"):
                        src = [c for c in src if district_of[c] == office_dist[ag]["district"]]
                    elif cat == "commune" and rng.random() < 0.7:
                        src = [c for c in src if district_of[c] == district_of.get(committee_commune[ag])]
                    if src:
                        commune = rng.choice(src)
            hamlet = ""
            if commune in hamlets and rng.random() < 0.75:
                hamlet = rng.choice(hamlets[commune])[0] if rng.random() < 0.8 else \
                    ("Tổ dân phố 9" if d.communes[commune]["type"] == "Phường" else "Xóm Mới")
            elif commune and rng.random() < 0.05:
                hamlet = f"Thôn {rng.randint(1, 12)}" if int(self.nn) < 75 else f"Ấp {rng.randint(1, 12)}"
            day = rng.choice(days)
            key = (ag, day)
            seq[key] = seq.get(key, 0) + 1
            dcode = f"{pv.qcvn_of[ag]}-{day:%y%m%d}-{seq[key]:04d}"
            if tl is None:
                due = ""
            elif unit == WD:
                dd, k = day, 0
                while k < tl:
                    dd += datetime.timedelta(1)
                    if dd.weekday() < 5:
                        k += 1
                due = dd.isoformat()
            else:
                due = (day + datetime.timedelta(tl)).isoformat()
            status = rng.choice(["mới tiếp nhận", "đang xử lý", "đang xử lý", "chờ bổ sung"])
            out.append((day.isoformat(), dcode, code, ag, commune, hamlet, status, due))
        out.sort()
        with open(path, "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["dossier_code", "national_code", "agency_code", "commune_code", "hamlet", "status", "received", "due"])
            for day, dcode, code, ag, commune, hamlet, status, due in out:
                w.writerow([dcode, code, ag, commune, hamlet, status, day, due])

    def plan(self, out, provs):
        u = os.path.abspath(os.path.join(self.data.root, "units"))
        name = self.data.new_names[self.nn]
        lines = [f"# sapnhap migration plan: new province {self.nn} ({name}) from "
                 + ", ".join(f"{pv.p} ({pv.name})" for pv in provs) + ".",
                 "# Written by tests/national/gen.py; built-in rules only (no decisions file).",
                 "",
                 "[migration]",
                 f"province = {self.nn}",
                 "database = sapnhap.db",
                 "output = report",
                 "on = 2025-07-01",
                 "export = csv xml",
                 "diff = csv",
                 "",
                 "[units reform-2025]",
                 f"file = {u}/nso-conversion-2025.xlsx",
                 "",
                 "[units pre-reform]",
                 f"file = {u}/units-2025-01-04.csv",
                 "effective = 2025-01-04",
                 ""]
        for pv in provs:
            lines += [f"[province {pv.p}]",
                      f"agencies = agencies/{pv.p}.csv",
                      f"catalog = catalogs/{pv.p}.csv",
                      f"dossiers = dossiers/{pv.p}.csv",
                      ""]
        lines += ["[rules]", "hamlets = hamlets.csv"]
        with open(os.path.join(out, "national.plan"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")

    def expect(self, out, provs):
        e = os.path.join(out, "expect")
        surv = self.survivor()
        sl1 = self.data.l1[surv]
        with open(os.path.join(e, "meta.csv"), "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["key", "value"])
            w.writerow(["province", self.nn])
            w.writerow(["name", self.data.new_names[self.nn]])
            w.writerow(["old_provinces", " ".join(self.olds)])
            w.writerow(["survivor", surv])
            w.writerow(["level1", sl1])
            w.writerow(["council", "K" + sl1[1:]])
            w.writerow(["closed_level1", " ".join(sorted(x for p in self.olds if p != surv
                                                          for x in (self.data.l1[p], "K" + self.data.l1[p][1:]))) ])
        with open(os.path.join(e, "new_communes.csv"), "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["code", "name"])
            for c in sorted(self.new_communes):
                w.writerow([c, self.new_communes[c]])
        # District -> the new communes holding (part of) its communes, by the official table's
        # district cells (an island district turned special zone has its own row).
        dnew = {}
        for l in self.data.links:
            if l["district"]:
                dnew.setdefault(l["district"], set()).add(l["new_code"])
        with open(os.path.join(e, "district_successors.csv"), "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["old_code", "district", "new_commune"])
            for pv in provs:
                for x in pv.districts:
                    for nc in sorted(dnew.get(x["district"], ())):
                        w.writerow([x["code"], x["district"], nc])
        # Departments by the function they carry now: one code per function in the merged province.
        with open(os.path.join(e, "departments.csv"), "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["code", "function"])
            for pv in provs:
                for func in sorted(pv.dept):
                    w.writerow([pv.dept[func], MERGED_INTO.get(func, func)])
        with open(os.path.join(e, "old_communes.csv"), "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["code", "district"])
            for pv in provs:
                for c in sorted(pv.commune_committee):
                    w.writerow([c, self.data.communes[c]["district"]])
        with open(os.path.join(e, "agencies.csv"), "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["province", "code", "qcvn", "kind", "unit_code"])
            for pv in provs:
                for r in pv.rows:
                    w.writerow([pv.p, r[0], pv.qcvn_of[r[0]], r[2], r[4]])


def main():
    top = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    ap = argparse.ArgumentParser(description="Generate a realistic input set for one new province.")
    ap.add_argument("outdir")
    ap.add_argument("--province", required=True, help="new province code (2 digits)")
    ap.add_argument("--data", default=os.path.join(os.path.dirname(top), "shared", "data"),
                    help="the official data folder (default: ../shared/data beside the project)")
    a = ap.parse_args()
    nn = pad(a.province, 2)
    if not os.path.isfile(os.path.join(a.data, "units", "nso-conversion-2025.flat.csv")):
        sys.exit(f"gen.py: official data not found in {a.data}")
    data = Data(a.data)
    if nn not in data.new_names:
        sys.exit(f"gen.py: '{a.province}' is not one of the 34 new provinces")
    os.makedirs(a.outdir, exist_ok=True)
    Generator(data, nn).run(a.outdir)


if __name__ == "__main__":
    main()
