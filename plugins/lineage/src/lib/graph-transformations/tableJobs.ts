import type { LineageGraph } from './types';

/** How many jobs read a table and how many write it. */
export type TableJobs = { readers: number; writers: number };

/**
 * The jobs that read and write `datasetId`, by its edges in `graph`:
 * those of the table, whatever column lineage their events declared.
 * Complete for a dataset whose edges the graph holds all of (not one in
 * `open`).
 */
export function tableJobs(graph: LineageGraph, datasetId: string): TableJobs {
  let readers = 0;
  let writers = 0;
  for (const e of graph.edges.values()) {
    if (e.from === datasetId) readers++;
    if (e.to === datasetId) writers++;
  }
  return { readers, writers };
}
