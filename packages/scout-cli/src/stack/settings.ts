import {
  type IcebergStack,
  icebergStack,
  isLoopbackHost,
  type LakehouseStack,
  loadRepositoryConfig,
  type PostgresConnection,
  readLakehouseStack,
  repositoryRoot,
  type S3Connection,
  type TrinoConnection,
} from '@internal/backstage-plugin-scout-node';
import { join } from 'node:path';
import { z } from 'zod';
import { type GiteaSettings, readGiteaSettings } from './gitea/settings.ts';
import {
  type SupersetSettings,
  supersetSettings,
} from './superset/settings.ts';

/**
 * The local stack: the checkout's `scout.lakehouse` (app-config.yaml, where
 * `${SCOUT_*_PORT:-default}` moves the ports), with the ports that
 * `scout stack` binds on 127.0.0.1.
 */
export type LakehouseSettings = {
  /** `scout.lakehouse` as the backend reads it. */
  stack: LakehouseStack & IcebergStack & { postgres: PostgresConnection };
  postgres: { port: number; url: string; jdbcUrl: string };
  s3: S3Connection & { port: number; endpoint: string };
  nessie: {
    port: number;
    /** Quarkus' management interface (health, metrics); its default, 9000, is the S3 port. */
    managementPort: number;
    /** The REST API v2 root. */
    apiUrl: string;
  };
  trino: TrinoConnection & { port: number; icebergCatalog: string };
  /**
   * Where Trino's OpenLineage listener sends run events: the portal's
   * origin (backend.baseUrl) and the producer token (the static
   * external-access token with subject lineage-producer).
   */
  lineage: { origin: string; token: string };
  /** The portal backend's origin: backend.baseUrl's. */
  backendOrigin: string;
  /**
   * The static external-access tokens of the local Prometheus (subject
   * prometheus-scraper: SCOUT_METRICS_TOKEN) and Alertmanager (subject
   * alertmanager: SCOUT_ALERTS_TOKEN).
   */
  tokens: { metrics: string; alerts: string };
  /** The local Gitea: app-config's integrations.gitea entry on this machine. */
  gitea: GiteaSettings;
  /** The local Superset (`scout stack up superset`): its own database on the stack's PostgreSQL. */
  superset: SupersetSettings;
};

/**
 * The token of backend.auth.externalAccess's static entry for `subject`;
 * throws naming the subject and `why` the stack needs it.
 */
function staticToken(
  config: Awaited<ReturnType<typeof loadRepositoryConfig>>,
  subject: string,
  why: string,
): string {
  const entry = (
    config.getOptionalConfigArray('backend.auth.externalAccess') ?? []
  ).find(
    e =>
      e.getOptionalString('type') === 'static' &&
      e.getOptionalString('options.subject') === subject,
  );
  const token = entry?.getOptionalString('options.token');
  if (!token) {
    throw new Error(
      `backend.auth.externalAccess has no static token with subject ${subject}: ${why}`,
    );
  }
  return token;
}

/** The port of a local service's URL; refuses one on another machine. */
function localPort(key: string, value: string, fallback?: number): number {
  const url = new URL(value);
  if (!isLoopbackHost(url.hostname)) {
    throw new Error(
      `${key} is ${value}, not on this machine: "scout stack" runs the local stack on 127.0.0.1 only`,
    );
  }
  if (url.port) return Number(url.port);
  return fallback ?? (url.protocol === 'https:' ? 443 : 80);
}

const portNumber = z.coerce.number().int().min(1).max(65535);

/**
 * The port in env variable `name`, or `fallback` when it is unset or empty;
 * throws naming the variable when it is not a port number.
 */
export function envPort(
  env: Record<string, string | undefined>,
  name: string,
  fallback: number,
): number {
  const value = env[name]?.trim();
  if (!value) return fallback;
  const port = portNumber.safeParse(value);
  if (!port.success) {
    throw new Error(`${name}: ${port.error.issues[0]?.message}`);
  }
  return port.data;
}

function managementPort(
  env: Record<string, string | undefined>,
  nessiePort: number,
): number {
  const value = env.SCOUT_NESSIE_MANAGEMENT_PORT?.trim();
  if (!value) return nessiePort + 1;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(
      `SCOUT_NESSIE_MANAGEMENT_PORT must be a port number, not "${value}"`,
    );
  }
  return port;
}

/** The local stack's settings from the checkout's app-config, `${VAR}`s from `env`. */
export async function localStackSettings(
  env: Record<string, string | undefined> = process.env,
): Promise<LakehouseSettings> {
  const config = await loadRepositoryConfig({ env });
  // Relative paths in app-config.yaml are the backend's: packages/backend.
  const read = readLakehouseStack(config, {
    baseDir: join(repositoryRoot(), 'packages/backend'),
  });
  const { trino, nessie, s3 } = icebergStack(read);
  const { postgres } = read;
  if (!postgres) {
    throw new Error(
      'scout.lakehouse.postgres.jdbcUrl is not set: the local Trino reads the scout database through it',
    );
  }
  if (!s3.endpoint) {
    throw new Error(
      'scout.lakehouse.s3.endpoint is not set: the local stack serves S3 itself',
    );
  }
  const key = (name: string) => `scout.lakehouse.${name}`;
  const backendOrigin = new URL(config.getString('backend.baseUrl')).origin;
  const jdbc = postgres.jdbcUrl.slice('jdbc:'.length);
  const pgPort = localPort(key('postgres.jdbcUrl'), jdbc, 5432);
  const nessiePort = localPort(key('nessie.url'), nessie.url);
  return {
    stack: { ...read, trino, nessie, s3, postgres },
    postgres: {
      port: pgPort,
      url: `postgres://${postgres.user ?? 'postgres'}@127.0.0.1:${pgPort}${
        new URL(jdbc).pathname
      }`,
      jdbcUrl: postgres.jdbcUrl,
    },
    s3: {
      ...s3,
      endpoint: s3.endpoint,
      port: localPort(key('s3.endpoint'), s3.endpoint),
    },
    nessie: {
      port: nessiePort,
      managementPort: managementPort(env, nessiePort),
      apiUrl: nessie.url,
    },
    trino: {
      ...trino,
      port: localPort(key('trino.url'), trino.url),
      icebergCatalog: trino.catalog,
    },
    backendOrigin,
    lineage: {
      origin: backendOrigin,
      token: staticToken(
        config,
        'lineage-producer',
        'Trino sends its lineage events with it',
      ),
    },
    tokens: {
      metrics: staticToken(
        config,
        'prometheus-scraper',
        'the local Prometheus scrapes the portal with it',
      ),
      alerts: staticToken(
        config,
        'alertmanager',
        'the local Alertmanager sends SLO alerts to the portal with it',
      ),
    },
    gitea: readGiteaSettings(config),
    superset: supersetSettings(
      env,
      {
        appBaseUrl: config.getString('app.baseUrl'),
        backendBaseUrl: config.getString('backend.baseUrl'),
      },
      {
        port: pgPort,
        user: postgres.user ?? 'postgres',
        password: postgres.password,
      },
    ),
  };
}
