import type { Knex } from 'knex';
import { inChunks } from './collections';
import { chunks } from './storeRows';

type Tx = Knex.Transaction;

/** A row of lineage_job_io: a dataset a job reads (`in`) or writes (`out`). */
export type IoRow = { job_id: number; dataset_id: number; direction: string };

/** A row of lineage_field_edges: a field the job computes from another. */
export type EdgeRow = {
  job_id: number;
  from_field_id: number;
  to_field_id: number;
  transformation_type: string | null;
  transformation_subtype: string | null;
  description: string | null;
};

const ioKey = (r: IoRow) => `${r.job_id}:${r.dataset_id}:${r.direction}`;
const edgeKey = (r: EdgeRow) =>
  `${r.job_id}:${r.from_field_id}:${r.to_field_id}`;
const sameEdge = (a: EdgeRow, b: EdgeRow) =>
  a.transformation_type === b.transformation_type &&
  (a.transformation_subtype ?? null) === (b.transformation_subtype ?? null) &&
  (a.description ?? null) === (b.description ?? null);

/**
 * Writes the inputs, outputs and field edges of the jobs in `replace`: for
 * a job mapped to true they become exactly its rows of `io` and `edges`;
 * for one mapped to false its rows are added to the stored ones (another
 * event of a run that set them). Only the difference is written: a job
 * that sends the same lineage on every run, the common case, costs two
 * reads and no writes. Returns the jobs that gained a field edge, the only
 * ones whose edges can have closed a cycle.
 */
export async function replaceJobLinks(
  tx: Tx,
  replace: Map<number, boolean>,
  io: IoRow[],
  edges: EdgeRow[],
): Promise<number[]> {
  const jobIds = [...replace.keys()];
  const kept = (r: { job_id: number }) => !replace.get(r.job_id);
  const storedIo: IoRow[] = await inChunks(jobIds, ids =>
    tx('lineage_job_io')
      .whereIn('job_id', ids)
      .select('job_id', 'dataset_id', 'direction'),
  );
  const wantedIo = new Set(io.map(ioKey));
  const haveIo = new Set(storedIo.map(ioKey));
  for (const chunk of chunks(
    storedIo.filter(r => !kept(r) && !wantedIo.has(ioKey(r))),
    300,
  )) {
    await tx('lineage_job_io')
      .whereIn(
        ['job_id', 'dataset_id', 'direction'],
        chunk.map(r => [r.job_id, r.dataset_id, r.direction]),
      )
      .delete();
  }
  for (const chunk of chunks(
    io.filter(r => !haveIo.has(ioKey(r))),
    300,
  )) {
    await tx('lineage_job_io').insert(chunk);
  }

  const storedEdges: EdgeRow[] = await inChunks(jobIds, ids =>
    tx('lineage_field_edges')
      .whereIn('job_id', ids)
      .select(
        'job_id',
        'from_field_id',
        'to_field_id',
        'transformation_type',
        'transformation_subtype',
        'description',
      ),
  );
  const have = new Map(storedEdges.map(r => [edgeKey(r), r]));
  const wanted = new Map(edges.map(r => [edgeKey(r), r]));
  // A changed transformation is rewritten: deleted, then inserted. Added
  // to kept links, an edge they have already stays as it is.
  const stale = storedEdges.filter(r => {
    if (kept(r)) return false;
    const next = wanted.get(edgeKey(r));
    return !next || !sameEdge(r, next);
  });
  const added = edges.filter(r => {
    const before = have.get(edgeKey(r));
    return !before || (!kept(r) && !sameEdge(before, r));
  });
  for (const chunk of chunks(stale, 300)) {
    await tx('lineage_field_edges')
      .whereIn(
        ['job_id', 'from_field_id', 'to_field_id'],
        chunk.map(r => [r.job_id, r.from_field_id, r.to_field_id]),
      )
      .delete();
  }
  for (const chunk of chunks(added, 150)) {
    await tx('lineage_field_edges').insert(chunk);
  }
  return [
    ...new Set(added.filter(r => !have.has(edgeKey(r))).map(r => r.job_id)),
  ];
}
