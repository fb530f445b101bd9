"""dbt test results as OpenLineage data quality assertions, per tested node.

Each test in the manifest is attached to the node it tests: its
`attached_node` (dbt 1.5+); for a generic test on a source, which dbt never
attaches, the source its `model` argument names; for a singular test, every
model, snapshot, seed and source it reads. Its result in run_results.json
becomes one assertion of that node's `dataQualityAssertions` facet: the
standard `assertion`, `success` and `column`, plus dbt's `status` (pass,
warn, fail or error), `message`, `failures` (failing rows),
`failingRowsQuery` (the test's compiled SQL, which selects the failing
rows; not for an error, whose SQL did not run) and `failingRowsTable` (where
`store_failures` kept them), and `source: dbt`.
Only test outcomes count: a skipped test (dbt stopped before it) asserted
nothing, and `dbt compile` or `dbt docs generate` write `success` for tests
they did not run. dbt 1.8+ unit tests check a model's SQL on fixed rows,
not its data, and are left out.

The facet also says whether the run was `complete` for that node: whether
every test the manifest attaches to it has an outcome here. A partial run
(`dbt test --select stg_orders`, `dbt build -s +gold_x`, `--exclude`,
`dbt retry`, a test dbt skipped) writes only the results of what it ran, so
the store keeps the node's other tests' earlier results; a complete one
replaces them all, so a test deleted from the project goes. The manifest,
which lists every test whatever was selected, says this more surely than
the run's `args`, whose selectors only dbt can resolve.

Source freshness (sources.json from `dbt source freshness`) becomes a
`scout_freshness` facet per source.
"""

from __future__ import annotations

import re

# dbt's TestStatus values: what a test that ran can end as.
TEST_OUTCOMES = {"pass", "warn", "fail", "error"}
# A generic test's `model` argument on a source, as dbt renders it.
SOURCE_CALL = re.compile(r"""source\(\s*['"]([^'"]+)['"]\s*,\s*['"]([^'"]+)['"]\s*\)""")
TESTED_KINDS = ("model", "snapshot", "seed", "source")


def tested_nodes(test: dict, sources: dict[tuple, str]) -> list[str]:
    """The ids of the nodes a test tests (see the module's docstring);
    `sources` are the source ids by (source_name, name)."""
    if test.get("attached_node"):
        return [test["attached_node"]]
    parents = [
        p for p in test.get("depends_on", {}).get("nodes", []) if p.split(".")[0] in TESTED_KINDS
    ]
    if not test.get("test_metadata"):
        return parents  # a singular test
    named = SOURCE_CALL.search(str((test["test_metadata"].get("kwargs") or {}).get("model", "")))
    if named and named.groups() in sources:
        return [sources[named.groups()]]
    return [p for p in parents if p.startswith("source.")][:1]


def assertions_by_node(
    manifest: dict, run_results: dict, warnings: list[str]
) -> dict[str, dict]:
    """Each tested node's dataQualityAssertions facet body: its
    assertions, failures first, whether the run was `complete` for it, and
    the producer whose list it is (`source`, so that an empty list still
    names it); what the results could not say goes to `warnings`."""
    nodes = manifest.get("nodes", {})
    sources: dict[tuple, str] = {}
    for uid, source in manifest.get("sources", {}).items():
        sources.setdefault((source.get("source_name"), source.get("name")), uid)
    # Every test of each node, run or not: what a complete run gives outcomes for.
    tests: dict[str, set[str]] = {}
    for uid, test in nodes.items():
        if test.get("resource_type") == "test":
            for node in tested_nodes(test, sources):
                tests.setdefault(node, set()).add(uid)
    out: dict[str, list[dict]] = {}
    ran: dict[str, set[str]] = {}
    not_outcomes: set[str] = set()
    unknown = 0
    for result in run_results.get("results", []):
        uid = result["unique_id"]
        test = nodes.get(uid)
        if test is None:
            unknown += uid not in manifest.get("unit_tests", {})
            continue
        status = result.get("status")
        if test.get("resource_type") != "test":
            continue
        if status not in TEST_OUTCOMES:
            if status != "skipped":
                not_outcomes.add(str(status))
            continue
        for node in tested_nodes(test, sources):
            out.setdefault(node, []).append(_assertion(uid, test, result))
            ran.setdefault(node, set()).add(uid)
    if not_outcomes:
        which = (run_results.get("args") or {}).get("which")
        which = "docs generate" if which == "generate" else which
        warnings.append(
            f"run_results.json{f' (from dbt {which})' if which else ''} gives tests the status "
            f"{', '.join(sorted(not_outcomes))}, not an outcome: no test ran, so none is shown"
        )
    if unknown:
        warnings.append(
            f"{unknown} results in run_results.json name no node of the manifest "
            "(another project's, or an older build's?)"
        )
    facets = {
        node: {
            "assertions": sorted(assertions, key=lambda a: (a["success"], a["assertion"])),
            "complete": tests[node] <= ran[node],
            "source": "dbt",
        }
        for node, assertions in out.items()
    }
    # A run that ran tests says too which nodes now have none: those whose
    # tests were all deleted from the project, whose stored results go.
    if ran:
        kinds = {**nodes, **manifest.get("sources", {})}
        for uid, node in kinds.items():
            if node.get("resource_type") in TESTED_KINDS and uid not in tests:
                facets[uid] = {"assertions": [], "complete": True, "source": "dbt"}
    return facets


def _assertion(uid: str, test: dict, result: dict) -> dict:
    status = result["status"]
    column = test.get("column_name") or ((test.get("test_metadata") or {}).get("kwargs") or {}).get(
        "column_name"
    )
    assertion = {
        "assertion": test.get("name", uid),
        "success": status in ("pass", "warn"),
        **({"column": column} if isinstance(column, str) else {}),
        "status": status,
        "source": "dbt",
    }
    if status == "pass":
        return assertion
    if result.get("message"):
        assertion["message"] = result["message"]
    if result.get("failures") is not None:
        assertion["failures"] = result["failures"]
    if status != "error":
        query = result.get("compiled_code") or test.get("compiled_code")
        if query:
            assertion["failingRowsQuery"] = query
        if result.get("relation_name"):
            assertion["failingRowsTable"] = result["relation_name"]
    return assertion


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
            **({"message": result["error"]} if result.get("error") else {}),
        }
    return out
