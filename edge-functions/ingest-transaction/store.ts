import type { Sql, Transaction } from '@internal/backstage-plugin-scout-common';

export type IngestMeta = { source: string; requestId: string };
export type IngestResult = {
  accepted: number;
  duplicates: number;
  quarantined: number;
};

// Below this size one multi-row INSERT beats setting up a COPY.
const COPY_THRESHOLD = 200;

/**
 * Writes a validated batch in one transaction: bronze (idempotent on
 * transaction_id), then silver or quarantine for the rows that were new.
 * Either all of it commits or none of it does.
 */
export async function insertTransactions(
  sql: Sql,
  transactions: Transaction[],
  meta: IngestMeta,
): Promise<IngestResult> {
  return sql.transaction(async tx => {
    let ids: string[];
    if (transactions.length < COPY_THRESHOLD) {
      const { rows } = await tx.query<{ transaction_id: string }>(
        `insert into scout.bronze_transactions (transaction_id, payload, source, request_id)
         select id, payload, $3, $4 from unnest($1::uuid[], $2::jsonb[]) as t(id, payload)
         on conflict (transaction_id) do nothing
         returning transaction_id`,
        [
          transactions.map(t => t.transaction_id),
          transactions.map(t => JSON.stringify(t)),
          meta.source,
          meta.requestId,
        ],
      );
      ids = rows.map(r => r.transaction_id);
    } else {
      // COPY cannot skip duplicates, so it fills a per-transaction staging table.
      await tx.query(
        `create temp table if not exists bronze_stage (transaction_id uuid, payload jsonb)
         on commit delete rows`,
      );
      await tx.copyRows(
        'bronze_stage',
        ['transaction_id', 'payload'],
        transactions.map(t => [t.transaction_id, t]),
      );
      const { rows } = await tx.query<{ transaction_id: string }>(
        `insert into scout.bronze_transactions (transaction_id, payload, source, request_id)
         select transaction_id, payload, $1, $2 from bronze_stage
         on conflict (transaction_id) do nothing
         returning transaction_id`,
        [meta.source, meta.requestId],
      );
      ids = rows.map(r => r.transaction_id);
    }
    let quarantined = 0;
    if (ids.length > 0) {
      const { rows } = await tx.query<{ quarantined: number }>(
        'select quarantined from scout.promote($1::uuid[])',
        [ids],
      );
      quarantined = Number(rows[0]?.quarantined ?? 0);
    }
    return {
      accepted: ids.length,
      duplicates: transactions.length - ids.length,
      quarantined,
    };
  });
}

/** The ids of active stores, for rejecting unknown stores at the door. */
export async function loadStoreIds(sql: Sql): Promise<Set<string>> {
  const { rows } = await sql.query<{ store_id: string }>(
    'select store_id from scout.stores',
  );
  return new Set(rows.map(r => r.store_id));
}
