/** Largest finite float4 (PostgreSQL `real`, pgvector's element): (2 - 2^-23) x 2^127. */
export const FLOAT4_MAX = 3.4028234663852886e38;

/**
 * Why `vector` cannot be stored in `vector(n)` or `real[]` (migrations/0006)
 * as the float4s it rounds to, or undefined when it can: it must be an array
 * of exactly `dimensions` numbers, none NaN or infinite, none so large that
 * rounding to float4 overflows (|x| > FLOAT4_MAX by half a float4 step or
 * more, ~3.4028235677973366e38; PostgreSQL fails on those). A value too small
 * for float4 is no fault: it rounds to a subnormal or 0, as Math.fround does.
 * The message names the first fault, with its 0-based component index.
 */
export function embeddingProblem(
  vector: unknown,
  dimensions: number,
): string | undefined {
  if (!Array.isArray(vector)) return 'is not an array of numbers';
  if (vector.length !== dimensions) {
    return `has ${vector.length} numbers, not ${dimensions}`;
  }
  for (let i = 0; i < vector.length; i++) {
    const x: unknown = vector[i];
    if (typeof x !== 'number') return `has a ${typeof x} at component ${i}`;
    if (!Number.isFinite(Math.fround(x))) {
      return `has ${x} at component ${i}; float4 holds finite numbers up to ±${FLOAT4_MAX}`;
    }
  }
  return undefined;
}

/**
 * `x` rounded to float4, as text that PostgreSQL's `real` and pgvector read
 * back as exactly that float4 (the shortest decimal of the rounded double;
 * -0 stays -0, which String() would print as 0). Call only on values
 * `embeddingProblem` accepts.
 */
export function float4Text(x: number): string {
  const rounded = Math.fround(x);
  return Object.is(rounded, -0) ? '-0' : String(rounded);
}
