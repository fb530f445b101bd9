import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** What `kc.sh build` leaves behind; `start --optimized` needs it. */
const BUILT_MARKER = join('lib', 'quarkus', 'quarkus-application.dat');

/** The folders of a Keycloak home that a build fixes or a start reads. */
const BUILT_FOLDERS = ['lib', 'providers', 'themes'];

/**
 * Where the build for `conf` lives: <cache>/keycloak-<v>-built-<hash>, the
 * hash of the distribution's name and the conf template (ports are not
 * build options, so the unrendered template names the build).
 */
export function keycloakBuildHome(distribution: string, confTemplate: string) {
  const hash = createHash('sha256')
    .update(`${distribution}\n${confTemplate}`)
    .digest('hex')
    .slice(0, 12);
  return `${distribution}-built-${hash}`;
}

/**
 * Keycloak built once for keycloak.conf's build-time options (database,
 * health checks, caches), so that every start can skip Quarkus's
 * augmentation (`kc.sh start --optimized`): 22 of a 45 s start-dev on a
 * quiet machine here, and a full minute of CPU on a busy one.
 * The build runs in a private copy of the distribution (186 MB), which is
 * renamed into place once complete: checkouts sharing the machine cache
 * never write into a Keycloak another one runs. Returns that home.
 *
 * `conf` is keycloak.conf rendered for this stack; `confTemplate` is its
 * template, which names the build.
 */
export async function ensureKeycloakBuild(options: {
  distribution: string;
  confTemplate: string;
  conf: string;
  java: string;
  log: (line: string) => void;
}): Promise<string> {
  const { distribution, confTemplate, conf, java, log } = options;
  const home = keycloakBuildHome(distribution, confTemplate);
  if (existsSync(join(home, BUILT_MARKER))) return home;
  const work = `${home}.${process.pid}.build`;
  log(
    `building ${basename(distribution)} for keycloak.conf, once (about 30 s)`,
  );
  try {
    await rm(work, { recursive: true, force: true });
    await cp(distribution, work, { recursive: true });
    // The dist's own conf/keycloak.conf: kc.sh build reads it.
    await writeFile(join(work, 'conf', 'keycloak.conf'), conf);
    await run('sh', [join(work, 'bin', 'kc.sh'), 'build'], {
      env: { ...process.env, JAVA: java },
      maxBuffer: 16 * 2 ** 20,
      timeout: 600_000,
    }).catch((error: Error & { stdout?: string; stderr?: string }) => {
      const output = `${error.stdout ?? ''}${error.stderr ?? ''}`.trim();
      throw new Error(
        `kc.sh build failed: ${
          output.split('\n').slice(-10).join('\n') || error.message
        }`,
      );
    });
    if (!existsSync(join(work, BUILT_MARKER))) {
      throw new Error(`kc.sh build left no ${BUILT_MARKER}`);
    }
    await rename(work, home).catch(error => {
      // Another checkout built the same at the same time: use its build.
      if (!existsSync(join(home, BUILT_MARKER))) throw error;
    });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return home;
}

/**
 * Makes `dir` a Keycloak home (kc.home.dir) that runs `built`: its lib,
 * providers and themes are links to the build, and its data and imports
 * stay its own. Keycloak finds its build under kc.home.dir.
 */
export async function linkKeycloakHome(dir: string, built: string) {
  await mkdir(dir, { recursive: true });
  for (const folder of BUILT_FOLDERS) {
    const link = join(dir, folder);
    await rm(link, { recursive: true, force: true });
    await symlink(join(built, folder), link);
  }
}
