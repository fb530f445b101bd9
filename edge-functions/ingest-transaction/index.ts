import { validateTransactions } from '@internal/backstage-plugin-scout-common';
import type { JwtOptions } from '../_shared/auth';
import { postEndpoint } from '../_shared/endpoint';
import { HttpOptions, json, readJson } from '../_shared/http';
import type { Sql } from '@internal/backstage-plugin-scout-common';
import {
  insertTransactions,
  loadStoreIds,
  TransactionConflictError,
} from './store';

/** Counters the host may export (the portal backend: Prometheus). */
export interface IngestMetrics {
  written(counts: { accepted: number; duplicates: number }): void;
  rejected(reason: string, transactions: number): void;
}

export type IngestTransactionOptions = HttpOptions & {
  sql: Sql;
  jwt: JwtOptions;
  maxBatch?: number;
  metrics?: IngestMetrics;
  /** Called after a batch is committed to bronze: the host starts promotion. */
  onCommitted?: () => void;
  now?: () => Date;
};

const SOURCES = new Set(['pos', 'mobile', 'iot', 'api']);
const STORE_CACHE_MS = 30_000;
const noMetrics: IngestMetrics = { written() {}, rejected() {} };

/**
 * POST one transaction or `{ transactions: [...] }`. All-or-nothing: a batch
 * with any problem is rejected whole with every problem listed (400); a batch
 * that re-uses a stored transaction_id for a different sale is refused whole
 * (409); a valid batch is written to bronze in one database transaction,
 * replays absorbed as duplicates. Promotion to silver follows asynchronously.
 */
export function createIngestTransaction(
  options: IngestTransactionOptions,
): (req: Request) => Promise<Response> {
  const metrics = options.metrics ?? noMetrics;
  const now = options.now ?? (() => new Date());
  const stores = cached(() => loadStoreIds(options.sql), STORE_CACHE_MS);

  return postEndpoint(
    options,
    'ingest',
    async (req, { requestId }) => {
      const body = await readJson(req, options.maxBodyBytes);
      const known = await stores();
      const result = validateTransactions(body, {
        now: now(),
        isKnownStore: id => known.has(id),
        maxBatch: options.maxBatch,
      });
      if (!result.ok) {
        metrics.rejected('invalid_payload', batchSize(body));
        return json(req, options, 400, {
          error: 'The payload is invalid; nothing was written.',
          problems: result.problems,
        });
      }
      const source = req.headers.get('x-scout-source') ?? 'api';
      try {
        const counts = await insertTransactions(
          options.sql,
          result.transactions,
          {
            source: SOURCES.has(source) ? source : 'api',
            requestId,
          },
        );
        metrics.written(counts);
        if (counts.accepted > 0) options.onCommitted?.();
        return json(req, options, 200, counts);
      } catch (error) {
        if (!(error instanceof TransactionConflictError)) {
          metrics.rejected('server_error', result.transactions.length);
          throw error;
        }
        metrics.rejected('id_conflict', result.transactions.length);
        return json(req, options, 409, {
          error:
            'A transaction_id was already ingested with a different sale; nothing was written.',
          problems: error.conflicts.map(c => ({
            index: c.index,
            path: 'transaction_id',
            message: `transaction_id ${c.transaction_id} is already stored with a different payload`,
          })),
        });
      }
    },
    status => metrics.rejected(reasonOf(status), 0),
  );
}

function reasonOf(status: number): string {
  switch (status) {
    case 401:
      return 'unauthenticated';
    case 403:
      return 'forbidden';
    case 413:
      return 'too_large';
    case 415:
      return 'unsupported_encoding';
    default:
      return status >= 500 ? 'server_error' : 'bad_request';
  }
}

function batchSize(body: unknown): number {
  const list = (body as { transactions?: unknown } | null)?.transactions;
  return Array.isArray(list) ? list.length : 1;
}

/** Memoises an async load for ttl ms; concurrent callers share one load. */
function cached<T>(load: () => Promise<T>, ttl: number): () => Promise<T> {
  let value: Promise<T> | undefined;
  let loadedAt = 0;
  return () => {
    if (!value || Date.now() - loadedAt > ttl) {
      loadedAt = Date.now();
      value = load().catch(e => {
        value = undefined;
        throw e;
      });
    }
    return value;
  };
}
