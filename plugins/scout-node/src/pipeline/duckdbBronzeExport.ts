import type { SqlQueryable } from '@internal/backstage-plugin-scout-common';
import { appendFile, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { quoteLiteral as quote } from '../sql/quote';
import { APPENDED, Columns, REPLACED } from './bronzeSource';
import { duck } from './duckdbParquet';

const PAGE = 200_000;

const duckType = (trinoType: string) =>
  trinoType === 'timestamp(6) with time zone' ? 'TIMESTAMPTZ' : trinoType;

/**
 * Writes the rows of `select` (over the scout database) to
 * `<staging>/bronze/<table>/<file>.parquet`. Postgres renders each row as
 * JSON (exact decimals, dates and offsets); DuckDB types it by the bronze
 * columns and writes Parquet. Appended tables are read in pages; returns
 * the row count. An appended table with no new rows gets no file.
 */
export async function exportBronzeTable(options: {
  db: SqlQueryable;
  staging: string;
  table: keyof typeof APPENDED | keyof typeof REPLACED;
  select: string;
  params: unknown[];
  file: string;
}): Promise<number> {
  const { db, staging, table, select, params, file } = options;
  const columns: Columns = { ...APPENDED, ...REPLACED }[table];
  const dir = join(staging, 'bronze', table);
  await mkdir(dir, { recursive: true });
  const ndjson = join(staging, `${table}.ndjson`);
  await rm(ndjson, { force: true });
  const appended = table in APPENDED;
  const order =
    table === 'line_items' ? 'x.transaction_id, x.line_no' : 'x.transaction_id';
  let count = 0;
  for (let offset = 0; ; offset += PAGE) {
    // Offset paging over a stable order: the range below the watermark no
    // longer changes, so pages neither skip nor repeat rows.
    const { rows } = await db.query<{ j: string }>(
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
