"""dbt test results as OpenLineage data quality assertions, per model.

Each test in the manifest is attached to the model it tests (`attached_node`,
dbt 1.5+) or, for a singular test, to every model it reads. Its result in
run_results.json becomes one assertion of that model's
`dataQualityAssertions` facet: the standard `assertion`, `success` and
`column`, plus dbt's `status` (pass, warn, fail, error, skipped), `message`,
`failures` (failing rows) and `failingRowsQuery` (the test's compiled SQL,
which selects the failing rows) when it did not pass.
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
        assertion = {
            "assertion": test.get("name", uid),
            "success": status in ("pass", "warn"),
            **({"column": column} if column else {}),
            "status": status,
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
