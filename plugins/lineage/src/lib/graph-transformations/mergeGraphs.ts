import type { LineageGraph } from './types';

/**
 * The graph with `more` added, as after expanding a node: nodes and edges
 * are unions; a node in both keeps the newer answer's data (`more`).
 */
export function mergeGraphs(
  graph: LineageGraph,
  more: LineageGraph,
): LineageGraph {
  return {
    nodes: new Map([...graph.nodes, ...more.nodes]),
    edges: new Map([...graph.edges, ...more.edges]),
  };
}
