import { RootConfigService } from '@backstage/backend-plugin-api';
import { isLoopbackHost } from '@internal/backstage-plugin-scout-node';
import { add, type Problems } from './productionProblemList';

// Which origins production lets in: CORS, the CSP and the edge functions'
// allowed origins, each a named, non-local origin.

/**
 * CSP directives whose Backstage (Helmet) defaults allow every `https:`
 * origin: production must name their sources itself.
 */
const CSP_DIRECTIVES_TO_NAME = ['font-src', 'style-src'];

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

export function checkOrigins(config: RootConfigService, problems: Problems) {
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
