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
import type { BronzeEntry } from './bronzeEntries';
import {
  APPENDED,
  BRONZE_LINE_ITEMS,
  BRONZE_TRANSACTIONS,
  REPLACED,
  silverSelects,
} from './bronzeSource';
import {
  exportBronzeEntry,
  exportBronzeTable,
  nextStagedXid,
} from './duckdbBronzeExport';
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
 * publish then appends a commit (see DuckdbTarget.readCommits). The dbt
 * project's bronze entries are loaded, staged and published as the built-in
 * tables of their mode are.
 */
export class DuckdbTarget implements LakehouseTarget {
  readonly engine = 'duckdb';
  #staging = '';
  #runId = '';
  #rows: Record<string, number> | undefined;
  #entries: readonly BronzeEntry[] = [];

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
    this.#entries = [];
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
    for (const table of Object.keys(APPENDED)) await this.#stageLive(table);
    return join('_runs', runId);
  }

  async nextXid() {
    return nextStagedXid(this.#staging, 'transactions');
  }

  async loadBronze(
    range: XidRange,
    loadId: string,
    entries: readonly BronzeEntry[],
  ) {
    const selects = silverSelects('scout');
    const loaded = await this.#export({
      table: 'transactions',
      columns: BRONZE_TRANSACTIONS,
      select: `${selects.transactions} where t.source_xid >= $1 and t.source_xid < $2`,
      params: [range.from, range.to],
      file: loadId,
      loadId,
      pageOrder: 'x.transaction_id',
      emptyFile: false,
    });
    await this.#export({
      table: 'line_items',
      columns: BRONZE_LINE_ITEMS,
      select: `${selects.line_items} where t.source_xid >= $1 and t.source_xid < $2`,
      params: [range.from, range.to],
      file: loadId,
      loadId,
      pageOrder: 'x.transaction_id, x.line_no',
      emptyFile: false,
    });
    for (const table of Object.keys(REPLACED) as (keyof typeof REPLACED)[]) {
      await this.#export({
        table,
        columns: REPLACED[table],
        select: selects[table],
        params: [],
        file: table,
        loadId,
        emptyFile: true,
      });
    }
    this.#entries = entries;
    for (const entry of entries) {
      if (entry.mode === 'append') await this.#stageLive(entry.table);
      await exportBronzeEntry({
        db: this.db,
        staging: this.#staging,
        entry,
        range,
        loadId,
      });
    }
    return loaded;
  }

  dbt() {
    return { target: 'duckdb', env: { SCOUT_LAKEHOUSE_DIR: this.#staging } };
  }

  async countRows() {
    const counts: Record<string, number> = {};
    const tables: [string, string][] = [];
    for (const table of [...this.#appended(), ...this.#replaced()]) {
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
        return layer !== 'bronze' || this.#replaced().includes(table);
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
    for (const table of this.#replaced()) {
      const live = join(this.dir, 'bronze', table);
      await mkdir(live, { recursive: true });
      await rename(
        join(staging, 'bronze', table, `${table}.parquet`),
        join(live, `${table}.parquet`),
      );
    }
    for (const table of this.#appended()) {
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

  /** Hard-links an appended table's published files into the staging folder. */
  async #stageLive(table: string) {
    const live = join(this.dir, 'bronze', table);
    const staged = join(this.#staging, 'bronze', table);
    await mkdir(staged, { recursive: true });
    for (const file of await parquetFiles(live)) {
      await link(join(live, file), join(staged, file));
    }
  }

  #appended(): string[] {
    const entries = this.#entries.filter(e => e.mode === 'append');
    return [...Object.keys(APPENDED), ...entries.map(e => e.table)];
  }

  #replaced(): string[] {
    const entries = this.#entries.filter(e => e.mode === 'replace');
    return [...Object.keys(REPLACED), ...entries.map(e => e.table)];
  }

  /** One bronze table's rows from Postgres into the staging folder. */
  #export(
    options: Omit<Parameters<typeof exportBronzeTable>[0], 'db' | 'staging'>,
  ): Promise<number> {
    return exportBronzeTable({
      db: this.db,
      staging: this.#staging,
      ...options,
    });
  }
}
