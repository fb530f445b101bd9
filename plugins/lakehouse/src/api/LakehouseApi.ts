import { createApiRef } from '@backstage/frontend-plugin-api';
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
} from '@internal/backstage-plugin-lakehouse-common';
import { BackendRequestError } from '@internal/backstage-plugin-scout-react';

/** A table's address: the annotation's triple. */
export type TableRef = { catalog: string; namespace: string; table: string };

export type PreviewQuery = {
  limit: number;
  offset: number;
  ref?: string;
  snapshot?: string;
};

/**
 * The lakehouse backend, unwrapped: each method resolves with the response
 * body or rejects with a {@link BackendRequestError}.
 */
export interface LakehouseApi {
  listCatalogs(): Promise<Catalog[]>;
  listNamespaces(catalog: string): Promise<Namespace[]>;
  listTables(catalog: string, namespace: string): Promise<TableSummary[]>;
  getTable(table: TableRef): Promise<TableDetail>;
  listSnapshots(table: TableRef): Promise<Snapshot[]>;
  listPartitions(
    table: TableRef,
  ): Promise<{ health: FileHealth; items: PartitionStats[] }>;
  listTableCommits(table: TableRef, ref?: string): Promise<Commit[]>;
  previewTable(table: TableRef, query: PreviewQuery): Promise<Preview>;
  listRefs(catalog: string): Promise<Reference[]>;
  diffRefs(catalog: string, from: string, to: string): Promise<DiffEntry[]>;
}

export const lakehouseApiRef = createApiRef<LakehouseApi>().with({
  id: 'plugin.lakehouse.client',
  pluginId: 'lakehouse',
});
