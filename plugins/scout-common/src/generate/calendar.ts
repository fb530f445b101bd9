const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
// The Philippines keeps UTC+8 all year (no daylight saving), so a fixed shift is exact.
const MANILA_OFFSET_MS = 8 * HOUR_MS;

/**
 * Relative sales per hour of the day in Manila: the breakfast rush (6-9) and the
 * after-work peak (17-20) dominate; stores are shut from 1 to 4 am.
 */
export const HOUR_WEIGHTS: readonly number[] = [
  0.3, 0, 0, 0, 0.2, 1.2, 4.5, 6, 5.5, 3.8, 3, 3.6, 4, 2.8, 2.5, 2.8, 3.4, 5.2,
  6.4, 6, 4, 2.5, 1.2, 0.6,
];

/** Relative sales per day of the week, Sunday first: weekends are busier. */
export const WEEKDAY_WEIGHTS: readonly number[] = [
  1.2, 0.95, 0.95, 0.95, 1, 1.05, 1.2,
];

/** Extra spending on paydays (15th and 30th) and, less, the day after. */
export const PAYDAY_FACTOR = 1.4;
export const AFTER_PAYDAY_FACTOR = 1.15;

/** A span of time inside one Manila clock hour, with its share of the sales. */
export type Slot = { from: number; to: number; weight: number };

/** Splits [start, end) (epoch ms) at Manila hour boundaries and weights each piece. */
export function hourSlots(start: number, end: number): Slot[] {
  const slots: Slot[] = [];
  for (
    let hour = Math.floor(start / HOUR_MS) * HOUR_MS;
    hour < end;
    hour += HOUR_MS
  ) {
    const from = Math.max(start, hour);
    const to = Math.min(end, hour + HOUR_MS);
    const local = new Date(hour + MANILA_OFFSET_MS);
    const weight =
      HOUR_WEIGHTS[local.getUTCHours()] *
      WEEKDAY_WEIGHTS[local.getUTCDay()] *
      paydayFactor(local) *
      ((to - from) / HOUR_MS);
    slots.push({ from, to, weight });
  }
  return slots;
}

function paydayFactor(local: Date): number {
  if (isPayday(local)) return PAYDAY_FACTOR;
  if (isPayday(new Date(local.getTime() - DAY_MS))) return AFTER_PAYDAY_FACTOR;
  return 1;
}

/** The 15th, and the 30th or the last day of a shorter month. */
function isPayday(local: Date): boolean {
  const day = local.getUTCDate();
  if (day === 15 || day === 30) return true;
  const lastDay = new Date(
    Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, 0),
  ).getUTCDate();
  return lastDay < 30 && day === lastDay;
}

/** An ISO 8601 timestamp in Manila time, to the second, e.g. `2026-11-26T18:04:12+08:00`. */
export function manilaTimestamp(epochMs: number): string {
  return `${new Date(epochMs + MANILA_OFFSET_MS)
    .toISOString()
    .slice(0, 19)}+08:00`;
}

/** Midnight UTC at the start of the day `date` falls in. */
export function startOfUtcDay(date: Date): Date {
  return new Date(
    Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()),
  );
}
