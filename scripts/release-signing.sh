#!/usr/bin/env bash
# The signing plan of one release build (.github/workflows/release.yml, on each system).
# Reads the signing secrets from the environment; for each kind of signature it either
# sets up what the Tauri CLI needs or says in the log that it is skipped and why. Writes
# the configuration overlay for `tauri build --config` and hands the variables the CLI
# reads to the next steps through $GITHUB_ENV. docs/RELEASING.md names every secret.
#   UPDATER_KEY, UPDATER_KEY_PASSWORD            update signatures and latest.json
#   APPLE_CERTIFICATE, APPLE_CERTIFICATE_PASSWORD, APPLE_SIGNING_IDENTITY   macOS signing
#   APPLE_ID, APPLE_PASSWORD, APPLE_TEAM_ID      macOS notarization
#   WINDOWS_CERTIFICATE_THUMBPRINT               Windows signing (set by the step that imports the .pfx)
#   UPDATER_PUBKEY                               the public key to check against (tests; default tauri.conf.json's)
set -euo pipefail
cd "$(dirname "$0")/.."
overlay="${RUNNER_TEMP:-$(mktemp -d)}/release.conf.json"
github_env="${GITHUB_ENV:-/dev/null}"
os="${RUNNER_OS:-Linux}"
updater=false
thumbprint=""
skip() { echo "::warning title=Signing skipped::$1"; }
# Hands a variable to the next steps; the delimiter form keeps a value with line breaks whole.
pass_on() { printf '%s<<TRUSTHUB_DESK_END\n%s\nTRUSTHUB_DESK_END\n' "$1" "$2" >> "$github_env"; }

if [ -n "${UPDATER_KEY:-}" ]; then
  # A release signed with another key than the app trusts would be refused by every
  # installed copy: stop here instead.
  probe=$(mktemp -d)
  echo "TrustHub Desk signing key check" > "$probe/probe"
  TAURI_SIGNING_PRIVATE_KEY="$UPDATER_KEY" TAURI_SIGNING_PRIVATE_KEY_PASSWORD="${UPDATER_KEY_PASSWORD:-}" \
    npx --yes @tauri-apps/cli@2.12.5 signer sign "$probe/probe" >/dev/null
  node scripts/updater-key-check.mjs "$probe/probe.sig" ${UPDATER_PUBKEY:+"$UPDATER_PUBKEY"}
  rm -rf "$probe"
  updater=true
  pass_on TAURI_SIGNING_PRIVATE_KEY "$UPDATER_KEY"
  pass_on TAURI_SIGNING_PRIVATE_KEY_PASSWORD "${UPDATER_KEY_PASSWORD:-}"
  echo "Update signatures: on (installers signed for the updater, latest.json published)"
else
  skip "update signatures and latest.json: the TAURI_SIGNING_PRIVATE_KEY secret is not set, so installed copies will not be offered this release."
fi

case "$os" in
  macOS)
    if [ -n "${APPLE_CERTIFICATE:-}" ] && [ -n "${APPLE_CERTIFICATE_PASSWORD:-}" ]; then
      pass_on APPLE_CERTIFICATE "$APPLE_CERTIFICATE"
      pass_on APPLE_CERTIFICATE_PASSWORD "$APPLE_CERTIFICATE_PASSWORD"
      if [ -n "${APPLE_SIGNING_IDENTITY:-}" ]; then pass_on APPLE_SIGNING_IDENTITY "$APPLE_SIGNING_IDENTITY"; fi
      echo "macOS code signing: on"
      if [ -n "${APPLE_ID:-}" ] && [ -n "${APPLE_PASSWORD:-}" ] && [ -n "${APPLE_TEAM_ID:-}" ]; then
        pass_on APPLE_ID "$APPLE_ID"
        pass_on APPLE_PASSWORD "$APPLE_PASSWORD"
        pass_on APPLE_TEAM_ID "$APPLE_TEAM_ID"
        echo "macOS notarization: on"
      else
        skip "macOS notarization: APPLE_ID, APPLE_PASSWORD or APPLE_TEAM_ID is not set; macOS will ask people to allow the app in System Settings."
      fi
    else
      skip "macOS code signing and notarization: APPLE_CERTIFICATE or APPLE_CERTIFICATE_PASSWORD is not set; macOS will refuse to open the app until it is allowed in System Settings."
    fi
    ;;
  Windows)
    if [ -n "${WINDOWS_CERTIFICATE_THUMBPRINT:-}" ]; then
      thumbprint="$WINDOWS_CERTIFICATE_THUMBPRINT"
      echo "Windows code signing: on"
    else
      skip "Windows code signing: the WINDOWS_CERTIFICATE secret is not set; SmartScreen will warn before the installer runs."
    fi
    ;;
esac

UPDATER="$updater" THUMBPRINT="$thumbprint" node -e '
  const config = {};
  if (process.env.UPDATER === "true") config.bundle = { createUpdaterArtifacts: true };
  if (process.env.THUMBPRINT) {
    config.bundle = { ...config.bundle, windows: {
      certificateThumbprint: process.env.THUMBPRINT,
      digestAlgorithm: "sha256",
      timestampUrl: "http://timestamp.digicert.com",
    } };
  }
  require("node:fs").writeFileSync(process.argv[1], JSON.stringify(config, null, 2));
' "$overlay"
echo "Configuration overlay ($overlay):"
cat "$overlay"; echo
[ -n "${GITHUB_OUTPUT:-}" ] && echo "config=$overlay" >> "$GITHUB_OUTPUT"
exit 0
