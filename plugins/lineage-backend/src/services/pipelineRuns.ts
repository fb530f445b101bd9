import type { LoggerService } from '@backstage/backend-plugin-api';
import type { EventsService } from '@backstage/plugin-events-node';
import {
  bronzeLoadJobs,
  LINEAGE_UPDATED_TOPIC,
  PIPELINE_RUN_TOPIC,
  type PipelineRunEventPayload,
} from '@internal/backstage-plugin-scout-node';
import { join } from 'node:path';
import type { StaticPassConfig } from '../config';
import type { DbtArtifactImporter } from './DbtArtifactImporter';
import type { DbtArtifacts } from './staticPass';

/**
 * Lineage for the embedded engine's pipeline runs. DuckDB has no listener,
 * so each published run's artifacts (PIPELINE_RUN_TOPIC) and its bronze
 * load go through the static pass; Trino's runs send their own events. New lineage is announced
 * on LINEAGE_UPDATED_TOPIC. A failed pass is logged and the next run tries
 * again.
 */
/** A DuckDB run's bronze load, from the scout database into bronze. */
export const BRONZE_LOAD: NonNullable<DbtArtifacts['sqlJobs']> =
  bronzeLoadJobs().map(({ table, sql, columns }) => ({
    name: `bronze load ${table}`,
    sql,
    dialect: 'trino',
    output: `scout.bronze.${table}`,
    columns,
  }));

export async function subscribeToPipelineRuns(options: {
  events: EventsService;
  importer: Pick<DbtArtifactImporter, 'importFiles'>;
  pipeline: StaticPassConfig['pipeline'];
  logger: LoggerService;
}): Promise<void> {
  const { events, importer, pipeline, logger } = options;
  await events.subscribe({
    id: 'lineage-static-pass',
    topics: [PIPELINE_RUN_TOPIC],
    async onEvent({ eventPayload }) {
      const run = eventPayload as PipelineRunEventPayload;
      if (
        run.status !== 'published' ||
        run.engine !== 'duckdb' ||
        !run.artifactsDir
      ) {
        return;
      }
      try {
        const result = await importer.importFiles({
          manifestPath: join(run.artifactsDir, 'manifest.json'),
          runResultsPath: join(run.artifactsDir, 'run_results.json'),
          sqlJobs: BRONZE_LOAD,
          ...pipeline,
        });
        logger.info(
          `lineage: pipeline run ${run.runId}: ${result.models} models, ${result.fields} columns with lineage, ${result.recorded} new events (${result.seconds} s)`,
        );
        for (const warning of result.warnings) {
          logger.warn(`lineage: ${warning}`);
        }
        if (result.recorded > 0) {
          await events.publish({
            topic: LINEAGE_UPDATED_TOPIC,
            eventPayload: { runId: run.runId, recorded: result.recorded },
          });
        }
      } catch (error) {
        logger.warn(
          `lineage: the static pass over pipeline run ${run.runId} failed: ${error}`,
        );
      }
    },
  });
}
