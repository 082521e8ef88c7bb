#!/bin/sh
# A partial catalog for some source files, for translating a part of the program on its own:
# writes (or updates, keeping its translations) po/vi-NAME.po with the strings marked in FILES;
# translations already in po/vi.po are filled in. 'make po' later takes the parts into po/vi.po.
#
#   sh po/fragment.sh NAME tools/report.c tools/labels.c ...
set -eu
name=$1; shift
top=$(cd "$(dirname "$0")/.." && pwd)
keywords=$(make -s -C "$top" --no-print-directory print-xgettext-keywords)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# shellcheck disable=SC2086
xgettext --from-code=UTF-8 --language=C --no-wrap --sort-by-file $keywords -o "$tmp/part.pot" "$@"
out="$top/po/vi-$name.po"
if [ ! -f "$out" ]; then
	msginit --no-translator --no-wrap -l vi_VN.UTF-8 -i "$tmp/part.pot" -o "$tmp/new.po" 2>/dev/null
	cp "$tmp/new.po" "$out"
fi
msgmerge --quiet --no-wrap --no-fuzzy-matching --compendium "$top/po/vi.po" "$out" "$tmp/part.pot" -o "$tmp/merged.po"
msgattrib --no-obsolete --no-wrap "$tmp/merged.po" -o "$out"
total=$(grep -c '^msgid ' "$out")
left=$(msgattrib --untranslated --no-wrap "$out" | grep -c '^msgid ' || true)
echo "po/vi-$name.po: $((total - 1)) strings, $(( left > 0 ? left - 1 : 0 )) untranslated" >&2
