import { CustomErrorBase, InputError } from '@backstage/errors';
import { GRAPH_TOO_LARGE } from '@internal/backstage-plugin-lineage-common';
import type { Knex } from 'knex';
import { datasetNodeId, FieldRef, jobNodeId, NodeRef } from '../request/nodeId';
import { inChunks } from './collections';
import { upstreamByNames } from './datasetUpstream';
import { reachDownstream } from './downstreamReach';
import { type DatasetRow, graphNodes, type JobRow } from './graphNodes';
import type { IoRow } from './jobLinks';
import { recentlyWritten, searchLineage } from './lineageSearch';
import { unknownNodeError } from './unknownNode';

/**
 * A 400 for an answer over lineage.maxNodes, named apart from other 400s so
 * a reader knows a smaller depth may still be asked for.
 */
export class GraphTooLargeError extends CustomErrorBase {
  name = GRAPH_TOO_LARGE;
  statusCode = 400;
}

/** The bounds every query keeps (config lineage.maxDepth and maxNodes). */
export type GraphLimits = { maxDepth: number; maxNodes: number };

/**
 * Reads the lineage tables: the dataset-job graph around a node (breadth
 * first, one query per hop), search, what a list of datasets is built from
 * and the downstream impact of a dataset. This class keeps the limits; the
 * walks and the answer's shape are in its sibling files. Field lineage is
 * in FieldLineage.
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

  /**
   * Hops an impact walk may take. Impact is everything downstream, bounded
   * by maxNodes alone: each hop adds a node or ends the walk, so it ends,
   * or grows over maxNodes, within maxNodes hops.
   */
  get impactHops(): number {
    return this.limits.maxNodes;
  }

  /**
   * @param asked false for impact, which has no depth to ask for: its
   * advice cannot be a smaller depth.
   * @throws GraphTooLargeError when a query's answer grows over maxNodes.
   */
  checkNodes(count: number, depth: number, asked = true) {
    if (count <= this.limits.maxNodes) return;
    const over = `the answer has more than ${this.limits.maxNodes} nodes (lineage.maxNodes)`;
    if (!asked) {
      throw new GraphTooLargeError(
        `${over}: impact follows everything downstream; raise lineage.maxNodes, or walk it with /api/v1/lineage a few steps at a time`,
      );
    }
    const advice =
      depth > 1
        ? `ask for a depth under ${depth}`
        : 'its nearest neighbours alone are more: raise lineage.maxNodes to see them';
    throw new GraphTooLargeError(`${over} at depth ${depth}: ${advice}`);
  }

  async #start(node: NodeRef): Promise<{ datasets: number[]; jobs: number[] }> {
    const table = node.type === 'dataset' ? 'lineage_datasets' : 'lineage_jobs';
    const row = await this.db(table)
      .where({ namespace: node.namespace, name: node.name })
      .first('id');
    if (!row) throw await unknownNodeError(this.db, node);
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
    return {
      graph: await graphNodes(
        this.db,
        this.limits.maxDepth,
        [...datasets],
        [...jobs],
        io,
      ),
    };
  }

  /** Datasets and jobs whose name contains `q`, case-insensitive, newest first. */
  async search(
    q: string,
    filter: 'DATASET' | 'JOB' | undefined,
    limit: number,
  ) {
    return searchLineage(this.db, q, filter, limit);
  }

  /** The datasets jobs wrote most recently, newest first (no sources). */
  async recentlyWritten(limit: number) {
    return recentlyWritten(this.db, limit);
  }

  /**
   * For each dataset name (in any namespace), the datasets the jobs that
   * write it read: depth 1 upstream, for a whole list in a few queries.
   */
  async upstreamByNames(names: string[]) {
    return upstreamByNames(this.db, names);
  }

  /**
   * Every dataset and job downstream of a dataset, however far (see
   * impactHops), nearest first; `distance` counts the jobs in between.
   * @throws NotFoundError for an unknown node; GraphTooLargeError over maxNodes.
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
    const { distance, jobs } = await reachDownstream(
      this.db,
      start,
      this.impactHops,
      count => this.checkNodes(count, this.impactHops, false),
    );
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
