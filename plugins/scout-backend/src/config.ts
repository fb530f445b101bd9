import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  RootConfigService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import {
  LakehouseEngine,
  repositoryRoot,
} from '@internal/backstage-plugin-scout-node';
import { join, resolve } from 'node:path';
import { DEV_JWT_SECRET } from '@internal/backstage-plugin-scout-common';

export type ScoutConfig = {
  /** dataDir undefined: PGlite in memory. */
  database: { url?: string; dataDir?: string };
  demo: { enabled: boolean; transactions: number };
  embeddings: { apiKey?: string; baseUrl?: string; model: string };
  functions: {
    audience: string;
    jwtSecret?: string;
    jwksUrl?: string;
    usesDevSecret: boolean;
    allowedOrigins: string[];
    maxBodyBytes: number;
    maxBatch: number;
  };
  lakehouse: { engine: LakehouseEngine; dir: string };
  pipeline: {
    enabled: boolean;
    schedule: SchedulerServiceTaskScheduleDefinition;
  };
};

// Every 15 minutes, the first soon after start so a new portal has a lakehouse.
const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 15 },
  timeout: { minutes: 30 },
  initialDelay: { seconds: 30 },
};

function readLakehouse(config: RootConfigService): ScoutConfig['lakehouse'] {
  const engine =
    config.getOptionalString('scout.lakehouse.engine') ??
    process.env.SCOUT_LAKEHOUSE_ENGINE ??
    'duckdb';
  if (engine !== 'duckdb' && engine !== 'trino') {
    throw new Error(
      `scout.lakehouse.engine must be duckdb or trino, not "${engine}"`,
    );
  }
  const dir = config.getOptionalString('scout.lakehouse.dir');
  return {
    engine,
    dir: dir ? resolve(dir) : join(repositoryRoot(), '.scout/lakehouse'),
  };
}

/** Reads the `scout` config once, with env fallbacks and defaults. */
export function readScoutConfig(config: RootConfigService): ScoutConfig {
  const jwksUrl = config.getOptionalString('scout.functions.jwksUrl');
  const dataDir = config.getOptionalString('scout.database.dataDir');
  const configuredSecret =
    config.getOptionalString('scout.functions.jwtSecret') ??
    (process.env.SCOUT_JWT_SECRET || undefined);
  const jwtSecret = jwksUrl ? undefined : configuredSecret ?? DEV_JWT_SECRET;
  return {
    database: {
      url:
        config.getOptionalString('scout.database.url') ??
        process.env.SCOUT_DATABASE_URL,
      dataDir: dataDir ? resolve(dataDir) : undefined,
    },
    demo: {
      enabled: config.getOptionalBoolean('scout.demo.enabled') ?? true,
      transactions:
        config.getOptionalNumber('scout.demo.transactions') ?? 50_000,
    },
    embeddings: {
      apiKey:
        config.getOptionalString('scout.embeddings.apiKey') ??
        process.env.SCOUT_EMBEDDINGS_API_KEY ??
        process.env.OPENAI_API_KEY,
      baseUrl: config.getOptionalString('scout.embeddings.baseUrl'),
      model:
        config.getOptionalString('scout.embeddings.model') ??
        'text-embedding-3-small',
    },
    functions: {
      audience: config.getOptionalString('scout.functions.audience') ?? 'scout',
      jwtSecret,
      jwksUrl,
      usesDevSecret: !jwksUrl && !configuredSecret,
      allowedOrigins: config.getOptionalStringArray(
        'scout.functions.allowedOrigins',
      ) ?? [config.getString('app.baseUrl')],
      maxBodyBytes:
        config.getOptionalNumber('scout.functions.maxBodyBytes') ??
        16 * 1024 * 1024,
      maxBatch: config.getOptionalNumber('scout.functions.maxBatch') ?? 10_000,
    },
    lakehouse: readLakehouse(config),
    pipeline: {
      enabled: config.getOptionalBoolean('scout.pipeline.enabled') ?? true,
      schedule: config.has('scout.pipeline.schedule')
        ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
            config.getConfig('scout.pipeline.schedule'),
          )
        : DEFAULT_SCHEDULE,
    },
  };
}
