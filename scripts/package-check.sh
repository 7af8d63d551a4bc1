#!/usr/bin/env bash
# Packaging check: builds the release .deb with the Tauri CLI, installs it with dpkg
# (apt resolves its dependencies), starts the installed app under Xvfb and waits for its
# window; then builds the next version, signed, and shows the installed app refusing it
# altered and updating itself to it as signed. Run by scripts/test.sh in CI; on your own
# machine it installs the package (the next version stays installed).
#   scripts/package-check.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"

tauri() { npx --yes @tauri-apps/cli@2.12.5 "$@"; }

# A signing key made for this check only: the packages built here trust it instead of the
# project's release key (docs/RELEASING.md), which never leaves the repository's secrets.
keys=$(mktemp -d)
trap 'rm -rf "$keys"' EXIT
tauri signer generate --ci -p "" -w "$keys/update.key" >/dev/null
pubkey=$(cat "$keys/update.key.pub")
version=$(node -p "require('./tauri.conf.json').version")
next=$(node -p "const v = require('./tauri.conf.json').version.split('.'); v[2] = Number(v[2]) + 1; v.join('.')")

echo "== building the .deb of version $version (the ci profile: release rules, dependencies shared with the tests)"
started=$(date +%s)
tauri build --bundles deb --ci --config "{\"plugins\": {\"updater\": {\"pubkey\": \"$pubkey\"}}}" -- --profile ci
deb="target/ci/bundle/deb/TrustHub Desk_${version}_amd64.deb"
echo "built $deb: $(stat -c %s "$deb") bytes in $(( $(date +%s) - started )) s"

echo "== installing it"
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends --reinstall --allow-downgrades "./$deb" >/dev/null
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
  # Its own session bus: a keyring the app wakes there must not stand in for the unlocked
  # one the tests below start.
  dbus-run-session -- /tmp/trusthub-desk-window-check.sh
else
  xvfb-run -a dbus-run-session -- /tmp/trusthub-desk-window-check.sh
fi

echo "== the installed release build: credentials saved for Twilio go nowhere else"
# The override accepts only Twilio and this computer in a release build; a TLS server on
# 127.0.0.1 with its own test CA records that nothing arrives with the saved secret.
export TRUSTHUB_DESK_RELEASE_APP=/usr/bin/trusthub-desk
if [ -n "${DISPLAY:-}" ] && [ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
  scripts/system-tests.sh --test e2e -- --ignored release_credentials_
else
  xvfb-run -a -s "-screen 0 1280x900x24" dbus-run-session -- scripts/system-tests.sh --test e2e -- --ignored release_credentials_
fi

echo "== the release workflow's signing plan: the app's key accepted, another refused, none skipped with a word"
plan=$(UPDATER_KEY="$(cat "$keys/update.key")" UPDATER_KEY_PASSWORD="" UPDATER_PUBKEY="$pubkey" scripts/release-signing.sh)
grep -q '"createUpdaterArtifacts": true' <<<"$plan"
if UPDATER_KEY="$(cat "$keys/update.key")" UPDATER_KEY_PASSWORD="" scripts/release-signing.sh >/dev/null 2>&1; then
  echo "the signing plan accepted a key whose public half the app does not hold"; exit 1
fi
plan=$(scripts/release-signing.sh)
grep -q 'Signing skipped::update signatures and latest.json' <<<"$plan"
echo "ok"

echo "== version $next, signed: the installed app refuses it altered or as another system's package, then updates itself to it"
started=$(date +%s)
# The .rpm, signed as genuinely as the .deb, is what a feed could offer a .deb install.
TAURI_SIGNING_PRIVATE_KEY="$(cat "$keys/update.key")" TAURI_SIGNING_PRIVATE_KEY_PASSWORD="" \
  tauri build --bundles deb,rpm --ci --config "{\"version\": \"$next\", \"bundle\": {\"createUpdaterArtifacts\": true}, \"plugins\": {\"updater\": {\"pubkey\": \"$pubkey\"}}}" -- --profile ci
update="target/ci/bundle/deb/TrustHub Desk_${next}_amd64.deb"
other=$(ls target/ci/bundle/rpm/*"${next}"*.rpm)
echo "built $update, $other and their signatures in $(( $(date +%s) - started )) s"
export TRUSTHUB_DESK_PACKAGE="$package" TRUSTHUB_DESK_UPDATE_VERSION="$next" TRUSTHUB_DESK_UPDATE_PACKAGE="$PWD/$update" TRUSTHUB_DESK_UPDATE_DIR="$PWD/$(dirname "$update")" TRUSTHUB_DESK_UPDATE_OTHER_PACKAGE="$PWD/$other"
if [ -n "${DISPLAY:-}" ] && [ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
  scripts/system-tests.sh --test e2e -- --ignored release_update_
else
  xvfb-run -a -s "-screen 0 1280x900x24" dbus-run-session -- scripts/system-tests.sh --test e2e -- --ignored release_update_
fi
dpkg -s "$package" | grep -E '^Version:'
