import type { LineageGraph } from './types';

/**
 * The jobs that read `datasetId`, by its edges in `graph`: those of the
 * table, whatever column lineage their events declared. Complete for a
 * dataset whose edges the graph holds all of (not one in `open`).
 */
export function readersOf(graph: LineageGraph, datasetId: string): string[] {
  return [...graph.edges.values()]
    .filter(e => e.from === datasetId)
    .map(e => e.to);
}
