import type { Transaction } from '../domain/transaction.ts';
import { Random } from '../random.ts';
import { BasketMaker } from './basket.ts';
import { DAY_MS, hourSlots, startOfUtcDay } from './calendar.ts';

export type GenerateOptions = {
  /** How many transactions to produce. */
  count: number;
  /** The same seed and end give byte-identical output. */
  seed: number;
  /** Exclusive end of the time window; default the start of the current UTC day. */
  end?: Date;
  /** Length of the window in days; default 28. */
  days?: number;
};

/**
 * Synthetic POS transactions from the reference stores and products, in time
 * order. Lazy: a million transactions never sit in memory at once (only one
 * hour's timestamps do).
 */
export function generateTransactions(
  options: GenerateOptions,
): Iterable<Transaction> {
  const { count, seed, days = 28 } = options;
  if (!Number.isSafeInteger(count) || count < 0) {
    throw new RangeError(`count must be a non-negative integer, got ${count}`);
  }
  if (!Number.isSafeInteger(days) || days < 1) {
    throw new RangeError(`days must be a positive integer, got ${days}`);
  }
  const end = (options.end ?? startOfUtcDay(new Date())).getTime();
  if (!Number.isFinite(end)) throw new RangeError('end must be a valid date');
  return generate(count, new Random(seed), end - days * DAY_MS, end);
}

function* generate(
  count: number,
  random: Random,
  start: number,
  end: number,
): Generator<Transaction> {
  const baskets = new BasketMaker(random);
  const slots = hourSlots(start, end);
  const totalWeight = slots.reduce((sum, slot) => sum + slot.weight, 0);
  // Each slot gets its share of `count` by cumulative rounding, so the shares add up exactly.
  let cumulative = 0;
  let emitted = 0;
  for (const slot of slots) {
    cumulative += slot.weight;
    const upTo = Math.round((count * cumulative) / totalWeight);
    const times = new Float64Array(upTo - emitted);
    emitted = upTo;
    for (let i = 0; i < times.length; i++) {
      times[i] = slot.from + Math.floor(random.next() * (slot.to - slot.from));
    }
    times.sort();
    for (const time of times) yield baskets.make(time);
  }
}
