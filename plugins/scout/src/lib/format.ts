/** Display helpers of the pipeline's own values; times, spans and counts are in @internal/backstage-plugin-scout-react. */

/**
 * The source transaction ids a run loaded, inclusive, as the bronze step's
 * log line prints them: the API's half-open range [fromXid, toXid) becomes
 * `from..to-1`; "none new" when the range is empty; a dash before it is known.
 */
export function formatWatermark(
  fromXid: number | null | undefined,
  toXid: number | null | undefined,
): string {
  if (fromXid === null || fromXid === undefined) return '—';
  if (toXid === null || toXid === undefined) return `${fromXid}..`;
  if (toXid <= fromXid) return `none new (from ${fromXid})`;
  return `${fromXid}..${toXid - 1}`;
}

/** "3 passed, 1 failed" (", 2 skipped" when dbt skipped some); a dash when the run has not tested yet. */
export function formatTests(
  passed: number | null | undefined,
  failed: number | null | undefined,
  skipped = 0,
): string {
  if ((passed ?? null) === null && (failed ?? null) === null) return '—';
  const counts = `${passed ?? 0} passed, ${failed ?? 0} failed`;
  return skipped > 0 ? `${counts}, ${skipped} skipped` : counts;
}
