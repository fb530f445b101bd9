# Sourced after toolchain.sh: a local PostgreSQL 15 cluster for the tests,
# owned by this repository (data under .scout/postgres, log in .scout/logs).
#   pg_start  creates the cluster once, starts it, creates database "scout"
#             and exports SCOUT_TEST_DATABASE_URL; a no-op while it runs.
#   pg_stop   stops this cluster only.
SCOUT_PG_PORT="${SCOUT_PG_PORT:-54329}"
SCOUT_PG_BIN=/usr/lib/postgresql/15/bin
SCOUT_PG_HOME="$SCOUT_ROOT/.scout/postgres"
SCOUT_PG_DATA="$SCOUT_PG_HOME/data"
SCOUT_PG_LOG="$SCOUT_ROOT/.scout/logs/postgres.log"

# PostgreSQL refuses to run as root: as root, run its tools as the Debian
# "postgres" user; as anyone else, run them as that user.
pg_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

pg_running() {
  [ -f "$SCOUT_PG_DATA/PG_VERSION" ] && pg_as_owner "$SCOUT_PG_BIN/pg_ctl" -D "$SCOUT_PG_DATA" status >/dev/null 2>&1
}

pg_init() {
  log "creating a PostgreSQL 15 cluster in .scout/postgres/data (once)"
  mkdir -p "$SCOUT_PG_DATA" "$SCOUT_PG_HOME/run"
  if [ "$(id -u)" -eq 0 ]; then
    chown -R postgres:postgres "$SCOUT_PG_HOME"
    pg_as_owner test -x "$SCOUT_PG_HOME" \
      || die "the postgres user cannot reach $SCOUT_PG_HOME; every folder above it needs o+x"
  fi
  # Trust authentication is acceptable only because this is a throwaway test
  # cluster that listens on 127.0.0.1 and a socket inside the repository.
  pg_as_owner "$SCOUT_PG_BIN/initdb" -D "$SCOUT_PG_DATA" -U postgres --auth=trust \
    --encoding=UTF8 --locale=C.UTF-8 --no-instructions >"$SCOUT_PG_HOME/initdb.log" 2>&1 \
    || { cat "$SCOUT_PG_HOME/initdb.log" >&2; die "initdb failed"; }
  cat >>"$SCOUT_PG_DATA/postgresql.conf" <<CONF
# scout: loopback only, socket inside the repository
listen_addresses = '127.0.0.1'
unix_socket_directories = '$SCOUT_PG_HOME/run'
CONF
}

pg_start() {
  ensure_apt postgresql-15
  export SCOUT_TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$SCOUT_PG_PORT/scout"
  pg_running && return 0
  [ -f "$SCOUT_PG_DATA/PG_VERSION" ] || pg_init
  (exec 3<>"/dev/tcp/127.0.0.1/$SCOUT_PG_PORT") 2>/dev/null \
    && die "port $SCOUT_PG_PORT is already in use; set SCOUT_PG_PORT to another port"
  mkdir -p "$(dirname "$SCOUT_PG_LOG")"
  touch "$SCOUT_PG_LOG"
  [ "$(id -u)" -ne 0 ] || chown postgres:postgres "$SCOUT_PG_LOG"
  log "starting PostgreSQL on 127.0.0.1:$SCOUT_PG_PORT (log: .scout/logs/postgres.log)"
  pg_as_owner "$SCOUT_PG_BIN/pg_ctl" -D "$SCOUT_PG_DATA" -l "$SCOUT_PG_LOG" -o "-p $SCOUT_PG_PORT" \
    -w -t 60 start >/dev/null \
    || { tail -n 20 "$SCOUT_PG_LOG" >&2; die "PostgreSQL did not start (log: .scout/logs/postgres.log)"; }
  local psql=("$SCOUT_PG_BIN/psql" -h 127.0.0.1 -p "$SCOUT_PG_PORT" -U postgres -d postgres -qtA)
  if [ "$("${psql[@]}" -c "select 1 from pg_database where datname = 'scout'")" != 1 ]; then
    "${psql[@]}" -c "create database scout" >/dev/null || die "could not create database scout"
  fi
  log "PostgreSQL ready: $SCOUT_TEST_DATABASE_URL"
}

pg_stop() {
  pg_running || return 0
  log "stopping PostgreSQL (.scout/postgres/data)"
  pg_as_owner "$SCOUT_PG_BIN/pg_ctl" -D "$SCOUT_PG_DATA" stop -m fast -w >/dev/null
}
