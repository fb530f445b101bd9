import type { SqlQueryable } from '@internal/backstage-plugin-scout-common';
import { appendFile, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { quoteIdentifier as ident, quoteLiteral as quote } from '../sql/quote';
import type { BronzeEntry } from './bronzeEntries';
import { type Columns, entryColumns, entrySelect } from './bronzeSource';
import { duck, parquetFiles } from './duckdbParquet';
import type { XidRange } from './types';

const PAGE = 200_000;

const duckType = (trinoType: string) =>
  trinoType === 'timestamp(6) with time zone' ? 'TIMESTAMPTZ' : trinoType;

/**
 * Writes the rows of `select` (over the scout database) to
 * `<staging>/bronze/<table>/<file>.parquet`. Postgres renders each row as
 * JSON (exact decimals, dates and offsets); DuckDB types it by the bronze
 * columns and writes Parquet. Appended tables are read in pages; returns
 * the row count. No rows make no file unless `emptyFile`.
 */
export async function exportBronzeTable(options: {
  db: SqlQueryable;
  staging: string;
  table: string;
  /** Bronze order; the load fills load_id and loaded_at. */
  columns: Columns;
  select: string;
  params: unknown[];
  /** The file's name, without .parquet. */
  file: string;
  loadId: string;
  /** An appended table's stable order over `x`, to read it in pages. */
  pageOrder?: string;
  /** Whether no rows still make a (typed, empty) file. */
  emptyFile: boolean;
}): Promise<number> {
  const { db, staging, table, columns, select, params, file } = options;
  const { loadId, pageOrder } = options;
  const dir = join(staging, 'bronze', table);
  await mkdir(dir, { recursive: true });
  const ndjson = join(staging, `${table}.ndjson`);
  await rm(ndjson, { force: true });
  let count = 0;
  for (let offset = 0; ; offset += PAGE) {
    // Offset paging over a stable order: the range below the watermark no
    // longer changes, so pages neither skip nor repeat rows.
    const { rows } = await db.query<{ j: string }>(
      `select row_to_json(x)::text as j from (${select}) x
       ${
         pageOrder ? `order by ${pageOrder} limit ${PAGE} offset ${offset}` : ''
       }`,
      params,
    );
    if (rows.length) {
      await appendFile(ndjson, `${rows.map(r => r.j).join('\n')}\n`);
    }
    count += rows.length;
    if (!pageOrder || rows.length < PAGE) break;
  }
  if (count === 0 && !options.emptyFile) return 0;
  const fromSource = columns.filter(
    ([name]) => name !== 'load_id' && name !== 'loaded_at',
  );
  const jsonColumns = fromSource
    .map(([name, type]) => `${quote(name)}: ${quote(duckType(type))}`)
    .join(', ');
  const selectList = columns
    .map(([name]) => {
      if (name === 'load_id') return `${quote(loadId)} as load_id`;
      if (name === 'loaded_at') return 'now() as loaded_at';
      return ident(name);
    })
    .join(', ');
  const source = count
    ? `read_json(${quote(
        ndjson,
      )}, format = 'newline_delimited', columns = {${jsonColumns}})`
    : `(select ${fromSource
        .map(([n, t]) => `null::${duckType(t)} as ${ident(n)}`)
        .join(', ')} limit 0)`;
  await duck(
    `copy (select ${selectList} from ${source}) to ${quote(
      join(dir, `${file}.parquet`),
    )} (format parquet)`,
  );
  await rm(ndjson, { force: true });
  return count;
}

/** The first source_xid that the staged bronze `table` does not hold yet. */
export async function nextStagedXid(
  staging: string,
  table: string,
): Promise<number> {
  const dir = join(staging, 'bronze', table);
  if ((await parquetFiles(dir)).length === 0) return 0;
  const [[max]] = await duck(
    `select coalesce(max(source_xid) + 1, 0)::bigint from read_parquet(${quote(
      join(dir, '*.parquet'),
    )})`,
  );
  return Number(max);
}

/**
 * One bronze entry into the staging folder: a replaced one as
 * `<table>.parquet`, an appended one (its published files already staged)
 * as `<loadId>.parquet` with the rows of [its own watermark, range.to); see
 * LakehouseTarget.loadBronze for why its own. Returns the row count.
 */
export async function exportBronzeEntry(options: {
  db: SqlQueryable;
  staging: string;
  entry: BronzeEntry;
  range: XidRange;
  loadId: string;
}): Promise<number> {
  const { db, staging, entry, range, loadId } = options;
  const columns = entryColumns(entry);
  const common = { db, staging, table: entry.table, columns, loadId };
  const select = entrySelect(entry, 'scout');
  if (entry.mode === 'replace') {
    return exportBronzeTable({
      ...common,
      select,
      params: [],
      file: entry.table,
      emptyFile: true,
    });
  }
  const staged = await parquetFiles(join(staging, 'bronze', entry.table));
  return exportBronzeTable({
    ...common,
    select: `${select} where "source_xid" >= $1 and "source_xid" < $2`,
    params: [await nextStagedXid(staging, entry.table), range.to],
    file: loadId,
    // Every column, as an entry names no key: rows tied on all of them are
    // alike, so the pages still hold each row of the range once.
    pageOrder: entry.columns.map(([name]) => `x.${ident(name)}`).join(', '),
    // The table's first file is written even when empty: dbt reads it.
    emptyFile: staged.length === 0,
  });
}
