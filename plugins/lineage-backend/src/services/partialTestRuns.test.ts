import { lineageDatabases } from '../__testUtils__/databases';
import { staticPassOnFiles } from '../__testUtils__/staticPassRun';
import { LineageGraph } from './LineageGraph';
import { LineageStore } from './LineageStore';

// dbt runs of only some tests (`dbt test --select stg_orders`, `dbt build
// -s +gold_x`, `dbt test --select <test>`), through the real static pass
// into the store: the tests that did not run keep their last results.
const databases = lineageDatabases();
afterAll(() => databases.closeAll());
const pass = staticPassOnFiles();

const model = (name: string, parents: string[], sql: string) => ({
  resource_type: 'model',
  name,
  database: 'db',
  schema: 'analytics',
  alias: name,
  relation_name: `"db"."analytics"."${name}"`,
  columns: {},
  depends_on: { nodes: parents },
  compiled_code: sql,
  config: { materialized: 'table' },
});
/** A generic test of `column`, or without one a singular test. */
const test = (name: string, on: string, column?: string) => ({
  resource_type: 'test',
  name,
  attached_node: column ? `model.p.${on}` : null,
  ...(column && {
    column_name: column,
    test_metadata: {
      name: name.split('_')[0],
      kwargs: { column_name: column },
    },
  }),
  depends_on: { nodes: [`model.p.${on}`] },
});
const TESTS = {
  'test.p.not_null_stg_orders_id.1': test(
    'not_null_stg_orders_id',
    'stg_orders',
    'id',
  ),
  'test.p.unique_stg_orders_id.2': test(
    'unique_stg_orders_id',
    'stg_orders',
    'id',
  ),
  'test.p.stg_orders_recent': test('stg_orders_recent', 'stg_orders'),
  'test.p.not_null_gold_x_id.3': test('not_null_gold_x_id', 'gold_x', 'id'),
};
type TestId = keyof typeof TESTS;

/** The manifest of project `project` parsed at `at`, with `tests`. */
const manifest = (
  project: string,
  at: string,
  tests: Partial<typeof TESTS>,
) => ({
  metadata: {
    adapter_type: 'duckdb',
    project_name: project,
    invocation_id: `${project} ${at}`,
    generated_at: at,
  },
  nodes: {
    'model.p.stg_orders': model('stg_orders', [], 'select 1 as id'),
    'model.p.gold_x': model(
      'gold_x',
      ['model.p.stg_orders'],
      'select id from "db"."analytics"."stg_orders"',
    ),
    ...tests,
  },
});

describe.each(databases.ids)('partial dbt test runs on %s', id => {
  let store: LineageStore;
  let graph: LineageGraph;

  beforeAll(async () => {
    const db = await databases.init(id);
    store = new LineageStore(db);
    graph = new LineageGraph(db, { maxDepth: 20, maxNodes: 2000 });
  });

  /** The static pass over a run of `ran` (test id: status), recorded. */
  const run = async (
    project: string,
    at: string,
    ran: Partial<Record<TestId, string>>,
    tests: Partial<typeof TESTS> = TESTS,
  ) => {
    const { events } = await pass({
      manifest: manifest(project, at, tests),
      runResults: {
        metadata: { generated_at: at },
        results: Object.entries(ran).map(([uid, status]) => ({
          unique_id: uid,
          status,
          failures: status === 'pass' ? 0 : 1,
        })),
      },
    });
    await store.recordAll(events);
    return events;
  };
  /** A dataset's quality as `assertion status`, and whether upstream fails. */
  const checks = async (project: string, table: string) => {
    const { graph: nodes } = await graph.lineage(
      {
        type: 'dataset',
        namespace: `duckdb://${project}`,
        name: `db.analytics.${table}`,
      },
      0,
    );
    const data = nodes[0].data as { quality: any; upstreamFailed: boolean };
    return {
      tests: (data.quality?.assertions ?? [])
        .map((a: any) => `${a.assertion} ${a.status}`)
        .sort(),
      upstreamFailed: data.upstreamFailed,
    };
  };
  const FULL = {
    'test.p.not_null_stg_orders_id.1': 'pass',
    'test.p.unique_stg_orders_id.2': 'fail',
    'test.p.stg_orders_recent': 'pass',
    'test.p.not_null_gold_x_id.3': 'pass',
  } as const;

  it('says per dataset whether the run ran all of its tests', async () => {
    const complete = (events: any[]) =>
      Object.fromEntries(
        events.map(e => [
          e.outputs[0].name,
          e.outputs[0].facets.dataQualityAssertions?.complete,
        ]),
      );
    expect(complete(await run('marks', '2026-03-01T00:00:00Z', FULL))).toEqual({
      'db.analytics.stg_orders': true,
      'db.analytics.gold_x': true,
    });
    // `dbt test --select not_null_stg_orders_id`: gold_x has no result.
    expect(
      complete(
        await run('marks', '2026-03-02T00:00:00Z', {
          'test.p.not_null_stg_orders_id.1': 'pass',
        }),
      ),
    ).toEqual({
      'db.analytics.stg_orders': false,
      'db.analytics.gold_x': undefined,
    });
    // A test dbt skipped did not run either.
    expect(
      complete(
        await run('marks', '2026-03-03T00:00:00Z', {
          ...FULL,
          'test.p.stg_orders_recent': 'skipped',
        }),
      ),
    ).toEqual({
      'db.analytics.stg_orders': false,
      'db.analytics.gold_x': true,
    });
  });

  it('keeps the results of the tests a partial run did not run, and updates the one it did', async () => {
    await run('one', '2026-03-01T00:00:00Z', FULL);
    await run('one', '2026-03-02T00:00:00Z', {
      'test.p.not_null_stg_orders_id.1': 'fail',
    });
    expect(await checks('one', 'stg_orders')).toEqual({
      tests: [
        'not_null_stg_orders_id fail',
        'stg_orders_recent pass',
        'unique_stg_orders_id fail',
      ],
      upstreamFailed: false,
    });
    expect((await checks('one', 'gold_x')).tests).toEqual([
      'not_null_gold_x_id pass',
    ]);
  });

  it('shows a failing test passing once a partial run fixes it, and only then', async () => {
    await run('fix', '2026-03-01T00:00:00Z', FULL);
    // `dbt build -s gold_x`: the failing test was not re-run, and still fails.
    await run('fix', '2026-03-02T00:00:00Z', {
      'test.p.not_null_gold_x_id.3': 'pass',
    });
    expect(await checks('fix', 'gold_x')).toMatchObject({
      upstreamFailed: true,
    });
    await run('fix', '2026-03-03T00:00:00Z', {
      'test.p.unique_stg_orders_id.2': 'pass',
    });
    expect(await checks('fix', 'stg_orders')).toMatchObject({
      tests: [
        'not_null_stg_orders_id pass',
        'stg_orders_recent pass',
        'unique_stg_orders_id pass',
      ],
    });
    expect(await checks('fix', 'gold_x')).toMatchObject({
      upstreamFailed: false,
    });
  });

  it('drops a test deleted from the project once a run covers the dataset', async () => {
    await run('deleted', '2026-03-01T00:00:00Z', FULL);
    const { 'test.p.unique_stg_orders_id.2': _, ...left } = TESTS;
    const { 'test.p.unique_stg_orders_id.2': __, ...ran } = FULL;
    await run('deleted', '2026-03-03T00:00:00Z', ran, left);
    const after = ['not_null_stg_orders_id pass', 'stg_orders_recent pass'];
    expect((await checks('deleted', 'stg_orders')).tests).toEqual(after);
    // A run of it from before it was deleted, imported late, does not bring it back.
    await run('deleted', '2026-03-02T00:00:00Z', {
      'test.p.unique_stg_orders_id.2': 'pass',
    });
    expect((await checks('deleted', 'stg_orders')).tests).toEqual(after);
  });

  it('drops the results of a dataset whose tests were all deleted', async () => {
    await run('emptied', '2026-03-01T00:00:00Z', FULL);
    const { 'test.p.not_null_gold_x_id.3': _, ...left } = TESTS;
    const { 'test.p.not_null_gold_x_id.3': __, ...ran } = FULL;
    // A run with no test results (`dbt run`) says nothing about tests.
    await run('emptied', '2026-03-02T00:00:00Z', {}, left);
    expect((await checks('emptied', 'gold_x')).tests).toEqual([
      'not_null_gold_x_id pass',
    ]);
    // One that ran tests says gold_x has none now: its result goes.
    await run('emptied', '2026-03-03T00:00:00Z', ran, left);
    expect((await checks('emptied', 'gold_x')).tests).toEqual([]);
    expect((await checks('emptied', 'stg_orders')).tests).toHaveLength(3);
  });

  it('takes each test from its newest run, whatever order the runs arrive in', async () => {
    await run('order', '2026-03-01T00:00:00Z', FULL);
    const newer = await run('order', '2026-03-04T00:00:00Z', {
      'test.p.not_null_stg_orders_id.1': 'error',
    });
    // An older partial run, imported late, loses to the newer one.
    await run('order', '2026-03-02T00:00:00Z', {
      'test.p.not_null_stg_orders_id.1': 'warn',
    });
    // So does an older full run, but it is newer than the first for the rest.
    await run('order', '2026-03-03T00:00:00Z', {
      ...FULL,
      'test.p.not_null_stg_orders_id.1': 'pass',
      'test.p.stg_orders_recent': 'fail',
    });
    const expected = {
      tests: [
        'not_null_stg_orders_id error',
        'stg_orders_recent fail',
        'unique_stg_orders_id fail',
      ],
      upstreamFailed: false,
    };
    expect(await checks('order', 'stg_orders')).toEqual(expected);
    // A replay changes nothing, recorded (absorbed) or applied again.
    await run('order', '2026-03-04T00:00:00Z', {
      'test.p.not_null_stg_orders_id.1': 'error',
    });
    await store.recordFacts(newer);
    expect(await checks('order', 'stg_orders')).toEqual(expected);
  });
});
