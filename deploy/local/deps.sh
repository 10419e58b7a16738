#!/usr/bin/env bash
# Installs the Debian packages Plutus builds and tests with, when any is missing. Idempotent.
source "$(dirname "$0")/common.sh"

PACKAGES=(libpq-dev libhiredis-dev libcurl4-openssl-dev libprotobuf-c-dev protobuf-c-compiler
          postgresql redis-server python3 python3-protobuf protobuf-compiler)

missing=()
for package in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

log "installing: ${missing[*]}"
SUDO=()
is_root || SUDO=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null 2>&1 || {
  "${SUDO[@]}" apt-get update -q >/dev/null
  "${SUDO[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
}
