#!/usr/bin/env bash
# The performance benchmark (on demand; takes about 15 minutes from cold). Builds the
# release app, its .deb and a bare Tauri window with the same profile, then measures
# both under Xvfb and writes docs/PERFORMANCE.md with the machine and the date.
#   scripts/bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
scripts/deps.sh test
command -v tauri-driver >/dev/null 2>&1 || cargo install tauri-driver --version "^2" --locked

echo "== release builds: the app with its .deb, and the bare window"
npx --yes @tauri-apps/cli@2.12.5 build --bundles deb --ci
(cd bench/bare-window && cp ../../Cargo.lock . && CARGO_TARGET_DIR=../../target cargo build --release)

export BENCH_APP="$PWD/target/release/trusthub-desk"
export BENCH_BARE="$PWD/target/release/bare-window"
export BENCH_DEB="$(ls -t "$PWD"/target/release/bundle/deb/*.deb | head -1)"
export BENCH_OUT="$PWD/docs/PERFORMANCE.md"
echo "== measuring"
xvfb-run -a -s "-screen 0 1280x900x24" dbus-run-session -- \
  scripts/system-tests.sh --test bench -- --ignored --nocapture
echo "== written to docs/PERFORMANCE.md"
