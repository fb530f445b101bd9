import type { SqlQueryable } from '@internal/backstage-plugin-scout-common';
import { existsSync } from 'node:fs';
import {
  copyFile,
  link,
  mkdir,
  readFile,
  rename,
  rm,
  writeFile,
} from 'node:fs/promises';
import { join } from 'node:path';
import { quoteLiteral as quote } from '../sql/quote';
import { APPENDED, REPLACED, silverSelects } from './bronzeSource';
import { exportBronzeTable } from './duckdbBronzeExport';
import {
  appendCommit,
  type DuckdbCommit,
  readCommitLog,
} from './duckdbCommitLog';
import { duck, parquetFiles } from './duckdbParquet';
import type { LakehouseTarget, XidRange } from './types';

const LAYERS = ['silver', 'gold', 'platinum'] as const;
const STARTED_AT_FILE = '_started_at';

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

  /** The published runs in `dir`'s commit log (duckdbCommitLog), oldest first. */
  static async readCommits(dir: string): Promise<DuckdbCommit[]> {
    return readCommitLog(dir);
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
    await appendCommit(
      this.dir,
      this.#runId,
      Object.fromEntries(Object.entries(rows).filter(([t]) => written.has(t))),
    );
  }

  async release() {
    await rm(this.#staging, { recursive: true, force: true });
  }

  async abandon() {
    // The staging folder stays: it is the failed run's branch.
  }

  /** One bronze table's rows from Postgres into the staging folder. */
  #export(
    table: keyof typeof APPENDED | keyof typeof REPLACED,
    select: string,
    params: unknown[],
    file: string,
  ): Promise<number> {
    return exportBronzeTable({
      db: this.db,
      staging: this.#staging,
      table,
      select,
      params,
      file,
    });
  }
}
