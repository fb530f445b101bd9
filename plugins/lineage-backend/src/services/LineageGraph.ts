import { InputError, NotFoundError } from '@backstage/errors';
import type { Knex } from 'knex';
import { datasetNodeId, FieldRef, jobNodeId, NodeRef } from '../request/nodeId';
import { inChunks, push } from './collections';
import { freshness, lastRun, quality, type QualityColumns } from './quality';

/** The bounds every query keeps (config lineage.maxDepth and maxNodes). */
export type GraphLimits = { maxDepth: number; maxNodes: number };

type Edge = { origin: string; destination: string };
type NodeRow = {
  id: number;
  namespace: string;
  name: string;
  updated_at: string;
};
type DatasetRow = NodeRow & QualityColumns;
type JobRow = NodeRow & {
  sql: string | null;
  latest_run_id: string | null;
  latest_run_state: string | null;
};
type IoRow = { job_id: number; dataset_id: number; direction: 'in' | 'out' };

/**
 * Reads the lineage tables: the dataset-job graph around a node, search and
 * the downstream impact of a dataset (breadth first, one query per hop).
 * Field lineage is in FieldLineage.
 */
export class LineageGraph {
  constructor(
    private readonly db: Knex,
    private readonly limits: GraphLimits,
  ) {}

  /** @throws InputError when depth is over maxDepth. */
  checkDepth(depth: number) {
    if (depth > this.limits.maxDepth) {
      throw new InputError(
        `depth ${depth} is over the limit of ${this.limits.maxDepth} (lineage.maxDepth)`,
      );
    }
  }

  /** @throws InputError when a query's answer grows over maxNodes. */
  checkNodes(count: number, depth: number) {
    if (count > this.limits.maxNodes) {
      throw new InputError(
        `the answer has more than ${this.limits.maxNodes} nodes (lineage.maxNodes) at depth ${depth}: ask for a smaller depth`,
      );
    }
  }

  async #start(node: NodeRef): Promise<{ datasets: number[]; jobs: number[] }> {
    const table = node.type === 'dataset' ? 'lineage_datasets' : 'lineage_jobs';
    const row = await this.db(table)
      .where({ namespace: node.namespace, name: node.name })
      .first('id');
    if (!row) {
      throw new NotFoundError(
        `no ${node.type} ${node.name} in namespace ${node.namespace}`,
      );
    }
    return node.type === 'dataset'
      ? { datasets: [row.id], jobs: [] }
      : { datasets: [], jobs: [row.id] };
  }

  /**
   * The graph around a dataset or job, upstream and downstream, to `depth`
   * jobs away, in Marquez's shape: `{ graph: Node[] }`, each node with its
   * edges to the other nodes of the answer.
   * @throws NotFoundError for an unknown node; InputError over the limits.
   */
  async lineage(node: NodeRef, depth: number) {
    this.checkDepth(depth);
    const start = await this.#start(node);
    const datasets = new Set(start.datasets);
    const jobs = new Set(start.jobs);
    const io: IoRow[] = [];
    let frontierDatasets = start.datasets;
    let frontierJobs = start.jobs;
    // One hop: the frontier datasets' jobs, then every dataset those jobs read or write.
    for (let hop = 1; hop <= depth; hop++) {
      const touching: IoRow[] = frontierDatasets.length
        ? await this.db('lineage_job_io').whereIn(
            'dataset_id',
            frontierDatasets,
          )
        : [];
      for (const r of touching) {
        if (!jobs.has(r.job_id)) frontierJobs.push(r.job_id);
        jobs.add(r.job_id);
      }
      const written: IoRow[] = frontierJobs.length
        ? await this.db('lineage_job_io').whereIn('job_id', [
            ...new Set(frontierJobs),
          ])
        : [];
      io.push(...touching, ...written);
      frontierDatasets = [];
      for (const r of written) {
        if (!datasets.has(r.dataset_id)) frontierDatasets.push(r.dataset_id);
        datasets.add(r.dataset_id);
      }
      frontierJobs = [];
      this.checkNodes(datasets.size + jobs.size, depth);
      if (!frontierDatasets.length) break;
    }
    return { graph: await this.#nodes([...datasets], [...jobs], io) };
  }

  async #nodes(datasetIds: number[], jobIds: number[], io: IoRow[]) {
    const datasets: DatasetRow[] = await inChunks(datasetIds, ids =>
      this.db('lineage_datasets').whereIn('id', ids),
    );
    const jobs: JobRow[] = await inChunks(jobIds, ids =>
      this.db('lineage_jobs').whereIn('id', ids),
    );
    const fields: { dataset_id: number; name: string; type: string | null }[] =
      await inChunks(datasetIds, ids =>
        this.db('lineage_fields').whereIn('dataset_id', ids).orderBy('id'),
      );
    const upstreamFailed = await this.#downstreamOfFailures();
    const dsId = new Map(
      datasets.map(d => [d.id, datasetNodeId(d.namespace, d.name)]),
    );
    const jobId = new Map(
      jobs.map(j => [j.id, jobNodeId(j.namespace, j.name)]),
    );
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
            fields: fields
              .filter(f => f.dataset_id === d.id)
              .map(f => ({ name: f.name, type: f.type })),
            quality: quality(d),
            upstreamFailed: upstreamFailed.has(d.id),
            freshness: freshness(d),
            lastRun: lastRun(d),
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

  /** Datasets and jobs whose name contains `q`, case-insensitive, newest first. */
  async search(
    q: string,
    filter: 'DATASET' | 'JOB' | undefined,
    limit: number,
  ) {
    const pattern = `%${q.toLowerCase().replace(/[\\%_]/g, c => `\\${c}`)}%`;
    const kinds = [
      {
        type: 'DATASET' as const,
        table: 'lineage_datasets',
        id: datasetNodeId,
      },
      { type: 'JOB' as const, table: 'lineage_jobs', id: jobNodeId },
    ].filter(k => !filter || k.type === filter);
    const results = [];
    let totalCount = 0;
    for (const k of kinds) {
      const query = () =>
        this.db(k.table).whereRaw(`lower(name) like ? escape '\\'`, [pattern]);
      const [{ n }] = await query().count({ n: '*' });
      totalCount += Number(n);
      const rows: DatasetRow[] = await query()
        .orderBy('updated_at', 'desc')
        .limit(limit);
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
   * The datasets (with their distance in jobs) and jobs downstream of the
   * start, to maxDepth jobs away; over maxNodes is a 400 when `bounded`.
   */
  async #reach(startDatasets: number[], startJobs: number[], bounded = true) {
    const distance = new Map<number, number>(startDatasets.map(id => [id, 0]));
    const jobs = new Set<number>(startJobs);
    let frontier = startDatasets;
    let frontierJobs = startJobs;
    for (let hop = 1; hop <= this.limits.maxDepth; hop++) {
      const reading: IoRow[] = frontier.length
        ? await inChunks(frontier, ids =>
            this.db('lineage_job_io')
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
            this.db('lineage_job_io')
              .whereIn('job_id', ids)
              .where('direction', 'out'),
          )
        : [];
      frontier = [...new Set(writes.map(r => r.dataset_id))].filter(
        id => !distance.has(id),
      );
      frontier.forEach(id => distance.set(id, hop));
      frontierJobs = [];
      if (bounded) {
        this.checkNodes(distance.size + jobs.size, this.limits.maxDepth);
      }
      if (!frontier.length) break;
    }
    return { distance, jobs };
  }

  /**
   * The datasets downstream of a dataset whose newest quality assertions
   * include a failure: their data was built from failing data.
   */
  async #downstreamOfFailures(): Promise<Set<number>> {
    const failing: { id: number }[] = await this.db('lineage_datasets')
      .where('quality_failed', true)
      .select('id');
    if (!failing.length) return new Set();
    // Not bounded by maxNodes: this marks nodes, it answers none itself.
    const { distance } = await this.#reach(
      failing.map(f => f.id),
      [],
      false,
    );
    return new Set([...distance].filter(([, d]) => d > 0).map(([id]) => id));
  }

  /**
   * Every dataset and job downstream of a dataset, to maxDepth jobs away,
   * nearest first; `distance` counts the jobs in between.
   */
  async downstream(node: FieldRef | NodeRef) {
    const start =
      'field' in node
        ? await this.#start({
            type: 'dataset',
            namespace: node.namespace,
            name: node.dataset,
          })
        : await this.#start(node);
    const { distance, jobs } = await this.#reach(start.datasets, start.jobs);
    const startIds = new Set(start.datasets);
    const datasets: DatasetRow[] = await inChunks(
      [...distance.keys()].filter(id => !startIds.has(id)),
      ids => this.db('lineage_datasets').whereIn('id', ids),
    );
    const jobRows: JobRow[] = await inChunks([...jobs], ids =>
      this.db('lineage_jobs').whereIn('id', ids),
    );
    return {
      datasets: datasets
        .map(d => ({
          nodeId: datasetNodeId(d.namespace, d.name),
          namespace: d.namespace,
          name: d.name,
          distance: distance.get(d.id)!,
        }))
        .sort(
          (a, b) => a.distance - b.distance || a.nodeId.localeCompare(b.nodeId),
        ),
      jobs: jobRows
        .map(j => ({
          nodeId: jobNodeId(j.namespace, j.name),
          namespace: j.namespace,
          name: j.name,
        }))
        .sort((a, b) => a.nodeId.localeCompare(b.nodeId)),
    };
  }
}
