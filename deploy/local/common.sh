# shellcheck shell=bash
# Shared by the deploy/local scripts: paths of this checkout and small helpers. Source it; don't run it.
set -euo pipefail

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
DATA_DIR=${PLUTUS_DATA_DIR:-$REPO_ROOT/.data}
# shellcheck disable=SC2034  # used by the scripts that source this file
RUN_DIR=$DATA_DIR/run
# shellcheck disable=SC2034
LOG_DIR=$DATA_DIR/logs

log() { echo "[$(basename "$0") $(date +%H:%M:%S)] $*" >&2; }
die() { log "error: $*"; exit 1; }

is_root() { [ "$(id -u)" = 0 ]; }

# Sends signal $1 (TERM, KILL) to pid $2 and waits up to 5 s for it to exit.
signal_and_wait() {
  kill "-$1" "$2" 2>/dev/null || return 0
  for _ in $(seq 100); do kill -0 "$2" 2>/dev/null || break; sleep 0.05; done
}

# parse_instance_args DEFAULT_PORT "$@": sets NAME and PORT from --name/--port (defaults: main, DEFAULT_PORT).
parse_instance_args() {
  local default_port=$1; shift
  NAME=main PORT=$default_port
  while [ $# -gt 0 ]; do
    case "$1" in
      --name) NAME=${2:?--name needs a value}; shift 2 ;;
      --port) PORT=${2:?--port needs a value}; shift 2 ;;
      *) die "unknown argument: $1" ;;
    esac
  done
  [[ "$NAME" =~ ^[A-Za-z0-9_-]+$ ]] || die "--name must be letters, digits, - or _: '$NAME'"
  if ! [[ "$PORT" =~ ^[0-9]+$ ]] || [ "$PORT" -lt 1 ] || [ "$PORT" -gt 65535 ]; then
    die "--port must be 1-65535: '$PORT'"
  fi
}

# Carries out a server script's command with the functions the script defines
# (start, stop, kill_server, ready) and its $URL.
run_command() {
  case "$1" in
    start) start ;;
    stop) stop ;;
    restart) stop; start ;;
    kill) kill_server ;;
    status) if ready; then echo "accepting connections: $URL"; else echo "not running"; exit 3; fi ;;
    url) echo "$URL" ;;
    *) echo "usage: $0 start|stop|restart|kill|status|url [--name NAME] [--port PORT]" >&2; exit 2 ;;
  esac
}
