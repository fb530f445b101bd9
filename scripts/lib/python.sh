# Sourced after toolchain.sh: the project's Python venv for dbt, for Great
# Expectations (scripts/gx) and for TechDocs (mkdocs with techdocs-core,
# which the backend's local generator runs from PATH: put "$SCOUT_VENV/bin"
# first on the backend's PATH).
# The venv lives in the machine cache ($SCOUT_CACHE/venvs/project-<hash>),
# one per set of requirements and Python version, so a fresh clone on the
# same machine reuses it; .venv in the checkout is a link to it. pip runs
# only for a set not installed yet (the stamp is written last, so a broken
# install is made again).

SCOUT_VENV="$SCOUT_ROOT/.venv"
SCOUT_PYTHON="${SCOUT_PYTHON:-python3}"

ensure_venv() {
  local reqs=("$SCOUT_ROOT/transform/requirements.txt" "$SCOUT_ROOT/catalog/docs/requirements.txt"
    "$SCOUT_ROOT/transform/great_expectations/requirements.txt")
  local req sum target stamp
  for req in "${reqs[@]}"; do [ -f "$req" ] || die "missing $req"; done
  command -v "$SCOUT_PYTHON" >/dev/null || die "$SCOUT_PYTHON not found; dbt needs Python 3.10 or newer"
  sum="$({ cat "${reqs[@]}"; "$SCOUT_PYTHON" --version 2>&1; } | sha1sum | cut -c1-12)"
  target="$SCOUT_CACHE/venvs/project-$sum"
  stamp="$target/.scout-requirements-stamp"
  if [ -f "$stamp" ] && "$target/bin/python" -c '' 2>/dev/null; then
    link_venv "$target"
    return 0
  fi
  "$SCOUT_PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 10))' \
    || die "$SCOUT_PYTHON is $("$SCOUT_PYTHON" --version 2>&1); dbt needs Python 3.10 or newer"
  # Half made (no stamp), or its interpreter is gone: made afresh.
  rm -rf "$target"
  mkdir -p "$SCOUT_CACHE/venvs"
  log "creating the Python venv in $target ($("$SCOUT_PYTHON" --version 2>&1))"
  # Debian's python3 lacks ensurepip unless python3-venv is installed.
  "$SCOUT_PYTHON" -m venv "$target" 2>/dev/null || {
    rm -rf "$target"
    ensure_apt python3-venv
    "$SCOUT_PYTHON" -m venv "$target" || die "python3 -m venv failed"
  }
  log "installing transform/, its great_expectations/ and catalog/docs/ requirements into it (dbt, GX, mkdocs; 2 to 3 minutes the first time)"
  "$target/bin/pip" install --quiet --disable-pip-version-check -r "${reqs[0]}" -r "${reqs[1]}" -r "${reqs[2]}" \
    || die "pip install of transform/requirements.txt, transform/great_expectations/requirements.txt and catalog/docs/requirements.txt failed; is PyPI reachable?"
  echo "$sum" >"$stamp"
  link_venv "$target"
  log "Python venv ready: $("$SCOUT_VENV/bin/dbt" --version 2>/dev/null | sed -n 's/.*installed: *//p' | head -n1 | sed 's/^/dbt-core /')"
}

# Points .venv at the machine cache's venv; a venv made in the checkout by
# an older version of this script is replaced by the link.
link_venv() {
  [ "$(readlink "$SCOUT_VENV" 2>/dev/null)" = "$1" ] && return 0
  [ -L "$SCOUT_VENV" ] || rm -rf "$SCOUT_VENV"
  ln -sfn "$1" "$SCOUT_VENV.$$.tmp" && mv -T "$SCOUT_VENV.$$.tmp" "$SCOUT_VENV"
}
