import type { Direction, GraphEdge, LineageGraph } from './types';
import { edgeKey } from './types';

const isJob = (graph: LineageGraph, id: string) =>
  (graph.nodes.get(id)?.kind ?? id.slice(0, id.indexOf(':'))) === 'job';

/**
 * The part of `graph` on one side of `nodeId`: the node and what it
 * reaches against the edges (upstream) or along them (downstream), as far
 * as `maxJobs` jobs (the node itself counts when it is a job). An expand
 * fetches both sides, one job further, and keeps the side asked for.
 */
export function sliceDirection(
  graph: LineageGraph,
  nodeId: string,
  direction: Direction,
  maxJobs = Infinity,
): LineageGraph {
  const next = new Map<string, string[]>();
  for (const e of graph.edges.values()) {
    const [a, b] = direction === 'upstream' ? [e.to, e.from] : [e.from, e.to];
    next.set(a, [...(next.get(a) ?? []), b]);
  }
  // Breadth first, and jobs alternate with datasets: the first visit of a
  // node is along a path with the fewest jobs.
  const jobs = new Map([[nodeId, isJob(graph, nodeId) ? 1 : 0]]);
  const queue = [nodeId];
  while (queue.length) {
    const id = queue.shift()!;
    for (const n of next.get(id) ?? []) {
      const count = jobs.get(id)! + (isJob(graph, n) ? 1 : 0);
      if (!jobs.has(n) && count <= maxJobs) {
        jobs.set(n, count);
        queue.push(n);
      }
    }
  }
  const nodes = new Map([...graph.nodes].filter(([id]) => jobs.has(id)));
  // Every edge of a kept node stays, also those to nodes left out: they
  // tell which sides of it hold more (see findUnexplored).
  const edges = new Map<string, GraphEdge>();
  for (const e of graph.edges.values()) {
    if (jobs.has(e.from) || jobs.has(e.to)) edges.set(edgeKey(e), e);
  }
  return { nodes, edges };
}
