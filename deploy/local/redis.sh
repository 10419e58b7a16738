#!/usr/bin/env bash
# A private Redis server for this checkout, under .data/ (not the system service).
#
#   deploy/local/redis.sh start|stop|restart|kill|status|url [--name NAME] [--port PORT]
#
# Defaults: --name main --port ${PLUTUS_REDIS_PORT:-26379}. `start` is idempotent and prints the
# URL: redis://127.0.0.1:PORT/0. No persistence: it is a cache and a test server.
# shellcheck source=deploy/local/common.sh
source "$(dirname "$0")/common.sh"

command=${1:-}; shift || true
parse_instance_args "${PLUTUS_REDIS_PORT:-26379}" "$@"

DIR=$DATA_DIR/redis-$NAME
PIDFILE=$RUN_DIR/redis-$NAME.pid
URL="redis://127.0.0.1:$PORT/0"

ready() { redis-cli -h 127.0.0.1 -p "$PORT" ping 2>/dev/null | grep -q PONG; }
pid() { [ -s "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null && cat "$PIDFILE"; }

start() {
  if ready; then
    pid >/dev/null || die "something else answers on Redis port $PORT: set PLUTUS_REDIS_PORT or --port"
    echo "$URL"
    return
  fi
  command -v redis-server >/dev/null || die "redis-server not found (run deploy/local/deps.sh)"
  mkdir -p "$DIR" "$RUN_DIR"
  log "starting Redis '$NAME' on 127.0.0.1:$PORT"
  redis-server --port "$PORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
    --pidfile "$PIDFILE" --logfile "$DIR/redis.log" --dir "$DIR" --maxclients 4000
  for _ in $(seq 100); do ready && break; sleep 0.05; done
  ready || { tail -n 20 "$DIR/redis.log" >&2; die "Redis '$NAME' did not start"; }
  echo "$URL"
}

stop() {
  local p
  p=$(pid) || return 0
  log "stopping Redis '$NAME' (pid $p)"
  signal_and_wait TERM "$p"
}

kill_server() {
  local p
  p=$(pid) || return 0
  signal_and_wait KILL "$p"
}

run_command "$command"
