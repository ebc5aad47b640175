#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the two packages (meridian, meridian-agent) from the `package` preset into OUTDIR
# (default build/package/packages), and with --old an older-versioned pair into OUTDIR/old for the
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
out=$(realpath -m "${1:-build/package/packages}") # -m: the build folder may not exist yet
jobs=${MERIDIAN_JOBS:-$(nproc)}

export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
# The `package` preset compiles what the `dev` preset compiles (RelWithDebInfo, -O2 -g as Debian builds, the same
# flags), so after a dev build ccache serves the compilations; it links the programs statically, and cpack strips
# them. Its build preset names only what the packages ship.
cmake --preset package "${launcher[@]}" >/dev/null
cmake --build --preset package -j "$jobs"

rm -rf "$out"
mkdir -p "$out"
(cd build/package && cpack -G DEB -B "$out" >/dev/null)
if ((old)); then
    version=$(sed -n 's/^set(CPACK_DEBIAN_PACKAGE_VERSION "\(.*\)")$/\1/p' build/package/CPackConfig.cmake)
    (cd build/package && cpack -G DEB -B "$out/old" -D CPACK_DEBIAN_PACKAGE_VERSION="${version}~old1" >/dev/null)
    rm -rf "$out/old/_CPack_Packages"
fi
rm -rf "$out/_CPack_Packages"
find "$out" -name '*.deb' -printf 'package: %s bytes %p\n' | sort -k4
