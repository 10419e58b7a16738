#!/usr/bin/env bash
# Fails when the committed generated code differs from what Protos/generate.sh produces now.
set -euo pipefail
export LC_ALL=C

root=$(cd "$(dirname "$0")/.." && pwd)
fresh=$(mktemp -d)
trap 'rm -rf "$fresh"' EXIT

bash "$root/Protos/generate.sh" "$fresh"

stale=()
for dir in Sources/PlutusProtoC Sources/PlutusWire/Generated; do
  while IFS= read -r line; do stale+=("$line"); done < <(diff -rq "$root/$dir" "$fresh/$dir" 2>&1 || true)
done
if [ ${#stale[@]} -gt 0 ]; then
  echo "check-generated: the generated code is stale; run 'make generate' (Protos/generate.sh) and commit:" >&2
  for line in "${stale[@]}"; do
    line=${line//$fresh\//(regenerated) }
    echo "  ${line//$root\//}" >&2
  done
  exit 1
fi
echo "check-generated: generated code is up to date"
