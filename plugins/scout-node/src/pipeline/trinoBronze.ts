import type { TrinoSql } from '../lakehouse/trino';
import { quoteIdentifier, quoteLiteral as literal } from '../sql/quote';
import type { BronzeEntry } from './bronzeEntries';
import { type Columns, entryColumns, entrySelect } from './bronzeSource';
import type { XidRange } from './types';

// Bronze's SQL on Trino, shared by the built-in tables (names as they are)
// and the dbt project's entries (names quoted: a column may be `date`).

const asIs = (name: string) => name;

/** `name type, ...` for CREATE TABLE. */
export function columnList(columns: Columns, name = asIs): string {
  return columns.map(([column, type]) => `${name(column)} ${type}`).join(', ');
}

/** The bronze select list over a silver subquery `x`, cast to bronze types. */
export function castList(columns: Columns, loadId: string, name = asIs) {
  return columns
    .map(([column, type]) => {
      if (column === 'load_id') return `${literal(loadId)} as load_id`;
      if (column === 'loaded_at') return `current_timestamp(6) as loaded_at`;
      return `cast(x.${name(column)} as ${type}) as ${name(column)}`;
    })
    .join(', ');
}

/**
 * Loads one bronze entry into `<catalog>.bronze.<table>` on a run's Iceberg
 * catalog, from `scout` (the scout schema through Trino's postgresql
 * catalog). replace: create or replace, a full copy. append: create the
 * table if need be, then insert the rows of [its own watermark, range.to)
 * (see LakehouseTarget.loadBronze). New tables are not partitioned. Returns
 * the rows written.
 */
export async function loadTrinoEntry(
  trino: TrinoSql,
  options: {
    catalog: string;
    scout: string;
    entry: BronzeEntry;
    range: XidRange;
    loadId: string;
  },
): Promise<number> {
  const { catalog, scout, entry, range, loadId } = options;
  const table = `${catalog}.bronze.${quoteIdentifier(entry.table)}`;
  const columns = entryColumns(entry);
  const select = castList(columns, loadId, quoteIdentifier);
  const source = entrySelect(entry, scout);
  if (entry.mode === 'replace') {
    const written = await trino(
      `create or replace table ${table} as
       select ${select} from (${source}) x`,
    );
    return Number(written[0]?.[0] ?? 0);
  }
  await trino(
    `create table if not exists ${table} (${columnList(
      columns,
      quoteIdentifier,
    )})`,
  );
  const [[from]] = await trino(
    `select coalesce(max(source_xid) + 1, 0) from ${table}`,
  );
  const written = await trino(
    `insert into ${table}
     select ${select}
     from (${source}
           where "source_xid" >= ${Number(from)} and "source_xid" < ${
      range.to
    }) x`,
  );
  return Number(written[0]?.[0] ?? 0);
}
