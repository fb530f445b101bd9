import { InputError } from '@backstage/errors';
import type { Knex } from 'knex';

/**
 * Throws InputError (and so rolls the transaction back) when the field
 * edges just written for `jobIds` close a cycle with the stored ones: an
 * edge u → v whose v already feeds u. Column lineage is a DAG; a producer
 * that says otherwise is wrong, and the graph queries rely on it. The
 * common case costs one query: what the new edges feed, met against where
 * they start; only a hit looks for the offending edge itself.
 */
export async function refuseCycles(tx: Knex.Transaction, jobIds: number[]) {
  const jobs = jobIds.map(() => '?').join(', ');
  const fed = await tx.raw(
    `with recursive reach(id) as (
       select to_field_id from lineage_field_edges where job_id in (${jobs})
       union
       select e.to_field_id from reach r
       join lineage_field_edges e on e.from_field_id = r.id
     )
     select 1 as hit from lineage_field_edges n
     join reach r on r.id = n.from_field_id
     where n.job_id in (${jobs}) limit 1`,
    [...jobIds, ...jobIds],
  );
  if (!rowsOf(fed).length) return;
  const closing = rowsOf<{ from_id: number; to_id: number; job_id: number }>(
    await tx.raw(
      `with recursive reach(start, id) as (
         select to_field_id, to_field_id from lineage_field_edges
         where job_id in (${jobs})
         union
         select r.start, e.to_field_id from reach r
         join lineage_field_edges e on e.from_field_id = r.id
       )
       select n.from_field_id as from_id, n.to_field_id as to_id, n.job_id
       from lineage_field_edges n
       join reach r on r.start = n.to_field_id and r.id = n.from_field_id
       where n.job_id in (${jobs}) limit 1`,
      [...jobIds, ...jobIds],
    ),
  );
  if (!closing.length) return;
  const [{ from_id, to_id, job_id }] = closing;
  const job: { namespace: string; name: string } = await tx('lineage_jobs')
    .where('id', job_id)
    .first('namespace', 'name');
  const names = new Map<number, string>(
    (
      await tx('lineage_fields as f')
        .join('lineage_datasets as d', 'd.id', 'f.dataset_id')
        .whereIn('f.id', [from_id, to_id])
        .select('f.id', 'd.name as dataset', 'f.name as field')
    ).map((r: { id: number; dataset: string; field: string }) => [
      r.id,
      `${r.dataset}.${r.field}`,
    ]),
  );
  throw new InputError(
    `outputs[].facets.columnLineage of job ${job.namespace}/${
      job.name
    }: cyclic column lineage: ${names.get(to_id)} ← ${names.get(
      from_id,
    )}, which is already computed from ${names.get(
      to_id,
    )}; a value cannot be computed from itself`,
  );
}

/** The rows of a raw query: PostgreSQL answers {rows}, SQLite an array. */
function rowsOf<T = unknown>(result: unknown): T[] {
  return Array.isArray(result)
    ? (result as T[])
    : (result as { rows: T[] }).rows ?? [];
}
