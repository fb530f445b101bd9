import { generateTransactions } from '../generate/transactions.ts';
import { testTransaction } from './testTransaction.ts';
import { transactionSchema } from './transaction.ts';

function issuePaths(input: unknown): string[] {
  const result = transactionSchema.safeParse(input);
  return result.success
    ? []
    : result.error.issues.map(issue => issue.path.join('.'));
}

describe('transactionSchema', () => {
  it('accepts 10,000 generated transactions', () => {
    const end = new Date('2026-11-27T00:00:00Z');
    let checked = 0;
    for (const tx of generateTransactions({ count: 10_000, seed: 11, end })) {
      const result = transactionSchema.safeParse(tx);
      if (!result.success)
        throw new Error(`${JSON.stringify(tx)}: ${result.error.message}`);
      checked++;
    }
    expect(checked).toBe(10_000);
  });

  it('parses to exactly its input, so validation may return the input', () => {
    const minimal = testTransaction();
    delete minimal.device_id;
    delete minimal.currency;
    expect(transactionSchema.parse(minimal)).toEqual(minimal);
  });

  it('accepts any offset PostgreSQL takes, Z and up to 6 fractional digits', () => {
    for (const occurred_at of [
      '2026-11-26T10:04:12Z',
      '2026-11-26T18:04:12.123+08:00',
      '2026-11-26T05:04:12-05:00',
      '2026-11-27T00:04:12+14:00',
      '2026-11-27T02:03:12.123456+15:59',
      '2026-11-25T18:05:12-15:59',
    ]) {
      expect(issuePaths(testTransaction({ occurred_at }))).toEqual([]);
    }
  });

  it.each([
    ['an unknown key', { extra: 1 }, ''],
    ['a non-UUID id', { transaction_id: 'tx-1' }, 'transaction_id'],
    [
      'the nil UUID',
      { transaction_id: '00000000-0000-0000-0000-000000000000' },
      'transaction_id',
    ],
    [
      'the max UUID',
      { transaction_id: 'ffffffff-ffff-ffff-ffff-ffffffffffff' },
      'transaction_id',
    ],
    [
      'the max UUID in capitals',
      { transaction_id: 'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF' },
      'transaction_id',
    ],
    [
      'an offset of +16:00',
      { occurred_at: '2026-11-26T18:04:12+16:00' },
      'occurred_at',
    ],
    [
      'an offset of +0800',
      { occurred_at: '2026-11-26T18:04:12+0800' },
      'occurred_at',
    ],
    [
      'seven fractional digits',
      { occurred_at: '2026-11-26T18:04:12.1234567+08:00' },
      'occurred_at',
    ],
    ['a leap second', { occurred_at: '2016-12-31T23:59:60Z' }, 'occurred_at'],
    ['a total of 10^10', { total: 10_000_000_000 }, 'total'],
    ['an empty store id', { store_id: '' }, 'store_id'],
    ['a store id with spaces', { store_id: 'ST NCR 1' }, 'store_id'],
    ['a store id over 64 characters', { store_id: 'S'.repeat(65) }, 'store_id'],
    ['a device id with a slash', { device_id: 'DV/1' }, 'device_id'],
    [
      'a time without offset',
      { occurred_at: '2026-11-26T18:04:12' },
      'occurred_at',
    ],
    [
      'an impossible date',
      { occurred_at: '2026-02-30T10:00:00+08:00' },
      'occurred_at',
    ],
    [
      'an unknown payment method',
      { payment_method: 'bitcoin' },
      'payment_method',
    ],
    ['another currency', { currency: 'USD' }, 'currency'],
    ['no items', { items: [] }, 'items'],
    [
      '201 items',
      {
        items: Array.from({ length: 201 }, (_, i) => ({
          sku: `S${i}`,
          quantity: 1,
          unit_price: 1,
        })),
      },
      'items',
    ],
    ['a negative total', { total: -1 }, 'total'],
    ['a total with fractions of a centavo', { total: 54.001 }, 'total'],
    ['a string total', { total: '54' }, 'total'],
  ])('rejects %s', (_, overrides, path) => {
    expect(issuePaths(testTransaction(overrides))).toContain(path);
  });

  it.each([
    ['a zero quantity', { quantity: 0 }, 'items.0.quantity'],
    ['a quantity over 1000', { quantity: 1001 }, 'items.0.quantity'],
    ['a fractional quantity', { quantity: 1.5 }, 'items.0.quantity'],
    ['a zero price', { unit_price: 0 }, 'items.0.unit_price'],
    ['a price over 100,000', { unit_price: 100_000.01 }, 'items.0.unit_price'],
    [
      'a price with three decimals',
      { unit_price: 17.005 },
      'items.0.unit_price',
    ],
    ['a SKU with a quote', { sku: "LM'1" }, 'items.0.sku'],
    ['an unknown line key', { discount: 1 }, 'items.0'],
  ])('rejects a line item with %s', (_, overrides, path) => {
    const items = [
      { sku: 'LM-PC-ORIGINAL-80G', quantity: 2, unit_price: 17, ...overrides },
    ];
    expect(issuePaths(testTransaction({ items }))).toContain(path);
  });
});
