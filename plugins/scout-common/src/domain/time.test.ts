import fc from 'fast-check';
import { z } from 'zod';
import {
  MAX_FRACTION_DIGITS,
  MAX_UTC_OFFSET_MINUTES,
  parseTimestamp,
  timestampProblem,
  timestampSchema,
} from './time.ts';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

describe('timestampProblem', () => {
  it.each([
    '2026-11-20T08:15:00+08:00',
    '2026-11-20T00:15:00Z',
    '2026-11-20T08:15:00+14:00',
    '2026-11-20T08:15:00+15:59',
    '2026-11-20T08:15:00-15:59',
    '2026-11-20T08:15:00-00:00',
    '2026-11-20T08:15:00.123456+08:00',
    '2024-02-29T00:00:00Z',
    '2000-02-29T00:00:00Z',
    '0001-01-01T00:00:00Z',
    '9999-12-31T23:59:59.999999-15:59',
  ])('accepts %s', value => {
    expect(timestampProblem(value)).toBeUndefined();
  });

  it.each([
    ['+16:00', '2026-11-20T08:15:00+16:00', /-15:59 and \+15:59/],
    ['-16:00', '2026-11-20T08:15:00-16:00', /-15:59 and \+15:59/],
    ['+23:59', '2026-11-20T08:15:00+23:59', /-15:59 and \+15:59/],
    ['offset minutes 60', '2026-11-20T08:15:00+08:60', /-15:59 and \+15:59/],
    ['7 fractional digits', '2026-11-20T08:15:00.1234567Z', /At most 6/],
    ['9 fractional digits', '2026-11-20T08:15:00.000000000Z', /At most 6/],
    ['Feb 30', '2024-02-30T00:00:00Z', /2024-02-30 is not a calendar date/],
    ['Feb 29 of 2023', '2023-02-29T00:00:00Z', /not a calendar date/],
    ['Feb 29 of 1900', '1900-02-29T00:00:00Z', /not a calendar date/],
    ['April 31', '2026-04-31T00:00:00Z', /not a calendar date/],
    ['month 13', '2026-13-01T00:00:00Z', /month must be 01 to 12/],
    ['day 00', '2026-01-00T00:00:00Z', /not a calendar date/],
    ['year 0000', '0000-01-01T00:00:00Z', /year must be 0001/],
    ['hour 24', '2026-11-20T24:00:00Z', /hour must be 00 to 23/],
    ['minute 60', '2026-11-20T08:60:00Z', /minute must be 00 to 59/],
    ['a leap second', '2016-12-31T23:59:60Z', /no leap seconds/],
    ['an offset of +08', '2026-11-20T08:15:00+08', /RFC 3339/],
    ['an offset of +0800', '2026-11-20T08:15:00+0800', /RFC 3339/],
    ['no offset', '2026-11-20T08:15:00', /RFC 3339/],
    ['no seconds', '2026-11-20T08:15+08:00', /RFC 3339/],
    ['a space for T', '2026-11-20 08:15:00+08:00', /RFC 3339/],
    ['lower-case t and z', '2026-11-20t08:15:00z', /RFC 3339/],
    ['a five-digit year', '10000-01-01T00:00:00Z', /RFC 3339/],
    ['an empty fraction', '2026-11-20T08:15:00.Z', /RFC 3339/],
  ])('refuses %s, saying why', (_, value, message) => {
    expect(timestampProblem(value)).toMatch(message);
    const result = timestampSchema.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map(i => i.message)).toEqual([
      timestampProblem(value),
    ]);
  });

  it('states the limits PostgreSQL sets', () => {
    expect(MAX_UTC_OFFSET_MINUTES).toBe(959);
    expect(MAX_FRACTION_DIGITS).toBe(6);
  });
});

describe('parseTimestamp', () => {
  it('reads the instant exactly, microseconds included', () => {
    expect(parseTimestamp('2026-11-20T08:15:00.123456+08:00')).toEqual({
      epochMs: Date.UTC(2026, 10, 20, 0, 15, 0, 123),
      micros: 456,
    });
    expect(parseTimestamp('2026-11-20T08:15:00.5Z')).toEqual({
      epochMs: Date.UTC(2026, 10, 20, 8, 15, 0, 500),
      micros: 0,
    });
  });

  it('reads each offset as the same instant, -00:00 as UTC', () => {
    const utc = parseTimestamp('2026-11-20T00:00:00Z');
    expect(parseTimestamp('2026-11-20T08:00:00+08:00')).toEqual(utc);
    expect(parseTimestamp('2026-11-19T08:01:00-15:59')).toEqual(utc);
    expect(parseTimestamp('2026-11-20T15:59:00+15:59')).toEqual(utc);
    expect(parseTimestamp('2026-11-20T00:00:00-00:00')).toEqual(utc);
  });

  it('keeps years below 100, which Date.UTC would move to the 1900s', () => {
    expect(parseTimestamp('0050-06-01T00:00:00Z')?.epochMs).toBe(
      Date.parse('0050-06-01T00:00:00Z'),
    );
  });

  it('gives undefined for what the schema refuses', () => {
    expect(parseTimestamp('2026-11-20T08:15:00+16:00')).toBeUndefined();
    expect(parseTimestamp('yesterday')).toBeUndefined();
  });
});

// Generates around every edge: offsets at ±15:59/±16:00, 6/7 fraction
// digits, day 28-32 of each month, seconds 59/60, years 0000/0001/9999.
const timestampFields = fc.record({
  year: fc.oneof(
    fc.constantFrom(0, 1, 4, 100, 1900, 2000, 2024, 9999),
    fc.integer({ min: 0, max: 9999 }),
  ),
  month: fc.integer({ min: 0, max: 13 }),
  day: fc.oneof(
    fc.integer({ min: 27, max: 32 }),
    fc.integer({ min: 0, max: 32 }),
  ),
  hour: fc.constantFrom(0, 12, 23, 24),
  minute: fc.constantFrom(0, 59, 60),
  second: fc.constantFrom(0, 30, 59, 60),
  fraction: fc.oneof(fc.constant(''), fc.stringMatching(/^\d{1,9}$/)),
  offset: fc.oneof(
    fc.constant('Z'),
    fc.record({
      sign: fc.constantFrom('+', '-'),
      hours: fc.constantFrom(0, 8, 14, 15, 16, 23),
      minutes: fc.constantFrom(0, 30, 59),
    }),
  ),
});

type Fields = typeof timestampFields extends fc.Arbitrary<infer T> ? T : never;

function format(f: Fields): string {
  const offset =
    f.offset === 'Z'
      ? 'Z'
      : `${f.offset.sign}${pad(f.offset.hours)}:${pad(f.offset.minutes)}`;
  const fraction = f.fraction ? `.${f.fraction}` : '';
  return `${pad(f.year, 4)}-${pad(f.month)}-${pad(f.day)}T${pad(f.hour)}:${pad(
    f.minute,
  )}:${pad(f.second)}${fraction}${offset}`;
}

/** What PostgreSQL takes, worked out independently of the implementation: via the Date object's own calendar. */
function storable(f: Fields): boolean {
  const probe = new Date(0);
  probe.setUTCFullYear(f.year, f.month - 1, f.day);
  const realDate =
    probe.getUTCFullYear() === f.year &&
    probe.getUTCMonth() === f.month - 1 &&
    probe.getUTCDate() === f.day;
  const offsetOk = f.offset === 'Z' || f.offset.hours <= 15;
  return (
    f.year >= 1 &&
    realDate &&
    f.hour <= 23 &&
    f.minute <= 59 &&
    f.second <= 59 &&
    f.fraction.length <= 6 &&
    offsetOk
  );
}

describe('timestampSchema, by property', () => {
  it('accepts exactly the storable timestamps, and reads them as Date.parse does', () => {
    fc.assert(
      fc.property(timestampFields, f => {
        const value = format(f);
        expect(timestampSchema.safeParse(value).success).toBe(storable(f));
        // Date.parse is the oracle for the instant: it reads the same string
        // cut to milliseconds (it knows RFC 3339 offsets).
        const ms = value.replace(/\.(\d{1,3})\d*/, '.$1');
        const digits = f.fraction.padEnd(6, '0');
        expect(parseTimestamp(value)).toEqual(
          storable(f)
            ? { epochMs: Date.parse(ms), micros: Number(digits.slice(3, 6)) }
            : undefined,
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts nothing that zod’s ISO datetime with offset refuses', () => {
    const zodDatetime = z.iso.datetime({ offset: true });
    fc.assert(
      fc.property(timestampFields, f => {
        const value = format(f);
        const ours = timestampSchema.safeParse(value).success;
        expect(ours && !zodDatetime.safeParse(value).success).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });
});
