#!/usr/bin/env python3
"""tests/address/gen.py - a test set of addresses as citizens write them, with the answers.

    gen.py OUTDIR [--data DIR] [--per-form N] [--seed S]

Drawn from the official data (DIR, default ../shared/data beside the project): the pre-reform
list (data/units/units-2025-01-04.csv: every old commune with its district and province) and the
official conversion table (data/units/nso-conversion-2025.flat.csv: old commune -> new commune,
with the part that took the whole population). Old communes are taken round-robin over the 63
old provinces, so every province is in every form. Writes:

  OUTDIR/addresses.csv   id,form,address,expect,expect_status,old_code
  OUTDIR/hamlets.csv     old_commune,hamlet,new_commune (hamlets of split communes)

Forms (N rows each):
  full         Số 12 Lê Lợi, Phường Trúc Bạch, Quận Ba Đình, Thành phố Hà Nội
  nodia        the same without diacritics, in lower, upper or title case
  abbrev       type words abbreviated (P. P Q. H. TX TT. TP. X. F. P01 F1), provinces in their
               short forms (TP.HCM, HCM, Sài Gòn, BR-VT, HN, ...)
  nodistrict   no district
  noprovince   no province
  notype       no type words (kept for numbered wards: "Phường 1")
  typo         one or two letters of the commune's name wrong (a typo that gives another
               commune's name in the same province is not drawn: nobody could tell)
  newform      already in the new form: ..., Phường Ba Đình, Thành phố Hà Nội
  nfd          the full form in NFD (decomposed, as Windows-1258 exports write it)
  hamlet       a split commune with no whole-population part, with a hamlet the hamlet
               table names
  split_pop    a split commune with a part that took the whole population
  split_none   a split commune with neither: ambiguous, every part a candidate
Separators vary (", " "," " - " "-"), and so does the street part (house numbers, alleys,
hamlets, nothing).

expect is the new commune code (or every candidate, ';'-separated, when expect_status is
ambiguous); expect_status is converted, already_new or ambiguous. A form whose text cannot tell
two old communes apart (the same name in one province without the district, ...) expects
ambiguous with the successors of all of them: computed here from what the text shows, folded
to lower case without diacritics, independently of sapnhap's matcher.

Python 3 standard library only; the same arguments give the same bytes.
"""
import argparse
import collections
import csv
import os
import random
import sys
import unicodedata

# Codes the official table gets wrong (mappings/errata-2025.csv): left out of the test set so
# that the expectations do not depend on the errata.
ERRATA = {"00553", "00556", "01615", "01651", "02485", "02482", "27691", "30781", "14569", "24493", "24496"}

FORMS = ["full", "nodia", "abbrev", "nodistrict", "noprovince", "notype", "typo", "newform", "nfd",
         "hamlet", "split_pop", "split_none"]

STREETS = ["Lê Lợi", "Nguyễn Trãi", "Trần Hưng Đạo", "Hai Bà Trưng", "Lý Thường Kiệt", "Quang Trung",
           "Phan Đình Phùng", "Nguyễn Huệ", "Hùng Vương", "Lê Duẩn", "Võ Thị Sáu", "Điện Biên Phủ"]
HAMLET_WORDS = ["Thôn", "Ấp", "Xóm", "Tổ dân phố", "Khu phố", "Bản"]
HAMLET_NAMES = ["Đông", "Tây", "Nam", "Bắc", "Trung", "Phú An", "Bình Minh", "Tân Lập", "Hòa Bình", "Thắng Lợi"]


def clean(s):
    return " ".join(unicodedata.normalize("NFC", s or "").split())


def fold(s):
    s = unicodedata.normalize("NFD", clean(s).lower()).replace("đ", "d")
    return "".join(c for c in s if not unicodedata.combining(c))


TYPES = ["Thành phố", "Thị xã", "Thị trấn", "Đặc khu", "Phường", "Quận", "Huyện", "Tỉnh", "Xã"]


def split_type(name):
    for t in TYPES:
        if name.lower().startswith(t.lower() + " "):
            return name[:len(t)], name[len(t) + 1:]
    return "", name


def pad(s, w):
    s = clean(s)
    return s.zfill(w) if s.isdigit() else s


def name_code(cell):
    cell = clean(cell)
    if cell.endswith(")") and "(" in cell:
        i = cell.rindex("(")
        return clean(cell[:i]), cell[i + 1:-1].strip()
    return cell, ""


def load(data):
    old = {}
    with open(os.path.join(data, "units", "units-2025-01-04.csv"), encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            code = pad(row["Mã PX"], 5)
            if not code:
                continue
            old[code] = {
                "code": code, "name": clean(row["Phường Xã"]),
                "dcode": pad(row["Mã QH"], 3), "dname": clean(row["Quận Huyện"]),
                "pcode": pad(row["Mã TP"], 2), "pname": clean(row["Tỉnh Thành Phố"]),
            }
    links = collections.defaultdict(list)
    newc = {}
    with open(os.path.join(data, "units", "nso-conversion-2025.flat.csv"), encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    for row in rows[2:]:
        if len(row) < 8 or not clean(row[2]) or not clean(row[4]):
            continue
        pname, pcode = name_code(row[0])
        ncode, ocode = pad(row[2], 5), pad(row[4], 5)
        note = fold(row[5])
        share = "pop" if "toan bo dan so" in note else ("part" if "mot phan" in note and "nhap" in note else "whole")
        links[ocode].append((ncode, share))
        newc.setdefault(ncode, {"code": ncode, "name": clean(row[1]), "pcode": pad(pcode, 2), "pname": pname})
    return old, links, newc


def succ_of(links, code):
    seen = []
    for n, s in links[code]:
        if n not in [x for x, _ in seen]:
            seen.append((n, s))
    return seen


class Gen:
    def __init__(self, old, links, newc, rng):
        self.old, self.links, self.newc, self.rng = old, links, newc, rng
        self.hamlets = {}   # old code -> [(hamlet, new code)]
        usable = [c for c in sorted(old) if c in links and c not in ERRATA]
        self.byprov = collections.defaultdict(list)
        for c in usable:
            self.byprov[old[c]["pcode"]].append(c)
        self.provs = sorted(self.byprov)
        # What each kind of text reveals, to know when it cannot tell communes apart.
        self.sig = collections.defaultdict(lambda: collections.defaultdict(set))
        for c in usable:
            for form in ("nodistrict", "noprovince", "notype", "nodia", "full"):
                self.sig[form][self.signature(form, c)].add(c)
        self.splits_pop = [c for c in usable if len(succ_of(links, c)) > 1 and any(s == "pop" for _, s in succ_of(links, c))]
        self.splits_none = [c for c in usable if len(succ_of(links, c)) > 1 and not any(s == "pop" for _, s in succ_of(links, c))]
        # Hamlets: half of the split communes without a population part get a hamlet table.
        for i, c in enumerate(self.splits_none):
            if i % 2 == 0:
                parts = [n for n, _ in succ_of(links, c)]
                hs = []
                for k, n in enumerate(parts):
                    hs.append(("%s %s" % (HAMLET_WORDS[(i + k) % len(HAMLET_WORDS)], HAMLET_NAMES[(i * 3 + k) % len(HAMLET_NAMES)]), n))
                self.hamlets[c] = hs
        self.splits_hamlet = sorted(self.hamlets)
        self.splits_none = [c for c in self.splits_none if c not in self.hamlets]
        self.newcodes = sorted(newc)
        self.newbyname = {}
        for n in self.newcodes:
            v = newc[n]
            self.newbyname[(v["name"].lower(), split_type(v["pname"])[1].lower())] = n
        self.oldbyname = collections.defaultdict(set)
        for c in usable:
            u = old[c]
            self.oldbyname[(u["name"].lower(), split_type(u["pname"])[1].lower())].add(c)

    def signature(self, form, c):
        u = self.old[c]
        if form == "nodistrict":
            return (u["name"].lower(), u["pcode"])
        if form == "noprovince":
            return (u["name"].lower(), u["dname"].lower())
        if form == "notype":
            t, n = split_type(u["name"])
            if any(ch.isdigit() for ch in n):
                n = u["name"]
            return (n.lower(), split_type(u["dname"])[1].lower(), u["pcode"])
        if form == "nodia":
            return (fold(u["name"]), fold(u["dname"]), u["pcode"])
        return (u["name"], u["dcode"])

    def expect(self, c, sigform=None):
        """(expect, status) for old commune c when its text shows what SIGFORM shows."""
        group = self.sig[sigform][self.signature(sigform, c)] if sigform else {c}
        finals = set()
        for g in group:
            finals |= set(self.final(g))
        if sigform == "nodistrict":
            # Without its district an old address reads as a new one too, when the province
            # still carries the same name and has a new commune of that name.
            u = self.old[c]
            n = self.newbyname.get((u["name"].lower(), split_type(u["pname"])[1].lower()))
            if n:
                finals.add(n)
        if len(finals) == 1:
            return finals.pop(), "converted"
        return ";".join(sorted(finals)), "ambiguous"

    def final(self, c, hamlet=None):
        s = succ_of(self.links, c)
        if len(s) == 1:
            return [s[0][0]]
        pop = [n for n, sh in s if sh == "pop"]
        if pop:
            return pop[:1]
        if hamlet:
            return [hamlet]
        if c in self.hamlets:
            return [n for n, _ in s]
        return [n for n, _ in s]

    def street(self):
        r = self.rng.random()
        st = self.rng.choice(STREETS)
        if r < 0.15:
            return ""
        if r < 0.45:
            return "Số %d %s" % (self.rng.randint(1, 300), st)
        if r < 0.6:
            return "%d/%d %s" % (self.rng.randint(1, 200), self.rng.randint(1, 40), st)
        if r < 0.7:
            a = self.rng.randint(1, 150) * 2 + 1
            return "%d-%d %s" % (a, a + 2, st)
        if r < 0.85:
            return "%s %d" % (self.rng.choice(["Thôn", "Ấp", "Tổ", "Xóm", "Khu phố"]), self.rng.randint(1, 12))
        return "Ngõ %d %s" % (self.rng.randint(1, 99), st)

    def join(self, parts):
        sep = self.rng.choice([", ", ", ", ", ", ",", " - ", "-"])
        return sep.join(p for p in parts if p)

    def abbrev_type(self, name, level, pcode):
        t, n = split_type(name)
        num = n.isdigit()
        r = self.rng.random()
        if t == "Phường":
            if num:
                return self.rng.choice(["P.%s" % n, "P%s" % n.zfill(2), "P.%s" % n.zfill(2), "P %s" % n] +
                                       (["F%s" % n, "F.%s" % n] if pcode == "79" else []))
            return self.rng.choice(["P.", "P. ", "P "]) + n
        if t == "Quận":
            return ("Q.%s" % n) if num or r < 0.5 else ("Q. %s" % n if r < 0.75 else "Q %s" % n)
        if t == "Huyện":
            return self.rng.choice(["H.", "H. ", "Huyện "]) + n
        if t == "Thị xã":
            return self.rng.choice(["TX.", "TX. ", "TX "]) + n
        if t == "Thị trấn":
            return self.rng.choice(["TT.", "TT. ", "TT "]) + n
        if t == "Thành phố":
            if level == "province":
                return self.province_short(name, pcode)
            return self.rng.choice(["TP.", "TP. ", "TP "]) + n
        if t == "Xã":
            return self.rng.choice(["X.", "Xã ", "X. "]) + n
        if t == "Tỉnh":
            return self.province_short(name, pcode)
        return name

    def province_short(self, name, pcode):
        short = {"79": ["TP.HCM", "TPHCM", "HCM", "Sài Gòn", "TP HCM", "Tp.Hồ Chí Minh"], "01": ["HN", "TP.Hà Nội", "Hà Nội"],
                 "77": ["BR-VT", "BRVT", "Bà Rịa - Vũng Tàu"], "46": ["TT Huế", "Thừa Thiên Huế", "Huế"],
                 "48": ["TP.Đà Nẵng", "Đà Nẵng"], "92": ["TP.Cần Thơ", "Cần Thơ"], "31": ["TP.Hải Phòng", "Hải Phòng"]}
        if pcode in short:
            return self.rng.choice(short[pcode])
        return split_type(name)[1]

    def typo(self, text):
        letters = [i for i, ch in enumerate(text) if ch.isalpha()]
        if len(letters) < 4:
            return None
        k = 1 if len(letters) < 8 else self.rng.choice([1, 2])
        s = list(text)
        for _ in range(k):
            letters = [i for i, ch in enumerate(s) if ch.isalpha()]
            i = self.rng.choice(letters[1:] if len(letters) > 1 else letters)
            op = self.rng.random()
            if op < 0.4:
                s[i] = self.rng.choice("abcdeghiklmnopqrstuvxy")
            elif op < 0.65:
                del s[i]
            elif op < 0.85:
                s.insert(i, self.rng.choice("abcdeghiklmnoprstuy"))
            elif i + 1 < len(s) and s[i + 1].isalpha():
                s[i], s[i + 1] = s[i + 1], s[i]
            else:
                s[i] = self.rng.choice("aeiou")
        return "".join(s)

    def case(self, s):
        r = self.rng.random()
        return s.lower() if r < 0.4 else (s.upper() if r < 0.55 else s)

    def row(self, form, c):
        u = self.old[c]
        st = self.street()
        if form in ("full", "split_pop", "split_none", "nfd"):
            a = self.join([st, u["name"], u["dname"], u["pname"]])
            e, s = self.expect(c, "full" if form == "full" else None)
            if form == "nfd":
                a = unicodedata.normalize("NFD", a)
            return a, e, s
        if form == "nodia":
            a = self.case(fold(self.join([st, u["name"], u["dname"], u["pname"]])))
            if self.rng.random() < 0.5:
                a = fold(self.join([st, u["name"], u["dname"], u["pname"]])).title()
            return (a,) + self.expect(c, "nodia")
        if form == "abbrev":
            a = self.join([st, self.abbrev_type(u["name"], "commune", u["pcode"]),
                           self.abbrev_type(u["dname"], "district", u["pcode"]),
                           self.abbrev_type(u["pname"], "province", u["pcode"])])
            return (a,) + self.expect(c, "full")
        if form == "nodistrict":
            return (self.join([st, u["name"], u["pname"]]),) + self.expect(c, "nodistrict")
        if form == "noprovince":
            return (self.join([st, u["name"], u["dname"]]),) + self.expect(c, "noprovince")
        if form == "notype":
            t, n = split_type(u["name"])
            if any(ch.isdigit() for ch in n):
                n = u["name"]
            dt, dn = split_type(u["dname"])
            if any(ch.isdigit() for ch in dn):
                dn = u["dname"]
            return (self.join([st, n, dn, split_type(u["pname"])[1]]),) + self.expect(c, "notype")
        if form == "typo":
            t, n = split_type(u["name"])
            if any(ch.isdigit() for ch in n):
                return None
            for _ in range(10):
                x = self.typo(n)
                if x is None:
                    return None
                fx = fold(x)
                clash = fx == fold(n) or any(fold(split_type(self.old[o]["name"])[1]) == fx
                                             for o in self.byprov[u["pcode"]])
                if not clash:
                    a = self.join([st, (t + " " if t else "") + x, u["dname"], u["pname"]])
                    return (a,) + self.expect(c, "full")
            return None
        if form == "hamlet":
            h, n = self.rng.choice(self.hamlets[c])
            a = self.join([h, u["name"], u["dname"], u["pname"]])
            return a, n, "converted"
        raise ValueError(form)

    def newform_row(self, n):
        v = self.newc[n]
        # An old commune of that name in an old province of that name makes it an old address
        # without its district too.
        finals = {n}
        for c in self.oldbyname.get((v["name"].lower(), split_type(v["pname"])[1].lower()), ()):
            finals |= set(self.final(c))
        a = self.join([self.street(), v["name"], v["pname"]])
        if len(finals) > 1:
            return a, ";".join(sorted(finals)), "ambiguous"
        return a, n, "already_new"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("outdir")
    ap.add_argument("--data", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "data"))
    ap.add_argument("--per-form", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=2025)
    a = ap.parse_args()
    old, links, newc = load(a.data)
    g = Gen(old, links, newc, random.Random(a.seed))
    os.makedirs(a.outdir, exist_ok=True)
    rows = []
    for form in FORMS:
        rng = random.Random("%d-%s" % (a.seed, form))
        g.rng = rng
        made = 0
        if form == "newform":
            pool = g.newcodes[:]
            rng.shuffle(pool)
            while made < a.per_form:
                n = pool[made % len(pool)]
                rows.append((form,) + g.newform_row(n) + ("",))
                made += 1
            continue
        if form in ("split_pop", "split_none", "hamlet"):
            pool = {"split_pop": g.splits_pop, "split_none": g.splits_none, "hamlet": g.splits_hamlet}[form]
            i = 0
            while made < a.per_form and pool:
                c = pool[i % len(pool)]
                rows.append((form,) + g.row(form, c) + (c,))
                made += 1
                i += 1
            continue
        # Round-robin over the old provinces, a random commune of each in turn.
        order = {p: g.byprov[p][:] for p in g.provs}
        for p in g.provs:
            rng.shuffle(order[p])
        k = 0
        while made < a.per_form:
            p = g.provs[k % len(g.provs)]
            c = order[p][(k // len(g.provs)) % len(order[p])]
            k += 1
            r = g.row(form, c)
            if r is None:
                continue
            rows.append((form,) + r + (c,))
            made += 1
    with open(os.path.join(a.outdir, "addresses.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "form", "address", "expect", "expect_status", "old_code"])
        for i, r in enumerate(rows, 1):
            w.writerow([i] + list(r))
    with open(os.path.join(a.outdir, "hamlets.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["old_commune", "hamlet", "new_commune"])
        for c in sorted(g.hamlets):
            for h, n in g.hamlets[c]:
                w.writerow([c, h, n])
    print("gen: %d addresses (%d forms), %d hamlets of %d split communes" %
          (len(rows), len(FORMS), sum(len(v) for v in g.hamlets.values()), len(g.hamlets)), file=sys.stderr)


if __name__ == "__main__":
    main()
