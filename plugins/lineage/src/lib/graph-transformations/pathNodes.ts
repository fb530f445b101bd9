import type { GraphEdge, LineageGraph } from './types';

/**
 * The nodes and edges a column path runs through in the dataset graph: its
 * datasets, and each job that reads one of them and writes another.
 */
export function pathNodes(
  graph: LineageGraph,
  datasetIds: ReadonlySet<string>,
): { nodeIds: ReadonlySet<string>; isOnPath: (e: GraphEdge) => boolean } {
  const nodeIds = new Set(datasetIds);
  const reads = new Map<string, boolean>();
  const writes = new Map<string, boolean>();
  for (const e of graph.edges.values()) {
    if (datasetIds.has(e.from)) reads.set(e.to, true);
    if (datasetIds.has(e.to)) writes.set(e.from, true);
  }
  for (const node of graph.nodes.values()) {
    if (node.kind === 'job' && reads.get(node.id) && writes.get(node.id)) {
      nodeIds.add(node.id);
    }
  }
  return {
    nodeIds,
    isOnPath: e => nodeIds.has(e.from) && nodeIds.has(e.to),
  };
}
