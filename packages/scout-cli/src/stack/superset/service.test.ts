import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseStackArgs } from '../args.ts';
import { stackPaths } from '../paths.ts';
import { DEFAULT_SERVICES, type StackContext } from '../services.ts';
import { renderTree } from '../template.ts';
import {
  initFingerprint,
  superset,
  supersetArgs,
  supersetTemplateVars,
} from './service.ts';
import { supersetSettings } from './settings.ts';
import { ensureSupersetVenv } from './venv.ts';

// The venv takes minutes to make: the refusals below must come before it.
jest.mock('./venv.ts', () => ({
  ...jest.requireActual('./venv.ts'),
  ensureSupersetVenv: jest.fn(),
}));

const root = resolve(__dirname, '../../../../..');
const SETTINGS = supersetSettings(
  {
    SCOUT_SUPERSET_PORT: '8188',
    SCOUT_SUPERSET_SECRET_KEY: 'secret-key-for-tests',
    SCOUT_SUPERSET_GUEST_TOKEN_SECRET: 'guest-token-secret-for-tests',
  },
  {
    appBaseUrl: 'http://localhost:3000',
    backendBaseUrl: 'http://localhost:7007',
  },
  { port: 54341, user: 'postgres' },
);

/** The plain values a Python config file defines, as Python itself evaluates them. */
function pythonSettings(file: string): Record<string, unknown> {
  const script = [
    'import json, runpy, sys',
    'g = runpy.run_path(sys.argv[1])',
    'plain = (str, int, float, bool, list, dict, type(None))',
    'print(json.dumps({k: v for k, v in g.items()',
    '  if not k.startswith("_") and isinstance(v, plain)}))',
  ].join('\n');
  return JSON.parse(
    execFileSync(process.env.SCOUT_PYTHON || 'python3', ['-c', script, file], {
      encoding: 'utf8',
    }),
  );
}

describe('platform-manifests/config/superset', () => {
  let out: string;
  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'scout-superset-'));
  });
  afterAll(() => rm(out, { recursive: true, force: true }));

  const render = async (name: string, settings = SETTINGS) => {
    const dir = join(out, name);
    await renderTree(
      join(root, 'platform-manifests', 'config', 'superset'),
      dir,
      supersetTemplateVars(settings),
    );
    return dir;
  };

  it("renders a superset_config.py that embeds in the portal's pages only", async () => {
    const dir = await render('embed');
    const config = pythonSettings(join(dir, 'superset_config.py'));
    expect(config).toMatchObject({
      SQLALCHEMY_DATABASE_URI:
        'postgresql+psycopg2://postgres@127.0.0.1:54341/superset',
      SECRET_KEY: 'secret-key-for-tests',
      GUEST_TOKEN_JWT_SECRET: 'guest-token-secret-for-tests',
      FEATURE_FLAGS: { EMBEDDED_SUPERSET: true },
      // Not Public: Superset's empty default shows an embedded dashboard nothing.
      GUEST_ROLE_NAME: 'ScoutGuest',
      TALISMAN_ENABLED: true,
      ENABLE_CORS: true,
      SUPERSET_WEBSERVER_PORT: 8188,
      DATA_DIR: join(dir, 'data'),
    });
    const talisman = config.TALISMAN_CONFIG as {
      content_security_policy: Record<string, unknown>;
      frame_options: unknown;
    };
    const csp = talisman.content_security_policy;
    expect(csp['frame-ancestors']).toEqual([
      "'self'",
      'http://localhost:3000',
      'http://localhost:7007',
    ]);
    // CSP's frame-ancestors, not X-Frame-Options: SAMEORIGIN, decides.
    expect(talisman.frame_options).toBeNull();
    expect(config.CORS_OPTIONS).toMatchObject({
      origins: ['http://localhost:3000', 'http://localhost:7007'],
      supports_credentials: true,
    });
  });

  it('needs no Redis: caches in process or on disk beside the config (shared by the workers), rate limits in memory', async () => {
    const dir = await render('caches');
    const config = pythonSettings(join(dir, 'superset_config.py'));
    expect(config.CACHE_CONFIG).toMatchObject({ CACHE_TYPE: 'SimpleCache' });
    expect(config.DATA_CACHE_CONFIG).toMatchObject({
      CACHE_TYPE: 'FileSystemCache',
      CACHE_DIR: join(dir, 'data', 'chart-cache'),
    });
    expect(config.RATELIMIT_STORAGE_URI).toBe('memory://');
    const code = (await readFile(join(dir, 'superset_config.py'), 'utf8'))
      .split('\n')
      .filter(line => !line.trimStart().startsWith('#'));
    expect(code.filter(line => /redis|celery/i.test(line))).toEqual([]);
  });

  it('keeps secrets with quotes and backslashes intact', async () => {
    const secret = `it's a "secret" \\ with ${'$'}{braces} and é`;
    const dir = await render(
      'quoting',
      supersetSettings(
        { SCOUT_SUPERSET_SECRET_KEY: secret },
        {
          appBaseUrl: 'http://localhost:3000',
          backendBaseUrl: 'http://localhost:7007',
        },
        { port: 54329, user: 'postgres' },
      ),
    );
    expect(pythonSettings(join(dir, 'superset_config.py')).SECRET_KEY).toBe(
      secret,
    );
  });

  it('runs gunicorn on loopback with two workers and this config', async () => {
    const dir = await render('gunicorn');
    expect(pythonSettings(join(dir, 'gunicorn.conf.py'))).toMatchObject({
      bind: '127.0.0.1:8188',
      workers: 2,
      keepalive: 75,
      wsgi_app: 'superset.app:create_app()',
      raw_env: [
        `SUPERSET_CONFIG_PATH=${join(dir, 'superset_config.py')}`,
        `SUPERSET_HOME=${join(dir, 'data')}`,
      ],
    });
    expect(supersetArgs(stackPaths('/repo'))).toEqual([
      '--config=/repo/.scout/stack/superset/gunicorn.conf.py',
    ]);
  });

  it('initialises again when the requirements, database or account change', () => {
    const base = initFingerprint('apache-superset==6.1.0', SETTINGS);
    expect(initFingerprint('apache-superset==6.1.0', SETTINGS)).toBe(base);
    expect(initFingerprint('apache-superset==6.1.1', SETTINGS)).not.toBe(base);
    expect(
      initFingerprint('apache-superset==6.1.0', {
        ...SETTINGS,
        admin: { ...SETTINGS.admin, password: 'another' },
      }),
    ).not.toBe(base);
    expect(
      initFingerprint('apache-superset==6.1.0', {
        ...SETTINGS,
        database: { ...SETTINGS.database, url: 'postgresql://elsewhere/x' },
      }),
    ).not.toBe(base);
  });

  it('is started by name only, never by a plain `stack up`', () => {
    expect(DEFAULT_SERVICES).not.toContain('superset');
    expect(DEFAULT_SERVICES).toEqual(
      expect.arrayContaining(['postgres', 'trino', 'gitea']),
    );
    expect(parseStackArgs(['up', 'superset']).services).toEqual(['superset']);
  });
});

describe('starting Superset', () => {
  /** A loopback port that nothing answers on. */
  const freePort = () =>
    new Promise<number>(done => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => done(port));
      });
    });
  const context = (port: number, env: Record<string, string> = {}) =>
    ({
      env,
      settings: { postgres: { port } },
      log: () => {},
    } as unknown as StackContext);

  beforeEach(() => jest.mocked(ensureSupersetVenv).mockClear());

  it('refuses before making its venv when no PostgreSQL answers, and names the command that starts one', async () => {
    const port = await freePort();
    await expect(superset.fetch(context(port))).rejects.toThrow(
      `nothing answers on 127.0.0.1:${port}, the PostgreSQL that holds its metadata database; start it too ("scout stack up postgres superset")`,
    );
    expect(ensureSupersetVenv).not.toHaveBeenCalled();
  });

  it('refuses before making its venv when production would run on development secrets', async () => {
    await expect(
      superset.fetch(context(await freePort(), { NODE_ENV: 'production' })),
    ).rejects.toThrow(/^Refusing to start Superset in production/);
    expect(ensureSupersetVenv).not.toHaveBeenCalled();
  });
});
