"""A dbt project's models, exposures and extra SQL jobs as OpenLineage run
events: the static pass's derivation, over one manifest (see static_pass.py)."""

from __future__ import annotations

import uuid

import sqlglot
from sqlglot import exp
from sqlglot.errors import SqlglotError

from artifacts import catalog_columns
from query_lineage import query_lineage, relation_table
from quality import assertions_by_node, freshness_by_source

# A URI that names this producer without claiming a web address.
PRODUCER = "urn:scout:lineage-backend:static-pass"
SCHEMA_URL = "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent"
FACET_URL = "https://openlineage.io/spec/facets/1-0-1/{}.json"


# dbt adapters whose SQL dialect sqlglot knows by another name.
ADAPTER_DIALECTS = {"sqlserver": "tsql", "synapse": "tsql", "fabric": "tsql", "glue": "spark"}
# Warehouses that keep every table name in lower case, quoted or not (Trino,
# Redshift by default, Hive and Unity Catalog metastores): a model aliased
# "Orders" is the table `orders` there, the name their own lineage (Trino's
# listener, Spark's) reports, so the static pass names it so too.
LOWER_CASE_ADAPTERS = {
    "trino",
    "presto",
    "athena",
    "redshift",
    "spark",
    "databricks",
    "glue",
    "hive",
}


def facet(kind: str, **body) -> dict:
    return {"_producer": PRODUCER, "_schemaURL": FACET_URL.format(kind), **body}


class Project:
    def __init__(
        self,
        manifest: dict,
        catalog: dict | None,
        namespace: str,
        renames: dict,
        run_results: dict | None = None,
        sources: dict | None = None,
    ):
        self.manifest = manifest
        self.warnings: list[str] = []
        self.quality = (
            assertions_by_node(manifest, run_results, self.warnings) if run_results else {}
        )
        self.freshness = freshness_by_source(sources) if sources else {}
        self.carried: set[str] = set()  # inputs whose checks an event carries
        self.namespace = namespace
        self.renames = renames
        self.nodes = {**manifest.get("nodes", {}), **manifest.get("sources", {})}
        self.catalog_columns = catalog_columns(catalog or {})
        meta = manifest.get("metadata", {})
        adapter = meta.get("adapter_type")
        self.folds_case = adapter in LOWER_CASE_ADAPTERS
        adapter = ADAPTER_DIALECTS.get(adapter, adapter)
        self.dialect = adapter if adapter in sqlglot.Dialect.classes else None
        self.invocation = meta.get("invocation_id") or "unknown"
        self.event_time = meta.get("generated_at") or "1970-01-01T00:00:00Z"
        self.derived: dict[str, dict[str, str | None]] = {}  # complete outputs
        if adapter and not self.dialect:
            self.warnings.append(
                f"adapter {adapter}: no sqlglot dialect of that name; its SQL is read as generic SQL"
            )

    def dataset_name(self, uid: str) -> str:
        node = self.nodes[uid]
        database = node.get("database") or ""
        database = self.renames.get(database, database)
        table = node.get("alias") or node.get("identifier") or node["name"]
        return self.table_name(".".join(p for p in (database, node.get("schema"), table) if p))

    def table_name(self, name: str) -> str:
        """A table's name as the warehouse keeps it."""
        return name.lower() if self.folds_case else name

    def columns(self, uid: str) -> dict[str, str | None]:
        """Known columns of a node: catalog, else derived, else declared."""
        if uid in self.catalog_columns:
            return self.catalog_columns[uid]
        if uid in self.derived:
            return self.derived[uid]
        declared = self.nodes[uid].get("columns", {})
        return {c.get("name", k): c.get("data_type") for k, c in declared.items()}

    def complete(self, uid: str) -> bool:
        return uid in self.catalog_columns or uid in self.derived

    def dataset(self, uid: str, with_schema: bool = True) -> dict:
        ref = {"namespace": self.namespace, "name": self.dataset_name(uid)}
        fields = self.columns(uid)
        if with_schema and fields:
            ref["facets"] = {
                "schema": facet(
                    "SchemaDatasetFacet",
                    fields=[{"name": n, **({"type": t} if t else {})} for n, t in fields.items()],
                )
            }
        return ref

    def ephemeral(self, uid: str) -> bool:
        return self.nodes[uid].get("config", {}).get("materialized") == "ephemeral"

    def model_event(self, uid: str) -> dict:
        node = self.nodes[uid]
        parents = [p for p in node.get("depends_on", {}).get("nodes", []) if p in self.nodes]
        relations = self.relations_read(parents)
        # An ephemeral parent is no table: the model reads what it reads.
        tables = [p for p in relations if not self.ephemeral(p)]
        sql = node.get("compiled_code") or node.get("compiled_sql")
        output = self.dataset(uid, with_schema=False)
        job_type = "SNAPSHOT" if node.get("resource_type") == "snapshot" else "MODEL"
        job_facets = {
            "jobType": facet(
                "JobTypeJobFacet", processingType="BATCH", integration="DBT", jobType=job_type
            )
        }
        if node.get("language") == "python":
            self.warnings.append(f"{uid}: a Python model; table lineage only")
            fields = None
        elif sql:
            job_facets["sql"] = facet("SQLJobFacet", query=sql)
            fields = self.derive(uid, sql, relations)
        else:
            self.warnings.append(
                f"{uid}: no compiled SQL (compile the project first); table lineage only"
            )
            fields = None
        inputs = [self.input(p) for p in tables]
        if fields:
            # A table the SQL names without ref() or source() (a hard-coded
            # relation) is read too: an input, as its columns' edges say.
            named = {i["name"] for i in inputs}
            read = {f["name"] for v in fields.values() for f in v["inputFields"]}
            inputs += [{"namespace": self.namespace, "name": n} for n in sorted(read - named)]
        if fields is not None:
            output["facets"] = {
                "schema": facet(
                    "SchemaDatasetFacet",
                    fields=[
                        {"name": n, **({"type": t} if t else {})}
                        for n, t in self.columns(uid).items()
                    ],
                ),
                "columnLineage": facet("ColumnLineageDatasetFacet", fields=fields),
            }
        if uid in self.quality:
            output.setdefault("facets", {})["dataQualityAssertions"] = facet(
                "DataQualityAssertionsDatasetFacet", **self.quality[uid]
            )
        return self.event(uid, node["name"], job_facets, inputs, [output])

    def input(self, uid: str) -> dict:
        """A job's input; a source or seed (no event of its own) carries its
        tests and freshness as input facets."""
        ref = self.dataset(uid)
        facets = {}
        if uid.split(".")[0] in ("source", "seed") and uid in self.quality:
            facets["dataQualityAssertions"] = facet(
                "DataQualityAssertionsDatasetFacet", **self.quality[uid]
            )
        if uid in self.freshness:
            facets["scout_freshness"] = {
                "_producer": PRODUCER,
                "_schemaURL": f"{PRODUCER}#scout_freshness",
                **self.freshness[uid],
            }
        if facets:
            self.carried.add(uid)
        return {**ref, "inputFacets": facets} if facets else ref

    def derive(self, uid: str, sql: str, relations: list[str]) -> dict | None:
        """The model's column lineage from its compiled SQL; `relations` are
        the nodes it names there (relations_read)."""
        # dbt wrote each parent's relation into the SQL as its relation_name
        # (quoted, or a read_parquet(...) call for external sources): swap
        # each for a plain placeholder so quoting and case cannot break the match.
        placeholders: dict[str, str] = {}
        # An unaliased relation is still known by its table's name
        # (`orders.id` in `from "db"."app"."orders"`): so is its placeholder.
        implicit: dict[str, exp.Identifier] = {}
        for i, parent in sorted(
            enumerate(relations), key=lambda p: -len(self.nodes[p[1]].get("relation_name") or "")
        ):
            relation = self.nodes[parent].get("relation_name")
            if relation and relation in sql:
                key = f"__scout_rel_{i}"
                sql = sql.replace(relation, key)
                placeholders[key] = parent
                name = relation_table(relation, self.dialect)
                if name is not None:
                    implicit[key] = name
        by_name = {self.dataset_name(p).lower(): p for p in relations}
        by_name.update({".".join(self.dataset_name(p).lower().split(".")[-2:]): p for p in relations})
        schema = {
            k: {c.lower(): (t or "UNKNOWN") for c, t in self.columns(p).items()}
            for k, p in placeholders.items()
            if self.complete(p)
        }
        declared = list(self.columns(uid))
        try:
            lineage, order, complete, aliased, spelled = query_lineage(
                sql, self.dialect, schema, declared, implicit
            )
        except SqlglotError as error:
            self.warnings.append(
                f"{uid}: sqlglot could not parse its SQL: {str(error).splitlines()[0]}"
            )
            return None
        except RecursionError:
            self.warnings.append(f"{uid}: its SQL nests too deep for sqlglot; table lineage only")
            return None
        known = {n.lower(): n for n in self.columns(uid)}
        fields, types = {}, {}
        for name in order:
            inputs = []
            for source in lineage[name]:
                if not source.table:
                    continue  # a table function's rows (read_parquet(...)): no dataset
                parent = placeholders.get(source.table) or by_name.get(source.table)
                dataset = (
                    self.dataset_name(parent)
                    if parent
                    else self.table_name(spelled.get(source.table, source.table))
                )
                parent_columns = {c.lower(): c for c in self.columns(parent)} if parent else {}
                inputs.append(
                    {
                        "namespace": self.namespace,
                        "name": dataset,
                        "field": parent_columns.get(source.column.lower(), source.column),
                        "transformations": [{"type": "DIRECT", "subtype": source.subtype}],
                    }
                )
            out = known.get(name.lower()) or (
                name if name in aliased else passed_through(name, inputs)
            )
            fields[out] = {"inputFields": sorted(inputs, key=lambda i: (i["name"], i["field"]))}
            types[out] = self.columns(uid).get(out)
        # Its columns are known in full only when no star was left unexpanded:
        # else a child's `select *` of it would find no columns at all.
        if (
            uid not in self.catalog_columns
            and complete
            and not any(n.lower() not in {o.lower() for o in order} for n in declared)
        ):
            self.derived[uid] = types
        return fields

    def relations_read(self, parents: list[str]) -> list[str]:
        """The parents whose relations a model's compiled SQL names: an
        ephemeral parent is a CTE there, which reads its own parents."""
        out: list[str] = []
        stack = list(reversed(parents))
        while stack:
            uid = stack.pop()
            if uid in out:
                continue
            out.append(uid)
            if self.ephemeral(uid):
                node = self.nodes[uid]
                stack.extend(
                    p for p in node.get("depends_on", {}).get("nodes", []) if p in self.nodes
                )
        return out

    def event(self, uid: str, name: str, job_facets: dict, inputs: list, outputs: list) -> dict:
        return {
            "eventType": "COMPLETE",
            "eventTime": self.event_time,
            "producer": PRODUCER,
            "schemaURL": SCHEMA_URL,
            "run": {"runId": str(uuid.uuid5(uuid.NAMESPACE_URL, f"{self.invocation}/{uid}"))},
            # The jobs share the datasets' namespace: two projects (or the
            # pipeline and an import) never take over each other's jobs.
            "job": {"namespace": self.namespace, "name": uid, "facets": job_facets},
            "inputs": inputs,
            "outputs": outputs,
        }

    def models_in_order(self) -> list[str]:
        """Models (and snapshots, tables written from a SELECT too) parents
        first, so derived column lists feed their children.
        Ephemeral models are left out: no table, they are CTEs inside their
        children's SQL, whose lineage goes through them to what they read.
        So is another project's public model (dbt mesh): no SQL here, and
        its own project's events say what builds it."""
        project = self.manifest.get("metadata", {}).get("project_name")
        models = {
            k
            for k, n in self.manifest.get("nodes", {}).items()
            if n.get("resource_type") in ("model", "snapshot")
            and not (
                project
                and n.get("package_name") not in (None, project)
                and not (n.get("compiled_code") or n.get("compiled_sql") or n.get("raw_code"))
            )
        }
        done: list[str] = []
        state: dict[str, int] = {}
        for start in sorted(models):
            stack = [(start, False)]
            while stack:
                uid, expanded = stack.pop()
                if expanded:
                    state[uid] = 2
                    if not self.ephemeral(uid):
                        done.append(uid)
                    continue
                if state.get(uid):
                    continue
                state[uid] = 1
                stack.append((uid, True))
                for parent in self.nodes[uid].get("depends_on", {}).get("nodes", []):
                    if parent in models and not state.get(parent):
                        stack.append((parent, False))
        return done


def passed_through(name: str, inputs: list[dict]) -> str:
    """An output column's name as its one unchanged source spells it: a
    `select *` expanded from the catalog reaches sqlglot case-folded."""
    if len(inputs) == 1:
        (source,) = inputs
        same = source["field"].lower() == name.lower()
        if same and source["transformations"][0]["subtype"] == "IDENTITY":
            return source["field"]
    return name
