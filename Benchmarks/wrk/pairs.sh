#!/usr/bin/env bash
# Writes the (token, conversation) pairs wrk's chat.lua rotates over: for the first N seeded
# users (default 200), a token from `plutus token` and a conversation from POST chat/start.
#   Benchmarks/wrk/pairs.sh [N] > pairs.lua     (DATABASE_URL and PLUTUS_JWT_SECRET set; the API up)
set -euo pipefail
N=${1:-200}
API=${PLUTUS_API_URL:-http://127.0.0.1:8080}
PLUTUS=${PLUTUS:-$(cd "$(dirname "$0")/../.." && pwd)/.build/release/plutus}
echo "return {"
for user in $(psql "$DATABASE_URL" -Atc "SELECT id FROM users ORDER BY id LIMIT $N"); do
  token=$("$PLUTUS" token --user "$user")
  conversation=$(curl -fsS -X POST -H "Authorization: Bearer $token" -H 'content-type: application/json' -d '{}' \
    "$API/api/v1/plutus/chat/start" | python3 -c 'import json,sys; print(json.load(sys.stdin)["conversation_id"])')
  echo "  {\"$token\", \"$conversation\"},"
done
echo "}"
