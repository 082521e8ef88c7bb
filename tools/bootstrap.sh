#!/bin/sh
# bootstrap.sh - the first command on a bare Debian 12: installs make (as root), then runs make
# with the given targets ('demo' when none). Needs only /bin/sh and apt-get; from there the
# Makefile's deps step installs everything else.
#
#   sh tools/bootstrap.sh            # = make demo, installing make first
#   sh tools/bootstrap.sh check      # = make check
set -e
cd "$(dirname "$0")/.."
if ! command -v make >/dev/null 2>&1; then
	if [ "$(id -u)" != 0 ]; then
		echo "sapnhap is built with make, which is not installed; as root, run:" >&2
		echo "  apt-get update && apt-get install -y --no-install-recommends make" >&2
		exit 1
	fi
	echo "installing Debian package: make" >&2
	# A fresh system has no package lists yet: update only when the first try fails.
	apt-get install -y --no-install-recommends make >&2 ||
		{ apt-get update >&2 && apt-get install -y --no-install-recommends make >&2; }
fi
[ $# -gt 0 ] || set -- demo
exec make "$@"
