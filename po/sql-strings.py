#!/usr/bin/env python3
"""The sentences of findings' details for the catalog: every tr('...') in the SQL of the C sources.

xgettext does not look inside C string literals, so the Makefile's pot rule runs this script beside
it and merges the two with msgcat. A rule's SQL calls tr('FORMAT', ARG...) (tools/rules.h): FORMAT
is the msgid, read as SQLite reads the literal ('' is one '), after the C compiler has joined
adjacent string literals and decoded their escapes. Writes a .pot to stdout, with the positions
(file:line of the literal where tr( begins) and c-format where FORMAT has a conversion.

    python3 po/sql-strings.py tools/*.c > build/sql.pot
"""
import re
import sys

ESCAPES = {'n': '\n', 't': '\t', 'r': '\r', '\\': '\\', '"': '"', "'": "'", '?': '?', 'a': '\a',
           'b': '\b', 'f': '\f', 'v': '\v', '0': '\0'}


def literals(text):
    """Yields (line, value) for each run of adjacent C string literals (comments, character
    constants and preprocessor line continuations skipped), value decoded, with the line of
    each character: a list of (offset in value, line)."""
    i, n, line = 0, len(text), 1
    run, marks, start_line = None, None, None
    while i < n:
        c = text[i]
        if text.startswith('//', i):
            j = text.find('\n', i)
            i = n if j < 0 else j
            continue
        if text.startswith('/*', i):
            j = text.find('*/', i + 2)
            j = n if j < 0 else j + 2
            line += text.count('\n', i, j)
            i = j
            continue
        if c == "'":
            j = i + 1
            while j < n and text[j] != "'":
                j += 2 if text[j] == '\\' else 1
            i = j + 1
            continue
        if c == '"':
            if run is None:
                run, marks, start_line = [], [], line
            marks.append((sum(len(s) for s in run), line))
            j, buf = i + 1, []
            while j < n and text[j] != '"':
                if text[j] == '\\' and j + 1 < n:
                    e = text[j + 1]
                    if e == '\n':
                        line += 1
                    elif e == 'x':
                        m = re.match(r'[0-9a-fA-F]+', text[j + 2:])
                        buf.append(chr(int(m.group(0), 16)))
                        j += 2 + len(m.group(0))
                        continue
                    elif e in '01234567':
                        m = re.match(r'[0-7]{1,3}', text[j + 1:])
                        buf.append(chr(int(m.group(0), 8)))
                        j += 1 + len(m.group(0))
                        continue
                    else:
                        buf.append(ESCAPES.get(e, e))
                    j += 2
                    continue
                if text[j] == '\n':
                    line += 1
                buf.append(text[j])
                j += 1
            run.append(''.join(buf))
            i = j + 1
            continue
        if c.isspace() or (c == '\\' and text.startswith('\\\n', i)):
            if c == '\n' or text.startswith('\\\n', i):
                line += 1
            i += 2 if c == '\\' else 1
            continue
        if run is not None:
            yield ''.join(run), marks
            run = None
        i += 1
    if run is not None:
        yield ''.join(run), marks


TR = re.compile(r"\btr\(\s*'((?:[^']|'')*)'")
FORMAT = re.compile(r'%(?!%)')


def line_of(marks, offset):
    found = marks[0][1]
    for start, line in marks:
        if start <= offset:
            found = line
    return found


def po_string(s):
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"').replace('\n', '\\n').replace('\t', '\\t') + '"'


def main(paths):
    entries = {}
    order = []
    for path in paths:
        with open(path, encoding='utf-8') as f:
            text = f.read()
        for value, marks in literals(text):
            for m in TR.finditer(value):
                msgid = m.group(1).replace("''", "'")
                if not msgid:
                    continue
                if msgid not in entries:
                    entries[msgid] = []
                    order.append(msgid)
                entries[msgid].append('%s:%d' % (path, line_of(marks, m.start())))
    out = sys.stdout
    out.write('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
              '"Content-Transfer-Encoding: 8bit\\n"\n')
    for msgid in order:
        out.write('\n#: %s\n' % ' '.join(entries[msgid]))
        if FORMAT.search(msgid.replace('%%', '')):
            out.write('#, c-format\n')
        out.write('msgid %s\nmsgstr ""\n' % po_string(msgid))


if __name__ == '__main__':
    main(sys.argv[1:])
