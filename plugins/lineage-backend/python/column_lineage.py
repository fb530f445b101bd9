"""Column lineage of one SELECT, with sqlglot's parser and scope analysis.

For every output column of a query, the base-table columns it reads directly
(through CTEs, subqueries, unions and `select *`), and how: IDENTITY (a bare
column), AGGREGATION (under an aggregate function) or TRANSFORMATION (any
other expression). Filters, joins and GROUP BY keys are not listed, like the
column lineage Trino's analyzer reports.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlglot
from sqlglot import exp
from sqlglot.errors import SqlglotError
from sqlglot.optimizer.qualify import qualify
from sqlglot.optimizer.scope import Scope, build_scope


@dataclass(frozen=True)
class Source:
    """One base-table column an output column reads."""

    table: str  # the table's key: its name as written, lower-cased, dotted
    column: str
    subtype: str  # IDENTITY, TRANSFORMATION or AGGREGATION


def table_key(table: exp.Table) -> str:
    parts = [table.catalog, table.db, table.name]
    return ".".join(p.lower() for p in parts if p)


# Window functions that sqlglot files under aggregates but that pick or
# rank rows rather than combine values: lag(x) is x from another row.
_ROW_PICKERS = (
    exp.Lag,
    exp.Lead,
    exp.FirstValue,
    exp.LastValue,
    exp.NthValue,
    exp.Rank,
    exp.DenseRank,
    exp.Ntile,
    exp.PercentRank,
    exp.CumeDist,
)


def _subtype(projection: exp.Expression) -> str:
    inner = projection.this if isinstance(projection, exp.Alias) else projection
    if isinstance(inner, exp.Column):
        return "IDENTITY"
    if any(not isinstance(f, _ROW_PICKERS) for f in inner.find_all(exp.AggFunc)):
        return "AGGREGATION"
    return "TRANSFORMATION"


def _weaker(a: str, b: str) -> str:
    """The combined subtype of two steps: IDENTITY only if both are."""
    order = ["IDENTITY", "TRANSFORMATION", "AGGREGATION"]
    return max(a, b, key=order.index)


class _Resolver:
    def __init__(self, schema: dict[str, dict[str, str]]):
        self.schema = schema

    def projection_sources(
        self, scope: Scope, projection: exp.Expression, seen: frozenset = frozenset()
    ) -> set[Source]:
        """What one projection of `scope` reads, its scalar subqueries' too."""
        subtype = _subtype(projection)
        return {
            Source(src.table, src.column, _weaker(subtype, src.subtype))
            for src in self._reads(scope, projection, seen)
        }

    def _reads(self, scope: Scope, expression: exp.Expression, seen: frozenset) -> set[Source]:
        out: set[Source] = set()

        # A nested query's columns belong to its own scope (a correlated
        # subquery's would otherwise be looked up in this one): only what
        # it selects is read.
        def nested(node: exp.Expression) -> bool:
            return node is not expression and isinstance(node, exp.Query)

        for node in expression.walk(prune=nested):
            if isinstance(node, exp.Column) and not isinstance(node.this, exp.Star):
                out |= self.column(scope, node.name, node.table, seen)
            elif nested(node):
                for child in scope.subquery_scopes:
                    if child.expression is node or child.expression is node.this:
                        for projection in _selects(child):
                            out |= self.projection_sources(child, projection, seen)
        return out

    def column(self, scope: Scope, name: str, qualifier: str, seen: frozenset) -> set[Source]:
        key = (id(scope), name.lower(), qualifier.lower())
        if key in seen:  # a recursive CTE refers to itself
            return set()
        seen = seen | {key}
        if _is_union(scope):
            return self._union_column(scope, name, seen)
        # What this scope reads (FROM and JOIN), not every CTE it could see.
        sources = {alias: source for alias, (_, source) in scope.selected_sources.items()}
        if qualifier:
            candidates = [sources[qualifier]] if qualifier in sources else []
        else:
            # An unqualified name: the sources known to have it, else the only
            # one whose columns are unknown (the others do not have it).
            having = [s for s in sources.values() if self._has(s, name)]
            unknown = [s for s in sources.values() if not self._known(s)]
            candidates = having or (unknown if len(unknown) == 1 else [])
        out = set()
        for source in candidates:
            out |= self._from(scope, source, name, seen)
        return out

    def _union_column(self, scope: Scope, name: str, seen: frozenset) -> set[Source]:
        """A union's column: each branch's column at its place in the first
        branch, as SQL matches them; by name in a BY NAME union (DuckDB), or
        for a column a `*` brings (its place unknown)."""
        leaves = _union_leaves(scope)
        position = None if scope.expression.args.get("by_name") else _position(leaves[0], name)
        out: set[Source] = set()
        for leaf in leaves:
            selects = _selects(leaf)
            if position is None:
                out |= self._from(scope, leaf, name, seen)
            elif position < len(selects):
                out |= self.projection_sources(leaf, selects[position], seen)
        return out

    def _has(self, source, name: str) -> bool:
        if isinstance(source, exp.Table):
            return name.lower() in self.schema.get(table_key(source), {})
        if not isinstance(source, Scope):
            return False
        return any(s.alias_or_name.lower() == name.lower() for s in _selects(source))

    def _known(self, source) -> bool:
        """Whether all of a source's columns are known: a table with a
        schema, or a query without an unexpanded `*`."""
        if isinstance(source, exp.Table):
            return table_key(source) in self.schema
        if not isinstance(source, Scope) or not isinstance(source.expression, exp.Query):
            return False
        return all(not _stars(leaf) for leaf in _union_leaves(source))

    def _from(self, scope: Scope, source, name: str, seen: frozenset) -> set[Source]:
        """Column `name` of one source that `scope` reads."""
        if isinstance(source, exp.Table):
            return {Source(table_key(source), self._renamed(source, name), "IDENTITY")}
        if not isinstance(source, Scope):
            return set()
        if not isinstance(source.expression, exp.Query):
            # A table function (UNNEST, LATERAL FLATTEN, LATERAL VIEW
            # EXPLODE): its columns come from what its arguments read, in
            # the scope that calls it.
            return {
                Source(src.table, src.column, _weaker("TRANSFORMATION", src.subtype))
                for src in self._reads(scope, source.expression, seen)
            }
        if _is_union(source):
            return self.column(source, name, "", seen)
        for projection in _selects(source):
            if projection.alias_or_name.lower() == name.lower() and not _is_star(projection):
                return self.projection_sources(source, projection, seen)
        # Not listed: it passes through a `select *` (or `t.*`) of this scope.
        out = set()
        for star in _stars(source):
            out |= self.column(source, name, star, seen)
        return out

    def _renamed(self, table: exp.Table, name: str) -> str:
        """The table's own name for `name`: `from t as x(a, b)` calls t's
        first two columns a and b (known when its schema is)."""
        alias = table.args.get("alias")
        renames = [c.name.lower() for c in alias.columns] if alias else []
        if name.lower() not in renames:
            return name
        columns = list(self.schema.get(table_key(table), {}))
        position = renames.index(name.lower())
        return columns[position] if position < len(columns) else name


def _is_star(projection: exp.Expression) -> bool:
    return isinstance(projection, exp.Star) or (
        isinstance(projection, exp.Column) and isinstance(projection.this, exp.Star)
    )


def _position(scope: Scope, name: str) -> int | None:
    """Where `name` is in the scope's select list; None when it is not
    listed, or a `*` before it makes its place unknown."""
    for position, projection in enumerate(_selects(scope)):
        if _is_star(projection):
            return None
        if projection.alias_or_name.lower() == name.lower():
            return position
    return None


def _is_union(scope: Scope) -> bool:
    return isinstance(scope.expression, exp.SetOperation)


def _selects(scope: Scope) -> list[exp.Expression]:
    expression = scope.expression
    return list(expression.selects) if isinstance(expression, exp.Query) else []


def _stars(scope: Scope) -> list[str]:
    """The qualifiers of the scope's `*` projections ('' for a bare `*`)."""
    out = []
    for projection in _selects(scope):
        if isinstance(projection, exp.Star):
            out.append("")
        elif isinstance(projection, exp.Column) and isinstance(projection.this, exp.Star):
            out.append(projection.table)
    return out


def query_lineage(
    sql: str,
    dialect: str,
    schema: dict[str, dict[str, str]],
    declared: list[str],
) -> tuple[dict[str, set[Source]], list[str], bool]:
    """The output columns of `sql` in order, each with its direct sources,
    and whether that list is complete (no `select *` was left unexpanded).

    `schema` maps table keys to {column: type} where the columns are known in
    full (it expands `select *`); `declared` names output columns that a star
    we cannot expand may carry. Raises SqlglotError on SQL it cannot parse.
    """
    tree = sqlglot.parse_one(sql, dialect=dialect)
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
        return {}, [], False
    resolver = _Resolver(schema)
    lineage: dict[str, set[Source]] = {}
    order: list[str] = []
    branch = root
    while _is_union(branch):  # a union's columns are named by its first branch
        branch = branch.set_operation_scopes[0]
    for projection in _selects(branch):
        if _is_star(projection):
            continue
        name = projection.alias_or_name
        if _is_union(root):
            lineage[name] = resolver.column(root, name, "", frozenset())
        else:
            lineage[name] = resolver.projection_sources(root, projection)
        order.append(name)
    if _stars(branch):
        for name in declared:
            if name.lower() not in {n.lower() for n in order}:
                lineage[name] = resolver._from(root, root, name, frozenset())
                order.append(name)
    return lineage, order, not _stars(branch)


def _union_leaves(scope: Scope) -> list[Scope]:
    if not _is_union(scope):
        return [scope]
    return [leaf for branch in scope.set_operation_scopes for leaf in _union_leaves(branch)]


def tables_read(sql: str, dialect: str | None) -> list[str]:
    """The keys of every base table the query reads (joins and filters too),
    without its CTEs."""
    tree = sqlglot.parse_one(sql, dialect=dialect)
    ctes = {cte.alias_or_name.lower() for cte in tree.find_all(exp.CTE)}
    keys = {table_key(t) for t in tree.find_all(exp.Table)}
    return sorted(k for k in keys if k not in ctes)
