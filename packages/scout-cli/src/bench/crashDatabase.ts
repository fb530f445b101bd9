import {
  openScoutDatabase,
  pendingPromotion,
} from '@internal/backstage-plugin-scout-node';
import type { TableCounts } from './crash.ts';

// What the crash test reads from the database itself, through its own pool:
// no backend code in the way.

const sleep = (ms: number) =>
  new Promise<void>(resolve => setTimeout(resolve, ms));

/**
 * Reads the tables directly. Per batch: how many of its transactions are
 * whole (in bronze exactly once) and how many are absent (in no table).
 * Promotion is checked over all transactions: none twice, none orphaned.
 */
export async function inspect(
  databaseUrl: string,
  batches: { index: number; ids: string[] }[],
) {
  const db = await openScoutDatabase({ url: databaseUrl });
  try {
    const { rows: perBatch } = await db.query<{
      batch: number;
      whole: number;
      absent: number;
    }>(
      `with sent as (
         select * from unnest($1::uuid[], $2::int[]) as s(id, batch)
       ),
       found as (
         select
           s.batch,
           (select count(*) from scout.bronze_transactions b where b.transaction_id = s.id) as bronze,
           (select count(*) from scout.silver_transactions t where t.transaction_id = s.id) as silver,
           exists (select from scout.quarantine q where q.transaction_id = s.id) as quarantined
         from sent s
       )
       select
         batch,
         count(*) filter (where bronze = 1)::int as whole,
         count(*) filter (where bronze = 0 and silver = 0 and not quarantined)::int as absent
       from found
       group by batch`,
      [
        batches.flatMap(b => b.ids),
        batches.flatMap(b => b.ids.map(() => b.index)),
      ],
    );
    // One snapshot for all counts: the restarted backend may be promoting.
    const counts = await db.transaction(async tx => {
      await tx.query('set transaction isolation level repeatable read');
      const { rows } = await tx.query<Omit<TableCounts, 'pending'>>(
        `with promoted as (
           select transaction_id from scout.silver_transactions
           union all
           select distinct transaction_id from scout.quarantine
         )
         select
           (select count(*) from scout.bronze_transactions)::int as bronze,
           (select count(*) from scout.silver_transactions)::int as silver,
           (select count(distinct transaction_id) from scout.quarantine)::int as quarantined,
           (select count(*) from (select transaction_id from promoted
              group by transaction_id having count(*) > 1) twice)::int as promoted_twice,
           (select count(*) from promoted p where not exists (
              select from scout.bronze_transactions b
              where b.transaction_id = p.transaction_id))::int as orphans`,
      );
      return { ...rows[0], pending: await pendingPromotion(tx) };
    });
    return {
      counts,
      perBatch: new Map(
        perBatch.map(r => [r.batch, { whole: r.whole, absent: r.absent }]),
      ),
    };
  } finally {
    await db.close();
  }
}

/**
 * Waits up to `timeoutMs` until a promotion round's transaction is open on
 * the database (it shows in pg_stat_activity with the cursor's statements).
 */
export async function promotionOpen(databaseUrl: string, timeoutMs: number) {
  const db = await openScoutDatabase({ url: databaseUrl });
  try {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const { rows } = await db.query<{ open: number }>(
        `select count(*)::int as open from pg_stat_activity
         where datname = current_database() and pid <> pg_backend_pid()
           and xact_start is not null
           and query ~* '(promotion_cursor|from promotion|copy "scout"."(silver_|quarantine))'`,
      );
      if (rows[0].open > 0) return true;
      await sleep(2);
    }
    return false;
  } finally {
    await db.close();
  }
}

/** Waits (up to a minute) until the restarted backend has promoted every bronze row. */
export async function waitForPromotion(databaseUrl: string) {
  const db = await openScoutDatabase({ url: databaseUrl });
  try {
    const deadline = Date.now() + 60_000;
    while ((await pendingPromotion(db)) > 0) {
      if (Date.now() > deadline) throw new Error('promotion did not catch up');
      await sleep(200);
    }
  } finally {
    await db.close();
  }
}
