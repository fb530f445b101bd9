/**
 * The HS256 secret that development tokens are signed with when no secret is
 * configured: `scout token` signs with it and the scout backend accepts it,
 * with a warning, outside production only. Never for anything but a local
 * portal.
 */
export const DEV_JWT_SECRET = 'scout-dev-secret-change-me';
