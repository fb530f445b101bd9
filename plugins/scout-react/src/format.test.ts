import fc from 'fast-check';
import {
  formatClock,
  formatCount,
  formatDuration,
  formatSeconds,
  formatTime,
} from './format';

describe('format', () => {
  it('prints wire date-times in UTC and keeps what it cannot parse', () => {
    expect(formatTime('2026-11-03T14:05:09.123Z')).toBe('2026-11-03 14:05 UTC');
    expect(formatTime(new Date('2026-11-03T14:05:09Z'))).toBe(
      '2026-11-03 14:05 UTC',
    );
    expect(formatTime(null)).toBe('—');
    expect(formatTime('')).toBe('—');
    expect(formatTime('yesterday')).toBe('yesterday');
    expect(formatClock('2026-11-03T14:05:09Z')).toBe('14:05:09');
    expect(formatClock(undefined)).toBe('—');
  });

  it('prints the same minute for a time as a Date and as its JSON string', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1970-01-01T00:00:00Z'),
          max: new Date('9999-12-31T23:59:59Z'),
          noInvalidDate: true,
        }),
        date => {
          const shown = formatTime(date.toJSON());
          expect(shown).toBe(formatTime(date));
          expect(shown).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d UTC$/);
          expect(shown.slice(0, 16)).toBe(
            date.toISOString().slice(0, 16).replace('T', ' '),
          );
        },
      ),
    );
  });

  it('prints spans at a readable precision', () => {
    expect(formatSeconds(45.4)).toBe('45 s');
    expect(formatSeconds(125)).toBe('2 min 5 s');
    expect(formatSeconds(720)).toBe('12 min');
    expect(formatSeconds(3600)).toBe('1 h');
    expect(formatSeconds(5400)).toBe('1 h 30 min');
    expect(formatSeconds(3 * 86400)).toBe('3 d');
    expect(formatSeconds(null)).toBe('—');
    expect(formatSeconds(-1)).toBe('—');
    expect(formatSeconds(Number.NaN)).toBe('—');
  });

  it('measures a running span up to now', () => {
    const start = '2026-11-03T14:00:00Z';
    expect(formatDuration(start, '2026-11-03T14:01:30Z')).toBe('1 min 30 s');
    expect(
      formatDuration(start, null, Date.parse('2026-11-03T14:00:20Z')),
    ).toBe('20 s');
    expect(formatDuration(null, null)).toBe('—');
  });

  it('prints counts with thousands separators', () => {
    expect(formatCount(18250)).toBe('18,250');
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(undefined)).toBe('—');
  });
});
