import { generateTransactions } from '../generate/transactions.ts';
import { isKnownStore } from '../reference/lookup.ts';
import { testTransaction } from './testTransaction.ts';
import { MAX_BATCH, type Problem, validateTransactions } from './validate.ts';

const now = new Date('2026-11-26T12:00:00Z');

function problemsOf(
  input: unknown,
  options: Partial<Parameters<typeof validateTransactions>[1]> = {},
): Problem[] {
  const result = validateTransactions(input, { now, ...options });
  return result.ok ? [] : result.problems;
}

describe('validateTransactions', () => {
  it('accepts a single transaction as index 0 and returns it', () => {
    const tx = testTransaction();
    expect(validateTransactions(tx, { now })).toEqual({
      ok: true,
      transactions: [tx],
    });
  });

  it('accepts a batch and keeps its order', () => {
    const batch = [
      testTransaction(),
      testTransaction({
        transaction_id: '1c9e6a7b-2d3f-4a5b-8c6d-7e8f9a0b1c2d',
      }),
    ];
    const result = validateTransactions({ transactions: batch }, { now });
    expect(result).toEqual({ ok: true, transactions: batch });
  });

  it('collects every problem of every transaction with its index and path', () => {
    const batch = [
      testTransaction(),
      testTransaction({
        transaction_id: 'not-a-uuid',
        items: [
          { sku: 'LM-PC-ORIGINAL-80G', quantity: 2, unit_price: 17 },
          { sku: 'CK-MISMO-300ML', quantity: 1, unit_price: 20 },
          { sku: 'MS-8G', quantity: 0, unit_price: 5, colour: 'red' },
        ],
      }),
      testTransaction({
        payment_method: 'barter',
        total: 99,
        occurred_at: '2019-12-31T23:59:59+08:00',
      }),
    ];
    const problems = problemsOf({ transactions: batch });
    expect(problems.map(({ index, path }) => ({ index, path }))).toEqual([
      { index: 1, path: 'transaction_id' },
      { index: 1, path: 'items.2.quantity' },
      { index: 1, path: 'items.2.colour' },
      { index: 2, path: 'payment_method' },
      { index: 2, path: 'transaction_id' },
      { index: 2, path: 'occurred_at' },
      { index: 2, path: 'total' },
    ]);
    expect(problems.every(p => p.message.length > 0)).toBe(true);
  });

  it('still applies the business rules to the fields that passed the schema', () => {
    const problems = problemsOf(
      testTransaction({ payment_method: 'barter', total: 1 }),
    );
    expect(problems.map(p => p.path)).toEqual(['payment_method', 'total']);
  });

  it('reports a value that is not an object at the root', () => {
    expect(problemsOf('hello')).toEqual([
      { index: 0, path: '', message: expect.any(String) },
    ]);
    expect(problemsOf({ transactions: [null] })).toEqual([
      { index: 0, path: '', message: expect.any(String) },
    ]);
  });

  describe('the batch', () => {
    it('must not be empty', () => {
      expect(problemsOf({ transactions: [] })).toEqual([
        {
          index: -1,
          path: 'transactions',
          message: expect.stringContaining('at least one'),
        },
      ]);
    });

    it('must hold at most maxBatch transactions', () => {
      const batch = [testTransaction(), testTransaction(), testTransaction()];
      expect(problemsOf({ transactions: batch }, { maxBatch: 2 })).toEqual([
        {
          index: -1,
          path: 'transactions',
          message: expect.stringContaining('at most 2'),
        },
      ]);
      expect(
        problemsOf({
          transactions: Array.from({ length: MAX_BATCH + 1 }, () => ({})),
        }),
      ).toEqual([
        {
          index: -1,
          path: 'transactions',
          message: expect.stringContaining(`at most ${MAX_BATCH}`),
        },
      ]);
    });

    it('must be an array, without other keys', () => {
      expect(problemsOf({ transactions: 'all of them' })).toEqual([
        { index: -1, path: 'transactions', message: expect.any(String) },
      ]);
      expect(
        problemsOf({ transactions: [testTransaction()], dryRun: true }),
      ).toEqual([{ index: -1, path: 'dryRun', message: expect.any(String) }]);
    });
  });

  describe('business rules', () => {
    it('total must equal the sum of quantity x unit_price to the centavo', () => {
      const items = [
        { sku: 'A', quantity: 3, unit_price: 0.1 },
        { sku: 'B', quantity: 1, unit_price: 0.2 },
      ];
      // 3 x 0.1 + 0.2 is 0.5000000000000001 in floating point; centavos make it exact.
      expect(problemsOf(testTransaction({ items, total: 0.5 }))).toEqual([]);
      expect(problemsOf(testTransaction({ items, total: 0.51 }))).toEqual([
        { index: 0, path: 'total', message: expect.stringContaining('0.50') },
      ]);
    });

    it('occurred_at may be at most 5 minutes ahead of now', () => {
      const at = (iso: string) =>
        problemsOf(testTransaction({ occurred_at: iso }));
      expect(at('2026-11-26T20:05:00+08:00')).toEqual([]);
      expect(at('2026-11-26T12:05:00Z')).toEqual([]);
      expect(at('2026-11-26T12:05:01Z')).toEqual([
        {
          index: 0,
          path: 'occurred_at',
          message: expect.stringContaining('future'),
        },
      ]);
      // Read to the microsecond: Date.parse would cut this to 12:05:00.000.
      expect(at('2026-11-26T12:05:00.000001Z').map(p => p.path)).toEqual([
        'occurred_at',
      ]);
      expect(at('2026-11-27T04:04:00.000000+15:59')).toEqual([]);
    });

    it('occurred_at must not be before 2020-01-01', () => {
      const at = (iso: string) =>
        problemsOf(testTransaction({ occurred_at: iso }));
      expect(at('2020-01-01T00:00:00Z')).toEqual([]);
      expect(at('2020-01-01T07:59:59+08:00')).toEqual([
        {
          index: 0,
          path: 'occurred_at',
          message: expect.stringContaining('2020'),
        },
      ]);
    });

    it('transaction_id must be unique within the batch, whatever its case', () => {
      const id = '0b8f2f3e-5d7c-4f0e-9a51-3c2b1d0e9f8a';
      const batch = [
        testTransaction({ transaction_id: id }),
        testTransaction({
          transaction_id: '1c9e6a7b-2d3f-4a5b-8c6d-7e8f9a0b1c2d',
        }),
        testTransaction({ transaction_id: id.toUpperCase() }),
      ];
      expect(problemsOf({ transactions: batch })).toEqual([
        {
          index: 2,
          path: 'transaction_id',
          message: expect.stringContaining('index 0'),
        },
      ]);
    });

    it('store_id must be known when a store check is given', () => {
      const unknown = testTransaction({ store_id: 'ST-NCR-99999' });
      expect(problemsOf(unknown)).toEqual([]);
      expect(problemsOf(unknown, { isKnownStore })).toEqual([
        {
          index: 0,
          path: 'store_id',
          message: expect.stringContaining('ST-NCR-99999'),
        },
      ]);
      expect(problemsOf(testTransaction(), { isKnownStore })).toEqual([]);
    });
  });

  // Its speed is measured by `scout bench ingest` (tx_per_s), not timed here.
  it('accepts 10,000 generated transactions', () => {
    const end = new Date('2026-11-26T00:00:00Z');
    const body = JSON.parse(
      JSON.stringify({
        transactions: [
          ...generateTransactions({ count: 10_000, seed: 5, end }),
        ],
      }),
    );
    const result = validateTransactions(body, { now: end, isKnownStore });
    expect(result.ok && result.transactions.length).toBe(10_000);
  });
});
