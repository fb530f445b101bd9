import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import {
  ensureNessie,
  ensureS3Proxy,
  ensureTrino,
  type StackVersions,
} from './artifacts.ts';
import { gitea } from './gitea/service.ts';
import { httpGet } from './health.ts';
import { keycloak, type KeycloakSettings } from './keycloak.ts';
import {
  alertmanager,
  type MonitoringSettings,
  prometheus,
} from './monitoring.ts';
import type { StackPaths } from './paths.ts';
import { serviceMarker } from './process.ts';
import type { LakehouseSettings } from './settings.ts';
import { superset } from './superset/service.ts';
import { jvmOptions, parseProperties, renderTree } from './template.ts';

export const SERVICES = [
  'postgres',
  's3',
  'nessie',
  'trino',
  'keycloak',
  'prometheus',
  'alertmanager',
  'gitea',
  'superset',
] as const;
export type ServiceName = (typeof SERVICES)[number];

/**
 * Started only when named (`scout stack up superset`): a plain `stack up`,
 * and so CI, does without them.
 */
export const OPT_IN_SERVICES: readonly ServiceName[] = ['superset'];
/** What a plain `scout stack up` starts. */
export const DEFAULT_SERVICES: ServiceName[] = SERVICES.filter(
  name => !OPT_IN_SERVICES.includes(name),
);
export type ManagedServiceName = Exclude<ServiceName, 'postgres'>;

/**
 * Where each service listens: the lakehouse's (with Gitea's, from the same
 * app-config), Keycloak's and monitoring's settings.
 */
export type StackSettings = LakehouseSettings & {
  keycloak: KeycloakSettings;
  monitoring: MonitoringSettings;
};

/** Everything a service needs to fetch, configure and start itself. */
export type StackContext = {
  paths: StackPaths;
  settings: StackSettings;
  versions: StackVersions;
  env: Record<string, string | undefined>;
  log: (line: string) => void;
};

/**
 * A service that `scout stack` fetches (or finds installed), configures and
 * runs: a JVM, or a native binary (`native`).
 */
export type ManagedService = {
  name: ManagedServiceName;
  /** The env variable that moves its main port. */
  portEnv: string;
  /** The env variable that moves its second (management) port, if any. */
  managementPortEnv?: string;
  /** Every port it listens on; the first is the main one. */
  ports(settings: StackSettings): number[];
  url(settings: StackSettings): string;
  /** How long a start may take before it counts as failed. */
  startTimeoutMs: number;
  healthy(settings: StackSettings): Promise<boolean>;
  /**
   * Downloads (once) what it runs, a jar or a server folder; a native
   * service returns its installed binary, or throws saying how to install it.
   */
  fetch(ctx: StackContext): Promise<string>;
  /** Renders its config into .scout/stack/<name> and returns the arguments. */
  prepare(ctx: StackContext, artifact: string): Promise<string[]>;
  /** What runs those arguments, when not `java` itself (a launcher script). */
  launcher?(java: string): { command: string; env: Record<string, string> };
  /** True when fetch's binary runs the arguments itself: no JVM. */
  native?: boolean;
  /**
   * The argument that marks its process as ours (serviceMarker by default);
   * a native binary refuses unknown flags, so it names its config file.
   */
  marker?(paths: StackPaths): string;
  /**
   * What it needs inside once it answers (Gitea's admin and organization),
   * at every `up`, whether it was started or already running: idempotent.
   */
  afterUp?(ctx: StackContext): Promise<void>;
};

/** The argument that marks `service`'s process as ours. */
export const markerOf = (service: ManagedService, paths: StackPaths) =>
  service.marker?.(paths) ?? serviceMarker(service.name);

const local = (port: number) => `http://127.0.0.1:${port}`;

/**
 * The values for the `${NAME}` placeholders of platform-manifests/config
 * (documented in its README).
 */
export function templateVars(
  paths: StackPaths,
  settings: LakehouseSettings,
  versions: StackVersions,
  env: Record<string, string | undefined>,
): Record<string, string> {
  const heap = z
    .string()
    .regex(/^\d+[mMgG]$/, 'SCOUT_TRINO_HEAP must look like 3G or 2048M')
    .parse(env.SCOUT_TRINO_HEAP || '3G');
  return {
    BIND_HOST: '127.0.0.1',
    PG_JDBC_URL: settings.postgres.jdbcUrl,
    S3_PORT: String(settings.s3.port),
    S3_ENDPOINT: settings.s3.endpoint,
    S3_REGION: settings.s3.region,
    S3_ACCESS_KEY: settings.s3.accessKeyId,
    S3_SECRET_KEY: settings.s3.secretAccessKey,
    S3_DATA_DIR: join(paths.state, 's3', 'data'),
    WAREHOUSE: settings.s3.warehouse,
    NESSIE_PORT: String(settings.nessie.port),
    NESSIE_MANAGEMENT_PORT: String(settings.nessie.managementPort),
    NESSIE_URI: settings.nessie.apiUrl,
    NESSIE_DATA_DIR: join(paths.state, 'nessie', 'rocksdb'),
    TRINO_PORT: String(settings.trino.port),
    TRINO_HEAP: heap,
    TRINO_HOME: join(paths.cache, `trino-server-${versions.trino}`),
    TRINO_DATA_DIR: join(paths.state, 'trino', 'data'),
    TRINO_CATALOG_DIR: join(paths.state, 'trino', 'etc', 'catalog'),
    // The one Trino user that writes (etc/rules.json): the pipeline's.
    TRINO_USER: settings.trino.user,
    LINEAGE_ORIGIN: settings.lineage.origin,
    LINEAGE_TOKEN: settings.lineage.token,
  };
}

/** Renders platform-manifests/config/<name> into .scout/stack/<name>; returns that folder. */
async function render(ctx: StackContext, name: ManagedServiceName) {
  const vars = templateVars(ctx.paths, ctx.settings, ctx.versions, ctx.env);
  const dir = join(ctx.paths.state, name);
  await renderTree(join(ctx.paths.templates, name), dir, vars);
  return { dir, vars };
}

const readJvmOptions = async (file: string) =>
  jvmOptions(await readFile(file, 'utf8'));

const s3: ManagedService = {
  name: 's3',
  portEnv: 'SCOUT_S3_PORT',
  ports: settings => [settings.s3.port],
  url: settings => settings.s3.endpoint,
  startTimeoutMs: 60_000,
  // Any HTTP answer will do: anonymous requests get 403 from S3.
  healthy: async settings =>
    (await httpGet(local(settings.s3.port))) !== undefined,
  fetch: ctx => ensureS3Proxy(ctx.paths.cache, ctx.versions, ctx.log),
  async prepare(ctx, jar) {
    const { dir, vars } = await render(ctx, 's3');
    await mkdir(vars.S3_DATA_DIR, { recursive: true });
    return [
      ...(await readJvmOptions(join(dir, 'jvm.config'))),
      serviceMarker('s3'),
      '-jar',
      jar,
      '--properties',
      join(dir, 's3proxy.properties'),
    ];
  },
};

const nessie: ManagedService = {
  name: 'nessie',
  portEnv: 'SCOUT_NESSIE_PORT',
  managementPortEnv: 'SCOUT_NESSIE_MANAGEMENT_PORT',
  ports: settings => [settings.nessie.port, settings.nessie.managementPort],
  url: settings => settings.nessie.apiUrl,
  startTimeoutMs: 120_000,
  healthy: async settings => {
    const answer = await httpGet(
      `${local(settings.nessie.port)}/api/v2/config`,
    );
    return answer?.status === 200 && hasKey(answer.json, 'defaultBranch');
  },
  fetch: ctx => ensureNessie(ctx.paths.cache, ctx.versions, ctx.log),
  async prepare(ctx, jar) {
    const { dir } = await render(ctx, 'nessie');
    await mkdir(join(ctx.paths.state, 'nessie'), { recursive: true });
    return [
      ...(await readJvmOptions(join(dir, 'jvm.config'))),
      serviceMarker('nessie'),
      `-Dquarkus.config.locations=${
        pathToFileURL(join(dir, 'application.properties')).href
      }`,
      '-jar',
      jar,
    ];
  },
};

const trino: ManagedService = {
  name: 'trino',
  portEnv: 'SCOUT_TRINO_PORT',
  ports: settings => [settings.trino.port],
  url: settings => local(settings.trino.port),
  // The first start on a busy 2-core machine takes a while.
  startTimeoutMs: 240_000,
  healthy: async settings => {
    const answer = await httpGet(`${local(settings.trino.port)}/v1/info`);
    return (
      answer?.status === 200 &&
      hasKey(answer.json, 'starting') &&
      answer.json.starting === false
    );
  },
  fetch: ctx => ensureTrino(ctx.paths.cache, ctx.versions, ctx.log),
  async prepare(ctx, home) {
    const { dir, vars } = await render(ctx, 'trino');
    const etc = join(dir, 'etc');
    await mkdir(vars.TRINO_DATA_DIR, { recursive: true });
    // What Trino's launcher does: node.properties become system properties.
    const node = parseProperties(
      await readFile(join(etc, 'node.properties'), 'utf8'),
    );
    return [
      ...(await readJvmOptions(join(etc, 'jvm.config'))),
      serviceMarker('trino'),
      ...Object.entries(node).map(([key, value]) => `-D${key}=${value}`),
      `-Dconfig=${join(etc, 'config.properties')}`,
      '-cp',
      // Expanded by java itself, not a shell.
      `${join(home, 'lib')}/*`,
      'io.trino.server.TrinoServer',
    ];
  },
};

/** The services besides PostgreSQL; `down` stops them in reverse order. */
export const MANAGED_SERVICES: readonly ManagedService[] = [
  s3,
  nessie,
  trino,
  keycloak,
  prometheus,
  alertmanager,
  gitea,
  superset,
];

function hasKey<K extends string>(
  value: unknown,
  key: K,
): value is Record<K, unknown> {
  return typeof value === 'object' && value !== null && key in value;
}
