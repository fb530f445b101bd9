import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import {
  ConfigSources,
  EnvConfigSource,
  FileConfigSource,
} from '@backstage/config-loader';
import { JsonValue } from '@backstage/types';
import { DEV_JWT_SECRET } from '@internal/backstage-plugin-scout-node';
import { testDatabases } from '@internal/backstage-plugin-scout-node/testing';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import request from 'supertest';
import { scoutPlugin } from './plugin';
import { productionProblems } from './productionProfile';

// The backend image's config, app-config.yaml under app-config.production.yaml,
// read the way the backend reads it (`${VAR}` from the environment, then
// APP_CONFIG_* overrides), with the scout plugin started under
// NODE_ENV=production: once with a complete safe environment, then once per
// missing or unsafe setting.
type Env = Record<string, string | undefined>;

const ROOT = resolve(__dirname, '../../..');
const FILES = ['app-config.yaml', 'app-config.production.yaml'];
const TOKEN = 'backend.auth.externalAccess.0.options.token';
const ALERTS_TOKEN = 'backend.auth.externalAccess.2.options.token';
const [postgres] = testDatabases().filter(d => d.kind === 'postgres');
// The backend's own database, which Backstage's auth keeps its keys in.
const backendDatabases = TestDatabases.create({ ids: ['SQLITE_3'] });
const secret = () => randomBytes(32).toString('hex');
const SPECS = join(ROOT, 'platform-manifests/observability/slos');

async function loadConfig(env: Env, files = FILES) {
  const config = await ConfigSources.toConfig(
    ConfigSources.merge([
      ...files.map(file =>
        FileConfigSource.create({
          path: join(ROOT, file),
          watch: false,
          substitutionFunc: async name => env[name],
        }),
      ),
      EnvConfigSource.create({ env }),
    ]),
  );
  config.close();
  return config;
}

/**
 * Every `${VAR}` the production config reads, with the paths (dots, array
 * indexes as numbers) it feeds: the file loaded with each `${NAME}` left in
 * place.
 */
async function placeholders(): Promise<Map<string, string[]>> {
  const config = await loadConfig(
    new Proxy({}, { get: (_, name) => `\${${String(name)}}` }),
    FILES.slice(-1),
  );
  const found = new Map<string, string[]>();
  const walk = (value: JsonValue | undefined, path: string[]) => {
    if (typeof value === 'string') {
      for (const [, name] of value.matchAll(/\$\{(\w+)\}/g)) {
        found.set(name, [...(found.get(name) ?? []), path.join('.')]);
      }
    } else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value))
        walk(item, [...path, key]);
    }
  };
  walk(config.get(), []);
  return found;
}

/** A safe production value for a variable, by the keys it feeds. */
function plausible(paths: string[]): string {
  const keys = paths.map(path => path.replace(/(\.\d+)+$/, ''));
  if (keys.some(key => /jdbcUrl$/.test(key))) {
    return 'jdbc:postgresql://db.example.test:5432/scout';
  }
  if (
    keys.some(key =>
      /(url|Url|endpoint|origin|connect-src|frame-src)$/.test(key),
    )
  ) {
    return `https://h${randomBytes(4).toString('hex')}.example.test`;
  }
  if (keys.some(key => /port$/i.test(key))) return '5432';
  return secret();
}

/**
 * Starts the scout plugin on the config of `env`; `realAuth` swaps the mock
 * auth services for Backstage's, which read backend.auth.externalAccess.
 */
async function start(env: Env, options: { realAuth?: boolean } = {}) {
  const config = await loadConfig(env);
  const realAuth = options.realAuth
    ? [
        authServiceFactory,
        httpAuthServiceFactory,
        mockServices.database.factory({
          knex: await backendDatabases.init('SQLITE_3'),
        }),
      ]
    : [];
  return startTestBackend({
    features: [
      scoutPlugin,
      createServiceFactory({
        service: coreServices.rootConfig,
        deps: {},
        factory: () => config,
      }),
      ...realAuth,
    ],
  });
}

describe('the production profile', () => {
  // A backend start per case: slow on a busy machine.
  jest.setTimeout(60_000);
  const nodeEnv = process.env.NODE_ENV;
  let vars: Map<string, string[]>;
  let safe: Env;
  /**
   * `env` with `key` set (or unset): through the variable that feeds it, or
   * where the production config names none, an APP_CONFIG_* override.
   */
  const setting = (env: Env, key: string, value?: string): Env => {
    const name = [...vars].find(([, paths]) => paths.includes(key))?.[0];
    if (name) return { ...env, [name]: value };
    const override = `APP_CONFIG_${key.replace(/\./g, '_')}`;
    return { ...env, [override]: value && JSON.stringify(value) };
  };

  beforeAll(async () => {
    process.env.NODE_ENV = 'production';
    vars = await placeholders();
    safe = Object.fromEntries(
      [...vars].map(([name, paths]) => [name, plausible(paths)]),
    );
    for (const [key, value] of [
      ['app.baseUrl', 'https://portal.example.test'],
      ['backend.baseUrl', 'https://portal.example.test'],
      // Checked before anything connects; the safe case uses a real server.
      ['scout.database.url', 'postgres://scout@db.example.test/scout'],
      // A secret, not a JWKS as well.
      ['scout.functions.jwksUrl', undefined],
      // The image's ./slos: here, the checkout's specs.
      ['slo.specsDir', SPECS],
    ]) {
      safe = setting(safe, key!, value);
    }
  });

  afterAll(async () => {
    process.env.NODE_ENV = nodeEnv;
    await postgres?.cleanup();
  });

  it('finds nothing to refuse in the complete safe environment', async () => {
    expect(productionProblems(await loadConfig(safe))).toEqual([]);
  });

  (postgres ? describe : describe.skip)('on PostgreSQL', () => {
    it('starts with a complete safe environment, and serves metrics to the scraper token only', async () => {
      const token = secret();
      let env = setting(
        safe,
        'scout.database.url',
        await postgres!.createUrl(),
      );
      env = setting(env, TOKEN, token);
      // The image's dbt (/opt/dbt) is not on this machine: a bare name is
      // looked up on PATH only when a pipeline runs.
      env.APP_CONFIG_scout_pipeline_dbt_executable = '"dbt"';
      const { server } = await start(env, { realAuth: true });
      const scrape = (authorization?: string) => {
        const req = request(server).get('/api/scout/metrics');
        return authorization ? req.set('authorization', authorization) : req;
      };
      const metrics = await scrape(`Bearer ${token}`);
      expect(metrics.status).toBe(200);
      expect(metrics.text).toContain('scout_function_requests_total');
      // The SLOs' metrics: pipeline runs and gold's newest rows, HTTP requests.
      expect(metrics.text).toContain('scout_pipeline_runs_total');
      expect(metrics.text).toContain('scout_http_request_duration_seconds');
      expect((await scrape()).status).toBe(401);
      expect((await scrape(`Bearer ${secret()}`)).status).toBe(401);
      expect((await scrape(mockCredentials.user.header())).status).toBe(401);
    }, 120_000);
  });

  const unset = (key: string) => (env: Env) => setting(env, key);
  const set = (key: string, value: string) => (env: Env) =>
    setting(env, key, value);
  const override = (key: string, value: string) => (env: Env) => ({
    ...env,
    [`APP_CONFIG_${key}`]: value,
  });
  const cases: [string, (env: Env) => Env, RegExp][] = [
    [
      'no JWT secret and no JWKS URL',
      unset('scout.functions.jwtSecret'),
      /scout\.functions\.jwtSecret: not set \(or empty\), nor scout\.functions\.jwksUrl/,
    ],
    [
      'an empty JWT secret variable',
      set('scout.functions.jwtSecret', ''),
      /scout\.functions\.jwtSecret: not set/,
    ],
    [
      'an HS256 secret shorter than 32 bytes',
      set('scout.functions.jwtSecret', 'x'.repeat(31)),
      /scout\.functions\.jwtSecret: is shorter than 32 bytes/,
    ],
    [
      'the development JWT secret',
      set('scout.functions.jwtSecret', DEV_JWT_SECRET),
      /scout\.functions\.jwtSecret: is the development secret/,
    ],
    [
      'demo data enabled',
      override('scout_demo_enabled', 'true'),
      /scout\.demo\.enabled: must be false/,
    ],
    [
      'no database URL (PGlite)',
      unset('scout.database.url'),
      /scout\.database\.url: not set \(or empty\), so the scout schema would live in embedded PGlite/,
    ],
    [
      'the development S3 access key',
      set('scout.lakehouse.s3.accessKeyId', 'scout'),
      /scout\.lakehouse\.s3\.accessKeyId: is the local stack's development key/,
    ],
    [
      'the development S3 secret key',
      set('scout.lakehouse.s3.secretAccessKey', 'scout-dev-secret'),
      /scout\.lakehouse\.s3\.secretAccessKey: is the local stack's development key/,
    ],
    [
      'the development Gitea password',
      set('integrations.gitea.0.password', 'scout-dev-gitea-password'),
      /integrations\.gitea\[0\]\.password: is the local stack's development password/,
    ],
    [
      'no metrics token',
      unset(TOKEN),
      /backend\.auth\.externalAccess\[0\]\.options\.token: not set/,
    ],
    [
      'the development metrics token',
      set(TOKEN, 'scout-dev-metrics-token'),
      /backend\.auth\.externalAccess\[0\]\.options\.token: is the development token/,
    ],
    [
      'no Alertmanager token',
      unset(ALERTS_TOKEN),
      /backend\.auth\.externalAccess\[2\]\.options\.token: not set/,
    ],
    [
      'the development Alertmanager token',
      set(ALERTS_TOKEN, 'scout-dev-alerts-token'),
      /backend\.auth\.externalAccess\[2\]\.options\.token: is the development token/,
    ],
    [
      'no app origin (the development localhost shows through)',
      unset('app.baseUrl'),
      /backend\.cors\.origin: http:\/\/localhost:3000 is a loopback origin/,
    ],
    [
      'a localhost app origin',
      set('app.baseUrl', 'http://127.0.0.1:3000'),
      /scout\.functions\.allowedOrigins: http:\/\/127\.0\.0\.1:3000 is a loopback origin/,
    ],
    [
      // The image's ./slos, run from a folder without it.
      'no SLO specs where the production config names them',
      unset('slo.specsDir'),
      /slo\.specsDir: \.\/slos does not exist/,
    ],
    [
      'an SLO specs folder that does not exist',
      set('slo.specsDir', '/nonexistent/slos'),
      /slo\.specsDir: \/nonexistent\/slos does not exist/,
    ],
    [
      'a CORS wildcard',
      override('backend_cors_origin', '"*"'),
      /backend\.cors\.origin: \* is a wildcard/,
    ],
    [
      'a scheme wildcard in the CSP',
      override('backend_csp_connect-src', `["'self'", "https:"]`),
      /backend\.csp\.connect-src: https: allows every origin of that scheme/,
    ],
  ];

  it.each(cases)('refuses to start with %s', async (_, change, message) => {
    const started = start(change(safe));
    await expect(started).rejects.toThrow(message);
    await expect(started).rejects.toThrow(/NODE_ENV=production/);
  });

  // Backstage's own auth reads the token before the scout plugin starts, and
  // refuses a missing one itself, naming the same key.
  it('refuses to start without a metrics token under the real external access too', async () => {
    await expect(start(unset(TOKEN)(safe), { realAuth: true })).rejects.toThrow(
      /backend\.auth\.externalAccess\[0\]\.options\.token/,
    );
  });

  it('refuses to start without an Alertmanager token under the real external access too', async () => {
    await expect(
      start(unset(ALERTS_TOKEN)(safe), { realAuth: true }),
    ).rejects.toThrow(/backend\.auth\.externalAccess\[2\]\.options\.token/);
  });

  it('lists every problem at once, one line per key, and no secret', async () => {
    const short = 'short-secret';
    const env = [
      set('scout.functions.jwtSecret', short),
      set('scout.lakehouse.s3.secretAccessKey', 'scout-dev-secret'),
      unset('scout.database.url'),
      unset('app.baseUrl'),
      set(TOKEN, 'scout-dev-metrics-token'),
      override('scout_demo_enabled', 'true'),
    ].reduce((acc, change) => change(acc), safe);
    const error = await start(env).then(
      () => undefined,
      e => e as Error,
    );
    const [, list] = error?.message.split('fix these settings:\n') ?? [];
    const lines = list?.split('\n').filter(line => line.trim());
    expect(lines?.map(line => line.trim().split(':')[0])).toEqual([
      'scout.functions.jwtSecret',
      'scout.demo.enabled',
      'scout.database.url',
      'scout.lakehouse.s3.secretAccessKey',
      'backend.auth.externalAccess[0].options.token',
      'backend.cors.origin',
    ]);
    expect(error?.message).not.toContain(short);
    expect(error?.message).not.toContain('scout-dev-secret');
  });
});
