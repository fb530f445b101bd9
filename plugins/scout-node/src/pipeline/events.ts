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
};
