/**
 * The description of a dashboard that `scout superset provision` made: the
 * Markdown row it puts first (MARKDOWN-description in position_json); null
 * for other dashboards.
 */
export function dashboardDescription(
  positionJson: string | null,
): string | null {
  if (!positionJson) return null;
  try {
    const position = JSON.parse(positionJson) as Record<
      string,
      { meta?: { code?: unknown } } | undefined
    >;
    const code = position['MARKDOWN-description']?.meta?.code;
    return typeof code === 'string' && code.trim() ? code.trim() : null;
  } catch {
    return null;
  }
}

/**
 * When a guest token expires: its JWT `exp` (seconds since the epoch) as
 * RFC 3339. Superset signs guest tokens with a secret of its own, so the
 * claim is read, not verified. Throws when the token has no `exp`.
 */
export function tokenExpiry(token: string): string {
  const payload = token.split('.')[1] ?? '';
  let exp: unknown;
  try {
    ({ exp } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
  } catch {
    exp = undefined;
  }
  if (typeof exp !== 'number') {
    throw new Error('Superset answered a guest token without an exp claim');
  }
  return new Date(exp * 1000).toISOString();
}
