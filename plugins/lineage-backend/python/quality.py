"""dbt test results as OpenLineage data quality assertions, per model.

Each test in the manifest is attached to the model or source it tests
(`attached_node`, dbt 1.5+) or, for a singular test, to every model it reads. Its result in
run_results.json becomes one assertion of that model's
`dataQualityAssertions` facet: the standard `assertion`, `success` and
`column`, plus dbt's `status` (pass, warn, fail or error), `message`,
`failures` (failing rows) and `failingRowsQuery` (the test's compiled SQL,
which selects the failing rows) when it did not pass, and `source: dbt`.
A skipped test (dbt stopped before it) asserted nothing, so it is left out:
it is neither a pass nor a failure of the model.

Source freshness (sources.json from `dbt source freshness`) becomes a
`scout_freshness` facet per source.
"""

from __future__ import annotations


def assertions_by_model(manifest: dict, run_results: dict) -> dict[str, list[dict]]:
    results = {r["unique_id"]: r for r in run_results.get("results", [])}
    nodes = manifest.get("nodes", {})
    out: dict[str, list[dict]] = {}
    for uid, test in nodes.items():
        if test.get("resource_type") != "test" or uid not in results:
            continue
        result = results[uid]
        attached = test.get("attached_node")
        models = (
            [attached]
            if attached
            else [p for p in test.get("depends_on", {}).get("nodes", []) if p.startswith("model.")]
        )
        column = test.get("column_name") or (
            (test.get("test_metadata") or {}).get("kwargs", {}).get("column_name")
        )
        status = result.get("status")
        if status == "skipped":
            continue
        assertion = {
            "assertion": test.get("name", uid),
            "success": status in ("pass", "warn"),
            **({"column": column} if column else {}),
            "status": status,
            "source": "dbt",
        }
        if status != "pass":
            if result.get("message"):
                assertion["message"] = result["message"]
            if result.get("failures") is not None:
                assertion["failures"] = result["failures"]
            query = result.get("compiled_code") or test.get("compiled_code")
            if query:
                assertion["failingRowsQuery"] = query
        for model in models:
            out.setdefault(model, []).append(assertion)
    for assertions in out.values():
        assertions.sort(key=lambda a: (a["success"], a["assertion"]))
    return out


PERIOD_SECONDS = {"minute": 60, "hour": 3600, "day": 86400}


def _seconds(threshold: dict | None) -> int | None:
    # dbt's periods are minute, hour and day; another is no threshold we know.
    if not threshold or threshold.get("count") is None:
        return None
    if threshold.get("period") not in PERIOD_SECONDS:
        return None
    return int(threshold["count"]) * PERIOD_SECONDS[threshold["period"]]


def freshness_by_source(sources: dict) -> dict[str, dict]:
    """Each source's freshness result: status (pass, warn, error, runtime
    error), its newest row, when it was checked, the age in seconds and the
    thresholds in seconds."""
    out = {}
    for result in sources.get("results", []):
        criteria = result.get("criteria") or {}
        newest = result.get("max_loaded_at")
        age = result.get("max_loaded_at_time_ago_in_s")
        # dbt reports a table without rows as loaded at 0001-01-01: no row,
        # so no newest row and no age.
        if isinstance(newest, str) and newest.startswith("0001-01-01"):
            newest, age = None, None
        out[result["unique_id"]] = {
            "status": result.get("status"),
            "maxLoadedAt": newest,
            "snapshottedAt": result.get("snapshotted_at"),
            "ageSeconds": round(age) if isinstance(age, (int, float)) else None,
            "warnAfterSeconds": _seconds(criteria.get("warn_after")),
            "errorAfterSeconds": _seconds(criteria.get("error_after")),
        }
    return out
