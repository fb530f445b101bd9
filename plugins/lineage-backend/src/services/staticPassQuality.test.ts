import { staticPassOnFiles } from '../__testUtils__/staticPassRun';

// The real static pass on dbt test results and source freshness as dbt
// writes them: which node each check lands on, and what a result says.
const pass = staticPassOnFiles();

const node = (kind: string, name: string, extra: object = {}) => ({
  resource_type: kind,
  name,
  database: 'db',
  schema: kind === 'source' ? 'raw' : 'analytics',
  alias: name,
  relation_name: `"db"."${kind === 'source' ? 'raw' : 'analytics'}"."${name}"`,
  columns: {},
  depends_on: { nodes: [] },
  ...extra,
});
const source = (name: string) =>
  node('source', name, { source_name: 'raw', identifier: name });
const model = (name: string, parents: string[], sql: string) =>
  node('model', name, {
    depends_on: { nodes: parents },
    compiled_code: sql,
    config: { materialized: 'table' },
  });
/** A generic test; dbt leaves `attached_node` null on a source's. */
const test = (
  name: string,
  parents: string[],
  extra: { attached_node?: string | null; model?: string } = {},
) => ({
  resource_type: 'test',
  name,
  attached_node: extra.attached_node ?? null,
  column_name: 'id',
  test_metadata: {
    name: name.split('_')[0],
    kwargs: { column_name: 'id', model: extra.model ?? '' },
  },
  depends_on: { nodes: parents },
  compiled_code: `select * from somewhere where ${name}`,
});

const manifest = {
  metadata: { adapter_type: 'duckdb', project_name: 'p' },
  sources: {
    'source.p.raw.orders': source('orders'),
    'source.p.raw.unread': source('unread'),
  },
  nodes: {
    'seed.p.codes': node('seed', 'codes'),
    'model.p.stg_orders': model(
      'stg_orders',
      ['source.p.raw.orders', 'seed.p.codes'],
      'select o.id, c.code from "db"."raw"."orders" o join "db"."analytics"."codes" c on c.id = o.id',
    ),
    'model.p.customers': model(
      'customers',
      [],
      'select 1 as id, 2 as customer_id',
    ),
    'snapshot.p.snap': node('snapshot', 'snap', {
      depends_on: { nodes: ['model.p.stg_orders'] },
      compiled_code: 'select id from "db"."analytics"."stg_orders"',
    }),
    // dbt attaches no generic test on a source: its `model` names it.
    'test.p.source_not_null_raw_orders_id.1': test(
      'source_not_null_raw_orders_id',
      ['source.p.raw.orders'],
      { model: "{{ get_where_subquery(source('raw', 'orders')) }}" },
    ),
    // A relationships test from a source to a model tests the source.
    'test.p.source_relationships_raw_orders.2': test(
      'source_relationships_raw_orders',
      ['model.p.customers', 'source.p.raw.orders'],
      { model: "{{ get_where_subquery(source('raw', 'orders')) }}" },
    ),
    'test.p.unique_codes_id.3': test('unique_codes_id', ['seed.p.codes'], {
      attached_node: 'seed.p.codes',
    }),
    'test.p.unique_unread_id.4': test(
      'unique_unread_id',
      ['source.p.raw.unread'],
      { model: "{{ get_where_subquery(source('raw', 'unread')) }}" },
    ),
    // Singular tests: no test_metadata, no attached_node.
    'test.p.snap_singular': {
      resource_type: 'test',
      name: 'snap_singular',
      depends_on: { nodes: ['snapshot.p.snap'] },
    },
    'test.p.broken_test.5': test('broken_test', ['model.p.customers'], {
      attached_node: 'model.p.customers',
    }),
  },
};

const result = (uid: string, status: string, extra: object = {}) => ({
  unique_id: uid,
  status,
  message: status === 'pass' ? null : `${status}: ${uid}`,
  failures: status === 'pass' ? 0 : 2,
  ...extra,
});
const ran = [
  result('test.p.source_not_null_raw_orders_id.1', 'fail'),
  result('test.p.source_relationships_raw_orders.2', 'fail'),
  result('test.p.unique_codes_id.3', 'fail', {
    relation_name: '"db"."dbt_test__audit"."unique_codes_id"',
  }),
  result('test.p.unique_unread_id.4', 'fail'),
  result('test.p.snap_singular', 'warn'),
  result('test.p.broken_test.5', 'error', { failures: null }),
];

type Events = Awaited<ReturnType<typeof pass>>['events'];
/** Every check as `job <- input` or `output`: `assertion status`. */
function checks(events: Events) {
  const out: Record<string, string[]> = {};
  const add = (where: string, facets: any) => {
    for (const a of facets?.dataQualityAssertions?.assertions ?? []) {
      (out[where] ??= []).push(`${a.assertion} ${a.status}`);
    }
    if (facets?.scout_freshness) {
      (out[where] ??= []).push(`freshness ${facets.scout_freshness.status}`);
    }
  };
  for (const e of events) {
    for (const i of e.inputs ?? []) {
      add(`${e.job.name} <- ${i.name}`, i.inputFacets);
    }
    for (const o of e.outputs ?? []) add(o.name, o.facets);
  }
  return out;
}

describe('the static pass on test results and freshness', () => {
  it('puts each check on the node it tests: sources, seeds and snapshots too', async () => {
    const { events, summary } = await pass({
      manifest,
      runResults: { metadata: {}, results: ran },
      sources: {
        metadata: {},
        results: [
          {
            unique_id: 'source.p.raw.unread',
            status: 'runtime error',
            error: 'column "loaded_at" does not exist',
          },
        ],
      },
    });
    expect(checks(events)).toEqual({
      'model.p.stg_orders <- db.raw.orders': [
        'source_not_null_raw_orders_id fail',
        'source_relationships_raw_orders fail',
      ],
      'model.p.stg_orders <- db.analytics.codes': ['unique_codes_id fail'],
      'db.analytics.customers': ['broken_test error'],
      'db.analytics.snap': ['snap_singular warn'],
      // No model reads it: a job of its own carries its checks.
      'dbt tests and source freshness <- db.raw.unread': [
        'unique_unread_id fail',
        'freshness runtime error',
      ],
    });
    expect(summary.warnings).toEqual([]);
    const facets = (name: string) =>
      events.flatMap(e => e.inputs ?? []).find(i => i.name === name)
        ?.inputFacets as any;
    const [seedTest] =
      facets('db.analytics.codes').dataQualityAssertions.assertions;
    expect(seedTest).toMatchObject({
      failingRowsTable: '"db"."dbt_test__audit"."unique_codes_id"',
      failingRowsQuery: 'select * from somewhere where unique_codes_id',
    });
    expect(facets('db.raw.unread').scout_freshness.message).toBe(
      'column "loaded_at" does not exist',
    );
    // Every test of each node ran: each list is the node's whole.
    expect(facets('db.raw.orders').dataQualityAssertions.complete).toBe(true);
    // An errored test's SQL did not run: it selects no failing rows.
    const customers = events.find(e => e.job.name === 'model.p.customers')!;
    const [errored] = (customers.outputs![0].facets as any)
      .dataQualityAssertions.assertions;
    expect(errored).not.toHaveProperty('failingRowsQuery');
  });

  it('says a node whose tests did not all run is not complete', async () => {
    const { events } = await pass({
      manifest,
      runResults: { metadata: {}, results: ran.slice(1) },
    });
    const orders = events
      .flatMap(e => e.inputs ?? [])
      .find(i => i.name === 'db.raw.orders')!.inputFacets as any;
    expect(orders.dataQualityAssertions).toMatchObject({
      assertions: [{ assertion: 'source_relationships_raw_orders' }],
      complete: false,
    });
  });

  it('shows no check from the run_results of dbt docs generate, and says why', async () => {
    const { events, summary } = await pass({
      manifest,
      runResults: {
        metadata: {},
        args: { which: 'generate' },
        results: ran.map(r => ({ ...r, status: 'success' })),
      },
    });
    expect(checks(events)).toEqual({});
    expect(summary.warnings).toEqual([
      'run_results.json (from dbt docs generate) gives tests the status success, not an outcome: no test ran, so none is shown',
    ]);
  });

  it.each([
    [
      'a non-object criteria',
      {
        sources: {
          metadata: {},
          results: [{ unique_id: 'x', criteria: '1 hour' }],
        },
      },
      'sources.json: results[0].criteria must be an object or null',
    ],
    [
      'a count that is text',
      {
        runResults: {
          metadata: {},
          results: [{ unique_id: 'x', failures: '3' }],
        },
      },
      'run_results.json: results[0].failures must be a count or null',
    ],
    [
      'NaN',
      {
        runResults:
          '{"metadata": {}, "results": [{"unique_id": "x", "failures": NaN}]}',
      },
      'holds NaN, which JSON has not',
    ],
    [
      'a run_results without results',
      { runResults: { metadata: {}, nodes: {} } },
      'run_results.json: results must be there',
    ],
  ])('refuses %s with the file and the field', async (_, files, message) => {
    await expect(pass({ manifest, ...files })).rejects.toThrow(message);
  });
});
