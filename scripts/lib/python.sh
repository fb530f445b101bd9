# Sourced after toolchain.sh: a project Python venv (.venv/) for dbt, for
# Great Expectations (scripts/gx) and for TechDocs (mkdocs with techdocs-core,
# which the backend's local generator runs from PATH: put "$SCOUT_VENV/bin"
# first on the backend's PATH).
# pip runs only when a requirements file changed since the last successful
# install (the stamp holds their hash), so repeat runs start at once.

SCOUT_VENV="$SCOUT_ROOT/.venv"
SCOUT_PYTHON="${SCOUT_PYTHON:-python3}"

ensure_venv() {
  local reqs=("$SCOUT_ROOT/transform/requirements.txt" "$SCOUT_ROOT/catalog/docs/requirements.txt"
    "$SCOUT_ROOT/transform/great_expectations/requirements.txt")
  local stamp="$SCOUT_VENV/.scout-requirements-stamp" sum req
  for req in "${reqs[@]}"; do [ -f "$req" ] || die "missing $req"; done
  sum="$(cat "${reqs[@]}" | sha1sum | cut -d' ' -f1)"
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
  log "installing transform/, its great_expectations/ and catalog/docs/ requirements into .venv (dbt, GX, mkdocs; about a minute the first time)"
  "$SCOUT_VENV/bin/pip" install --quiet --disable-pip-version-check -r "${reqs[0]}" -r "${reqs[1]}" -r "${reqs[2]}" \
    || die "pip install of transform/requirements.txt, transform/great_expectations/requirements.txt and catalog/docs/requirements.txt failed; is PyPI reachable?"
  echo "$sum" >"$stamp"
  log "Python venv ready: $("$SCOUT_VENV/bin/dbt" --version 2>/dev/null | sed -n 's/.*installed: *//p' | head -n1 | sed 's/^/dbt-core /')"
}
