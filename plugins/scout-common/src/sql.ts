// The SQL port that edge functions and the Node database share: types only,
// so a Supabase pg client, the portal's PostgreSQL pool and PGlite can all
// stand behind it.

/** The result of one SQL statement. */
export type QueryResult<T> = { rows: T[]; rowCount: number };

/** Something that runs parameterised SQL ($1, $2, ...). */
export interface SqlQueryable {
  query<T = Record<string, unknown>>(
    sql: string,
    params?: unknown[],
  ): Promise<QueryResult<T>>;
}

/** One transaction on one connection. */
export interface SqlTransaction extends SqlQueryable {
  /**
   * Bulk-loads rows with COPY FROM STDIN (CSV). Values are JS primitives,
   * Date, or objects (sent as JSON); null and undefined become NULL.
   */
  copyRows(table: string, columns: string[], rows: unknown[][]): Promise<void>;
}

/** A database that runs SQL and transactions. */
export interface Sql extends SqlQueryable {
  /** Runs fn in one transaction; commits when it resolves, rolls back when it throws. */
  transaction<T>(fn: (tx: SqlTransaction) => Promise<T>): Promise<T>;
}
