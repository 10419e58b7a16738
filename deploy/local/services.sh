#!/usr/bin/env bash
# This checkout's PostgreSQL and Redis (and ChromaDB, for the vector store's Chroma backend), for
# development and tests.
#
#   deploy/local/services.sh up     install missing packages, start them, write .data/services.env
#   deploy/local/services.sh down   stop them
#
# ChromaDB is optional: when pip cannot install it or it does not start, services.env has no CHROMA_URL
# and the Chroma backend's tests say they were skipped, and why. PLUTUS_CHROMA=off skips it.
#   deploy/local/services.sh env    print the environment (DATABASE_URL, REDIS_URL and the dev secrets)
#
# The development secrets (PLUTUS_DATA_KEY, PLUTUS_JWT_SECRET) are made once, at random, into
# .data/secrets.env and kept: data sealed with the key stays readable across restarts.
# shellcheck source=deploy/local/common.sh
source "$(dirname "$0")/common.sh"
HERE=$(dirname "$0")

case "${1:-}" in
  up)
    bash "$HERE/deps.sh"
    database_url=$(bash "$HERE/postgres.sh" start)
    redis_url=$(bash "$HERE/redis.sh" start)
    mkdir -p "$DATA_DIR"
    if [ ! -s "$DATA_DIR/secrets.env" ]; then
      (umask 077 && printf 'PLUTUS_DATA_KEY=dev1:%s\nPLUTUS_JWT_SECRET=%s\n' \
        "$(head -c 32 /dev/urandom | base64 -w0)" "$(head -c 32 /dev/urandom | base64 -w0)" >"$DATA_DIR/secrets.env")
    fi
    chroma_url=""
    if [ "${PLUTUS_CHROMA:-on}" != off ]; then
      chroma_url=$(bash "$HERE/chroma.sh" start) || log "ChromaDB is not available: the Chroma backend's tests will be skipped"
    fi
    printf 'DATABASE_URL=%s\nREDIS_URL=%s\n' "$database_url" "$redis_url" >"$DATA_DIR/services.env"
    [ -z "$chroma_url" ] || printf 'CHROMA_URL=%s\n' "$chroma_url" >>"$DATA_DIR/services.env"
    cat "$DATA_DIR/secrets.env" >>"$DATA_DIR/services.env"
    grep -v -E '^PLUTUS_(DATA_KEY|JWT_SECRET)=' "$DATA_DIR/services.env"
    echo "(development secrets: $DATA_DIR/secrets.env)"
    ;;
  down)
    bash "$HERE/chroma.sh" stop
    bash "$HERE/redis.sh" stop
    bash "$HERE/postgres.sh" stop
    ;;
  env)
    [ -s "$DATA_DIR/services.env" ] || die "no services started yet: run $0 up"
    cat "$DATA_DIR/services.env"
    ;;
  *) echo "usage: $0 up|down|env" >&2; exit 2 ;;
esac
