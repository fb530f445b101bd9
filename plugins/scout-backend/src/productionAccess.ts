import { RootConfigService } from '@backstage/backend-plugin-api';
import {
  add,
  MIN_SECRET_BYTES,
  type Problems,
  text,
} from './productionProblemList';

// Who gets in: Backstage's own guards, the sign-in session secret and the
// static external-access tokens of the scraper, the lineage producers and
// Alertmanager.

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

export function checkGuards(config: RootConfigService, problems: Problems) {
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

/** Every static token of STATIC_TOKENS: present, strong, limited. */
export function checkStaticTokens(
  config: RootConfigService,
  problems: Problems,
) {
  for (const expected of STATIC_TOKENS) {
    checkStaticToken(config, problems, expected);
  }
}
