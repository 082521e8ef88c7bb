#!/bin/sh
# Golden tests of whole commands. Each tests/cli/*.t file is a transcript: a line "$ COMMAND" is
# run with sh in a scratch directory (samples/ linked in, 'sapnhap' on PATH), and the lines after
# it are what it must print: stdout, then stderr lines prefixed "! ", then "[exit N]" when N is
# not 0. Lines starting with "#" are comments (a blank line is written before each comment block;
# other blank lines are output). The runner re-creates the transcript and diffs it
# with the file; with -u it rewrites the files instead (review the diff before committing).
#
#   SAPNHAP=./sapnhap sh tests/cli/run.sh [-u] [tests/cli/t0100-units-import.t ...]
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
: "${SAPNHAP:=$top/sapnhap}"
update=0
if [ "${1:-}" = "-u" ]; then update=1; shift; fi
[ $# -gt 0 ] || set -- "$top"/tests/cli/*.t

bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
ln -s "$SAPNHAP" "$bin/sapnhap"
# Reproducible journals and "today": 2026-11-20 12:00 UTC.
export SOURCE_DATE_EPOCH=1795176000 TZ=UTC LANG=C.UTF-8 PATH="$bin:$PATH"
# The language comes from LANG (a transcript may set it per command); nothing else may choose it.
unset LC_ALL LC_MESSAGES LANGUAGE

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
	if [ "$update" = 1 ]; then
		cp "$actual" "$t"
		echo "updated $t"
	elif diff -u "$t" "$actual" > "$work/.diff"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL: $t" >&2
		cat "$work/.diff" >&2
	fi
	rm -rf "$work"
done
echo "cli: $pass of $((pass + fail)) transcripts passed" >&2
[ "$fail" -eq 0 ]
