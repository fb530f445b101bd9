import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import {
  appendFile,
  chmod,
  mkdir,
  readFile,
  writeFile,
} from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repositoryRoot } from '@internal/backstage-plugin-scout-node';
import { httpGet, portAnswers } from '../health.ts';
import type { StackPaths } from '../paths.ts';
import type { ManagedService, StackContext } from '../services.ts';
import { renderTree } from '../template.ts';
import {
  refuseDevSecretsInProduction,
  type SupersetSettings,
} from './settings.ts';
import {
  ensureSupersetVenv,
  supersetSourceDir,
  supersetVenv,
  venvBin,
} from './venv.ts';

const run = promisify(execFile);

/** Its rendered config, home and initialisation marker: .scout/stack/superset. */
const stateDir = (paths: StackPaths) => join(paths.state, 'superset');
const configFile = (paths: StackPaths) =>
  join(stateDir(paths), 'superset_config.py');
const gunicornConfig = (paths: StackPaths) =>
  join(stateDir(paths), 'gunicorn.conf.py');
/** What the last initialisation did, so that the next `up` can skip it. */
const markerFile = (paths: StackPaths) =>
  join(stateDir(paths), 'initialised.json');

/** A value as a Python string literal (JSON's are valid Python). */
const py = (value: string) => JSON.stringify(value);

/**
 * The `${NAME}` values of platform-manifests/config/superset; the strings
 * as Python literals, quotes included.
 */
export function supersetTemplateVars(
  settings: SupersetSettings,
): Record<string, string> {
  return {
    BIND_HOST: '127.0.0.1',
    SUPERSET_PORT: String(settings.port),
    SUPERSET_DATABASE_URI: py(settings.database.url),
    SUPERSET_SECRET_KEY: py(settings.secretKey),
    SUPERSET_GUEST_ROLE: py(settings.guestRole),
    SUPERSET_GUEST_TOKEN_SECRET: py(settings.guestTokenSecret),
    SUPERSET_PORTAL_ORIGINS: py(settings.portalOrigins.join(' ')),
  };
}

/** gunicorn's arguments: its config file, which also marks the process as ours. */
export const supersetArgs = (paths: StackPaths) => [
  `--config=${gunicornConfig(paths)}`,
];

/**
 * What an initialised database must match: the installed requirements,
 * the database and the service account. A change means init runs again.
 */
export function initFingerprint(
  requirements: string,
  settings: SupersetSettings,
): string {
  return createHash('sha256')
    .update(
      JSON.stringify([
        requirements,
        settings.database.url,
        settings.admin.username,
        settings.admin.password,
        settings.guestRole,
      ]),
    )
    .digest('hex');
}

type DatabaseState = {
  created: boolean;
  revision: string | null;
  admin: boolean;
  guestRole: boolean;
};
type Marker = { fingerprint: string; revision: string };

/** Runs bootstrap.py `command` with the venv's Python; its last line as JSON. */
async function bootstrap<T>(
  ctx: StackContext,
  venv: string,
  command: 'state' | 'init',
): Promise<T> {
  const { paths, settings } = ctx;
  const logFile = join(paths.logs, 'superset.log');
  try {
    const { stdout, stderr } = await run(
      venvBin(venv, 'python'),
      [join(supersetSourceDir(repositoryRoot()), 'bootstrap.py'), command],
      {
        cwd: stateDir(paths),
        env: {
          ...ctx.env,
          SUPERSET_CONFIG_PATH: configFile(paths),
          SUPERSET_HOME: join(stateDir(paths), 'data'),
          SCOUT_SUPERSET_USERNAME: settings.superset.admin.username,
          SCOUT_SUPERSET_PASSWORD: settings.superset.admin.password,
        } as NodeJS.ProcessEnv,
        maxBuffer: 16 * 2 ** 20,
      },
    );
    if (command === 'init') await appendFile(logFile, stderr + stdout);
    const last = stdout.trimEnd().split('\n').pop() ?? '';
    return JSON.parse(last) as T;
  } catch (error) {
    const e = error as { stderr?: string; stdout?: string; code?: number };
    await appendFile(logFile, `${e.stderr ?? ''}${e.stdout ?? ''}`);
    const tail = (e.stderr ?? String(error))
      .trimEnd()
      .split('\n')
      .slice(-8)
      .join('\n');
    throw new Error(
      `superset: bootstrap.py ${command} failed (exit code ${e.code}); more in .scout/logs/superset.log:\n${tail}`,
    );
  }
}

/**
 * Makes sure the metadata database exists and is initialised: migrated
 * (superset db upgrade), with roles and permissions (superset init), the
 * service account as an admin and the guest role. Skipped (about 0.3 s)
 * when the marker of the last run matches and the database still holds
 * what it made.
 */
async function ensureInitialised(ctx: StackContext, venv: string) {
  const { paths, settings, log } = ctx;
  const state = await bootstrap<DatabaseState>(ctx, venv, 'state');
  if (state.created) {
    log(`superset: created database ${settings.superset.database.name}`);
  }
  const requirements = await readFile(
    join(supersetSourceDir(repositoryRoot()), 'requirements.txt'),
    'utf8',
  );
  const fingerprint = initFingerprint(requirements, settings.superset);
  const marker = existsSync(markerFile(paths))
    ? (JSON.parse(await readFile(markerFile(paths), 'utf8')) as Marker)
    : undefined;
  if (
    marker?.fingerprint === fingerprint &&
    state.revision === marker.revision &&
    state.admin &&
    state.guestRole
  ) {
    return;
  }
  log(
    `superset: initialising database ${settings.superset.database.name} (migrations, roles, admin ${settings.superset.admin.username}, role ${settings.superset.guestRole}; about 20 s)`,
  );
  const started = Date.now();
  const { revision } = await bootstrap<{ revision: string }>(ctx, venv, 'init');
  await writeFile(
    markerFile(paths),
    `${JSON.stringify({ fingerprint, revision } satisfies Marker)}\n`,
    { mode: 0o600 },
  );
  log(
    `superset: initialised in ${((Date.now() - started) / 1000).toFixed(
      1,
    )} s (migration ${revision})`,
  );
}

/**
 * Apache Superset 6.1 from PyPI in a venv of its own (the machine cache),
 * under gunicorn on 127.0.0.1 with two workers. Its metadata database is
 * `superset` on the stack's PostgreSQL. Not part of a plain `stack up`:
 * `scout stack up superset` starts it.
 */
export const superset: ManagedService = {
  name: 'superset',
  portEnv: 'SCOUT_SUPERSET_PORT',
  ports: ({ superset: s }) => [s.port],
  url: ({ superset: s }) => s.url,
  // Two workers each load Superset: about 20 s on 2 busy cores.
  startTimeoutMs: 180_000,
  healthy: async ({ superset: s }) =>
    (await httpGet(`${s.url}/health`))?.status === 200,
  native: true,
  // What would refuse the start is checked before the venv, which takes
  // minutes on a machine's first run: production secrets, then PostgreSQL
  // (a `stack up` has started its own by now when it was asked for).
  async fetch(ctx) {
    refuseDevSecretsInProduction(ctx.env);
    const { port } = ctx.settings.postgres;
    if (!(await portAnswers(port))) {
      throw new Error(
        `superset: nothing answers on 127.0.0.1:${port}, the PostgreSQL that holds its metadata database; start it too ("scout stack up postgres superset") or set SCOUT_PG_PORT to a running server's port`,
      );
    }
    const venv = await ensureSupersetVenv(repositoryRoot(), ctx.env, ctx.log);
    return venvBin(venv, 'gunicorn');
  },
  marker: paths => supersetArgs(paths)[0],
  async prepare(ctx) {
    const { paths, settings } = ctx;
    const dir = stateDir(paths);
    await mkdir(join(dir, 'data'), { recursive: true, mode: 0o700 });
    const written = await renderTree(
      join(paths.templates, 'superset'),
      dir,
      supersetTemplateVars(settings.superset),
    );
    // The config holds the secrets.
    for (const file of written) await chmod(file, 0o600);
    await ensureInitialised(ctx, supersetVenv(ctx.env));
    return supersetArgs(paths);
  },
};
