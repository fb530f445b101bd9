#!/usr/bin/env bash
# Cold page loads of a RUNNING portal (it starts none: run ./scripts/start.sh
# first and let its first pipeline run publish): for home, catalog, an entity
# page, the lakehouse gold table page and the pipeline page, the time from
# navigation start until the page's content shows (defined in page-load.ts),
# in Debian's headless Chromium shell with a new browser context (empty cache) per
# load, signed in as the guest. Prints one JSON line with every run and the
# median per page; the target is under 1500 ms each.
# Usage: scripts/bench/page-load.sh [runs per page, default 5] [portal url, default http://localhost:7007]
source "$(dirname "$0")/../lib/toolchain.sh"
ensure_deps
ensure_apt chromium-headless-shell
runs="${1:-5}"
url="${2:-http://localhost:7007}"
curl -s -o /dev/null "$url/api/catalog/entities?limit=1" \
  || die "no portal answers at $url: start one with ./scripts/start.sh (this benchmark starts nothing)"
cd "$SCOUT_ROOT"
exec node --require @backstage/cli/config/nodeTransform.cjs scripts/bench/page-load.ts "$url" "$runs"
