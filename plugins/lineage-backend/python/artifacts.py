"""Loading dbt artifacts, and refusing what the static pass cannot read.

Every check names the file and what is wrong with it, so a wrong or hand-
edited artifact is an error the user can act on (exit status 2), never a
Python traceback. Only the parts the pass reads are checked; anything else
in a file is left alone, as dbt adds fields with every version.
"""

from __future__ import annotations

import json
import re

# The artifact name in metadata.dbt_schema_version
# (https://schemas.getdbt.com/dbt/manifest/v12.json), per file kind.
SCHEMA_NAMES = {
    "manifest": "manifest",
    "catalog": "catalog",
    "run_results": "run-results",
    "sources": "sources",
}


def load(path: str, kind: str) -> dict:
    """The JSON of `path`, a dbt `kind` artifact (or the jobs file); a
    ValueError that says which file and why when it cannot be used."""
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except OSError as error:
        raise ValueError(f"cannot read the {kind} {path}: {error.strerror}") from error
    except json.JSONDecodeError as error:
        raise ValueError(f"the {kind} {path} is not JSON: {error}") from error
    if kind == "jobs":
        if not isinstance(data, dict) or not isinstance(data.get("jobs"), list):
            raise ValueError(f'{path} is not a jobs file ({{"jobs": [...]}})')
        return data
    if not isinstance(data, dict) or not isinstance(data.get("metadata"), dict):
        raise ValueError(f"{path} is not a dbt {kind}.json (no metadata object)")
    version = data["metadata"].get("dbt_schema_version")
    found = re.search(r"/dbt/([a-z-]+)/v\d+", version) if isinstance(version, str) else None
    if found and found.group(1) != SCHEMA_NAMES[kind]:
        actual = found.group(1).replace("-", "_")
        raise ValueError(f"{path} is a dbt {actual}.json, not a {kind}.json")
    if kind == "manifest" and "nodes" not in data:
        raise ValueError(f"{path} is not a dbt manifest.json (no nodes)")
    CHECKS[kind](data, _Where(path))
    return data


class _Where:
    """Raises ValueError naming the file and the path inside it."""

    def __init__(self, path: str):
        self.path = path

    def require(self, ok: bool, at: str, what: str) -> None:
        if not ok:
            raise ValueError(f"{self.path}: {at} must be {what}")


def _objects(data: dict, key: str, where: _Where, required: bool = False) -> dict:
    """data[key]: an object of objects (ids to entries)."""
    if key not in data and not required:
        return {}
    value = data.get(key)
    where.require(isinstance(value, dict), key, "an object of entries by id")
    for uid, entry in value.items():
        where.require(isinstance(entry, dict), f"{key}.{uid}", "an object")
    return value


def _manifest(data: dict, where: _Where) -> None:
    for group in ("nodes", "sources", "exposures"):
        for uid, node in _objects(data, group, where, required=group == "nodes").items():
            at = f"{group}.{uid}"
            for key in ("config", "depends_on", "columns"):
                where.require(
                    isinstance(node.get(key, {}), dict), f"{at}.{key}", "an object"
                )
            parents = node.get("depends_on", {}).get("nodes", [])
            where.require(
                isinstance(parents, list) and all(isinstance(p, str) for p in parents),
                f"{at}.depends_on.nodes",
                "a list of ids",
            )
            for name, column in node.get("columns", {}).items():
                where.require(isinstance(column, dict), f"{at}.columns.{name}", "an object")


def _catalog(data: dict, where: _Where) -> None:
    for group in ("nodes", "sources"):
        for uid, entry in _objects(data, group, where).items():
            columns = entry.get("columns", {})
            at = f"{group}.{uid}.columns"
            where.require(isinstance(columns, dict), at, "an object of columns by name")
            for key, column in columns.items():
                where.require(
                    isinstance(column, dict) and isinstance(column.get("name"), str),
                    f"{at}.{key}",
                    "an object with a name",
                )


def _results(data: dict, where: _Where) -> None:
    results = data.get("results", [])
    where.require(isinstance(results, list), "results", "a list")
    for i, result in enumerate(results):
        where.require(
            isinstance(result, dict) and isinstance(result.get("unique_id"), str),
            f"results[{i}]",
            "an object with a unique_id",
        )


def catalog_columns(catalog: dict) -> dict[str, dict[str, str | None]]:
    """Each catalogued node's columns in table order, {name: type}. A
    nested field path (BigQuery lists `customer.id` beside `customer`, from
    INFORMATION_SCHEMA.COLUMN_FIELD_PATHS) is part of its column, not one."""
    out: dict[str, dict[str, str | None]] = {}
    for group in ("nodes", "sources"):
        for uid, entry in catalog.get(group, {}).items():
            ordered = sorted(entry.get("columns", {}).values(), key=lambda c: c.get("index", 0))
            names = {c["name"].lower() for c in ordered}
            out[uid] = {
                c["name"]: c.get("type")
                for c in ordered
                if not _nested_path(c["name"], names)
            }
    return out


def _nested_path(name: str, columns: set[str]) -> bool:
    head, dot, _ = name.partition(".")
    return bool(dot) and head.lower() in columns


CHECKS = {"manifest": _manifest, "catalog": _catalog, "run_results": _results, "sources": _results}
