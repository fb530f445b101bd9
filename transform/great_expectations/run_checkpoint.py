"""Runs the scout_silver checkpoint: the suites in expectations/ over Postgres silver.

Usage: SCOUT_GX_DATABASE_URL=postgres://... python run_checkpoint.py --out DIR

Writes DIR/results.json (the shape the pipeline and the lineage store read) and
DIR/validation.json (GX's own result, for debugging). Exit code 0: every
expectation passed; 1: one failed (both files written); 2: the checkpoint could
not run (no results.json). The URL comes from the environment so that it never
shows in a process list, and the password is masked in every message.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import unquote, urlsplit

SUITE = "scout_silver"
EXPECTATIONS = Path(__file__).resolve().parent / "expectations"


def mask(text: str, url: str) -> str:
    """`text` without the URL's password (raw or percent-decoded)."""
    password = urlsplit(url).password
    for secret in {password, unquote(password or "")} - {None, ""}:
        text = text.replace(secret, "***")
    return text


def ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def literal(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # GX stores bounds as floats: 1.0 reads better as 1
    if isinstance(value, (int, float)):
        return repr(value)
    return "'" + str(value).replace("'", "''") + "'"


def failing_rows_query(kind: str, kwargs: dict, table: str) -> str | None:
    """SQL selecting the rows an expectation finds unexpected; None for table-level ones.

    Column expectations skip nulls, as GX does.
    """
    if kind == "unexpected_rows_expectation":
        return kwargs["unexpected_rows_query"].replace("{batch}", table)
    column = kwargs.get("column")
    col = ident(column) if column else None
    if kind == "expect_column_values_to_not_be_null":
        return f"select * from {table} where {col} is null"
    if kind == "expect_column_values_to_be_unique":
        return (
            f"select * from {table} where {col} in "
            f"(select {col} from {table} group by {col} having count(*) > 1)"
        )
    if kind == "expect_column_values_to_be_in_set":
        values = ", ".join(literal(v) for v in kwargs["value_set"])
        return f"select * from {table} where {col} is not null and {col} not in ({values})"
    if kind == "expect_column_values_to_be_between":
        bounds = []
        if kwargs.get("min_value") is not None:
            op = ">" if kwargs.get("strict_min") else ">="
            bounds.append(f"{col} {op} {literal(kwargs['min_value'])}")
        if kwargs.get("max_value") is not None:
            op = "<" if kwargs.get("strict_max") else "<="
            bounds.append(f"{col} {op} {literal(kwargs['max_value'])}")
        within = " and ".join(bounds) or "true"
        return f"select * from {table} where {col} is not null and not ({within})"
    if kind == "expect_column_pair_values_a_to_be_greater_than_b":
        a, b = ident(kwargs["column_A"]), ident(kwargs["column_B"])
        op = ">=" if kwargs.get("or_equal") else ">"
        return (
            f"select * from {table} where {a} is not null and {b} is not null "
            f"and not ({a} {op} {b})"
        )
    return None


def first_exception(info: dict) -> str | None:
    """The first exception message in GX's exception_info, flat or keyed by metric."""
    if info.get("raised_exception"):
        return info.get("exception_message") or "unknown error"
    nested = (v for v in info.values() if isinstance(v, dict))
    return next((m for m in map(first_exception, nested) if m), None)


def summarize(config: dict, result: dict, table: str) -> dict:
    """One expectation's entry in results.json."""
    kind, kwargs, meta = config["type"], config.get("kwargs", {}), config.get("meta", {})
    success = bool(result.get("success"))
    outcome = result.get("result") or {}
    if kind == "unexpected_rows_expectation":
        failures = outcome.get("observed_value")
        what = config.get("description") or "query"
        message = f"{what}: {failures} unexpected rows"
    elif "unexpected_count" in outcome:
        failures = outcome["unexpected_count"]
        message = f"{failures} of {outcome.get('element_count', '?')} rows unexpected"
        sample = outcome.get("partial_unexpected_list") or []
        if sample:
            message += f", e.g. {', '.join(str(v) for v in sample[:3])}"
    else:
        failures = None
        message = f"observed {outcome.get('observed_value')}"
    exception = first_exception(result.get("exception_info") or {})
    if exception:
        success, message = False, f"could not evaluate: {exception}"
    return {
        "assertion": kind,
        "column": kwargs.get("column") or kwargs.get("column_A") or meta.get("column"),
        "success": success,
        "status": "pass" if success else "fail",
        "message": message,
        "failures": failures,
        "failingRowsQuery": failing_rows_query(kind, kwargs, table),
    }


def run(url: str, out: Path) -> bool:
    """Validates every suite in EXPECTATIONS, writes both files; True when all passed."""
    # Imported here: GX takes seconds to import, and --help should not wait for it.
    import great_expectations as gx
    from great_expectations.core.result_format import ResultFormat
    from great_expectations.data_context.types.base import ProgressBarsConfig

    # Ephemeral: nothing of GX's state is written anywhere, least of all the checkout.
    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)  # noise in a log
    source = context.data_sources.add_postgres(
        name="scout", connection_string=url.replace("postgres://", "postgresql://", 1)
    )
    suites = []
    for path in sorted(EXPECTATIONS.glob("*.json")):
        spec = json.loads(path.read_text())
        schema, _, name = spec["meta"]["table"].partition(".")
        asset = source.add_table_asset(name=name, table_name=name, schema_name=schema)
        suite = context.suites.add(gx.ExpectationSuite(**spec))
        batch = asset.add_batch_definition_whole_table("all")
        definition = context.validation_definitions.add(
            gx.ValidationDefinition(name=spec["name"], data=batch, suite=suite)
        )
        suites.append((spec, definition))
    checkpoint = context.checkpoints.add(
        gx.Checkpoint(
            name=SUITE,
            validation_definitions=[d for _, d in suites],
            result_format={"result_format": ResultFormat.SUMMARY},
        )
    )
    outcome = checkpoint.run()
    raw = {
        "success": outcome.success,
        "validation_results": [r.to_json_dict() for r in outcome.run_results.values()],
    }
    (out / "validation.json").write_text(mask(json.dumps(raw, indent=2), url))

    tables: dict[str, list[dict]] = {}
    for spec, definition in suites:
        result = next(r for r in outcome.run_results.values() if r.suite_name == spec["name"])
        table = spec["meta"]["table"]
        # In the checked-in order, each result found by its expectation's id.
        by_id = {str(r.expectation_config.id): r for r in result.results}
        entries = []
        for expectation in definition.suite.expectations:
            found = by_id[str(expectation.id)].to_json_dict()
            entries.append(summarize(expectation.configuration.to_json_dict(), found, table))
        tables[table] = entries
    success = all(e["success"] for entries in tables.values() for e in entries)
    results = {
        "success": success,
        "validatedAt": datetime.now(timezone.utc).isoformat().replace("+00:00", "Z"),
        "suite": SUITE,
        "tables": tables,
    }
    (out / "results.json").write_text(mask(json.dumps(results, indent=2), url) + "\n")
    return success


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True, type=Path, help="folder for results.json")
    args = parser.parse_args()
    url = os.environ.get("SCOUT_GX_DATABASE_URL", "")
    if not url:
        print("SCOUT_GX_DATABASE_URL is not set", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    try:
        passed = run(url, args.out)
    except Exception as error:  # noqa: BLE001 - any failure is reported, masked, as exit 2
        print(mask(f"{type(error).__name__}: {error}", url), file=sys.stderr)
        return 2
    print(f"{SUITE}: {'every expectation passed' if passed else 'an expectation failed'}")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
