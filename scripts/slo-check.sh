#!/usr/bin/env bash
# The SLO rules are fresh, valid and tested, with the real tools:
#   - `scout slo generate --check`: the committed output under
#     platform-manifests/observability/{generated,tests} is what Sloth v0.16.0
#     and our generator make from the specs now (names each stale file);
#   - `promtool check rules` on every generated rule file;
#   - `promtool test rules`: each SLO's alerts fire just above their burn rate
#     and stay quiet just below it;
#   - `amtool check-config` on the Alertmanager configuration.
# Runs every check, then exits 1 if any failed.
source "$(dirname "$0")/lib/toolchain.sh"
source "$SCOUT_ROOT/scripts/lib/gotools.sh"
cd "$SCOUT_ROOT"

ensure_apt prometheus prometheus-alertmanager # promtool, amtool
ensure_sloth
obs=platform-manifests/observability
failed=()

log "generated SLO output is up to date (scout slo generate --check)"
yarn scout slo generate --check || failed+=(fresh)

log "promtool check rules"
promtool check rules "$obs"/generated/prometheus/*.yaml || failed+=(rules)

log "promtool test rules (two files at a time)"
printf '%s\0' "$obs"/tests/*.test.yaml | xargs -0 -n1 -P2 promtool test rules || failed+=(rule-tests)

log "amtool check-config"
amtool check-config "$obs/generated/alertmanager/alertmanager.yml" || failed+=(alertmanager)

[ ${#failed[@]} -eq 0 ] || die "SLO checks failed: ${failed[*]}"
log "SLO checks passed"
