import {
  formatClock,
  formatCount,
  formatDuration,
  formatSeconds,
  formatTests,
  formatTime,
  formatWatermark,
} from './format';

describe('format', () => {
  it('prints wire date-times in UTC and keeps what it cannot parse', () => {
    expect(formatTime('2026-11-03T14:05:09Z')).toBe('2026-11-03 14:05 UTC');
    expect(formatTime(new Date('2026-11-03T14:05:09Z'))).toBe(
      '2026-11-03 14:05 UTC',
    );
    expect(formatTime(null)).toBe('—');
    expect(formatTime('yesterday')).toBe('yesterday');
    expect(formatClock('2026-11-03T14:05:09Z')).toBe('14:05:09');
  });

  it('prints spans at a readable precision', () => {
    expect(formatSeconds(45.4)).toBe('45 s');
    expect(formatSeconds(125)).toBe('2 min 5 s');
    expect(formatSeconds(120)).toBe('2 min');
    expect(formatSeconds(5400)).toBe('1 h 30 min');
    expect(formatSeconds(3 * 86400)).toBe('3 d');
    expect(formatSeconds(null)).toBe('—');
  });

  it('measures a running span up to now', () => {
    const start = '2026-11-03T14:00:00Z';
    expect(formatDuration(start, '2026-11-03T14:01:30Z')).toBe('1 min 30 s');
    expect(
      formatDuration(start, null, Date.parse('2026-11-03T14:00:20Z')),
    ).toBe('20 s');
    expect(formatDuration(null, null)).toBe('—');
  });

  it('prints counts, watermark ranges and test tallies', () => {
    expect(formatCount(18250)).toBe('18,250');
    expect(formatCount(undefined)).toBe('—');
    // The API's [from, to) shown inclusive, as the bronze step logs it.
    expect(formatWatermark(791, 815)).toBe('791..814');
    expect(formatWatermark(100, 101)).toBe('100..100');
    expect(formatWatermark(100, 100)).toBe('none new (from 100)');
    expect(formatWatermark(100, null)).toBe('100..');
    expect(formatWatermark(null, null)).toBe('—');
    expect(formatTests(12, 1)).toBe('12 passed, 1 failed');
    expect(formatTests(null, null)).toBe('—');
    expect(formatTests(64, 1, 29)).toBe('64 passed, 1 failed, 29 skipped');
    expect(formatTests(3, 0, 0)).toBe('3 passed, 0 failed');
  });
});
