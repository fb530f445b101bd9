import type {
  FieldNode,
  Node,
} from '@internal/backstage-plugin-lineage-common';

export const BASE_URL = 'http://localhost:7007/api/lineage';
export const NS = 'trino://127.0.0.1:8080';

export const ds = (name: string) => `dataset:${NS}:${name}`;
export const job = (name: string) => `job:${NS}:${name}`;
export const fieldId = (dataset: string, field: string) =>
  `datasetField:${NS}:${dataset}:${field}`;

export const SOURCE = 'postgresql.scout.silver_transactions';
export const BRONZE = 'iceberg.bronze.transactions';
export const SILVER = 'iceberg.silver.silver_transactions';
export const GOLD = 'iceberg.gold.gold_daily_store_sales';
export const PLATINUM = 'iceberg.platinum.store_features';

/** Each job: its inputs, its output, and its output's columns from inputs. */
const JOBS: {
  out: string;
  ins: string[];
  columns: Record<string, [string, string][]>;
}[] = [
  { out: BRONZE, ins: [SOURCE], columns: { total: [[SOURCE, 'total']] } },
  { out: SILVER, ins: [BRONZE], columns: { total: [[BRONZE, 'total']] } },
  {
    out: GOLD,
    ins: [SILVER],
    columns: { revenue: [[SILVER, 'total']], sale_date: [] },
  },
  {
    out: PLATINUM,
    ins: [GOLD],
    columns: { avg_revenue: [[GOLD, 'revenue']] },
  },
];

const fieldsOf = (name: string) => {
  if (name === SOURCE) return [{ name: 'total', type: 'numeric' }];
  const j = JOBS.find(x => x.out === name)!;
  return Object.keys(j.columns).map(f => ({ name: f, type: 'decimal(18,2)' }));
};

const jobName = (out: string) => `write ${out}`;

/** Every node of the chain source → bronze → silver → gold → platinum. */
/** Silver's tests as the static pass reports them: one fails. */
const QUALITY: Record<string, Record<string, unknown>> = {
  [SILVER]: {
    quality: {
      eventTime: '2026-12-01T00:00:00.000Z',
      passed: 1,
      warned: 0,
      failed: 1,
      assertions: [
        {
          assertion: 'not_null_silver_transactions_total',
          success: false,
          column: 'total',
          status: 'fail',
          message: 'Got 2 results, configured to fail if != 0',
          failures: 2,
          failingRowsQuery: `select * from ${SILVER} where total is null`,
        },
        { assertion: 'unique_transaction_id', success: true, status: 'pass' },
      ],
    },
    upstreamFailed: false,
  },
  [GOLD]: { quality: null, upstreamFailed: true },
};

export function chain(): Node[] {
  const edges = JOBS.flatMap(j => [
    ...j.ins.map(i => ({ origin: ds(i), destination: job(jobName(j.out)) })),
    { origin: job(jobName(j.out)), destination: ds(j.out) },
  ]);
  const node = (id: string, type: Node['type'], data: Node['data']): Node => ({
    id,
    type,
    data,
    inEdges: edges.filter(e => e.destination === id),
    outEdges: edges.filter(e => e.origin === id),
  });
  return [
    ...[SOURCE, ...JOBS.map(j => j.out)].map(name =>
      node(ds(name), 'DATASET', {
        namespace: NS,
        name,
        fields: fieldsOf(name),
        ...QUALITY[name],
      }),
    ),
    ...JOBS.map(j =>
      node(job(jobName(j.out)), 'JOB', {
        namespace: NS,
        name: jobName(j.out),
        sql: `INSERT INTO ${j.out} SELECT * FROM ${j.ins.join(', ')}`,
        latestRun: { runId: `run-${j.out}`, state: 'COMPLETE' },
      }),
    ),
  ];
}

/** What the backend answers for a node at a depth: `depth` jobs each way. */
export function lineageAround(nodeId: string, depth: number): Node[] {
  const all = new Map(chain().map(n => [n.id, n]));
  const keep = new Set([nodeId]);
  let frontier = [nodeId];
  // dataset → job → dataset: two hops per job.
  for (let hop = 0; hop < depth * 2 && frontier.length; hop++) {
    const next: string[] = [];
    for (const id of frontier) {
      const n = all.get(id)!;
      for (const e of [...n.inEdges, ...n.outEdges]) {
        for (const other of [e.origin, e.destination]) {
          if (!keep.has(other)) {
            keep.add(other);
            next.push(other);
          }
        }
      }
    }
    frontier = next;
  }
  // Like the backend, each node's edges to the other nodes of the answer.
  const inAnswer = (e: { origin: string; destination: string }) =>
    keep.has(e.origin) && keep.has(e.destination);
  return [...all.values()]
    .filter(n => keep.has(n.id))
    .map(n => ({
      ...n,
      inEdges: n.inEdges.filter(inAnswer),
      outEdges: n.outEdges.filter(inAnswer),
    }));
}

/** The column lineage of gold `revenue`, both ways. */
export function revenueLineage(): FieldNode[] {
  const path: [string, string][] = [
    [SOURCE, 'total'],
    [BRONZE, 'total'],
    [SILVER, 'total'],
    [GOLD, 'revenue'],
    [PLATINUM, 'avg_revenue'],
  ];
  return path.map(([dataset, field], i) => {
    const id = fieldId(dataset, field);
    const prev = path[i - 1];
    const next = path[i + 1];
    return {
      id,
      type: 'DATASET_FIELD',
      data: {
        namespace: NS,
        dataset,
        field,
        inputFields: prev
          ? [{ namespace: NS, dataset: prev[0], field: prev[1] }]
          : [],
      },
      inEdges: prev
        ? [{ origin: fieldId(prev[0], prev[1]), destination: id }]
        : [],
      outEdges: next
        ? [{ origin: id, destination: fieldId(next[0], next[1]) }]
        : [],
    };
  });
}
