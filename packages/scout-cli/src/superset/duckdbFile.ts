import { DuckDBInstance } from '@duckdb/node-api';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Outcome } from './plan.ts';

/** Where the DuckDB file Superset reads lives, relative to the repository root. */
export const SUPERSET_DUCKDB_FILE = '.scout/superset/lakehouse.duckdb';

function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** The view of each `layer.model` over its Parquet file in `lakehouseDir`: schema, name and SQL. */
export function lakehouseViews(
  lakehouseDir: string,
  refs: readonly string[],
): { schema: string; name: string; sql: string }[] {
  return refs.map(ref => {
    const [schema, name] = ref.split('.');
    const file = join(lakehouseDir, schema, `${name}.parquet`);
    return {
      schema,
      name,
      sql: `CREATE VIEW ${schema}.${name} AS SELECT * FROM read_parquet(${literal(
        file,
      )});`,
    };
  });
}

async function currentViews(path: string): Promise<Map<string, string>> {
  const instance = await DuckDBInstance.create(path, {
    access_mode: 'READ_ONLY',
  });
  try {
    const connection = await instance.connect();
    try {
      const reader = await connection.runAndReadAll(
        'select schema_name, view_name, sql from duckdb_views() where not internal',
      );
      return new Map(
        reader
          .getRowObjects()
          .map(r => [`${r.schema_name}.${r.view_name}`, String(r.sql)]),
      );
    } finally {
      connection.closeSync();
    }
  } finally {
    instance.closeSync();
  }
}

/**
 * Makes `path` a DuckDB database that holds nothing but a view per model
 * (schemas gold and platinum) over the lakehouse's Parquet files, with
 * absolute paths of this machine; Superset opens it read-only. Rebuilt in
 * a temporary file and renamed into place, so a reader never sees half a
 * file; left alone when its views are already these.
 */
export async function ensureLakehouseDuckdb(
  path: string,
  lakehouseDir: string,
  refs: readonly string[],
  dryRun: boolean,
): Promise<Outcome> {
  const views = lakehouseViews(lakehouseDir, refs);
  const missing = views
    .map(v => join(lakehouseDir, v.schema, `${v.name}.parquet`))
    .filter(file => !existsSync(file));
  if (missing.length) {
    throw new Error(
      `the lakehouse has no ${missing.join(
        ', ',
      )}: run the pipeline first (./scripts/yarn scout pipeline run --engine duckdb)`,
    );
  }
  const exists = existsSync(path);
  if (exists) {
    const current = await currentViews(path);
    const same =
      current.size === views.length &&
      views.every(v => current.get(`${v.schema}.${v.name}`) === v.sql);
    if (same) return 'unchanged';
  }
  if (dryRun) return exists ? 'updated' : 'created';

  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  await rm(temporary, { force: true });
  const instance = await DuckDBInstance.create(temporary);
  try {
    const connection = await instance.connect();
    try {
      for (const schema of [...new Set(views.map(v => v.schema))]) {
        await connection.run(`CREATE SCHEMA ${schema}`);
      }
      for (const view of views) await connection.run(view.sql);
      await connection.run('CHECKPOINT');
    } finally {
      connection.closeSync();
    }
  } finally {
    instance.closeSync();
  }
  await rename(temporary, path);
  await rm(`${temporary}.wal`, { force: true });
  return exists ? 'updated' : 'created';
}
