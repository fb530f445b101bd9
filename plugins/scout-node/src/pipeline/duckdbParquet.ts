import { DuckDBInstance } from '@duckdb/node-api';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';

/** The Parquet files in `dir`, sorted; none when it does not exist. */
export async function parquetFiles(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  return (await readdir(dir)).filter(f => f.endsWith('.parquet')).sort();
}

/**
 * Runs one statement on a throwaway in-memory DuckDB; returns rows as
 * arrays. The lakehouse is the Parquet files, so no database outlives a
 * statement, and nothing stays open between a run's steps.
 */
export async function duck(sql: string): Promise<unknown[][]> {
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
