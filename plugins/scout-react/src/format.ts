/**
 * How times, spans and counts read on every page. Generated API models type
 * date-times as `Date` but their clients hand over the JSON string, so every
 * helper takes both. Times are UTC, the platform's clock.
 */
export type DateLike = Date | string | null | undefined;

function toMillis(value: DateLike): number | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? undefined : ms;
}

/** "2026-11-03 14:05 UTC"; a dash when unknown; text that is no time as it came. */
export function formatTime(value: DateLike): string {
  const ms = toMillis(value);
  if (ms === undefined) return value ? String(value) : '—';
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** "14:05:09" (UTC), for times within one run; a dash when unknown. */
export function formatClock(value: DateLike): string {
  const ms = toMillis(value);
  return ms === undefined ? '—' : new Date(ms).toISOString().slice(11, 19);
}

/** A span in seconds as "45 s", "2 min 5 s", "1 h 30 min", "3 d"; a dash for none or a negative. */
export function formatSeconds(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '—';
  if (!Number.isFinite(seconds) || seconds < 0) return '—';
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
 * How long something took, from `start` to `end`, or to `now` (ms since
 * the epoch) while it is still going; a dash when it has not started.
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
