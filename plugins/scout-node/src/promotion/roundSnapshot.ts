import type { SqlQueryable } from '@internal/backstage-plugin-scout-common';

/** A pg_snapshot: transactions below xmax and not in xip are visible. */
type Snapshot = { xmin: bigint; xmax: bigint; xip: bigint[] };

// pg_snapshot's text form, checked before it is written into SQL.
const SNAPSHOT = /^(\d+):(\d+):([\d,]*)$/;

export function parseSnapshot(text: string): Snapshot {
  const m = SNAPSHOT.exec(text);
  if (!m) throw new Error(`Not a pg_snapshot: ${text}`);
  return {
    xmin: BigInt(m[1]),
    xmax: BigInt(m[2]),
    xip: m[3] ? m[3].split(',').map(BigInt) : [],
  };
}

export function formatSnapshot({ xmin, xmax, xip }: Snapshot): string {
  return `${xmin}:${xmax}:${xip.join(',')}`;
}

/**
 * The snapshot one round promotes up to: `now`, or, when more than `maxRows`
 * rows wait, a snapshot cut at a transaction id so that about `maxRows` do
 * (whole transactions only). Rounds stay short, so on PGlite (one
 * connection) ingest is never held up for long behind a backlog.
 *
 * The cut snapshot sees the transactions below `cut` that `now` sees. That
 * is a subset of what `now` sees, and, because `cut` is at least `last`'s
 * xmax and a transaction visible in `last` has ended before `now` was taken,
 * a superset of what `last` sees: so the stored cursor only ever grows, and
 * the next round takes exactly the rest.
 */
export async function roundSnapshot(
  tx: SqlQueryable,
  lastText: string,
  nowText: string,
  maxRows: number,
): Promise<string> {
  const last = parseSnapshot(lastText);
  const now = parseSnapshot(nowText);
  // The writer of the first row past maxRows, and of the very first row.
  const { rows } = await tx.query<{ first: string; past: string | null }>(
    `with pending as (
       select source_xid from scout.bronze_transactions
       where source_xid >= pg_snapshot_xmin('${lastText}'::pg_snapshot)::text::bigint
         and not pg_visible_in_snapshot(source_xid::text::xid8, '${lastText}'::pg_snapshot)
     )
     select (select min(source_xid) from pending)::text as first,
            (select source_xid from pending order by source_xid
             offset ${maxRows} limit 1)::text as past`,
  );
  const { first, past } = rows[0];
  if (first === null || past === null) return nowText;
  let cut = BigInt(past);
  if (cut <= BigInt(first)) cut = BigInt(first) + 1n; // one huge transaction
  if (cut < last.xmax) cut = last.xmax;
  if (cut >= now.xmax) return nowText;
  return formatSnapshot({
    xmin: now.xmin < cut ? now.xmin : cut,
    xmax: cut,
    xip: now.xip.filter(x => x < cut),
  });
}
