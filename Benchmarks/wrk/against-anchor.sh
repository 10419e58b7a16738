#!/usr/bin/env bash
# Measures Plutus's HTTP API exactly as the seed-stack anchor measures itself (its bench_wrk.py: wrk's
# numbers plus the CPU time of the server's process tree, PostgreSQL and Redis per request), so the two
# can be compared from one window. Run from Benchmarks/ with a release cluster up (`plutus up`), pairs.lua
# written by wrk/pairs.sh, and the anchor copied to ANCHOR (default /var/tmp/seed-stack).
#   wrk/against-anchor.sh [OUT.jsonl]        knobs: DURATION=15 WARMUP=5 CONCURRENCY="1 16 64"
set -euo pipefail
OUT=${1:-against-anchor.jsonl}
ANCHOR=${ANCHOR:-/var/tmp/seed-stack}
DURATION=${DURATION:-15}
WARMUP=${WARMUP:-5}
CONCURRENCY=${CONCURRENCY:-"1 16 64"}
BASE=${PLUTUS_API_URL:-http://127.0.0.1:8080}
export WRK_DIR=wrk PAIRS=pairs.lua

pid_of() { pgrep -f "$1" | head -n 1 || true; }
SERVER=$(pid_of "plutus up")
POSTGRES=$(pid_of "postgres -D")
REDIS=$(pid_of "redis-server.*:${REDIS_PORT:-26379}")
if [ -z "$SERVER" ] || [ -z "$POSTGRES" ] || [ -z "$REDIS" ]; then
  echo "start the cluster first (plutus up)" >&2
  exit 1
fi
[ -f pairs.lua ] || { echo "write pairs.lua first: wrk/pairs.sh 200 > pairs.lua" >&2; exit 1; }

for endpoint in chat context; do
  wrk -t1 -c16 -d"${WARMUP}s" -s "wrk/$endpoint.lua" "$BASE" >/dev/null
  for c in $CONCURRENCY; do
    python3 "$ANCHOR/bench_wrk.py" "$BASE" "wrk/$endpoint.lua" "$c" "$DURATION" "$OUT" \
      "$SERVER" "$POSTGRES" "$REDIS" run=plutus endpoint="$endpoint"
  done
done
