#!/usr/bin/env bash
# Sets everything up and starts the portal on embedded defaults:
# frontend at http://localhost:3000, backend at http://localhost:7007.
# The backend's scheduled pipeline builds the lakehouse with dbt on DuckDB,
# so the Python venv for dbt is set up here too.
source "$(dirname "$0")/lib/toolchain.sh"
source "$SCOUT_ROOT/scripts/lib/python.sh"
ensure_deps
ensure_venv
log "starting Scout Portal: http://localhost:3000 (backend on :7007); Ctrl-C stops it"
cd "$SCOUT_ROOT" && exec yarn start "$@"
