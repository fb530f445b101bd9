import { ScoutDatabase } from '../db/types';
import { testDatabases } from '../testing/testDatabases';

jest.setTimeout(120_000);

class RolledBack extends Error {}

/**
 * Runs sql as a role inside a transaction that is always rolled back, and
 * returns 'ok' or the database's error message.
 */
async function as(db: ScoutDatabase, role: string, sql: string) {
  try {
    await db.transaction(async tx => {
      await tx.query(`set local role ${role}`);
      await tx.query(sql);
      throw new RolledBack();
    });
  } catch (error) {
    if (error instanceof RolledBack) return 'ok';
    return (error as Error).message;
  }
  throw new Error('unreachable: the transaction always throws');
}

const silver = ['scout.silver_transactions', 'scout.silver_line_items'];
const gold = [
  'scout.gold_daily_store_sales',
  'scout.gold_region_category_sales',
  'scout.gold_product_performance',
  'scout.gold_basket_size',
  'scout.gold_payment_mix',
  'scout.gold_hourly_sales',
];
const hidden = [
  'scout.bronze_transactions',
  'scout.quarantine',
  'scout.documents',
  'scout.document_chunks',
  'scout.stores',
  'scout.products',
  'scout.promotion_cursor',
  // A partition read directly rather than through its parent.
  'scout.silver_transactions_2025_03',
];
// What a promotion round writes last.
const moveCursor = `update scout.promotion_cursor set promoted = pg_current_snapshot()`;
const bronzeRow = `insert into scout.bronze_transactions (transaction_id, payload, source, request_id)
  values (gen_random_uuid(), '{}', 'test', 'r1')`;

describe.each(testDatabases())('row-level security on $kind', databases => {
  let db: ScoutDatabase;
  let relations: string[];

  beforeAll(async () => {
    db = await databases.createMigrated();
    // One silver row, so that "can read" also means "sees rows".
    await db.query(`
      insert into scout.silver_transactions values
        ('00000000-0000-4000-8000-000000000001', 'S1', null, '2025-03-02T01:00:00Z', '2025-03-02', 'cash', 10, 1, 1, now())`);
    const { rows } = await db.query<{ name: string }>(
      `select format('%I.%I', n.nspname, c.relname) as name
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'scout' and c.relkind in ('r', 'p', 'v') and not c.relispartition
       order by 1`,
    );
    relations = rows.map(r => r.name);
  });

  afterAll(() => databases.cleanup(), 60_000);

  it('has row-level security on every scout table, partitions included', async () => {
    const { rows } = await db.query(
      `select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'scout' and c.relkind in ('r', 'p') and not c.relrowsecurity`,
    );
    expect(rows).toEqual([]);
  });

  it('lets anon read no table or view and call no function', async () => {
    expect(relations).toEqual(
      expect.arrayContaining([...silver, ...gold, ...hidden.slice(0, -1)]),
    );
    for (const relation of [
      ...relations,
      'scout.silver_transactions_2025_03',
    ]) {
      expect([
        relation,
        await as(db, 'anon', `select 1 from ${relation} limit 1`),
      ]).toEqual([relation, expect.stringContaining('permission denied')]);
    }
    expect(await as(db, 'anon', moveCursor)).toMatch('permission denied');
  });

  it('lets authenticated read silver and gold, and sees their rows', async () => {
    for (const relation of [...silver, ...gold]) {
      expect([
        relation,
        await as(db, 'authenticated', `select 1 from ${relation} limit 1`),
      ]).toEqual([relation, 'ok']);
    }
    expect(
      await as(
        db,
        'authenticated',
        `do $$ begin
        if (select count(*) from scout.silver_transactions) <> 1 then raise 'rows hidden'; end if;
      end $$`,
      ),
    ).toBe('ok');
  });

  it('keeps bronze, quarantine, documents and dimensions from authenticated', async () => {
    for (const relation of hidden) {
      expect([
        relation,
        await as(db, 'authenticated', `select 1 from ${relation} limit 1`),
      ]).toEqual([relation, expect.stringContaining('permission denied')]);
    }
  });

  it('lets authenticated write nothing', async () => {
    const writes = [
      bronzeRow,
      `update scout.silver_transactions set total = 0`,
      `delete from scout.silver_line_items`,
      `insert into scout.documents (document_id, title) values ('d', 't')`,
      moveCursor,
    ];
    for (const sql of writes) {
      expect([sql, await as(db, 'authenticated', sql)]).toEqual([
        sql,
        expect.stringContaining('permission denied'),
      ]);
    }
  });

  it('lets service_role write bronze, promote and read everything', async () => {
    expect(await as(db, 'service_role', bronzeRow)).toBe('ok');
    expect(await as(db, 'service_role', moveCursor)).toBe('ok');
    for (const relation of relations) {
      expect([
        relation,
        await as(db, 'service_role', `select 1 from ${relation} limit 1`),
      ]).toEqual([relation, 'ok']);
    }
    expect(
      await as(
        db,
        'service_role',
        `do $$ begin
        if (select count(*) from scout.silver_transactions) <> 1 then raise 'rows hidden'; end if;
      end $$`,
      ),
    ).toBe('ok');
  });
});
