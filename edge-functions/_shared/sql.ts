// The database operations the functions need, as a port: the portal backend
// passes its Scout database (PostgreSQL or PGlite), a Supabase deployment a
// pg client. Structural, so neither side imports the other.

export type QueryResult<T> = { rows: T[]; rowCount: number };

export interface SqlQueryable {
  query<T = Record<string, unknown>>(
    sql: string,
    params?: unknown[],
  ): Promise<QueryResult<T>>;
}

export interface SqlTransaction extends SqlQueryable {
  copyRows(table: string, columns: string[], rows: unknown[][]): Promise<void>;
}

export interface Sql extends SqlQueryable {
  transaction<T>(fn: (tx: SqlTransaction) => Promise<T>): Promise<T>;
}
