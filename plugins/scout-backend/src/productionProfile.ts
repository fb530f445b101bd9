import { RootConfigService } from '@backstage/backend-plugin-api';
import {
  DEV_JWT_SECRET,
  isLoopbackHost,
  SUPERSET_DEV_DEFAULTS,
} from '@internal/backstage-plugin-scout-node';
import { readdirSync } from 'node:fs';
import { checkGuards, checkStaticTokens } from './productionAccess';
import { checkOrigins } from './productionOrigins';
import {
  add,
  MIN_SECRET_BYTES,
  type Problems,
  text,
} from './productionProblemList';

// The development values that production refuses. The S3 keys are the local
// stack's, from app-config.yaml (the static tokens: productionAccess.ts).
const DEV_S3_KEYS = {
  accessKeyId: 'scout',
  secretAccessKey: 'scout-dev-secret',
};
// The local stack's Gitea admin password (app-config.yaml's integrations.gitea).
const DEV_GITEA_PASSWORD = 'scout-dev-gitea-password';

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

function checkGitea(config: RootConfigService, problems: Problems) {
  // `auto` would publish templates to the container's own disk whenever
  // Gitea does not answer.
  if (text(config, 'scout.templates.publish') !== 'gitea') {
    add(
      problems,
      'scout.templates.publish',
      'must be gitea: templates publish for review to Gitea only, never to the local Git',
    );
  }
  const entries = config.getOptionalConfigArray('integrations.gitea') ?? [];
  entries.forEach((entry, index) => {
    if (text(entry, 'password') === DEV_GITEA_PASSWORD) {
      add(
        problems,
        `integrations.gitea[${index}].password`,
        "is the local stack's development password",
      );
    }
  });
}

// Superset's service account mints guest tokens for every user: the local
// stack's password would let anyone who read app-config.yaml do the same.
function checkSuperset(config: RootConfigService, problems: Problems) {
  if (!text(config, 'superset.baseUrl')) return;
  const key = 'superset.password';
  const password = text(config, key);
  if (!password) {
    add(problems, key, "not set (or empty): the service account's password");
  } else if (password === SUPERSET_DEV_DEFAULTS.password) {
    add(problems, key, "is the local stack's development password");
  }
}

// Services production reaches. An unset production variable drops its key
// and app-config.yaml's local stack (127.0.0.1) shows through.
const SERVICE_URLS = [
  'scout.functions.jwksUrl',
  'scout.lakehouse.trino.url',
  'scout.lakehouse.nessie.url',
  'scout.lakehouse.s3.endpoint',
  'scout.lakehouse.postgres.jdbcUrl',
  'superset.baseUrl',
];

/**
 * Without specs the slo plugin starts with no SLOs and only warns, which
 * production must not do: no SLO, no alert. The specs themselves are parsed
 * (and refused with the file and path of each fault) by the slo plugin.
 */
function checkSloSpecs(config: RootConfigService, problems: Problems) {
  const key = 'slo.specsDir';
  const dir = text(config, key);
  if (!dir) {
    add(
      problems,
      key,
      'not set (or empty): the folder of OpenSLO specs; without it there are no SLOs and no alerts',
    );
    return;
  }
  let specs: string[];
  try {
    specs = readdirSync(dir).filter(name => name.endsWith('.yaml'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    add(
      problems,
      key,
      code === 'ENOENT'
        ? `${dir} does not exist`
        : `${dir} cannot be read as a folder (${code ?? error})`,
    );
    return;
  }
  if (!specs.length) {
    add(problems, key, `${dir} holds no SLO specs (*.yaml)`);
  }
}

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

/**
 * Every setting production refuses, one line per config key, saying what is
 * wrong and never the value of a secret. Checked:
 * - scout.functions: a JWT secret or JWKS URL; the secret at least 32 bytes
 *   (UTF-8) and not the development one;
 * - scout.demo.enabled false; scout.database.url set (no PGlite);
 * - scout.lakehouse.s3 keys and integrations.gitea passwords not the local
 *   stack's; scout.templates.publish gitea;
 * - superset.password, when superset.baseUrl is set: set, and not the
 *   local stack's;
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
 *   s3.endpoint, postgres.jdbcUrl} and superset.baseUrl: no loopback host (the local stack's
 *   addresses showing through);
 * - backend.database: PostgreSQL (pg) with a host;
 * - slo.specsDir: a folder with at least one spec (`*.yaml`); the image
 *   has no checkout to fall back on.
 */
export function productionProblems(config: RootConfigService): string[] {
  const problems: Problems = new Map();
  checkFunctions(config, problems);
  checkData(config, problems);
  checkGitea(config, problems);
  checkSuperset(config, problems);
  checkStaticTokens(config, problems);
  checkOrigins(config, problems);
  checkGuards(config, problems);
  checkServiceHosts(config, problems);
  checkSloSpecs(config, problems);
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
