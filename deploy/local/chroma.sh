#!/usr/bin/env bash
# A private ChromaDB server for this checkout (the vector store's Chroma backend is tested against it).
#
#   deploy/local/chroma.sh start|stop|restart|kill|status|url [--name NAME] [--port PORT]
#
# Defaults: --name main --port ${PLUTUS_CHROMA_PORT:-28000}. `start` installs ChromaDB ${CHROMA_VERSION:-1.5.9}
# from PyPI into .data/chroma-venv once, is idempotent, and prints the URL: http://127.0.0.1:PORT.
# shellcheck source=deploy/local/common.sh
source "$(dirname "$0")/common.sh"

command=${1:-}; shift || true
parse_instance_args "${PLUTUS_CHROMA_PORT:-28000}" "$@"

VERSION=${CHROMA_VERSION:-1.5.9}
VENV=$DATA_DIR/chroma-venv
DIR=$DATA_DIR/chroma-$NAME
PIDFILE=$RUN_DIR/chroma-$NAME.pid
URL="http://127.0.0.1:$PORT"

ready() { curl -fsS -m 1 "$URL/api/v2/heartbeat" >/dev/null 2>&1; }
pid() { [ -s "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null && cat "$PIDFILE"; }

install() {
  [ -x "$VENV/bin/chroma" ] && "$VENV/bin/python" -c "import chromadb; assert chromadb.__version__ == '$VERSION'" 2>/dev/null && return
  log "installing ChromaDB $VERSION into $VENV (pip)"
  python3 -m venv "$VENV" || die "python3 -m venv failed (apt-get install python3-venv)"
  "$VENV/bin/pip" install -q "chromadb==$VERSION" >&2 || die "pip could not install chromadb==$VERSION"
}

start() {
  if ready; then
    pid >/dev/null || die "something else answers on ChromaDB port $PORT: set PLUTUS_CHROMA_PORT or --port"
    echo "$URL"
    return
  fi
  install
  mkdir -p "$DIR" "$RUN_DIR"
  log "starting ChromaDB '$NAME' on 127.0.0.1:$PORT"
  cd "$DIR" || die "cannot enter $DIR"
  setsid "$VENV/bin/chroma" run --path "$DIR/data" --host 127.0.0.1 --port "$PORT" </dev/null >"$DIR/chroma.log" 2>&1 &
  echo $! >"$PIDFILE"
  for _ in $(seq 300); do ready && break; sleep 0.1; done
  ready || { tail -n 20 "$DIR/chroma.log" >&2; die "ChromaDB '$NAME' did not start"; }
  echo "$URL"
}

stop() {
  local p
  p=$(pid) || return 0
  log "stopping ChromaDB '$NAME' (pid $p)"
  signal_and_wait TERM "$p"
  rm -f "$PIDFILE"
}

kill_server() {
  local p
  p=$(pid) || return 0
  signal_and_wait KILL "$p"
  rm -f "$PIDFILE"
}

run_command "$command"
