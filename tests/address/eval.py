#!/usr/bin/env python3
"""tests/address/eval.py - accuracy of 'sapnhap address convert' on gen.py's test set.

    eval.py EXPECTED.csv OUTPUT.csv [--check]

EXPECTED is gen.py's addresses.csv; OUTPUT is what 'sapnhap address convert EXPECTED.csv'
wrote (the input's columns passed through, then status, ..., candidates), row for row.

A row is right when:
  - one answer is right (expect_status converted or already_new): the status is converted or
    already_new and commune_code is the expected code;
  - the text cannot tell (expect_status ambiguous): the status is ambiguous and the candidates
    include every expected code.
A silent wrong answer is a converted or already_new row whose commune is not the expected one,
or any such row where ambiguous was expected (a silent pick).

Prints accuracy per form and per status, the calibration of the confidence (how often answers
at >= 0.95 are right) and, with --check, the targets as checks, ending with 'N passed, N failed'
(exit status 1 when a check failed):
  one-answer rows exactly right >= 97 %; every form >= 93 % (typo >= 90 %); every split with a
  whole-population part to that part; silent wrong <= 0.1 %; answers at >= 0.95 right >= 99.5 %.
"""
import collections
import csv
import sys


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    check = "--check" in sys.argv
    with open(args[0], encoding="utf-8", newline="") as f:
        exp = list(csv.DictReader(f))
    with open(args[1], encoding="utf-8", newline="") as f:
        out = list(csv.DictReader(f))
    if len(exp) != len(out):
        print("eval: %d expected rows, %d output rows" % (len(exp), len(out)))
        sys.exit(1)
    forms = collections.OrderedDict()
    bystatus = collections.Counter()
    status_right = collections.Counter()
    single = single_right = silent = 0
    hi = hi_right = 0
    wrong_samples = []
    for e, o in zip(exp, out):
        if e["id"] != o["id"]:
            print("eval: row order differs at id %s / %s" % (e["id"], o["id"]))
            sys.exit(1)
        f = forms.setdefault(e["form"], collections.Counter())
        f["n"] += 1
        st = o["status"]
        bystatus[st] += 1
        answered = st in ("converted", "already_new")
        if e["expect_status"] == "ambiguous":
            want = set(e["expect"].split(";"))
            right = st == "ambiguous" and want <= set(o["candidates"].split(";"))
            f["amb"] += 1
            if answered:
                silent += 1
                f["silent"] += 1
        else:
            single += 1
            right = answered and o["commune_code"] == e["expect"]
            single_right += right
            f["single"] += 1
            f["single_right"] += right
            if answered and not right:
                silent += 1
                f["silent"] += 1
        if answered and not right and len(wrong_samples) < 25:
            wrong_samples.append((e["form"], e["address"], e["expect"], o["commune_code"], o["confidence"], o["reasons"]))
        f["right"] += right
        status_right[st] += right
        if answered and float(o["confidence"] or 0) >= 0.95:
            hi += 1
            hi_right += right
    n = len(exp)
    print("%-12s %7s %8s %9s %7s" % ("form", "rows", "right %", "1-answer %", "silent"))
    for name, f in forms.items():
        print("%-12s %7d %8.2f %9s %7d" % (name, f["n"], 100.0 * f["right"] / f["n"],
              ("%.2f" % (100.0 * f["single_right"] / f["single"])) if f["single"] else "-", f["silent"]))
    print("%-12s %7d %8.2f %9.2f %7d" % ("all", n, 100.0 * sum(f["right"] for f in forms.values()) / n,
          100.0 * single_right / max(single, 1), silent))
    print()
    print("status        rows   right %")
    for st in ("converted", "already_new", "ambiguous", "not_found"):
        print("%-12s %6d %8.2f" % (st, bystatus[st], 100.0 * status_right[st] / bystatus[st] if bystatus[st] else 0))
    print()
    print("confidence >= 0.95: %d answers, %.2f %% right" % (hi, 100.0 * hi_right / max(hi, 1)))
    print("silent wrong: %d of %d (%.3f %%)" % (silent, n, 100.0 * silent / n))
    if "--samples" in sys.argv:
        for s in wrong_samples:
            print("  wrong:", " | ".join(s))
    if not check:
        return
    checks = []
    checks.append(("one-answer rows exactly right >= 97 %", single_right >= 0.97 * single))
    for name, f in forms.items():
        floor = 0.90 if name == "typo" else 0.93
        checks.append(("form %s right >= %d %%" % (name, floor * 100), f["right"] >= floor * f["n"]))
    sp = forms.get("split_pop")
    checks.append(("every whole-population split to that part", bool(sp) and sp["right"] == sp["n"]))
    checks.append(("silent wrong <= 0.1 %", silent <= 0.001 * n))
    checks.append(("confidence >= 0.95 right >= 99.5 %", hi_right >= 0.995 * hi))
    passed = sum(1 for _, ok in checks if ok)
    for name, ok in checks:
        if not ok:
            print("FAIL: %s" % name)
    print("%d passed, %d failed" % (passed, len(checks) - passed))
    sys.exit(0 if passed == len(checks) else 1)


if __name__ == "__main__":
    main()
