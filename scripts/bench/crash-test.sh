#!/usr/bin/env bash
# The ingest crash test on the project's local PostgreSQL: starts the cluster
# if it is not running (it is left running), then runs the jest test that
# kills a backend mid-traffic and checks what the database kept.
# Usage: scripts/bench/crash-test.sh
source "$(dirname "$0")/../lib/toolchain.sh"
source "$SCOUT_ROOT/scripts/lib/postgres.sh"
pg_start
cd "$SCOUT_ROOT"
exec yarn workspace @internal/scout-cli backstage-cli package test --watchAll=false src/bench/crash.test.ts
