import { localStackSettings } from '../settings.ts';
import { SUPERSET_DEV_DEFAULTS } from '@internal/backstage-plugin-scout-node';
import { refuseDevSecretsInProduction, supersetSettings } from './settings.ts';

const PORTAL = {
  appBaseUrl: 'http://localhost:3000',
  backendBaseUrl: 'http://localhost:7007',
};
const PG = { port: 54329, user: 'postgres' };

describe('the stack Superset settings', () => {
  it("default to 8088, the stack's PostgreSQL and the portal's two origins", async () => {
    expect((await localStackSettings({})).superset).toEqual({
      port: 8088,
      url: 'http://127.0.0.1:8088',
      database: {
        name: 'superset',
        url: 'postgresql+psycopg2://postgres@127.0.0.1:54329/superset',
        maintenanceUrl:
          'postgresql+psycopg2://postgres@127.0.0.1:54329/postgres',
      },
      secretKey: 'scout-dev-superset-secret-key',
      guestTokenSecret: 'scout-dev-superset-guest-token-secret',
      admin: {
        username: 'scout-superset',
        password: 'scout-dev-superset-password',
      },
      guestRole: 'ScoutGuest',
      portalOrigins: ['http://localhost:3000', 'http://localhost:7007'],
    });
  });

  it('name their development defaults as such', () => {
    for (const value of [
      SUPERSET_DEV_DEFAULTS.secretKey,
      SUPERSET_DEV_DEFAULTS.guestTokenSecret,
      SUPERSET_DEV_DEFAULTS.password,
    ]) {
      expect(value).toMatch(/^scout-dev-/);
    }
  });

  it('move with SCOUT_SUPERSET_PORT and SCOUT_PG_PORT, and take secrets from their variables', async () => {
    const { superset } = await localStackSettings({
      SCOUT_SUPERSET_PORT: '8188',
      SCOUT_PG_PORT: '54341',
      SCOUT_SUPERSET_SECRET_KEY: 's'.repeat(40),
      SCOUT_SUPERSET_GUEST_TOKEN_SECRET: 'g'.repeat(40),
      SCOUT_SUPERSET_USERNAME: 'portal',
      SCOUT_SUPERSET_PASSWORD: 'p'.repeat(32),
    });
    expect(superset).toMatchObject({
      port: 8188,
      url: 'http://127.0.0.1:8188',
      database: {
        url: 'postgresql+psycopg2://postgres@127.0.0.1:54341/superset',
      },
      secretKey: 's'.repeat(40),
      guestTokenSecret: 'g'.repeat(40),
      admin: { username: 'portal', password: 'p'.repeat(32) },
    });
  });

  it('treat empty variables as unset and refuse a port that is not one', () => {
    const s = supersetSettings(
      { SCOUT_SUPERSET_PASSWORD: ' ', SCOUT_SUPERSET_PORT: '' },
      PORTAL,
      PG,
    );
    expect(s.port).toBe(8088);
    expect(s.admin.password).toBe(SUPERSET_DEV_DEFAULTS.password);
    expect(() =>
      supersetSettings({ SCOUT_SUPERSET_PORT: 'http' }, PORTAL, PG),
    ).toThrow('SCOUT_SUPERSET_PORT');
  });

  it('let in one origin when the portal serves frontend and backend together', () => {
    const s = supersetSettings(
      {},
      {
        appBaseUrl: 'https://portal.example.test/',
        backendBaseUrl: 'https://portal.example.test',
      },
      PG,
    );
    expect(s.portalOrigins).toEqual(['https://portal.example.test']);
  });

  it("carry the database password, encoded, when PostgreSQL's connection has one", () => {
    const s = supersetSettings({}, PORTAL, {
      port: 5432,
      user: 'superset',
      password: 'p@ss word',
    });
    expect(s.database.url).toBe(
      'postgresql+psycopg2://superset:p%40ss%20word@127.0.0.1:5432/superset',
    );
  });
});

describe('Superset in production', () => {
  const secrets = {
    SCOUT_SUPERSET_SECRET_KEY: 'k'.repeat(40),
    SCOUT_SUPERSET_GUEST_TOKEN_SECRET: 'g'.repeat(40),
    SCOUT_SUPERSET_PASSWORD: 'p'.repeat(24),
  };

  it('refuses to start without its secrets, naming each variable', () => {
    expect(() =>
      refuseDevSecretsInProduction({
        NODE_ENV: 'production',
        SCOUT_SUPERSET_SECRET_KEY: 'k'.repeat(40),
        SCOUT_SUPERSET_PASSWORD: SUPERSET_DEV_DEFAULTS.password,
      }),
    ).toThrow(
      'Refusing to start Superset in production (NODE_ENV=production) on development secrets: set SCOUT_SUPERSET_GUEST_TOKEN_SECRET, SCOUT_SUPERSET_PASSWORD',
    );
  });

  it('starts with them set, and outside production on the development ones', () => {
    expect(() =>
      refuseDevSecretsInProduction({ NODE_ENV: 'production', ...secrets }),
    ).not.toThrow();
    expect(() => refuseDevSecretsInProduction({})).not.toThrow();
  });
});
