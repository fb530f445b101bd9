import type {
  FieldNode,
  Node,
} from '@internal/backstage-plugin-lineage-common';
import type { DatasetNode } from '../lib/graph-transformations';

export const BASE_URL = 'http://localhost:7007/api/lineage';
export const NS = 'trino://127.0.0.1:8080';

export const ds = (name: string) => `dataset:${NS}:${name}`;
/** The Lineage page's address on `nodeId`. */
export const lineageAt = (nodeId: string) =>
  `/lineage?node=${encodeURIComponent(nodeId)}`;
export const job = (name: string) => `job:${NS}:${name}`;
export const fieldId = (dataset: string, field: string) =>
  `datasetField:${NS}:${dataset}:${field}`;

/** A table no job writes: the graph's source. */
export const SOURCE = 'postgresql.scout.transactions';
export const BRONZE = 'iceberg.bronze.transactions';
export const SILVER = 'iceberg.silver.silver_transactions';
export const GOLD = 'iceberg.gold.gold_daily_store_sales';
export const PLATINUM = 'iceberg.platinum.store_features';

/** Gold as a dataset node with nothing recorded about it, for unit tests. */
export const BARE_GOLD: DatasetNode = {
  id: ds(GOLD),
  kind: 'dataset',
  namespace: 'n',
  name: GOLD,
  layer: 'gold',
  fields: [],
  upstreamFailed: false,
};

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

/** When the fixture's runs finished: a fixed time, ages are from now. */
export const FINISHED_AT = '2026-12-01T10:00:00.000Z';

/**
 * What the lineage store says of the chain's datasets beyond their names:
 * silver's dbt tests (one fails), the source's Great Expectations suite
 * (the failure listed second, to be shown first) and its dbt source
 * freshness (warn) and its owners as its producer names them, gold's
 * published run and bronze's failed one.
 */
const DATA: Record<string, Record<string, unknown>> = {
  [SOURCE]: {
    quality: {
      eventTime: FINISHED_AT,
      passed: 1,
      warned: 0,
      failed: 1,
      assertions: [
        {
          assertion: 'expect_column_values_to_not_be_null',
          success: true,
          status: 'pass',
          column: 'total',
          source: 'great_expectations',
        },
        {
          assertion: 'expect_column_values_to_be_between',
          success: false,
          status: 'fail',
          column: 'total',
          message: '3 of 1200 values are below 0',
          failingRowsQuery: `select * from ${SOURCE} where total < 0`,
          source: 'great_expectations',
        },
      ],
    },
    freshness: {
      status: 'warn',
      maxLoadedAt: '2026-12-01T06:00:00.000Z',
      snapshottedAt: FINISHED_AT,
      ageSeconds: 4 * 3600,
      warnAfterSeconds: 2 * 3600,
      errorAfterSeconds: 24 * 3600,
    },
    lastRun: null,
    owners: [{ name: 'team:pos', type: 'MAINTAINER' }, { name: 'user:ana' }],
  },
  [BRONZE]: {
    lastRun: {
      runId: 'run-bronze-failed',
      status: 'failed',
      engine: 'trino',
      finishedAt: FINISHED_AT,
      rows: null,
    },
  },
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
          source: 'dbt',
        },
        // As an old server sends it: no source, a dbt test.
        { assertion: 'unique_transaction_id', success: true, status: 'pass' },
      ],
    },
    upstreamFailed: false,
  },
  [GOLD]: {
    quality: null,
    upstreamFailed: true,
    lastRun: {
      runId: 'run-42',
      status: 'published',
      engine: 'trino',
      finishedAt: FINISHED_AT,
      rows: 12345,
    },
    freshness: null,
  },
};

/** Every node of the chain source → bronze → silver → gold → platinum. */
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
        written: name !== SOURCE,
        ...DATA[name],
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

/** A job of {@link project}: what it reads and writes, by dataset name. */
type ProjectJob = { name: string; ins: string[]; outs: string[] };

/** Jobs and their datasets in one namespace, each node with all its edges. */
export function project(namespace: string, jobs: ProjectJob[]): Node[] {
  const dsId = (name: string) => `dataset:${namespace}:${name}`;
  const jobId = (name: string) => `job:${namespace}:${name}`;
  const edges = jobs.flatMap(j => [
    ...j.ins.map(i => ({ origin: dsId(i), destination: jobId(j.name) })),
    ...j.outs.map(o => ({ origin: jobId(j.name), destination: dsId(o) })),
  ]);
  const written = new Set(jobs.flatMap(j => j.outs));
  const node = (id: string, type: Node['type'], name: string): Node => ({
    id,
    type,
    data: {
      namespace,
      name,
      ...(type === 'DATASET' && { written: written.has(name) }),
    },
    inEdges: edges.filter(e => e.destination === id),
    outEdges: edges.filter(e => e.origin === id),
  });
  const datasets = [...new Set(jobs.flatMap(j => [...j.ins, ...j.outs]))];
  return [
    ...datasets.map(d => node(dsId(d), 'DATASET', d)),
    ...jobs.map(j => node(jobId(j.name), 'JOB', j.name)),
  ];
}

/** The dbt project as the static pass records it on DuckDB. */
export const DBT_NS = 'duckdb://lakehouse';
export const DBT_JOBS = [
  'model.scout.silver_transactions',
  'model.scout.gold_daily_store_sales',
];
export const EDGE_NS = 'scout://edge-functions';

export function allNodes(): Node[] {
  return [
    ...chain(),
    ...project(DBT_NS, [
      {
        name: DBT_JOBS[0],
        ins: ['lakehouse.bronze.transactions'],
        outs: ['lakehouse.silver.silver_transactions'],
      },
      {
        name: DBT_JOBS[1],
        ins: ['lakehouse.silver.silver_transactions'],
        outs: ['lakehouse.gold.gold_daily_store_sales'],
      },
    ]),
    ...project(EDGE_NS, [
      {
        name: 'ingest-transaction',
        ins: [],
        outs: ['postgresql.scout.bronze_transactions'],
      },
    ]),
  ];
}

/**
 * What the backend answers for a node at a depth: `depth` jobs each way,
 * each node with its edges to the other nodes of the answer only.
 */
export function lineageAround(nodeId: string, depth: number): Node[] {
  const all = new Map(allNodes().map(n => [n.id, n]));
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
