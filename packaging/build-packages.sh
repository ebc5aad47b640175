#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the two packages (meridian, meridian-agent) from the release preset into OUTDIR
# (default build/release/packages), and with --old an older-versioned pair into OUTDIR/old for the
# upgrade test: the same build packed as version 0.1.0~old1 (an honest stand-in for a previous release
# as far as dpkg and apt are concerned; the cache of an older schema is made by test-install.sh).
#   packaging/build-packages.sh [--old] [OUTDIR]
# Environment: MERIDIAN_JOBS (default: number of cores).
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."

old=0
if [[ ${1:-} == --old ]]; then
    old=1
    shift
fi
out=$(readlink -f "${1:-build/release/packages}")
jobs=${MERIDIAN_JOBS:-$(nproc)}

export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake --preset release "${launcher[@]}" >/dev/null
# Only what the packages ship: not the tests or benchmarks of the release tree.
cmake --build build/release -j "$jobs" --target meridian meridian-agent meridian-fleetsim meridian_manpages \
    meridian_changelog

rm -rf "$out"
mkdir -p "$out"
(cd build/release && cpack -G DEB -B "$out" >/dev/null)
if ((old)); then
    version=$(sed -n 's/^set(CPACK_DEBIAN_PACKAGE_VERSION "\(.*\)")$/\1/p' build/release/CPackConfig.cmake)
    (cd build/release && cpack -G DEB -B "$out/old" -D CPACK_DEBIAN_PACKAGE_VERSION="${version}~old1" >/dev/null)
    rm -rf "$out/old/_CPack_Packages"
fi
rm -rf "$out/_CPack_Packages"
find "$out" -name '*.deb' -printf 'package: %s bytes %p\n' | sort -k4
