#!/usr/bin/env bash
# Attaches this system's installers and their update signatures to the draft release of
# the tag (.github/workflows/release.yml). The macOS app archive is named after its
# architecture (the two Macs build archives of the same name), as the update feed expects.
#   GH_TOKEN=… scripts/release-upload.sh v1.2.3 [mac architecture: aarch64 | x64]
set -euo pipefail
cd "$(dirname "$0")/.."
tag="${1:?usage: scripts/release-upload.sh vX.Y.Z [aarch64|x64]}"
arch="${2:-}"
out=$(mktemp -d)
shopt -s nullglob globstar
for file in target/**/release/bundle/{deb/*.deb,rpm/*.rpm,appimage/*.AppImage,msi/*.msi,nsis/*.exe,dmg/*.dmg,macos/*.app.tar.gz}{,.sig}; do
  name=$(basename "$file")
  if [ -n "$arch" ]; then name="${name/.app.tar.gz/_${arch}.app.tar.gz}"; fi
  cp "$file" "$out/$name"
done
ls -l "$out"
[ -n "$(ls -A "$out")" ] || { echo "::error::no installer was built"; exit 1; }
gh release upload "$tag" "$out"/* --clobber
