/** A dataset row's stored quality columns. */
export type QualityColumns = {
  quality?: string | null;
  quality_event_time?: string | null;
};

/**
 * A dataset's data quality: its newest assertions with their counts, or
 * null when no producer sent any. `failed` counts assertions that did not
 * succeed; `warned`, those that succeeded with status warn (dbt).
 */
export function quality(d: QualityColumns) {
  if (!d.quality) return null;
  const assertions = JSON.parse(d.quality) as {
    success?: boolean;
    status?: string;
  }[];
  return {
    eventTime: d.quality_event_time,
    passed: assertions.filter(a => a.success && a.status !== 'warn').length,
    warned: assertions.filter(a => a.success && a.status === 'warn').length,
    failed: assertions.filter(a => !a.success).length,
    assertions,
  };
}
