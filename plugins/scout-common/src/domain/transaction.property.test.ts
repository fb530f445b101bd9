import fc from 'fast-check';
import { MAX_UUID, NIL_UUID } from './ids.ts';
import { MAX_NUMERIC_12_2 } from './money.ts';
import { testTransaction } from './testTransaction.ts';
import { transactionSchema } from './transaction.ts';
import { validateTransactions } from './validate.ts';

// Every value the schema takes must be storable in bronze/silver (see
// migrations/0003 and 0004): these generate around each bound the columns set.
const now = new Date('2026-11-26T12:00:00Z');
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

const problems = (tx: unknown) => {
  const result = validateTransactions(tx, { now });
  return result.ok ? [] : result.problems;
};

/** `epochMs` written with the given offset (in minutes) and fraction digits. */
function writeInstant(epochMs: number, offset: number, fraction: string) {
  const local = new Date(epochMs + offset * 60_000).toISOString().slice(0, 19);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const zone = `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  return `${local}${fraction ? `.${fraction}` : ''}${zone}`;
}

describe('transactionSchema and validateTransactions, by property', () => {
  it('take occurred_at within ±15:59 and 6 fraction digits, and refuse the rest on occurred_at alone', () => {
    const offsetMinutes = fc.oneof(
      fc.constantFrom(0, 14 * 60, 15 * 60 + 59, 16 * 60, 23 * 60 + 59),
      fc.integer({ min: 0, max: 23 * 60 + 59 }),
    );
    fc.assert(
      fc.property(
        // Within the business window (2020 .. now), so only storability decides.
        fc.integer({
          min: Date.UTC(2020, 0, 2),
          max: now.getTime() - 86_400_000,
        }),
        offsetMinutes,
        fc.boolean(),
        fc.stringMatching(/^\d{0,9}$/),
        (epochMs, minutes, negative, fraction) => {
          const offset = negative ? -minutes : minutes;
          const occurred_at = writeInstant(epochMs, offset, fraction);
          const storable = minutes <= 15 * 60 + 59 && fraction.length <= 6;
          const why = expect.stringMatching(/15:59|6 fractional/);
          expect(problems(testTransaction({ occurred_at }))).toEqual(
            storable
              ? []
              : [
                  {
                    index: 0,
                    path: 'occurred_at',
                    message: why,
                  },
                ],
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('take a total up to 9,999,999,999.99 (numeric(12, 2)) and no more', () => {
    const top = Math.round(MAX_NUMERIC_12_2 * 100);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: top - 3, max: top + 3 }),
          fc.integer({ min: 0, max: top * 3 }),
        ),
        centavos => {
          const total = centavos / 100;
          const result = transactionSchema.safeParse(
            testTransaction({ total }),
          );
          const why = expect.stringContaining('9,999,999,999.99');
          expect(
            result.error?.issues.map(i => [i.path.join('.'), i.message]) ?? [],
          ).toEqual(centavos <= top ? [] : [['total', why]]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuse the nil and max UUIDs in any case, and take other UUIDs in any case', () => {
    const caseMix = (id: string) =>
      fc
        .array(fc.boolean(), { minLength: id.length, maxLength: id.length })
        .map(upper =>
          [...id].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join(''),
        );
    const id = fc.oneof(
      fc.constantFrom(NIL_UUID, MAX_UUID).chain(caseMix),
      fc.uuid().chain(caseMix),
    );
    fc.assert(
      fc.property(id, transaction_id => {
        const reserved = [NIL_UUID, MAX_UUID].includes(
          transaction_id.toLowerCase(),
        );
        const why = expect.stringMatching(/nil and max UUIDs/);
        expect(problems(testTransaction({ transaction_id }))).toEqual(
          reserved
            ? [
                {
                  index: 0,
                  path: 'transaction_id',
                  message: why,
                },
              ]
            : [],
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe('a total at the numeric(12, 2) limit', () => {
  // 99 lines of 1,000 x 100,000, then 999 x 100,000 and 1 x 99,999.99.
  const items = [
    ...Array.from({ length: 99 }, () => ({
      sku: 'S',
      quantity: 1000,
      unit_price: 100_000,
    })),
    { sku: 'S', quantity: 999, unit_price: 100_000 },
    { sku: 'S', quantity: 1, unit_price: 99_999.99 },
  ];

  it('is accepted when the lines add up to it exactly', () => {
    expect(
      problems(testTransaction({ items, total: 9_999_999_999.99 })),
    ).toEqual([]);
  });

  it('is the limit: lines that add up to more are refused on total', () => {
    const more = [...items, { sku: 'S', quantity: 1, unit_price: 0.01 }];
    const found = problems(testTransaction({ items: more, total: 1e10 }));
    expect(found).toEqual([
      {
        index: 0,
        path: 'total',
        message: expect.stringContaining('numeric(12, 2)'),
      },
    ]);
  });
});
