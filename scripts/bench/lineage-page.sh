#!/usr/bin/env bash
# The lineage page at 500 nodes in a RUNNING portal (it starts none: run
# ./scripts/start.sh first): posts the generated 500-model project of
# `scout bench lineage`, chained into one graph, to the portal's lineage
# store (namespace trino://lineage-page-bench:8080; fixed run ids, so a
# second run is all replays), opens a gold model's lineage in Debian's
# headless Chromium shell, expands it node by node to 500 nodes, then zooms
# and scrolls about. Prints one JSON line (defined in lineage-page.ts); the
# targets are no expand blocking the main thread and no zoom step taking
# over 200 ms, and frames at least every 50 ms at p95 while scrolling.
# Usage: scripts/bench/lineage-page.sh [portal url, default http://localhost:7007]
# The producer token is $SCOUT_LINEAGE_TOKEN, else the development default.
source "$(dirname "$0")/../lib/toolchain.sh"
ensure_deps
ensure_apt chromium-headless-shell
url="${1:-http://localhost:7007}"
curl -s -o /dev/null "$url/api/catalog/entities?limit=1" \
  || die "no portal answers at $url: start one with ./scripts/start.sh (this benchmark starts nothing)"
cd "$SCOUT_ROOT"
exec node --require @backstage/cli/config/nodeTransform.cjs scripts/bench/lineage-page.ts \
  "$url" "${SCOUT_LINEAGE_TOKEN:-scout-dev-lineage-token}"
