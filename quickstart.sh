#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The README's two Quick-start commands:
#   ./quickstart.sh demo   install what is missing, build, start the console on the built-in demo fleet
#   ./quickstart.sh test   install what is missing, build, run the whole test suite (benchmarks excluded)
#   ./quickstart.sh package  also the packaging tools: build the two .deb and test them in a fresh Debian 12 root
#                            (packaging/test-install.sh, the ctest label `package`; needs root and Debian's archive)
#
# Idempotent: a second run installs nothing, reconfigures nothing and rebuilds only what changed.
# Environment: MERIDIAN_PRESET (default dev), MERIDIAN_JOBS (default: number of cores).
set -euo pipefail

cd "$(dirname "$(readlink -f "$0")")"

preset=${MERIDIAN_PRESET:-dev}
jobs=${MERIDIAN_JOBS:-$(nproc)}
build_dir="build/${preset}"

# Debian 12 packages the build, the tests and the demo need.
packages=(
    build-essential cmake ninja-build pkg-config ccache git
    mold                # links in seconds (cmake/MeridianCompilerSettings.cmake)
    qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite libgl-dev
    libsqlite3-dev      # the cache guards its connections through the sqlite3 handle (core/cache/cacheguard.h)
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    libqcustomplot-dev libqt6svg6
    libboost-dev        # Beast and Asio: the agents' HTTP front (header-only)
    libcpp-httplib-dev  # the tests' hostile peer and a benchmark client
    libjemalloc-dev     # the console's allocator (cmake/MeridianAllocator.cmake)
    prometheus          # promtool: the tests check /metrics with it; the Prometheus source's lab (tests/support/labs)
    rapidjson-dev       # the Prometheus source's streaming (SAX) decoder of query answers
    prometheus-node-exporter  # the baseline of bench_agent_footprint's CPU-per-scrape ratio
    fonts-noto-cjk      # the console's zh_CN text
    qtkeychain-qt6-dev  # agent credentials in the system keyring
    libssl-dev openssl  # TLS in the agents; the tests make certificates with openssl
    libxlsxwriter-dev   # XLSX reports
    poppler-utils       # the report tests read PDFs back (pdfinfo, pdftotext, pdffonts)
    fonts-droid-fallback fonts-dejavu-core  # report PDFs: CJK text that stays searchable, Latin text
    # The Slurm tests' private cluster (tests/support/labs/slurm-lab.sh): daemons started by the tests only.
    slurmctld slurmd slurm-client slurmrestd slurm-wlm-jwt-plugin munge
    slurmdbd mariadb-server-core mariadb-client-core  # its accounting database (--with-dbd)
)

# The package stage's tools (packaging/README.md): only `./quickstart.sh package` installs them.
package_tools=(
    lintian desktop-file-utils appstream  # checks of the .deb, the desktop file and the AppStream metadata
    mmdebstrap                            # the fresh Debian 12 root the packages are installed into
    sqlite3 curl                          # the test reads the cache's schema and the agent's /metrics
)

say() { printf '\033[1m== %s\033[0m\n' "$*"; }

install_missing() {
    local missing=()
    for p in "${packages[@]}" "$@"; do
        if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
            missing+=("$p")
        fi
    done
    if ((${#missing[@]} == 0)); then
        return
    fi
    say "Installing ${missing[*]}"
    local sudo=()
    if [[ $(id -u) -ne 0 ]]; then
        command -v sudo >/dev/null || { echo "need root or sudo to install: ${missing[*]}" >&2; exit 1; }
        sudo=(sudo)
    fi
    # Services from these packages (prometheus, munge, slurmctld, slurmd, slurmdbd) must not start on a build
    # machine: the tests start their own on loopback.
    local policy_created=0
    if [[ ! -e /usr/sbin/policy-rc.d ]]; then
        printf '#!/bin/sh\nexit 101\n' | "${sudo[@]}" tee /usr/sbin/policy-rc.d >/dev/null
        "${sudo[@]}" chmod +x /usr/sbin/policy-rc.d
        policy_created=1
    fi
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
    if ((policy_created)); then
        "${sudo[@]}" rm -f /usr/sbin/policy-rc.d
    fi
}

configure_and_build() {
    # Let ccache share objects between clones of the tree (CI builds a fresh clone each time).
    export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1
    if [[ ! -f "${build_dir}/build.ninja" ]]; then
        say "Configuring (${preset})"
        local launcher=()
        command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
        cmake --preset "${preset}" "${launcher[@]}" >/dev/null
    fi
    say "Building (${preset}, ${jobs} jobs)"
    cmake --build "${build_dir}" -j "${jobs}"
}

case "${1:-}" in
demo)
    shift
    install_missing
    configure_and_build
    if [[ -z ${DISPLAY:-} && -z ${WAYLAND_DISPLAY:-} && -z ${QT_QPA_PLATFORM:-} ]]; then
        echo "No display: run it under a desktop session, or: xvfb-run -a $0 demo" >&2
        exit 1
    fi
    say "Starting the console on the built-in demo fleet"
    exec "${build_dir}/app/meridian" --demo "$@"
    ;;
test)
    shift
    install_missing
    configure_and_build
    say "Running the test suite"
    ctest --test-dir "${build_dir}" -LE 'bench|long|package' -j "${jobs}" --output-on-failure --timeout 600 "$@"
    ;;
package)
    shift
    install_missing "${package_tools[@]}"
    configure_and_build
    say "Building the packages and testing them in a fresh Debian 12 root"
    ctest --test-dir "${build_dir}" -L '^package$' --output-on-failure -V "$@"
    ;;
*)
    echo "usage: $0 demo|test|package [args…]" >&2
    exit 2
    ;;
esac
