import type { Layer } from '../layers';
import {
  edgeKey,
  type GraphEdge,
  type LineageGraph,
  type LineageNode,
} from './types';

export type GraphFilters = {
  layers: ReadonlySet<Layer>;
  kinds: ReadonlySet<LineageNode['kind']>;
};

/** What to draw: the visible nodes and the edges between them. */
export type VisibleGraph = {
  nodes: LineageNode[];
  edges: GraphEdge[];
};

/**
 * The nodes the filters keep, and the edges between them. A dataset of a
 * hidden layer is left out with its edges. A hidden kind is bridged: with
 * jobs hidden, each input of a job gets an edge to each of its outputs
 * (dataset → dataset), and likewise through datasets when those are hidden.
 * Edges to nodes not loaded yet are not drawn.
 */
export function filterGraph(
  graph: LineageGraph,
  filters: GraphFilters,
): VisibleGraph {
  const inLayer = (n: LineageNode) =>
    n.kind === 'job' || filters.layers.has(n.layer);
  const nodes = [...graph.nodes.values()].filter(
    n => inLayer(n) && filters.kinds.has(n.kind),
  );
  const shown = new Set(nodes.map(n => n.id));
  const edges = new Map<string, GraphEdge>();
  const add = (e: GraphEdge) => {
    if (shown.has(e.from) && shown.has(e.to) && e.from !== e.to) {
      edges.set(edgeKey(e), e);
    }
  };
  const inputs = new Map<string, string[]>();
  const outputs = new Map<string, string[]>();
  for (const e of graph.edges.values()) {
    add(e);
    inputs.set(e.to, [...(inputs.get(e.to) ?? []), e.from]);
    outputs.set(e.from, [...(outputs.get(e.from) ?? []), e.to]);
  }
  for (const n of graph.nodes.values()) {
    if (filters.kinds.has(n.kind) || !inLayer(n)) continue;
    for (const from of inputs.get(n.id) ?? []) {
      for (const to of outputs.get(n.id) ?? []) add({ from, to });
    }
  }
  return { nodes, edges: [...edges.values()] };
}
