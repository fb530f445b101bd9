import { readStoredQuality, type LastRun } from './DatasetFacts';

/** A dataset row's stored quality, freshness and last-run columns. */
export type QualityColumns = {
  quality?: string | null;
  quality_event_time?: string | null;
  freshness?: string | null;
  last_run?: string | null;
};

/**
 * A dataset's data quality: each producer's (dbt's, Great Expectations')
 * newest result of each of its assertions, failures first, with their
 * counts, or null when no producer sent any. `failed` counts assertions
 * that did not succeed; `warned`, those that succeeded with status warn
 * (dbt). `eventTime` is the newest result's.
 */
export function quality(d: QualityColumns) {
  const stored = readStoredQuality(d.quality, d.quality_event_time);
  const assertions = Object.values(stored)
    .flatMap(s => s.assertions)
    .sort((a, b) => Number(a.success ?? false) - Number(b.success ?? false));
  if (!assertions.length) return null;
  return {
    eventTime: d.quality_event_time,
    passed: assertions.filter(a => a.success && a.status !== 'warn').length,
    warned: assertions.filter(a => a.success && a.status === 'warn').length,
    failed: assertions.filter(a => !a.success).length,
    assertions,
  };
}

/** The dataset's newest source freshness (dbt), or null. */
export function freshness(d: QualityColumns): Record<string, unknown> | null {
  return d.freshness ? JSON.parse(d.freshness) : null;
}

/** The last pipeline run that built or checked the dataset, or null. */
export function lastRun(d: QualityColumns): LastRun | null {
  return d.last_run ? JSON.parse(d.last_run) : null;
}
