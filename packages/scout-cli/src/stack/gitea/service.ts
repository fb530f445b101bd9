import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { repositoryRoot } from '@internal/backstage-plugin-scout-node';
import { httpGet } from '../health.ts';
import type { StackPaths } from '../paths.ts';
import type { ManagedService, StackContext } from '../services.ts';
import { renderTree } from '../template.ts';
import { ensureGiteaAccounts } from './accounts.ts';
import { ensureGiteaBinary, giteaSources } from './build.ts';
import type { GiteaSettings } from './settings.ts';

/** Its work path (data, repositories, secrets): .scout/stack/gitea. */
const workPath = (paths: StackPaths) => join(paths.state, 'gitea');
const configFile = (paths: StackPaths) => join(workPath(paths), 'app.ini');

/**
 * The `${NAME}` values of platform-manifests/config/gitea. `uid` is the
 * stack's user: Gitea runs as root only when told to.
 */
export function giteaTemplateVars(
  paths: StackPaths,
  gitea: GiteaSettings,
  staticRoot: string,
  uid: number,
): Record<string, string> {
  return {
    BIND_HOST: '127.0.0.1',
    GITEA_PORT: String(gitea.port),
    GITEA_ROOT_URL: `${gitea.url}/`,
    GITEA_WORK_PATH: workPath(paths),
    GITEA_STATIC_ROOT: staticRoot,
    GITEA_RUN_AS_ROOT: String(uid === 0),
  };
}

/** The secrets app.ini names, made once: a new one would log everybody out. */
async function ensureSecrets(dir: string) {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  for (const name of ['secret_key', 'internal_token', 'jwt_secret']) {
    const file = join(dir, name);
    if (existsSync(file)) continue;
    await writeFile(file, randomBytes(32).toString('base64url'), {
      mode: 0o600,
    });
    await chmod(file, 0o600);
  }
}

/**
 * The arguments that point a `gitea` command at the stack's instance; the
 * config argument also marks the server's process as ours.
 */
export const giteaArgs = (paths: StackPaths) => [
  `--config=${configFile(paths)}`,
  `--work-path=${workPath(paths)}`,
];

/**
 * Gitea 1.26, built from the Go module proxy (build.ts), on SQLite under
 * .scout/stack/gitea. Once it answers, every `up` makes sure the
 * integration's user is an admin and the organization templates publish to
 * exists (accounts.ts).
 */
export const gitea: ManagedService = {
  name: 'gitea',
  portEnv: 'SCOUT_GITEA_PORT',
  ports: ({ gitea: g }) => [g.port],
  url: ({ gitea: g }) => g.url,
  // The first start creates the database: a few seconds.
  startTimeoutMs: 60_000,
  healthy: async ({ gitea: g }) =>
    (await httpGet(`${g.url}/api/v1/version`))?.status === 200,
  native: true,
  fetch: ctx => ensureGiteaBinary(repositoryRoot(), ctx.env, ctx.log),
  marker: paths => giteaArgs(paths)[0],
  async prepare(ctx) {
    const { paths, settings } = ctx;
    const vars = giteaTemplateVars(
      paths,
      settings.gitea,
      await giteaSources(repositoryRoot(), ctx.env),
      process.getuid?.() ?? -1,
    );
    await renderTree(join(paths.templates, 'gitea'), workPath(paths), vars);
    await ensureSecrets(join(workPath(paths), 'secrets'));
    return ['web', ...giteaArgs(paths)];
  },
  afterUp: (ctx: StackContext) =>
    ensureGiteaAccounts(ctx.settings.gitea, {
      binary: () => ensureGiteaBinary(repositoryRoot(), ctx.env, ctx.log),
      args: giteaArgs(ctx.paths),
      cwd: workPath(ctx.paths),
      log: ctx.log,
    }),
};
