import type { Knex } from 'knex';
import { datasetNodeId } from '../request/nodeId';
import { inChunks, push } from './collections';

type NamedRow = { id: number; namespace: string; name: string };

/** What the datasets of one name are built from. */
export type DatasetUpstream = {
  name: string;
  upstream: { nodeId: string; namespace: string; name: string }[];
};

/**
 * For each name, the datasets read by the jobs that write a dataset of that
 * name, in any namespace (depth 1, the `in` rows of the writers' job io).
 * Three queries per 500 names however many there are, so a caller that
 * needs every table's upstream asks once instead of walking the graph
 * table by table. Answers each distinct name once, in the order given.
 */
export async function upstreamByNames(
  db: Knex,
  names: string[],
): Promise<DatasetUpstream[]> {
  const asked = [...new Set(names)];
  // No index on name alone (the unique one leads with namespace): one scan
  // per chunk beats a lookup per namespace the caller cannot know.
  const targets: NamedRow[] = await inChunks(asked, chunk =>
    db('lineage_datasets')
      .whereIn('name', chunk)
      .select('id', 'namespace', 'name'),
  );
  const pairs: { output_id: number; input_id: number }[] = await inChunks(
    targets.map(t => t.id),
    ids =>
      db('lineage_job_io as writes')
        .join('lineage_job_io as reads', 'reads.job_id', 'writes.job_id')
        .where('writes.direction', 'out')
        .where('reads.direction', 'in')
        .whereIn('writes.dataset_id', ids)
        .distinct({
          output_id: 'writes.dataset_id',
          input_id: 'reads.dataset_id',
        }),
  );
  const inputs: NamedRow[] = await inChunks(
    [...new Set(pairs.map(p => p.input_id))],
    ids =>
      db('lineage_datasets')
        .whereIn('id', ids)
        .select('id', 'namespace', 'name'),
  );
  const inputById = new Map(inputs.map(i => [i.id, i]));
  const nameById = new Map(targets.map(t => [t.id, t.name]));
  const byName = new Map<string, NamedRow[]>();
  for (const { output_id, input_id } of pairs) {
    push(byName, nameById.get(output_id)!, inputById.get(input_id)!);
  }
  return asked.map(name => ({
    name,
    upstream: [...new Map((byName.get(name) ?? []).map(d => [d.id, d]))]
      .map(([, d]) => ({
        nodeId: datasetNodeId(d.namespace, d.name),
        namespace: d.namespace,
        name: d.name,
      }))
      .sort(
        (a, b) =>
          a.namespace.localeCompare(b.namespace) ||
          a.name.localeCompare(b.name),
      ),
  }));
}
