#!/bin/sh
# Every string the sources mark for translation has a Vietnamese translation: po/vi.po merged
# with the strings found now (build/sapnhap.pot) must have no untranslated or fuzzy entry and no
# translation of a string the sources no longer have, and msgfmt's checks (printf formats that
# match the msgid's, in number and type) must pass.
#
#   sh tests/po/check.sh po/vi.po build/sapnhap.pot
set -u
po=$1 pot=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
msgmerge --quiet --no-fuzzy-matching --no-wrap "$po" "$pot" -o "$tmp/merged.po" || exit 1
count() {
	if [ -s "$1" ]; then grep -c '^msgid ' "$1" || true; else echo 0; fi
}
msgattrib --untranslated --no-obsolete --no-wrap "$tmp/merged.po" -o "$tmp/untranslated.po"
n=$(count "$tmp/untranslated.po")
# msgattrib keeps the header entry (msgid "") when it writes anything.
[ "$n" -gt 0 ] && n=$((n - 1))
if [ "$n" -gt 0 ]; then
	echo "po: $n strings without a Vietnamese translation (run 'make po', translate them in $po):" >&2
	grep -B1 '^msgid ' "$tmp/untranslated.po" | grep -v '^--' | tail -n +3 | head -60 >&2
	fail=1
fi
msgattrib --only-fuzzy --no-obsolete --no-wrap "$tmp/merged.po" -o "$tmp/fuzzy.po"
n=$(count "$tmp/fuzzy.po")
[ "$n" -gt 0 ] && n=$((n - 1))
if [ "$n" -gt 0 ]; then
	echo "po: $n fuzzy translations in $po (check them and remove the 'fuzzy' flag):" >&2
	grep '^msgid ' "$tmp/fuzzy.po" | tail -n +2 | head -20 >&2
	fail=1
fi
msgattrib --only-obsolete --no-wrap "$tmp/merged.po" -o "$tmp/obsolete.po"
n=0
[ -s "$tmp/obsolete.po" ] && n=$(grep -c '^#~ msgid ' "$tmp/obsolete.po" || true)
if [ "$n" -gt 0 ]; then
	echo "po: $n translations of strings the sources no longer have (run 'make po' and remove them):" >&2
	grep '^#~ msgid ' "$tmp/obsolete.po" | head -20 >&2
	fail=1
fi
msgfmt --check -o /dev/null "$tmp/merged.po" || fail=1
total=$(($(count "$tmp/merged.po") - 1))
if [ "$fail" -eq 0 ]; then
	echo "po: all $total strings translated" >&2
fi
exit "$fail"
