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
   * When published: the directory holding the run's dbt manifest.json and
   * run_results.json (the lineage store's static pass reads them).
   */
  artifactsDir?: string;
};

/**
 * The events-service topic on which the lineage store announces new lineage
 * from the static pass (a published DuckDB run, imported dbt artifacts), so
 * the catalog's lakehouse tables pick up their dependsOn without waiting.
 */
export const LINEAGE_UPDATED_TOPIC = 'scout.lineage.updated';
