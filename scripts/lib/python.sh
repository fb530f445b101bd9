# Sourced after toolchain.sh: a project Python venv (.venv/) for dbt.
# pip runs only when transform/requirements.txt changed since the last
# successful install (the stamp holds its hash), so repeat runs start at once.

SCOUT_VENV="$SCOUT_ROOT/.venv"
SCOUT_PYTHON="${SCOUT_PYTHON:-python3}"

ensure_venv() {
  local req="$SCOUT_ROOT/transform/requirements.txt" stamp="$SCOUT_VENV/.scout-requirements-stamp" sum
  [ -f "$req" ] || die "missing $req"
  sum="$(sha1sum "$req" | cut -d' ' -f1)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$sum" ] && "$SCOUT_VENV/bin/python" -c '' 2>/dev/null; then
    return 0
  fi
  command -v "$SCOUT_PYTHON" >/dev/null || die "$SCOUT_PYTHON not found; dbt needs Python 3.10 or newer"
  "$SCOUT_PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 10))' \
    || die "$SCOUT_PYTHON is $("$SCOUT_PYTHON" --version 2>&1); dbt needs Python 3.10 or newer"
  # A venv whose interpreter is gone (Python upgraded or removed) is rebuilt.
  if ! "$SCOUT_VENV/bin/python" -c '' 2>/dev/null; then
    rm -rf "$SCOUT_VENV"
    log "creating the Python venv in .venv ($("$SCOUT_PYTHON" --version 2>&1))"
    # Debian's python3 lacks ensurepip unless python3-venv is installed.
    "$SCOUT_PYTHON" -m venv "$SCOUT_VENV" 2>/dev/null || {
      rm -rf "$SCOUT_VENV"
      ensure_apt python3-venv
      "$SCOUT_PYTHON" -m venv "$SCOUT_VENV" || die "python3 -m venv failed"
    }
  fi
  log "installing transform/requirements.txt into .venv (dbt; about a minute the first time)"
  "$SCOUT_VENV/bin/pip" install --quiet --disable-pip-version-check -r "$req" \
    || die "pip install -r transform/requirements.txt failed; is PyPI reachable?"
  echo "$sum" >"$stamp"
  log "Python venv ready: $("$SCOUT_VENV/bin/dbt" --version 2>/dev/null | sed -n 's/.*installed: *//p' | head -n1 | sed 's/^/dbt-core /')"
}
