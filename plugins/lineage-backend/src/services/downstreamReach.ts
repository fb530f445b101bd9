import type { Knex } from 'knex';
import { inChunks } from './collections';
import type { IoRow } from './jobLinks';

/** What lies downstream of a start: datasets by distance in jobs, and jobs. */
export type Reach = { distance: Map<number, number>; jobs: Set<number> };

/**
 * The datasets (with their distance in jobs) and jobs downstream of the
 * start, to `maxDepth` jobs away, breadth first: two queries per hop.
 * `checkNodes` sees the size after every hop and may throw to stop a walk
 * that grows too big; without it the walk is unbounded in nodes.
 */
export async function reachDownstream(
  db: Knex,
  start: { datasets: number[]; jobs: number[] },
  maxDepth: number,
  checkNodes?: (count: number) => void,
): Promise<Reach> {
  const distance = new Map<number, number>(start.datasets.map(id => [id, 0]));
  const jobs = new Set<number>(start.jobs);
  let frontier = start.datasets;
  let frontierJobs = start.jobs;
  for (let hop = 1; hop <= maxDepth; hop++) {
    const reading: IoRow[] = frontier.length
      ? await inChunks(frontier, ids =>
          db('lineage_job_io')
            .whereIn('dataset_id', ids)
            .where('direction', 'in'),
        )
      : [];
    const next = [
      ...frontierJobs,
      ...reading.map(r => r.job_id).filter(id => !jobs.has(id)),
    ];
    next.forEach(id => jobs.add(id));
    const writes: IoRow[] = next.length
      ? await inChunks([...new Set(next)], ids =>
          db('lineage_job_io').whereIn('job_id', ids).where('direction', 'out'),
        )
      : [];
    frontier = [...new Set(writes.map(r => r.dataset_id))].filter(
      id => !distance.has(id),
    );
    frontier.forEach(id => distance.set(id, hop));
    frontierJobs = [];
    checkNodes?.(distance.size + jobs.size);
    if (!frontier.length) break;
  }
  return { distance, jobs };
}

/**
 * The datasets downstream of a dataset whose newest quality assertions
 * include a failure: their data was built from failing data.
 */
export async function downstreamOfFailures(
  db: Knex,
  maxDepth: number,
): Promise<Set<number>> {
  const failing: { id: number }[] = await db('lineage_datasets')
    .where('quality_failed', true)
    .select('id');
  if (!failing.length) return new Set();
  // Not bounded by maxNodes: this marks nodes, it answers none itself.
  const { distance } = await reachDownstream(
    db,
    { datasets: failing.map(f => f.id), jobs: [] },
    maxDepth,
  );
  return new Set([...distance].filter(([, d]) => d > 0).map(([id]) => id));
}
