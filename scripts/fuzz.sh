#!/usr/bin/env bash
# Fuzzes the parsing of TrustHub answers and error bodies for a bounded time (default 60 s).
# Needs a nightly toolchain (cargo-fuzz is installed if missing). Any input that crashes
# the parser is copied to tests/fuzz-regressions/, where `cargo test` replays it for good.
#   scripts/fuzz.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
rustup toolchain list | grep -q nightly || { echo "fuzzing needs a nightly toolchain: rustup toolchain install nightly" >&2; exit 2; }
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
mkdir -p fuzz/corpus/responses
cp tests/fuzz-regressions/* fuzz/corpus/responses/ 2>/dev/null || true
status=0
cargo +nightly fuzz run responses fuzz/corpus/responses -- -max_total_time="$seconds" -max_len=65536 || status=$?
for crash in fuzz/artifacts/responses/crash-* fuzz/artifacts/responses/oom-* fuzz/artifacts/responses/timeout-*; do
  [ -e "$crash" ] || continue
  cp "$crash" tests/fuzz-regressions/
  echo "kept $crash as tests/fuzz-regressions/$(basename "$crash")"
done
exit "$status"
