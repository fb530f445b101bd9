import {
  ScoutDatabase,
  type SqlTransaction,
  withClaims,
} from '@internal/backstage-plugin-scout-node';
import type { IngestSummary } from '../schema/openapi/generated/models';

// The window's hours: the current one and the hours - 1 before it.
const HOURS = `hours as (
  select generate_series(
    date_trunc('hour', now(), 'UTC') - ($1::int - 1) * interval '1 hour',
    date_trunc('hour', now(), 'UTC'),
    interval '1 hour') as hour)`;

/**
 * Ingest volume from bronze (received_at) and quarantine (quarantined_at).
 * Both tables are operational data that row-level security keeps from
 * users, so the counts are read as service_role, and only as counts.
 */
export class IngestSummaryService {
  readonly #db: ScoutDatabase;

  constructor(db: ScoutDatabase) {
    this.#db = db;
  }

  /**
   * The last `hours` hours (1 to 168), the current partial hour included:
   * one entry per hour (UTC), oldest first, zeros included, and the
   * quarantined transactions by reason, most first.
   */
  summary(hours: number): Promise<IngestSummary> {
    return this.#asService(async tx => {
      const byHour = await tx.query<{
        hour: Date | string;
        accepted: number;
        quarantined: number;
        now: Date | string;
      }>(
        `with ${HOURS},
         accepted as (
           select date_trunc('hour', received_at, 'UTC') as hour, count(*)::int as n
           from scout.bronze_transactions
           where received_at >= (select min(hour) from hours)
           group by 1),
         quarantined as (
           select date_trunc('hour', quarantined_at, 'UTC') as hour,
                  count(distinct transaction_id)::int as n
           from scout.quarantine
           where quarantined_at >= (select min(hour) from hours)
           group by 1)
         select h.hour, coalesce(a.n, 0) as accepted,
                coalesce(q.n, 0) as quarantined, now() as now
         from hours h
         left join accepted a on a.hour = h.hour
         left join quarantined q on q.hour = h.hour
         order by h.hour`,
        [hours],
      );
      const rows = byHour.rows;
      return {
        hours,
        from: new Date(rows[0].hour),
        to: new Date(rows[0].now),
        accepted: rows.reduce((sum, r) => sum + r.accepted, 0),
        byHour: rows.map(r => ({
          hour: new Date(r.hour),
          accepted: r.accepted,
          quarantined: r.quarantined,
        })),
        ...(await quarantineIn(tx, hours)),
      };
    });
  }

  /**
   * Only the quarantine part of summary(hours): it leaves bronze, the big
   * table, unread (the home page's "needs attention" asks for this).
   */
  quarantine(
    hours: number,
  ): Promise<Pick<IngestSummary, 'quarantined' | 'quarantineReasons'>> {
    return this.#asService(tx => quarantineIn(tx, hours));
  }

  #asService<T>(fn: (tx: SqlTransaction) => Promise<T>): Promise<T> {
    return withClaims(
      this.#db,
      { role: 'service_role', sub: 'plugin:scout' },
      fn,
    );
  }
}

/** The transactions quarantined in the window, by reason, most first. */
async function quarantineIn(tx: SqlTransaction, hours: number) {
  const reasons = await tx.query<{
    reason: string;
    count: number;
    total: number;
  }>(
    `with ${HOURS},
     recent as (
       select transaction_id, reason from scout.quarantine
       where quarantined_at >= (select min(hour) from hours))
     select reason, count(distinct transaction_id)::int as count,
            (select count(distinct transaction_id)::int from recent) as total
     from recent group by reason order by count desc, reason`,
    [hours],
  );
  return {
    // A transaction with two reasons counts once.
    quarantined: reasons.rows[0]?.total ?? 0,
    quarantineReasons: reasons.rows.map(({ reason, count }) => ({
      reason,
      count,
    })),
  };
}
