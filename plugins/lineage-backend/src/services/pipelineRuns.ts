import type { LoggerService } from '@backstage/backend-plugin-api';
import type { EventsService } from '@backstage/plugin-events-node';
import {
  type BronzeEntry,
  bronzeLoadJobs,
  LINEAGE_UPDATED_TOPIC,
  PIPELINE_RUN_TOPIC,
  type PipelineRunEventPayload,
  readBronzeEntries,
} from '@internal/backstage-plugin-scout-node';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { StaticPassConfig } from '../config';
import type { LineageStore } from './LineageStore';
import { expectationEvents, runDatasets } from './runFacts';
import { type DbtArtifacts, runStaticPass } from './staticPass';
import type { RunEvent } from './runEvent';

/**
 * A DuckDB run's bronze load, from the scout database into bronze: the
 * built-in tables and the `entries` of the run's dbt project.
 */
export function bronzeLoad(
  entries: readonly BronzeEntry[] = [],
): NonNullable<DbtArtifacts['sqlJobs']> {
  return bronzeLoadJobs(entries).map(({ table, sql, columns }) => ({
    name: `bronze load ${table}`,
    sql,
    dialect: 'trino',
    output: `scout.bronze.${table}`,
    columns,
  }));
}

/**
 * What each pipeline run that ends (PIPELINE_RUN_TOPIC) tells the lineage
 * store. The static pass reads the run's dbt artifacts:
 * - a published DuckDB run's lineage is recorded, with its bronze load
 *   (DuckDB has no listener; Trino's runs send their own lineage);
 * - any other run (a Trino run, a failed one) gives only its facts: test
 *   results and source freshness on the nodes.
 * Expectations (Great Expectations over Postgres silver) go on the scout
 * database's nodes, and every dataset the run built or checked gets it as
 * its last run, with the rows it left. New lineage is announced on
 * LINEAGE_UPDATED_TOPIC. A failure is logged; the next run tries again.
 */
export async function subscribeToPipelineRuns(options: {
  events: EventsService;
  store: Pick<LineageStore, 'recordAll' | 'recordFacts' | 'recordRun'>;
  python: string;
  pipeline: StaticPassConfig['pipeline'];
  logger: LoggerService;
}): Promise<void> {
  const { events, logger } = options;
  await events.subscribe({
    id: 'lineage-static-pass',
    topics: [PIPELINE_RUN_TOPIC],
    async onEvent({ eventPayload }) {
      const run = eventPayload as PipelineRunEventPayload;
      try {
        const recorded = await recordRun(run, options);
        if (recorded > 0) {
          await events.publish({
            topic: LINEAGE_UPDATED_TOPIC,
            eventPayload: { runId: run.runId, recorded },
          });
        }
      } catch (error) {
        logger.warn(
          `lineage: could not record pipeline run ${run.runId}: ${error}`,
        );
      }
    },
  });
}

/** Records one run; answers how many new lineage events it recorded. */
async function recordRun(
  run: PipelineRunEventPayload,
  options: Parameters<typeof subscribeToPipelineRuns>[0],
): Promise<number> {
  const { store, python, pipeline, logger } = options;
  const duckdb = run.engine === 'duckdb';
  const namespace = duckdb ? pipeline.namespace : pipeline.trinoNamespace;
  const lineage = duckdb && run.status === 'published';
  let dbt: RunEvent[] = [];
  let recorded = 0;
  if (run.artifactsDir) {
    const file = (name: string) => {
      const path = join(run.artifactsDir!, name);
      return existsSync(path) ? path : undefined;
    };
    const { events, summary } = await runStaticPass(python, {
      manifestPath: join(run.artifactsDir, 'manifest.json'),
      runResultsPath: file('run_results.json'),
      sourcesPath: file('sources.json'),
      namespace,
      renameDatabase: duckdb ? pipeline.renameDatabase : {},
      sqlJobs: lineage
        ? bronzeLoad(
            run.dbtProjectDir ? await readBronzeEntries(run.dbtProjectDir) : [],
          )
        : [],
    });
    dbt = events;
    for (const warning of summary.warnings) logger.warn(`lineage: ${warning}`);
    if (lineage) {
      const results = await store.recordAll(events);
      recorded = results.filter(r => r.recorded).length;
    } else {
      await store.recordFacts(events);
    }
    logger.info(
      `lineage: pipeline run ${run.runId} (${run.engine}, ${run.status}): ${
        summary.models
      } models, ${lineage ? `${recorded} new events` : 'test results only'}`,
    );
  }
  const checked = run.expectationsPath
    ? await expectationEvents(run.expectationsPath, namespace)
    : [];
  if (checked.length) await store.recordFacts(checked);
  await store.recordRun(
    {
      runId: run.runId,
      status: run.status,
      engine: run.engine,
      finishedAt: run.finishedAt,
    },
    runDatasets([...dbt, ...checked], run.rows),
  );
  return recorded;
}
