import type { Node } from '@internal/backstage-plugin-lineage-common';
import { layerOf } from '../layers';
import { parseNodeId } from '../nodeIds';
import {
  edgeKey,
  type DatasetQuality,
  type Field,
  type GraphEdge,
  type LineageGraph,
  type LineageNode,
} from './types';

const text = (v: unknown) => (typeof v === 'string' ? v : undefined);

function fieldsOf(v: unknown): Field[] {
  if (!Array.isArray(v)) return [];
  return v.flatMap(f =>
    f && typeof f.name === 'string'
      ? [{ name: f.name, type: text(f.type) }]
      : [],
  );
}

function qualityOf(v: unknown): DatasetQuality | undefined {
  const q = v as Partial<DatasetQuality> | null | undefined;
  if (!q || !Array.isArray(q.assertions)) return undefined;
  return {
    eventTime: text(q.eventTime),
    passed: Number(q.passed ?? 0),
    warned: Number(q.warned ?? 0),
    failed: Number(q.failed ?? 0),
    assertions: q.assertions.filter(a => a && typeof a.assertion === 'string'),
  };
}

/**
 * One node of the answer. The schema types `data` as a free object, so
 * each field is checked here, and the id is the fallback for the names.
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
    layer: layerOf(name),
    fields: fieldsOf(data.fields),
    updatedAt: text(data.updatedAt),
    quality: qualityOf(data.quality),
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
