#!/usr/bin/env bash
# Sets everything up and starts the portal on embedded defaults:
# frontend at http://localhost:3000, backend at http://localhost:7007.
source "$(dirname "$0")/lib/toolchain.sh"
ensure_deps
log "starting Scout Portal: http://localhost:3000 (backend on :7007); Ctrl-C stops it"
cd "$SCOUT_ROOT" && exec yarn start "$@"
