import { BronzeRow, classify, PromotionReference } from './classify';
import { PROMOTION_LINEAGE } from './lineage';

const ref: PromotionReference = {
  stores: new Map([
    ['ST-1', true],
    ['ST-2', true],
  ]),
  listCentavos: new Map([
    ['SKU-A', 1000],
    ['SKU-B', 1000],
  ]),
};

const base = {
  transaction_id: '0b8f2f3e-5d7c-4f0e-9a51-3c2b1d0e9f8a',
  store_id: 'ST-1',
  device_id: 'DV-1',
  occurred_at: '2026-11-26T18:04:12+08:00',
  payment_method: 'cash',
  items: [{ sku: 'SKU-A', quantity: 2, unit_price: 10 }],
  total: 20,
};

/** One change per bronze field, each still a valid sale that reaches silver. */
const changes: Record<string, (row: BronzeRow) => void> = {
  transaction_id: row => {
    row.transaction_id = '1b8f2f3e-5d7c-4f0e-9a51-3c2b1d0e9f8a';
  },
  received_at: row => {
    row.received_at = '2026-11-26 10:05:00.123456+00';
  },
  'payload.store_id': row => set(row, 'store_id', 'ST-2'),
  'payload.device_id': row => set(row, 'device_id', 'DV-2'),
  'payload.occurred_at': row =>
    set(row, 'occurred_at', '2026-11-27T18:04:12+08:00'),
  'payload.payment_method': row => set(row, 'payment_method', 'card'),
  'payload.total': row => set(row, 'total', 21),
  // A line before the first: the first line is now the second.
  'payload.items': row => {
    items(row).unshift({ sku: 'SKU-B', quantity: 1, unit_price: 10 });
  },
  'payload.items.sku': row => {
    items(row)[0].sku = 'SKU-B';
  },
  'payload.items.quantity': row => {
    items(row)[0].quantity = 3;
  },
  'payload.items.unit_price': row => {
    items(row)[0].unit_price = 11;
  },
};

function set(row: BronzeRow, key: string, value: unknown) {
  (row.payload as Record<string, unknown>)[key] = value;
}
function items(row: BronzeRow) {
  return (row.payload as typeof base).items;
}
function promote(change?: (row: BronzeRow) => void) {
  const row: BronzeRow = {
    transaction_id: base.transaction_id,
    payload: structuredClone(base),
    validated: true,
    received_at: '2026-11-26 10:04:12.5+00',
  };
  change?.(row);
  const promotion = classify(row, ref);
  if (promotion.to !== 'silver') throw new Error('expected silver');
  // base has one item: after any change, its line is the last.
  const first = (row.payload as typeof base).items.findIndex(
    item => item === (row.payload as typeof base).items.at(-1),
  );
  return { silver: [promotion.silver], lines: [promotion.lines[first]] };
}

/** The columns (by table) whose value a change to `field` changes. */
function changedBy(field: string) {
  const before = promote();
  const after = promote(changes[field]);
  const changed = (table: 'silver' | 'lines', names: string[]) =>
    names.filter(
      (_, i) =>
        JSON.stringify(before[table].map(r => r[i])) !==
        JSON.stringify(after[table].map(r => r[i])),
    );
  return {
    silver_transactions: changed(
      'silver',
      output('silver_transactions').map(f => f.name),
    ),
    silver_line_items: changed(
      'lines',
      output('silver_line_items').map(f => f.name),
    ),
  };
}

function output(table: string) {
  return PROMOTION_LINEAGE.outputs.find(
    o => o.name === `postgresql.scout.${table}`,
  )!.fields;
}

/** Whether a column declares `field` (a whole array covers its elements' keys). */
function declares(table: string, column: string, field: string) {
  return output(table)
    .find(f => f.name === column)!
    .from.some(
      s =>
        s.field === field ||
        field.startsWith(`${s.field}.`) ||
        s.field.startsWith(`${field}.`),
    );
}

describe('PROMOTION_LINEAGE', () => {
  it('lists every column promotion writes, in COPY order', () => {
    expect(output('silver_transactions').every(f => f.from.length > 0)).toBe(
      true,
    );
    expect(output('silver_line_items').every(f => f.from.length > 0)).toBe(
      true,
    );
  });

  it.each(Object.keys(changes))(
    'declares %s as a source of every column it changes',
    field => {
      const changed = changedBy(field);
      expect(
        changed.silver_transactions.length + changed.silver_line_items.length,
      ).toBeGreaterThan(0);
      for (const [table, columns] of Object.entries(changed)) {
        for (const column of columns) {
          expect({
            table,
            column,
            declared: declares(table, column, field),
          }).toEqual({ table, column, declared: true });
        }
      }
    },
  );

  it('declares no bronze source that changes nothing', () => {
    for (const table of ['silver_transactions', 'silver_line_items']) {
      for (const f of output(table)) {
        for (const source of f.from) {
          expect({
            table,
            column: f.name,
            source: source.field,
            changes: changedBy(source.field)[
              table as 'silver_transactions'
            ].includes(f.name),
          }).toEqual({
            table,
            column: f.name,
            source: source.field,
            changes: true,
          });
        }
      }
    }
  });
});
