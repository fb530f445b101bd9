import type { SqlQueryable } from '@internal/backstage-plugin-scout-common';
import type { XidRange } from './types';

/**
 * The upper end of a load: every silver row committed before the run
 * started, and nothing that can still change. Transaction ids below the
 * snapshot's xmin belong to writers that have finished; ids from xmax on
 * started after it. Waits (up to `waitMs`) for the writers in between to
 * finish; if one runs longer, the load stops below it and the next run
 * takes the rest. Ids are cluster-wide, so writers in other databases
 * count too.
 */
export async function settledXid(
  db: SqlQueryable,
  waitMs = 30_000,
): Promise<number> {
  const snapshot = async () => {
    const { rows } = await db.query<{ xmin: string; xmax: string }>(
      `select pg_snapshot_xmin(s)::text as xmin, pg_snapshot_xmax(s)::text as xmax
       from pg_current_snapshot() s`,
    );
    return { xmin: Number(rows[0].xmin), xmax: Number(rows[0].xmax) };
  };
  const { xmax: started } = await snapshot();
  const deadline = Date.now() + waitMs;
  for (;;) {
    const { xmin } = await snapshot();
    if (xmin >= started) return started;
    if (Date.now() > deadline) return xmin;
    await new Promise(resolve => setTimeout(resolve, 100));
  }
}

/** When the oldest silver row of `range` was received; undefined for none. */
export async function oldestReceivedAt(
  db: SqlQueryable,
  range: XidRange,
): Promise<Date | undefined> {
  const { rows } = await db.query<{ oldest: Date | string | null }>(
    `select min(received_at) as oldest from scout.silver_transactions
     where source_xid >= $1 and source_xid < $2`,
    [range.from, range.to],
  );
  return rows[0].oldest === null ? undefined : new Date(rows[0].oldest);
}
