"""The checks of sources and seeds that no job reads, as a job of their own
(see static_pass.py): a source or seed has no event, so its tests and
freshness ride on the jobs that read it as input facets (Project.input);
with no such job they would be lost."""

from __future__ import annotations

from dbt_project import Project, facet

# The job's name, in the project's namespace.
CHECKS_JOB = "dbt tests and source freshness"


def checks_event(project: Project) -> dict | None:
    """A job reading every checked source and seed no input carried yet,
    with their checks; None when there is none. Call it last."""
    # A source or seed with no tests has an empty facet: nothing to carry.
    tested = {uid for uid, q in project.quality.items() if q["assertions"]}
    checked = sorted(
        uid
        for uid in {*project.freshness, *tested}
        if uid.split(".")[0] in ("source", "seed") and uid in project.nodes
    )
    left = [uid for uid in checked if uid not in project.carried]
    if not left:
        return None
    job_facets = {
        "jobType": facet(
            "JobTypeJobFacet", processingType="BATCH", integration="DBT", jobType="TEST"
        )
    }
    inputs = [project.input(uid) for uid in left]
    return project.event(CHECKS_JOB, CHECKS_JOB, job_facets, inputs, [])
