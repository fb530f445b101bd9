import { PgliteScoutDatabase } from './pglite';
import { PostgresScoutDatabase } from './postgres';
import { ScoutDatabase } from './types';

/** Where the scout database lives. */
export type ScoutDatabaseOptions = {
  /** A postgres:// URL: use that server. */
  url?: string;
  /** Without a URL: PGlite's data directory; in memory when left out. */
  dataDir?: string;
};

/**
 * Opens the scout database: the PostgreSQL server at `url` when one is
 * given, otherwise the embedded PGlite.
 */
export async function openScoutDatabase(
  options: ScoutDatabaseOptions,
): Promise<ScoutDatabase> {
  if (options.url) return PostgresScoutDatabase.create(options.url);
  return PgliteScoutDatabase.create(options.dataDir);
}
