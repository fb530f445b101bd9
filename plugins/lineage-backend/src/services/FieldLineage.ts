import type { Knex } from 'knex';
import {
  datasetNodeId,
  fieldNodeId,
  FieldRef,
  jobNodeId,
} from '../request/nodeId';
import { inChunks, push } from './collections';
import { LineageGraph } from './LineageGraph';
import { unknownNodeError } from './unknownNode';

type EdgeRow = {
  job_id: number;
  from_field_id: number;
  to_field_id: number;
  transformation_type: string | null;
  transformation_subtype: string | null;
  description: string | null;
};
type FieldRow = {
  id: number;
  name: string;
  type: string | null;
  namespace: string;
  dataset: string;
};

/**
 * Column lineage: field-to-field edges, breadth first, one query per hop,
 * in Marquez's column-lineage shape.
 */
export class FieldLineage {
  constructor(
    private readonly db: Knex,
    private readonly graph: LineageGraph,
  ) {}

  async #fieldIds(
    dataset: { namespace: string; name: string },
    field?: string,
  ) {
    const rows: { id: number }[] = await this.db('lineage_fields as f')
      .join('lineage_datasets as d', 'd.id', 'f.dataset_id')
      .where({ 'd.namespace': dataset.namespace, 'd.name': dataset.name })
      .modify(q => (field === undefined ? q : q.where('f.name', field)))
      .select('f.id');
    if (!rows.length) {
      const { namespace, name } = dataset;
      throw await unknownNodeError(
        this.db,
        field === undefined
          ? { type: 'dataset', namespace, name }
          : { type: 'datasetField', namespace, dataset: name, field },
      );
    }
    return rows.map(r => r.id);
  }

  /** Follows edges from `start` for `depth` hops, one way; returns every edge met. */
  /** `asked`: the reader chose `depth` (see LineageGraph.checkNodes). */
  async #walk(
    start: number[],
    depth: number,
    downstream: boolean,
    asked = true,
  ) {
    const [near, far] = downstream
      ? (['from_field_id', 'to_field_id'] as const)
      : (['to_field_id', 'from_field_id'] as const);
    const hops = new Map(start.map(id => [id, 0]));
    const edges: EdgeRow[] = [];
    let frontier = start;
    for (let hop = 1; hop <= depth && frontier.length; hop++) {
      const rows: EdgeRow[] = await inChunks(frontier, ids =>
        this.db('lineage_field_edges').whereIn(near, ids),
      );
      edges.push(...rows);
      frontier = [...new Set(rows.map(r => r[far]))].filter(
        id => !hops.has(id),
      );
      frontier.forEach(id => hops.set(id, hop));
      this.graph.checkNodes(hops.size, depth, asked);
    }
    return { fields: new Set(hops.keys()), hops, edges };
  }

  async #fields(ids: number[]): Promise<FieldRow[]> {
    return inChunks(ids, chunk =>
      this.db('lineage_fields as f')
        .join('lineage_datasets as d', 'd.id', 'f.dataset_id')
        .whereIn('f.id', chunk)
        .select('f.id', 'f.name', 'f.type', 'd.namespace', 'd.name as dataset'),
    );
  }

  /**
   * The column lineage of one field, or of every field of a dataset when
   * `field` is undefined: upstream for `depth` hops, and downstream too
   * when asked. Each node lists its direct inputs (inputFields).
   */
  async columnLineage(
    dataset: { namespace: string; name: string },
    field: string | undefined,
    depth: number,
    withDownstream: boolean,
  ) {
    this.graph.checkDepth(depth);
    const start = await this.#fieldIds(dataset, field);
    const up = await this.#walk(start, depth, false);
    const down = withDownstream
      ? await this.#walk(start, depth, true)
      : { fields: new Set<number>(), edges: [] as EdgeRow[] };
    const ids = [...new Set([...up.fields, ...down.fields])];
    this.graph.checkNodes(ids.length, depth);
    const rows = new Map((await this.#fields(ids)).map(f => [f.id, f]));
    const edges = new Map<string, EdgeRow>();
    for (const e of [...up.edges, ...down.edges]) {
      edges.set(`${e.from_field_id}>${e.to_field_id}`, e);
    }
    const inputsOf = groupBy([...edges.values()], e => e.to_field_id);
    const outputsOf = groupBy([...edges.values()], e => e.from_field_id);
    const ref = (f: FieldRow): FieldRef => ({
      namespace: f.namespace,
      dataset: f.dataset,
      field: f.name,
    });
    return {
      graph: ids.map(id => {
        const f = rows.get(id)!;
        const nodeId = fieldNodeId(ref(f));
        const inputs = inputsOf.get(id) ?? [];
        const outputs = outputsOf.get(id) ?? [];
        return {
          id: nodeId,
          type: 'DATASET_FIELD' as const,
          data: {
            ...ref(f),
            fieldType: f.type,
            inputFields: inputs.map(e => ({
              ...ref(rows.get(e.from_field_id)!),
              transformationType: e.transformation_type,
              transformationSubtype: e.transformation_subtype,
              transformationDescription: e.description,
            })),
          },
          inEdges: inputs.map(e => ({
            origin: fieldNodeId(ref(rows.get(e.from_field_id)!)),
            destination: nodeId,
          })),
          outEdges: outputs.map(e => ({
            origin: nodeId,
            destination: fieldNodeId(ref(rows.get(e.to_field_id)!)),
          })),
        };
      }),
    };
  }

  /**
   * Every field that reads `field`, directly or not, however far (see
   * LineageGraph.impactHops; `distance` counts the edges in between), with
   * the datasets that hold them and the jobs that write them.
   */
  async impact(field: FieldRef) {
    const start = await this.#fieldIds(
      { namespace: field.namespace, name: field.dataset },
      field.field,
    );
    const { hops, edges } = await this.#walk(
      start,
      this.graph.impactHops,
      true,
      false,
    );
    const startIds = new Set(start);
    const downstream = [...hops.keys()].filter(id => !startIds.has(id));
    const rows = new Map((await this.#fields(downstream)).map(f => [f.id, f]));
    const inputsOf = groupBy(edges, e => e.to_field_id);
    const fields = downstream
      .map(id => {
        const f = rows.get(id)!;
        const [e] = inputsOf.get(id) ?? [];
        return {
          namespace: f.namespace,
          dataset: f.dataset,
          field: f.name,
          distance: hops.get(id)!,
          transformationType: e?.transformation_type ?? null,
          transformationSubtype: e?.transformation_subtype ?? null,
          transformationDescription: e?.description ?? null,
        };
      })
      .sort(
        (a, b) =>
          a.distance - b.distance ||
          `${a.dataset}.${a.field}`.localeCompare(`${b.dataset}.${b.field}`),
      );
    const datasets = new Map<
      string,
      { nodeId: string; namespace: string; name: string; distance: number }
    >();
    for (const f of fields) {
      const nodeId = datasetNodeId(f.namespace, f.dataset);
      if (!datasets.has(nodeId)) {
        datasets.set(nodeId, {
          nodeId,
          namespace: f.namespace,
          name: f.dataset,
          distance: f.distance,
        });
      }
    }
    const jobs: { namespace: string; name: string }[] = await inChunks(
      [...new Set(edges.map(e => e.job_id))],
      ids =>
        this.db('lineage_jobs').whereIn('id', ids).select('namespace', 'name'),
    );
    return {
      datasets: [...datasets.values()],
      jobs: jobs
        .map(j => ({ nodeId: jobNodeId(j.namespace, j.name), ...j }))
        .sort((a, b) => a.nodeId.localeCompare(b.nodeId)),
      fields,
    };
  }
}

function groupBy<T, K>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) push(groups, key(item), item);
  return groups;
}
