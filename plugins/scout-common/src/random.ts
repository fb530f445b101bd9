/**
 * sfc32, a small fast PRNG with 128 bits of state. Seeded, so demo data is
 * reproducible; never use it for anything secret.
 */
export class Random {
  #a: number;
  #b: number;
  #c: number;
  #d: number;

  /** Any safe integer seeds it; both halves of a large seed count. */
  constructor(seed: number) {
    if (!Number.isSafeInteger(seed))
      throw new RangeError(`Seed must be a safe integer, got ${seed}`);
    this.#a = 0x9e3779b9;
    this.#b = 0x243f6a88;
    this.#c = seed >>> 0;
    this.#d = Math.floor(seed / 0x100000000) >>> 0;
    // Warm up so that nearby seeds diverge.
    for (let i = 0; i < 15; i++) this.uint32();
  }

  /** A uniform 32-bit unsigned integer. */
  uint32(): number {
    const t = (((this.#a + this.#b) | 0) + this.#d) | 0;
    this.#d = (this.#d + 1) | 0;
    this.#a = this.#b ^ (this.#b >>> 9);
    this.#b = (this.#c + (this.#c << 3)) | 0;
    this.#c = (this.#c << 21) | (this.#c >>> 11);
    this.#c = (this.#c + t) | 0;
    return t >>> 0;
  }

  /** A uniform number in [0, 1). */
  next(): number {
    return this.uint32() / 0x100000000;
  }

  /** A uniform integer in [0, n). */
  below(n: number): number {
    return Math.floor(this.next() * n);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.below(items.length)];
  }
}

/** Picks values in proportion to fixed weights, in O(log n) per pick. */
export class WeightedChoice<T> {
  readonly #values: readonly T[];
  readonly #cumulative: Float64Array;

  constructor(entries: ReadonlyArray<readonly [T, number]>) {
    this.#values = entries.map(([value]) => value);
    this.#cumulative = new Float64Array(entries.length);
    let sum = 0;
    entries.forEach(([, weight], i) => {
      if (!(weight >= 0))
        throw new RangeError(`Weights must be >= 0, got ${weight}`);
      sum += weight;
      this.#cumulative[i] = sum;
    });
    if (!(sum > 0))
      throw new RangeError('At least one weight must be positive');
  }

  pick(random: Random): T {
    const cumulative = this.#cumulative;
    const target = random.next() * cumulative[cumulative.length - 1];
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (cumulative[mid] > target) high = mid;
      else low = mid + 1;
    }
    return this.#values[low];
  }
}

const HEX = Array.from({ length: 256 }, (_, i) =>
  i.toString(16).padStart(2, '0'),
);

function hex32(n: number): string {
  return (
    HEX[n >>> 24] +
    HEX[(n >>> 16) & 0xff] +
    HEX[(n >>> 8) & 0xff] +
    HEX[n & 0xff]
  );
}

/** A version-4, RFC 9562 variant UUID drawn from `random` (deterministic, unlike crypto.randomUUID). */
export function randomUuid(random: Random): string {
  const a = hex32(random.uint32());
  const b = hex32((random.uint32() & 0xffff0fff) | 0x00004000);
  const c = hex32((random.uint32() & 0x3fffffff) | 0x80000000);
  const d = hex32(random.uint32());
  return `${a}-${b.slice(0, 4)}-${b.slice(4)}-${c.slice(0, 4)}-${c.slice(
    4,
  )}${d}`;
}
