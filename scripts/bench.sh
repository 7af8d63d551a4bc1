#!/usr/bin/env bash
# The performance benchmark (on demand; takes about 20 minutes from cold). Builds the
# release app, its .deb and a bare Tauri window with the same profile, measures both
# under Xvfb, runs the soak (a day's work of visits), and writes docs/PERFORMANCE.md with
# the machine and the date.
#   scripts/bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
scripts/deps.sh test
command -v tauri-driver >/dev/null 2>&1 || cargo install tauri-driver --version "^2" --locked

echo "== release builds: the app with its .deb, and the bare window"
npx --yes @tauri-apps/cli@2.12.5 build --bundles deb --ci
(cd bench/bare-window && cp ../../Cargo.lock . && CARGO_TARGET_DIR=../../target cargo build --release)

sections="$(mktemp -d)"
trap 'rm -rf "$sections"' EXIT
export BENCH_APP="$PWD/target/release/trusthub-desk"
export BENCH_BARE="$PWD/target/release/bare-window"
export BENCH_DEB="$(ls -t "$PWD"/target/release/bundle/deb/*.deb | head -1)"
export BENCH_OUT="$sections/1-main.md"
export BENCH_SOAK_OUT="$sections/2-soak.md"
export BENCH_OVERVIEW_OUT="$sections/1b-overview.md"
export BENCH_WATCH_OUT="$sections/1c-watch.md"
echo "== measuring"
xvfb-run -a -s "-screen 0 1280x900x24" dbus-run-session -- \
  scripts/system-tests.sh --test bench -- --ignored --nocapture --test-threads=1
# The figures, then what they mean and what was done about them (kept by hand).
cat "$sections"/*.md <(echo) docs/performance-notes.md > docs/PERFORMANCE.md
echo "== written to docs/PERFORMANCE.md"
