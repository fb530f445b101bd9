import { z } from 'zod';

/** Largest UTC offset PostgreSQL's timestamptz input takes: ±15:59, in minutes. */
export const MAX_UTC_OFFSET_MINUTES = 15 * 60 + 59;

/** Fractional second digits PostgreSQL keeps (microseconds); more would be rounded. */
export const MAX_FRACTION_DIGITS = 6;

// RFC 3339 with a required offset, read field by field so each limit gets its
// own message. Exactly the spelling zod's z.iso.datetime({ offset: true })
// takes: "Z" or ±HH:MM (not ±HH or ±HHMM, though PostgreSQL would read those
// as the same instant), upper-case T and Z.
const TIMESTAMP =
  /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.(\d+))?(?:Z|([+-])(\d\d):(\d\d))$/;

const SHAPE =
  'Use an RFC 3339 timestamp with an offset, like 2026-11-20T08:15:00+08:00 or 2026-11-20T00:15:00Z';

/** An instant read exactly from a timestamp string. */
export type Timestamp = {
  /** Milliseconds since 1970-01-01T00:00:00Z, the sub-millisecond part cut off. */
  epochMs: number;
  /** Microseconds past `epochMs`: 0 to 999. */
  micros: number;
};

type Fields = {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  fraction: string;
  /** Signed, hours and minutes together. */
  offsetMinutes: number;
  offsetMinutePart: number;
};

function fieldsOf(value: string): Fields | undefined {
  const m = TIMESTAMP.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, fraction = '', sign, oh = '0', om = '0'] = m;
  const offsetHours = Number(oh);
  const offsetMinutePart = Number(om);
  return {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: Number(h),
    minute: Number(mi),
    second: Number(s),
    fraction,
    offsetMinutePart,
    // || 0: -00:00 is UTC, not a negative zero.
    offsetMinutes:
      (sign === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutePart) || 0,
  };
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Why a `timestamptz` column could not store `value` as the instant it names,
 * or undefined when it can. Accepted: RFC 3339 with an offset (see TIMESTAMP),
 * years 0001 to 9999 (PostgreSQL has no year 0000), a real calendar date
 * (leap years included), hours 00-23, minutes and seconds 00-59 (PostgreSQL
 * would roll a leap second 60 over into the next minute), at most 6
 * fractional digits, and an offset of at most ±15:59 (PostgreSQL fails on
 * more; Kiribati's +14:00 is the largest in use).
 */
export function timestampProblem(value: string): string | undefined {
  const f = fieldsOf(value);
  return f ? fieldsProblem(f, value) : SHAPE;
}

function fieldsProblem(f: Fields, value: string): string | undefined {
  if (f.year < 1) return 'The year must be 0001 to 9999';
  if (f.month < 1 || f.month > 12) return 'The month must be 01 to 12';
  if (f.day < 1 || f.day > daysInMonth(f.year, f.month)) {
    return `${value.slice(0, 10)} is not a calendar date`;
  }
  if (f.hour > 23) return 'The hour must be 00 to 23';
  if (f.minute > 59) return 'The minute must be 00 to 59';
  if (f.second > 59) return 'The second must be 00 to 59 (no leap seconds)';
  if (f.fraction.length > MAX_FRACTION_DIGITS) {
    return `At most ${MAX_FRACTION_DIGITS} fractional second digits (microseconds), which is what PostgreSQL keeps`;
  }
  if (
    Math.abs(f.offsetMinutes) > MAX_UTC_OFFSET_MINUTES ||
    f.offsetMinutePart > 59
  ) {
    return 'The UTC offset must be between -15:59 and +15:59, the range PostgreSQL accepts';
  }
  return undefined;
}

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil): integers only. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy =
    Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/**
 * Reads a timestamp that `timestampProblem` accepts as an exact instant, in
 * integer arithmetic (no float rounding, no Date: years 0-99 stay where they
 * are). Returns undefined for anything else.
 */
export function parseTimestamp(value: string): Timestamp | undefined {
  const f = fieldsOf(value);
  if (!f || fieldsProblem(f, value) !== undefined) return undefined;
  const digits = f.fraction.padEnd(MAX_FRACTION_DIGITS, '0');
  const minutes =
    daysFromCivil(f.year, f.month, f.day) * 1440 +
    f.hour * 60 +
    f.minute -
    f.offsetMinutes;
  return {
    epochMs: (minutes * 60 + f.second) * 1000 + Number(digits.slice(0, 3)),
    micros: Number(digits.slice(3)),
  };
}

/**
 * An instant as a string `timestamptz` stores exactly (see
 * `timestampProblem`). A string, not a Date, so the offset and microseconds
 * the sender wrote reach the database as written.
 */
export const timestampSchema = z.string().superRefine((value, ctx) => {
  const problem = timestampProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});
