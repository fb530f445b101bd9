import { type QueryError, type QueryResult, Trino } from 'trino-client';

/** Runs one SQL statement on Trino and resolves to every row, each an array of column values. */
export type TrinoSql = (sql: string) => Promise<unknown[][]>;

export type TrinoSqlOptions = {
  /** e.g. http://127.0.0.1:8080 */
  server: string;
  user: string;
  /** Default catalog and schema for unqualified names. */
  catalog?: string;
  schema?: string;
  /** Shown in Trino's query list. Default `scout`. */
  source?: string;
};

/** A statement that Trino ran and failed: Trino's own message, name and query id. */
export class TrinoQueryError extends Error {
  name = 'TrinoQueryError';
  constructor(
    readonly error: Pick<QueryError, 'message' | 'errorName'>,
    readonly queryId: string,
    readonly sql: string,
  ) {
    super(
      `Trino query ${queryId} failed: ${error.message} [${
        error.errorName
      }]\n  in: ${firstLine(sql)}`,
    );
  }
}

/**
 * A Trino SQL runner: one statement at a time, all rows collected. Failed
 * statements throw TrinoQueryError; an unreachable server throws an error
 * that names the server.
 */
export function createTrinoSql(options: TrinoSqlOptions): TrinoSql {
  const trino = Trino.create({
    server: options.server,
    source: options.source ?? 'scout',
    catalog: options.catalog,
    schema: options.schema,
  });
  return async sql => {
    try {
      const results = await trino.query({ query: sql, user: options.user });
      return await collectRows(results, sql);
    } catch (error) {
      if (error instanceof TrinoQueryError) throw error;
      throw new Error(
        `Trino at ${options.server} did not answer: ${describe(error)}`,
      );
    }
  };
}

/**
 * Walks the result pages. Read by hand, not with for-await: the iterator
 * reports its last page with done=true, which for-await would drop, and a
 * failure can sit on that page.
 */
export async function collectRows(
  results: { next(): Promise<IteratorResult<QueryResult>> },
  sql: string,
): Promise<unknown[][]> {
  const rows: unknown[][] = [];
  for (let first = true; ; first = false) {
    const { value, done } = await results.next();
    if (value?.error) throw new TrinoQueryError(value.error, value.id, sql);
    // A done page repeats the page before it, unless it is the only one.
    if (value?.data && (!done || first)) rows.push(...value.data);
    if (done) return rows;
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // axios puts Trino's answer to a rejected request in response.data.
  const data = (error as { response?: { data?: unknown } }).response?.data;
  const detail =
    typeof data === 'string' && data.trim() ? ` (${data.trim()})` : '';
  const code = (error as { code?: string }).code;
  return `${error.message || code || error.name}${detail}`;
}

function firstLine(sql: string): string {
  const line = sql.trim().split('\n')[0];
  return line.length > 200 ? `${line.slice(0, 200)}...` : line;
}
