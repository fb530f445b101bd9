import type { SqlQueryable } from '@internal/backstage-plugin-scout-common';
import { DuckDBInstance } from '@duckdb/node-api';
import { existsSync } from 'node:fs';
import {
  appendFile,
  copyFile,
  link,
  mkdir,
  readdir,
  readFile,
  rename,
  rm,
  writeFile,
} from 'node:fs/promises';
import { join } from 'node:path';
import { quoteLiteral as quote } from '../sql/quote';
import { APPENDED, Columns, REPLACED, silverSelects } from './bronzeSource';
import type { LakehouseTarget, XidRange } from './types';

const LAYERS = ['silver', 'gold', 'platinum'] as const;
const PAGE = 200_000;
/** The lakehouse's commit log: one JSON line per published run, oldest first. */
const COMMIT_LOG = '_commits.jsonl';
const STARTED_AT_FILE = '_started_at';

/** One published run in the DuckDB lakehouse's commit log. */
export type DuckdbCommit = {
  runId: string;
  /** When the run's publish finished, ISO 8601. */
  committedAt: string;
  /** Rows of each table the run wrote, after the run, keyed `layer.table`. */
  tables: Record<string, number>;
};

const duckType = (trinoType: string) =>
  trinoType === 'timestamp(6) with time zone' ? 'TIMESTAMPTZ' : trinoType;

/**
 * The embedded lakehouse: Parquet files under `dir` (default
 * .scout/lakehouse), built by dbt on DuckDB. A run works in a staging copy
 * `_runs/<id>/` (bronze hard-linked, new files added) and publish moves the
 * rebuilt layers into place, bronze last: bronze holds the watermark, so a
 * crash mid-publish makes the next run load the same range again. Each
 * publish then appends a commit (see DuckdbTarget.readCommits).
 */
export class DuckdbTarget implements LakehouseTarget {
  readonly engine = 'duckdb';
  #staging = '';
  #runId = '';
  #rows: Record<string, number> | undefined;

  /**
   * The published runs in `dir`'s commit log, oldest first; none when no
   * run has published yet. A line that does not parse (the log was edited
   * by hand) is skipped.
   */
  /**
   * When the run whose staging folder this is began (ms since the epoch),
   * as written by begin; undefined for a folder without the record.
   */
  static async readStartedAt(staging: string): Promise<number | undefined> {
    try {
      const text = await readFile(join(staging, STARTED_AT_FILE), 'utf8');
      const ms = Date.parse(text.trim());
      return Number.isNaN(ms) ? undefined : ms;
    } catch {
      return undefined;
    }
  }

  static async readCommits(dir: string): Promise<DuckdbCommit[]> {
    let text: string;
    try {
      text = await readFile(join(dir, COMMIT_LOG), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    return text.split('\n').flatMap(line => {
      try {
        const commit = JSON.parse(line) as DuckdbCommit;
        return typeof commit.runId === 'string' && commit.tables
          ? [commit]
          : [];
      } catch {
        return [];
      }
    });
  }

  constructor(
    private readonly db: SqlQueryable,
    private readonly dir: string,
  ) {}

  async begin(runId: string) {
    this.#runId = runId;
    this.#rows = undefined;
    this.#staging = join(this.dir, '_runs', runId);
    // DuckDB's COPY does not create folders: one per layer dbt writes.
    for (const layer of LAYERS) {
      await mkdir(join(this.#staging, layer), { recursive: true });
    }
    // When the run began, on the clock the commit log uses: file times are
    // coarser (and ctime moves), so a reader could not order them otherwise.
    await writeFile(
      join(this.#staging, STARTED_AT_FILE),
      new Date().toISOString(),
    );
    for (const table of Object.keys(APPENDED)) {
      const live = join(this.dir, 'bronze', table);
      const staged = join(this.#staging, 'bronze', table);
      await mkdir(staged, { recursive: true });
      for (const file of await parquetFiles(live)) {
        await link(join(live, file), join(staged, file));
      }
    }
    return join('_runs', runId);
  }

  async nextXid() {
    const glob = join(this.#staging, 'bronze/transactions/*.parquet');
    if (
      (await parquetFiles(join(this.#staging, 'bronze/transactions')))
        .length === 0
    ) {
      return 0;
    }
    const [[max]] = await duck(
      `select coalesce(max(source_xid) + 1, 0)::bigint from read_parquet(${quote(
        glob,
      )})`,
    );
    return Number(max);
  }

  async loadBronze(range: XidRange, loadId: string) {
    const selects = silverSelects('scout');
    const loaded = await this.#export(
      'transactions',
      `${selects.transactions} where t.source_xid >= $1 and t.source_xid < $2`,
      [range.from, range.to],
      loadId,
    );
    await this.#export(
      'line_items',
      `${selects.line_items} where t.source_xid >= $1 and t.source_xid < $2`,
      [range.from, range.to],
      loadId,
    );
    for (const table of Object.keys(REPLACED) as (keyof typeof REPLACED)[]) {
      await this.#export(table, selects[table], [], table);
    }
    return loaded;
  }

  dbt() {
    return { target: 'duckdb', env: { SCOUT_LAKEHOUSE_DIR: this.#staging } };
  }

  async countRows() {
    const counts: Record<string, number> = {};
    const tables: [string, string][] = [];
    for (const table of [...Object.keys(APPENDED), ...Object.keys(REPLACED)]) {
      const dir = join(this.#staging, 'bronze', table);
      if ((await parquetFiles(dir)).length) {
        tables.push([`bronze.${table}`, join(dir, '*.parquet')]);
      }
    }
    for (const layer of LAYERS) {
      for (const file of await parquetFiles(join(this.#staging, layer))) {
        tables.push([
          `${layer}.${file.replace(/\.parquet$/, '')}`,
          join(this.#staging, layer, file),
        ]);
      }
    }
    if (tables.length === 0) return counts;
    const rows = await duck(
      tables
        .map(
          ([name, glob]) =>
            `select ${quote(name)}, count(*) from read_parquet(${quote(glob)})`,
        )
        .join(' union all '),
    );
    for (const [name, count] of rows) counts[String(name)] = Number(count);
    this.#rows = counts;
    return counts;
  }

  async publish() {
    const staging = this.#staging;
    const rows = this.#rows ?? (await this.countRows());
    // dbt rebuilds every model and bronze's dimensions are replaced; the
    // appended tables are written only when the run added a file.
    const written = new Set(
      Object.keys(rows).filter(name => {
        const [layer, table] = name.split('.');
        return layer !== 'bronze' || table in REPLACED;
      }),
    );
    for (const layer of LAYERS) {
      const live = join(this.dir, layer);
      const old = join(staging, `previous-${layer}`);
      if (existsSync(live)) await rename(live, old);
      if (existsSync(join(staging, layer))) {
        await rename(join(staging, layer), live);
      }
    }
    for (const table of Object.keys(REPLACED)) {
      const live = join(this.dir, 'bronze', table);
      await mkdir(live, { recursive: true });
      await rename(
        join(staging, 'bronze', table, `${table}.parquet`),
        join(live, `${table}.parquet`),
      );
    }
    for (const table of Object.keys(APPENDED)) {
      const live = join(this.dir, 'bronze', table);
      await mkdir(live, { recursive: true });
      const present = new Set(await parquetFiles(live));
      for (const file of await parquetFiles(join(staging, 'bronze', table))) {
        if (!present.has(file)) {
          // Copy, then rename: a file appears in bronze whole or not at all.
          const part = join(live, `.${file}.part`);
          await copyFile(join(staging, 'bronze', table, file), part);
          await rename(part, join(live, file));
          written.add(`bronze.${table}`);
        }
      }
    }
    await this.#commit(
      Object.fromEntries(Object.entries(rows).filter(([t]) => written.has(t))),
    );
  }

  /**
   * Appends the run to the commit log: the whole log is rewritten beside it
   * and renamed over it, so readers see it with or without the run, never
   * half a line. Runs publish one at a time (the run store allows one).
   */
  async #commit(tables: Record<string, number>) {
    const log = join(this.dir, COMMIT_LOG);
    let before = existsSync(log) ? await readFile(log, 'utf8') : '';
    if (before && !before.endsWith('\n')) before += '\n';
    const commit: DuckdbCommit = {
      runId: this.#runId,
      committedAt: new Date().toISOString(),
      tables,
    };
    const part = `${log}.part`;
    await writeFile(part, `${before}${JSON.stringify(commit)}\n`);
    await rename(part, log);
  }

  async release() {
    await rm(this.#staging, { recursive: true, force: true });
  }

  async abandon() {
    // The staging folder stays: it is the failed run's branch.
  }

  /**
   * Writes the rows of `select` to bronze/<table>/<file>.parquet in the
   * staging folder. Postgres renders each row as JSON (exact decimals, dates
   * and offsets); DuckDB types it by the bronze columns and writes Parquet.
   * Appended tables are read in pages; returns the row count.
   */
  async #export(
    table: keyof typeof APPENDED | keyof typeof REPLACED,
    select: string,
    params: unknown[],
    file: string,
  ): Promise<number> {
    const columns: Columns = { ...APPENDED, ...REPLACED }[table];
    const dir = join(this.#staging, 'bronze', table);
    await mkdir(dir, { recursive: true });
    const ndjson = join(this.#staging, `${table}.ndjson`);
    await rm(ndjson, { force: true });
    const appended = table in APPENDED;
    const order =
      table === 'line_items'
        ? 'x.transaction_id, x.line_no'
        : 'x.transaction_id';
    let count = 0;
    for (let offset = 0; ; offset += PAGE) {
      // Offset paging over a stable order: the range below the watermark no
      // longer changes, so pages neither skip nor repeat rows.
      const { rows } = await this.db.query<{ j: string }>(
        `select row_to_json(x)::text as j from (${select}) x
         ${appended ? `order by ${order} limit ${PAGE} offset ${offset}` : ''}`,
        params,
      );
      if (rows.length) {
        await appendFile(ndjson, `${rows.map(r => r.j).join('\n')}\n`);
      }
      count += rows.length;
      if (!appended || rows.length < PAGE) break;
    }
    if (count === 0 && appended) return 0;
    const fromSource = columns.filter(
      ([name]) => name !== 'load_id' && name !== 'loaded_at',
    );
    const jsonColumns = fromSource
      .map(([name, type]) => `${name}: ${quote(duckType(type))}`)
      .join(', ');
    const selectList = columns
      .map(([name]) => {
        if (name === 'load_id') return `${quote(file)} as load_id`;
        if (name === 'loaded_at') return 'now() as loaded_at';
        return name;
      })
      .join(', ');
    const source = count
      ? `read_json(${quote(
          ndjson,
        )}, format = 'newline_delimited', columns = {${jsonColumns}})`
      : `(select ${fromSource
          .map(([n, t]) => `null::${duckType(t)} as ${n}`)
          .join(', ')} limit 0)`;
    await duck(
      `copy (select ${selectList} from ${source}) to ${quote(
        join(dir, `${file}.parquet`),
      )} (format parquet)`,
    );
    await rm(ndjson, { force: true });
    return count;
  }
}

async function parquetFiles(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  return (await readdir(dir)).filter(f => f.endsWith('.parquet')).sort();
}

/** Runs one statement on a throwaway in-memory DuckDB; returns rows as arrays. */
async function duck(sql: string): Promise<unknown[][]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const reader = await connection.runAndReadAll(sql);
    return reader.getRows();
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
