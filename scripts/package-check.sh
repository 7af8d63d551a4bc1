#!/usr/bin/env bash
# Packaging check: builds the release .deb with the Tauri CLI, installs it with dpkg
# (apt resolves its dependencies), starts the installed app under Xvfb and waits for its
# window. Run by scripts/test.sh in CI; on your own machine it installs the package.
#   scripts/package-check.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"

echo "== building the .deb (the ci profile: release rules, dependencies shared with the tests)"
started=$(date +%s)
npx --yes @tauri-apps/cli@2.12.5 build --bundles deb --ci -- --profile ci
deb=$(ls -t target/ci/bundle/deb/*.deb | head -1)
echo "built $deb: $(stat -c %s "$deb") bytes in $(( $(date +%s) - started )) s"

echo "== installing it"
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "./$deb" >/dev/null
package=$(dpkg-deb -f "$deb" Package)
dpkg -s "$package" | grep -E '^(Package|Version|Installed-Size|Depends):'
test -x /usr/bin/trusthub-desk
test -f "/usr/share/applications/TrustHub Desk.desktop"

echo "== starting the installed app and looking for its window"
cat > /tmp/trusthub-desk-window-check.sh <<'INNER'
#!/usr/bin/env bash
set -euo pipefail
export XDG_CONFIG_HOME="$(mktemp -d)" XDG_DATA_HOME="$(mktemp -d)"
/usr/bin/trusthub-desk --demo >/tmp/trusthub-desk-installed.log 2>&1 &
app=$!
for _ in $(seq 1 150); do
  if xwininfo -root -tree 2>/dev/null | grep -q '"TrustHub Desk"'; then
    echo "the installed app shows its window \"TrustHub Desk\""
    kill "$app"; wait "$app" 2>/dev/null || true
    exit 0
  fi
  kill -0 "$app" 2>/dev/null || { echo "the installed app exited:"; cat /tmp/trusthub-desk-installed.log; exit 1; }
  sleep 0.2
done
echo "no window after 30 s"; kill "$app" || true; exit 1
INNER
chmod +x /tmp/trusthub-desk-window-check.sh
if [ -n "${DISPLAY:-}" ] && [ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
  /tmp/trusthub-desk-window-check.sh
else
  xvfb-run -a dbus-run-session -- /tmp/trusthub-desk-window-check.sh
fi

echo "== the installed release build: credentials saved for Twilio go nowhere else"
# The override accepts only Twilio and this computer in a release build; a TLS server on
# 127.0.0.1 with its own test CA records that nothing arrives with the saved secret.
export TRUSTHUB_DESK_RELEASE_APP=/usr/bin/trusthub-desk
if [ -n "${DISPLAY:-}" ] && [ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
  scripts/system-tests.sh --test e2e -- --ignored release_
else
  xvfb-run -a -s "-screen 0 1280x900x24" dbus-run-session -- scripts/system-tests.sh --test e2e -- --ignored release_
fi
