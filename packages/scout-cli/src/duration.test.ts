import { parseDuration } from './duration.ts';

describe('parseDuration', () => {
  it('reads seconds, minutes, hours and days', () => {
    expect(parseDuration('90s')).toBe(90);
    expect(parseDuration('15m')).toBe(900);
    expect(parseDuration('1h')).toBe(3600);
    expect(parseDuration('7d')).toBe(604_800);
  });

  it.each(['', '0h', '1', 'h', '1.5h', '-1h', '1y', '1 h', '9999999s'])(
    'rejects %j',
    text => {
      expect(parseDuration(text)).toBeUndefined();
    },
  );
});
