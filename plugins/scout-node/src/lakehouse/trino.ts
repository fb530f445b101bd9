import { type QueryError, type QueryResult, Trino } from 'trino-client';

/** Per statement: `user` runs it as that Trino user instead of the runner's. */
export type TrinoStatementOptions = { user?: string };

/** Runs one SQL statement on Trino and resolves to every row, each an array of column values. */
export type TrinoSql = (
  sql: string,
  options?: TrinoStatementOptions,
) => Promise<unknown[][]>;

/** A statement's rows with the name and Trino type of each column. */
export type TrinoResult = {
  columns: { name: string; type: string }[];
  rows: unknown[][];
};

/** Like TrinoSql, and also says what the columns are. */
export type TrinoQuery = (
  sql: string,
  options?: TrinoStatementOptions,
) => Promise<TrinoResult>;

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
    readonly error: Pick<QueryError, 'message' | 'errorName'> &
      Partial<Pick<QueryError, 'errorType'>>,
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

/** The server did not answer (down, starting, or unreachable): nothing ran. */
export class TrinoUnavailableError extends Error {
  name = 'TrinoUnavailableError';
  constructor(readonly server: string, cause: unknown) {
    super(`Trino at ${server} did not answer: ${describe(cause)}`);
  }
}

/**
 * A Trino SQL runner: one statement at a time, all rows collected. Failed
 * statements throw TrinoQueryError; an unreachable server throws
 * TrinoUnavailableError, which names the server.
 */
export function createTrinoSql(options: TrinoSqlOptions): TrinoSql {
  const query = createTrinoQuery(options);
  return async (sql, statement) => (await query(sql, statement)).rows;
}

/** As createTrinoSql, resolving to the columns as well as the rows. */
export function createTrinoQuery(options: TrinoSqlOptions): TrinoQuery {
  const trino = Trino.create({
    server: options.server,
    source: options.source ?? 'scout',
    catalog: options.catalog,
    schema: options.schema,
  });
  return async (sql, statement) => {
    try {
      const results = await trino.query({
        query: sql,
        user: statement?.user ?? options.user,
      });
      return await collectResult(results, sql);
    } catch (error) {
      if (error instanceof TrinoQueryError) throw error;
      throw new TrinoUnavailableError(options.server, error);
    }
  };
}

/** The rows of every result page; see collectResult. */
export async function collectRows(
  results: { next(): Promise<IteratorResult<QueryResult>> },
  sql: string,
): Promise<unknown[][]> {
  return (await collectResult(results, sql)).rows;
}

/**
 * Walks the result pages. Read by hand, not with for-await: the iterator
 * reports its last page with done=true, which for-await would drop, and a
 * failure can sit on that page.
 */
export async function collectResult(
  results: { next(): Promise<IteratorResult<QueryResult>> },
  sql: string,
): Promise<TrinoResult> {
  const rows: unknown[][] = [];
  let columns: TrinoResult['columns'] = [];
  for (let first = true; ; first = false) {
    const { value, done } = await results.next();
    if (value?.error) throw new TrinoQueryError(value.error, value.id, sql);
    if (value?.columns && columns.length === 0) {
      columns = value.columns.map((c: { name: string; type: string }) => ({
        name: c.name,
        type: c.type,
      }));
    }
    // A done page repeats the page before it, unless it is the only one.
    if (value?.data && (!done || first)) rows.push(...value.data);
    if (done) return { columns, rows };
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
