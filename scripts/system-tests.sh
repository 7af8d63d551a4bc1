#!/usr/bin/env bash
# Inside a display and a private session bus (see scripts/test.sh): starts an unlocked
# gnome-keyring in a throw-away data folder, then runs the tests that need them.
set -euo pipefail
cd "$(dirname "$0")/.."
export XDG_DATA_HOME="$(mktemp -d)" XDG_CONFIG_HOME="$(mktemp -d)" XDG_CACHE_HOME="$(mktemp -d)"
trap 'rm -rf "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME"' EXIT
echo -n "test-keyring-password" | gnome-keyring-daemon --daemonize --unlock --components=secrets >/dev/null
# Arguments go to cargo, e.g. `--test e2e`. The end-to-end tests take turns for the one
# window WebKitWebDriver serves; everything else runs in parallel.
# The `ci` profile (Cargo.toml) is shared with the packaging check: dependencies build once.
cargo test --profile ci --features system-tests "$@" 2>&1 \
  | grep -vE 'dbus-daemon|xdg-desktop-portal|pw\.conf|PipeWire|RealtimeKit|a11y|atspi|Failed to set fd limit|max threads value|^$|^\*\*'
exit "${PIPESTATUS[0]}"
