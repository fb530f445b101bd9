export { createIngestTransaction } from './ingest-transaction';
export type {
  IngestMetrics,
  IngestTransactionOptions,
} from './ingest-transaction';
export type { JwtOptions } from './_shared/auth';
export type { HttpOptions } from './_shared/http';
export type { Sql, SqlTransaction } from './_shared/sql';
export { insertTransactions } from './ingest-transaction/store';
export type { IngestResult, IngestMeta } from './ingest-transaction/store';
