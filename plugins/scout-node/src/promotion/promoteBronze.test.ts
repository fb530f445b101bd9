import { randomUUID } from 'node:crypto';
import { ScoutDatabase } from '../db/types';
import { testDatabases } from '../testing/testDatabases';
import { pendingPromotion, promoteBronze } from './promoteBronze';

jest.setTimeout(120_000);

type Item = { sku: string; quantity: number; unit_price: number };

function transaction(
  store_id: string,
  items: Item[],
  occurred_at = '2025-03-01T17:30:00Z',
) {
  const total = items.reduce((sum, i) => sum + i.quantity * i.unit_price, 0);
  return {
    transaction_id: randomUUID(),
    store_id,
    device_id: 'D1',
    occurred_at,
    payment_method: 'cash',
    currency: 'PHP',
    items,
    total,
  };
}

const BRONZE = ['transaction_id', 'payload', 'source', 'request_id'];
const counts = `select (select count(*) from scout.silver_transactions)::int as silver,
  (select count(*) from scout.silver_line_items)::int as lines,
  (select count(distinct transaction_id) from scout.quarantine)::int as quarantined`;

describe.each(testDatabases())('promoteBronze on $kind', databases => {
  let db: ScoutDatabase;

  beforeAll(async () => {
    db = await databases.createMigrated();
    await db.query(`
      insert into scout.regions values ('NCR', 'National Capital Region');
      insert into scout.provinces values ('MM', 'NCR', 'Metro Manila');
      insert into scout.cities values ('QC', 'MM', 'Quezon City');
      insert into scout.brands values ('B1', 'Lucky Me');
      insert into scout.categories values ('C1', 'Noodles'), ('C2', 'Drinks');
      insert into scout.products values
        ('P1', 'Pancit Canton', 'B1', 'C1', 10.00, '60g'),
        ('P2', 'Iced Tea', 'B1', 'C2', 20.00, '500ml');
      insert into scout.stores values
        ('S1', 'Aling Nena', 'QC', 'sari-sari', true),
        ('S2', 'Mang Tomas', 'QC', 'sari-sari', false);
      insert into scout.devices values ('D1', 'S1', 'pos')`);
  });

  afterAll(() => databases.cleanup(), 60_000);

  const bronzeRows = (payloads: unknown[]) =>
    payloads.map(p => [
      (p as { transaction_id: string }).transaction_id,
      p,
      'test',
      'req-1',
    ]);

  async function ingest(payloads: ReturnType<typeof transaction>[]) {
    await db.transaction(tx =>
      tx.copyRows('scout.bronze_transactions', BRONZE, bronzeRows(payloads)),
    );
    expect(await pendingPromotion(db)).toBe(payloads.length);
    const { promoted, quarantined } = await promoteBronze(db);
    expect(await pendingPromotion(db)).toBe(0);
    return { promoted, quarantined };
  }

  it('sends good rows to silver and bad rows to quarantine with every reason', async () => {
    const good = transaction('S1', [
      { sku: 'P1', quantity: 2, unit_price: 10 },
      { sku: 'P2', quantity: 1, unit_price: 25 },
    ]);
    // 0.5x and 2x the list price are still in range.
    const edges = transaction('S1', [
      { sku: 'P1', quantity: 1, unit_price: 5 },
      { sku: 'P1', quantity: 1, unit_price: 20 },
    ]);
    const unknownStore = transaction('S9', [
      { sku: 'P1', quantity: 1, unit_price: 10 },
    ]);
    const inactiveStore = transaction('S2', [
      { sku: 'P1', quantity: 1, unit_price: 10 },
    ]);
    const unknownSku = transaction('S1', [
      { sku: 'P1', quantity: 1, unit_price: 10 },
      { sku: 'PX', quantity: 1, unit_price: 10 },
    ]);
    const cheap = transaction('S1', [
      { sku: 'P2', quantity: 1, unit_price: 9.99 },
    ]);
    const everythingWrong = transaction('S9', [
      { sku: 'PY', quantity: 1, unit_price: 1 },
      { sku: 'P1', quantity: 1, unit_price: 20.01 },
    ]);

    const result = await ingest([
      good,
      edges,
      unknownStore,
      inactiveStore,
      unknownSku,
      cheap,
      everythingWrong,
    ]);

    expect(result).toEqual({ promoted: 2, quarantined: 5 });
    const quarantine = await db.query(
      'select transaction_id, reason, detail from scout.quarantine order by detail',
    );
    expect(quarantine.rows).toEqual(
      expect.arrayContaining([
        {
          transaction_id: unknownStore.transaction_id,
          reason: 'unknown_store',
          detail: 'store S9 is not in scout.stores',
        },
        {
          transaction_id: inactiveStore.transaction_id,
          reason: 'inactive_store',
          detail: 'store S2 is inactive',
        },
        {
          transaction_id: unknownSku.transaction_id,
          reason: 'unknown_sku',
          detail: 'sku PX not in scout.products',
        },
        {
          transaction_id: cheap.transaction_id,
          reason: 'price_out_of_range',
          detail: 'sku P2 at 9.99 (list price 20.00)',
        },
        {
          transaction_id: everythingWrong.transaction_id,
          reason: 'unknown_store',
          detail: 'store S9 is not in scout.stores',
        },
        {
          transaction_id: everythingWrong.transaction_id,
          reason: 'unknown_sku',
          detail: 'sku PY not in scout.products',
        },
        {
          transaction_id: everythingWrong.transaction_id,
          reason: 'price_out_of_range',
          detail: 'sku P1 at 20.01 (list price 10.00)',
        },
      ]),
    );
    expect(quarantine.rows).toHaveLength(7);
  });

  it('writes typed silver rows on the Manila calendar day', async () => {
    const sale = transaction('S1', [
      { sku: 'P1', quantity: 3, unit_price: 10.5 },
      { sku: 'P2', quantity: 2, unit_price: 19.75 },
    ]);
    await ingest([sale]);

    const header = await db.query(
      `select store_id, device_id, sale_date::text as sale_date, payment_method, total, item_count, units
       from scout.silver_transactions where transaction_id = $1`,
      [sale.transaction_id],
    );
    // 17:30 UTC on 1 March is 01:30 on 2 March in Manila.
    expect(header.rows).toEqual([
      {
        store_id: 'S1',
        device_id: 'D1',
        sale_date: '2025-03-02',
        payment_method: 'cash',
        total: '71.00',
        item_count: 2,
        units: 5,
      },
    ]);
    const lines = await db.query(
      `select line_no, sku, quantity, unit_price, amount from scout.silver_line_items
       where transaction_id = $1 order by line_no`,
      [sale.transaction_id],
    );
    expect(lines.rows).toEqual([
      {
        line_no: 1,
        sku: 'P1',
        quantity: 3,
        unit_price: '10.50',
        amount: '31.50',
      },
      {
        line_no: 2,
        sku: 'P2',
        quantity: 2,
        unit_price: '19.75',
        amount: '39.50',
      },
    ]);
  });

  it('writes nothing the second time', async () => {
    const { rows: before } = await db.query(counts);
    expect(await promoteBronze(db)).toMatchObject({ transactions: 0 });
    expect((await db.query(counts)).rows).toEqual(before);
  });

  it('feeds the gold views with exact revenue', async () => {
    const daily = await db.query(
      `select sales_date::text as sales_date, store_id, region_code, transactions, units, revenue
       from scout.gold_daily_store_sales`,
    );
    // good 45.00 + edges 25.00 + sale 71.00
    expect(daily.rows).toEqual([
      {
        sales_date: '2025-03-02',
        store_id: 'S1',
        region_code: 'NCR',
        transactions: 3,
        units: 10,
        revenue: '141.00',
      },
    ]);
    const mix = await db.query(
      'select payment_method, transactions, revenue, share_of_revenue from scout.gold_payment_mix',
    );
    expect(mix.rows).toEqual([
      {
        payment_method: 'cash',
        transactions: 3,
        revenue: '141.00',
        share_of_revenue: '1.0000',
      },
    ]);
    const hourly = await db.query(
      'select hour_of_day, weekday, transactions from scout.gold_hourly_sales',
    );
    // 01:30 on Sunday 2 March 2025 in Manila; ISO weekday 7.
    expect(hourly.rows).toEqual([
      { hour_of_day: 1, weekday: 7, transactions: 3 },
    ]);
    const products = await db.query(
      'select sku, units, revenue, stores from scout.gold_product_performance order by sku',
    );
    expect(products.rows).toEqual([
      { sku: 'P1', units: 7, revenue: '76.50', stores: 1 },
      { sku: 'P2', units: 3, revenue: '64.50', stores: 1 },
    ]);
  });
  it('promotes nothing of a round that failed, and all of it in the next', async () => {
    const sales = [1, 2, 3].map(() =>
      transaction('S1', [{ sku: 'P1', quantity: 1, unit_price: 10 }]),
    );
    await db.transaction(tx =>
      tx.copyRows('scout.bronze_transactions', BRONZE, bronzeRows(sales)),
    );
    const { rows: before } = await db.query(counts);
    // A round that dies after writing silver but before its line items.
    const failing = {
      ...db,
      transaction: <T>(fn: Parameters<ScoutDatabase['transaction']>[0]) =>
        db.transaction(tx =>
          fn({
            query: tx.query.bind(tx),
            copyRows: async (table, columns, rows) => {
              if (table === 'scout.silver_line_items')
                throw new Error('killed mid-promotion');
              return tx.copyRows(table, columns, rows);
            },
          }),
        ) as Promise<T>,
    } as ScoutDatabase;
    await expect(promoteBronze(failing)).rejects.toThrow('killed');
    expect((await db.query(counts)).rows).toEqual(before);
    expect(await pendingPromotion(db)).toBe(3);
    expect(await promoteBronze(db)).toMatchObject({ promoted: 3 });
    expect(await pendingPromotion(db)).toBe(0);
  });

  it('quarantines a payload that did not come through the ingest function', async () => {
    const odd = { transaction_id: randomUUID(), store_id: 'S1', total: 'lots' };
    await db.transaction(tx =>
      tx.copyRows('scout.bronze_transactions', BRONZE, bronzeRows([odd])),
    );
    expect(await promoteBronze(db)).toMatchObject({
      quarantined: 1,
      reasons: { invalid_payload: 1 },
    });
    const { rows } = await db.query(
      'select reason from scout.quarantine where transaction_id = $1',
      [odd.transaction_id],
    );
    expect(rows).toEqual([{ reason: 'invalid_payload' }]);
  });
});
