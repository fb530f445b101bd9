import type { Config } from '@backstage/config';
import { join, resolve } from 'node:path';
import type { LakehouseEngine } from '../pipeline/types';
import { repositoryRoot } from '../repoRoot';

/** The Iceberg namespaces of the medallion layers. */
export const LAKEHOUSE_NAMESPACES = [
  'bronze',
  'silver',
  'gold',
  'platinum',
] as const;

export type TrinoConnection = {
  /** e.g. https://trino.example.com:8443 */
  url: string;
  /** The user the pipeline and the portal's own metadata reads run as. */
  user: string;
  /** The Iceberg catalog on Nessie's main branch. */
  catalog: string;
  /** Trino's catalog over the scout PostgreSQL database. */
  postgresCatalog: string;
};

export type S3Connection = {
  /** Unset: AWS S3 itself. */
  endpoint?: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Where Iceberg tables live: s3://<bucket>/warehouse. */
  warehouse: string;
};

/** How Trino reaches the scout database (its postgresql catalog). */
export type PostgresConnection = {
  jdbcUrl: string;
  user?: string;
  password?: string;
};

/** What the Iceberg lakehouse needs: Trino, Nessie and the object store. */
export type IcebergStack = {
  trino: TrinoConnection;
  /** The REST API v2 root, e.g. https://nessie.example.com/api/v2. */
  nessie: { url: string };
  s3: S3Connection;
};

/**
 * The lakehouse connection settings that several plugins share, read once
 * from `scout.lakehouse`. Each connection is there when it is configured;
 * the Trino engine needs trino, nessie and s3.
 */
export type LakehouseStack = Partial<IcebergStack> & {
  engine: LakehouseEngine;
  /** The DuckDB engine's Parquet lakehouse (absolute). */
  dir: string;
  postgres?: PostgresConnection;
};

const KEY = 'scout.lakehouse';

// Sub-configs keep their prefix, so Backstage's own errors (a missing or
// empty value) already name the whole key; ours take it from `at`.
function readUrl(
  config: Config,
  at: string,
  key: string,
  protocols: string[],
): string {
  const value = config.getString(key);
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    // reported below
  }
  if (!url || !protocols.includes(url.protocol)) {
    throw new Error(
      `${KEY}.${at}.${key} must be a ${protocols.join(
        ' or ',
      )} URL, not "${value}"`,
    );
  }
  return value.replace(/\/+$/, '');
}

const HTTP = ['http:', 'https:'];

function readTrino(config: Config): TrinoConnection {
  return {
    url: readUrl(config, 'trino', 'url', HTTP),
    user: config.getString('user'),
    catalog: config.getOptionalString('catalog') ?? 'iceberg',
    postgresCatalog:
      config.getOptionalString('postgresCatalog') ?? 'postgresql',
  };
}

function readS3(config: Config): S3Connection {
  const bucket = config.getString('bucket');
  return {
    endpoint: config.has('endpoint')
      ? readUrl(config, 's3', 'endpoint', HTTP)
      : undefined,
    region: config.getOptionalString('region') ?? 'us-east-1',
    bucket,
    accessKeyId: config.getString('accessKeyId'),
    secretAccessKey: config.getString('secretAccessKey'),
    warehouse: `s3://${bucket}/warehouse`,
  };
}

function readPostgres(config: Config): PostgresConnection {
  const jdbcUrl = config.getString('jdbcUrl');
  if (!jdbcUrl.startsWith('jdbc:postgresql://')) {
    throw new Error(
      `${KEY}.postgres.jdbcUrl must start with jdbc:postgresql://, not "${jdbcUrl}"`,
    );
  }
  return {
    jdbcUrl,
    user: config.getOptionalString('user'),
    password: config.getOptionalString('password'),
  };
}

/**
 * Reads `scout.lakehouse` once: the engine, the DuckDB folder, and where
 * Trino, Nessie, the S3 store and (for Trino) the scout database are. Fails
 * with the config key when a value is missing or malformed, and when the
 * engine is trino without its connections. A relative `dir` is taken from
 * `baseDir`: the backend's working directory unless a tool says otherwise.
 */
export function readLakehouseStack(
  root: Config,
  options: { baseDir?: string } = {},
): LakehouseStack {
  const config = root.getOptionalConfig(KEY);
  const engine = config?.getOptionalString('engine') ?? 'duckdb';
  if (engine !== 'duckdb' && engine !== 'trino') {
    throw new Error(`${KEY}.engine must be duckdb or trino, not "${engine}"`);
  }
  const section = <T>(name: string, read: (c: Config) => T) => {
    const sub = config?.getOptionalConfig(name);
    return sub && read(sub);
  };
  const dir = config?.getOptionalString('dir');
  const stack: LakehouseStack = {
    engine,
    dir: dir
      ? resolve(options.baseDir ?? '', dir)
      : join(repositoryRoot(), '.scout/lakehouse'),
    trino: section('trino', readTrino),
    nessie: section('nessie', c => ({
      url: readUrl(c, 'nessie', 'url', HTTP),
    })),
    s3: section('s3', readS3),
    postgres: section('postgres', readPostgres),
  };
  if (engine === 'trino') icebergStack(stack);
  return stack;
}

/** The Iceberg connections; throws naming every key that is missing. */
export function icebergStack(stack: LakehouseStack): IcebergStack {
  const { trino, nessie, s3 } = stack;
  if (trino && nessie && s3) return { trino, nessie, s3 };
  const missing = [
    !trino && `${KEY}.trino.url`,
    !nessie && `${KEY}.nessie.url`,
    !s3 && `${KEY}.s3.bucket`,
  ].filter(Boolean);
  throw new Error(
    `The Iceberg lakehouse (Trino, Nessie, S3) is not configured: set ${missing.join(
      ', ',
    )}`,
  );
}

/**
 * The properties of Trino's Iceberg catalog (Nessie catalog, native S3),
 * without `connector.name`. A pipeline run's catalog takes the same with
 * `iceberg.nessie-catalog.ref` set to its branch:
 * `CREATE CATALOG <name> USING iceberg WITH ("<key>" = '<value>', ...)`.
 * platform-manifests/config/trino/etc/catalog/iceberg.properties renders to
 * the same (a test keeps them in step).
 */
export function icebergCatalogProperties(
  stack: Pick<IcebergStack, 'nessie' | 's3'>,
  ref = 'main',
): Record<string, string> {
  const { nessie, s3 } = stack;
  return {
    'iceberg.catalog.type': 'nessie',
    'iceberg.nessie-catalog.uri': nessie.url,
    'iceberg.nessie-catalog.ref': ref,
    'iceberg.nessie-catalog.default-warehouse-dir': s3.warehouse,
    'fs.native-s3.enabled': 'true',
    ...(s3.endpoint ? { 's3.endpoint': s3.endpoint } : {}),
    's3.region': s3.region,
    's3.path-style-access': 'true',
    's3.aws-access-key': s3.accessKeyId,
    's3.aws-secret-key': s3.secretAccessKey,
    // Bronze is partitioned by day and region: one load spans thousands.
    'iceberg.max-partitions-per-writer': '10000',
  };
}
