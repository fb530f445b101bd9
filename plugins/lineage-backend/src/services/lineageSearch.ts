import type { Knex } from 'knex';
import { datasetNodeId, jobNodeId } from '../request/nodeId';
import { searchKey } from './searchKey';

/**
 * Datasets and jobs whose name (folded by searchKey: any case, any
 * Unicode form) or namespace contains `q`, newest first, at most `limit`;
 * `totalCount` counts every match.
 */
export async function searchLineage(
  db: Knex,
  q: string,
  filter: 'DATASET' | 'JOB' | undefined,
  limit: number,
) {
  const like = (text: string) => `%${text.replace(/[\\%_]/g, c => `\\${c}`)}%`;
  const kinds = [
    { type: 'DATASET' as const, table: 'lineage_datasets', id: datasetNodeId },
    { type: 'JOB' as const, table: 'lineage_jobs', id: jobNodeId },
  ].filter(k => !filter || k.type === filter);
  const results = [];
  let totalCount = 0;
  for (const k of kinds) {
    const query = () =>
      db(k.table).where(w =>
        w
          .whereRaw(`search_name like ? escape '\\'`, [like(searchKey(q))])
          .orWhereRaw(`lower(namespace) like ? escape '\\'`, [
            like(q.toLowerCase()),
          ]),
      );
    const [{ n }] = await query().count({ n: '*' });
    totalCount += Number(n);
    const rows: {
      namespace: string;
      name: string;
      updated_at: string;
    }[] = await query().orderBy('updated_at', 'desc').limit(limit);
    results.push(
      ...rows.map(r => ({
        type: k.type,
        name: r.name,
        namespace: r.namespace,
        nodeId: k.id(r.namespace, r.name),
        updatedAt: r.updated_at,
      })),
    );
  }
  results.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1));
  return { totalCount, results: results.slice(0, limit) };
}

/**
 * The datasets jobs wrote most recently, at most `limit`, newest first: a
 * dataset's time is the newest `io_event_time` among the jobs whose current
 * outputs name it (the event that set those outputs). Datasets no job
 * writes, the sources, are left out.
 */
export async function recentlyWritten(db: Knex, limit: number) {
  const rows: { namespace: string; name: string; written_at: string }[] =
    await db('lineage_datasets as d')
      .join('lineage_job_io as io', 'io.dataset_id', 'd.id')
      .join('lineage_jobs as j', 'j.id', 'io.job_id')
      .where('io.direction', 'out')
      .groupBy('d.id', 'd.namespace', 'd.name')
      .select(
        'd.namespace',
        'd.name',
        db.raw('max(coalesce(j.io_event_time, j.updated_at)) as written_at'),
      )
      .orderBy('written_at', 'desc')
      .orderBy('d.id', 'desc')
      .limit(limit);
  return rows.map(r => ({
    nodeId: datasetNodeId(r.namespace, r.name),
    namespace: r.namespace,
    name: r.name,
    writtenAt: r.written_at,
  }));
}
