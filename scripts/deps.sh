#!/usr/bin/env bash
# deps.sh installs the Debian packages sixparty needs to build and test
# (Ebitengine needs cgo and the X11/OpenGL headers; display tests need
# Xvfb), only when some are missing. It is safe to run again.
set -euo pipefail
pkgs=(gcc libc6-dev libgl1-mesa-dev libx11-dev libxrandr-dev libxcursor-dev libxinerama-dev
      libxi-dev libxxf86vm-dev libasound2-dev pkg-config xvfb xauth libgl1-mesa-dri
      chromium xdotool) # the browser test and the desktop latency (e2e, build tag browser)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ! command -v go >/dev/null 2>&1; then
  echo "deps: Go is not installed (need Go 1.26 or later; see https://go.dev/doc/install)" >&2
  exit 1
fi
[ ${#missing[@]} -eq 0 ] && exit 0
echo "deps: installing ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
