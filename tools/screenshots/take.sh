#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The screenshots in docs/screenshots/: the console on the demo fleet under Xvfb, one page per picture, in English
# and Chinese. Reproducible by anyone with the build: tools/screenshots/take.sh [BUILD_DIR] [OUT_DIR] [WxH]
# Needs xvfb and imagemagick (`import`). The demo runs once first so that the cache holds some history, then each
# page is opened with --page on the same cache. Pictures of a tab or a job's detail need a click: with xdotool and
# the default size (1600x1000, whose tab positions are below) they are made too.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/../.."
build=${1:-build/dev}
out=${2:-docs/screenshots}
size=${3:-1600x1000}
warmup=${MERIDIAN_SCREENSHOT_WARMUP:-90}
settle=${MERIDIAN_SCREENSHOT_SETTLE:-25}

for tool in Xvfb import; do
    command -v "$tool" >/dev/null || { echo "needs $tool (packages xvfb imagemagick)" >&2; exit 1; }
done
display=:$((90 + RANDOM % 9))
Xvfb "$display" -screen 0 "${size}x24" -nolisten tcp &
xvfb=$!
work=$(mktemp -d)
console=
cleanup() {
    [[ -n $console ]] && kill "$console" 2>/dev/null && wait "$console" 2>/dev/null
    kill "$xvfb" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
export DISPLAY=$display XDG_CONFIG_HOME=$work/config # fresh settings: no column widths of someone's own
mkdir -p "$out"

run_console() { # page lang seconds [picture [clicks…]]: a click is X,Y or X,Y,2 (double), on the screen
    "$build/app/meridian" --demo --cache "$work/cache" --page "$1" --lang "$2" >/dev/null 2>&1 &
    console=$!
    sleep "$3"
    local click
    for click in "${@:5}"; do
        IFS=, read -r x y n <<<"$click"
        xdotool mousemove "$x" "$y" click --repeat "${n:-1}" 1
        sleep 3
    done
    [[ -n ${4:-} ]] && import -window root "$4"
    kill "$console" && wait "$console" 2>/dev/null || true
    console=
}

echo "warming the demo's cache for ${warmup} s"
run_console overview en "$warmup"
for lang in en zh_CN; do
    for page in overview pools jobs latency faults reports planner; do
        picture="$out/$page-$lang.png"
        run_console "$page" "$lang" "$settle" "$picture"
        echo "$picture"
    done
done

if [[ $size == 1600x1000 ]] && command -v xdotool >/dev/null; then
    run_console pools en "$settle" "$out/pools-grid-en.png" 680,93
    run_console pools en "$settle" "$out/pools-capacity-en.png" 743,93
    run_console latency en "$settle" "$out/latency-matrix-en.png" 251,65
    run_console faults en "$settle" "$out/faults-recovery-en.png" 500,116 1262,101
    for lang in en zh_CN; do
        run_console jobs "$lang" "$settle" "$out/jobs-detail-$lang.png" 400,297,2
    done
    echo "$out: tab and detail pictures"
fi
