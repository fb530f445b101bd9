import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  RootConfigService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import {
  DbtSettings,
  defaultMigrationsDirectory,
  developmentDbt,
  DEV_JWT_SECRET,
  repositoryRoot,
} from '@internal/backstage-plugin-scout-node';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { schedulePeriodSeconds } from './services/schedulePeriod';

export type ScoutConfig = {
  /** dataDir undefined: PGlite in memory. */
  database: { url?: string; dataDir?: string };
  demo: { enabled: boolean; transactions: number };
  embeddings: { apiKey?: string; baseUrl?: string; model: string };
  functions: {
    audience: string;
    /** The `iss` that tokens must carry, when set. */
    issuer?: string;
    jwtSecret?: string;
    jwksUrl?: string;
    usesDevSecret: boolean;
    allowedOrigins: string[];
    maxBodyBytes: number;
    maxBatch: number;
    /**
     * The folder whose function folders export `hosted` (absolute), served
     * beside the built-in three; none in production unless set.
     */
    dir?: string;
  };
  /** The folder of the NNNN_*.sql migrations (absolute). */
  migrations: { dir: string };
  pipeline: {
    enabled: boolean;
    schedule: SchedulerServiceTaskScheduleDefinition;
    /**
     * Seconds after the last publish at which the lakehouse counts as
     * stale: two schedule periods, so one late or failed run is not yet.
     */
    staleAfterSeconds: number;
    dbt: DbtSettings;
  };
};

// Every 15 minutes, the first soon after start so a new portal has a lakehouse.
const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 15 },
  timeout: { minutes: 30 },
  initialDelay: { seconds: 30 },
};

const isProduction = () => process.env.NODE_ENV === 'production';

/** A configured folder (relative to the working directory) that must exist. */
function readDir(
  config: RootConfigService,
  key: string,
  fallback: () => string,
  mustHold?: string,
): string {
  const configured = config.getOptionalString(key);
  let dir: string;
  try {
    dir = configured ? resolve(configured) : fallback();
  } catch (error) {
    // The default is in the source checkout; an image has none.
    throw new Error(`${key} is not set, and ${error}`);
  }
  if (!existsSync(mustHold ? join(dir, mustHold) : dir)) {
    throw new Error(
      `${key}: ${mustHold ? `no ${mustHold} in` : 'no folder at'} ${dir}`,
    );
  }
  return dir;
}

/**
 * dbt's executable and project. Development falls back to the checkout's
 * scripts/dbt, which installs dbt on first use; production must name an
 * executable that the image installed.
 */
function readDbt(config: RootConfigService): DbtSettings {
  const key = 'scout.pipeline.dbt.executable';
  const configured = config.getOptionalString(key);
  if (!configured && isProduction()) {
    throw new Error(
      `${key} must be set in production: the dbt that the image installed (development's scripts/dbt installs software at run time)`,
    );
  }
  const projectDir = readDir(
    config,
    'scout.pipeline.dbt.projectDir',
    () => developmentDbt(repositoryRoot()).projectDir,
    'dbt_project.yml',
  );
  if (!configured) {
    return { ...developmentDbt(repositoryRoot()), projectDir };
  }
  // A bare name is looked up on PATH when dbt starts; a path must exist.
  const isPath = configured.includes('/');
  const executable = isPath ? resolve(configured) : configured;
  if (isPath && !existsSync(executable)) {
    throw new Error(`${key}: no file at ${executable}`);
  }
  return { executable, projectDir };
}

/** The secret ingestion tokens are checked with; the development one only outside production. */
function readJwt(config: RootConfigService) {
  const jwksUrl = config.getOptionalString('scout.functions.jwksUrl');
  const configured = config.getOptionalString('scout.functions.jwtSecret');
  const usesDevSecret = !jwksUrl && !configured && !isProduction();
  return {
    jwksUrl,
    jwtSecret: jwksUrl
      ? undefined
      : configured ?? (usesDevSecret ? DEV_JWT_SECRET : undefined),
    usesDevSecret,
  };
}

/**
 * scout.functions.dir, resolved; in development the checkout's
 * edge-functions/, in production nothing unless configured (functions are
 * deployed to Supabase there, folder by folder).
 */
function readFunctionsDir(config: RootConfigService): string | undefined {
  const configured = config.getOptionalString('scout.functions.dir');
  if (configured) return resolve(configured);
  return isProduction() ? undefined : join(repositoryRoot(), 'edge-functions');
}

/**
 * Reads the scout plugin's own `scout` config once, with defaults. Values
 * from the environment arrive through `${VAR}` in the app-config files; the
 * shared `scout.lakehouse` connections come from lakehouseStackServiceRef.
 */
export function readScoutConfig(config: RootConfigService): ScoutConfig {
  const dataDir = config.getOptionalString('scout.database.dataDir');
  return {
    database: {
      url: config.getOptionalString('scout.database.url'),
      dataDir: dataDir ? resolve(dataDir) : undefined,
    },
    demo: {
      enabled: config.getOptionalBoolean('scout.demo.enabled') ?? true,
      transactions:
        config.getOptionalNumber('scout.demo.transactions') ?? 50_000,
    },
    embeddings: {
      apiKey: config.getOptionalString('scout.embeddings.apiKey'),
      baseUrl: config.getOptionalString('scout.embeddings.baseUrl'),
      model:
        config.getOptionalString('scout.embeddings.model') ??
        'text-embedding-3-small',
    },
    functions: {
      audience: config.getOptionalString('scout.functions.audience') ?? 'scout',
      issuer: config.getOptionalString('scout.functions.issuer'),
      ...readJwt(config),
      allowedOrigins: config.getOptionalStringArray(
        'scout.functions.allowedOrigins',
      ) ?? [config.getString('app.baseUrl')],
      maxBodyBytes:
        config.getOptionalNumber('scout.functions.maxBodyBytes') ??
        16 * 1024 * 1024,
      maxBatch: config.getOptionalNumber('scout.functions.maxBatch') ?? 10_000,
      dir: readFunctionsDir(config),
    },
    migrations: {
      dir: readDir(config, 'scout.migrations.dir', defaultMigrationsDirectory),
    },
    pipeline: readPipeline(config),
  };
}

function readPipeline(config: RootConfigService): ScoutConfig['pipeline'] {
  const schedule = config.has('scout.pipeline.schedule')
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
        config.getConfig('scout.pipeline.schedule'),
      )
    : DEFAULT_SCHEDULE;
  // A manually triggered schedule has no period: judge by the default one.
  const period =
    schedulePeriodSeconds(schedule) ?? schedulePeriodSeconds(DEFAULT_SCHEDULE)!;
  return {
    enabled: config.getOptionalBoolean('scout.pipeline.enabled') ?? true,
    schedule,
    staleAfterSeconds: 2 * period,
    dbt: readDbt(config),
  };
}
