#!/usr/bin/env bash
# Regenerates docs/screenshots/ from the end-to-end tests, which run against the demo
# sandbox. Needs what scripts/test.sh installs.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p docs/screenshots
export TRUSTHUB_DESK_SCREENSHOTS="$PWD/docs/screenshots"
xvfb-run -a -s "-screen 0 1280x900x24" dbus-run-session -- scripts/system-tests.sh --test e2e
