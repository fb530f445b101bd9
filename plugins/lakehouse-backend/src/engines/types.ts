import type {
  Catalog,
  Commit,
  DiffEntry,
  FileHealth,
  Namespace,
  PartitionStats,
  Preview,
  Reference,
  Snapshot,
  TableDetail,
  TableSummary,
} from '../schema/openapi/generated/models';

/** A table of the engine's catalog; both names are checked identifiers. */
export type TableRef = { namespace: string; table: string };

export type PreviewRequest = TableRef & {
  /** A branch or tag; undefined is the catalog's default branch. */
  ref?: string;
  /** An Iceberg snapshot id (digits). */
  snapshot?: string;
  limit: number;
  offset: number;
  /** Who the query runs as (a Trino user). */
  user: string;
};

export type CommitsRequest = TableRef & { ref?: string; limit: number };

/**
 * One lakehouse catalog, served by Trino and Nessie or by DuckDB over
 * Parquet. Every method throws @backstage/errors types: NotFoundError for an
 * unknown namespace, table or reference, InputError for a request the
 * engine cannot serve, ServiceUnavailableError when the engine is down.
 */
export interface LakehouseEngine {
  readonly catalog: Catalog;
  listNamespaces(): Promise<Namespace[]>;
  listTables(namespace: string): Promise<TableSummary[]>;
  /** Everything but the description and column comments that only dbt knows. */
  getTable(table: TableRef): Promise<TableDetail>;
  /** Newest first. */
  listSnapshots(table: TableRef): Promise<Snapshot[]>;
  listPartitions(
    table: TableRef,
  ): Promise<{ health: FileHealth; items: PartitionStats[] }>;
  listCommits(request: CommitsRequest): Promise<Commit[]>;
  preview(request: PreviewRequest): Promise<Preview>;
  listRefs(): Promise<Reference[]>;
  diff(from: string, to: string): Promise<DiffEntry[]>;
  /** A short check that the engine answers; resolves to what is wrong, if anything. */
  probe(): Promise<string | undefined>;
  close(): Promise<void>;
}
