import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  PLATFORM_API_NAMESPACE,
  transactionSchema,
} from '@internal/backstage-plugin-scout-common';
import { repositoryRoot } from '@internal/backstage-plugin-scout-node';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lineageDatabases } from '../__testUtils__/databases';
import { readStaticPassConfig } from '../config';
import { FieldLineage } from './FieldLineage';
import { LineageGraph } from './LineageGraph';
import { LineageStore } from './LineageStore';
import {
  migrationViews,
  POSTGRES_JOB_NAMESPACE,
  recordPlatformLineage,
} from './platformLineage';

// The real migrations through python/migration_views.py (sqlglot).
const { python } = readStaticPassConfig(new ConfigReader({}));
const MIGRATIONS = join(repositoryRoot(), 'migrations');
const NS = 'duckdb://lakehouse';
const databases = lineageDatabases();
afterAll(() => databases.closeAll());

describe("the migrations' views", () => {
  it('become jobs with the column lineage of their SELECT', async () => {
    const { jobs, warnings } = await migrationViews(python, MIGRATIONS);
    expect(warnings).toEqual([]);
    const daily = jobs.find(
      j => j.name === 'view scout.gold_daily_store_sales',
    )!;
    expect(daily.source).toBe('migrations/0005_gold_views.sql');
    expect(daily.inputs.map(d => d.name)).toEqual(
      expect.arrayContaining([
        'postgresql.scout.silver_transactions',
        'postgresql.scout.silver_line_items',
      ]),
    );
    const revenue = daily.outputs[0].fields.find(f => f.name === 'revenue')!;
    expect(revenue.from).toEqual([
      {
        dataset: 'postgresql.scout.silver_line_items',
        field: 'amount',
        subtype: 'AGGREGATION',
      },
    ]);
  });

  it('follow the last migration: a dropped view is gone, a replaced one redefined', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lineage-migrations-'));
    try {
      await writeFile(
        join(dir, '0001.sql'),
        `create table s.t (a int, b text);
         create view s.v1 as select a from s.t;
         create view s.v2 as select a from s.t;`,
      );
      await writeFile(
        join(dir, '0002.sql'),
        `drop view s.v1;
         create or replace view s.v2 as select b as a from s.t;`,
      );
      const { jobs } = await migrationViews(python, dir);
      expect(jobs.map(j => j.name)).toEqual(['view s.v2']);
      expect(jobs[0].outputs[0].fields[0].from).toEqual([
        { dataset: 'postgresql.s.t', field: 'b', subtype: 'IDENTITY' },
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses a folder that is not there, saying so', async () => {
    await expect(
      migrationViews(python, join(MIGRATIONS, 'nope')),
    ).rejects.toThrow(/is not a folder of SQL migrations/);
  });
});

describe.each(databases.ids)("the platform's lineage on %s", id => {
  let store: LineageStore;
  let graph: LineageGraph;
  let fields: FieldLineage;
  const record = () =>
    recordPlatformLineage({
      store,
      python,
      migrationsDir: MIGRATIONS,
      namespace: NS,
      logger: mockServices.logger.mock(),
    });

  beforeAll(async () => {
    const db = await databases.init(id);
    store = new LineageStore(db);
    graph = new LineageGraph(db, { maxDepth: 20, maxNodes: 2000 });
    fields = new FieldLineage(db, graph);
  });

  it('records the edge functions, promotion and views once', async () => {
    const first = await record();
    expect(first.recorded).toBe(first.jobs);
    expect(first.jobs).toBeGreaterThanOrEqual(4 + 6);
    expect(await record()).toEqual({ jobs: first.jobs, recorded: 0 });
  });

  it('has ingest-transaction read every field of the request body', async () => {
    const { graph: nodes } = await graph.lineage(
      {
        type: 'job',
        namespace: PLATFORM_API_NAMESPACE,
        name: 'ingest-transaction',
      },
      1,
    );
    const request = nodes.find(n =>
      n.id.endsWith(':ingest-transaction.Transaction'),
    )!;
    const { fields: schema } = request.data as { fields: { name: string }[] };
    const names = schema.map(f => f.name);
    expect(names).toEqual(
      expect.arrayContaining([
        ...Object.keys(transactionSchema.shape),
        'items.sku',
      ]),
    );
    expect(nodes.map(n => n.id)).toContain(
      `dataset:${NS}:postgresql.scout.bronze_transactions`,
    );
  });

  it('reaches the Postgres gold views from the request body', async () => {
    const impact = await fields.impact({
      namespace: PLATFORM_API_NAMESPACE,
      dataset: 'ingest-transaction.Transaction',
      field: 'total',
    });
    expect(impact.datasets.map(d => d.name)).toEqual(
      expect.arrayContaining([
        'postgresql.scout.bronze_transactions',
        'postgresql.scout.silver_transactions',
        'postgresql.scout.gold_basket_size',
      ]),
    );
    const { graph: promote } = await graph.lineage(
      { type: 'job', namespace: POSTGRES_JOB_NAMESPACE, name: 'scout.promote' },
      1,
    );
    expect(promote.length).toBeGreaterThan(4);
  });
});
