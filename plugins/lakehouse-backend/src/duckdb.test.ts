import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
// eslint-disable-next-line @backstage/no-mixed-plugin-imports -- the real pipeline runs through the scout plugin, in the same test backend
import scoutPlugin from '@internal/backstage-plugin-scout-backend';
import { generateTransactions } from '@internal/backstage-plugin-scout-common';
import {
  openScoutDatabase,
  PipelineRun,
} from '@internal/backstage-plugin-scout-node';
import { testDatabases } from '@internal/backstage-plugin-scout-node/testing';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import {
  asStoreDays,
  BAD_ROW,
  expectedStoreDays,
  ingest,
  injectionAttempts,
  previewAll,
  scoutConfig,
} from './__testUtils__/scoutLakehouse';
import { lakehousePlugin } from './plugin';

// The browser over the embedded lakehouse that the real pipeline built:
// the scout plugin ingests generated transactions and runs the pipeline
// with dbt on DuckDB; the lakehouse plugin, in the same backend, reads the
// Parquet it wrote. Its lakehouse folder comes from scout.lakehouse.dir.

const COUNT = 2000;
const txs = [
  ...generateTransactions({
    count: COUNT,
    seed: 5,
    end: new Date('2026-11-20T00:00:00Z'),
  }),
];
const API = '/api/lakehouse/catalogs/lakehouse';
const GOLD = `${API}/namespaces/gold/tables/gold_daily_store_sales`;

// A failed run needs a bad silver row, written by SQL: PostgreSQL only.
const [postgres] = testDatabases().filter(d => d.kind === 'postgres');
const databases = postgres ?? testDatabases()[0];

describe(`the lakehouse browser on DuckDB (scout database on ${databases.kind})`, () => {
  let server: Parameters<typeof request>[0];
  let url: string | undefined;
  let published: PipelineRun;
  const get = (path: string) =>
    request(server)
      .get(path)
      .set('authorization', mockCredentials.user.header());
  // Starts a run and follows it to its end (the API answers 202 at once).
  const runNow = async (): Promise<PipelineRun> => {
    const res = await request(server)
      .post('/api/scout/pipeline/runs')
      .set('authorization', mockCredentials.user.header());
    if (res.status !== 200 && res.status !== 202) {
      throw new Error(`POST /pipeline/runs: ${res.status} ${res.text}`);
    }
    let run: PipelineRun = res.body.run;
    while (run.status === 'running') {
      await new Promise(resolve => setTimeout(resolve, 500));
      run = (await get(`/api/scout/pipeline/runs/${run.runId}`)).body.run;
    }
    return run;
  };

  beforeAll(async () => {
    url = await databases.createUrl();
    const lakehouseDir = mkdtempSync(join(tmpdir(), 'lakehouse-duckdb-'));
    ({ server } = await startTestBackend({
      features: [
        scoutPlugin,
        lakehousePlugin,
        mockServices.rootConfig.factory({
          data: {
            app: { baseUrl: 'http://localhost:3000' },
            scout: scoutConfig({ url, lakehouseDir }),
          },
        }),
      ],
    }));
    await ingest(server, txs);
    published = await runNow();
    if (published.status !== 'published') {
      throw new Error(`the pipeline run failed: ${published.error}`);
    }
  }, 300_000);

  afterAll(() => databases.cleanup(), 60_000);

  it('lists the layers with their table counts, and gold with rows, sizes and update times', async () => {
    const catalogs = await get('/api/lakehouse/catalogs');
    expect(catalogs.body.items).toEqual([
      { name: 'lakehouse', engine: 'duckdb', defaultRef: 'main' },
    ]);

    const namespaces = await get(`${API}/namespaces`);
    expect(namespaces.status).toBe(200);
    expect(namespaces.body.items).toEqual([
      { name: 'bronze', tableCount: 4 },
      { name: 'silver', tableCount: 4 },
      { name: 'gold', tableCount: 5 },
      { name: 'platinum', tableCount: 2 },
    ]);

    const tables = await get(`${API}/namespaces/gold/tables`);
    expect(tables.body.items.map((t: { name: string }) => t.name)).toEqual([
      'gold_basket_metrics',
      'gold_daily_store_sales',
      'gold_payment_mix',
      'gold_product_performance',
      'gold_region_category_sales',
    ]);
    for (const table of tables.body.items) {
      expect(table.rowCount).toBe(published.rows[`gold.${table.name}`]);
      expect(table.sizeBytes).toBeGreaterThan(0);
      expect(table.fileCount).toBe(1);
      expect(Date.parse(table.lastUpdated)).toBeGreaterThanOrEqual(
        Date.parse(published.startedAt),
      );
    }
    const bronze = await get(`${API}/namespaces/bronze/tables`);
    const transactions = bronze.body.items.find(
      (t: { name: string }) => t.name === 'transactions',
    );
    expect(transactions).toMatchObject({ rowCount: COUNT, fileCount: 1 });
  });

  it("describes a gold table: columns, types, nullability, dbt's docs and file health", async () => {
    const res = await get(GOLD);
    expect(res.status).toBe(200);
    const { summary, columns, partitionSpec, properties, health } = res.body;
    expect(summary.rowCount).toBe(expectedStoreDays(txs).size);
    expect(
      columns.map((c: { name: string; type: string }) => [c.name, c.type]),
    ).toEqual([
      ['sale_date', 'DATE'],
      ['store_id', 'VARCHAR'],
      ['region_code', 'VARCHAR'],
      ['transactions', 'BIGINT'],
      ['units', 'BIGINT'],
      ['revenue', 'DECIMAL(14,2)'],
    ]);
    expect(columns.every((c: { nullable: boolean }) => c.nullable)).toBe(true);
    // From transform/models/gold/schema.yml, through the run's manifest.
    expect(res.body.description).toEqual(expect.any(String));
    expect(
      columns.find((c: { name: string }) => c.name === 'sale_date').comment,
    ).toBe('Calendar day in Asia/Manila.');
    expect(partitionSpec).toEqual([]);
    expect(properties).toMatchObject({
      format: 'parquet',
      location: 'gold/gold_daily_store_sales.parquet',
    });
    expect(health).toEqual({
      fileCount: 1,
      totalBytes: summary.sizeBytes,
      averageFileBytes: summary.sizeBytes,
      targetFileBytes: 512 * 1024 * 1024,
      smallFileCount: 1,
    });

    const partitions = await get(`${GOLD}/partitions`);
    expect(partitions.body).toEqual({
      health,
      items: [
        {
          partition: {},
          recordCount: summary.rowCount,
          fileCount: 1,
          totalBytes: summary.sizeBytes,
        },
      ],
    });
  });

  it('pages through the preview: every gold row once, equal to the input', async () => {
    const first = await get(`${GOLD}/preview`);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ offset: 0, limit: 100, hasMore: true });
    expect(first.body.rows).toHaveLength(100);
    expect(first.body.columns[5]).toEqual({
      name: 'revenue',
      type: 'DECIMAL(14,2)',
    });

    const second = await get(`${GOLD}/preview?limit=100&offset=100`);
    expect(second.body.rows[0]).not.toEqual(first.body.rows[99]);

    const rows = await previewAll(server, `${GOLD}/preview`);
    expect(rows).toHaveLength(expectedStoreDays(txs).size);
    expect(asStoreDays(rows)).toEqual(expectedStoreDays(txs));
  });

  it('shows each published run as a commit of the tables it wrote', async () => {
    // A second run with no new transactions rebuilds every dbt layer and
    // the dimension tables, but appends nothing to bronze.transactions.
    const second = await runNow();
    expect(second.status).toBe('published');

    const gold = await get(`${GOLD}/commits`);
    expect(gold.status).toBe(200);
    expect(gold.body.items).toEqual(
      [second, published].map(run => ({
        hash: run.runId,
        message: expect.stringMatching(
          new RegExp(
            `^Pipeline run ${run.runId} published \\d+ tables; gold.gold_daily_store_sales has ${run.rows['gold.gold_daily_store_sales']} rows$`,
          ),
        ),
        author: 'scout pipeline',
        committedAt: expect.any(String),
      })),
    );
    for (const [i, run] of [second, published].entries()) {
      const at = Date.parse(gold.body.items[i].committedAt);
      expect(at).toBeGreaterThanOrEqual(Date.parse(run.startedAt));
      expect(at).toBeLessThanOrEqual(Date.parse(run.finishedAt!));
    }

    const bronze = await get(
      `${API}/namespaces/bronze/tables/transactions/commits`,
    );
    expect(bronze.body.items.map((c: { hash: string }) => c.hash)).toEqual([
      published.runId,
    ]);
    expect(
      (
        await get(`${API}/namespaces/bronze/tables/stores/commits?limit=1`)
      ).body.items.map((c: { hash: string }) => c.hash),
    ).toEqual([second.runId]);

    const refs = await get(`${API}/refs`);
    expect(refs.body.items[0]).toEqual({
      name: 'main',
      type: 'BRANCH',
      hash: second.runId,
    });
  }, 300_000);

  it('has no snapshots, and refuses time travel', async () => {
    expect((await get(`${GOLD}/snapshots`)).body).toEqual({ items: [] });
    const travel = await get(`${GOLD}/preview?snapshot=4446385836985531229`);
    expect(travel.status).toBe(400);
    expect(travel.body.error.message).toMatch(/Time travel needs Iceberg/);
  });

  it('answers 404 for what does not exist', async () => {
    for (const path of [
      `${API}/namespaces/diamond/tables`,
      `${API}/namespaces/gold/tables/gold_nope`,
      `${API}/namespaces/gold/tables/gold_nope/preview`,
      `${GOLD}/preview?ref=run-20261127-000000-0000`,
      '/api/lakehouse/catalogs/iceberg/namespaces',
    ]) {
      const res = await get(path);
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
      expect(res.body.error.name).toBe('NotFoundError');
    }
  });

  it('rejects identifier injection with 400 before any engine sees it', async () => {
    for (const path of injectionAttempts('lakehouse')) {
      const res = await get(`/api/lakehouse${path}`);
      expect({ path, status: res.status }).toEqual({ path, status: 400 });
      expect(res.body.error.name).toBe('InputError');
    }
    // Nothing was dropped or read: gold is as the pipeline left it.
    expect((await get(GOLD)).body.summary.rowCount).toBe(
      expectedStoreDays(txs).size,
    );
  });

  it("shows a failed run's folder as a branch, what it changed, and its rows", async () => {
    if (!url) {
      // eslint-disable-next-line no-console
      console.warn(
        'Skipping the failed-run part: it needs PostgreSQL (SCOUT_TEST_DATABASE_URL)',
      );
      return;
    }
    const db = await openScoutDatabase({ url });
    try {
      await db.query(BAD_ROW);
    } finally {
      await db.close();
    }
    const failed = await runNow();
    expect(failed.status).toBe('failed');
    const branch = `run-${failed.runId}`;

    const refs = await get(`${API}/refs`);
    const main = refs.body.items[0];
    expect(refs.body.items).toEqual([
      { name: 'main', type: 'BRANCH', hash: expect.any(String) },
      { name: branch, type: 'BRANCH', hash: null },
    ]);

    // The failed run committed nothing: its log is main's when it began.
    const onMain = await get(`${GOLD}/commits`);
    const onRun = await get(`${GOLD}/commits?ref=${branch}`);
    expect(onRun.body.items).toEqual(onMain.body.items);
    expect(onRun.body.items[0].hash).toBe(main.hash);

    const diff = await get(`${API}/diff?from=main&to=${branch}`);
    expect(diff.status).toBe(200);
    expect(diff.body.items).toEqual(
      expect.arrayContaining([
        { namespace: 'bronze', table: 'transactions', change: 'MODIFIED' },
        { namespace: 'bronze', table: 'line_items', change: 'MODIFIED' },
      ]),
    );
    expect(
      diff.body.items.every((d: { change: string }) => d.change !== 'REMOVED'),
    ).toBe(true);

    // The run's bronze holds the bad transaction; main's does not.
    const bronze = `${API}/namespaces/bronze/tables/transactions/preview`;
    const onBranch = await previewAll(server, bronze, { ref: branch });
    expect(onBranch).toHaveLength(COUNT + 1);
    expect(await previewAll(server, bronze)).toHaveLength(COUNT);
  }, 300_000);
});
