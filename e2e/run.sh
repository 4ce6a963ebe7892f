#!/usr/bin/env bash
# End-to-end tests of the Wayline UI: headless system Chromium against the real `wayline serve` on a demo
# workspace in a temp folder. Installs the e2e npm packages when missing, then runs `npm test`.
#   WAYLINE_BIN       the binary to test (default build/bin/wayline; build it with `make build`)
#   WAYLINE_CHROMIUM  the browser (default /usr/bin/chromium; never downloaded)
# Screenshots land in test-output/e2e/.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"

bin=${WAYLINE_BIN:-../build/bin/wayline}
if [ ! -x "$bin" ]; then
  echo "e2e: no Wayline binary at $bin; run 'make build' first (or set WAYLINE_BIN)" >&2
  exit 1
fi
browser=${WAYLINE_CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$browser" ]; then
  echo "e2e: no Chromium at $browser; install Debian's chromium package (build/scripts/deps.sh does)" >&2
  exit 1
fi

# npm ci when node_modules is missing or older than the lock file. No browser download: playwright-core
# has none, and the variable makes sure nothing tries.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
fi

export WAYLINE_BIN="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"
exec npm test --silent
