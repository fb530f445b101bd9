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

/**
 * The scout database: a real PostgreSQL server (pg pool) or the embedded
 * PGlite. Both run the same SQL.
 */
export interface ScoutDatabase extends SqlQueryable {
  readonly kind: 'postgres' | 'pglite';
  /** Whether the pgvector extension can be created on this database. */
  hasVector(): Promise<boolean>;
  /** Runs fn in one transaction; commits when it resolves, rolls back when it throws. */
  transaction<T>(fn: (tx: SqlTransaction) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
