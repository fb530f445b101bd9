// The real Superset, started and stopped by `scout stack`, in a scratch
// checkout with a PostgreSQL of its own. Not part of scripts/test.sh (CI
// runs no Superset); by hand, once `./scripts/yarn scout stack up superset`
// has made the venv:
//   node --require @backstage/cli/config/nodeTransform.cjs --test \
//     packages/scout-cli/src/stack/superset/superset.lifecycle.ts
// It skips, saying why, while Superset's venv is not installed.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import { promisify } from 'node:util';
import { repoRoot } from '../../bench/backend.ts';
import { isRunning } from '../../processTree.ts';
import { createScratchRoot, freePort } from '../../testing/scratchRoot.ts';
import { readPidFile } from '../pidFile.ts';
import { stackPaths } from '../paths.ts';
import { SUPERSET_DEV_DEFAULTS } from '@internal/backstage-plugin-scout-node';
import { requirementsHash, supersetSourceDir, supersetVenv } from './venv.ts';

const run = promisify(execFile);

/** Why the test cannot run here, if it cannot: the venv is not installed. */
function skipReason(): string | undefined {
  const stamp = join(supersetVenv(), '.scout-requirements-stamp');
  const requirements = readFileSync(
    join(supersetSourceDir(repoRoot), 'requirements.txt'),
    'utf8',
  );
  if (
    !existsSync(stamp) ||
    readFileSync(stamp, 'utf8').trim() !== requirementsHash(requirements)
  ) {
    return `the Superset venv (${supersetVenv()}) is not installed: ./scripts/yarn scout stack up superset makes it`;
  }
  return undefined;
}

test(
  'stack up superset starts an embeddable Superset; down stops it; a second up skips the initialisation',
  { skip: skipReason(), timeout: 15 * 60_000 },
  async () => {
    const scratch = await createScratchRoot(repoRoot);
    const port = await freePort();
    const env = {
      ...process.env,
      ...scratch.env,
      SCOUT_SUPERSET_PORT: String(port),
    };
    const scout = (...args: string[]) =>
      run(join(repoRoot, 'scripts/yarn'), ['scout', 'stack', ...args], {
        cwd: repoRoot,
        env,
        maxBuffer: 2 ** 24,
      });
    const pidOf = async () =>
      (await readPidFile(join(stackPaths(scratch.root).state, 'pids.json')))
        .services.superset?.pid;
    const url = `http://127.0.0.1:${port}`;
    try {
      const first = await scout('up', 'postgres', 'superset');
      assert.match(first.stderr, /superset: initialising database superset/);
      assert.match(first.stdout, /superset\s+up/);

      const health = await fetch(`${url}/health`);
      assert.equal(health.status, 200);
      const login = await fetch(`${url}/login/`);
      const csp = login.headers.get('content-security-policy') ?? '';
      assert.match(
        csp,
        /frame-ancestors 'self' http:\/\/localhost:3000 http:\/\/localhost:7007/,
      );
      assert.equal(login.headers.get('x-frame-options'), null);

      // The service account signs in; a guest token for a dashboard that
      // does not exist is refused as such, not for want of a right (401,
      // 403) or of the CSRF token.
      const signIn = await fetch(`${url}/api/v1/security/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          username: SUPERSET_DEV_DEFAULTS.username,
          password: SUPERSET_DEV_DEFAULTS.password,
          provider: 'db',
        }),
      });
      assert.equal(signIn.status, 200);
      const { access_token: token } = (await signIn.json()) as {
        access_token: string;
      };
      const csrf = await fetch(`${url}/api/v1/security/csrf_token/`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const { result } = (await csrf.json()) as { result: string };
      const guest = await fetch(`${url}/api/v1/security/guest_token/`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'x-csrftoken': result,
          cookie: (csrf.headers.get('set-cookie') ?? '').split(';')[0],
          referer: url,
        },
        body: JSON.stringify({
          user: { username: 'portal-guest' },
          resources: [
            { type: 'dashboard', id: '00000000-0000-0000-0000-000000000000' },
          ],
          rls: [],
        }),
      });
      // Superset answers 400 for a dashboard it does not know.
      assert.equal(guest.status, 400);
      assert.match(await guest.text(), /EmbeddedDashboard not found/);

      const pid = await pidOf();
      assert.ok(pid && isRunning(pid));
      await scout('down', 'superset');
      assert.equal(await pidOf(), undefined);
      assert.equal(isRunning(pid), false);
      assert.equal(
        await fetch(`${url}/health`).catch(() => undefined),
        undefined,
      );

      const second = await scout('up', 'superset');
      assert.doesNotMatch(second.stderr, /initialising/);
      assert.match(second.stdout, /superset\s+up/);
    } finally {
      await scout('down').catch(() => undefined);
      await scratch.dispose();
    }
  },
);
