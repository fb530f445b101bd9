# Sourced after toolchain.sh: Go tools the checks run, built with `go install`
# into go-bin of the machine cache ($SCOUT_CACHE, toolchain.sh), where every
# clone on the machine finds them. Go's own module and build caches
# (~/go/pkg/mod, ~/.cache/go-build) are left where Go keeps them.

SCOUT_GOBIN="$SCOUT_CACHE/go-bin"
SCOUT_SLOTH_VERSION="v0.16.0"

# Puts Sloth $SCOUT_SLOTH_VERSION on PATH, building it the first time
# (about 3 minutes on 2 cores). Sloth generates the SLO recording and alert
# rules (scout slo generate).
ensure_sloth() {
  local bin="$SCOUT_GOBIN/sloth"
  if [ ! -x "$bin" ] || [ "$("$bin" version 2>/dev/null)" != "$SCOUT_SLOTH_VERSION" ]; then
    command -v go >/dev/null || die "go is needed to build Sloth $SCOUT_SLOTH_VERSION (go install)"
    log "building Sloth $SCOUT_SLOTH_VERSION with go install into $SCOUT_GOBIN (about 3 minutes the first time)"
    local start=$SECONDS
    mkdir -p "$SCOUT_GOBIN"
    # The version is stamped in: a module build otherwise reports "dev", in
    # `sloth version` and in the sloth_version label of the generated rules.
    GOBIN="$SCOUT_GOBIN" go install -v \
      -ldflags "-X github.com/slok/sloth/internal/info.Version=$SCOUT_SLOTH_VERSION" \
      "github.com/slok/sloth/cmd/sloth@$SCOUT_SLOTH_VERSION" 2>&1 \
      | awk '{ n++ } n % 25 == 0 { printf "[scout] go install: %d packages built, now %s\n", n, $0 > "/dev/stderr" }' \
      || die "go install of Sloth $SCOUT_SLOTH_VERSION failed; is the Go module proxy reachable?"
    [ -x "$bin" ] || die "go install finished but $bin is missing"
    log "Sloth $SCOUT_SLOTH_VERSION ready after $((SECONDS - start))s"
  fi
  export PATH="$SCOUT_GOBIN:$PATH"
}
