import { mergeGraphs } from './mergeGraphs';
import { sliceDirection } from './sliceDirection';
import type { LineageGraph } from './types';

/**
 * The part of a graph answer that is about `nodeId`, to `maxJobs` jobs
 * away: what reaches it along the edges and what it reaches. A
 * Marquez-style answer also holds the other inputs of its readers and the
 * other outputs of its writers (every table a dashboard exposure reads,
 * say); those are left for an expand.
 */
export function aroundNode(
  graph: LineageGraph,
  nodeId: string,
  maxJobs = Infinity,
): LineageGraph {
  return mergeGraphs(
    sliceDirection(graph, nodeId, 'upstream', maxJobs),
    sliceDirection(graph, nodeId, 'downstream', maxJobs),
  );
}
