import type {
  Sql,
  SqlTransaction,
} from '@internal/backstage-plugin-scout-common';

/** The API roles a portal transaction may take (migrations/0001_roles.sql). */
export const SCOUT_API_ROLES = ['authenticated', 'service_role'] as const;
export type ScoutApiRole = (typeof SCOUT_API_ROLES)[number];

/**
 * What row-level security sees of the caller, as `request.jwt.claims`:
 * `role` is also the database role the transaction runs as; `sub` names
 * the caller (a user entity ref such as `user:default/ana.cruz`).
 */
export type ScoutClaims = {
  role: ScoutApiRole;
  sub: string;
  [claim: string]: unknown;
};

// PostgreSQL's insufficient_privilege: here, the login may not take the role.
const INSUFFICIENT_PRIVILEGE = '42501';

/**
 * Runs fn in a transaction under `claims.role` with `claims` as
 * `request.jwt.claims`, the way Supabase's API runs a request, so the
 * grants and row-level security of that role apply instead of the owner's.
 * Both settings end with the transaction, so a pooled connection goes back
 * as it came. The database login must be a member of the role.
 */
export function withClaims<T>(
  db: Sql,
  claims: ScoutClaims,
  fn: (tx: SqlTransaction) => Promise<T>,
): Promise<T> {
  const { role } = claims;
  if (!SCOUT_API_ROLES.includes(role)) {
    throw new Error(
      `withClaims: role must be one of ${SCOUT_API_ROLES.join(
        ', ',
      )}, not "${role}"`,
    );
  }
  return db.transaction(async tx => {
    try {
      // set_config('role', ..., true) is SET LOCAL ROLE, with a parameter.
      await tx.query(
        `select set_config('role', $1, true), set_config('request.jwt.claims', $2, true)`,
        [role, JSON.stringify(claims)],
      );
    } catch (error) {
      if ((error as { code?: string }).code === INSUFFICIENT_PRIVILEGE) {
        throw new Error(
          `The scout database login (scout.database.url) may not act as ${role}: run "grant ${role} to <that login>" once, as the database owner or a superuser`,
          { cause: error },
        );
      }
      throw error;
    }
    return fn(tx);
  });
}

/**
 * `db` with every statement and transaction run under `claims`, as
 * withClaims runs them: for code that takes a `Sql`, such as the edge
 * functions. A statement outside a transaction gets one of its own.
 */
export function asRole(db: Sql, claims: ScoutClaims): Sql {
  return {
    query: <T = Record<string, unknown>>(text: string, params?: unknown[]) =>
      withClaims(db, claims, tx => tx.query<T>(text, params)),
    transaction: <T>(fn: (tx: SqlTransaction) => Promise<T>) =>
      withClaims(db, claims, fn),
  };
}
