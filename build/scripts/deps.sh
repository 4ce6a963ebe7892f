#!/usr/bin/env bash
# Installs what building and testing Wayline needs on Debian or Ubuntu: the GTK/WebKit headers Wails links
# against, Xvfb and friends for the desktop smoke test, Chromium for the browser tests, and Node.js when it
# is missing or too old. Installs through apt when root or with sudo; otherwise names the packages to install.
set -euo pipefail

packages=(build-essential pkg-config libgtk-3-dev libwebkit2gtk-4.1-dev xvfb xauth imagemagick xdotool chromium fonts-dejavu-core)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

node_ok() {
  command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || return 1
  local major; major=$(node -p 'process.versions.node.split(".")[0]')
  [ "$major" -ge 20 ]
}
node_ok || missing+=(nodejs npm)

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "Wayline needs these packages (Debian/Ubuntu names): ${missing[*]}" >&2
  echo "Install them with your system's package manager, then run make again." >&2
  exit 1
fi
if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo=(sudo)
else
  echo "Wayline needs these packages: ${missing[*]}" >&2
  echo "Run: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "Installing: ${missing[*]}"
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
if ! node_ok; then
  echo "Wayline's frontend needs Node.js 20 or newer; this system has $(node --version 2>/dev/null || echo none)." >&2
  echo "Install Node.js 20+ (for example from NodeSource) and run make again." >&2
  exit 1
fi
