import { mockServices } from '@backstage/backend-test-utils';
import {
  findCity,
  findProduct,
  findStore,
  generateTransactions,
  Transaction,
} from '@internal/backstage-plugin-scout-common';
import { testDatabases } from '@internal/backstage-plugin-scout-node/testing';
import { insertTransactions } from '@internal/scout-edge-functions';
import { promoteBronze } from '@internal/backstage-plugin-scout-node';
import { seedDemoData } from './demoData';

// The gold views must equal totals computed here, in TypeScript, from the
// generated input, to the centavo.
const centavos = (t: Transaction) =>
  t.items.reduce(
    (sum, i) => sum + i.quantity * Math.round(i.unit_price * 100),
    0,
  );
const saleDate = (t: Transaction) => t.occurred_at.slice(0, 10); // already Manila time (+08:00)

function totals(txs: Transaction[], key: (t: Transaction) => string) {
  const out = new Map<string, { transactions: number; revenue: number }>();
  for (const t of txs) {
    const entry = out.get(key(t)) ?? { transactions: 0, revenue: 0 };
    entry.transactions += 1;
    entry.revenue += centavos(t);
    out.set(key(t), entry);
  }
  return out;
}

describe.each(testDatabases())('gold views on $kind', databases => {
  afterAll(() => databases.cleanup(), 60_000);

  it('equal the totals computed from the generated transactions', async () => {
    const db = await databases.createMigrated();
    await seedDemoData(db, 0, mockServices.logger.mock());
    const txs = [
      ...generateTransactions({
        count: 4000,
        seed: 11,
        end: new Date('2026-11-20T00:00:00Z'),
      }),
    ];
    for (let i = 0; i < txs.length; i += 1000) {
      const result = await insertTransactions(db, txs.slice(i, i + 1000), {
        source: 'test',
        requestId: 'gold',
      });
      expect(result.accepted).toBe(1000);
    }
    const round = await promoteBronze(db);
    expect(round).toMatchObject({ promoted: txs.length, quarantined: 0 });

    const byStoreDay = totals(txs, t => `${saleDate(t)}|${t.store_id}`);
    const { rows: storeRows } = await db.query<{
      sales_date: Date;
      store_id: string;
      region_code: string;
      transactions: number;
      revenue: string;
    }>(
      'select sales_date, store_id, region_code, transactions, revenue from scout.gold_daily_store_sales',
    );
    expect(storeRows.length).toBe(byStoreDay.size);
    for (const row of storeRows) {
      const day = new Date(row.sales_date).toISOString().slice(0, 10);
      const expected = byStoreDay.get(`${day}|${row.store_id}`);
      expect({
        transactions: Number(row.transactions),
        revenue: Math.round(Number(row.revenue) * 100),
      }).toEqual(expected);
      expect(row.region_code).toBe(
        findCity(findStore(row.store_id)!.city_code)!.region_code,
      );
    }

    const byMethod = totals(txs, t => `${saleDate(t)}|${t.payment_method}`);
    const { rows: mixRows } = await db.query<{
      sales_date: Date;
      payment_method: string;
      transactions: number;
      revenue: string;
    }>(
      'select sales_date, payment_method, transactions, revenue from scout.gold_payment_mix',
    );
    expect(mixRows.length).toBe(byMethod.size);
    for (const row of mixRows) {
      const day = new Date(row.sales_date).toISOString().slice(0, 10);
      expect({
        transactions: Number(row.transactions),
        revenue: Math.round(Number(row.revenue) * 100),
      }).toEqual(byMethod.get(`${day}|${row.payment_method}`));
    }

    // Region x category revenue, from line items.
    const byRegionCategory = new Map<string, number>();
    for (const t of txs) {
      const region = findCity(findStore(t.store_id)!.city_code)!.region_code;
      for (const item of t.items) {
        const key = `${saleDate(t)}|${region}|${
          findProduct(item.sku)!.category_id
        }`;
        byRegionCategory.set(
          key,
          (byRegionCategory.get(key) ?? 0) +
            item.quantity * Math.round(item.unit_price * 100),
        );
      }
    }
    const { rows: rcRows } = await db.query<{
      sales_date: Date;
      region_code: string;
      category_id: string;
      revenue: string;
    }>(
      'select sales_date, region_code, category_id, revenue from scout.gold_region_category_sales',
    );
    expect(rcRows.length).toBe(byRegionCategory.size);
    for (const row of rcRows) {
      const day = new Date(row.sales_date).toISOString().slice(0, 10);
      expect(Math.round(Number(row.revenue) * 100)).toBe(
        byRegionCategory.get(`${day}|${row.region_code}|${row.category_id}`),
      );
    }
  }, 180_000);
});
