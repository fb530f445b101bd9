import { formatTests, formatWatermark } from './format';

describe('format', () => {
  it('prints watermark ranges and test tallies', () => {
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
