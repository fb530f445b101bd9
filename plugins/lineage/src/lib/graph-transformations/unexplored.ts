import type { Direction, LineageGraph } from './types';

export type Unexplored = ReadonlyMap<string, ReadonlySet<Direction>>;

/** The key of one side of one node, in `expanded` sets. */
export const expandKey = (nodeId: string, direction: Direction) =>
  `${direction}:${nodeId}`;

/** An `expandKey` read back; undefined for anything else. */
export function parseExpandKey(
  key: string,
): { nodeId: string; direction: Direction } | undefined {
  const at = key.indexOf(':');
  const direction = key.slice(0, at);
  const nodeId = key.slice(at + 1);
  if (at < 0 || !nodeId) return undefined;
  return direction === 'upstream' || direction === 'downstream'
    ? { nodeId, direction }
    : undefined;
}

/**
 * For each loaded dataset, the sides an expand would add something to.
 * An expand adds the jobs one step that way and their datasets on that
 * side; so a side is offered when an edge of the dataset on it leads to a
 * job not loaded yet, or to a loaded job with an edge onward to a dataset
 * not loaded. A source (no edge upstream) and a sink (none downstream)
 * offer nothing that way, whatever the filters hide: the edges are those
 * of the answers, not of the drawing. Sides in `expanded` (`expandKey`s)
 * are done. A dataset in `open` came from an answer too shallow to show its
 * edges: both its sides are offered.
 */
export function findUnexplored(
  graph: LineageGraph,
  expanded: ReadonlySet<string>,
  open: ReadonlySet<string> = new Set(),
): Unexplored {
  const toward = {
    upstream: new Map<string, string[]>(),
    downstream: new Map<string, string[]>(),
  };
  for (const e of graph.edges.values()) {
    toward.upstream.set(e.to, [...(toward.upstream.get(e.to) ?? []), e.from]);
    toward.downstream.set(e.from, [
      ...(toward.downstream.get(e.from) ?? []),
      e.to,
    ]);
  }
  const adds = (nodeId: string, d: Direction) =>
    (toward[d].get(nodeId) ?? []).some(
      job =>
        !graph.nodes.has(job) ||
        (toward[d].get(job) ?? []).some(ds => !graph.nodes.has(ds)),
    );
  const result = new Map<string, Set<Direction>>();
  for (const node of graph.nodes.values()) {
    if (node.kind !== 'dataset') continue;
    const sides = new Set<Direction>();
    for (const d of ['upstream', 'downstream'] as const) {
      if (
        !expanded.has(expandKey(node.id, d)) &&
        (open.has(node.id) || adds(node.id, d))
      )
        sides.add(d);
    }
    result.set(node.id, sides);
  }
  return result;
}
