import { lineageDatabases } from '../__testUtils__/databases';
import { runEvent } from '../__testUtils__/events';
import { searchLineage } from './lineageSearch';
import { LineageStore } from './LineageStore';

const databases = lineageDatabases();
afterAll(() => databases.closeAll());

const SHOP = (n: number) => `postgres://shop-${n}.example:5432`;

describe.each(databases.ids)('lineage search on %s', id => {
  let db: Awaited<ReturnType<typeof databases.init>>;

  beforeAll(async () => {
    db = await databases.init(id);
    const store = new LineageStore(db);
    const names = [
      'iceberg.silver.sales_PARAÑAQUE',
      'iceberg.bronze.ﬁle_İstanbul',
      // A decomposed é: e and a combining acute accent.
      'iceberg.gold.e\u0301clair',
      'iceberg.gold.ΣΟΦΙΑ_orders',
    ];
    for (const [i, name] of names.entries()) {
      await store.record(runEvent(`load ${i}`, [], name, {}));
    }
    // The same table in two shops' databases.
    for (const n of [1, 2]) {
      const event = runEvent(`copy ${n}`, [], 'public.orders', {});
      event.outputs![0].namespace = SHOP(n);
      await store.record(event);
    }
  });

  const found = async (q: string) =>
    (await searchLineage(db, q, 'DATASET', 10)).results.map(r => r.name);

  it('ignores case in any script, accents and how a name was composed', async () => {
    for (const q of ['PARAÑAQUE', 'parañaque', 'Paranaque']) {
      expect(await found(q)).toEqual(['iceberg.silver.sales_PARAÑAQUE']);
    }
    for (const q of ['İstanbul', 'istanbul', 'file_ist']) {
      expect(await found(q)).toEqual(['iceberg.bronze.ﬁle_İstanbul']);
    }
    // Precomposed é against the stored decomposed one.
    expect(await found('éclair')).toEqual(['iceberg.gold.e\u0301clair']);
    expect(await found('σοφια')).toEqual(['iceberg.gold.ΣΟΦΙΑ_orders']);
  });

  it('matches namespaces too, so same-named tables can be told apart', async () => {
    const shop2 = await searchLineage(db, 'shop-2', 'DATASET', 10);
    expect(shop2.results.map(r => [r.namespace, r.name])).toEqual([
      [SHOP(2), 'public.orders'],
    ]);
    expect(shop2.totalCount).toBe(1);
  });

  it('still takes % and _ as themselves', async () => {
    expect(await found('%')).toEqual([]);
    expect(await found('sales_par')).toEqual([
      'iceberg.silver.sales_PARAÑAQUE',
    ]);
  });
});
