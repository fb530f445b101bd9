import { Random, WeightedChoice, randomUuid } from './random.ts';

describe('Random', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const draw = (seed: number) => {
      const random = new Random(seed);
      return Array.from({ length: 5 }, () => random.uint32());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    expect(draw(2 ** 40)).not.toEqual(draw(0));
  });

  it('rejects seeds that are not safe integers', () => {
    expect(() => new Random(1.5)).toThrow(RangeError);
    expect(() => new Random(Number.NaN)).toThrow(RangeError);
  });

  it('draws uniformly enough in [0, 1)', () => {
    const random = new Random(7);
    let sum = 0;
    let min = 1;
    let max = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = random.next();
      sum += x;
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    expect(sum / 100_000).toBeCloseTo(0.5, 2);
  });
});

describe('WeightedChoice', () => {
  it('picks in proportion to the weights and never a zero weight', () => {
    const choice = new WeightedChoice([
      ['a', 3],
      ['never', 0],
      ['b', 1],
    ]);
    const random = new Random(1);
    const counts: Record<string, number> = { a: 0, b: 0, never: 0 };
    for (let i = 0; i < 40_000; i++) counts[choice.pick(random)]++;
    expect(counts.never).toBe(0);
    expect(counts.a / 40_000).toBeCloseTo(0.75, 1);
  });

  it('rejects negative or all-zero weights', () => {
    expect(() => new WeightedChoice([['a', -1]])).toThrow(RangeError);
    expect(() => new WeightedChoice([['a', 0]])).toThrow(RangeError);
  });
});

describe('randomUuid', () => {
  it('formats version-4 UUIDs with the RFC 9562 variant', () => {
    const random = new Random(3);
    for (let i = 0; i < 1000; i++) {
      expect(randomUuid(random)).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
    }
  });
});
