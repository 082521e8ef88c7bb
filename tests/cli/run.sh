#!/bin/sh
# Golden tests of whole commands. Each tests/cli/*.t file is a transcript: a line "$ COMMAND" is
# run with sh in a scratch directory (samples/ linked in, 'sapnhap' on PATH), and the lines after
# it are what it must print: stdout, then stderr lines prefixed "! ", then "[exit N]" when N is
# not 0. Lines starting with "#" are comments (a blank line is written before each comment block;
# other blank lines are output). The runner re-creates the transcript and diffs it
# with the file; with -u it rewrites the files instead (review the diff before committing).
#
# With -l vi the same commands run with LANG=vi_VN.UTF-8 and their output is compared with
# tests/cli/vi/NAME.t, the Vietnamese transcript of tests/cli/NAME.t (its commands are always the
# English transcript's: -u -l vi writes it anew).
#
#   SAPNHAP=./sapnhap sh tests/cli/run.sh [-u] [-l vi] [tests/cli/t0100-units-import.t ...]
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
: "${SAPNHAP:=$top/sapnhap}"
update=0 lang=
while [ $# -gt 0 ]; do
	case "$1" in
	-u) update=1; shift ;;
	-l) lang=$2; shift 2 ;;
	*) break ;;
	esac
done
[ $# -gt 0 ] || set -- "$top"/tests/cli/*.t

bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
ln -s "$SAPNHAP" "$bin/sapnhap"
# The message catalog where any user can read it: a transcript runs a command as another user
# (nobody, t0510), which cannot enter a checkout in a private directory.
if [ -d "$top/build/locale" ] && [ -z "${SAPNHAP_LOCALEDIR:-}" ]; then
	cp -R "$top/build/locale" "$bin/locale"
	chmod -R a+rX "$bin"
	export SAPNHAP_LOCALEDIR="$bin/locale"
fi
# Reproducible journals and "today": 2026-11-20 12:00 UTC.
export SOURCE_DATE_EPOCH=1795176000 TZ=UTC LANG=C.UTF-8 PATH="$bin:$PATH"
# The language comes from LANG (a transcript may set it per command); nothing else may choose it.
unset LC_ALL LC_MESSAGES LANGUAGE
[ -z "$lang" ] || export LANG="${lang}_VN.UTF-8"

pass=0 fail=0
for t in "$@"; do
	work=$(mktemp -d)
	ln -s "$top/samples" "$work/samples"
	ln -s "$top/schema" "$work/schema"
	ln -s "$top/tests/cli/data" "$work/data"
	actual="$work/.transcript"
	: > "$actual"
	prev=none
	# Read the transcript: keep comments and commands, drop old output, run each command.
	while IFS= read -r line || [ -n "$line" ]; do
		case "$line" in
		'$ '*)
			printf '%s\n' "$line" >> "$actual"
			cmd=${line#\$ }
			(cd "$work" && sh -c "$cmd" > "$work/.out" 2> "$work/.err" < /dev/null)
			rc=$?
			cat "$work/.out" >> "$actual"
			sed 's/^/! /' "$work/.err" >> "$actual"
			[ "$rc" -eq 0 ] || echo "[exit $rc]" >> "$actual"
			;;
		'#'*)
			# A blank line before each comment block separates the cases.
			if [ -s "$actual" ] && [ "$prev" != comment ]; then echo >> "$actual"; fi
			printf '%s\n' "$line" >> "$actual"
			prev=comment
			continue
			;;
		*)
			continue
			;;
		esac
		prev=command
	done < "$t"
	expected=$t
	[ -z "$lang" ] || expected="$(dirname "$t")/$lang/$(basename "$t")"
	if [ "$update" = 1 ]; then
		mkdir -p "$(dirname "$expected")"
		cp "$actual" "$expected"
		echo "updated $expected"
	elif [ ! -f "$expected" ]; then
		fail=$((fail + 1))
		echo "FAIL: $expected: no such transcript (write it with -u -l $lang)" >&2
	elif diff -u "$expected" "$actual" > "$work/.diff"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL: $expected" >&2
		cat "$work/.diff" >&2
	fi
	rm -rf "$work"
done
echo "cli${lang:+ ($lang)}: $pass of $((pass + fail)) transcripts passed" >&2
[ "$fail" -eq 0 ]
