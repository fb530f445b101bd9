import { counterSeries, gaugeSeries } from './promtoolTests.ts';

describe('promtool series notation', () => {
  it('encodes a counter from per-minute increments', () => {
    // 0, 1, 2, then +3 twice: 0 1 2 5 8
    expect(counterSeries([1, 1, 3, 3])).toBe('0 1+1x1 5+3x1');
  });

  it('encodes a timestamp gauge: the time when good, far past when bad', () => {
    // t=0: 0; minutes 1-2 good (60, 120); minute 3 bad; minute 4 good (240)
    expect(gaugeSeries([false, false, true, false])).toBe(
      '0 60+60x1 -1000000+0x0 240+60x0',
    );
  });
});
