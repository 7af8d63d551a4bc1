#!/usr/bin/env bash
# Builds TrustHub Desk (release) and starts it. Installs missing system packages first.
# Extra arguments go to the app, e.g. `scripts/start.sh --demo`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh build
cargo build --release
exec target/release/trusthub-desk "$@"
