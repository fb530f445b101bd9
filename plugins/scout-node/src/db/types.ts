import type { Sql } from '@internal/backstage-plugin-scout-common';

export type {
  QueryResult,
  SqlQueryable,
  SqlTransaction,
} from '@internal/backstage-plugin-scout-common';

/**
 * The scout database: a real PostgreSQL server (pg pool) or the embedded
 * PGlite. Both run the same SQL.
 */
export interface ScoutDatabase extends Sql {
  readonly kind: 'postgres' | 'pglite';
  /** Whether the pgvector extension can be created on this database. */
  hasVector(): Promise<boolean>;
  close(): Promise<void>;
}
