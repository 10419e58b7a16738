#!/usr/bin/env bash
# This checkout's PostgreSQL and Redis, for development and tests.
#
#   deploy/local/services.sh up     install missing packages, start both, write .data/services.env
#   deploy/local/services.sh down   stop both
#   deploy/local/services.sh env    print the environment (DATABASE_URL, REDIS_URL)
source "$(dirname "$0")/common.sh"
HERE=$(dirname "$0")

case "${1:-}" in
  up)
    bash "$HERE/deps.sh"
    database_url=$(bash "$HERE/postgres.sh" start)
    redis_url=$(bash "$HERE/redis.sh" start)
    mkdir -p "$DATA_DIR"
    printf 'DATABASE_URL=%s\nREDIS_URL=%s\n' "$database_url" "$redis_url" >"$DATA_DIR/services.env"
    cat "$DATA_DIR/services.env"
    ;;
  down)
    bash "$HERE/redis.sh" stop
    bash "$HERE/postgres.sh" stop
    ;;
  env)
    [ -s "$DATA_DIR/services.env" ] || die "no services started yet: run $0 up"
    cat "$DATA_DIR/services.env"
    ;;
  *) echo "usage: $0 up|down|env" >&2; exit 2 ;;
esac
