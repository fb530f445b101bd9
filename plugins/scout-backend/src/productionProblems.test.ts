import { mockServices } from '@backstage/backend-test-utils';
import { JsonObject } from '@backstage/types';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  assertProductionProfile,
  productionProblems,
} from './productionProfile';

// The rules one by one, on config data (productionProfile.test.ts starts the
// plugin on the real config files).
const ORIGIN = 'https://portal.example.test';
const SPECS = resolve(
  __dirname,
  '../../../platform-manifests/observability/slos',
);

function safe() {
  return {
    app: { baseUrl: ORIGIN },
    auth: { session: { secret: 's'.repeat(32) } as { secret?: string } },
    backend: {
      database: { client: 'pg', connection: { host: 'db.example.test' } },
      auth: {
        externalAccess: [
          {
            type: 'static',
            options: { token: 't'.repeat(32), subject: 'prometheus-scraper' },
            accessRestrictions: [{ plugin: 'scout' }, { plugin: 'lakehouse' }],
          },
          {
            type: 'static',
            options: { token: 'l'.repeat(32), subject: 'lineage-producer' },
            accessRestrictions: [{ plugin: 'lineage' }],
          },
          {
            type: 'static',
            options: { token: 'a'.repeat(32), subject: 'alertmanager' },
            accessRestrictions: [{ plugin: 'slo' }],
          },
        ],
      },
      cors: { origin: ORIGIN },
      csp: {
        'connect-src': ["'self'", ORIGIN],
        'font-src': ["'self'", 'data:'],
        'style-src': ["'self'", "'unsafe-inline'"],
      },
    },
    scout: {
      database: { url: 'postgres://db.example.test/scout' },
      demo: { enabled: false },
      functions: { jwtSecret: 'k'.repeat(32) } as JsonObject,
      templates: { publish: 'gitea' } as { publish?: string },
    },
    slo: { specsDir: SPECS } as { specsDir?: string },
  };
}

type Data = ReturnType<typeof safe>;
const problems = (change: (data: Data) => void) => {
  const data = safe();
  change(data);
  return productionProblems(mockServices.rootConfig({ data }));
};

describe('productionProblems', () => {
  it('accepts a safe config, with a secret or with a JWKS URL', () => {
    expect(problems(() => {})).toEqual([]);
    expect(
      problems(d => {
        d.scout.functions = { jwksUrl: 'https://idp.example.test/jwks' };
      }),
    ).toEqual([]);
  });

  it('counts the secret in UTF-8 bytes', () => {
    const secret = (value: string) =>
      problems(d => {
        d.scout.functions.jwtSecret = value;
      });
    expect(secret('é'.repeat(16))).toEqual([]);
    expect(secret(`${'é'.repeat(15)}x`)).toEqual([
      'scout.functions.jwtSecret: is shorter than 32 bytes, too short for HS256',
    ]);
  });

  it.each([
    ['http://[::1]:3000', 'is a loopback origin'],
    ['https://portal.localhost', 'is a loopback origin'],
    ['http://0.0.0.0:7007', 'is a loopback origin'],
    ['https://*.example.test', 'is a wildcard'],
    ['https://portal.example.{test,dev}', 'is a wildcard'],
    [`${ORIGIN}/`, 'is not an origin (scheme://host[:port])'],
  ])('refuses the CORS origin %s', (origin, problem) => {
    expect(
      problems(d => {
        d.backend.cors.origin = [ORIGIN, origin] as unknown as string;
      }),
    ).toEqual([`backend.cors.origin: ${origin} ${problem}`]);
  });

  it.each([
    ['*.example.test', 'is a wildcard'],
    ['wss:', 'allows every origin of that scheme'],
    ['http://localhost:7007', 'is a loopback origin'],
    ['127.0.0.1:7007', 'is a loopback origin'],
  ])('refuses the CSP source %s', (source, problem) => {
    expect(
      problems(d => {
        d.backend.csp['connect-src'].push(source);
      }),
    ).toEqual([`backend.csp.connect-src: ${source} ${problem}`]);
  });

  it('accepts keywords, data: and blob:, and needs font-src and style-src named', () => {
    expect(
      problems(d => {
        d.backend.csp['connect-src'].push("'none'", 'data:', 'blob:');
        (d.backend.csp as JsonObject)['upgrade-insecure-requests'] = false;
      }),
    ).toEqual([]);
    expect(
      problems(d => {
        d.backend.csp = { 'connect-src': ["'self'"] } as Data['backend']['csp'];
      }),
    ).toEqual([
      "backend.csp.font-src: not set, so Backstage's default allows every https: origin",
      "backend.csp.style-src: not set, so Backstage's default allows every https: origin",
    ]);
  });

  it('checks the functions origins, or app.baseUrl when they are unset', () => {
    expect(
      problems(d => {
        d.scout.functions.allowedOrigins = ['*'];
      }),
    ).toEqual(['scout.functions.allowedOrigins: * is a wildcard']);
    expect(
      problems(d => {
        d.app.baseUrl = 'http://localhost:3000/portal';
        d.backend.cors.origin = ORIGIN;
      }),
    ).toEqual([
      'scout.functions.allowedOrigins: http://localhost:3000 is a loopback origin',
    ]);
  });

  it('needs the scraper token long, and limited to the scout and lakehouse plugins', () => {
    const [entry, lineage, alerts] = safe().backend.auth.externalAccess;
    const key = 'backend.auth.externalAccess[0]';
    expect(
      problems(d => {
        d.backend.auth.externalAccess = [
          { ...entry, options: { ...entry.options, token: 'short-token' } },
          lineage,
          alerts,
        ];
      }),
    ).toEqual([`${key}.options.token: is shorter than 32 characters`]);
    for (const accessRestrictions of [[], [{ plugin: 'catalog' }]]) {
      expect(
        problems(d => {
          d.backend.auth.externalAccess = [
            { ...entry, accessRestrictions },
            lineage,
            alerts,
          ];
        }),
      ).toEqual([
        `${key}.accessRestrictions: must limit prometheus-scraper to the scout and lakehouse plugins`,
      ]);
    }
    expect(
      problems(d => {
        d.backend.auth.externalAccess = [];
      }),
    ).toEqual([
      "backend.auth.externalAccess: has no static token with subject prometheus-scraper: Prometheus needs one to read the metrics routes; has no static token with subject lineage-producer: OpenLineage producers (Trino's listener) need one to send events; has no static token with subject alertmanager: Alertmanager needs one to send SLO alerts to /api/slo/alerts",
    ]);
  });

  it('needs the lineage producer token set, not the development one, and limited to the lineage plugin', () => {
    const [entry, lineage, alerts] = safe().backend.auth.externalAccess;
    const key = 'backend.auth.externalAccess[1]';
    const withLineage = (changes: Partial<typeof lineage>) => (d: Data) => {
      d.backend.auth.externalAccess = [
        entry,
        { ...lineage, ...changes },
        alerts,
      ];
    };
    expect(
      problems(
        withLineage({
          options: { ...lineage.options, token: 'scout-dev-lineage-token' },
        }),
      ),
    ).toEqual([`${key}.options.token: is the development token`]);
    expect(
      problems(withLineage({ accessRestrictions: [{ plugin: 'catalog' }] })),
    ).toEqual([
      `${key}.accessRestrictions: must limit lineage-producer to the lineage plugin`,
    ]);
  });

  it('needs the Alertmanager token set, not the development one, and limited to the slo plugin', () => {
    const [entry, lineage, alerts] = safe().backend.auth.externalAccess;
    const key = 'backend.auth.externalAccess[2]';
    const withAlerts = (changes: Partial<typeof alerts>) => (d: Data) => {
      d.backend.auth.externalAccess = [
        entry,
        lineage,
        { ...alerts, ...changes },
      ];
    };
    expect(
      problems(
        withAlerts({
          options: { ...alerts.options, token: 'scout-dev-alerts-token' },
        }),
      ),
    ).toEqual([`${key}.options.token: is the development token`]);
    expect(
      problems(withAlerts({ options: { ...alerts.options, token: '' } })),
    ).toEqual([`${key}.options.token: not set (or empty)`]);
    expect(
      problems(withAlerts({ accessRestrictions: [{ plugin: 'scout' }] })),
    ).toEqual([
      `${key}.accessRestrictions: must limit alertmanager to the slo plugin`,
    ]);
  });
});

describe('guards switched off', () => {
  it.each([
    ['permission.enabled', { permission: { enabled: false } }],
    [
      'backend.auth.dangerouslyDisableDefaultAuthPolicy',
      { backend: { auth: { dangerouslyDisableDefaultAuthPolicy: true } } },
    ],
    [
      'auth.providers.guest.dangerouslyAllowOutsideDevelopment',
      {
        auth: {
          providers: { guest: { dangerouslyAllowOutsideDevelopment: true } },
        },
      },
    ],
  ])('refuses %s', (key, unsafe) => {
    const config = mockServices.rootConfig({ data: safe() as JsonObject });
    const withUnsafe = mockServices.rootConfig({
      data: { ...(safe() as JsonObject), ...(unsafe as JsonObject) },
    });
    expect(productionProblems(config)).toEqual([]);
    // The safe config's backend block is replaced: only the guard is asked about.
    expect(
      productionProblems(withUnsafe).filter(line => line.startsWith(key)),
    ).toEqual([expect.stringMatching(new RegExp(`^${key}: must not be`))]);
  });
});

describe('auth.session.secret', () => {
  const session = (secret?: string) =>
    problems(d => {
      d.auth.session = { secret };
    });

  it('needs a session secret of its own for OIDC sign-in', () => {
    expect(session()).toEqual([
      'auth.session.secret: not set (or empty): OIDC sign-in needs it',
    ]);
    expect(session('scout-dev-session-secret')).toEqual([
      'auth.session.secret: is the development secret, which is public',
    ]);
    expect(session('short')).toEqual([
      'auth.session.secret: is shorter than 32 bytes',
    ]);
  });
});

describe('lakehouse addresses', () => {
  it("refuses the local stack's loopback hosts, JDBC included", () => {
    const lakehouse = {
      trino: { url: 'http://127.0.0.1:8080' },
      nessie: { url: 'http://nessie.data.svc:19120/api/v2' },
      s3: { endpoint: 'http://localhost:9000' },
      postgres: { jdbcUrl: 'jdbc:postgresql://127.0.0.1:54329/scout' },
    };
    const config = mockServices.rootConfig({
      data: { ...safe(), scout: { ...safe().scout, lakehouse } } as JsonObject,
    });
    expect(productionProblems(config).map(line => line.split(':')[0])).toEqual([
      'scout.lakehouse.trino.url',
      'scout.lakehouse.s3.endpoint',
      'scout.lakehouse.postgres.jdbcUrl',
    ]);
  });
});

describe('integrations.gitea', () => {
  const gitea = (password: string) =>
    productionProblems(
      mockServices.rootConfig({
        data: {
          ...safe(),
          integrations: {
            gitea: [
              {
                host: 'git.example.test',
                baseUrl: 'https://git.example.test',
                username: 'portal',
                password: 'p'.repeat(32),
              },
              { host: 'git2.example.test', username: 'portal', password },
            ],
          },
        } as JsonObject,
      }),
    );

  it("refuses the local stack's development password, naming the entry", () => {
    expect(gitea('g'.repeat(32))).toEqual([]);
    expect(gitea('scout-dev-gitea-password')).toEqual([
      "integrations.gitea[1].password: is the local stack's development password",
    ]);
  });
});

describe('scout.templates.publish', () => {
  it.each([undefined, 'auto', 'local'])(
    'refuses %s: production publishes to Gitea only',
    publish => {
      expect(
        problems(data => {
          data.scout.templates.publish = publish;
        }),
      ).toEqual([
        'scout.templates.publish: must be gitea: templates publish for review to Gitea only, never to the local Git',
      ]);
    },
  );
});

describe('backend.database', () => {
  it('needs PostgreSQL with a host', () => {
    const database = (value: object) =>
      productionProblems(
        mockServices.rootConfig({
          data: {
            ...safe(),
            backend: { ...safe().backend, database: value },
          } as JsonObject,
        }),
      );
    expect(
      database({ client: 'better-sqlite3', connection: ':memory:' }),
    ).toEqual([
      'backend.database.client: is better-sqlite3: the portal keeps its own state in PostgreSQL (pg) in production',
    ]);
    expect(database({ client: 'pg', connection: { port: 5432 } })).toEqual([
      'backend.database.connection.host: not set (or empty): the PostgreSQL server of the portal database',
    ]);
    expect(
      database({ client: 'pg', connection: 'postgres://db.example.test/b' }),
    ).toEqual([]);
  });
});

describe('slo.specsDir', () => {
  const specsDir = (dir?: string) =>
    problems(d => {
      d.slo.specsDir = dir;
    });
  let empty: string;
  beforeAll(() => {
    empty = mkdtempSync(join(tmpdir(), 'slo-specs-'));
    writeFileSync(join(empty, 'README.md'), 'no specs here');
  });
  afterAll(() => rmSync(empty, { recursive: true, force: true }));

  it('needs a folder that holds SLO specs: without them no SLO alerts', () => {
    expect(specsDir(SPECS)).toEqual([]);
    expect(specsDir()).toEqual([
      'slo.specsDir: not set (or empty): the folder of OpenSLO specs; without it there are no SLOs and no alerts',
    ]);
    expect(specsDir('')).toEqual([
      expect.stringMatching(/^slo\.specsDir: not set/),
    ]);
    expect(specsDir(join(empty, 'missing'))).toEqual([
      `slo.specsDir: ${join(empty, 'missing')} does not exist`,
    ]);
    expect(specsDir(join(empty, 'README.md'))).toEqual([
      `slo.specsDir: ${join(
        empty,
        'README.md',
      )} cannot be read as a folder (ENOTDIR)`,
    ]);
    expect(specsDir(empty)).toEqual([
      `slo.specsDir: ${empty} holds no SLO specs (*.yaml)`,
    ]);
  });
});

describe('assertProductionProfile', () => {
  const empty = mockServices.rootConfig({ data: { app: { baseUrl: ORIGIN } } });

  it('checks only under NODE_ENV=production', () => {
    expect(() =>
      assertProductionProfile(empty, { NODE_ENV: 'development' }),
    ).not.toThrow();
    expect(() =>
      assertProductionProfile(empty, { NODE_ENV: 'production' }),
    ).toThrow(
      /^Refusing to start in production \(NODE_ENV=production\); fix these settings:\n {2}scout\.functions\.jwtSecret: /,
    );
    const config = mockServices.rootConfig({ data: safe() });
    expect(() =>
      assertProductionProfile(config, { NODE_ENV: 'production' }),
    ).not.toThrow();
  });
});

describe('superset', () => {
  const superset = (value: JsonObject) =>
    productionProblems(
      mockServices.rootConfig({ data: { ...safe(), superset: value } }),
    );

  it("refuses the local stack's password and address, and a missing password", () => {
    expect(
      superset({
        baseUrl: 'https://bi.example.test',
        username: 'portal',
        password: 's'.repeat(32),
      }),
    ).toEqual([]);
    expect(
      superset({
        baseUrl: 'http://127.0.0.1:8088',
        username: 'scout-superset',
        password: 'scout-dev-superset-password',
      }),
    ).toEqual([
      "superset.password: is the local stack's development password",
      "superset.baseUrl: points at a loopback host, the local stack's address: set it to where the service runs",
    ]);
    expect(
      superset({ baseUrl: 'https://bi.example.test', username: 'portal' }),
    ).toEqual([
      "superset.password: not set (or empty): the service account's password",
    ]);
  });
});
