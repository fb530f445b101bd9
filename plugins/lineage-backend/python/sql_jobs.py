"""Jobs outside dbt that write a table from a SELECT, as OpenLineage run
events with column lineage: the pipeline's bronze load (see static_pass.py)."""

from __future__ import annotations

from sqlglot.errors import SqlglotError

from query_lineage import query_lineage, tables_read
from dbt_project import Project, facet


def sql_job_event(project: Project, job: dict) -> dict:
    """A job outside dbt that writes `output` from `sql` (a SELECT whose
    tables are named as the datasets are): the pipeline's bronze load."""
    columns = {name: kind for name, kind in job.get("columns", [])}
    try:
        lineage, order, *_ = query_lineage(job["sql"], job.get("dialect"), {}, [])
        tables = tables_read(job["sql"], job.get("dialect"))
    except SqlglotError as error:
        project.warnings.append(
            f"{job['name']}: sqlglot could not parse its SQL: {str(error).splitlines()[0]}"
        )
        lineage, order, tables = {}, [], []
    fields = {
        name: {
            "inputFields": sorted(
                (
                    {
                        "namespace": project.namespace,
                        "name": s.table,
                        "field": s.column,
                        "transformations": [{"type": "DIRECT", "subtype": s.subtype}],
                    }
                    for s in lineage[name]
                ),
                key=lambda i: (i["name"], i["field"]),
            )
        }
        for name in order
    }
    schema = facet(
        "SchemaDatasetFacet",
        fields=[{"name": n, **({"type": t} if t else {})} for n, t in columns.items()],
    )
    database, _, rest = job["output"].partition(".")
    output = {
        "namespace": project.namespace,
        "name": f"{project.renames.get(database, database)}.{rest}",
        "facets": {
            "schema": schema,
            "columnLineage": facet("ColumnLineageDatasetFacet", fields=fields),
        },
    }
    job_facets = {
        "sql": facet("SQLJobFacet", query=job["sql"]),
        "jobType": facet(
            "JobTypeJobFacet", processingType="BATCH", integration="SCOUT", jobType="LOAD"
        ),
    }
    inputs = [{"namespace": project.namespace, "name": t} for t in tables]
    return project.event(f"job.{job['name']}", job["name"], job_facets, inputs, [output]) | {
        "job": {"namespace": project.namespace, "name": job["name"], "facets": job_facets}
    }
