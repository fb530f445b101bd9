import { SharedAnswer } from './sharedAnswer';
import {
  type LakehouseEngine,
  type ScoutDatabase,
  withClaims,
} from '@internal/backstage-plugin-scout-node';

/**
 * How fresh gold is, in epoch seconds; a key is absent when that gold holds
 * no transaction yet (or no run was published). Gold is aggregates, so a
 * "row" is the newest transaction it includes, dated by its ingest time
 * (received_at: the server's clock, not the device's).
 */
export type GoldNewest = {
  /** Postgres gold: views over silver, so silver's newest transaction. */
  postgres?: number;
  /**
   * The lakehouse gold (Iceberg via Trino, or Parquet via DuckDB): the last
   * published run loaded every silver row below its to_xid.
   */
  lakehouse?: number;
  /** When the last published run of the engine finished. */
  lastSuccess?: number;
};

type Row = {
  settled: string;
  postgres: Date | string | null;
  published_to: string | null;
  lakehouse: Date | string | null;
  last_success: Date | string | null;
};

// One statement, one snapshot: the mark (pg_snapshot_xmin) is that of the
// rows read. The last published run is found through pipeline_runs'
// started_at index; source_xid has a BRIN index on silver.
const SQL = `
with last_published as (
  select to_xid, finished_at from scout.pipeline_runs
  where status = 'published' and engine = $3
  order by started_at desc limit 1)
select
  pg_snapshot_xmin(pg_current_snapshot())::text as settled,
  (select max(received_at) from scout.silver_transactions
   where source_xid >= $1) as postgres,
  (select to_xid::text from last_published) as published_to,
  (select max(received_at) from scout.silver_transactions
   where source_xid >= $2
     and source_xid < (select to_xid from last_published)) as lakehouse,
  (select finished_at from last_published) as last_success`;

const seconds = (value: Date | string | null) =>
  value === null ? undefined : new Date(value).getTime() / 1000;
function newer(a?: number, b?: number) {
  if (a === undefined) return b;
  return b === undefined ? a : Math.max(a, b);
}

/**
 * Reads GoldNewest from the scout database, incrementally: silver only
 * grows, and no row can appear any more below the oldest transaction still
 * running (pg_snapshot_xmin) or below a published run's to_xid. So each
 * read scans only the silver rows written since the previous read's mark;
 * the first scans silver once. Reads within `maxAgeMs` share one answer.
 */
export class GoldFreshness {
  readonly #db: ScoutDatabase;
  /** The engine whose published runs make the lakehouse gold. */
  readonly engine: LakehouseEngine;
  #postgres: { from: number; newest?: number } = { from: 0 };
  #lakehouse: { from: number; newest?: number } = { from: 0 };
  readonly #shared: SharedAnswer<GoldNewest>;

  constructor(options: {
    db: ScoutDatabase;
    /** The engine whose published runs make the lakehouse gold. */
    engine: LakehouseEngine;
    /** How long an answer is reused; 10 s by default. */
    maxAgeMs?: number;
  }) {
    this.#db = options.db;
    this.engine = options.engine;
    this.#shared = new SharedAnswer(
      () => this.#query(),
      options.maxAgeMs ?? 10_000,
    );
  }

  /** The current answer; rejects when the read fails (not shared). */
  read(now = Date.now()): Promise<GoldNewest> {
    return this.#shared.read(now);
  }

  /** Forgets the cached answer: a run just ended. */
  invalidate() {
    this.#shared.forget();
  }

  async #query(): Promise<GoldNewest> {
    const postgresFrom = this.#postgres.from;
    const lakehouseFrom = this.#lakehouse.from;
    const [row] = await withClaims(
      this.#db,
      { role: 'service_role', sub: 'plugin:scout' },
      async tx =>
        (
          await tx.query<Row>(SQL, [postgresFrom, lakehouseFrom, this.engine])
        ).rows,
    );
    // Marks only move forward, also when two reads overlap.
    this.#postgres = {
      from: Math.max(this.#postgres.from, Number(row.settled)),
      newest: newer(this.#postgres.newest, seconds(row.postgres)),
    };
    if (row.published_to !== null) {
      this.#lakehouse = {
        from: Math.max(this.#lakehouse.from, Number(row.published_to)),
        newest: newer(this.#lakehouse.newest, seconds(row.lakehouse)),
      };
    }
    return {
      postgres: this.#postgres.newest,
      lakehouse: this.#lakehouse.newest,
      lastSuccess: seconds(row.last_success),
    };
  }
}
