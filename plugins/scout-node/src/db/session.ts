import { ScoutDatabase, SqlQueryable, SqlTransaction } from './types';

/**
 * One connection held by one caller from start to end, so that session state
 * such as an advisory lock lasts across statements and transactions. Internal:
 * the migration runner needs it, other code should not.
 */
export interface DatabaseSession extends SqlQueryable {
  transaction<T>(fn: (tx: SqlTransaction) => Promise<T>): Promise<T>;
}

/** Implemented by the databases that openScoutDatabase returns. */
export interface SessionProvider {
  withSession<T>(fn: (session: DatabaseSession) => Promise<T>): Promise<T>;
}

/** Runs fn on a connection of its own, released when fn settles. */
export function withSession<T>(
  db: ScoutDatabase,
  fn: (session: DatabaseSession) => Promise<T>,
): Promise<T> {
  const provider = db as Partial<SessionProvider>;
  if (typeof provider.withSession !== 'function') {
    throw new Error(
      'This database cannot hand out a dedicated connection; open it with openScoutDatabase.',
    );
  }
  return provider.withSession(fn);
}
