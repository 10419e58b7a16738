#!/usr/bin/env bash
# A private PostgreSQL server for this checkout, under .data/ (not the system service).
#
#   deploy/local/postgres.sh start|stop|restart|kill|status|url [--name NAME] [--port PORT]
#
# Defaults: --name main --port ${PLUTUS_PG_PORT:-25432}. `start` is idempotent, creates the role and
# database `plutus`, and prints the URL: postgresql://plutus@127.0.0.1:PORT/plutus. Other names give
# independent servers (tests that restart a server use their own). PostgreSQL refuses to run as
# root, so as root the server runs as the `postgres` user; tuned for tests (no fsync) and bulk
# loads (512 MB of shared buffers, checkpoints every 4 GB of WAL: `plutus seed` of 10,000 households).
# shellcheck source=deploy/local/common.sh
source "$(dirname "$0")/common.sh"

command=${1:-}; shift || true
parse_instance_args "${PLUTUS_PG_PORT:-25432}" "$@"

PG_BIN=${PG_BIN:-$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n 1)}
[ -x "$PG_BIN/pg_ctl" ] || die "PostgreSQL server binaries not found (run deploy/local/deps.sh)"

# As root, the data lives where the postgres user can reach it: under .data/ when every parent
# folder lets it in, otherwise in a folder of its own under /var/tmp named after this checkout.
instance_root() {
  if is_root && ! runuser -u postgres -- test -x "$DATA_DIR" 2>/dev/null; then
    echo "/var/tmp/plutus-$(echo -n "$REPO_ROOT" | md5sum | cut -c1-10)"
  else
    echo "$DATA_DIR"
  fi
}
mkdir -p "$DATA_DIR"
ROOT=$(instance_root)
PGDATA=$ROOT/pg-$NAME
SOCKET_DIR=$ROOT/pg-sockets
URL="postgresql://plutus@127.0.0.1:$PORT/plutus"

# As root, run as postgres from / (it may not be allowed into the caller's folder).
as_owner() { if is_root; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi; }
pg_ctl() { as_owner "$PG_BIN/pg_ctl" -D "$PGDATA" "$@"; }
ready() { "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -t 1; }
psql_admin() { psql -X -q -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 "$@"; }

init_cluster() {
  [ -s "$PGDATA/PG_VERSION" ] && return
  log "initdb $PGDATA"
  mkdir -p "$PGDATA" "$SOCKET_DIR"
  if is_root; then
    [ "$ROOT" = "$DATA_DIR" ] || chown postgres:postgres "$ROOT"
    chown postgres:postgres "$PGDATA" "$SOCKET_DIR"
  fi
  chmod 700 "$PGDATA"
  as_owner "$PG_BIN/initdb" -D "$PGDATA" -U postgres --auth=trust --no-locale -E UTF8 >/dev/null
}

create_database() {
  psql_admin -tAc "SELECT 1 FROM pg_roles WHERE rolname = 'plutus'" | grep -q 1 ||
    psql_admin -c "CREATE ROLE plutus LOGIN SUPERUSER"
  psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname = 'plutus'" | grep -q 1 ||
    psql_admin -c "CREATE DATABASE plutus OWNER plutus"
}

start() {
  init_cluster
  if ready; then
    pg_ctl status >/dev/null 2>&1 ||
      die "another PostgreSQL answers on port $PORT: set PLUTUS_PG_PORT or --port"
    echo "$URL"
    return
  fi
  mkdir -p "$SOCKET_DIR"
  if is_root; then chown postgres:postgres "$SOCKET_DIR"; fi
  log "starting PostgreSQL '$NAME' on 127.0.0.1:$PORT ($PGDATA)"
  # After a crash the old server's processes can take a moment to let go of its shared memory.
  # max_connections: `make test` runs every suite at once, each with its own pools; 200 was
  # reached at the start of a run.
  local attempt
  for attempt in 1 2 3 4 5; do
    pg_ctl -l "$PGDATA/server.log" -w -t 60 -o "-p $PORT -c listen_addresses=127.0.0.1 \
      -c unix_socket_directories=$SOCKET_DIR -c max_connections=400 -c fsync=off \
      -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=512MB -c max_wal_size=4GB" \
      start >/dev/null 2>&1 && break
    [ "$attempt" = 5 ] && { tail -n 20 "$PGDATA/server.log" >&2; die "PostgreSQL '$NAME' did not start"; }
    sleep 1
  done
  for _ in $(seq 100); do ready && break; sleep 0.1; done
  ready || die "PostgreSQL '$NAME' is not accepting connections on port $PORT"
  create_database
  echo "$URL"
}

stop() {
  [ -s "$PGDATA/PG_VERSION" ] || return 0
  if pg_ctl status >/dev/null 2>&1; then
    log "stopping PostgreSQL '$NAME'"
    pg_ctl -m fast -w -t 60 stop >/dev/null
  fi
}

# Ends the server the hard way (SIGKILL to the postmaster), as a crash would.
kill_server() {
  local pid
  pid=$(head -n 1 "$PGDATA/postmaster.pid" 2>/dev/null) || return 0
  kill -9 "$pid" 2>/dev/null || true
  for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
}

run_command "$command"
