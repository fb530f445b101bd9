"""The static lineage pass: dbt artifacts in, OpenLineage run events out.

Reads a compiled manifest.json (and catalog.json when given, for the column
lists that expand `select *`), derives every model's column lineage with
sqlglot in the adapter's dialect, and writes one COMPLETE RunEvent per model
and per exposure to stdout, one JSON object per line. A summary goes to
stderr as the last line, JSON: {"models", "fields", "warnings", "seconds"}.

Usage: python static_pass.py --manifest M [--catalog C] [--run-results R]
         [--sources S] [--jobs J] [--namespace N] [--rename-database FROM=TO ...]
--jobs adds jobs outside dbt that write a table from a SELECT (the
pipeline's bronze load), one event each.
With run_results.json, each model's and snapshot's test results ride on its
output as a dataQualityAssertions facet, and a source's or seed's on the
models that read it as an input facet; the facet's `complete` says whether
the run ran all of the node's tests (quality.py). With sources.json, so
does each source's freshness (scout_freshness). A checked source or seed no
model reads is read by a job of its own (checks.py).
Exit status 2 on unusable input (the message says which file and why).
"""

from __future__ import annotations

import argparse
import json
import sys
import time

from artifacts import load
from checks import checks_event
from dbt_project import Project
from exposures import exposure_event
from sql_jobs import sql_job_event


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--manifest", required=True)
    parser.add_argument("--catalog")
    parser.add_argument(
        "--run-results", help="run_results.json: test results become quality assertions"
    )
    parser.add_argument(
        "--sources", help="sources.json: source freshness rides on the sources as a facet"
    )
    parser.add_argument(
        "--namespace", help="the datasets' namespace (default <adapter>://<project>)"
    )
    parser.add_argument("--rename-database", action="append", default=[], metavar="FROM=TO")
    parser.add_argument(
        "--jobs", help='jobs outside dbt: {"jobs": [{name, sql, dialect, output, columns}]}'
    )
    args = parser.parse_args()
    started = time.monotonic()
    try:
        manifest = load(args.manifest, "manifest")
        catalog = load(args.catalog, "catalog") if args.catalog else None
        run_results = load(args.run_results, "run_results") if args.run_results else None
        sources = load(args.sources, "sources") if args.sources else None
        renames = dict(renaming(r) for r in args.rename_database)
        jobs = load(args.jobs, "jobs") if args.jobs else {"jobs": []}
    except ValueError as error:
        print(str(error), file=sys.stderr)
        return 2
    meta = manifest.get("metadata", {})
    namespace = (
        args.namespace
        or f"{meta.get('adapter_type', 'dbt')}://{meta.get('project_name', 'project')}"
    )
    project = Project(manifest, catalog, namespace, renames, run_results, sources)
    out = sys.stdout
    fields = 0
    models = project.models_in_order()
    for uid in models:
        event = project.model_event(uid)
        fields += len(
            event["outputs"][0].get("facets", {}).get("columnLineage", {}).get("fields", {})
        )
        out.write(json.dumps(event) + "\n")
    for job in jobs.get("jobs", []):
        event = sql_job_event(project, job)
        fields += len(event["outputs"][0]["facets"]["columnLineage"]["fields"])
        out.write(json.dumps(event) + "\n")
    for uid, exposure in sorted(manifest.get("exposures", {}).items()):
        out.write(json.dumps(exposure_event(project, uid, exposure)) + "\n")
    checks = checks_event(project)
    if checks:
        out.write(json.dumps(checks) + "\n")
    summary = {
        "models": len(models),
        "fields": fields,
        "warnings": project.warnings,
        "seconds": round(time.monotonic() - started, 3),
    }
    print(json.dumps(summary), file=sys.stderr)
    return 0


def renaming(rule: str) -> tuple[str, str]:
    source, equals, target = rule.partition("=")
    if not equals or not source:
        raise ValueError(f"--rename-database takes FROM=TO, not {rule!r}")
    return source, target


if __name__ == "__main__":
    sys.exit(main())
