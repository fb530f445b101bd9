import { isChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { DuckDBInstance } from '@duckdb/node-api';
import {
  bronzeLoadJobs,
  quoteIdentifier as ident,
  quoteLiteral as literal,
} from '@internal/backstage-plugin-scout-node';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ManifestSource } from './dbtCheckPlan';

// The duckdb target's database, as transform/profiles.yml names it.
const DATABASE_FILE = 'scout.duckdb';

// Bronze column types are Trino's; DuckDB spells timestamps its own way.
const duckType = (type: string) =>
  type
    .replace(/^timestamp(\(\d+\))? with time zone$/i, 'timestamptz')
    .replace(/^timestamp\(\d+\)$/i, 'timestamp');

/**
 * A source's columns and types: as it declares them when every column has
 * a data_type (a template's new source), else the platform bronze loader's
 * (the platform's sources declare few columns and no types).
 */
function sourceColumns(s: ManifestSource): (readonly [string, string])[] {
  const declared = Object.values(s.columns);
  if (declared.length && declared.every(c => c.data_type)) {
    return declared.map(c => [c.name, c.data_type!] as const);
  }
  const loaded = bronzeLoadJobs().find(j => j.table === s.identifier);
  if (s.schema === 'bronze' && loaded) return [...loaded.columns];
  throw new InputError(
    `${s.unique_id} declares no column types: give each of its columns a data_type, so the check can create it empty`,
  );
}

/**
 * The Parquet file that a source's dbt-duckdb `external_location` (e.g.
 * `read_parquet('<lakehouse>/bronze/{name}/*.parquet', ...)`) reads, with
 * globs filled in; undefined for a source without one.
 */
function parquetFile(s: ManifestSource, lakehouse: string) {
  const location =
    s.config?.meta?.external_location ?? s.meta?.external_location;
  if (typeof location !== 'string') return undefined;
  const path = /'([^']+\.parquet)'/.exec(
    location
      .replace(/\{(name|identifier)\}/g, s.identifier)
      .replace(/\{schema\}/g, s.schema),
  )?.[1];
  const file = path?.replaceAll('*', 'empty');
  if (!file || !isChildPath(lakehouse, file)) {
    throw new InputError(
      `${s.unique_id}: the check creates sources as Parquet under SCOUT_LAKEHOUSE_DIR and cannot place ${location}`,
    );
  }
  return file;
}

/**
 * Creates each source empty, with its columns, where the duckdb target
 * reads it: a Parquet file at its external_location, else a table in the
 * target's database. Empty because the check proves that the models build
 * and their tests run, not what the data says; typed so that the models'
 * casts and functions bind as they will on real data.
 */
export async function createEmptySources(
  sources: ManifestSource[],
  lakehouse: string,
): Promise<void> {
  const instance = await DuckDBInstance.create(join(lakehouse, DATABASE_FILE));
  const connection = await instance.connect();
  try {
    for (const s of sources) {
      const columns = sourceColumns(s);
      const file = parquetFile(s, lakehouse);
      const statements = file
        ? [
            `copy (select ${columns
              .map(
                ([name, type]) => `null::${duckType(type)} as ${ident(name)}`,
              )
              .join(', ')} limit 0) to ${literal(file)} (format parquet)`,
          ]
        : [
            `create schema if not exists ${ident(s.schema)}`,
            `create table ${ident(s.schema)}.${ident(s.identifier)} (${columns
              .map(([name, type]) => `${ident(name)} ${duckType(type)}`)
              .join(', ')})`,
          ];
      if (file) await mkdir(dirname(file), { recursive: true });
      for (const sql of statements) {
        // A type DuckDB does not know is the source's fault, not the check's.
        await connection.run(sql).catch(error => {
          throw new InputError(
            `${s.unique_id} cannot be created empty: ${error.message}`,
          );
        });
      }
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
