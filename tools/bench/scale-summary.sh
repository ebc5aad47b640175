#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The 25,000-node guard (issue 21; docs/performance.md, Scale): runs the scale benchmarks of a build and prints one
# table — figure, goal, measured, met — then exits 1 if a goal was missed. Figures are only comparable with
# docs/performance.md from the `release` preset; each benchmark's BENCH_CONFIG line says what it ran on.
#
#   tools/bench/scale-summary.sh [BUILD_DIR]        (default build/release)
#
# Environment: MERIDIAN_BENCH_NODES (25000), MERIDIAN_BENCH_SECONDS (60) are passed to the benchmarks.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/../.."
build=${1:-build/release}
[[ -x $build/tests/bench/ui/bench_ui_responsiveness ]] || {
    echo "no benchmarks in $build: cmake --preset release && cmake --build build/release" >&2
    exit 2
}

out=$(mktemp)
trap 'rm -f "$out"' EXIT
run() {
    echo "== $1" >&2
    QT_QPA_PLATFORM=offscreen "$build/$1" | tee -a "$out" | grep -E '^(BENCH_CONFIG|SLOW)' >&2 || true
}
run tests/bench/ui/bench_ui_responsiveness
run tests/bench/core/bench_fleetstore

# figure | goal (≤, empty: shown, no goal) | unit
goals='ui_live.stall_max|100|ms
ui_live.stall_p99|16|ms
ui_live.time_to_all_up||ms
ui_cached_start.time_to_numbers|1000|ms
ui_cached_start.stall_max|100|ms
ui_cached_start.stall_p99||ms
fleetstore.apply_full_fleet_25k||ms
fleetstore.apply_poll_round_25k||ms'

missed=0
printf '\n%-36s %10s %12s  %s\n' figure goal measured met
while IFS='|' read -r name goal unit; do
    value=$(awk -v n="$name" '$1 == "BENCH" && $2 == n { print $3 }' "$out" | tail -1)
    if [[ -z $value ]]; then
        met="NOT MEASURED"
        missed=1
    elif [[ -z $goal ]]; then
        met="-"
    elif awk -v v="$value" -v g="$goal" 'BEGIN { exit !(v <= g) }'; then
        met="yes"
    else
        met="NO"
        missed=1
    fi
    printf '%-36s %10s %12s  %s\n' "$name" "${goal:+≤ $goal $unit}" "${value:--} $unit" "$met"
done <<<"$goals"
grep -m1 '^BENCH_CONFIG' "$out" || true
exit "$missed"
