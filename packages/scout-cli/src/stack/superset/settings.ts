import { SUPERSET_DEV_DEFAULTS } from '@internal/backstage-plugin-scout-node';
import { envPort } from '../settings.ts';

/**
 * The role that embedded dashboards' guest tokens act as: `superset init`
 * leaves it out, so the stack makes it a copy of Gamma's read permissions
 * (the default, the empty Public role, shows an embedded dashboard nothing).
 */
export const SUPERSET_GUEST_ROLE = 'ScoutGuest';

/** The metadata database on the stack's PostgreSQL. */
export const SUPERSET_DATABASE = 'superset';

/** The local Superset: where it listens, its secrets and whom it lets in. */
export type SupersetSettings = {
  port: number;
  url: string;
  /** SQLAlchemy URLs of its metadata database and of the server's maintenance database (to create it). */
  database: { name: string; url: string; maintenanceUrl: string };
  /** Signs sessions and encrypts stored database passwords. */
  secretKey: string;
  /** Signs the guest tokens that embedded dashboards carry. */
  guestTokenSecret: string;
  /** The service account: a Superset admin the portal signs in as. */
  admin: { username: string; password: string };
  guestRole: string;
  /**
   * The portal's origins (app.baseUrl's and backend.baseUrl's): the only
   * pages that may frame Superset (CSP frame-ancestors) and call it
   * cross-origin (CORS).
   */
  portalOrigins: string[];
};

/** The stack's PostgreSQL as Superset reaches it. */
export type SupersetPostgres = {
  port: number;
  user: string;
  password?: string;
};

function postgresUrl(pg: SupersetPostgres, database: string): string {
  const url = new URL(`postgresql+psycopg2://127.0.0.1:${pg.port}`);
  url.username = pg.user;
  if (pg.password) url.password = pg.password;
  url.pathname = `/${database}`;
  return url.href;
}

// The variables production must set, and the development value each
// replaces.
const SECRETS = {
  SCOUT_SUPERSET_SECRET_KEY: SUPERSET_DEV_DEFAULTS.secretKey,
  SCOUT_SUPERSET_GUEST_TOKEN_SECRET: SUPERSET_DEV_DEFAULTS.guestTokenSecret,
  SCOUT_SUPERSET_PASSWORD: SUPERSET_DEV_DEFAULTS.password,
};

/**
 * Under NODE_ENV=production Superset does not start on development
 * secrets: throws naming every SCOUT_SUPERSET_* variable that is unset or
 * holds its development value.
 */
export function refuseDevSecretsInProduction(
  env: Record<string, string | undefined>,
) {
  if (env.NODE_ENV !== 'production') return;
  const missing = Object.entries(SECRETS)
    .filter(([name, dev]) => !env[name]?.trim() || env[name]?.trim() === dev)
    .map(([name]) => name);
  if (missing.length) {
    throw new Error(
      `Refusing to start Superset in production (NODE_ENV=production) on development secrets: set ${missing.join(
        ', ',
      )}`,
    );
  }
}

/**
 * Superset's settings: port from SCOUT_SUPERSET_PORT (8088); secrets and
 * the service account from SCOUT_SUPERSET_SECRET_KEY,
 * SCOUT_SUPERSET_GUEST_TOKEN_SECRET, SCOUT_SUPERSET_USERNAME and
 * SCOUT_SUPERSET_PASSWORD, each defaulting to a development value
 * (SUPERSET_DEV_DEFAULTS); the portal's origins from app.baseUrl and
 * backend.baseUrl.
 */
export function supersetSettings(
  env: Record<string, string | undefined>,
  portal: { appBaseUrl: string; backendBaseUrl: string },
  postgres: SupersetPostgres,
): SupersetSettings {
  const port = envPort(env, 'SCOUT_SUPERSET_PORT', 8088);
  const value = (name: string, fallback: string) =>
    env[name]?.trim() || fallback;
  const d = SUPERSET_DEV_DEFAULTS;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    database: {
      name: SUPERSET_DATABASE,
      url: postgresUrl(postgres, SUPERSET_DATABASE),
      maintenanceUrl: postgresUrl(postgres, 'postgres'),
    },
    secretKey: value('SCOUT_SUPERSET_SECRET_KEY', d.secretKey),
    guestTokenSecret: value(
      'SCOUT_SUPERSET_GUEST_TOKEN_SECRET',
      d.guestTokenSecret,
    ),
    admin: {
      username: value('SCOUT_SUPERSET_USERNAME', d.username),
      password: value('SCOUT_SUPERSET_PASSWORD', d.password),
    },
    guestRole: SUPERSET_GUEST_ROLE,
    portalOrigins: [
      ...new Set(
        [portal.appBaseUrl, portal.backendBaseUrl].map(u => new URL(u).origin),
      ),
    ],
  };
}
