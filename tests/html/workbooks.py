"""The workbooks sapnhap writes, read back by openpyxl (an independent reader): the report's sheets
with frozen headings, autofilters, fitting widths, codes as text, dates as dates and no formula
anywhere; the diff's and the export's. Then a reviewer's decision is written into the decisions
sheet (decided.xlsx), for 'reassign --decisions' to read. Prints 'ok' or what is wrong.

    python3 workbooks.py WORKDIR NCODES NPROCEDURES
"""
import datetime
import sys

import openpyxl

work, ncodes, nproc = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
bad = []


def ok(cond, what):
    if not cond:
        bad.append(what)


wb = openpyxl.load_workbook(work + '/report.xlsx')
want = ['Tổng hợp', 'Thủ tục', 'Cơ quan', 'Hồ sơ', 'Cần quyết định', 'Kiểm tra']
ok([n for n in wb.sheetnames if wb[n].sheet_state == 'visible'] == want, 'sheets %s' % wb.sheetnames)
for name in want:
    ws = wb[name]
    ok(ws.freeze_panes == 'A2', name + ': frozen header')
    ok(ws.auto_filter.ref and ws.auto_filter.ref.startswith('A1:'), name + ': autofilter')
    for row in ws.iter_rows():
        for c in row:
            ok(c.data_type != 'f', '%s!%s is a formula' % (name, c.coordinate))
    widths = [ws.column_dimensions[k].width for k in ws.column_dimensions]
    ok(widths and all(w and 8 <= w <= 61 for w in widths), name + ': widths %s' % widths)
ok(wb['Cơ quan'].max_row == ncodes + 1, 'Cơ quan rows %d' % wb['Cơ quan'].max_row)
codes = {r[0] for r in wb['Thủ tục'].iter_rows(min_row=2, values_only=True)}
ok(len(codes) == nproc, 'Thủ tục procedures %d' % len(codes))
ok(all(isinstance(c, str) for c in codes), 'codes as text')
dates = [c.value for r in wb['Tổng hợp'].iter_rows() for c in r if c.is_date]
ok(len(dates) == 1 and isinstance(dates[0], datetime.datetime), 'effective date as a date: %s' % dates)
q = wb['Cần quyết định']
ok(len(q.data_validations.dataValidation) > 0, 'drop-downs on the decisions sheet')
# A reviewer decides the queued dossier: a commune of its drop-down, and a reason.
for row in q.iter_rows(min_row=2):
    if str(row[0].value).startswith('dossier:') and not row[2].value:
        row[2].value = '26359'
        row[3].value = 'ấp 7 thuộc xã Xuân Đông (biên bản bàn giao)'
wb.save(work + '/decided.xlsx')
d = openpyxl.load_workbook(work + '/diff.xlsx')
ok(d.sheetnames == ['Tổng hợp', 'Thay đổi'], 'diff sheets %s' % d.sheetnames)
ok(d['Thay đổi'].freeze_panes == 'A2', 'diff frozen')
e = openpyxl.load_workbook(work + '/export/export.xlsx')
ok(e.sheetnames[:4] == ['catalog', 'agencies', 'crosswalk', 'review'], 'export sheets %s' % e.sheetnames)
codes = [r[0] for r in e['agencies'].iter_rows(min_row=2, values_only=True)]
ok(all(isinstance(c, str) and c[:3].isdigit() for c in codes), 'agency codes as text with their zeros')
print('ok' if not bad else '; '.join(bad[:8]))
