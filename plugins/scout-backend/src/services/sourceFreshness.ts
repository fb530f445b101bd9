import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  type BronzeEntry,
  type LakehouseEngine,
  readBronzeEntries,
  type ScoutDatabase,
  withClaims,
} from '@internal/backstage-plugin-scout-node';
import { SharedAnswer } from './sharedAnswer';

/**
 * How fresh each bronze load entry (transform/bronze/*.yml) is on the
 * lakehouse's main branch, in epoch seconds, by bronze table. A published
 * run builds gold from its bronze, so gold includes what this dates:
 * - append with `freshness`: the newest row by that column among those the
 *   last published run that loaded the entry reached (source_xid below its
 *   to_xid);
 * - replace: when that run started (its copy is of the table as it was then).
 * A table is absent when no published run loaded it yet, when an append
 * entry names no freshness column, or when its source cannot be read.
 */
export type SourceNewest = Record<string, number>;

type Row = {
  to_xid: string | null;
  started_at: Date | string | null;
  newest: Date | string | null;
};

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** An append entry with a freshness column: its rows are dated. */
const dated = (
  entry: BronzeEntry,
): entry is BronzeEntry & { mode: 'append'; freshness: string } =>
  entry.mode === 'append' && entry.freshness !== undefined;

/**
 * One statement per entry, for the last published run of the engine whose
 * row counts name the entry's bronze table (a run before the entry existed
 * did not load it). The scan is incremental: rows below an earlier run's
 * to_xid were counted then; source_xid is indexed by the template's tables.
 */
function entrySql(entry: BronzeEntry) {
  const newest = dated(entry)
    ? `(select max(${quote(entry.freshness)}) from scout.${quote(entry.from)}
          where source_xid >= $3 and source_xid < (select to_xid from last))`
    : 'null::timestamptz';
  return `
with last as (
  select to_xid, started_at from scout.pipeline_runs
  where status = 'published' and engine = $1 and rows ? $2
  order by started_at desc limit 1)
select (select to_xid::text from last) as to_xid,
  (select started_at from last) as started_at,
  ${newest} as newest`;
}

const seconds = (value: Date | string | null) =>
  value === null ? undefined : new Date(value).getTime() / 1000;

/**
 * Reads SourceNewest from the scout database and the dbt project's entries,
 * both at each read, so a merged entry shows up without a restart. Reads
 * within `maxAgeMs` share one answer. An entry that fails (its table not
 * migrated yet, say) is left out, logged when it starts and stops failing;
 * the others are still read. A bad entry file fails the whole read.
 */
export class SourceFreshness {
  readonly #db: ScoutDatabase;
  readonly #engine: LakehouseEngine;
  readonly #projectDir: string;
  readonly #logger: LoggerService;
  readonly #failing = new Set<string>();
  /** Per append table: the to_xid scanned up to, and the newest row below it. */
  readonly #marks = new Map<string, { from: number; newest?: number }>();
  readonly #shared: SharedAnswer<SourceNewest>;

  constructor(options: {
    db: ScoutDatabase;
    /** The engine whose published runs make main. */
    engine: LakehouseEngine;
    /** The dbt project whose bronze/ holds the entries. */
    projectDir: string;
    /** How long an answer is reused; 10 s by default. */
    maxAgeMs?: number;
    logger: LoggerService;
  }) {
    this.#db = options.db;
    this.#engine = options.engine;
    this.#projectDir = options.projectDir;
    this.#shared = new SharedAnswer(
      () => this.#query(),
      options.maxAgeMs ?? 10_000,
    );
    this.#logger = options.logger;
  }

  /** The current answer; rejects when the read fails (not shared). */
  read(now = Date.now()): Promise<SourceNewest> {
    return this.#shared.read(now);
  }

  /** Forgets the cached answer: a run just ended. */
  invalidate() {
    this.#shared.forget();
  }

  async #query(): Promise<SourceNewest> {
    const entries = await readBronzeEntries(this.#projectDir);
    const answer: SourceNewest = {};
    for (const entry of entries) {
      const { table } = entry;
      try {
        const at = await this.#entry(entry);
        if (at !== undefined) answer[table] = at;
        if (this.#failing.delete(table)) {
          this.#logger.info(`freshness of bronze.${table} readable again`);
        }
      } catch (error) {
        if (!this.#failing.has(table)) {
          this.#logger.warn(
            `cannot read the freshness of bronze.${table} from scout.${entry.from}; its series stays absent until it can: ${error}`,
          );
        }
        this.#failing.add(table);
      }
    }
    return answer;
  }

  async #entry(entry: BronzeEntry): Promise<number | undefined> {
    const mark = this.#marks.get(entry.table) ?? { from: 0 };
    const [row] = await withClaims(
      this.#db,
      { role: 'service_role', sub: 'plugin:scout' },
      async tx =>
        (
          await tx.query<Row>(entrySql(entry), [
            this.#engine,
            `bronze.${entry.table}`,
            ...(dated(entry) ? [mark.from] : []),
          ])
        ).rows,
    );
    if (row.to_xid === null) return undefined;
    if (entry.mode === 'replace') return seconds(row.started_at);
    if (!dated(entry)) return undefined;
    // Marks only move forward, also when two reads overlap.
    const latest = this.#marks.get(entry.table) ?? mark;
    const found = seconds(row.newest);
    const next = {
      from: Math.max(latest.from, Number(row.to_xid)),
      newest:
        found === undefined || (latest.newest ?? -Infinity) > found
          ? latest.newest
          : found,
    };
    this.#marks.set(entry.table, next);
    return next.newest;
  }
}
