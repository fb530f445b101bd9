import type { GraphEdge, LineageGraph, LineageNode } from './types';

/**
 * The union of `graphs`, as after expanding nodes: nodes and edges in
 * one map each; a node or edge in several keeps the last one's data (the
 * newer answer's). One pass over them all: merging a page's hundreds of
 * expands pairwise copied the growing graph once per expand.
 */
export function mergeGraphs(...graphs: LineageGraph[]): LineageGraph {
  const nodes = new Map<string, LineageNode>();
  const edges = new Map<string, GraphEdge>();
  for (const graph of graphs) {
    for (const [id, node] of graph.nodes) nodes.set(id, node);
    for (const [key, edge] of graph.edges) edges.set(key, edge);
  }
  return { nodes, edges };
}
