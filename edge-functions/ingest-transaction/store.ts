import { createHash } from 'node:crypto';
import {
  canonicalTransaction,
  type Sql,
  type SqlTransaction,
  type Transaction,
} from '@internal/backstage-plugin-scout-common';

export type IngestMeta = { source: string; requestId: string };
export type IngestResult = { accepted: number; duplicates: number };

/** A transaction_id that is already in bronze with another sale; `index` is its place in the batch. */
export type IdConflict = { index: number; transaction_id: string };

/** Thrown (and the batch rolled back) when a batch re-uses an id for a different sale. */
export class TransactionConflictError extends Error {
  constructor(readonly conflicts: IdConflict[]) {
    super(
      `${conflicts.length} transaction_id(s) were already ingested with a different payload`,
    );
  }
}

/** The columns the ingest path writes into scout.bronze_transactions, in `bronzeRows` order. */
export const BRONZE_COLUMNS = [
  'transaction_id',
  'payload',
  'fingerprint',
  'source',
  'request_id',
];

// Below this size one multi-row INSERT beats setting up a COPY.
const COPY_THRESHOLD = 200;
const UNIQUE_VIOLATION = '23505';

/** SHA-256 (hex) of the canonical transaction: equal for replays of the same sale only. */
export function transactionFingerprint(tx: Transaction): string {
  return createHash('sha256').update(canonicalTransaction(tx)).digest('hex');
}

/**
 * The bronze rows of a batch, values in BRONZE_COLUMNS order: the payload as
 * received, and its fingerprint as a bytea hex literal.
 */
export function bronzeRows(
  transactions: Transaction[],
  meta: IngestMeta,
): unknown[][] {
  return transactions.map(t => [
    t.transaction_id,
    t,
    `\\x${transactionFingerprint(t)}`,
    meta.source,
    meta.requestId,
  ]);
}

/**
 * Writes a validated batch to bronze, the only write a request waits for;
 * promotion to silver or quarantine follows (promoteBronze in scout-node).
 * All-or-nothing, in one transaction. A replay of a stored sale counts as a
 * duplicate; the same id with a different sale throws
 * TransactionConflictError and nothing of the batch is written.
 */
export async function insertTransactions(
  sql: Sql,
  transactions: Transaction[],
  meta: IngestMeta,
): Promise<IngestResult> {
  const rows = bronzeRows(transactions, meta);
  return sql.transaction(async tx => {
    if (transactions.length >= COPY_THRESHOLD && (await copied(tx, rows))) {
      return { accepted: transactions.length, duplicates: 0 };
    }
    const { rows: inserted } = await tx.query<{ transaction_id: string }>(
      `insert into scout.bronze_transactions (transaction_id, payload, fingerprint, source, request_id)
       select id, payload, decode(fingerprint, 'hex'), $4, $5
       from unnest($1::uuid[], $2::jsonb[], $3::text[]) as t(id, payload, fingerprint)
       on conflict (transaction_id) do nothing
       returning transaction_id`,
      [
        transactions.map(t => t.transaction_id),
        transactions.map(t => JSON.stringify(t)),
        rows.map(r => (r[2] as string).slice(2)),
        meta.source,
        meta.requestId,
      ],
    );
    if (inserted.length < transactions.length) {
      const fresh = new Set(inserted.map(r => r.transaction_id));
      const replayed = rows.flatMap(([id, , fingerprint], index) =>
        fresh.has((id as string).toLowerCase())
          ? []
          : [{ index, id: id as string, fingerprint: fingerprint as string }],
      );
      await refuseConflicts(tx, replayed);
    }
    return {
      accepted: inserted.length,
      duplicates: transactions.length - inserted.length,
    };
  });
}

/**
 * COPYs the rows straight into bronze: the fast path for a batch that holds
 * no replay. False (and nothing written) when an id is already there.
 */
async function copied(tx: SqlTransaction, rows: unknown[][]) {
  await tx.query('savepoint bronze_copy');
  try {
    await tx.copyRows('scout.bronze_transactions', BRONZE_COLUMNS, rows);
    await tx.query('release savepoint bronze_copy');
    return true;
  } catch (error) {
    if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
    await tx.query('rollback to savepoint bronze_copy');
    return false;
  }
}

/**
 * Throws TransactionConflictError when the stored row of a replayed id (one
 * the insert found already there) is another sale.
 */
async function refuseConflicts(
  tx: SqlTransaction,
  replayed: { index: number; id: string; fingerprint: string }[],
) {
  const { rows } = await tx.query<{
    transaction_id: string;
    fingerprint: string | null;
    payload: Transaction;
  }>(
    `select transaction_id, encode(fingerprint, 'hex') as fingerprint, payload
     from scout.bronze_transactions where transaction_id = any($1::uuid[])`,
    [replayed.map(r => r.id)],
  );
  // Rows from before fingerprints were stored are fingerprinted from their payload.
  const stored = new Map(
    rows.map(r => [
      r.transaction_id,
      r.fingerprint ?? transactionFingerprint(r.payload),
    ]),
  );
  const conflicts: IdConflict[] = [];
  for (const { index, id, fingerprint } of replayed) {
    const key = id.toLowerCase();
    // bronzeRows writes the fingerprint as a bytea literal: \x<hex>.
    if (stored.get(key) !== fingerprint.slice(2)) {
      conflicts.push({ index, transaction_id: key });
    }
  }
  if (conflicts.length > 0) throw new TransactionConflictError(conflicts);
}

/** The ids of active stores, for rejecting unknown stores at the door. */
export async function loadStoreIds(sql: Sql): Promise<Set<string>> {
  const { rows } = await sql.query<{ store_id: string }>(
    'select store_id from scout.stores',
  );
  return new Set(rows.map(r => r.store_id));
}
