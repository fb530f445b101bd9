#!/usr/bin/env bash
# Builds every TechDocs site that catalog/*.yaml references
# (backstage.io/techdocs-ref), with the backend's own generator and the
# project venv's mkdocs, into a temporary folder; fails on a missing
# annotation or site, a build warning (each site's mkdocs.yml is strict) or
# an mkdocs.yml that the backend would rewrite. scripts/lib/techdocs-generate.js
# says what is checked.
# Usage: scripts/techdocs-build.sh [--publish DIR]
#   --publish DIR  also lays the sites out as the backend's local publisher
#                  serves them (techdocs.publisher.local.publishDirectory), so
#                  the portal has docs, and TechDocs search an index, at start;
#                  skipped when catalog/ and the venv are unchanged since the
#                  last publish into DIR
source "$(dirname "$0")/lib/toolchain.sh"
source "$SCOUT_ROOT/scripts/lib/python.sh"
cd "$SCOUT_ROOT"

ensure_deps
ensure_venv

# Every input of the sites: the catalog (entities, annotations, pages) and
# the installed generator. Prints one hash.
techdocs_inputs_hash() {
  { find catalog -type f | LC_ALL=C sort | xargs -d '\n' sha1sum
    cat "$SCOUT_VENV/.scout-requirements-stamp"; } | sha1sum | cut -d' ' -f1
}
if [ "${1:-}" = --publish ] && [ -n "${2:-}" ]; then
  stamp="$2/.scout-techdocs-inputs"
  sum="$(techdocs_inputs_hash)"
  if [ "$(cat "$stamp" 2>/dev/null)" = "$sum" ]; then
    log "TechDocs unchanged since the last build: serving $2"
    exit 0
  fi
fi
# The local generator spawns `mkdocs` from PATH, as the backend does.
export PATH="$SCOUT_VENV/bin:$PATH"

work="$(mktemp -d "${TMPDIR:-/tmp}/scout-techdocs.XXXXXX")"
trap 'rm -rf "$work"' EXIT
start=$(date +%s)
log "building the TechDocs sites of the catalog (log per site on failure)"
node scripts/lib/techdocs-generate.js "$work" "$@" || die "the TechDocs build failed (see above)"
[ -z "${stamp:-}" ] || echo "$sum" >"$stamp"
log "TechDocs built in $(($(date +%s) - start))s"
