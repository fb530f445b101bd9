import type { Transaction } from '../domain/transaction.ts';
import { findStore } from '../reference/lookup.ts';
import { generateTransactions } from './transactions.ts';

const end = new Date('2026-11-27T00:00:00Z');

function ndjson(seed: number, count = 2_000): string {
  let out = '';
  for (const tx of generateTransactions({ count, seed, end }))
    out += `${JSON.stringify(tx)}\n`;
  return out;
}

/** Manila wall-clock fields of an occurred_at like `2026-11-26T18:04:12+08:00`. */
function manila(tx: Transaction) {
  expect(tx.occurred_at.endsWith('+08:00')).toBe(true);
  const local = new Date(`${tx.occurred_at.slice(0, 19)}Z`);
  return {
    hour: local.getUTCHours(),
    weekday: local.getUTCDay(),
    day: local.getUTCDate(),
  };
}

describe('generateTransactions', () => {
  const sample = [...generateTransactions({ count: 50_000, seed: 2026, end })];
  const share = (predicate: (tx: Transaction) => boolean) =>
    sample.filter(predicate).length / sample.length;

  it('is byte-identical for the same seed and end, and differs for another seed', () => {
    expect(ndjson(1)).toBe(ndjson(1));
    expect(ndjson(1)).not.toBe(ndjson(2));
  });

  it('produces exactly count transactions, unique ids, in time order inside the window', () => {
    expect(sample).toHaveLength(50_000);
    expect(new Set(sample.map(tx => tx.transaction_id)).size).toBe(50_000);
    const times = sample.map(tx => Date.parse(tx.occurred_at));
    for (let i = 1; i < times.length; i++)
      expect(times[i]).toBeGreaterThanOrEqual(times[i - 1]);
    expect(times[0]).toBeGreaterThanOrEqual(end.getTime() - 28 * 86_400_000);
    expect(times[times.length - 1]).toBeLessThan(end.getTime());
  });

  it('uses a device of the store, mostly the POS', () => {
    for (const tx of sample.slice(0, 2_000)) {
      expect(tx.device_id).toMatch(new RegExp(`^DV-${tx.store_id}-(POS|MOB)$`));
      expect(findStore(tx.store_id)).toBeDefined();
    }
    expect(share(tx => tx.device_id!.endsWith('-POS'))).toBeGreaterThan(0.85);
  });

  it('keeps the payment mix within a few points', () => {
    const expected = {
      cash: 0.7,
      gcash: 0.15,
      utang: 0.08,
      maya: 0.05,
      card: 0.02,
    };
    for (const [method, target] of Object.entries(expected)) {
      expect(
        Math.abs(share(tx => tx.payment_method === method) - target),
      ).toBeLessThan(0.02);
    }
  });

  it('peaks in the morning and evening, Manila time, and sells nothing from 1 to 4 am', () => {
    const perHour = new Array(24).fill(0);
    for (const tx of sample) perHour[manila(tx).hour]++;
    expect(perHour[1] + perHour[2] + perHour[3]).toBe(0);
    const mean = (hours: number[]) =>
      hours.reduce((sum, h) => sum + perHour[h], 0) / hours.length;
    const midday = mean([10, 13, 14, 15]);
    expect(mean([6, 7, 8])).toBeGreaterThan(1.4 * midday);
    expect(mean([17, 18, 19])).toBeGreaterThan(1.4 * midday);
    expect(perHour[0] + perHour[4]).toBeLessThan(0.01 * sample.length);
  });

  it('is busier on weekends and paydays', () => {
    const perDay = new Map<
      string,
      { weekday: number; day: number; count: number }
    >();
    for (const tx of sample) {
      const date = tx.occurred_at.slice(0, 10);
      const entry = perDay.get(date) ?? { ...manila(tx), count: 0 };
      entry.count++;
      perDay.set(date, entry);
    }
    const mean = (keep: (d: { weekday: number; day: number }) => boolean) => {
      const days = [...perDay.values()].filter(keep);
      return days.reduce((sum, d) => sum + d.count, 0) / days.length;
    };
    const ordinary = (d: { weekday: number; day: number }) =>
      d.weekday >= 1 && d.weekday <= 4 && ![15, 16, 30, 31, 1].includes(d.day);
    expect(mean(d => d.weekday === 0 || d.weekday === 6)).toBeGreaterThan(
      1.1 * mean(ordinary),
    );
    expect(mean(d => d.day === 15 || d.day === 30)).toBeGreaterThan(
      1.2 * mean(ordinary),
    );
  });

  it('has small baskets with small quantities and exact totals', () => {
    expect(share(tx => tx.items.length <= 3)).toBeGreaterThan(0.8);
    const lines = sample.flatMap(tx => tx.items);
    expect(
      lines.filter(item => item.quantity <= 2).length / lines.length,
    ).toBeGreaterThan(0.8);
    for (const tx of sample.slice(0, 2_000)) {
      const centavos = tx.items.reduce(
        (sum, i) => sum + i.quantity * Math.round(i.unit_price * 100),
        0,
      );
      expect(Math.round(tx.total * 100)).toBe(centavos);
      expect(new Set(tx.items.map(i => i.sku)).size).toBe(tx.items.length);
    }
  });

  it('sells no toiletries or laundry at carinderias', () => {
    const carinderiaSkus = sample
      .filter(tx => findStore(tx.store_id)?.store_type === 'carinderia')
      .flatMap(tx => tx.items.map(i => i.sku));
    expect(carinderiaSkus.length).toBeGreaterThan(0);
    expect(carinderiaSkus.some(sku => /^(SG|PM|CG|TD|SU|DW)-/.test(sku))).toBe(
      false,
    );
  });

  it('streams a million transactions without holding them', () => {
    let count = 0;
    let lines = 0;
    for (const tx of generateTransactions({
      count: 1_000_000,
      seed: 9,
      end,
      days: 7,
    })) {
      count++;
      lines += tx.items.length;
    }
    expect(count).toBe(1_000_000);
    expect(lines / count).toBeGreaterThan(1.5);
  });

  it('defaults to the 28 days before the start of the current UTC day', () => {
    const today = new Date();
    const midnight = Date.UTC(
      today.getUTCFullYear(),
      today.getUTCMonth(),
      today.getUTCDate(),
    );
    const times = [...generateTransactions({ count: 500, seed: 1 })].map(tx =>
      Date.parse(tx.occurred_at),
    );
    expect(Math.max(...times)).toBeLessThan(midnight);
    expect(Math.min(...times)).toBeGreaterThanOrEqual(
      midnight - 28 * 86_400_000,
    );
  });

  it('rejects nonsensical options', () => {
    expect(() => generateTransactions({ count: -1, seed: 1 })).toThrow(
      RangeError,
    );
    expect(() => generateTransactions({ count: 1.5, seed: 1 })).toThrow(
      RangeError,
    );
    expect(() => generateTransactions({ count: 1, seed: 1, days: 0 })).toThrow(
      RangeError,
    );
    expect(() =>
      generateTransactions({ count: 1, seed: 1, end: new Date('nope') }),
    ).toThrow(RangeError);
    expect(() => generateTransactions({ count: 1, seed: 0.5 })).toThrow(
      RangeError,
    );
  });
});
