import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { DefaultEventsService } from '@backstage/plugin-events-node';
import {
  LINEAGE_UPDATED_TOPIC,
  PIPELINE_RUN_TOPIC,
  type PipelineRunEventPayload,
} from '@internal/backstage-plugin-scout-node';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lineageDatabases } from '../__testUtils__/databases';
import {
  shopManifest,
  shopRunResults,
  shopSources,
} from '../__testUtils__/dbtProject';
import { readStaticPassConfig } from '../config';
import { LineageGraph } from './LineageGraph';
import { LineageStore } from './LineageStore';
import { subscribeToPipelineRuns } from './pipelineRuns';

// The real static pass over a small project's artifacts, into a real store.
// Each run goes through the Python static pass: seconds on a busy machine.
jest.setTimeout(30_000);

const { python } = readStaticPassConfig(new ConfigReader({}));
const pipeline = {
  namespace: 'duckdb://lakehouse',
  renameDatabase: { scout: 'lakehouse' },
  trinoNamespace: 'trino://127.0.0.1:8080',
};
const ORDERS = 'ANALYTICS.STAGING.ORDERS';
const databases = lineageDatabases();
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lineage-runs-'));
  const write = (name: string, body: unknown) =>
    writeFile(join(dir, name), JSON.stringify(body));
  await write('manifest.json', shopManifest);
  await write('run_results.json', shopRunResults);
  await write('sources.json', shopSources);
  await write('results.json', {
    success: false,
    validatedAt: '2026-01-01T00:01:00Z',
    suite: 'silver',
    tables: {
      'scout.silver_transactions': [
        {
          assertion: 'expect_column_values_to_be_in_set',
          column: 'payment_method',
          success: false,
          status: 'fail',
          message: '1 of 20 rows not in the set',
          failures: 1,
          failingRowsQuery: 'select * from scout.silver_transactions where …',
        },
      ],
    },
  });
});
afterAll(async () => {
  await databases.closeAll();
  await rm(dir, { recursive: true, force: true });
});

const run = (
  over: Partial<PipelineRunEventPayload>,
): PipelineRunEventPayload => ({
  runId: '20260101-000000-abcd',
  engine: 'duckdb',
  status: 'published',
  finishedAt: '2026-01-01T00:06:00Z',
  artifactsDir: dir,
  rows: { 'STAGING.ORDERS': 42 },
  ...over,
});

describe.each(databases.ids)('subscribeToPipelineRuns on %s', id => {
  let graph: LineageGraph;
  let publish: (payload: PipelineRunEventPayload) => Promise<void>;
  let announced: unknown[];
  let logger: ReturnType<typeof mockServices.logger.mock>;

  const dataset = async (namespace: string, name: string) => {
    const { graph: nodes } = await graph.lineage(
      { type: 'dataset', namespace, name },
      1,
    );
    return nodes.find(n => n.id === `dataset:${namespace}:${name}`)!
      .data as Record<string, any>;
  };

  beforeEach(async () => {
    const db = await databases.init(id);
    await db('lineage_datasets').delete();
    await db('lineage_jobs').delete();
    graph = new LineageGraph(db, { maxDepth: 20, maxNodes: 2000 });
    logger = mockServices.logger.mock();
    const events = DefaultEventsService.create({ logger });
    announced = [];
    await events.subscribe({
      id: 'test',
      topics: [LINEAGE_UPDATED_TOPIC],
      onEvent: async ({ eventPayload }) => {
        announced.push(eventPayload);
      },
    });
    await subscribeToPipelineRuns({
      events,
      store: new LineageStore(db),
      python,
      pipeline,
      logger,
    });
    publish = payload =>
      events.publish({ topic: PIPELINE_RUN_TOPIC, eventPayload: payload });
  });

  it("records a published DuckDB run's lineage, tests, freshness and itself as the last run", async () => {
    await publish(run({}));
    const orders = await dataset(pipeline.namespace, ORDERS);
    expect(orders.lastRun).toEqual({
      runId: '20260101-000000-abcd',
      status: 'published',
      engine: 'duckdb',
      finishedAt: '2026-01-01T00:06:00Z',
      rows: 42,
    });
    expect(orders.quality).toMatchObject({ passed: 1, failed: 1 });
    expect(orders.quality.assertions[0]).toMatchObject({
      assertion: 'not_null_orders_id',
      source: 'dbt',
      failingRowsQuery: expect.stringContaining('ID is null'),
    });
    const raw = await dataset(pipeline.namespace, 'RAW.SHOP.ORDERS');
    expect(raw.freshness).toEqual({
      status: 'warn',
      maxLoadedAt: '2025-12-31T22:00:00+00:00',
      snapshottedAt: '2026-01-01T00:04:00+00:00',
      ageSeconds: 7440,
      warnAfterSeconds: 3600,
      errorAfterSeconds: 21600,
    });
    expect(announced).toEqual([
      { runId: '20260101-000000-abcd', recorded: expect.any(Number) },
    ]);
  });

  it('shows an empty source as having no newest row and no age', async () => {
    // dbt reports a table without rows as loaded in year 1, some 739,000
    // days ago: the panel would show that date and age.
    const empty = await mkdtemp(join(tmpdir(), 'lineage-runs-empty-'));
    try {
      await cp(dir, empty, { recursive: true });
      const [orders] = shopSources.results;
      await writeFile(
        join(empty, 'sources.json'),
        JSON.stringify({
          ...shopSources,
          results: [
            {
              ...orders,
              status: 'error',
              max_loaded_at: '0001-01-01T00:00:00+00:00',
              max_loaded_at_time_ago_in_s: 63_910_000_000,
            },
          ],
        }),
      );
      await publish(run({ artifactsDir: empty }));
      const raw = await dataset(pipeline.namespace, 'RAW.SHOP.ORDERS');
      expect(raw.freshness).toMatchObject({
        status: 'error',
        maxLoadedAt: null,
        ageSeconds: null,
        errorAfterSeconds: 21600,
      });
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });

  it("records the bronze load of the run's dbt project entries", async () => {
    const project = join(dir, 'project');
    await mkdir(join(project, 'bronze'), { recursive: true });
    await writeFile(
      join(project, 'bronze/pos_returns.yml'),
      `table: pos_returns
from: returns
mode: append
columns:
  - { name: return_id, type: varchar }
  - { name: source_xid, type: bigint }
`,
    );
    await publish(run({ dbtProjectDir: project }));
    const { graph: nodes } = await graph.lineage(
      {
        type: 'dataset',
        namespace: pipeline.namespace,
        name: 'lakehouse.bronze.pos_returns',
      },
      2,
    );
    expect(nodes.map(n => n.id)).toEqual(
      expect.arrayContaining([
        `job:${pipeline.namespace}:bronze load pos_returns`,
        `dataset:${pipeline.namespace}:postgresql.scout.returns`,
      ]),
    );
  });

  it('takes only the facts of a Trino run or a failed one, never their lineage', async () => {
    await publish(run({ engine: 'trino', runId: 'trino-run' }));
    await publish(run({ status: 'failed', runId: 'failed-run', rows: {} }));
    const trino = await dataset(pipeline.trinoNamespace, ORDERS);
    expect(trino.lastRun).toMatchObject({ runId: 'trino-run', rows: 42 });
    expect(trino.quality).toMatchObject({ failed: 1 });
    const failed = await dataset(pipeline.namespace, ORDERS);
    expect(failed.lastRun).toMatchObject({
      runId: 'failed-run',
      status: 'failed',
      rows: null,
    });
    expect(failed.quality).toMatchObject({ failed: 1 });
    expect((await graph.search('model.shop', 'JOB', 10)).totalCount).toBe(0);
    expect(announced).toEqual([]);
  });

  it("puts a failed expectation on the scout database's table, beside dbt's tests", async () => {
    await publish(
      run({
        status: 'failed',
        artifactsDir: undefined,
        expectationsPath: join(dir, 'results.json'),
        rows: undefined,
      }),
    );
    const silver = await dataset(
      pipeline.namespace,
      'postgresql.scout.silver_transactions',
    );
    expect(silver.quality).toMatchObject({ passed: 0, failed: 1 });
    expect(silver.quality.assertions[0]).toMatchObject({
      assertion: 'expect_column_values_to_be_in_set',
      column: 'payment_method',
      source: 'great_expectations',
      failures: 1,
    });
    expect(silver.lastRun).toMatchObject({ status: 'failed' });
  });

  it('logs a run it cannot read and keeps listening', async () => {
    await publish(run({ artifactsDir: join(dir, 'missing'), runId: 'bad' }));
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('could not record pipeline run bad'),
    );
    await publish(run({ runId: 'next' }));
    expect((await dataset(pipeline.namespace, ORDERS)).lastRun.runId).toBe(
      'next',
    );
  });
});
