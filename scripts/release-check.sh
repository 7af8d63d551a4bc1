#!/usr/bin/env bash
# Stops a release before anything is built when its tag does not name the app's version, or
# names a commit that is not on main. A tag that differs from the version the installers
# carry would make every installed copy refuse the update as "possibly altered" (the
# signature names the version); a tag on another branch would release code nobody reviewed.
#   scripts/release-check.sh v1.2.3 [commit] [branch]
# The commit defaults to HEAD, the branch to origin/main; `-` as the commit skips the branch
# check (the version alone).
set -euo pipefail
cd "$(dirname "$0")/.."
tag="${1:?usage: scripts/release-check.sh vX.Y.Z [commit|-] [branch]}"
commit="${2:-HEAD}"
branch="${3:-origin/main}"

app=$(node -p "require('./tauri.conf.json').version")
package=$(awk '/^\[package\]/ { p = 1; next } /^\[/ { p = 0 } p && /^version *=/ { gsub(/"/, "", $3); print $3; exit }' Cargo.toml)
if [ "$tag" != "v$app" ]; then
  echo "::error title=Release stopped::the tag $tag is not the app's version: tauri.conf.json says $app, so the tag must be v$app."
  exit 1
fi
if [ "$package" != "$app" ]; then
  echo "::error title=Release stopped::Cargo.toml says version $package and tauri.conf.json $app: set both to the release's version."
  exit 1
fi
if [ "$commit" != "-" ]; then
  if ! git merge-base --is-ancestor "$commit" "$branch" 2>/dev/null; then
    echo "::error title=Release stopped::the tag $tag names $(git rev-parse --short "$commit" 2>/dev/null || echo "$commit"), which is not on $branch: release only what was merged there."
    exit 1
  fi
fi
echo "Release $tag: the version of tauri.conf.json and Cargo.toml, on ${branch#origin/}."
