import {
  createLakehouseTarget,
  DbtSettings,
  developmentDbt,
  LakehouseEngine,
  loadRepositoryConfig,
  openScoutDatabase,
  readLakehouseStack,
  ScoutDatabase,
} from '@internal/backstage-plugin-scout-node';
import { join } from 'node:path';
import { UsageError } from '../command.ts';
import { repoRoot } from '../bench/backend.ts';
import { localStackSettings } from '../stack/settings.ts';

/**
 * The development backend's settings, from the checkout's app-config (its
 * `${VAR}`s from the environment): relative paths there are the backend's,
 * from packages/backend.
 */
async function appSettings() {
  const config = await loadRepositoryConfig();
  const stack = readLakehouseStack(config, {
    baseDir: join(repoRoot, 'packages/backend'),
  });
  return { config, stack };
}

/**
 * The engine a pipeline command uses: --engine, else scout.lakehouse.engine
 * (SCOUT_LAKEHOUSE_ENGINE in app-config.yaml), else trino when the local
 * stack's Trino answers, else duckdb.
 */
export async function chooseEngine(
  flag: string | undefined,
  log: (line: string) => void,
): Promise<LakehouseEngine> {
  const { config, stack } = await appSettings();
  const named = flag ?? config.getOptionalString('scout.lakehouse.engine');
  if (named !== undefined) {
    if (named !== 'trino' && named !== 'duckdb') {
      throw new UsageError(`the engine is trino or duckdb, not "${named}"`);
    }
    return named;
  }
  const url = stack.trino?.url;
  const up =
    url !== undefined &&
    (await fetch(`${url}/v1/info`, { signal: AbortSignal.timeout(2000) })
      .then(r => r.ok)
      .catch(() => false));
  log(
    up
      ? `engine: trino (Trino answers at ${url})`
      : `engine: duckdb (no Trino at ${url}; \`./scripts/yarn scout stack up\` starts one)`,
  );
  return up ? 'trino' : 'duckdb';
}

/**
 * The scout database, lakehouse target and dbt for an engine. The database
 * is --db-url, else scout.database.url (SCOUT_DATABASE_URL); Trino reads
 * the stack's PostgreSQL, so that is its default; DuckDB's is the portal's
 * PGlite (stop the portal first: PGlite serves one process).
 */
export async function openPipeline(options: {
  engine: LakehouseEngine;
  dbUrl?: string;
  lakehouseDir?: string;
}): Promise<{
  db: ScoutDatabase;
  /** The database's postgres:// URL; none for PGlite. */
  url: string | undefined;
  target: ReturnType<typeof createLakehouseTarget>;
  dbt: DbtSettings;
}> {
  const { config, stack } = await appSettings();
  const url =
    options.dbUrl ??
    config.getOptionalString('scout.database.url') ??
    (options.engine === 'trino'
      ? (await localStackSettings()).postgres.url
      : undefined);
  const db = await openScoutDatabase(
    url ? { url } : { dataDir: join(repoRoot, '.scout/pglite') },
  );
  return {
    db,
    url,
    target: createLakehouseTarget({
      engine: options.engine,
      db,
      stack: { ...stack, dir: options.lakehouseDir ?? stack.dir },
    }),
    dbt: developmentDbt(repoRoot),
  };
}
