#!/usr/bin/env bash
# Backend cold start, from the start command to (a) the catalog API answering
# and (b) the catalog serving the platform (the Trino entity, signed in as
# guest). Prints one JSON line with every run and the medians.
# Usage: scripts/bench/cold-start.sh [runs]
source "$(dirname "$0")/../lib/toolchain.sh"
source "$SCOUT_ROOT/scripts/lib/portal.sh"
ensure_deps
runs="${1:-3}"
# The portal it starts is stopped however the script ends: bash runs the EXIT
# trap on a signal only when that signal has a trap of its own.
trap portal_stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Seconds since $1 (date +%s%N) until the Trino entity is served.
wait_for_trino() {
  local start="$1" token
  for _ in $(seq 1 600); do
    token=$(curl -s -H 'X-Requested-With: XMLHttpRequest' "$PORTAL_URL/api/auth/guest/refresh?env=development" \
      | node -e 'try { console.log(JSON.parse(require("fs").readFileSync(0)).backstageIdentity.token) } catch {}')
    if [ -n "$token" ] && curl -sf -o /dev/null -H "Authorization: Bearer $token" \
      "$PORTAL_URL/api/catalog/entities/by-name/component/default/trino"; then
      awk -v ns="$(($(date +%s%N) - start))" 'BEGIN { printf "%.1f\n", ns / 1e9 }'
      return
    fi
    sleep 0.2
  done
  die "the catalog never served component:default/trino"
}

answering=() populated=()
# The waits run in this shell, not in $(...): bash holds a trapped signal
# until the foreground command ends, and a command substitution would keep
# it until the portal has started.
seconds="$(mktemp)"
trap 'portal_stop; rm -f "$seconds"' EXIT
for i in $(seq 1 "$runs"); do
  t0=$(date +%s%N)
  portal_start
  portal_wait 180 >"$seconds"
  answering+=("$(<"$seconds")")
  wait_for_trino "$t0" >"$seconds"
  populated+=("$(<"$seconds")")
  portal_stop
  log "run $i/$runs: API answering ${answering[-1]}s, catalog populated ${populated[-1]}s"
done

node -e '
  const [a, p] = process.argv.slice(1).map(s => s.split(" ").map(Number));
  const median = t => { const s = [...t].sort((x, y) => x - y), m = s.length >> 1;
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
  console.log(JSON.stringify({ bench: "backend-cold-start", unit: "s", runs: a.length,
    api_answering: a, catalog_populated: p,
    median_api_answering: median(a), median_catalog_populated: median(p), target: 60 }));
' "${answering[*]}" "${populated[*]}"
