/**
 * Display helpers. The generated models type date-times as `Date` but the
 * client hands over the JSON string, so every helper accepts both.
 */
export type DateLike = Date | string | null | undefined;

function toMillis(value: DateLike): number | undefined {
  if (value === null || value === undefined) return undefined;
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? undefined : ms;
}

/** "2026-11-03 14:05 UTC"; a dash when unknown. */
export function formatTime(value: DateLike): string {
  const ms = toMillis(value);
  if (ms === undefined) return value ? String(value) : '—';
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** "14:05:09" (UTC), for step times within one run. */
export function formatClock(value: DateLike): string {
  const ms = toMillis(value);
  return ms === undefined ? '—' : new Date(ms).toISOString().slice(11, 19);
}

/** A span in seconds as "45 s", "2 min 5 s", "1 h 30 min"; a dash for null. */
export function formatSeconds(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || seconds < 0) return '—';
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  const minutes = Math.floor(s / 60);
  if (minutes < 60)
    return s % 60 ? `${minutes} min ${s % 60} s` : `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) {
    return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  }
  return `${Math.floor(hours / 24)} d`;
}

/**
 * How long something took, from `start` to `end`, or to `now` while it is
 * still going; a dash when it has not started.
 */
export function formatDuration(
  start: DateLike,
  end: DateLike,
  now: number = Date.now(),
): string {
  const from = toMillis(start);
  if (from === undefined) return '—';
  const to = toMillis(end) ?? now;
  return formatSeconds((to - from) / 1000);
}

/** "12,345"; a dash when unknown. */
export function formatCount(count: number | null | undefined): string {
  if (count === null || count === undefined) return '—';
  return count.toLocaleString('en-US');
}

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
