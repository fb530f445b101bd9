"""dbt exposures (dashboards, notebooks, applications) as OpenLineage jobs
that read the models they depend on (see static_pass.py)."""

from __future__ import annotations

from dbt_project import Project, facet

# Manifest groups whose entries stand between an exposure and the tables it
# reads: a metric is built on semantic models, a semantic model on a model,
# a saved query on metrics.
_LAYERS = {
    "metric.": "metrics",
    "semantic_model.": "semantic_models",
    "saved_query.": "saved_queries",
}


def exposure_event(project: Project, uid: str, exposure: dict) -> dict:
    """The exposure as a job with no outputs, reading every model and
    source it depends on, through metrics and semantic models too."""
    job_facets = {
        "jobType": facet(
            "JobTypeJobFacet",
            processingType="BATCH",
            integration="DBT",
            jobType=f"EXPOSURE_{str(exposure.get('type') or 'application').upper()}",
        )
    }
    if exposure.get("url"):
        job_facets["documentation"] = facet(
            "DocumentationJobFacet",
            description=f"{exposure.get('label') or exposure['name']}: {exposure['url']}",
        )
    parents = tables_behind(project, exposure.get("depends_on", {}).get("nodes", []))
    inputs = [project.input(p) for p in parents]
    return project.event(uid, exposure["name"], job_facets, inputs, [])


def tables_behind(project: Project, ids: list[str]) -> list[str]:
    """The models and sources that `ids` name, or that the metrics, semantic
    models and saved queries among them are built on, in the order found."""
    found: list[str] = []
    seen: set[str] = set()
    stack = list(reversed(ids))
    while stack:
        uid = stack.pop()
        if uid in seen or not isinstance(uid, str):
            continue
        seen.add(uid)
        if uid in project.nodes:
            found.append(uid)
            continue
        group = next((g for prefix, g in _LAYERS.items() if uid.startswith(prefix)), None)
        entry = project.manifest.get(group, {}).get(uid) if group else None
        if not isinstance(entry, dict):
            project.warnings.append(f"{uid}: not in the manifest; left out of what reads it")
            continue
        depends = entry.get("depends_on", {})
        parents = depends.get("nodes", []) if isinstance(depends, dict) else []
        stack.extend(reversed(parents if isinstance(parents, list) else []))
    return found
