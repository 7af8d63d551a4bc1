#!/usr/bin/env bash
# Regenerates docs/screenshots/ from the end-to-end tests, which run against the demo
# sandbox. Needs what scripts/test.sh installs. An installed copy offering and refusing an
# update, and its About panel (update-offer.png, update-refused.png, about.png), come from
# the packaging check instead: run scripts/package-check.sh under xvfb-run and
# dbus-run-session with TRUSTHUB_DESK_SCREENSHOTS="$PWD/docs/screenshots".
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p docs/screenshots
export TRUSTHUB_DESK_SCREENSHOTS="$PWD/docs/screenshots"
xvfb-run -a -s "-screen 0 1280x900x24" dbus-run-session -- scripts/system-tests.sh --test e2e
