import type { Node } from '@internal/backstage-plugin-lineage-common';
import { layerOf } from '../layers';
import { parseNodeId } from '../nodeIds';
import {
  fieldsOf,
  freshnessOf,
  lastWriteOf,
  ownersOf,
  lastRunOf,
  qualityOf,
  renamedOf,
  text,
} from './readDatasetData';
import {
  edgeKey,
  type GraphEdge,
  type LineageGraph,
  type LineageNode,
} from './types';

/**
 * One node of the answer; its `data` read field by field
 * (readDatasetData), the id the fallback for the names.
 */
export function toLineageNode(node: Node): LineageNode {
  const data: Record<string, unknown> = node.data ?? {};
  const ref = parseNodeId(node.id);
  const namespace = text(data.namespace) ?? ref?.namespace ?? '';
  const name = text(data.name) ?? ref?.name ?? node.id;
  if (node.type === 'JOB') {
    const run = data.latestRun as Record<string, unknown> | null | undefined;
    const runId = text(run?.runId);
    return {
      id: node.id,
      kind: 'job',
      namespace,
      name,
      sql: text(data.sql),
      latestRun: runId ? { runId, state: text(run?.state) } : undefined,
    };
  }
  return {
    id: node.id,
    kind: 'dataset',
    namespace,
    name,
    layer: layerOf(name, data.written === true),
    fields: fieldsOf(data.fields),
    updatedAt: text(data.updatedAt),
    quality: qualityOf(data.quality),
    lastRun: lastRunOf(data.lastRun),
    freshness: freshnessOf(data.freshness),
    owners: ownersOf(data.owners),
    lastWrite: lastWriteOf(data.lastWrite),
    lifecycleState: text(data.lifecycleState),
    renamedFrom: renamedOf(data.renamedFrom),
    renamedTo: renamedOf(data.renamedTo),
    upstreamFailed: data.upstreamFailed === true,
  };
}

/** The answer of `GET /api/v1/lineage` as a {@link LineageGraph}. */
export function toLineageGraph(answer: Node[]): LineageGraph {
  const nodes = new Map<string, LineageNode>();
  const edges = new Map<string, GraphEdge>();
  for (const node of answer) {
    nodes.set(node.id, toLineageNode(node));
    for (const e of [...node.inEdges, ...node.outEdges]) {
      const edge = { from: e.origin, to: e.destination };
      edges.set(edgeKey(edge), edge);
    }
  }
  return { nodes, edges };
}
