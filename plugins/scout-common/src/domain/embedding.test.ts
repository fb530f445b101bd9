import fc from 'fast-check';
import { embeddingProblem, FLOAT4_MAX, float4Text } from './embedding.ts';

// FLOAT4_MAX plus half a float4 step: from here on, rounding goes to Infinity.
const OVERFLOW = FLOAT4_MAX + 2 ** 103;
const below = (x: number) => {
  const f = new Float64Array([x]);
  new BigInt64Array(f.buffer)[0] -= 1n;
  return f[0];
};

describe('embeddingProblem', () => {
  it('knows where float4 ends', () => {
    expect(FLOAT4_MAX).toBe(Math.fround(3.4028235e38));
    expect(Math.fround(OVERFLOW)).toBe(Infinity);
    expect(Math.fround(below(OVERFLOW))).toBe(FLOAT4_MAX);
  });

  it.each([
    ['the largest float4s', [FLOAT4_MAX, -FLOAT4_MAX]],
    ['values that round down to the largest', [below(OVERFLOW), 3.4028235e38]],
    ['the smallest subnormal and -0', [1.401298464324817e-45, -0]],
    ['values too small for float4, which round to 0', [1e-50, -1e-300]],
  ])('accepts %s', (_, vector) => {
    expect(embeddingProblem(vector, 2)).toBeUndefined();
  });

  it.each([
    ['NaN', [0, NaN], /NaN at component 1/],
    ['Infinity', [-Infinity, 0], /-Infinity at component 0/],
    ['a value that rounds to Infinity', [OVERFLOW, 0], /component 0; float4/],
    ['1e39', [0, -1e39], /-1e\+39 at component 1/],
    ['a string', [0, '1'], /string at component 1/],
    ['too few numbers', [0], /has 1 numbers, not 2/],
    ['too many numbers', [0, 0, 0], /has 3 numbers, not 2/],
    ['not an array', { 0: 1, 1: 2 }, /not an array/],
  ])('refuses %s, naming it', (_, vector, message) => {
    expect(embeddingProblem(vector, 2)).toMatch(message);
  });

  it('accepts a number exactly when float4 rounding keeps it finite (property)', () => {
    const near = fc.oneof(
      fc.double(),
      fc.double({ min: FLOAT4_MAX * 0.999999, max: FLOAT4_MAX * 1.000001 }),
      fc.constantFrom(OVERFLOW, below(OVERFLOW), FLOAT4_MAX, NaN, -0),
    );
    fc.assert(
      fc.property(near, fc.boolean(), (x, negate) => {
        const value = negate ? -x : x;
        const finite = Number.isFinite(new Float32Array([value])[0]);
        expect(embeddingProblem([value], 1) === undefined).toBe(finite);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('float4Text', () => {
  it('writes the float4 the value rounds to, -0 included', () => {
    expect(float4Text(0.1)).toBe('0.10000000149011612');
    expect(float4Text(-0)).toBe('-0');
    expect(float4Text(1e-50)).toBe('0');
    expect(float4Text(3.4028235e38)).toBe('3.4028234663852886e+38');
  });

  it('reads back as exactly Math.fround of the value (property)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), x => {
        fc.pre(Number.isFinite(Math.fround(x)));
        expect(Object.is(Number(float4Text(x)), Math.fround(x))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
