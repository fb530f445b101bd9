import dagre from '@dagrejs/dagre';
import type { GraphEdge, LineageNode } from './types';
import type { VisibleGraph } from './filterGraph';

export const NODE_SIZE = {
  // Room for two lines of badges.
  dataset: { width: 260, height: 104 },
  job: { width: 220, height: 52 },
};

export type PlacedNode = {
  node: LineageNode;
  /** Top-left corner. */
  x: number;
  y: number;
  width: number;
  height: number;
};

export type PlacedEdge = GraphEdge & { points: { x: number; y: number }[] };

export type GraphLayout = {
  nodes: PlacedNode[];
  edges: PlacedEdge[];
  width: number;
  height: number;
};

/**
 * Past this many nodes the layout ranks with a tight tree, not network
 * simplex: on lineage graphs both cost the same below it, and above it
 * network simplex grows much faster (a median 766 ms against 320 ms for
 * 510 nodes in Node 22), time the page is frozen on every expand. The
 * price: edges about half again as long.
 */
const NETWORK_SIMPLEX_MAX_NODES = 200;

/**
 * What the layout needs of a graph: node ids and kinds, and edges. Plain
 * data, so that it can be posted to a Web Worker (see layoutWorker).
 */
export type GraphShape = {
  nodes: { id: string; kind: LineageNode['kind'] }[];
  edges: GraphEdge[];
};

/** Where `placeGraph` put a shape's nodes and edges, in their order. */
export type Placement = {
  nodes: { x: number; y: number; width: number; height: number }[];
  edges: { x: number; y: number }[][];
  width: number;
  height: number;
};

export const shapeOf = (graph: VisibleGraph): GraphShape => ({
  nodes: graph.nodes.map(({ id, kind }) => ({ id, kind })),
  edges: graph.edges.map(({ from, to }) => ({ from, to })),
});

/**
 * Left-to-right layered layout (dagre): upstream on the left. Pure and
 * deterministic: the same shape always gets the same placement.
 */
export function placeGraph(shape: GraphShape): Placement {
  const g = new dagre.graphlib.Graph({ multigraph: false });
  g.setGraph({
    ranker:
      shape.nodes.length > NETWORK_SIMPLEX_MAX_NODES
        ? 'tight-tree'
        : 'network-simplex',
    rankdir: 'LR',
    nodesep: 24,
    ranksep: 64,
    marginx: 16,
    marginy: 16,
  });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of shape.nodes) {
    g.setNode(node.id, { ...NODE_SIZE[node.kind] });
  }
  for (const e of shape.edges) g.setEdge(e.from, e.to);
  dagre.layout(g);

  const nodes = shape.nodes.map(node => {
    const { x, y, width, height } = g.node(node.id);
    return { x: x - width / 2, y: y - height / 2, width, height };
  });
  const edges = shape.edges.map(e => g.edge(e.from, e.to)?.points ?? []);
  const { width = 0, height = 0 } = g.graph();
  return { nodes, edges, width, height };
}

/** `graph` placed as `placement`, which `placeGraph` made of its shape. */
export function placedGraph(
  graph: VisibleGraph,
  placement: Placement,
): GraphLayout {
  return {
    nodes: graph.nodes.map((node, i) => ({ node, ...placement.nodes[i] })),
    edges: graph.edges.map((e, i) => ({ ...e, points: placement.edges[i] })),
    width: placement.width,
    height: placement.height,
  };
}

/**
 * The graph laid out here and now (see placeGraph). The view computes it
 * once per visible graph, not on hover, selection or highlight; past a
 * hundred nodes, in a Web Worker (see useGraphLayout).
 */
export function layoutGraph(graph: VisibleGraph): GraphLayout {
  return placedGraph(graph, placeGraph(shapeOf(graph)));
}
