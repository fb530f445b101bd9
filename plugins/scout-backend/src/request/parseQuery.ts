import { InputError } from '@backstage/errors';
import { PipelineRun } from '@internal/backstage-plugin-scout-node';

/**
 * An optional whole number from `min` to `max`, `fallback` when absent. The
 * OpenAPI validator has checked it already; this applies the default and
 * keeps the bounds where the code reads them.
 */
function integer(
  name: string,
  value: unknown,
  fallback: number,
  [min, max]: [number, number],
): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new InputError(`${name} must be an integer from ${min} to ${max}`);
  }
  return n;
}

const STATUSES: ReadonlyArray<PipelineRun['status']> = [
  'running',
  'published',
  'failed',
];

/** GET /pipeline/runs: at most `limit` runs (1 to 500, default 20), of one `status` if given. */
export function parseRunsQuery(query: { limit?: unknown; status?: unknown }): {
  limit: number;
  status?: PipelineRun['status'];
} {
  const { status } = query;
  if (
    status !== undefined &&
    !STATUSES.includes(status as PipelineRun['status'])
  ) {
    throw new InputError(`status must be one of ${STATUSES.join(', ')}`);
  }
  return {
    limit: integer('limit', query.limit, 20, [1, 500]),
    status: status as PipelineRun['status'] | undefined,
  };
}

/** GET /ingest/summary: the window in hours, 1 to 168 (a week), default 24. */
export function parseSummaryHours(query: { hours?: unknown }): number {
  return integer('hours', query.hours, 24, [1, 168]);
}
