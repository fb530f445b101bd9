import type { Knex } from 'knex';
import { datasetNodeId, jobNodeId } from '../request/nodeId';
import { inChunks, push } from './collections';
import { downstreamOfFailures } from './downstreamReach';
import type { IoRow } from './jobLinks';
import { freshness, lastRun, quality, type QualityColumns } from './quality';

type Edge = { origin: string; destination: string };

/** The other dataset of a RENAME (stored JSON), with the rename's time. */
const renamed = (stored?: string | null, eventTime?: string | null) =>
  stored ? { ...JSON.parse(stored), eventTime: eventTime ?? null } : null;
type NodeRow = {
  id: number;
  namespace: string;
  name: string;
  updated_at: string;
};
/** A row of lineage_datasets. */
export type DatasetRow = NodeRow &
  QualityColumns & {
    schema_fields?: string | null;
    owners?: string | null;
    lifecycle_state?: string | null;
    lifecycle_event_time?: string | null;
    renamed_from?: string | null;
    renamed_from_event_time?: string | null;
    renamed_to?: string | null;
    last_write?: string | null;
    last_write_event_time?: string | null;
  };
/** A row of lineage_jobs. */
export type JobRow = NodeRow & {
  sql: string | null;
  latest_run_id: string | null;
  latest_run_state: string | null;
};

/**
 * The nodes of a graph answer in Marquez's shape: each dataset with its
 * fields and facts and whether any job writes it, each job with its SQL
 * and latest run, and the edges of `io` between them (those to a node
 * outside the answer are left out).
 * Marking datasets built from failing data walks downstream of every
 * failure, up to `maxDepth` jobs away.
 */
export async function graphNodes(
  db: Knex,
  maxDepth: number,
  datasetIds: number[],
  jobIds: number[],
  io: IoRow[],
) {
  const datasets: DatasetRow[] = await inChunks(datasetIds, ids =>
    db('lineage_datasets').whereIn('id', ids),
  );
  const jobs: JobRow[] = await inChunks(jobIds, ids =>
    db('lineage_jobs').whereIn('id', ids),
  );
  const fields: { dataset_id: number; name: string; type: string | null }[] =
    await inChunks(datasetIds, ids =>
      db('lineage_fields').whereIn('dataset_id', ids).orderBy('id'),
    );
  // Each dataset's fields in id order, grouped once rather than filtered per node.
  const fieldsOf = new Map<number, { name: string; type: string | null }[]>();
  for (const f of fields) {
    push(fieldsOf, f.dataset_id, { name: f.name, type: f.type });
  }
  // Written by some job in the store, in the answer or not: not a source.
  const outputs: { dataset_id: number }[] = await inChunks(datasetIds, ids =>
    db('lineage_job_io')
      .distinct('dataset_id')
      .where('direction', 'out')
      .whereIn('dataset_id', ids),
  );
  const written = new Set(outputs.map(o => o.dataset_id));
  const upstreamFailed = await downstreamOfFailures(db, maxDepth);
  const dsId = new Map(
    datasets.map(d => [d.id, datasetNodeId(d.namespace, d.name)]),
  );
  const jobId = new Map(jobs.map(j => [j.id, jobNodeId(j.namespace, j.name)]));
  const inEdges = new Map<string, Edge[]>();
  const outEdges = new Map<string, Edge[]>();
  const seen = new Set<string>();
  for (const r of io) {
    const d = dsId.get(r.dataset_id);
    const j = jobId.get(r.job_id);
    if (!d || !j) continue;
    const edge =
      r.direction === 'in'
        ? { origin: d, destination: j }
        : { origin: j, destination: d };
    const key = `${edge.origin}>${edge.destination}`;
    if (seen.has(key)) continue;
    seen.add(key);
    push(outEdges, edge.origin, edge);
    push(inEdges, edge.destination, edge);
  }
  return [
    ...datasets.map(d => {
      const id = dsId.get(d.id)!;
      return {
        id,
        type: 'DATASET' as const,
        data: {
          namespace: d.namespace,
          name: d.name,
          updatedAt: d.updated_at,
          // The newest schema facet's; else every field lineage names.
          fields: d.schema_fields
            ? JSON.parse(d.schema_fields)
            : fieldsOf.get(d.id) ?? [],
          quality: quality(d),
          upstreamFailed: upstreamFailed.has(d.id),
          freshness: freshness(d),
          lastRun: lastRun(d),
          owners: d.owners ? JSON.parse(d.owners) : null,
          lifecycleState: d.lifecycle_state ?? null,
          renamedFrom: renamed(d.renamed_from, d.renamed_from_event_time),
          renamedTo: renamed(d.renamed_to, d.lifecycle_event_time),
          lastWrite: d.last_write
            ? {
                ...JSON.parse(d.last_write),
                eventTime: d.last_write_event_time,
              }
            : null,
          written: written.has(d.id),
        },
        inEdges: inEdges.get(id) ?? [],
        outEdges: outEdges.get(id) ?? [],
      };
    }),
    ...jobs.map(j => {
      const id = jobId.get(j.id)!;
      return {
        id,
        type: 'JOB' as const,
        data: {
          namespace: j.namespace,
          name: j.name,
          sql: j.sql,
          updatedAt: j.updated_at,
          latestRun: j.latest_run_id
            ? { runId: j.latest_run_id, state: j.latest_run_state }
            : null,
        },
        inEdges: inEdges.get(id) ?? [],
        outEdges: outEdges.get(id) ?? [],
      };
    }),
  ];
}
