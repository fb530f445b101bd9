"""Column lineage of one SELECT, with sqlglot's parser and scope analysis.

For every output column of a query, the base-table columns it reads directly
(through CTEs, subqueries, unions and `select *`), and how: IDENTITY (a bare
column), AGGREGATION (under an aggregate function) or TRANSFORMATION (any
other expression). Filters, joins and GROUP BY keys are not listed, like the
column lineage Trino's analyzer reports.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlglot import exp
from sqlglot.optimizer.scope import Scope


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


def projection_subtype(projection: exp.Expression) -> str:
    inner = projection.this if isinstance(projection, exp.Alias) else projection
    if isinstance(inner, (exp.Column, exp.Columns)):
        return "IDENTITY"
    if any(not isinstance(f, _ROW_PICKERS) for f in inner.find_all(exp.AggFunc)):
        return "AGGREGATION"
    return "TRANSFORMATION"


def weaker_subtype(a: str, b: str) -> str:
    """The combined subtype of two steps: IDENTITY only if both are."""
    order = ["IDENTITY", "TRANSFORMATION", "AGGREGATION"]
    return max(a, b, key=order.index)


class Resolver:
    def __init__(self, schema: dict[str, dict[str, str]]):
        self.schema = schema

    def projection_sources(
        self, scope: Scope, projection: exp.Expression, seen: frozenset = frozenset()
    ) -> set[Source]:
        """What one projection of `scope` reads, its scalar subqueries' too."""
        subtype = projection_subtype(projection)
        return {
            Source(src.table, src.column, weaker_subtype(subtype, src.subtype))
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
                        for projection in select_list(child):
                            out |= self.projection_sources(child, projection, seen)
        return out

    def column(self, scope: Scope, name: str, qualifier: str, seen: frozenset) -> set[Source]:
        key = (id(scope), name.lower(), qualifier.lower())
        if key in seen:  # a recursive CTE refers to itself
            return set()
        seen = seen | {key}
        if is_union(scope):
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
            out |= self.from_source(scope, source, name, seen)
        return out

    def _union_column(self, scope: Scope, name: str, seen: frozenset) -> set[Source]:
        """A union's column: each branch's column at its place in the first
        branch, as SQL matches them; by name in a BY NAME union (DuckDB), or
        for a column a `*` brings (its place unknown)."""
        leaves = _union_leaves(scope)
        position = None if scope.expression.args.get("by_name") else _position(leaves[0], name)
        out: set[Source] = set()
        for leaf in leaves:
            selects = select_list(leaf)
            if position is None:
                out |= self.from_source(scope, leaf, name, seen)
            elif position < len(selects):
                out |= self.projection_sources(leaf, selects[position], seen)
        return out

    def _has(self, source, name: str) -> bool:
        if isinstance(source, exp.Table):
            return name.lower() in self.schema.get(table_key(source), {})
        if not isinstance(source, Scope):
            return False
        return any(s.alias_or_name.lower() == name.lower() for s in select_list(source))

    def _known(self, source) -> bool:
        """Whether all of a source's columns are known: a table with a
        schema, or a query without an unexpanded `*`."""
        if isinstance(source, exp.Table):
            return table_key(source) in self.schema
        if not isinstance(source, Scope) or not isinstance(source.expression, exp.Query):
            return False
        return all(not star_qualifiers(leaf) for leaf in _union_leaves(source))

    def from_source(self, scope: Scope, source, name: str, seen: frozenset) -> set[Source]:
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
                Source(src.table, src.column, weaker_subtype("TRANSFORMATION", src.subtype))
                for src in self._reads(scope, source.expression, seen)
            }
        if is_union(source):
            return self.column(source, name, "", seen)
        for projection in select_list(source):
            if projection.alias_or_name.lower() == name.lower() and not is_star(projection):
                return self.projection_sources(source, projection, seen)
        # Not listed: it passes through a `select *` (or `t.*`) of this scope.
        out = set()
        for star in star_qualifiers(source):
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


def is_star(projection: exp.Expression) -> bool:
    return isinstance(projection, exp.Star) or (
        isinstance(projection, exp.Column) and isinstance(projection.this, exp.Star)
    )


def _position(scope: Scope, name: str) -> int | None:
    """Where `name` is in the scope's select list; None when it is not
    listed, or a `*` before it makes its place unknown."""
    for position, projection in enumerate(select_list(scope)):
        if is_star(projection):
            return None
        if projection.alias_or_name.lower() == name.lower():
            return position
    return None


def is_union(scope: Scope) -> bool:
    return isinstance(scope.expression, exp.SetOperation)


def select_list(scope: Scope) -> list[exp.Expression]:
    expression = scope.expression
    return list(expression.selects) if isinstance(expression, exp.Query) else []


def star_qualifiers(scope: Scope) -> list[str]:
    """The qualifiers of the scope's `*` projections ('' for a bare `*`)."""
    out = []
    for projection in select_list(scope):
        if isinstance(projection, exp.Star):
            out.append("")
        elif isinstance(projection, exp.Column) and isinstance(projection.this, exp.Star):
            out.append(projection.table)
    return out


def _union_leaves(scope: Scope) -> list[Scope]:
    if not is_union(scope):
        return [scope]
    return [leaf for branch in scope.set_operation_scopes for leaf in _union_leaves(branch)]
