import type {
  Sql,
  SqlQueryable,
  SqlTransaction,
} from '@internal/backstage-plugin-scout-common';
import {
  BronzeRow,
  classify,
  LINE_COLUMNS,
  PromotionReference,
  QUARANTINE_COLUMNS,
  SILVER_COLUMNS,
} from './classify';
import { parseSnapshot, roundSnapshot } from './roundSnapshot';

/** What one promotion round did. */
export type PromotionRound = {
  /** Bronze rows taken from the queue (promoted + quarantined). */
  transactions: number;
  promoted: number;
  quarantined: number;
  /** Per quarantine reason, transactions (one transaction may have several). */
  reasons: Record<string, number>;
  /** Epoch seconds at which each promoted or quarantined row was received. */
  receivedAt: number[];
  /** False when the round stopped at its row bound and more rows wait. */
  complete: boolean;
};

// Rows per FETCH: bounds the memory a round needs, however long the queue,
// and how long classifying one set holds the event loop (a few ms).
const FETCH_ROWS = 2000;
// Rows one round takes at most (whole writing transactions), so a backlog
// is worked off in short rounds that let ingest in between.
const MAX_ROUND_ROWS = 20_000;

/**
 * One promotion round: every bronze row whose writer committed since the
 * last round goes to silver (with its line items) or to quarantine, typed in
 * Node and COPYed, and the cursor moves on, all in one transaction. Running
 * it twice, concurrently or after a crash at any point, promotes nothing
 * twice (see migrations/0009). Concurrent rounds queue on a lock of the
 * cursor table and run one after another. A round takes about `maxRows`
 * rows at most (default 20,000; whole writing transactions): call it again
 * while it returns rows.
 */
export function promoteBronze(
  db: Sql,
  options: { maxRows?: number } = {},
): Promise<PromotionRound> {
  return db.transaction(tx => round(tx, options.maxRows ?? MAX_ROUND_ROWS));
}

/**
 * SQL for the number of bronze rows waiting for promotion, to use as a
 * scalar subquery where it must share a snapshot with other counts.
 */
export const PENDING_PROMOTION_SQL = `(select count(*)::int
  from scout.bronze_transactions b, scout.promotion_cursor c
  where b.source_xid >= pg_snapshot_xmin(c.promoted)::text::bigint
    and not pg_visible_in_snapshot(b.source_xid::text::xid8, c.promoted))`;

/** The rows waiting for promotion. */
export async function pendingPromotion(db: SqlQueryable): Promise<number> {
  const { rows } = await db.query<{ pending: number }>(
    `select ${PENDING_PROMOTION_SQL} as pending`,
  );
  return rows[0].pending;
}

async function round(
  tx: SqlTransaction,
  maxRows: number,
): Promise<PromotionRound> {
  // One snapshot for the whole round: what it reads is exactly what the
  // snapshot it stores says was promoted. The lock comes first, so that
  // snapshot is taken after the previous round committed (PostgreSQL takes
  // a repeatable-read snapshot at the first query, not at LOCK).
  await tx.query('set transaction isolation level repeatable read');
  await tx.query('lock table scout.promotion_cursor in exclusive mode');
  const { rows } = await tx.query<{ promoted: string; now: string }>(
    `select promoted::text as promoted, pg_current_snapshot()::text as now
     from scout.promotion_cursor`,
  );
  const { promoted: last, now } = rows[0];
  // Checked before they are written into SQL below.
  parseSnapshot(last);
  const target = await roundSnapshot(tx, last, now, maxRows);
  const result: PromotionRound = {
    transactions: 0,
    promoted: 0,
    quarantined: 0,
    reasons: {},
    receivedAt: [],
    complete: target === now,
  };
  const ref = await loadReference(tx);
  await tx.query(
    `declare promotion no scroll cursor for
     select transaction_id::text as transaction_id, payload,
            fingerprint is not null as validated,
            received_at::text as received_at,
            extract(epoch from received_at)::float8 as received_epoch
     from scout.bronze_transactions
     where source_xid >= pg_snapshot_xmin('${last}'::pg_snapshot)::text::bigint
       and not pg_visible_in_snapshot(source_xid::text::xid8, '${last}'::pg_snapshot)
       and pg_visible_in_snapshot(source_xid::text::xid8, '${target}'::pg_snapshot)`,
  );
  for (;;) {
    const batch = await tx.query<BronzeRow & { received_epoch: number }>(
      `fetch ${FETCH_ROWS} from promotion`,
    );
    if (batch.rows.length === 0) break;
    await writeBatch(tx, batch.rows, ref, result);
    for (const row of batch.rows) result.receivedAt.push(row.received_epoch);
    if (batch.rows.length < FETCH_ROWS) break;
  }
  await tx.query('close promotion');
  if (result.transactions > 0) {
    await tx.query(
      `update scout.promotion_cursor
       set promoted = $1::pg_snapshot, rounds = rounds + 1, updated_at = now()`,
      [target],
    );
  }
  return result;
}

async function writeBatch(
  tx: SqlTransaction,
  rows: BronzeRow[],
  ref: PromotionReference,
  result: PromotionRound,
) {
  const silver: unknown[][] = [];
  const lines: unknown[][] = [];
  const quarantine: unknown[][] = [];
  for (const row of rows) {
    const promotion = classify(row, ref);
    if (promotion.to === 'silver') {
      silver.push(promotion.silver);
      lines.push(...promotion.lines);
    } else {
      quarantine.push(...promotion.rows);
      for (const [, reason] of promotion.rows) {
        const key = reason as string;
        result.reasons[key] = (result.reasons[key] ?? 0) + 1;
      }
      result.quarantined++;
    }
  }
  await tx.copyRows('scout.silver_transactions', SILVER_COLUMNS, silver);
  await tx.copyRows('scout.silver_line_items', LINE_COLUMNS, lines);
  await tx.copyRows('scout.quarantine', QUARANTINE_COLUMNS, quarantine);
  result.transactions += rows.length;
  result.promoted += silver.length;
}

async function loadReference(tx: SqlQueryable): Promise<PromotionReference> {
  const stores = await tx.query<{ store_id: string; active: boolean }>(
    'select store_id, active from scout.stores',
  );
  const products = await tx.query<{ sku: string; list_centavos: number }>(
    'select sku, (list_price * 100)::bigint as list_centavos from scout.products',
  );
  return {
    stores: new Map(stores.rows.map(s => [s.store_id, s.active])),
    listCentavos: new Map(
      products.rows.map(p => [p.sku, Number(p.list_centavos)]),
    ),
  };
}
