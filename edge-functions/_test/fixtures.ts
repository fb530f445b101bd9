// Test helpers shared by the edge functions' tests (Node and Deno).
import { SignJWT } from 'jose';
import type {
  QueryResult,
  Sql,
  SqlTransaction,
} from '@internal/backstage-plugin-scout-common';

export const SECRET = 'test-secret';
export const AUDIENCE = 'scout';

/**
 * An HS256 token signed with SECRET; `expires: null` leaves out exp (which
 * the functions refuse), `issuer` sets iss.
 */
export async function token(
  claims: Record<string, unknown>,
  options: { audience?: string; expires?: string | null; issuer?: string } = {},
) {
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setAudience(options.audience ?? AUDIENCE)
    .setIssuedAt();
  if (options.expires !== null) jwt.setExpirationTime(options.expires ?? '5m');
  if (options.issuer) jwt.setIssuer(options.issuer);
  return jwt.sign(new TextEncoder().encode(SECRET));
}

const result = <T>(rows: T[]): QueryResult<T> => ({
  rows,
  rowCount: rows.length,
});

/**
 * A stand-in for the database that keeps bronze fingerprints by id, so the
 * handler's own logic can be tested without a server; a transaction that
 * throws leaves it as it was. The SQL itself is tested against PGlite and
 * PostgreSQL in the backend plugin.
 */
export class FakeSql implements Sql {
  bronze = new Map<string, string>();
  /** The request id the last bronze insert stored. */
  requestId?: string;
  constructor(readonly stores: string[]) {}

  async query<T>(sql: string, params: unknown[] = []): Promise<QueryResult<T>> {
    if (sql.includes('from scout.stores')) {
      return result(
        this.stores.map(store_id => ({ store_id })),
      ) as QueryResult<T>;
    }
    if (sql.includes('insert into scout.bronze_transactions')) {
      const [ids, , fingerprints] = params as string[][];
      this.requestId = params[4] as string;
      const fresh: string[] = [];
      ids.forEach((raw, i) => {
        const id = raw.toLowerCase();
        if (this.bronze.has(id)) return;
        this.bronze.set(id, fingerprints[i]);
        fresh.push(id);
      });
      return result(
        fresh.map(transaction_id => ({ transaction_id })),
      ) as QueryResult<T>;
    }
    if (sql.includes('encode(fingerprint')) {
      const ids = (params[0] as string[]).map(id => id.toLowerCase());
      return result(
        ids.map(transaction_id => ({
          transaction_id,
          fingerprint: this.bronze.get(transaction_id),
        })),
      ) as QueryResult<T>;
    }
    throw new Error(`FakeSql does not know: ${sql}`);
  }

  async transaction<T>(fn: (tx: SqlTransaction) => Promise<T>): Promise<T> {
    const copyRows = async () => {
      throw new Error('FakeSql does not COPY; keep test batches small');
    };
    const before = new Map(this.bronze);
    try {
      return await fn({ query: this.query.bind(this), copyRows });
    } catch (error) {
      this.bronze = before;
      throw error;
    }
  }
}

export function transaction(overrides: Record<string, unknown> = {}) {
  return {
    transaction_id: crypto.randomUUID(),
    store_id: 'ST-NCR-00001',
    device_id: 'DV-ST-NCR-00001-POS',
    occurred_at: '2026-11-20T08:15:00+08:00',
    payment_method: 'gcash',
    items: [
      { sku: 'SKU-1', quantity: 2, unit_price: 15.5 },
      { sku: 'SKU-2', quantity: 1, unit_price: 12 },
    ],
    total: 43,
    ...overrides,
  };
}
