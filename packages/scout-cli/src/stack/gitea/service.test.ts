import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { stackPaths } from '../paths.ts';
import { renderTree } from '../template.ts';
import { giteaArgs, giteaTemplateVars } from './service.ts';
import type { GiteaSettings } from './settings.ts';

const root = resolve(__dirname, '../../../../..');
const SETTINGS: GiteaSettings = {
  host: '127.0.0.1:3400',
  port: 3400,
  url: 'http://127.0.0.1:3400',
  admin: { username: 'scout-admin', password: 'unused-here' },
  organization: 'scout',
};

/** app.ini as `section.KEY` -> value (the root section's keys bare). */
function parseIni(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  let section = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith(';') || line.startsWith('#')) continue;
    const header = line.match(/^\[(.+)\]$/);
    if (header) {
      section = `${header[1]}.`;
      continue;
    }
    const at = line.indexOf('=');
    out[`${section}${line.slice(0, at).trim()}`] = line.slice(at + 1).trim();
  }
  return out;
}

describe("platform-manifests/config/gitea's app.ini", () => {
  let out: string;
  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'scout-gitea-'));
  });
  afterAll(() => rm(out, { recursive: true, force: true }));

  const render = async (uid: number) => {
    const paths = stackPaths('/repo');
    const vars = giteaTemplateVars(
      paths,
      SETTINGS,
      '/gomod/gitea@v1.26.0',
      uid,
    );
    const [file] = await renderTree(
      join(root, 'platform-manifests', 'config', 'gitea'),
      join(out, String(uid)),
      vars,
    );
    return parseIni(await readFile(file, 'utf8'));
  };

  it('renders a locked, loopback-only SQLite Gitea under .scout/stack/gitea', async () => {
    const ini = await render(1000);
    expect(ini).toMatchObject({
      WORK_PATH: '/repo/.scout/stack/gitea',
      I_AM_BEING_UNSAFE_RUNNING_AS_ROOT: 'false',
      'server.HTTP_ADDR': '127.0.0.1',
      'server.HTTP_PORT': '3400',
      // The integration's baseUrl: Gitea's links match the reader's host.
      'server.ROOT_URL': 'http://127.0.0.1:3400/',
      'server.STATIC_ROOT_PATH': '/gomod/gitea@v1.26.0',
      'server.OFFLINE_MODE': 'true',
      'server.DISABLE_SSH': 'true',
      'database.DB_TYPE': 'sqlite3',
      'database.PATH': '/repo/.scout/stack/gitea/data/gitea.db',
      'security.INSTALL_LOCK': 'true',
      'security.SECRET_KEY_URI':
        'file:/repo/.scout/stack/gitea/secrets/secret_key',
      'service.DISABLE_REGISTRATION': 'true',
      'mailer.ENABLED': 'false',
      'queue.push_update.TYPE': 'immediate',
    });
    // No secret in the file: Gitea would otherwise write generated ones back.
    expect(Object.keys(ini).filter(k => /(SECRET|TOKEN)$/.test(k))).toEqual([]);
  });

  it('runs as root only when the stack does', async () => {
    expect((await render(0)).I_AM_BEING_UNSAFE_RUNNING_AS_ROOT).toBe('true');
  });

  it('points the CLI and the server at the same config, which marks the process', () => {
    expect(giteaArgs(stackPaths('/repo'))).toEqual([
      '--config=/repo/.scout/stack/gitea/app.ini',
      '--work-path=/repo/.scout/stack/gitea',
    ]);
  });
});
