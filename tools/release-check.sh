#!/bin/sh
# release-check.sh - 'make release-check': the README's two commands on a bare Debian 12.
#
# A minimal Debian (debootstrap --variant=minbase, plus git: what a fresh machine has) is built
# once in build/release-check/bare.tar; every check unpacks a fresh copy, clones the committed
# tree (HEAD; uncommitted changes are not part of a release) into /root/sapnhap and runs, as root
# in a chroot with nothing from the host on PATH:
#
#     sh tools/bootstrap.sh demo      (installs make, then 'make demo': the deps step, the build)
#     make check
#
# It fails when either fails, and when the log shows a missing tool ("/bin/sh: 1: X: not found",
# "command not found"): a fresh machine must not need anything the README does not install.
# Needs root (chroot, mounts) and a Debian mirror (RC_MIRROR, default deb.debian.org, or the
# host's apt proxy settings); debootstrap is installed when missing. RC_KEEP=1 keeps the root.
#
#   sh tools/release-check.sh [COMMAND...]    (default: the two commands above)
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
work=$top/build/release-check
suite=${RC_SUITE:-bookworm}
mirror=${RC_MIRROR:-http://deb.debian.org/debian}
root=$work/root
log=$work/log.txt

if [ "$(id -u)" != 0 ]; then
	echo "release-check needs root (debootstrap, chroot); as root, run: make release-check" >&2
	exit 1
fi
if ! command -v debootstrap >/dev/null 2>&1; then
	echo "installing Debian package: debootstrap" >&2
	apt-get install -y --no-install-recommends debootstrap >&2 ||
		{ apt-get update >&2 && apt-get install -y --no-install-recommends debootstrap >&2; }
fi
mkdir -p "$work"

# The bare system, built once (a few minutes, ~60 MB of packages) and kept as a tarball.
if [ ! -s "$work/bare.tar" ]; then
	echo "== debootstrap --variant=minbase --include=git $suite ($mirror)" >&2
	rm -rf "$work/bare"
	if ! debootstrap --variant=minbase --include=git "$suite" "$work/bare" "$mirror" > "$work/debootstrap.log" 2>&1; then
		echo "release-check: debootstrap failed (is $mirror reachable? see $work/debootstrap.log):" >&2
		tail -n 5 "$work/debootstrap.log" >&2
		exit 1
	fi
	# What a fresh machine would fetch from: the same mirror, no lists yet.
	rm -rf "$work/bare/var/lib/apt/lists/"*
	tar -C "$work/bare" -cf "$work/bare.tar.tmp" . && mv "$work/bare.tar.tmp" "$work/bare.tar"
	rm -rf "$work/bare"
fi

cleanup() {
	for m in proc sys dev/pts dev; do
		mountpoint -q "$root/$m" 2>/dev/null && umount -l "$root/$m" || :
	done
	[ "${RC_KEEP:-0}" = 1 ] || rm -rf "$root"
}
trap cleanup EXIT INT TERM
cleanup
mkdir -p "$root"
tar -C "$root" -xf "$work/bare.tar"
git clone -q --no-hardlinks "$top" "$root/root/sapnhap"
cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || :
# The host's apt network settings (a proxy, if any), not its package choices.
for f in /etc/apt/apt.conf.d/*proxy*; do
	[ -f "$f" ] && cp "$f" "$root/etc/apt/apt.conf.d/" || :
done
mount -t proc proc "$root/proc"
mount --rbind /sys "$root/sys"
mount --rbind /dev "$root/dev"

if [ $# -eq 0 ]; then
	set -- "sh tools/bootstrap.sh demo" "make check"
fi
: > "$log"
status=0
for cmd in "$@"; do
	echo "== $cmd" | tee -a "$log" >&2
	if ! chroot "$root" /usr/bin/env -i HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
		LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive /bin/sh -c "cd /root/sapnhap && $cmd" >> "$log" 2>&1; then
		echo "release-check: '$cmd' failed on a bare Debian $suite; the end of $log:" >&2
		tail -n 30 "$log" >&2
		status=1
		break
	fi
done
if grep -n -E '^(/bin/sh|sh): [0-9]+: [^ ]+: not found|command not found' "$log" >&2; then
	echo "release-check: a tool the README does not install was called (above; $log)" >&2
	status=1
fi
[ "$status" = 0 ] && echo "release-check: passed on a bare Debian $suite ($log)" >&2
exit "$status"
