#!/usr/bin/env bash
# Runs every fuzz target in the module for FUZZTIME each (default 3s): go test can fuzz only one target per
# invocation, so this lists them and runs them one by one.
set -euo pipefail
time=${FUZZTIME:-3s}
for pkg in $(go list ./internal/...); do
  for target in $(go test -list '^Fuzz' "$pkg" 2>/dev/null | grep '^Fuzz' || true); do
    echo "fuzz $pkg $target ($time)"
    go test -run '^$' -fuzz "^${target}\$" -fuzztime "$time" "$pkg" >/tmp/wayline-fuzz.log 2>&1 || { cat /tmp/wayline-fuzz.log; exit 1; }
  done
done
