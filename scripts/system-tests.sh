#!/usr/bin/env bash
# Inside a display and a private session bus (see scripts/test.sh): starts an unlocked
# gnome-keyring in a throw-away data folder, then runs the tests that need them.
set -euo pipefail
cd "$(dirname "$0")/.."
export XDG_DATA_HOME="$(mktemp -d)" XDG_CONFIG_HOME="$(mktemp -d)" XDG_CACHE_HOME="$(mktemp -d)"
trap 'rm -rf "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME"' EXIT
echo -n "test-keyring-password" | gnome-keyring-daemon --daemonize --unlock --components=secrets >/dev/null
# WebKitWebDriver allows one session at a time: the end-to-end tests run one by one.
cargo test --features system-tests --test keyring_secret_service --test e2e -- --test-threads=1 "$@" 2>&1 \
  | grep -vE 'dbus-daemon|xdg-desktop-portal|pw\.conf|PipeWire|RealtimeKit|a11y|atspi|Failed to set fd limit|max threads value|^$|^\*\*'
exit "${PIPESTATUS[0]}"
