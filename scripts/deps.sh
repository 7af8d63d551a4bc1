#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages TrustHub Desk needs, only those missing.
#   scripts/deps.sh build   what building and running the app needs
#   scripts/deps.sh test    that, plus what the test suite needs
set -euo pipefail

build=(libwebkit2gtk-4.1-dev libgtk-3-dev librsvg2-dev pkg-config build-essential)
# sudo: the installed app updates itself through it in the packaging check (a desktop has pkexec).
tests=(xvfb xauth webkit2gtk-driver gnome-keyring dbus dbus-x11 x11-utils gcc-mingw-w64-x86-64 sudo)

wanted=("${build[@]}")
if [ "${1:-build}" = test ]; then
  wanted+=("${tests[@]}")
  # Node.js and npm run Prism; any installation will do, Debian's if there is none.
  command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || wanted+=(nodejs npm)
fi

missing=()
for p in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "Please install: ${missing[*]} (this script knows only apt-get)." >&2
  exit 1
fi
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
echo "Installing system packages: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
