#!/usr/bin/env bash
# Writes the `.env` docker compose reads: .env.example with every `replace-me` secret made fresh.
#
#   deploy/docker/make-env.sh [OUTPUT]     # default: .env at the checkout's top; never overwrites
#
# Needs only coreutils (no openssl, no Docker). The file is readable by its owner only.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUTPUT=${1:-$ROOT/.env}
EXAMPLE=$ROOT/.env.example

die() { echo "make-env.sh: $*" >&2; exit 1; }
[ -e "$OUTPUT" ] && die "$OUTPUT exists; remove it first to make new secrets (existing data needs the old PLUTUS_DATA_KEY)"
[ -r "$EXAMPLE" ] || die "$EXAMPLE not found"

hex() { head -c "$1" /dev/urandom | od -An -v -tx1 | tr -d ' \n'; }
base64_bytes() { head -c "$1" /dev/urandom | base64 -w 0; }

# A fresh value for the secret named $1.
secret() {
  case "$1" in
    POSTGRES_PASSWORD | PLUTUS_CLUSTER_TOKEN) hex 24 ;;
    PLUTUS_JWT_SECRET) base64_bytes 48 ;;
    PLUTUS_DATA_KEY) echo "k1:$(base64_bytes 32)" ;;
    *) die ".env.example asks for $1, and this script does not know how to make it" ;;
  esac
}

umask 077
temporary=$(mktemp "$OUTPUT.XXXXXX")
trap 'rm -f "$temporary"' EXIT
while IFS= read -r line || [ -n "$line" ]; do
  if [[ "$line" =~ ^([A-Z0-9_]+)=replace-me$ ]]; then
    echo "${BASH_REMATCH[1]}=$(secret "${BASH_REMATCH[1]}")"
  else
    echo "$line"
  fi
done <"$EXAMPLE" >"$temporary"
mv "$temporary" "$OUTPUT"
trap - EXIT
echo "wrote $OUTPUT"
