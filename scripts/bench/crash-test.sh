#!/usr/bin/env bash
# The ingest crash test on the project's local PostgreSQL: starts the cluster
# if it is not running (and then stops it again at the end), then runs the
# jest test that kills a backend mid-traffic and checks what the database
# kept. On SIGINT/SIGTERM the test stops its backend before it exits.
# Usage: scripts/bench/crash-test.sh
source "$(dirname "$0")/../lib/toolchain.sh"
source "$SCOUT_ROOT/scripts/lib/postgres.sh"
started_pg=""
pg_running || started_pg=1
trap '[ -z "$started_pg" ] || pg_stop' EXIT
pg_start
cd "$SCOUT_ROOT"
# In the background and waited for: bash runs a trap only after its
# foreground command ends, so this is how a signal reaches the test at once.
# In band (-i), so the backend is the jest process's own child; SIGTERM even
# for Ctrl-C, because yarn passes SIGTERM on to the test and ignores SIGINT.
yarn workspace @internal/scout-cli backstage-cli package test --watchAll=false -i src/bench/crash.test.ts &
test_pid=$!
forward() {
  kill -TERM "$test_pid" 2>/dev/null || true
  wait "$test_pid" || true
  exit "$1"
}
trap 'forward 130' INT
trap 'forward 143' TERM
wait "$test_pid"
