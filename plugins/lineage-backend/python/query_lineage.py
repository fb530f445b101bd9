"""Column lineage of one query: its output columns in order and, for each,
the base-table columns it reads (column_lineage's resolver), with the names
the warehouse gives them; and the tables a query reads."""

from __future__ import annotations

from typing import NamedTuple

import sqlglot
from sqlglot import exp
from sqlglot.errors import SqlglotError
from sqlglot.optimizer.qualify import qualify
from sqlglot.optimizer.scope import build_scope

from column_lineage import (
    Resolver,
    Source,
    is_star,
    is_union,
    projection_subtype,
    select_list,
    star_qualifiers,
    table_key,
    weaker_subtype,
)


# Dialects whose warehouses name a column as its alias is written, in any
# case; sqlglot folds such names to lower case to resolve them.
_ALIAS_CASE_AS_WRITTEN = {"bigquery", "duckdb", "spark", "spark2", "databricks"}


class QueryLineage(NamedTuple):
    """The output columns of a query in order, each with its direct sources;
    whether that list is complete (no `*` or DuckDB `COLUMNS()` was left
    unexpanded); which of the names are explicit aliases; and each table's
    name as the SQL spells it, by table key (Source.table is lower-cased)."""

    lineage: dict[str, set[Source]]
    order: list[str]
    complete: bool
    aliased: set[str]
    spelled: dict[str, str]


def query_lineage(
    sql: str,
    dialect: str | None,
    schema: dict[str, dict[str, str]],
    declared: list[str],
    implicit_aliases: dict[str, exp.Identifier] | None = None,
) -> QueryLineage:
    """The column lineage of one query (see QueryLineage).

    `schema` maps table keys to {column: type} where the columns are known in
    full (it expands `select *`); `declared` names output columns that a star
    we cannot expand may carry; `implicit_aliases` names, by table key, the
    alias an unaliased table is known by (a placeholder's own table name, as
    `orders.id` refers to `from db.app.orders`). Raises SqlglotError on SQL
    it cannot parse.
    """
    tree = sqlglot.parse_one(sql, dialect=dialect)
    for table in tree.find_all(exp.Table):
        implicit = (implicit_aliases or {}).get(table_key(table))
        if implicit is not None and not table.alias:
            table.set("alias", exp.TableAlias(this=implicit.copy()))
    explicit = _alias_spellings(tree)
    spelled = {
        table_key(t): ".".join(p for p in (t.catalog, t.db, t.name) if p)
        for t in tree.find_all(exp.Table)
    }
    written = explicit if dialect in _ALIAS_CASE_AS_WRITTEN else {}
    try:
        tree = qualify(
            tree,
            dialect=dialect,
            schema=schema or None,
            validate_qualify_columns=False,
            quote_identifiers=False,
            identify=False,
        )
    except SqlglotError:
        pass  # unqualified: the resolver still follows names and stars
    root = build_scope(tree)
    if root is None:
        return QueryLineage({}, [], False, set(), spelled)
    resolver = Resolver(schema)
    lineage: dict[str, set[Source]] = {}
    order: list[str] = []
    aliased: set[str] = set()
    branch = root
    while is_union(branch):  # a union's columns are named by its first branch
        branch = branch.set_operation_scopes[0]
    # DuckDB's COLUMNS(...) stands for columns picked at run time, as * does.
    dynamic = [p for p in select_list(branch) if not is_star(p) and p.find(exp.Columns)]
    for projection in select_list(branch):
        if is_star(projection) or projection in dynamic:
            continue
        name = written.get(projection.alias_or_name.lower(), projection.alias_or_name)
        if is_union(root):
            lineage[name] = resolver.column(root, name, "", frozenset())
        else:
            lineage[name] = resolver.projection_sources(root, projection)
        order.append(name)
        if isinstance(projection, exp.Alias) and projection.alias.lower() in explicit:
            aliased.add(name)
    if star_qualifiers(branch) or dynamic:
        for name in declared:
            if name.lower() not in {n.lower() for n in order}:
                found = resolver.from_source(root, root, name, frozenset())
                if not found and dynamic:
                    # One of the columns COLUMNS() picks, from this query's sources.
                    subtype = (
                        projection_subtype(dynamic[0]) if len(dynamic) == 1 else "TRANSFORMATION"
                    )
                    found = {
                        Source(s.table, s.column, weaker_subtype(subtype, s.subtype))
                        for s in resolver.column(root, name, "", frozenset())
                    }
                lineage[name] = found
                order.append(name)
    complete = not star_qualifiers(branch) and not dynamic
    return QueryLineage(lineage, order, complete, aliased, spelled)


def _alias_spellings(tree: exp.Expression) -> dict[str, str]:
    """The explicit aliases of the outermost select list as written, by
    lower-cased name (before sqlglot folds their case)."""
    branch = tree
    while isinstance(branch, (exp.SetOperation, exp.Subquery)):
        branch = branch.this
    selects = branch.selects if isinstance(branch, exp.Query) else []
    return {p.alias.lower(): p.alias for p in selects if isinstance(p, exp.Alias)}


def tables_read(sql: str, dialect: str | None) -> list[str]:
    """The keys of every base table the query reads (joins and filters too),
    without its CTEs."""
    tree = sqlglot.parse_one(sql, dialect=dialect)
    ctes = {cte.alias_or_name.lower() for cte in tree.find_all(exp.CTE)}
    keys = {table_key(t) for t in tree.find_all(exp.Table)}
    return sorted(k for k in keys if k not in ctes)


def relation_table(relation: str, dialect: str | None) -> exp.Identifier | None:
    """The table's own name in a relation (`"orders"` in `"db"."app"."orders"`),
    quoted as written; None for anything else (`read_parquet(...)`)."""
    try:
        table = sqlglot.parse_one(relation, into=exp.Table, dialect=dialect)
    except SqlglotError:
        return None
    return table.this if isinstance(table.this, exp.Identifier) else None
