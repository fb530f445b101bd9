import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { GiteaSettings } from './settings.ts';

const run = promisify(execFile);

/** How to run the stack's `gitea` CLI against its instance. */
export type GiteaCli = {
  /** The binary, built if need be. */
  binary: () => Promise<string>;
  /** --config and --work-path of the running instance. */
  args: string[];
  cwd: string;
  log: (line: string) => void;
};

/**
 * A REST call as the integration's user (or `anonymous`: Gitea refuses a
 * wrong password even where no sign-in is needed); the status and body.
 */
async function api(
  settings: GiteaSettings,
  path: string,
  options: { method?: 'GET' | 'POST'; body?: object; anonymous?: boolean } = {},
): Promise<{ status: number; json: unknown }> {
  const { username, password } = settings.admin;
  const basic = Buffer.from(`${username}:${password}`).toString('base64');
  const response = await fetch(`${settings.url}/api/v1${path}`, {
    method: options.method ?? 'GET',
    headers: {
      ...(options.anonymous ? {} : { authorization: `Basic ${basic}` }),
      ...(options.body ? { 'content-type': 'application/json' } : {}),
    },
    body: options.body ? JSON.stringify(options.body) : undefined,
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  let json: unknown = text;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON: kept as text for the error message
  }
  return { status: response.status, json };
}

/** Runs `gitea <args>` on the stack's instance; errors without the password. */
async function runGitea(cli: GiteaCli, args: string[]) {
  const binary = await cli.binary();
  try {
    await run(binary, [...args, ...cli.args], { cwd: cli.cwd });
  } catch (error) {
    const e = error as { stderr?: string; code?: number | string };
    // The password is an argument: say the command and its output, not the
    // error's message, which repeats the whole command line.
    const output = (e.stderr ?? '').trim().split('\n').slice(-3).join('\n');
    throw new Error(
      `gitea ${args.slice(0, 3).join(' ')} failed (${e.code}): ${
        output || 'no output'
      }`,
    );
  }
}

/**
 * Makes sure the integration's user is a Gitea admin with the integration's
 * password (creating it, or setting its password, with Gitea's CLI: only an
 * admin could through the API), then that the organization templates
 * publish to exists (REST, as that user). Idempotent: a running, complete
 * Gitea costs two requests.
 */
export async function ensureGiteaAccounts(
  settings: GiteaSettings,
  cli: GiteaCli,
): Promise<void> {
  const { username, password } = settings.admin;
  let me = await api(settings, '/user');
  if (me.status === 401) {
    const exists =
      (
        await api(settings, `/users/${encodeURIComponent(username)}`, {
          anonymous: true,
        })
      ).status === 200;
    const account = exists
      ? ['change-password', '--username', username]
      : [
          'create',
          '--admin',
          '--username',
          username,
          '--email',
          `${username}@localhost`,
        ];
    await runGitea(cli, [
      'admin',
      'user',
      ...account,
      '--password',
      password,
      '--must-change-password=false',
    ]);
    cli.log(
      `gitea: ${exists ? 'set the password of' : 'created'} admin ${username}`,
    );
    me = await api(settings, '/user');
  }
  if (me.status !== 200) {
    throw new Error(
      `gitea: ${username} cannot sign in to ${settings.url} (HTTP ${me.status})`,
    );
  }
  if ((me.json as { is_admin?: boolean }).is_admin !== true) {
    throw new Error(
      `gitea: ${username} is not an admin; make it one or set another integrations.gitea username`,
    );
  }
  const org = `/orgs/${encodeURIComponent(settings.organization)}`;
  if ((await api(settings, org)).status === 200) return;
  const created = await api(settings, '/orgs', {
    method: 'POST',
    body: { username: settings.organization, visibility: 'public' },
  });
  if (created.status !== 201) {
    throw new Error(
      `gitea: could not create the organization ${
        settings.organization
      } (HTTP ${created.status}): ${JSON.stringify(created.json)}`,
    );
  }
  cli.log(`gitea: created organization ${settings.organization}`);
}
