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
            data = json.load(f, parse_constant=_no_constant)
    except OSError as error:
        raise ValueError(f"cannot read the {kind} {path}: {error.strerror}") from error
    except UnicodeDecodeError as error:
        raise ValueError(f"the {kind} {path} is not UTF-8: {error}") from error
    except _Constant as error:
        raise ValueError(
            f"the {kind} {path} holds {error}, which JSON has not (a number must be finite)"
        ) from error
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


class _Constant(Exception):
    pass


def _no_constant(name: str):
    # Python's json reads NaN and Infinity, which JSON has not: refused here,
    # they would reach events no JSON parser reads.
    raise _Constant(name)


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
            if node.get("resource_type") == "test":
                _test(node, at, where)


def _test(node: dict, at: str, where: _Where) -> None:
    """The parts of a test node quality.py reads."""
    _optional(node, "attached_node", str, at, where, "an id")
    _optional(node, "column_name", str, at, where, "a column name")
    _optional(node, "test_metadata", dict, at, where, "an object")
    metadata = node.get("test_metadata") or {}
    _optional(metadata, "kwargs", dict, f"{at}.test_metadata", where, "an object")


def _optional(entry: dict, key: str, kind: type, at: str, where: _Where, what: str) -> None:
    value = entry.get(key)
    # bool is an int to Python; no field read here is a boolean.
    ok = value is None or (isinstance(value, kind) and not isinstance(value, bool))
    where.require(ok, f"{at}.{key}", f"{what} or null")


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


def _results(data: dict, where: _Where) -> list[dict]:
    where.require("results" in data, "results", "there (a list of results)")
    results = data["results"]
    where.require(isinstance(results, list), "results", "a list")
    for i, result in enumerate(results):
        where.require(
            isinstance(result, dict) and isinstance(result.get("unique_id"), str),
            f"results[{i}]",
            "an object with a unique_id",
        )
        _optional(result, "status", str, f"results[{i}]", where, "a status")
    return results


def _run_results(data: dict, where: _Where) -> None:
    for i, result in enumerate(_results(data, where)):
        at = f"results[{i}]"
        _optional(result, "failures", int, at, where, "a count")
        for key in ("message", "compiled_code", "relation_name"):
            _optional(result, key, str, at, where, "text")


def _sources(data: dict, where: _Where) -> None:
    for i, result in enumerate(_results(data, where)):
        at = f"results[{i}]"
        for key in ("max_loaded_at", "snapshotted_at", "error"):
            _optional(result, key, str, at, where, "text")
        _optional(result, "max_loaded_at_time_ago_in_s", (int, float), at, where, "seconds")
        _optional(result, "criteria", dict, at, where, "an object")
        for key in ("warn_after", "error_after"):
            criteria = result.get("criteria") or {}
            _optional(criteria, key, dict, f"{at}.criteria", where, "an object")
            limit = criteria.get(key) or {}
            _optional(limit, "count", int, f"{at}.criteria.{key}", where, "a count")
            _optional(limit, "period", str, f"{at}.criteria.{key}", where, "a period")


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


CHECKS = {
    "manifest": _manifest,
    "catalog": _catalog,
    "run_results": _run_results,
    "sources": _sources,
}
