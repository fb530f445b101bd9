import type { Direction, LineageGraph } from './types';

export type Unexplored = ReadonlyMap<string, ReadonlySet<Direction>>;

/** The key of one side of one node, in `expanded` sets. */
export const expandKey = (nodeId: string, direction: Direction) =>
  `${direction}:${nodeId}`;

/**
 * For each loaded dataset, the sides not expanded yet. The backend answers
 * each node's edges to the other nodes of the answer only, so whether a
 * side holds more is only known once it is fetched: every side that has
 * not been (`expanded` holds `expandKey`s) is offered.
 */
export function findUnexplored(
  graph: LineageGraph,
  expanded: ReadonlySet<string>,
): Unexplored {
  const result = new Map<string, Set<Direction>>();
  for (const node of graph.nodes.values()) {
    if (node.kind !== 'dataset') continue;
    const sides = new Set<Direction>();
    for (const d of ['upstream', 'downstream'] as const) {
      if (!expanded.has(expandKey(node.id, d))) sides.add(d);
    }
    result.set(node.id, sides);
  }
  return result;
}
