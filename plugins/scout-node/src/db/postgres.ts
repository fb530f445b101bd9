import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ClientBase, CustomTypesConfig, Pool, types } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { copyStatement, csvChunks } from './copy';
import { DatabaseSession, SessionProvider } from './session';
import { QueryResult, ScoutDatabase, SqlTransaction } from './types';
import { vectorAvailable } from './vector';

// Parse like PGlite does, so that both databases hand back the same values:
// bigint (count(*), sums of int) as a number and date as midnight UTC.
const parsers: CustomTypesConfig = {
  getTypeParser: (oid, format) => {
    if (oid === types.builtins.INT8) return Number;
    if (oid === types.builtins.DATE) {
      return (value: string) => new Date(`${value}T00:00:00Z`);
    }
    return types.getTypeParser(oid, format);
  },
};

/** Runs SQL on one pg client; several statements are allowed without params. */
async function run<T>(
  client: ClientBase | Pool,
  sql: string,
  params?: unknown[],
): Promise<QueryResult<T>> {
  const result = await client.query(sql, params);
  // Several statements in one string give one result each; keep the last.
  const last = Array.isArray(result) ? result[result.length - 1] : result;
  return { rows: last.rows, rowCount: last.rowCount ?? last.rows.length };
}

class PostgresTransaction implements SqlTransaction {
  readonly #client: ClientBase;

  constructor(client: ClientBase) {
    this.#client = client;
  }

  query<T = Record<string, unknown>>(sql: string, params?: unknown[]) {
    return run<T>(this.#client, sql, params);
  }

  async copyRows(table: string, columns: string[], rows: unknown[][]) {
    if (rows.length === 0) return;
    const sink = this.#client.query(
      copyFrom(copyStatement(table, columns, 'STDIN')),
    );
    await pipeline(Readable.from(csvChunks(rows)), sink);
  }
}

async function inTransaction<T>(
  client: ClientBase,
  fn: (tx: SqlTransaction) => Promise<T>,
): Promise<T> {
  await client.query('BEGIN');
  try {
    const result = await fn(new PostgresTransaction(client));
    await client.query('COMMIT');
    return result;
  } catch (error) {
    // A failed ROLLBACK means the connection is gone; the pool drops such
    // clients on release, and the original error is the one worth reporting.
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** The scout database on a real PostgreSQL server, through a pg pool. */
export class PostgresScoutDatabase implements ScoutDatabase, SessionProvider {
  readonly kind = 'postgres';
  readonly #pool: Pool;

  /** Connects once, so that a wrong URL fails here and not at first use. */
  static async create(url: string): Promise<PostgresScoutDatabase> {
    const pool = new Pool({ connectionString: url, types: parsers });
    // An idle client whose server connection dies is dropped by the pool and
    // replaced on the next query; without a listener the error would crash.
    pool.on('error', () => undefined);
    try {
      await pool.query('select 1');
    } catch (error) {
      await pool.end();
      const { host, pathname } = new URL(url);
      throw new Error(
        `Could not connect to PostgreSQL at ${host}${pathname}: ${
          (error as Error).message
        }`,
        { cause: error },
      );
    }
    return new PostgresScoutDatabase(pool);
  }

  private constructor(pool: Pool) {
    this.#pool = pool;
  }

  query<T = Record<string, unknown>>(sql: string, params?: unknown[]) {
    return run<T>(this.#pool, sql, params);
  }

  hasVector() {
    return vectorAvailable(this);
  }

  async transaction<T>(fn: (tx: SqlTransaction) => Promise<T>): Promise<T> {
    const client = await this.#connect();
    try {
      return await inTransaction(client, fn);
    } finally {
      client.release();
    }
  }

  async withSession<T>(fn: (session: DatabaseSession) => Promise<T>) {
    const client = await this.#connect();
    const session: DatabaseSession = {
      query: <R>(sql: string, params?: unknown[]) =>
        run<R>(client, sql, params),
      transaction: txFn => inTransaction(client, txFn),
    };
    try {
      const result = await fn(session);
      client.release();
      return result;
    } catch (error) {
      // The session may still hold state (an advisory lock): close the
      // connection rather than hand it to the next caller.
      client.release(true);
      throw error;
    }
  }

  close() {
    return this.#pool.end();
  }

  /**
   * A client checked out of the pool. pg emits 'error' on a checked-out
   * client whose connection dies (a server restart, a dropped database) in
   * addition to failing its query; the pool listens only on idle clients, so
   * without a listener here that event would crash the process. The failed
   * query already reports the error to its caller.
   */
  async #connect() {
    const client = await this.#pool.connect();
    if (client.listenerCount('error') === 0)
      client.on('error', () => undefined);
    return client;
  }
}
