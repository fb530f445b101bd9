import { createApiRef } from '@backstage/frontend-plugin-api';
import type {
  IngestSummary,
  PipelineOverview,
  PipelineRun,
  PipelineRunDetail,
} from '@internal/backstage-plugin-scout-client';
import { BackendRequestError } from '@internal/backstage-plugin-scout-react';

/**
 * The scout backend's pipeline and ingest routes, unwrapped: each method
 * resolves with the response body's payload or rejects with a
 * {@link BackendRequestError} (status 0 when the backend is unreachable).
 *
 * Date-times are typed `Date` by the generator but arrive as ISO strings;
 * `lib/format` accepts both.
 */
export interface ScoutApi {
  /** Runs, newest first; `limit` 1 to 500 (the backend's default is 20). */
  listRuns(options?: {
    limit?: number;
    status?: PipelineRun['status'];
  }): Promise<PipelineRun[]>;
  /** One run with steps and tests, failures first; 404 for an unknown id. */
  getRun(runId: string): Promise<PipelineRunDetail>;
  /** Starts a run (202 at once); 403 without scout.pipeline.run, 409 while one runs. */
  startRun(): Promise<PipelineRun>;
  /** The latest runs, data age, rows per layer and what needs attention. */
  getOverview(): Promise<PipelineOverview>;
  /** Accepted and quarantined transactions per hour over `hours` (1 to 168). */
  getIngestSummary(hours: number): Promise<IngestSummary>;
}

export const scoutApiRef = createApiRef<ScoutApi>().with({
  id: 'plugin.scout.client',
  pluginId: 'scout',
});
