#!/usr/bin/env bash
# Sets up the toolchain (Node 22, Yarn 4) and the workspace dependencies.
# Idempotent: a second run only checks and returns.
source "$(dirname "$0")/lib/toolchain.sh"
ensure_deps
log "toolchain ready: node $(node --version), yarn $(yarn --version)"
