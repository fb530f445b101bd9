import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { openScoutDatabase } from '../db/openScoutDatabase';
import { ScoutDatabase } from '../db/types';
import { createMigrationRunner } from '../migrations/createMigrationRunner';
import { defaultMigrationsDirectory } from '../migrations/migrationFiles';
import { testDatabases } from '../testing/testDatabases';
import { pendingPromotion, promoteBronze } from './promoteBronze';

jest.setTimeout(120_000);

/** A sale at an unknown store with an unknown sku: quarantined for both. */
function transaction() {
  return {
    transaction_id: randomUUID(),
    store_id: 'S9',
    occurred_at: '2025-03-01T17:30:00Z',
    payment_method: 'cash',
    items: [{ sku: 'P1', quantity: 1, unit_price: 10 }],
    total: 10,
  };
}

// Two connections at once need a server: PGlite is one connection.
const server = testDatabases().find(d => d.kind === 'postgres');
const describeServer = server ? describe : describe.skip;

describeServer('promoteBronze across connections (PostgreSQL)', () => {
  let db: ScoutDatabase;
  let url: string;

  beforeAll(async () => {
    url = (await server!.createUrl())!;
    db = await openScoutDatabase({ url });
    await createMigrationRunner({
      db,
      directory: defaultMigrationsDirectory(),
    }).up();
  });

  afterAll(async () => {
    await db?.close();
    await server!.cleanup();
  }, 60_000);

  const row = () => {
    const t = transaction();
    return [t.transaction_id, JSON.stringify(t), 'test', 'r'];
  };
  const insert = `insert into scout.bronze_transactions (transaction_id, payload, source, request_id)
    values ($1, $2, $3, $4)`;

  it('leaves a writer that commits late to the round after it, not to none', async () => {
    const slow = new Client({ connectionString: url });
    await slow.connect();
    try {
      await slow.query('begin');
      await slow.query(insert, row()); // an older xid, committed later
      await db.query(insert, row());
      expect(await promoteBronze(db)).toMatchObject({ transactions: 1 });
      await slow.query('commit');
      expect(await pendingPromotion(db)).toBe(1);
      expect(await promoteBronze(db)).toMatchObject({ transactions: 1 });
      expect(await promoteBronze(db)).toMatchObject({ transactions: 0 });
    } finally {
      await slow.end();
    }
  });

  it('promotes each row once when rounds race', async () => {
    for (let i = 0; i < 200; i++) await db.query(insert, row());
    const rounds = await Promise.all(
      Array.from({ length: 4 }, () => promoteBronze(db)),
    );
    expect(rounds.reduce((n, r) => n + r.transactions, 0)).toBe(200);
    // Unknown store and unknown sku: two reasons per transaction, each once.
    const { rows } = await db.query<{ n: number; d: number }>(
      `select count(*)::int as n, count(distinct transaction_id)::int as d
       from scout.quarantine`,
    );
    expect(rows[0]).toEqual({ n: 2 * 202, d: 202 });
  });

  it('works off a backlog in bounded rounds of whole transactions', async () => {
    const before = await pendingPromotion(db);
    expect(before).toBe(0);
    // Five writing transactions of 3 rows each.
    for (let t = 0; t < 5; t++) {
      await db.transaction(async tx => {
        for (let i = 0; i < 3; i++) await tx.query(insert, row());
      });
    }
    const sizes: number[] = [];
    for (;;) {
      const { transactions } = await promoteBronze(db, { maxRows: 4 });
      if (transactions === 0) break;
      sizes.push(transactions);
    }
    // At most one writer past the bound, never a writer split in two.
    expect(sizes.every(n => n % 3 === 0 && n <= 6)).toBe(true);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(15);
    expect(await pendingPromotion(db)).toBe(0);
  });
});
