import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { z } from 'zod';
import {
  DEFAULT_MAVEN_REPO,
  downloadVerified,
  type MavenArtifact,
  mavenUrl,
} from './download.ts';

const run = promisify(execFile);

const versionsSchema = z.object({
  // The newest Trino whose server tarball Maven Central serves here; 477+
  // are listed in some metadata but their files are missing.
  SCOUT_TRINO_VERSION: z.string().regex(/^\d+$/).default('476'),
  SCOUT_NESSIE_VERSION: z
    .string()
    .regex(/^\d+\.\d+\.\d+$/)
    .default('0.99.0'),
  SCOUT_S3PROXY_VERSION: z
    .string()
    .regex(/^\d+\.\d+\.\d+$/)
    .default('4.1.0'),
  SCOUT_KEYCLOAK_VERSION: z
    .string()
    .regex(/^\d+\.\d+\.\d+$/)
    .default('26.7.3'),
  SCOUT_MAVEN_REPO: z.string().url().default(DEFAULT_MAVEN_REPO),
});

export type StackVersions = {
  trino: string;
  nessie: string;
  s3proxy: string;
  keycloak: string;
  mavenRepo: string;
};

/** The server versions, overridable by env (SCOUT_TRINO_VERSION, ...). */
export function stackVersions(
  env: Record<string, string | undefined> = process.env,
): StackVersions {
  const parsed = versionsSchema.safeParse(
    Object.fromEntries(Object.entries(env).filter(([, value]) => value !== '')),
  );
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${issue?.path.join('.')}: ${issue?.message}`);
  }
  const v = parsed.data;
  return {
    trino: v.SCOUT_TRINO_VERSION,
    nessie: v.SCOUT_NESSIE_VERSION,
    s3proxy: v.SCOUT_S3PROXY_VERSION,
    keycloak: v.SCOUT_KEYCLOAK_VERSION,
    mavenRepo: v.SCOUT_MAVEN_REPO,
  };
}

/**
 * The plugins Trino keeps; the rest of the 800 MiB server is deleted.
 * The PostgreSQL connector needs geospatial for its Geometry type;
 * password-authenticators holds the file group provider that gives access
 * control the catalog's teams (etc/group-provider.properties); openlineage
 * is the event listener that sends the portal each write's lineage
 * (etc/event-listener.properties).
 */
export const TRINO_PLUGINS = [
  'iceberg',
  'postgresql',
  'geospatial',
  'password-authenticators',
  'openlineage',
];

export const artifacts = {
  s3proxy: (version: string): MavenArtifact => ({
    group: 'org.gaul',
    artifact: 's3proxy',
    version,
    classifier: 'jar-with-dependencies',
    extension: 'jar',
  }),
  nessie: (version: string): MavenArtifact => ({
    group: 'org.projectnessie.nessie',
    artifact: 'nessie-quarkus',
    version,
    classifier: 'runner',
    extension: 'jar',
  }),
  // The full server: the per-plugin zips are not all published for one version.
  trino: (version: string): MavenArtifact => ({
    group: 'io.trino',
    artifact: 'trino-server',
    version,
    extension: 'tar.gz',
  }),
  keycloak: (version: string): MavenArtifact => ({
    group: 'org.keycloak',
    artifact: 'keycloak-quarkus-dist',
    version,
    extension: 'zip',
  }),
};

type Log = (line: string) => void;

/** The S3Proxy jar, downloaded once into <cache>/downloads. */
export function ensureS3Proxy(
  cache: string,
  versions: StackVersions,
  log: Log,
): Promise<string> {
  const url = mavenUrl(versions.mavenRepo, artifacts.s3proxy(versions.s3proxy));
  return downloadVerified(url, join(cache, 'downloads'), log);
}

/** The Nessie runner jar, downloaded once into <cache>/downloads. */
export function ensureNessie(
  cache: string,
  versions: StackVersions,
  log: Log,
): Promise<string> {
  const url = mavenUrl(versions.mavenRepo, artifacts.nessie(versions.nessie));
  return downloadVerified(url, join(cache, 'downloads'), log);
}

/**
 * Trino's home (<cache>/trino-server-<v>): downloaded, unpacked, pruned
 * to TRINO_PLUGINS and renamed into place once complete; the tarball is
 * then deleted.
 */
export async function ensureTrino(
  cache: string,
  versions: StackVersions,
  log: Log,
): Promise<string> {
  const name = `trino-server-${versions.trino}`;
  const home = join(cache, name);
  const kept = (dir: string) =>
    TRINO_PLUGINS.every(plugin => existsSync(join(dir, 'plugin', plugin)));
  if (existsSync(home)) {
    if (kept(home)) return home;
    // Unpacked when fewer plugins were kept: unpack again. Trino is not
    // running from it (a running service is never fetched).
    log(`${name} lacks a plugin it now needs; fetching it again`);
    await rm(home, { recursive: true, force: true });
  }
  const url = mavenUrl(versions.mavenRepo, artifacts.trino(versions.trino));
  const tarball = await downloadVerified(url, join(cache, 'downloads'), log);
  const unpack = join(cache, `${name}.${process.pid}.unpack`);
  log(`unpacking ${name} (plugins kept: ${TRINO_PLUGINS.join(', ')})`);
  try {
    await mkdir(unpack, { recursive: true });
    // Plugins hard-link shared jars across folders: unpack all, then prune.
    await run('tar', ['-xzf', tarball, '-C', unpack], {
      maxBuffer: 16 * 2 ** 20,
    });
    const plugins = join(unpack, name, 'plugin');
    for (const plugin of await readdir(plugins)) {
      if (!TRINO_PLUGINS.includes(plugin)) {
        await rm(join(plugins, plugin), { recursive: true, force: true });
      }
    }
    for (const plugin of TRINO_PLUGINS) {
      if (!existsSync(join(plugins, plugin))) {
        throw new Error(`${name} has no plugin/${plugin}`);
      }
    }
    await rename(join(unpack, name), home);
  } finally {
    await rm(unpack, { recursive: true, force: true });
  }
  await rm(tarball, { force: true });
  return home;
}

/**
 * Keycloak's home (<cache>/keycloak-<v>): the distribution zip,
 * downloaded and unpacked once; the zip is then deleted. It stays as
 * shipped: ensureKeycloakBuild builds a copy of it.
 */
export async function ensureKeycloak(
  cache: string,
  versions: StackVersions,
  log: Log,
): Promise<string> {
  const name = `keycloak-${versions.keycloak}`;
  const home = join(cache, name);
  if (existsSync(home)) return home;
  const url = mavenUrl(
    versions.mavenRepo,
    artifacts.keycloak(versions.keycloak),
  );
  const zip = await downloadVerified(url, join(cache, 'downloads'), log);
  const unpack = join(cache, `${name}.${process.pid}.unpack`);
  log(`unpacking ${name}`);
  try {
    await mkdir(unpack, { recursive: true });
    await run('unzip', ['-q', zip, '-d', unpack]).catch(error => {
      throw new Error(
        `unzip of ${zip} failed (is unzip installed? apt-get install unzip): ${error.message}`,
      );
    });
    if (!existsSync(join(unpack, name, 'bin', 'kc.sh'))) {
      throw new Error(`${zip} has no ${name}/bin/kc.sh`);
    }
    await rename(join(unpack, name), home);
  } finally {
    await rm(unpack, { recursive: true, force: true });
  }
  await rm(zip, { force: true });
  return home;
}
