# Sourced after toolchain.sh: starts and stops a portal backend that this
# script owns, by the PID of its own process group.
SCOUT_STATE="$SCOUT_ROOT/.scout"
PORTAL_URL="http://localhost:7007"
PORTAL_LOG="$SCOUT_STATE/logs/backend.log"

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# portal_start [extra app-config files]: runs the backend in its own process
# group; extra configs are layered on top of app-config.yaml.
portal_start() {
  port_in_use 7007 && die "port 7007 is already in use; stop the portal that runs there first"
  mkdir -p "$SCOUT_STATE/logs"
  : >"$PORTAL_LOG" # exists before the backend writes it, for a tail -f at once
  local args=(--config ../../app-config.yaml)
  for cfg in "$@"; do args+=(--config "../../$cfg"); done
  # Plain node with Backstage's transform (what `yarn start` runs, without
  # its file watcher), so the measured process is the backend itself.
  (cd "$SCOUT_ROOT/packages/backend" && NODE_ENV=development exec setsid node \
    --require @backstage/cli/config/nodeTransform.cjs src/index.ts "${args[@]}") >"$PORTAL_LOG" 2>&1 &
  PORTAL_PID=$!
  echo "$PORTAL_PID" >"$SCOUT_STATE/backend.pid"
}

# portal_wait SECONDS: waits until the catalog answers; prints the seconds taken.
portal_wait() {
  local limit="$1" start now
  start=$(date +%s%N)
  while :; do
    kill -0 "$PORTAL_PID" 2>/dev/null || { tail -n 40 "$PORTAL_LOG" >&2; die "the backend exited during start-up (log: .scout/logs/backend.log)"; }
    # 401 means the catalog router is up and asks for credentials.
    case "$(curl -s -o /dev/null -w '%{http_code}' "$PORTAL_URL/api/catalog/entities?limit=1")" in
      200|401) break ;;
    esac
    now=$(date +%s%N)
    [ $(((now - start) / 1000000000)) -lt "$limit" ] || die "the backend did not answer within ${limit}s (log: .scout/logs/backend.log)"
    sleep 0.2
  done
  now=$(date +%s%N)
  awk -v ns="$((now - start))" 'BEGIN { printf "%.1f\n", ns / 1e9 }'
}

portal_stop() {
  [ -n "${PORTAL_PID:-}" ] || return 0
  # setsid made the backend the leader of its own group: stop that group only.
  kill -TERM -- "-$PORTAL_PID" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$PORTAL_PID" 2>/dev/null || break; sleep 0.1; done
  kill -KILL -- "-$PORTAL_PID" 2>/dev/null || true
  rm -f "$SCOUT_STATE/backend.pid"
  PORTAL_PID=""
}

# portal_wait_pipeline SECONDS: waits until the portal's scheduled lakehouse
# pipeline has published a run (as the guest user); prints the seconds taken.
portal_wait_pipeline() {
  local limit="$1" start token state
  start=$(date +%s)
  token=$(curl -sf -H 'X-Requested-With: XMLHttpRequest' "$PORTAL_URL/api/auth/guest/refresh?env=development" \
    | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).backstageIdentity.token))') \
    || die "guest sign-in failed (log: .scout/logs/backend.log)"
  while :; do
    # "published", "failed: <error>" or "waiting", from the newest runs.
    state=$(curl -sf -H "Authorization: Bearer $token" "$PORTAL_URL/api/scout/pipeline/runs?limit=5" \
      | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{
          let runs = [];
          try { runs = JSON.parse(s).runs; } catch {} // not answering yet
          const done = runs.find(r => r.status !== "running");
          console.log(!done ? "waiting" : done.status === "published" ? "published" : `failed: ${done.error}`);
        })' || echo waiting)
    case "$state" in
      published) break ;;
      failed*) die "the portal's pipeline run $state" ;;
    esac
    [ $(($(date +%s) - start)) -lt "$limit" ] || die "no pipeline run published within ${limit}s (log: .scout/logs/backend.log)"
    sleep 2
  done
  echo $(($(date +%s) - start))
}
