import { hasCentavoPrecision, MAX_NUMERIC_12_2, toCentavos } from './money.ts';

describe('hasCentavoPrecision', () => {
  it('accepts amounts with up to two decimals, however they round in binary', () => {
    for (const value of [
      0, 1, 0.1, 0.29, 1.01, 11.5, 99_999.99, 1_234_567_890.12,
    ]) {
      expect(hasCentavoPrecision(value)).toBe(true);
    }
  });

  it('rejects fractions of a centavo', () => {
    for (const value of [0.001, 1.005, 12.345, 0.1 + 0.2, 99_999.999]) {
      expect(hasCentavoPrecision(value)).toBe(false);
    }
  });
});

describe('toCentavos', () => {
  it('is exact where floating point sums are not', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(toCentavos(0.1) + toCentavos(0.2)).toBe(toCentavos(0.3));
    expect(toCentavos(19.99) * 3).toBe(5997);
  });
});

describe('MAX_NUMERIC_12_2', () => {
  it('is the largest amount numeric(12, 2) holds, exact in centavos', () => {
    expect(MAX_NUMERIC_12_2).toBe(9_999_999_999.99);
    expect(hasCentavoPrecision(MAX_NUMERIC_12_2)).toBe(true);
    expect(toCentavos(MAX_NUMERIC_12_2)).toBe(999_999_999_999);
    expect(toCentavos(MAX_NUMERIC_12_2) + 1).toBe(10 ** 12);
  });
});
