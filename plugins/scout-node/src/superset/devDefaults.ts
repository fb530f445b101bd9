/**
 * The local stack's Superset secrets and service account: development-only
 * values that `scout stack up superset` falls back to and that the portal's
 * production profile refuses. A deployment sets the SCOUT_SUPERSET_*
 * variables (and superset.password in the portal's config).
 */
export const SUPERSET_DEV_DEFAULTS = {
  secretKey: 'scout-dev-superset-secret-key',
  guestTokenSecret: 'scout-dev-superset-guest-token-secret',
  username: 'scout-superset',
  password: 'scout-dev-superset-password',
} as const;
