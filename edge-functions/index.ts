export { createIngestTransaction } from './ingest-transaction';
export type {
  IngestMetrics,
  IngestTransactionOptions,
} from './ingest-transaction';
export type { JwtOptions } from './_shared/auth';
export { requestIdOf, serverErrorBody } from './_shared/endpoint';
export type { HttpOptions } from './_shared/http';
export type {
  Sql,
  SqlTransaction,
} from '@internal/backstage-plugin-scout-common';
export {
  BRONZE_COLUMNS,
  bronzeRows,
  insertTransactions,
  TransactionConflictError,
  transactionFingerprint,
} from './ingest-transaction/store';
export type {
  IdConflict,
  IngestResult,
  IngestMeta,
} from './ingest-transaction/store';
export {
  createLexicalEmbeddings,
  createOpenAIEmbeddings,
  embeddingsFromEnv,
} from './_shared/embeddings';
export type {
  EmbeddingsProvider,
  OpenAIEmbeddingsOptions,
} from './_shared/embeddings';
export { chunkText } from './ingest-doc/chunk';
export type { ChunkOptions } from './ingest-doc/chunk';
export { createIngestDoc } from './ingest-doc';
export type { IngestDocOptions } from './ingest-doc';
export {
  createEmbedBatch,
  DEFAULT_EMBED_LIMIT,
  MAX_EMBED_LIMIT,
} from './embed-batch';
export type { EmbedBatchOptions } from './embed-batch';
export { INGEST_TRANSACTION_LINEAGE } from './ingest-transaction/lineage';
export { INGEST_DOC_LINEAGE } from './ingest-doc/lineage';
export { EMBED_BATCH_LINEAGE } from './embed-batch/lineage';
