import { mkdir } from 'node:fs/promises';
import { PGlite, Results, Transaction } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { copyStatement, csvChunks } from './copy';
import { DatabaseSession, SessionProvider } from './session';
import { QueryResult, ScoutDatabase, SqlTransaction } from './types';
import { vectorAvailable } from './vector';

function toResult<T>(result: Results<unknown> | undefined): QueryResult<T> {
  if (!result) return { rows: [], rowCount: 0 };
  return {
    rows: result.rows as T[],
    rowCount: result.rowCount ?? result.affectedRows ?? result.rows.length,
  };
}

/**
 * Runs SQL on PGlite the way pg does on a server: with params, one statement
 * (extended protocol); without, any number of statements, last result kept.
 */
async function run<T>(
  target: PGlite | Transaction,
  sql: string,
  params?: unknown[],
): Promise<QueryResult<T>> {
  if (params && params.length > 0) {
    return toResult(await target.query<unknown>(sql, params));
  }
  const results = await target.exec(sql);
  return toResult(results[results.length - 1]);
}

class PgliteTransaction implements SqlTransaction {
  readonly #tx: Transaction;

  constructor(tx: Transaction) {
    this.#tx = tx;
  }

  query<T = Record<string, unknown>>(sql: string, params?: unknown[]) {
    return run<T>(this.#tx, sql, params);
  }

  async copyRows(table: string, columns: string[], rows: unknown[][]) {
    if (rows.length === 0) return;
    // PGlite has no COPY FROM STDIN; it reads the data from the /dev/blob device.
    const blob = new Blob([...csvChunks(rows)]);
    await this.#tx.query(copyStatement(table, columns, `'/dev/blob'`), [], {
      blob,
    });
  }
}

/** The embedded scout database: PGlite, in memory or in a directory. */
export class PgliteScoutDatabase implements ScoutDatabase, SessionProvider {
  readonly kind = 'pglite';
  readonly #pg: PGlite;
  // PGlite is one connection: sessions take turns on it.
  #sessions: Promise<unknown> = Promise.resolve();

  static async create(dataDir?: string): Promise<PgliteScoutDatabase> {
    if (dataDir) await mkdir(dataDir, { recursive: true });
    return new PgliteScoutDatabase(
      await PGlite.create({ dataDir, extensions: { vector } }),
    );
  }

  private constructor(pg: PGlite) {
    this.#pg = pg;
  }

  query<T = Record<string, unknown>>(sql: string, params?: unknown[]) {
    return run<T>(this.#pg, sql, params);
  }

  hasVector() {
    return vectorAvailable(this);
  }

  transaction<T>(fn: (tx: SqlTransaction) => Promise<T>): Promise<T> {
    return this.#pg.transaction(tx => fn(new PgliteTransaction(tx)));
  }

  withSession<T>(fn: (session: DatabaseSession) => Promise<T>): Promise<T> {
    const session: DatabaseSession = {
      query: <R>(sql: string, params?: unknown[]) => this.query<R>(sql, params),
      transaction: txFn => this.transaction(txFn),
    };
    const turn = this.#sessions.then(() => fn(session));
    this.#sessions = turn.catch(() => undefined);
    return turn;
  }

  close() {
    return this.#pg.close();
  }
}
