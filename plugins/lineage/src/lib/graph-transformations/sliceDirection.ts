import type { Direction, GraphEdge, LineageGraph } from './types';
import { edgeKey } from './types';

/**
 * The part of `graph` on one side of `nodeId`: the node and what it
 * reaches against the edges (upstream) or along them (downstream). An
 * expand fetches both sides and keeps the side that was asked for.
 */
export function sliceDirection(
  graph: LineageGraph,
  nodeId: string,
  direction: Direction,
): LineageGraph {
  const next = new Map<string, string[]>();
  for (const e of graph.edges.values()) {
    const [a, b] = direction === 'upstream' ? [e.to, e.from] : [e.from, e.to];
    next.set(a, [...(next.get(a) ?? []), b]);
  }
  const keep = new Set([nodeId]);
  const queue = [nodeId];
  while (queue.length) {
    for (const n of next.get(queue.shift()!) ?? []) {
      if (!keep.has(n)) {
        keep.add(n);
        queue.push(n);
      }
    }
  }
  const nodes = new Map([...graph.nodes].filter(([id]) => keep.has(id)));
  // Edges out of the slice stay: they mark where the next expand leads.
  const edges = new Map<string, GraphEdge>();
  for (const e of graph.edges.values()) {
    if (keep.has(direction === 'upstream' ? e.to : e.from)) {
      edges.set(edgeKey(e), e);
    }
  }
  return { nodes, edges };
}
