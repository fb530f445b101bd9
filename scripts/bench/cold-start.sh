#!/usr/bin/env bash
# Backend cold start: from the start command to the catalog API answering.
# Prints one JSON line with every run and the median. Usage: cold-start.sh [runs]
source "$(dirname "$0")/../lib/toolchain.sh"
source "$SCOUT_ROOT/scripts/lib/portal.sh"
ensure_deps
runs="${1:-3}"
trap portal_stop EXIT
times=()
for i in $(seq 1 "$runs"); do
  portal_start
  times+=("$(portal_wait 180)")
  portal_stop
  log "run $i/$runs: ${times[-1]}s"
done
printf '%s\n' "${times[@]}" | node -e '
  const t = require("fs").readFileSync(0, "utf8").trim().split("\n").map(Number);
  const s = [...t].sort((a, b) => a - b);
  const median = s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  console.log(JSON.stringify({ bench: "backend-cold-start", unit: "s", runs: t, median, target: 60 }));'
