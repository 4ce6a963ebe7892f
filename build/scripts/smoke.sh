#!/usr/bin/env bash
# Desktop smoke test: launches the real binary under Xvfb on a real demo workspace, waits for the window,
# waits for a round trip from the window's JavaScript into Go (the overview it asked for), takes a
# screenshot and checks that it is not blank.
set -euo pipefail
bin=${1:-build/bin/wayline}
out=${SMOKE_OUT:-test-output/desktop}
mkdir -p "$out"
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
export WAYLINE_CONFIG_DIR="$work/config" WAYLINE_DATA_DIR="$work/data" WAYLINE_SMOKE_LOG="$work/smoke.log"

"$bin" demo -w "$work/smoke.wayline" --customers 300 >/dev/null

xvfb-run -a -s "-screen 0 1360x860x24" bash -c '
  set -u
  "$0" -w "$1" >"$2/app.log" 2>&1 &
  app=$!
  for i in $(seq 1 120); do
    if grep -q "^overview " "$WAYLINE_SMOKE_LOG" 2>/dev/null && xdotool search --name "^Wayline" >/dev/null 2>&1; then break; fi
    if ! kill -0 $app 2>/dev/null; then echo "the app exited early:"; cat "$2/app.log"; exit 1; fi
    sleep 0.5
  done
  sleep 2 # let the overview paint after the round trip
  import -window root "$2/desktop.png"
  kill $app; wait $app 2>/dev/null || true
' "$bin" "$work/smoke.wayline" "$work"

cp "$work/app.log" "$out/app.log" 2>/dev/null || true
cp "$work/desktop.png" "$out/desktop.png"
if ! grep -q "^overview .*events=[1-9]" "$WAYLINE_SMOKE_LOG"; then
  echo "smoke: no overview round trip from the window into Go (log: $(cat "$WAYLINE_SMOKE_LOG" 2>/dev/null))" >&2
  exit 1
fi
colors=$(convert "$out/desktop.png" -format '%k' info:)
stddev=$(convert "$out/desktop.png" -colorspace Gray -format '%[fx:standard_deviation]' info:)
echo "smoke: $(grep '^overview' "$WAYLINE_SMOKE_LOG" | head -1); screenshot $out/desktop.png has $colors colours, grey std-dev $stddev"
if [ "$colors" -lt 50 ] || awk "BEGIN{exit !($stddev < 0.02)}"; then
  echo "smoke: the screenshot looks blank" >&2
  exit 1
fi
echo "1 passed, 0 failed"
