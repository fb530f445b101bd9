import { z } from 'zod';

// Unset and empty variables both mean "use the default".
const fromEnv = <T extends z.ZodType>(schema: T) =>
  z.preprocess(value => (value === '' ? undefined : value), schema);
const port = (fallback: number) =>
  fromEnv(z.coerce.number().int().min(1).max(65535).default(fallback));
const text = (fallback: string) => fromEnv(z.string().min(1).default(fallback));

const envSchema = z.object({
  SCOUT_PG_PORT: port(54329),
  SCOUT_S3_PORT: port(9000),
  SCOUT_S3_ACCESS_KEY: text('scout'),
  SCOUT_S3_SECRET_KEY: text('scout-dev-secret'),
  SCOUT_S3_REGION: text('us-east-1'),
  SCOUT_NESSIE_PORT: port(19120),
  SCOUT_NESSIE_MANAGEMENT_PORT: fromEnv(
    z.coerce.number().int().min(1).max(65535).optional(),
  ),
  SCOUT_TRINO_HOST: text('127.0.0.1'),
  SCOUT_TRINO_PORT: port(8080),
  SCOUT_TRINO_USER: text('scout'),
});

/** The Iceberg namespaces of the medallion layers, in catalog `iceberg`. */
export const LAKEHOUSE_NAMESPACES = [
  'bronze',
  'silver',
  'gold',
  'platinum',
] as const;

/** Where the lakehouse stack listens and how to sign in to it. */
export type LakehouseSettings = {
  postgres: { port: number; url: string; jdbcUrl: string };
  s3: {
    port: number;
    endpoint: string;
    region: string;
    accessKeyId: string;
    secretAccessKey: string;
    bucket: string;
    /** Where Iceberg tables live: s3://<bucket>/warehouse. */
    warehouse: string;
  };
  nessie: {
    port: number;
    /** Quarkus' management interface (health, metrics); its default, 9000, is the S3 port. */
    managementPort: number;
    /** The REST API v2 root, e.g. http://127.0.0.1:19120/api/v2. */
    apiUrl: string;
  };
  trino: {
    port: number;
    url: string;
    user: string;
    /** The Iceberg catalog on Nessie's main branch. */
    icebergCatalog: string;
    /** The catalog over the scout PostgreSQL database. */
    postgresCatalog: string;
  };
};

/**
 * The local lakehouse stack's connection settings: ports, keys and user from
 * env (SCOUT_PG_PORT, SCOUT_S3_PORT, SCOUT_NESSIE_PORT, SCOUT_TRINO_PORT, ...)
 * with the defaults of the shared contract, so `scout stack`, the pipeline
 * and the backend agree. Everything listens on 127.0.0.1.
 */
export function lakehouseSettings(
  env: Record<string, string | undefined> = process.env,
): LakehouseSettings {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      issue => `${issue.path.join('.')}: ${issue.message}`,
    );
    throw new Error(`Invalid lakehouse settings: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  const host = '127.0.0.1';
  const bucket = 'scout-lakehouse';
  return {
    postgres: {
      port: e.SCOUT_PG_PORT,
      url: `postgres://postgres@${host}:${e.SCOUT_PG_PORT}/scout`,
      jdbcUrl: `jdbc:postgresql://${host}:${e.SCOUT_PG_PORT}/scout`,
    },
    s3: {
      port: e.SCOUT_S3_PORT,
      endpoint: `http://${host}:${e.SCOUT_S3_PORT}`,
      region: e.SCOUT_S3_REGION,
      accessKeyId: e.SCOUT_S3_ACCESS_KEY,
      secretAccessKey: e.SCOUT_S3_SECRET_KEY,
      bucket,
      warehouse: `s3://${bucket}/warehouse`,
    },
    nessie: {
      port: e.SCOUT_NESSIE_PORT,
      managementPort: e.SCOUT_NESSIE_MANAGEMENT_PORT ?? e.SCOUT_NESSIE_PORT + 1,
      apiUrl: `http://${host}:${e.SCOUT_NESSIE_PORT}/api/v2`,
    },
    trino: {
      port: e.SCOUT_TRINO_PORT,
      url: `http://${e.SCOUT_TRINO_HOST}:${e.SCOUT_TRINO_PORT}`,
      user: e.SCOUT_TRINO_USER,
      icebergCatalog: 'iceberg',
      postgresCatalog: 'postgresql',
    },
  };
}

/**
 * The properties of Trino's `iceberg` catalog (Nessie catalog, native S3),
 * without `connector.name`. A pipeline run's catalog takes the same with
 * `iceberg.nessie-catalog.ref` set to its branch:
 * `CREATE CATALOG <name> USING iceberg WITH ("<key>" = '<value>', ...)`.
 * platform-manifests/config/trino/etc/catalog/iceberg.properties renders to
 * the same (a test keeps them in step).
 */
export function icebergCatalogProperties(
  settings: LakehouseSettings,
  ref = 'main',
): Record<string, string> {
  return {
    'iceberg.catalog.type': 'nessie',
    'iceberg.nessie-catalog.uri': settings.nessie.apiUrl,
    'iceberg.nessie-catalog.ref': ref,
    'iceberg.nessie-catalog.default-warehouse-dir': settings.s3.warehouse,
    'fs.native-s3.enabled': 'true',
    's3.endpoint': settings.s3.endpoint,
    's3.region': settings.s3.region,
    's3.path-style-access': 'true',
    's3.aws-access-key': settings.s3.accessKeyId,
    's3.aws-secret-key': settings.s3.secretAccessKey,
    // Bronze is partitioned by day and region: one load spans thousands.
    'iceberg.max-partitions-per-writer': '10000',
  };
}
