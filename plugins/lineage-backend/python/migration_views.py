"""The views that SQL migrations create, as platform jobs for the lineage store.

Reads every `*.sql` file of a migrations folder in name order with sqlglot's
PostgreSQL dialect. CREATE TABLE statements give the tables' columns and
types; each CREATE VIEW becomes one job that reads the tables its SELECT
reads and writes the view, with each view column's direct sources. A later
DROP VIEW or CREATE OR REPLACE VIEW wins. Tables are named as Trino's
postgresql catalog names them (`postgresql.<schema>.<table>`).

Usage: python migration_views.py --migrations DIR
Prints {"jobs": [...], "warnings": [...]} (the PlatformJob shape of
@internal/backstage-plugin-scout-common, plus `sql`). Exit status 2 when the
folder cannot be read.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

import sqlglot
from sqlglot import exp
from sqlglot.errors import SqlglotError

from column_lineage import table_key
from query_lineage import query_lineage, tables_read

CATALOG = "postgresql"
# DO blocks, grants and policies are parsed as opaque commands, with a warning each.
logging.getLogger("sqlglot").setLevel(logging.ERROR)


def dataset(key: str) -> str:
    """A table key (`scout.silver_transactions`) as its dataset name."""
    return f"{CATALOG}.{key}"


def read_migrations(folder: Path) -> tuple[dict, dict, list[str]]:
    """Tables' columns and views' definitions, as the migrations leave them."""
    tables: dict[str, dict[str, str]] = {}
    views: dict[str, tuple[exp.Expression, str]] = {}
    warnings: list[str] = []
    for path in sorted(folder.glob("*.sql")):
        try:
            statements = sqlglot.parse(path.read_text(), dialect="postgres")
        except SqlglotError as error:
            warnings.append(f"{path.name}: sqlglot could not parse it: {str(error).splitlines()[0]}")
            continue
        for statement in statements:
            if isinstance(statement, exp.Create) and statement.kind == "TABLE":
                schema = statement.this
                if isinstance(schema, exp.Schema):
                    columns = {
                        c.name.lower(): c.args["kind"].sql(dialect="postgres").lower()
                        for c in schema.expressions
                        if isinstance(c, exp.ColumnDef) and c.args.get("kind")
                    }
                    tables[table_key(schema.this)] = columns
            elif isinstance(statement, exp.Create) and statement.kind == "VIEW":
                views[table_key(statement.this)] = (statement.expression, path.name)
            elif isinstance(statement, exp.Drop) and statement.kind == "VIEW":
                for table in statement.args.get("tables") or [statement.this]:
                    if isinstance(table, exp.Table):
                        views.pop(table_key(table), None)
    return tables, views, warnings


def view_job(name: str, query: exp.Expression, file: str, tables: dict, folder: str) -> dict:
    sql = query.sql(dialect="postgres", pretty=True)
    lineage, order, *_ = query_lineage(sql, "postgres", tables, [])
    types = tables.get(name, {})
    return {
        "name": f"view {name}",
        "kind": "view",
        "description": f"The view {name}, as {file} defines it",
        "source": f"{folder}/{file}",
        "sql": sql,
        "inputs": [{"name": dataset(t)} for t in tables_read(sql, "postgres")],
        "outputs": [
            {
                "name": dataset(name),
                "fields": [
                    {
                        "name": column,
                        **({"type": types[column]} if column in types else {}),
                        "from": sorted(
                            (
                                {
                                    "dataset": dataset(s.table),
                                    "field": s.column,
                                    "subtype": s.subtype,
                                }
                                for s in lineage[column]
                            ),
                            key=lambda f: (f["dataset"], f["field"]),
                        ),
                    }
                    for column in order
                ],
            }
        ],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--migrations", required=True)
    args = parser.parse_args()
    folder = Path(args.migrations)
    if not folder.is_dir():
        print(f"{folder} is not a folder of SQL migrations", file=sys.stderr)
        return 2
    tables, views, warnings = read_migrations(folder)
    jobs = []
    for name, (query, file) in sorted(views.items()):
        try:
            jobs.append(view_job(name, query, file, tables, folder.name))
        except SqlglotError as error:
            warnings.append(f"view {name}: {str(error).splitlines()[0]}")
    json.dump({"jobs": jobs, "warnings": warnings}, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
