import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repositoryRoot } from '@internal/backstage-plugin-scout-node';
import { stackPaths, stackRoot } from '../paths.ts';
import { localStackSettings } from '../settings.ts';
import { ensureGiteaAccounts } from './accounts.ts';
import { ensureGiteaBinary } from './build.ts';
import { giteaArgs } from './service.ts';
import type { GiteaSettings } from './settings.ts';

// The stack's Gitea as `scout stack up` left it (CI starts it; by hand:
// ./scripts/yarn scout stack up gitea): its accounts, and its answer to a
// read right after a push.

// Real pushes, each with Gitea's hooks, on a shared 2-core machine.
jest.setTimeout(60_000);

const run = promisify(execFile);
const settings = localStackSettings().then(s => s.gitea);
const giteaUp = settings
  .then(g => fetch(`${g.url}/api/v1/version`))
  .then(r => r.ok)
  .catch(() => false);

async function api(
  g: GiteaSettings,
  path: string,
  method = 'GET',
  body?: object,
) {
  const { username, password } = g.admin;
  return fetch(`${g.url}/api/v1${path}`, {
    method,
    headers: {
      authorization: `Basic ${Buffer.from(`${username}:${password}`).toString(
        'base64',
      )}`,
      'content-type': 'application/json',
    },
    body: body && JSON.stringify(body),
  });
}

describe('the stack Gitea', () => {
  let gitea: GiteaSettings | undefined;
  const made: string[] = [];

  beforeAll(async () => {
    if (!(await giteaUp)) {
      const reason = `no Gitea answers at ${
        (await settings).url
      }; start it with ./scripts/yarn scout stack up gitea`;
      if (process.env.CI) throw new Error(reason);
      // eslint-disable-next-line no-console
      console.warn(`Skipping the stack Gitea tests: ${reason}`);
      return;
    }
    gitea = await settings;
  });

  afterAll(async () => {
    for (const repo of made) {
      await api(gitea!, `/repos/${gitea!.organization}/${repo}`, 'DELETE');
    }
  });

  const onGitea = (fn: (g: GiteaSettings) => Promise<void>) => async () => {
    if (gitea) await fn(gitea);
  };

  it(
    "has the integration's user as admin and the scout organization; ensuring again changes nothing",
    onGitea(async g => {
      const lines: string[] = [];
      await ensureGiteaAccounts(g, {
        binary: () => Promise.reject(new Error('the CLI is not needed')),
        args: giteaArgs(stackPaths(stackRoot())),
        cwd: tmpdir(),
        log: line => lines.push(line),
      });
      expect(lines).toEqual([]);
      const me = await (await api(g, '/user')).json();
      expect(me).toMatchObject({ login: g.admin.username, is_admin: true });
      const org = await (await api(g, `/orgs/${g.organization}`)).json();
      expect(org).toMatchObject({ username: 'scout', visibility: 'public' });
    }),
  );

  it(
    'creates a missing admin with the CLI, and sets its password when the settings change',
    onGitea(async g => {
      const username = `stack-test-${randomBytes(4).toString('hex')}`;
      const lines: string[] = [];
      const ensure = (password: string) =>
        ensureGiteaAccounts(
          { ...g, admin: { username, password } },
          {
            binary: () =>
              ensureGiteaBinary(repositoryRoot(), process.env, () => {}),
            args: giteaArgs(stackPaths(stackRoot())),
            cwd: tmpdir(),
            log: line => lines.push(line),
          },
        );
      try {
        await ensure('first-password-1234');
        await ensure('second-password-1234');
        await ensure('second-password-1234');
        expect(lines).toEqual([
          `gitea: created admin ${username}`,
          `gitea: set the password of admin ${username}`,
        ]);
      } finally {
        await api(g, `/admin/users/${username}?purge=true`, 'DELETE');
      }
    }),
  );

  it(
    'answers the contents API as soon as a push to a new repository returns',
    onGitea(async g => {
      const dir = await mkdtemp(join(tmpdir(), 'gitea-push-'));
      try {
        const git = (...args: string[]) => run('git', args, { cwd: dir });
        await git('init', '-q', '-b', 'main');
        await writeFile(join(dir, 'catalog-info.yaml'), 'kind: Component\n');
        await git('add', '.');
        await git(
          '-c',
          'user.name=t',
          '-c',
          'user.email=t@localhost',
          'commit',
          '-qm',
          'first',
        );
        // The race it guards against lasts about 100 ms: try a few.
        for (let i = 0; i < 3; i++) {
          const repo = `push-test-${randomBytes(4).toString('hex')}`;
          made.push(repo);
          const created = await api(
            g,
            `/orgs/${g.organization}/repos`,
            'POST',
            {
              name: repo,
            },
          );
          expect(created.status).toBe(201);
          const remote = new URL(`/${g.organization}/${repo}.git`, g.url);
          remote.username = g.admin.username;
          remote.password = g.admin.password;
          await git('push', '-q', remote.href, 'main');
          const read = await api(
            g,
            `/repos/${g.organization}/${repo}/contents/catalog-info.yaml?ref=main`,
          );
          expect(read.status).toBe(200);
          const { content } = await read.json();
          expect(Buffer.from(content, 'base64').toString()).toBe(
            'kind: Component\n',
          );
        }
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }),
  );
});
