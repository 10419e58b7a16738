#!/usr/bin/env bash
# Cross-language check: Swift encodes, Python (Google protobuf) decodes and re-encodes, Swift
# decodes again; Python-built messages decode in Swift. It is PlutusWireTests' CompatTests,
# which runs Protos/compat/compat.py; this script runs just that test.
set -euo pipefail
cd "$(dirname "$0")/../.."
swift test --scratch-path "${SCRATCH_PATH:-.build-wire}" --filter 'PlutusWireTests.CompatTests'
