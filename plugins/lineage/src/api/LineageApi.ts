import { createApiRef } from '@backstage/frontend-plugin-api';
import type {
  FieldNode,
  Impact,
  Node,
  SearchResult,
  WrittenDataset,
} from '@internal/backstage-plugin-lineage-common';
import { BackendRequestError } from '@internal/backstage-plugin-scout-react';

export type SearchQuery = {
  q: string;
  filter?: 'DATASET' | 'JOB';
  limit?: number;
};

/**
 * The lineage backend, unwrapped: each method resolves with the answer or
 * rejects with a {@link BackendRequestError} carrying the backend's message.
 */
export interface LineageApi {
  /** The datasets and jobs around a node, `depth` jobs away. */
  getLineage(nodeId: string, depth: number): Promise<Node[]>;
  /** A field's column lineage, upstream and downstream. */
  getColumnLineage(fieldNodeId: string, depth: number): Promise<FieldNode[]>;
  search(
    query: SearchQuery,
  ): Promise<{ totalCount: number; results: SearchResult[] }>;
  /** The datasets jobs wrote most recently, newest first; no sources. */
  getRecentlyWritten(limit: number): Promise<WrittenDataset[]>;
  /** Everything downstream of a dataset or field. */
  getImpact(nodeId: string): Promise<Impact>;
}

export const lineageApiRef = createApiRef<LineageApi>().with({
  id: 'plugin.lineage.client',
  pluginId: 'lineage',
});
