import {
  createLakehouseTarget,
  LakehouseEngine,
  lakehouseSettings,
  openScoutDatabase,
  ScoutDatabase,
} from '@internal/backstage-plugin-scout-node';
import { join } from 'node:path';
import { UsageError } from '../command.ts';
import { repoRoot } from '../bench/backend.ts';

/**
 * The engine a pipeline command uses: --engine, else SCOUT_LAKEHOUSE_ENGINE,
 * else trino when the local stack's Trino answers, else duckdb.
 */
export async function chooseEngine(
  flag: string | undefined,
  log: (line: string) => void,
): Promise<LakehouseEngine> {
  const named = flag ?? process.env.SCOUT_LAKEHOUSE_ENGINE;
  if (named !== undefined) {
    if (named !== 'trino' && named !== 'duckdb') {
      throw new UsageError(`the engine is trino or duckdb, not "${named}"`);
    }
    return named;
  }
  const { url } = lakehouseSettings().trino;
  const up = await fetch(`${url}/v1/info`, {
    signal: AbortSignal.timeout(2000),
  })
    .then(r => r.ok)
    .catch(() => false);
  log(
    up
      ? `engine: trino (Trino answers at ${url})`
      : `engine: duckdb (no Trino at ${url}; \`yarn scout stack up\` starts one)`,
  );
  return up ? 'trino' : 'duckdb';
}

/**
 * The scout database and lakehouse target for an engine. Trino reads the
 * stack's PostgreSQL, so that is its default database; DuckDB defaults to
 * the portal's PGlite (stop the portal first: PGlite serves one process).
 */
export async function openPipeline(options: {
  engine: LakehouseEngine;
  dbUrl?: string;
  lakehouseDir?: string;
}): Promise<{
  db: ScoutDatabase;
  target: ReturnType<typeof createLakehouseTarget>;
}> {
  const settings = lakehouseSettings();
  const url =
    options.dbUrl ??
    process.env.SCOUT_DATABASE_URL ??
    (options.engine === 'trino' ? settings.postgres.url : undefined);
  const db = await openScoutDatabase(
    url ? { url } : { dataDir: join(repoRoot, '.scout/pglite') },
  );
  const dir =
    options.lakehouseDir ??
    process.env.SCOUT_LAKEHOUSE_DIR ??
    join(repoRoot, '.scout/lakehouse');
  return {
    db,
    target: createLakehouseTarget({
      engine: options.engine,
      db,
      settings,
      dir,
    }),
  };
}
