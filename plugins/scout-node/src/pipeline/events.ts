import type { LakehouseEngine } from './types';

/**
 * The events-service topic on which the scout backend announces each
 * pipeline run that ends. Subscribers (the catalog's lakehouse table
 * provider) refresh on `published` instead of waiting for their schedule.
 */
export const PIPELINE_RUN_TOPIC = 'scout.pipeline.run';

/** The payload of a PIPELINE_RUN_TOPIC event. */
export type PipelineRunEventPayload = {
  runId: string;
  engine: LakehouseEngine;
  status: 'published' | 'failed';
  /** When the run ended, ISO 8601. */
  finishedAt: string;
  /**
   * The run's dbt target directory: manifest.json, run_results.json and,
   * when the freshness step ran, sources.json (the lineage store reads
   * them, for a failed run too). Absent when dbt never ran.
   */
  artifactsDir?: string;
  /**
   * The expectations step's results.json (Great Expectations over Postgres
   * silver), when the step ran.
   */
  expectationsPath?: string;
  /**
   * The dbt project the run built: its bronze/*.yml entries are part of the
   * run's bronze load (readBronzeEntries), which lineage records.
   */
  dbtProjectDir?: string;
  /** Rows per table the run left, `<layer>.<table>` → count. */
  rows?: Record<string, number>;
};

/**
 * The events-service topic on which the lineage store announces new lineage
 * from the static pass (a published DuckDB run, imported dbt artifacts), so
 * the catalog's lakehouse tables pick up their dependsOn without waiting.
 */
export const LINEAGE_UPDATED_TOPIC = 'scout.lineage.updated';
