#!/usr/bin/env bash
# Sets everything up and starts the portal on embedded defaults at
# http://localhost:7007: one backend process that serves the built frontend
# (app-config.start.yaml on top of app-config.yaml), as production does.
# The frontend is rebuilt only when its inputs changed. For frontend work
# with hot reload, run `./scripts/yarn start` instead (:3000 and :7007).
# Usage: scripts/start.sh [more app-config files, relative to the repo root]
# The backend's scheduled pipeline builds the lakehouse with dbt on DuckDB,
# and TechDocs builds pages with mkdocs, so the project venv is set up and
# its bin put on PATH.
source "$(dirname "$0")/lib/toolchain.sh"
source "$SCOUT_ROOT/scripts/lib/python.sh"
source "$SCOUT_ROOT/scripts/lib/portal.sh"
cd "$SCOUT_ROOT"

# Every file the frontend bundle is built from: the app, the frontend and
# isomorphic plugins it bundles, and the lockfile. Prints one hash.
frontend_inputs_hash() {
  local dirs=(packages/app) pj
  for pj in plugins/*/package.json; do
    grep -Eq '"role": "(frontend-plugin|frontend-plugin-module|web-library|common-library)"' "$pj" \
      && dirs+=("$(dirname "$pj")")
  done
  {
    sha1sum yarn.lock
    find "${dirs[@]}" \( -name node_modules -o -name dist -o -name dist-types \) -prune \
      -o -type f ! -name '*.test.ts' ! -name '*.test.tsx' -print \
      | LC_ALL=C sort | xargs -d '\n' sha1sum
  } | sha1sum | cut -d' ' -f1
}

# Builds packages/app/dist unless it was built from the same inputs.
ensure_frontend_build() {
  local stamp="$SCOUT_STATE/app-build.sha1" build_log="$SCOUT_STATE/logs/app-build.log" sum start
  sum="$(frontend_inputs_hash)"
  if [ -f packages/app/dist/index.html ] && [ "$(cat "$stamp" 2>/dev/null)" = "$sum" ]; then
    log "frontend unchanged since its last build: serving packages/app/dist"
    return 0
  fi
  mkdir -p "$SCOUT_STATE/logs"
  local why="its sources changed"
  [ -f packages/app/dist/index.html ] || why="no build yet"
  log "building the frontend into packages/app/dist ($why; about a minute on 2 cores, log: .scout/logs/app-build.log)"
  start=$(date +%s)
  yarn workspace app build >"$build_log" 2>&1 || { tail -n 30 "$build_log" >&2; die "the frontend build failed (log: .scout/logs/app-build.log)"; }
  echo "$sum" >"$stamp"
  log "frontend built in $(($(date +%s) - start))s"
}

ensure_deps
ensure_venv
# TechDocs' local generator runs `mkdocs` from PATH.
export PATH="$SCOUT_VENV/bin:$PATH"
port_in_use 7007 && die "port 7007 is already in use: stop the portal (or whatever else) that runs there first"
ensure_frontend_build
# Every docs site, built ahead so docs pages and docs search work at once
# (skipped when catalog/ and the venv are unchanged).
bash "$SCOUT_ROOT/scripts/techdocs-build.sh" --publish .scout/techdocs || die "the TechDocs sites did not build (see above)"

# The portal is stopped however this script ends (Ctrl-C, SIGTERM, an error).
trap 'portal_stop' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
# Sign-in through Keycloak only when one answers (app-config.yaml's default
# address, or $AUTH_OIDC_METADATA_URL); otherwise Guest only.
configs=(app-config.start.yaml)
oidc_metadata="${AUTH_OIDC_METADATA_URL:-http://127.0.0.1:18080/realms/scout/.well-known/openid-configuration}"
if ! curl -sf -m 3 -o /dev/null "$oidc_metadata"; then
  log "no Keycloak at $oidc_metadata: sign-in offers Guest only (./scripts/yarn scout stack up keycloak, then restart, adds Keycloak)"
  configs+=(app-config.guest-only.yaml)
fi
log "starting the backend on :7007 (its log also goes to .scout/logs/backend.log)"
portal_start "${configs[@]}" "$@"
tail -n +1 -f --pid="$PORTAL_PID" "$PORTAL_LOG" &
# In this shell, not in $(...), so Ctrl-C and SIGTERM stop it at once.
portal_wait 300 >"$SCOUT_STATE/start-seconds"
# What an earlier start published stays in .scout/lakehouse (app-config.yaml's
# scout.lakehouse.dir) and is served at once; the pipeline's first run fills
# an empty one.
lakehouse_note="The first pipeline run fills the lakehouse within a minute or two."
[ -s .scout/lakehouse/_commits.jsonl ] \
  && lakehouse_note="The lakehouse serves what the last run published; the pipeline refreshes it within a minute or two."
log "Scout Portal is up at $PORTAL_URL after $(<"$SCOUT_STATE/start-seconds")s: open it and sign in as Guest. $lakehouse_note Ctrl-C stops it."
wait "$PORTAL_PID"
