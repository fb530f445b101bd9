import type { Knex } from 'knex';
import { datasetNodeId, jobNodeId } from '../request/nodeId';

/**
 * Datasets and jobs whose name contains `q`, case-insensitive, newest
 * first, at most `limit`; `totalCount` counts every match.
 */
export async function searchLineage(
  db: Knex,
  q: string,
  filter: 'DATASET' | 'JOB' | undefined,
  limit: number,
) {
  const pattern = `%${q.toLowerCase().replace(/[\\%_]/g, c => `\\${c}`)}%`;
  const kinds = [
    { type: 'DATASET' as const, table: 'lineage_datasets', id: datasetNodeId },
    { type: 'JOB' as const, table: 'lineage_jobs', id: jobNodeId },
  ].filter(k => !filter || k.type === filter);
  const results = [];
  let totalCount = 0;
  for (const k of kinds) {
    const query = () =>
      db(k.table).whereRaw(`lower(name) like ? escape '\\'`, [pattern]);
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
