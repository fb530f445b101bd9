import { RootConfigService } from '@backstage/backend-plugin-api';
import {
  DEV_JWT_SECRET,
  isLoopbackHost,
} from '@internal/backstage-plugin-scout-node';

// The development values that production refuses. The S3 keys and the
// static tokens are the local stack's, from app-config.yaml.
const DEV_S3_KEYS = {
  accessKeyId: 'scout',
  secretAccessKey: 'scout-dev-secret',
};
const DEV_SESSION_SECRET = 'scout-dev-session-secret';
/** The static external-access tokens production needs, and whom they let in. */
const STATIC_TOKENS = [
  {
    subject: 'prometheus-scraper',
    devToken: 'scout-dev-metrics-token',
    plugins: ['scout', 'lakehouse'],
    purpose: 'Prometheus needs one to read the metrics routes',
  },
  {
    subject: 'lineage-producer',
    devToken: 'scout-dev-lineage-token',
    plugins: ['lineage'],
    purpose: "OpenLineage producers (Trino's listener) need one to send events",
  },
  {
    subject: 'alertmanager',
    devToken: 'scout-dev-alerts-token',
    plugins: ['slo'],
    purpose: 'Alertmanager needs one to send SLO alerts to /api/slo/alerts',
  },
];
/** HS256 keys and static tokens: at least 256 bits. */
const MIN_SECRET_BYTES = 32;
/**
 * CSP directives whose Backstage (Helmet) defaults allow every `https:`
 * origin: production must name their sources itself.
 */
const CSP_DIRECTIVES_TO_NAME = ['font-src', 'style-src'];

type Problems = Map<string, string[]>;

function add(problems: Problems, key: string, problem: string) {
  problems.set(key, [...(problems.get(key) ?? []), problem]);
}

/**
 * A string setting. Empty (a variable set to nothing) counts as unset, as
 * does a value of another type: Backstage refuses to read either as a string.
 */
function text(
  config: Pick<RootConfigService, 'getOptionalString'>,
  key: string,
): string | undefined {
  try {
    return config.getOptionalString(key);
  } catch {
    return undefined;
  }
}

function checkFunctions(config: RootConfigService, problems: Problems) {
  const key = 'scout.functions.jwtSecret';
  const secret = text(config, key);
  if (!secret && !text(config, 'scout.functions.jwksUrl')) {
    add(
      problems,
      key,
      'not set (or empty), nor scout.functions.jwksUrl: the edge functions need one of them to check tokens',
    );
  } else if (secret === DEV_JWT_SECRET) {
    add(problems, key, 'is the development secret, which is public');
  } else if (secret && Buffer.byteLength(secret, 'utf8') < MIN_SECRET_BYTES) {
    add(
      problems,
      key,
      `is shorter than ${MIN_SECRET_BYTES} bytes, too short for HS256`,
    );
  }
}

function checkData(config: RootConfigService, problems: Problems) {
  if (config.getOptionalBoolean('scout.demo.enabled') !== false) {
    add(
      problems,
      'scout.demo.enabled',
      'must be false: production does not seed demo data',
    );
  }
  const client = text(config, 'backend.database.client');
  if (client !== 'pg') {
    add(
      problems,
      'backend.database.client',
      `is ${
        client ?? 'not set'
      }: the portal keeps its own state in PostgreSQL (pg) in production`,
    );
  } else if (
    !text(config, 'backend.database.connection') &&
    !text(config, 'backend.database.connection.host')
  ) {
    add(
      problems,
      'backend.database.connection.host',
      'not set (or empty): the PostgreSQL server of the portal database',
    );
  }
  if (!text(config, 'scout.database.url')) {
    add(
      problems,
      'scout.database.url',
      'not set (or empty), so the scout schema would live in embedded PGlite (development only)',
    );
  }
  for (const [name, devValue] of Object.entries(DEV_S3_KEYS)) {
    const key = `scout.lakehouse.s3.${name}`;
    if (text(config, key) === devValue) {
      add(problems, key, "is the local stack's development key");
    }
  }
}

// Switches that turn Backstage's own guards off: sign-in, the default auth
// policy of every route, and the permission framework (off means allow-all).
const GUARDS_OFF: [key: string, unsafe: boolean, problem: string][] = [
  [
    'permission.enabled',
    false,
    'must not be false: without the framework every request is allowed',
  ],
  [
    'backend.auth.dangerouslyDisableDefaultAuthPolicy',
    true,
    'must not be true: every route would answer without credentials',
  ],
  [
    'auth.providers.guest.dangerouslyAllowOutsideDevelopment',
    true,
    'must not be true: anyone could sign in as the guest',
  ],
];

// Services production reaches. An unset production variable drops its key
// and app-config.yaml's local stack (127.0.0.1) shows through.
const SERVICE_URLS = [
  'scout.functions.jwksUrl',
  'scout.lakehouse.trino.url',
  'scout.lakehouse.nessie.url',
  'scout.lakehouse.s3.endpoint',
  'scout.lakehouse.postgres.jdbcUrl',
];

function checkServiceHosts(config: RootConfigService, problems: Problems) {
  for (const key of SERVICE_URLS) {
    const value = text(config, key)?.replace(/^jdbc:/, '');
    if (
      value &&
      URL.canParse(value) &&
      isLoopbackHost(new URL(value).hostname)
    ) {
      add(
        problems,
        key,
        "points at a loopback host, the local stack's address: set it to where the service runs",
      );
    }
  }
}

function checkGuards(config: RootConfigService, problems: Problems) {
  for (const [key, unsafe, problem] of GUARDS_OFF) {
    if (config.getOptional(key) === unsafe) add(problems, key, problem);
  }
  // Signs the OIDC sign-in session cookie.
  const key = 'auth.session.secret';
  const secret = text(config, key);
  if (!secret) {
    add(problems, key, 'not set (or empty): OIDC sign-in needs it');
  } else if (secret === DEV_SESSION_SECRET) {
    add(problems, key, 'is the development secret, which is public');
  } else if (Buffer.byteLength(secret, 'utf8') < MIN_SECRET_BYTES) {
    add(problems, key, `is shorter than ${MIN_SECRET_BYTES} bytes`);
  }
}

function checkStaticToken(
  config: RootConfigService,
  problems: Problems,
  expected: (typeof STATIC_TOKENS)[number],
) {
  const entries = config.getOptionalConfigArray('backend.auth.externalAccess');
  const index = (entries ?? []).findIndex(
    entry =>
      text(entry, 'type') === 'static' &&
      text(entry, 'options.subject') === expected.subject,
  );
  if (!entries || index < 0) {
    add(
      problems,
      'backend.auth.externalAccess',
      `has no static token with subject ${expected.subject}: ${expected.purpose}`,
    );
    return;
  }
  const entry = entries[index];
  const key = `backend.auth.externalAccess[${index}]`;
  const token = text(entry, 'options.token');
  if (!token) add(problems, `${key}.options.token`, 'not set (or empty)');
  else if (token === expected.devToken) {
    add(problems, `${key}.options.token`, 'is the development token');
  } else if (token.length < MIN_SECRET_BYTES) {
    add(
      problems,
      `${key}.options.token`,
      `is shorter than ${MIN_SECRET_BYTES} characters`,
    );
  }
  const plugins = (
    entry.getOptionalConfigArray('accessRestrictions') ?? []
  ).map(restriction => text(restriction, 'plugin'));
  if (
    !plugins.length ||
    plugins.some(p => !expected.plugins.includes(p ?? ''))
  ) {
    add(
      problems,
      `${key}.accessRestrictions`,
      `must limit ${expected.subject} to the ${expected.plugins.join(
        ' and ',
      )} plugin${expected.plugins.length > 1 ? 's' : ''}`,
    );
  }
}

/** Why `value` is not one named, non-local origin, or undefined if it is. */
function originFault(value: string): string | undefined {
  // CORS origins may be glob patterns; an origin has none of these.
  if (/[*?{}!]/.test(value)) return `${value} is a wildcard`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `${value} is not an origin (scheme://host[:port])`;
  }
  if (url.origin !== value) {
    return `${value} is not an origin (scheme://host[:port])`;
  }
  return isLoopbackHost(url.hostname)
    ? `${value} is a loopback origin`
    : undefined;
}

function originOf(url: string): string {
  return URL.canParse(url) ? new URL(url).origin : url;
}

/** Why a CSP source allows more than named origins, or undefined. */
function cspSourceFault(source: string): string | undefined {
  // Keywords, nonces and hashes; data: and blob: name no network origin.
  if (/^'[^']*'$/.test(source) || /^(data|blob):$/i.test(source)) {
    return undefined;
  }
  if (source.includes('*')) return `${source} is a wildcard`;
  if (/^[a-z][a-z0-9+.-]*:$/i.test(source)) {
    return `${source} allows every origin of that scheme`;
  }
  const host = /^(?:[a-z][a-z0-9+.-]*:\/\/)?(\[[^\]]+\]|[^/:]+)/i.exec(source);
  return host && isLoopbackHost(host[1])
    ? `${source} is a loopback origin`
    : undefined;
}

function checkOrigins(config: RootConfigService, problems: Problems) {
  const report = (key: string, values: string[], fault: typeof originFault) =>
    values
      .map(fault)
      .forEach(problem => problem && add(problems, key, problem));

  const cors = config.getOptional('backend.cors.origin');
  if (cors !== undefined) {
    report(
      'backend.cors.origin',
      typeof cors === 'string'
        ? [cors]
        : config.getStringArray('backend.cors.origin'),
      originFault,
    );
  }
  const csp = config.getOptionalConfig('backend.csp');
  for (const directive of csp?.keys() ?? []) {
    if (csp!.get(directive) === false) continue;
    const key = `backend.csp.${directive}`;
    report(key, csp!.getStringArray(directive), cspSourceFault);
  }
  for (const directive of CSP_DIRECTIVES_TO_NAME) {
    if (!csp?.has(directive)) {
      add(
        problems,
        `backend.csp.${directive}`,
        "not set, so Backstage's default allows every https: origin",
      );
    }
  }
  // Unset, the functions allow app.baseUrl.
  const allowed = config.getOptionalStringArray(
    'scout.functions.allowedOrigins',
  ) ?? [originOf(config.getString('app.baseUrl'))];
  report('scout.functions.allowedOrigins', allowed, originFault);
}

/**
 * Every setting production refuses, one line per config key, saying what is
 * wrong and never the value of a secret. Checked:
 * - scout.functions: a JWT secret or JWKS URL; the secret at least 32 bytes
 *   (UTF-8) and not the development one;
 * - scout.demo.enabled false; scout.database.url set (no PGlite);
 * - scout.lakehouse.s3 keys not the local stack's;
 * - backend.auth.externalAccess: static tokens for the Prometheus scraper
 *   (limited to the scout and lakehouse plugins), for lineage producers
 *   (the lineage plugin) and for Alertmanager (the slo plugin), each 32
 *   characters or more, not the development one;
 * - backend.cors.origin and scout.functions.allowedOrigins (or app.baseUrl):
 *   exact origins, no wildcard, no loopback host;
 * - backend.csp: no `*`, no scheme-only source (`https:`), no loopback host
 *   in any directive, and font-src and style-src named (their defaults allow
 *   `https:`);
 * - permission.enabled, backend.auth.dangerouslyDisableDefaultAuthPolicy and
 *   auth.providers.guest.dangerouslyAllowOutsideDevelopment: no guard off;
 * - auth.session.secret: set, 32 bytes or more, not the development one;
 * - scout.functions.jwksUrl and scout.lakehouse.{trino.url, nessie.url,
 *   s3.endpoint, postgres.jdbcUrl}: no loopback host (the local stack's
 *   addresses showing through);
 * - backend.database: PostgreSQL (pg) with a host.
 */
export function productionProblems(config: RootConfigService): string[] {
  const problems: Problems = new Map();
  checkFunctions(config, problems);
  checkData(config, problems);
  for (const expected of STATIC_TOKENS)
    checkStaticToken(config, problems, expected);
  checkOrigins(config, problems);
  checkGuards(config, problems);
  checkServiceHosts(config, problems);
  return [...problems].map(([key, list]) => `${key}: ${list.join('; ')}`);
}

/**
 * Throws, listing every problem, when NODE_ENV is production and the config
 * is not fit for it; does nothing otherwise.
 */
export function assertProductionProfile(
  config: RootConfigService,
  env: Record<string, string | undefined> = process.env,
) {
  if (env.NODE_ENV !== 'production') return;
  const problems = productionProblems(config);
  if (problems.length) {
    throw new Error(
      `Refusing to start in production (NODE_ENV=production); fix these settings:\n${problems
        .map(line => `  ${line}`)
        .join('\n')}`,
    );
  }
}
