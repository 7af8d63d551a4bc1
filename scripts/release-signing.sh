#!/usr/bin/env bash
# The signing of one release build (.github/workflows/release.yml, on each system), after the
# app was built without any secret. Reads the signing secrets from this step's environment;
# for each kind of signature it either prepares what the Tauri CLI needs or says in the log
# that it is skipped and why. Then it runs the given command (the Tauri CLI's `bundle`, which
# runs no compiler and no dependency's code) with the configuration overlay and the signing
# variables: they reach that one process and are never written for later steps. Without a
# command it only prints the plan and the overlay. docs/RELEASING.md names every secret.
#   scripts/release-signing.sh [command...]
#   UPDATER_KEY, UPDATER_KEY_PASSWORD            update signatures and latest.json
#   APPLE_CERTIFICATE, APPLE_CERTIFICATE_PASSWORD, APPLE_SIGNING_IDENTITY   macOS signing
#   APPLE_ID, APPLE_PASSWORD, APPLE_TEAM_ID      macOS notarization
#   WINDOWS_CERTIFICATE_THUMBPRINT               Windows signing (from the step that imports the .pfx)
#   UPDATER_PUBKEY                               the public key to check against (tests; default tauri.conf.json's)
set -euo pipefail
cd "$(dirname "$0")/.."
overlay="${RUNNER_TEMP:-$(mktemp -d)}/release.conf.json"
os="${RUNNER_OS:-Linux}"
updater=false
thumbprint=""
skip() { echo "::warning title=Signing skipped::$1"; }
# What the bundling command gets: only the variables the plan turns on.
signing_env=()

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
  signing_env+=("TAURI_SIGNING_PRIVATE_KEY=$UPDATER_KEY" "TAURI_SIGNING_PRIVATE_KEY_PASSWORD=${UPDATER_KEY_PASSWORD:-}")
  echo "Update signatures: on (installers signed for the updater, latest.json published)"
else
  skip "update signatures and latest.json: the TAURI_SIGNING_PRIVATE_KEY secret is not set, so installed copies will not be offered this release."
fi

case "$os" in
  macOS)
    if [ -n "${APPLE_CERTIFICATE:-}" ] && [ -n "${APPLE_CERTIFICATE_PASSWORD:-}" ]; then
      signing_env+=("APPLE_CERTIFICATE=$APPLE_CERTIFICATE" "APPLE_CERTIFICATE_PASSWORD=$APPLE_CERTIFICATE_PASSWORD")
      if [ -n "${APPLE_SIGNING_IDENTITY:-}" ]; then signing_env+=("APPLE_SIGNING_IDENTITY=$APPLE_SIGNING_IDENTITY"); fi
      echo "macOS code signing: on"
      if [ -n "${APPLE_ID:-}" ] && [ -n "${APPLE_PASSWORD:-}" ] && [ -n "${APPLE_TEAM_ID:-}" ]; then
        signing_env+=("APPLE_ID=$APPLE_ID" "APPLE_PASSWORD=$APPLE_PASSWORD" "APPLE_TEAM_ID=$APPLE_TEAM_ID")
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
[ $# -eq 0 ] && exit 0
# The secrets go to this one command: the signing variables are set for it alone, and the
# ones this plan did not turn on are taken out, whatever the environment held.
exec env -u UPDATER_KEY -u UPDATER_KEY_PASSWORD -u APPLE_CERTIFICATE -u APPLE_CERTIFICATE_PASSWORD \
  -u APPLE_SIGNING_IDENTITY -u APPLE_ID -u APPLE_PASSWORD -u APPLE_TEAM_ID \
  -u TAURI_SIGNING_PRIVATE_KEY -u TAURI_SIGNING_PRIVATE_KEY_PASSWORD \
  ${signing_env[@]+"${signing_env[@]}"} "$@" --config "$overlay"
