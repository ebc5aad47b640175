#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The packages where users install them (packaging/README.md):
#   packaging/test-install.sh [--build] [DEBDIR]
# DEBDIR holds meridian_*.deb and meridian-agent_*.deb and old/ an older-versioned pair
# (packaging/build-packages.sh --old; --build runs it first into build/package/packages).
#
# 1. Checks the .deb files: lintian (no error; every warning named in packaging/README.md), the desktop file,
#    the AppStream metadata, the agent's Depends and its binary's libraries (no GUI library).
# 2. Makes a fresh minimal Debian 12 root with mmdebstrap from Debian's archive, and in it, through apt as a
#    user's machine would (`apt install ./x.deb`): installs the older agent alone (what it pulled in holds no
#    GUI library; its dependency closure is listed), then the older console, which writes its cache; the cache
#    is put back to the previous schema; upgrades both and checks that configuration, token and cache survive
#    and the cache migrates; starts the agent from the unit's ExecStart line with the installed configuration and
#    the token as systemd would hand it over (a credential, a dynamic user), fetches /metrics with the token
#    (and /api/v1/node: 401 without it),
#    runs `meridian --version`, `meridian check-agent` against it and a headless `meridian report --demo`;
#    then `apt remove` (keeps /etc/meridian) and `apt purge` (removes it).
# Needs root (chroot, mounts, a private network namespace for the agent's port), mmdebstrap, lintian,
# desktop-file-utils, appstream, sqlite3, curl. Environment: MERIDIAN_DEBIAN_MIRROR (default deb.debian.org).
set -euo pipefail
here=$(dirname "$(readlink -f "$0")")
cd "$here/.."

if [[ ${1:-} == --build ]]; then
    shift
    packaging/build-packages.sh --old "${1:-build/package/packages}"
fi
debs=$(realpath -m "${1:-build/package/packages}")
mirror=${MERIDIAN_DEBIAN_MIRROR:-http://deb.debian.org/debian}
security=${MERIDIAN_DEBIAN_SECURITY:-http://deb.debian.org/debian-security}
# A GUI library in the agent's closure fails the test; so would the console's heavier parts.
gui='^(libqt6(gui|widgets|printsupport|svg|opengl)|qt6-qpa-plugins|libqcustomplot|libx11|libxcb|libxkbcommon|libgl1|libglx|libegl|libopengl|libwayland|libgtk|libfontconfig|libfreetype|libxlsxwriter|libqt6keychain|qt6keychain|libjemalloc)'

started=$(date +%s)
phase_start=$started
say() { printf '== %s\n' "$*"; }
fail() {
    printf 'FAIL: %s\n' "$*" >&2
    exit 1
}
phase_done() {
    local now
    now=$(date +%s)
    printf '== %s: %d s\n' "$1" $((now - phase_start))
    phase_start=$now
}

if [[ $(id -u) -ne 0 ]]; then
    # A build machine where the user may sudo without a password (CI) runs the test as root.
    sudo -n true 2>/dev/null && exec sudo -n --preserve-env=MERIDIAN_DEBIAN_MIRROR,MERIDIAN_DEBIAN_SECURITY "$0" "$@"
    fail "needs root (chroot, mounts, network namespace)"
fi
for tool in mmdebstrap lintian desktop-file-validate appstreamcli sqlite3 curl unshare dpkg-deb; do
    command -v "$tool" >/dev/null || fail "needs $tool (packages: mmdebstrap lintian desktop-file-utils appstream sqlite3 curl)"
done

console_deb=$(ls "$debs"/meridian_*.deb)
agent_deb=$(ls "$debs"/meridian-agent_*.deb)
old_console_deb=$(ls "$debs"/old/meridian_*.deb)
old_agent_deb=$(ls "$debs"/old/meridian-agent_*.deb)

work=$(mktemp -d /var/tmp/meridian-test-install.XXXXXX)
root=$work/root
cleanup() {
    local m
    # Everything mounted under the root, deepest first.
    for m in $(awk -v r="$root" '$2 == r || index($2, r "/") == 1 { print $2 }' /proc/mounts | sort -r); do
        umount -l "$m" || true
    done
    rm -rf "$work"
}
trap cleanup EXIT

# --- 1. The files -------------------------------------------------------------------------------------------------
say "lintian"
explained=$(sed -n '/^<!-- lintian-tags -->/,/^<!-- \/lintian-tags -->/p' packaging/README.md)
for deb in "$console_deb" "$agent_deb"; do
    report=$(lintian --tag-display-limit 0 "$deb" 2>&1 | grep -v 'running with root privileges' || true)
    printf '%s\n' "$report" | sed 's/^/  /'
    if grep -q '^E: ' <<<"$report"; then
        fail "lintian reports errors for $(basename "$deb")"
    fi
    while read -r tag; do
        [[ -z $tag ]] && continue
        grep -qF -- "\`$tag\`" <<<"$explained" || fail "lintian warning $tag is not explained in packaging/README.md"
    done < <(sed -n 's/^W: [^:]*: \([a-z0-9-]*\).*/\1/p' <<<"$report" | sort -u)
done

say "desktop file, AppStream metadata"
unpacked=$work/console
dpkg-deb -x "$console_deb" "$unpacked"
desktop-file-validate "$unpacked"/usr/share/applications/org.meridian.Console.desktop
appstreamcli validate --no-net --pedantic "$unpacked"/usr/share/metainfo/org.meridian.Console.metainfo.xml

say "the agent links no GUI library"
agent_depends=$(dpkg-deb -f "$agent_deb" Depends)
echo "  Depends: $agent_depends"
if tr ',|' '\n\n' <<<"$agent_depends" | sed 's/^ *//; s/ .*//' | grep -E "$gui"; then
    fail "meridian-agent's Depends names a GUI library"
fi
dpkg-deb -x "$agent_deb" "$work/agent"
agent_libs=$(ldd "$work/agent/usr/bin/meridian-agent")
if grep -E 'libQt6(Gui|Widgets|PrintSupport)|libqcustomplot|libX|libxcb|libGL|libEGL|libwayland' <<<"$agent_libs"; then
    fail "/usr/bin/meridian-agent loads a GUI library"
fi
phase_done "package checks"

# --- 2. A fresh Debian 12 root ---------------------------------------------------------------------------------
say "mmdebstrap bookworm from $mirror"
# force-unsafe-io (kept in the root's dpkg.cfg.d for every later install): dpkg skips its fsync per file, which
# costs minutes on a busy CI disk and proves nothing about the packages; a crash here only loses a throw-away root.
mmdebstrap --quiet --variant=apt --dpkgopt=force-unsafe-io bookworm "$root" \
    "deb $mirror bookworm main" "deb $mirror bookworm-updates main" "deb $security bookworm-security main"
mount -t proc proc "$root/proc"
mount --bind /dev "$root/dev"
mount -t sysfs -o ro sysfs "$root/sys" # the agent's collectors read /sys as well as /proc
cp /etc/resolv.conf "$root/etc/resolv.conf"
# No service starts inside the root (there is no systemd in it either).
printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
chmod 755 "$root/usr/sbin/policy-rc.d"
mkdir -p "$root/tmp/debs/old"
cp "$console_deb" "$agent_deb" "$root/tmp/debs/"
cp "$old_console_deb" "$old_agent_deb" "$root/tmp/debs/old/"
in_root() {
    chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
        DEBIAN_FRONTEND=noninteractive "$@"
}
apt_in_root() {
    in_root apt-get -o Dpkg::Options::=--force-confold -y -q "$@"
}
apt_in_root update >/dev/null
phase_done "fresh root"

installed() { in_root dpkg-query -W -f '${Package}\n' | sort; }
# The agent alone first: what apt pulls in for it (Recommends included, as on a user's machine).
say "apt install ./old/meridian-agent (older version)"
before=$(installed)
in_root apt install -y -q "./tmp/debs/old/$(basename "$old_agent_deb")" 2>&1 | grep -v '^WARNING: apt does not have' | tail -3
pulled=$(comm -13 <(echo "$before") <(installed))
echo "  installed with the agent ($(wc -l <<<"$pulled") packages): $(tr '\n' ' ' <<<"$pulled")"
if grep -E "$gui" <<<"$pulled"; then
    fail "installing meridian-agent pulled in a GUI library"
fi
closure=$(in_root apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks \
    --no-replaces --no-enhances meridian-agent | grep -v '^ ' | grep -v '^<' | sort -u)
echo "  dependency closure of meridian-agent ($(wc -l <<<"$closure") packages): $(tr '\n' ' ' <<<"$closure")"
if grep -E "$gui" <<<"$closure"; then
    fail "meridian-agent's dependency closure holds a GUI library"
fi

token=$root/etc/meridian/agent.token
[[ -f $token ]] || fail "postinst made no token"
[[ $(stat -c '%a %U %G' "$token") == "600 root root" ]] || fail "token is $(stat -c '%a %U %G' "$token"), not 600 root root"
token_sum=$(sha256sum <"$token")
# An administrator's edit of the conffile must survive the upgrade.
sed -i 's/^rack = .*/rack = r42-site-edit/' "$root/etc/meridian/agent.conf"

say "apt install ./old/meridian (older version); its console writes a cache"
in_root apt install -y -q "./tmp/debs/old/$(basename "$old_console_deb")" 2>&1 | grep -v '^WARNING: apt does not have' | tail -3
cache=$root/root/.local/share/Meridian/cache
in_root env QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=/tmp timeout 20 meridian >"$work/console-old.log" 2>&1 || true
[[ -f $cache/metrics.db && $(sqlite3 "$cache/metrics.db" 'PRAGMA user_version') == 3 ]] ||
    fail "the console wrote no cache: $(cat "$work/console-old.log")"
# The previous release's schema (2: before history spans, docs/cache.md): what an older console left behind.
sqlite3 "$cache/metrics.db" 'DROP TABLE history_span; PRAGMA user_version=2;'
phase_done "older packages"

say "upgrade: apt install ./meridian ./meridian-agent"
in_root apt install -y -q -o Dpkg::Options::=--force-confold "./tmp/debs/$(basename "$console_deb")" \
    "./tmp/debs/$(basename "$agent_deb")" 2>&1 | grep -v '^WARNING: apt does not have' | tail -3
new_version=$(dpkg-deb -f "$agent_deb" Version)
[[ $(in_root dpkg-query -W -f '${Version}' meridian-agent) == "$new_version" ]] || fail "meridian-agent not upgraded"
[[ $(in_root dpkg-query -W -f '${Version}' meridian) == "$(dpkg-deb -f "$console_deb" Version)" ]] || fail "meridian not upgraded"
[[ $(sha256sum <"$token") == "$token_sum" ]] || fail "the upgrade changed the token"
grep -q '^rack = r42-site-edit$' "$root/etc/meridian/agent.conf" || fail "the upgrade lost the configuration's edit"
in_root env QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=/tmp timeout 20 meridian >"$work/console-new.log" 2>&1 || true
[[ $(sqlite3 "$cache/metrics.db" 'PRAGMA user_version') == 3 ]] || fail "cache not migrated: $(cat "$work/console-new.log")"
grep -q 'migrated "metrics.db" to schema 3' "$work/console-new.log" || fail "no migration in the console's log"
echo "  token and configuration kept; cache migrated from schema 2 to 3"
phase_done "upgrade"

# --- 3. The installed programs, in a network namespace of their own (the agent's port is the unit's) --------
exec_start=$(sed -n 's/^ExecStart=//p' "$root/lib/systemd/system/meridian-agent.service")
credential=$(sed -n 's/^LoadCredential=token://p' "$root/lib/systemd/system/meridian-agent.service")
[[ -n $exec_start && $credential == /etc/meridian/agent.token ]] || fail "unit without ExecStart or LoadCredential"
# As systemd does it: a copy of the credential readable by the service's dynamic user only.
dynamic_uid=61234
credentials=/run/credentials/meridian-agent.service
mkdir -p "$root$credentials"
install -m 0400 -o $dynamic_uid -g $dynamic_uid "$root$credential" "$root$credentials/token"
chown $dynamic_uid:$dynamic_uid "$root$credentials"
chmod 0500 "$root$credentials"
command_line=${exec_start//'${CREDENTIALS_DIRECTORY}'/$credentials}
echo "  ExecStart: $command_line"
export root work command_line dynamic_uid
unshare --net -- bash -euo pipefail -c '
    ip link set lo up
    in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }
    # shellcheck disable=SC2086 # the unit line is words
    chroot --userspec=$dynamic_uid:$dynamic_uid "$root" /usr/bin/env -i PATH=/usr/bin:/bin $command_line \
        >"$work/agent.log" 2>&1 &
    agent=$!
    trap "kill $agent 2>/dev/null || true" EXIT
    for _ in $(seq 100); do
        grep -q "^listening on" "$work/agent.log" && break
        kill -0 $agent 2>/dev/null || { cat "$work/agent.log"; echo "FAIL: the agent exited" >&2; exit 1; }
        sleep 0.2
    done
    cat "$work/agent.log" | sed "s/^/  agent: /"
    token=$(head -n1 "$root/etc/meridian/agent.token")
    port=$(sed -n "s/^listen = .*:\([0-9]*\)$/\1/p" "$root/etc/meridian/agent.conf")
    curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$port/metrics" >"$work/metrics.txt"
    grep -q "^meridian_" "$work/metrics.txt" || { echo "FAIL: /metrics has no meridian_ series" >&2; exit 1; }
    # /metrics is open like every exporter (docs/protocol.md); the API is not without the token.
    code=$(curl -s -o /dev/null -w "%{http_code}" "http://127.0.0.1:$port/api/v1/node")
    [[ $code == 401 ]] || { echo "FAIL: /api/v1/node without the token answered $code" >&2; exit 1; }
    curl -sf -o /dev/null -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/node"
    echo "  /metrics with the token: $(grep -c "^meridian_" "$work/metrics.txt") meridian_ samples;" \
        "/api/v1/node: 200 with the token, 401 without"
    in_root meridian --version
    echo
    in_root meridian check-agent "http://127.0.0.1:$port/" --token-file /etc/meridian/agent.token | sed "s/^/  /"
    in_root env QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=/tmp meridian report --demo --demo-history 1h \
        --type availability --format pdf -o /tmp/report.pdf 2>&1 | tail -3 | sed "s/^/  /"
    head -c 5 "$root/tmp/report.pdf" | grep -q "%PDF-" || { echo "FAIL: no PDF report" >&2; exit 1; }
    echo "  report: $(stat -c %s "$root/tmp/report.pdf") bytes of PDF"
'
phase_done "installed programs"

# --- 4. Remove and purge ------------------------------------------------------------------------------------------
say "apt remove meridian-agent"
apt_in_root remove meridian-agent >/dev/null
[[ ! -e $root/usr/bin/meridian-agent ]] || fail "remove left the program"
[[ -f $root/etc/meridian/agent.conf && -f $token ]] || fail "remove took /etc/meridian with it"
say "apt purge meridian-agent meridian"
apt_in_root purge meridian-agent meridian >/dev/null
[[ ! -e $root/etc/meridian ]] || fail "purge left /etc/meridian: $(ls -A "$root/etc/meridian")"
phase_done "remove and purge"

printf '== test-install: passed in %d s\n' $(($(date +%s) - started))
