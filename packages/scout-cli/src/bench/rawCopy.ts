import type { Transaction } from '@internal/backstage-plugin-scout-common';
import {
  createMigrationRunner,
  defaultMigrationsDirectory,
  openScoutDatabase,
  type ScoutDatabase,
} from '@internal/backstage-plugin-scout-node';
import { BRONZE_COLUMNS, bronzeRows } from '@internal/scout-edge-functions';
import { randomUUID } from 'node:crypto';

const TABLE = 'bench_raw_copy';

/**
 * The machine's own COPY speed, the yardstick for ingest over HTTP: the same
 * transactions, as the bronze rows the ingest path writes, COPYed into a
 * bare copy of bronze (no keys, no indexes) on the same server, with the
 * same batch size and concurrency, each batch committed on its own. Returns
 * the seconds the COPYs took; rows are built before the clock starts.
 */
export async function rawCopySeconds(options: {
  /** The bench database; without it, a fresh in-memory PGlite (the backend owns its files). */
  databaseUrl?: string;
  transactions: Transaction[];
  batch: number;
  concurrency: number;
}): Promise<number> {
  const db = await openYardstickDatabase(options.databaseUrl);
  try {
    // Bronze's columns, defaults and identity, which the COPY fills as in
    // bronze (its NOT NULL columns need them); no keys, no indexes.
    await db.query(
      `drop table if exists ${TABLE};
       create table ${TABLE} (like scout.bronze_transactions including defaults including identity)`,
    );
    const batches: unknown[][][] = [];
    for (let i = 0; i < options.transactions.length; i += options.batch) {
      // As the ingest-transaction handler does for a request without headers.
      batches.push(
        await bronzeRows(options.transactions.slice(i, i + options.batch), {
          source: 'api',
          requestId: randomUUID(),
        }),
      );
    }
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: options.concurrency }, async () => {
        while (next < batches.length) {
          const rows = batches[next++];
          await db.transaction(tx => tx.copyRows(TABLE, BRONZE_COLUMNS, rows));
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    await db.query(`drop table ${TABLE}`);
    return seconds;
  } finally {
    await db.close();
  }
}

async function openYardstickDatabase(url?: string): Promise<ScoutDatabase> {
  if (url) return openScoutDatabase({ url });
  const db = await openScoutDatabase({});
  try {
    await createMigrationRunner({
      db,
      directory: defaultMigrationsDirectory(),
      logger: { info: () => undefined },
    }).up();
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
