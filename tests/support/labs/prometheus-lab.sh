#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A private, throw-away Prometheus on loopback for tests.
#
#   prometheus-lab.sh start DIR [--interval 1s] [--expect N] [--basic-auth USER:PASSWORD] [--backfill FILE]
#   prometheus-lab.sh stop DIR
#
# start: Debian's `prometheus` on a free 127.0.0.1 port with its storage in DIR/data, scraping every target the
# file_sd files DIR/targets/*.json name (written by the caller before or after start; Prometheus re-reads them
# every second, so a test adds, removes and relabels targets by rewriting them) at --interval. A target group's
# labels may set `__metrics_path__` (a simulator serves each node's exporters under /n/ID/metrics) and the
# topology labels (node, region, pool, rack). With --basic-auth the HTTP API asks for that user and password
# (web config with a bcrypt hash). With --backfill, FILE (OpenMetrics text ending in "# EOF") is written into
# DIR/data as TSDB blocks by `promtool tsdb create-blocks-from openmetrics` before Prometheus starts: history that
# Prometheus then serves as if it had scraped it. Waits until `count(up == 1)` reaches --expect (default 1: asked, never slept
# for — the first scrape comes 6–10 s after start even at 1 s, see shared/reference/engines.md §2; --expect 0:
# until /-/ready answers), then writes
# DIR/lab.env (LAB_PROMETHEUS_URL, LAB_PROMETHEUS_PORT, LAB_PROMETHEUS_PID) and prints "ready".
# stop: ends the Prometheus that start launched (its pid checked to still run prometheus), TERM then KILL.
#
# Needs Debian 12's `prometheus` (quickstart.sh installs it; the package's own service is not used) and python3
# (free port, bcrypt hash). Runs as any user; nothing outside DIR is touched.
set -euo pipefail

log() { printf '[prometheus-lab %s] %s\n' "$(date +%T.%3N)" "$*" >&2; }
die() {
    log "error: $*"
    exit 1
}
usage() {
    echo "usage: $0 start DIR [--interval 1s] [--expect N] [--basic-auth USER:PASSWORD] [--backfill FILE] | stop DIR" >&2
    exit 2
}

is_ours() {
    local pid=$1
    [[ -r /proc/$pid/comm ]] && [[ $(cat "/proc/$pid/comm" 2>/dev/null) == prometheus ]]
}

stop_lab() {
    local dir=$1 pid
    [[ -f $dir/pid ]] || return 0
    pid=$(cat "$dir/pid")
    if is_ours "$pid"; then
        kill -TERM "$pid" 2>/dev/null || true
        local deadline=$((SECONDS + 10))
        while is_ours "$pid" && ((SECONDS < deadline)); do sleep 0.05; done
        if is_ours "$pid"; then
            kill -KILL "$pid" 2>/dev/null || true
            sleep 0.2
            is_ours "$pid" && die "pid $pid (prometheus) survived SIGKILL"
        fi
    fi
    rm -f "$dir/pid"
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# count(up == 1) as a number (0 when empty or unreachable).
up_count() {
    python3 - "$1" "$2" <<'PY' 2>/dev/null || echo 0
import base64, json, sys, urllib.request
url, auth = sys.argv[1], sys.argv[2]
req = urllib.request.Request(url + "api/v1/query?query=count(up%3D%3D1)")
if auth:
    req.add_header("Authorization", "Basic " + base64.b64encode(auth.encode()).decode())
r = json.load(urllib.request.urlopen(req, timeout=2))["data"]["result"]
print(int(float(r[0]["value"][1])) if r else 0)
PY
}

# /-/ready answers 200 (the storage, backfilled blocks included, is open).
is_ready() {
    python3 - "$1" "$2" <<'PY' 2>/dev/null
import base64, sys, urllib.request
url, auth = sys.argv[1], sys.argv[2]
req = urllib.request.Request(url + "-/ready")
if auth:
    req.add_header("Authorization", "Basic " + base64.b64encode(auth.encode()).decode())
sys.exit(0 if urllib.request.urlopen(req, timeout=2).status == 200 else 1)
PY
}

start_lab() {
    local dir=$1
    shift
    local interval=1s expect=1 basic="" backfill=""
    while (($#)); do
        case $1 in
        --interval) interval=$2; shift 2 ;;
        --expect) expect=$2; shift 2 ;;
        --basic-auth) basic=$2; shift 2 ;;
        --backfill) backfill=$2; shift 2 ;;
        *) usage ;;
        esac
    done
    command -v prometheus >/dev/null || die "prometheus is not installed (Debian: prometheus; quickstart.sh)"
    mkdir -p "$dir/data" "$dir/targets"
    [[ -f $dir/pid ]] && die "$dir already runs a lab"
    if [[ -n $backfill ]]; then
        command -v promtool >/dev/null || die "promtool is not installed (Debian: prometheus)"
        promtool tsdb create-blocks-from openmetrics "$backfill" "$dir/data" >>"$dir/promtool.log" 2>&1 \
            || { tail -n 20 "$dir/promtool.log" >&2; die "promtool could not backfill $backfill"; }
    fi

    cat >"$dir/prometheus.yml" <<YAML
global:
  scrape_interval: $interval
  scrape_timeout: $interval
  evaluation_interval: $interval
scrape_configs:
  - job_name: lab
    file_sd_configs:
      - files: ['$dir/targets/*.json']
        refresh_interval: 1s
YAML
    local webargs=()
    if [[ -n $basic ]]; then
        local user=${basic%%:*} password=${basic#*:} hash
        # Cost 4: a test's every request is checked; the hash format is what matters here, not its strength.
        hash=$(python3 -W ignore -c 'import crypt, sys
print(crypt.crypt(sys.argv[1], crypt.mksalt(crypt.METHOD_BLOWFISH, rounds=16)))' "$password")
        printf 'basic_auth_users:\n  %s: %s\n' "$user" "$hash" >"$dir/web.yml"
        webargs=(--web.config.file="$dir/web.yml")
    fi
    local port url
    port=$(free_port)
    url="http://127.0.0.1:$port/"
    setsid prometheus --config.file="$dir/prometheus.yml" --storage.tsdb.path="$dir/data" \
        --web.listen-address="127.0.0.1:$port" --log.level=warn "${webargs[@]}" \
        </dev/null >>"$dir/prometheus.log" 2>&1 &
    local pid=$!
    echo "$pid" >"$dir/pid"
    local deadline=$((SECONDS + 60))
    while if ((expect == 0)); then ! is_ready "$url" "$basic"; else (($(up_count "$url" "$basic") < expect)); fi; do
        if ! kill -0 "$pid" 2>/dev/null; then
            tail -n 20 "$dir/prometheus.log" >&2 || true
            rm -f "$dir/pid"
            die "prometheus exited"
        fi
        if ((SECONDS >= deadline)); then
            stop_lab "$dir"
            die "timed out waiting for count(up == 1) >= $expect"
        fi
        sleep 0.2
    done
    printf 'LAB_PROMETHEUS_URL=%s\nLAB_PROMETHEUS_PORT=%s\nLAB_PROMETHEUS_PID=%s\n' "$url" "$port" "$pid" >"$dir/lab.env"
    echo ready
}

(($# >= 2)) || usage
case $1 in
start) start_lab "${@:2}" ;;
stop) stop_lab "$2" ;;
*) usage ;;
esac
