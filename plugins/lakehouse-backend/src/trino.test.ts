import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
// eslint-disable-next-line @backstage/no-mixed-plugin-imports -- the real pipeline runs through the scout plugin, in the same test backend
import scoutPlugin from '@internal/backstage-plugin-scout-backend';
import { generateTransactions } from '@internal/backstage-plugin-scout-common';
import {
  createTrinoSandbox,
  developmentDbt,
  openScoutDatabase,
  PipelineRun,
  readLakehouseStack,
  repositoryRoot,
  runPipeline,
  TrinoSandbox,
} from '@internal/backstage-plugin-scout-node';
import { testDatabases } from '@internal/backstage-plugin-scout-node/testing';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import {
  asStoreDays,
  BAD_ROW,
  BAD_TRANSACTION_ID,
  expectedStoreDays,
  ingest,
  injectionAttempts,
  localTrino,
  previewAll,
  scoutConfig,
} from './__testUtils__/scoutLakehouse';
import { lakehousePlugin } from './plugin';

// The browser over Iceberg on the real stack (`./scripts/yarn scout stack up`; CI
// starts it). A sandbox (an empty Nessie branch playing main, and a Trino
// catalog on it) gets two published pipeline runs, so gold has two
// snapshots, then a failed run whose branch is kept. The lakehouse plugin
// serves the sandbox catalog with the sandbox branch as its default.

// Each request is real Trino work on a shared 2-core machine: a preview of
// every gold page can take longer than Jest's 5 s default.
jest.setTimeout(60_000);

// The local stack, as the checkout's app-config.yaml describes it.
const { appConfig, trinoUrl, trinoUp } = localTrino();
const [postgres] = testDatabases().filter(d => d.kind === 'postgres');

// The second batch reaches ten days further, so gold grows by new days.
const FIRST = [
  ...generateTransactions({
    count: 1200,
    seed: 31,
    days: 10,
    end: new Date('2026-11-10T00:00:00Z'),
  }),
];
const SECOND = [
  ...generateTransactions({
    count: 1200,
    seed: 32,
    days: 10,
    end: new Date('2026-11-20T00:00:00Z'),
  }),
];
const TESTER = 'user:default/lakehouse-tester';

type Stack = {
  server: Parameters<typeof request>[0];
  sandbox: TrinoSandbox;
  first: PipelineRun;
  second: PipelineRun;
  failed: PipelineRun;
};

describe('the lakehouse browser on Trino and Nessie', () => {
  let stack: Stack | undefined;
  let sandbox: TrinoSandbox | undefined;
  let failedBranch: string | undefined;

  beforeAll(async () => {
    if (!(await trinoUp)) {
      const reason = `no Trino answers at ${await trinoUrl}; start the stack with ./scripts/yarn scout stack up`;
      if (process.env.CI) throw new Error(reason);
      // eslint-disable-next-line no-console
      console.warn(`Skipping the Trino lakehouse browser tests: ${reason}`);
      return;
    }
    if (!postgres) {
      throw new Error(
        'the Trino tests need the stack PostgreSQL: export SCOUT_TEST_DATABASE_URL',
      );
    }
    const url = (await postgres.createUrl())!;
    // The stack's connections, for the scout plugin in the test backend.
    const connections = (await appConfig)
      .getConfig('scout.lakehouse')
      .get() as object;
    sandbox = await createTrinoSandbox({
      stack: readLakehouseStack(await appConfig),
      databaseName: new URL(url).pathname.slice(1),
    });
    const { server } = await startTestBackend({
      features: [
        scoutPlugin,
        lakehousePlugin,
        mockServices.rootConfig.factory({
          data: {
            app: { baseUrl: 'http://localhost:3000' },
            scout: scoutConfig({
              url,
              lakehouseDir: mkdtempSync(join(tmpdir(), 'lakehouse-unused-')),
              stack: connections,
            }),
            lakehouse: {
              engine: 'trino',
              trino: { catalog: sandbox.mainCatalog },
              nessie: { defaultRef: sandbox.main },
            },
          },
        }),
      ],
    });
    const db = await openScoutDatabase({ url });
    const run = async () =>
      (
        await runPipeline({
          db,
          target: sandbox!.target(),
          trigger: 'test',
          repoRoot: repositoryRoot(),
          dbt: developmentDbt(repositoryRoot()),
          log: () => {},
        })
      ).run;
    const published = async () => {
      const result = await run();
      if (result.status !== 'published') {
        throw new Error(`the pipeline run failed: ${result.error}`);
      }
      return result;
    };
    try {
      await ingest(server, FIRST);
      const first = await published();
      await ingest(server, SECOND);
      const second = await published();
      await db.query(BAD_ROW);
      const failed = await run();
      failedBranch = failed.branch ?? undefined;
      if (failed.status !== 'failed' || !failedBranch) {
        throw new Error(
          `the run with a bad row did not fail: ${failed.status}`,
        );
      }
      stack = { server, sandbox, first, second, failed };
    } finally {
      await db.close();
    }
  }, 1_800_000);

  afterAll(async () => {
    if (failedBranch) await sandbox?.nessie.deleteBranch(failedBranch);
    await sandbox?.dispose();
    await postgres?.cleanup();
  }, 120_000);

  const get = (path: string, user = 'user:default/mock') =>
    request(stack!.server)
      .get(`/api/lakehouse${path}`)
      .set('authorization', mockCredentials.user.header(user));
  const api = () => `/catalogs/${stack!.sandbox.mainCatalog}`;
  const gold = () => `${api()}/namespaces/gold/tables/gold_daily_store_sales`;
  /** Runs `fn` when the stack is up (otherwise beforeAll said why not). */
  const onStack = (fn: (s: Stack) => Promise<void>) => async () => {
    if (stack) await fn(stack);
  };

  it(
    "lists the layers, and gold's tables with the current snapshot's rows",
    onStack(async ({ sandbox: sb, second }) => {
      const catalogs = await get('/catalogs');
      expect(catalogs.body.items).toEqual([
        { name: sb.mainCatalog, engine: 'trino', defaultRef: sb.main },
      ]);
      const namespaces = await get(`${api()}/namespaces`);
      expect(namespaces.body.items).toEqual([
        { name: 'bronze', tableCount: 4 },
        { name: 'silver', tableCount: 4 },
        { name: 'gold', tableCount: 5 },
        { name: 'platinum', tableCount: 2 },
      ]);
      const tables = await get(`${api()}/namespaces/gold/tables`);
      expect(tables.body.items).toHaveLength(5);
      for (const t of tables.body.items) {
        expect(t.rowCount).toBe(second.rows[`gold.${t.name}`]);
        expect(t.fileCount).toBeGreaterThan(0);
        expect(t.sizeBytes).toBeGreaterThan(0);
        expect(Date.parse(t.lastUpdated)).toBeGreaterThanOrEqual(
          Date.parse(second.startedAt),
        );
      }
    }),
  );

  it(
    'describes gold_daily_store_sales: schema, partition spec, properties, file health',
    onStack(async () => {
      const res = await get(gold());
      expect(res.status).toBe(200);
      const { summary, columns, partitionSpec, properties, health } = res.body;
      expect(
        columns.map((c: { name: string; type: string }) => [c.name, c.type]),
      ).toEqual([
        ['sale_date', 'date'],
        ['store_id', 'varchar'],
        ['region_code', 'varchar'],
        ['transactions', 'bigint'],
        ['units', 'bigint'],
        ['revenue', 'decimal(14,2)'],
      ]);
      expect(columns[0]).toEqual({
        name: 'sale_date',
        type: 'date',
        nullable: true,
        comment: 'Calendar day in Asia/Manila.',
      });
      expect(res.body.description).toEqual(expect.any(String));
      expect(partitionSpec).toEqual([
        { sourceColumn: 'sale_date', transform: 'identity' },
      ]);
      expect(properties).toMatchObject({
        format: 'iceberg/PARQUET',
        'format-version': '2',
      });
      expect(health).toMatchObject({
        fileCount: summary.fileCount,
        totalBytes: summary.sizeBytes,
        targetFileBytes: 512 * 1024 * 1024,
        // Test-sized data: every file is far under a quarter of 512 MiB.
        smallFileCount: summary.fileCount,
      });
      expect(health.averageFileBytes).toBe(
        Math.round(summary.sizeBytes / summary.fileCount),
      );
    }),
  );

  it(
    'lists the snapshots newest first, one from each published run',
    onStack(async ({ first, second }) => {
      const res = await get(`${gold()}/snapshots`);
      expect(res.status).toBe(200);
      const snapshots = res.body.items;
      expect(snapshots.length).toBeGreaterThanOrEqual(2);
      const times = snapshots.map((s: { committedAt: string }) =>
        Date.parse(s.committedAt),
      );
      expect([...times].sort((a, b) => b - a)).toEqual(times);
      for (const s of snapshots) expect(s.snapshotId).toMatch(/^\d+$/);
      const during = (run: PipelineRun) =>
        snapshots.filter(
          (s: { committedAt: string }) =>
            Date.parse(s.committedAt) >= Date.parse(run.startedAt) &&
            Date.parse(s.committedAt) <= Date.parse(run.finishedAt!),
        );
      expect(during(first).length).toBeGreaterThan(0);
      expect(during(second).length).toBeGreaterThan(0);
      expect(snapshots[0].summary['total-records']).toBe(
        String(second.rows['gold.gold_daily_store_sales']),
      );
    }),
  );

  it(
    'previews gold as the calling user, page by page, equal to the input',
    onStack(async ({ sandbox: sb }) => {
      const rows = await previewAll(
        stack!.server,
        `/api/lakehouse${gold()}/preview`,
        {},
        TESTER,
      );
      expect(asStoreDays(rows)).toEqual(
        expectedStoreDays([...FIRST, ...SECOND]),
      );
      // Trino ran it as the person who asked, not as the portal.
      const [[asTester]] = await sb.trino(
        `select count(*) from system.runtime.queries
         where "user" = 'lakehouse-tester'
           and strpos(query, '"${sb.mainCatalog}"."gold"."gold_daily_store_sales"') > 0`,
      );
      expect(Number(asTester)).toBeGreaterThan(0);
    }),
  );

  it(
    "travels back to the first run's snapshot: its rows, not today's",
    onStack(async ({ second }) => {
      const snapshots = (await get(`${gold()}/snapshots`)).body.items;
      const older = snapshots.find(
        (s: { committedAt: string }) =>
          Date.parse(s.committedAt) < Date.parse(second.startedAt),
      );
      const rows = await previewAll(
        stack!.server,
        `/api/lakehouse${gold()}/preview`,
        { snapshot: older.snapshotId },
      );
      expect(asStoreDays(rows)).toEqual(expectedStoreDays(FIRST));

      const missing = await get(`${gold()}/preview?snapshot=123`);
      expect(missing.status).toBe(400);
      expect(missing.body.error.message).toMatch(/snapshot/i);
    }),
  );

  it(
    'reports files and partitions: one partition per day, adding up to the table',
    onStack(async () => {
      const detail = (await get(gold())).body;
      const res = await get(`${gold()}/partitions`);
      expect(res.status).toBe(200);
      expect(res.body.health).toEqual(detail.health);
      const days = new Set(
        [...expectedStoreDays([...FIRST, ...SECOND]).keys()].map(
          k => k.split('|')[0],
        ),
      );
      expect(
        res.body.items.map((p: { partition: object }) => p.partition),
      ).toEqual([...days].sort().map(day => ({ sale_date: day })));
      const sum = (field: string) =>
        res.body.items.reduce(
          (n: number, p: Record<string, number>) => n + p[field],
          0,
        );
      expect(sum('recordCount')).toBe(detail.summary.rowCount);
      expect(sum('fileCount')).toBe(detail.health.fileCount);
    }),
  );

  it(
    "shows the branches, the Nessie commits on the table, and what a failed run's branch changed",
    onStack(async ({ sandbox: sb, failed }) => {
      const refs = (await get(`${api()}/refs`)).body.items;
      expect(refs[0]).toMatchObject({ name: sb.main, type: 'BRANCH' });
      expect(refs).toContainEqual(
        expect.objectContaining({ name: failed.branch, type: 'BRANCH' }),
      );

      const commits = await get(`${gold()}/commits?limit=10`);
      expect(commits.status).toBe(200);
      expect(commits.body.items.length).toBeGreaterThanOrEqual(2);
      for (const c of commits.body.items) {
        expect(c.hash).toMatch(/^[0-9a-f]{64}$/);
        expect(Date.parse(c.committedAt)).toBeGreaterThan(0);
      }

      const diff = await get(
        `${api()}/diff?from=${sb.main}&to=${failed.branch}`,
      );
      expect(diff.status).toBe(200);
      expect(diff.body.items).toEqual(
        expect.arrayContaining([
          { namespace: 'bronze', table: 'transactions', change: 'MODIFIED' },
          { namespace: 'bronze', table: 'line_items', change: 'MODIFIED' },
        ]),
      );
      // Every table the run wrote already existed on main.
      expect(
        diff.body.items.filter(
          (d: { change: string }) => d.change !== 'MODIFIED',
        ),
      ).toEqual([]);
    }),
  );

  it(
    "previews another reference: the failed run's bronze holds the bad row",
    onStack(async ({ failed }) => {
      const bronze = `${api()}/namespaces/bronze/tables/transactions/preview?limit=1`;
      // Bronze is for data engineering (platform-manifests/config/trino).
      const engineer = 'user:default/ana.cruz';
      // Ordered by transaction_id first, and the bad id sorts first.
      const onBranch = await get(`${bronze}&ref=${failed.branch}`, engineer);
      expect(onBranch.status).toBe(200);
      expect(onBranch.body.rows[0][0]).toBe(BAD_TRANSACTION_ID);
      const onMain = await get(bronze, engineer);
      expect(onMain.body.rows[0][0]).not.toBe(BAD_TRANSACTION_ID);
    }),
  );

  it(
    'answers 404 for what does not exist',
    onStack(async () => {
      for (const path of [
        `${api()}/namespaces/diamond/tables`,
        `${api()}/namespaces/gold/tables/gold_nope`,
        `${api()}/namespaces/gold/tables/gold_nope/snapshots`,
        `${gold()}/preview?ref=no-such-branch`,
        `${gold()}/commits?ref=no-such-branch`,
        `${api()}/diff?from=main&to=no-such-branch`,
        '/catalogs/iceberg/namespaces',
      ]) {
        const res = await get(path);
        expect({ path, status: res.status }).toEqual({ path, status: 404 });
        expect(res.body.error.name).toBe('NotFoundError');
      }
    }),
  );

  it(
    'rejects identifier injection with 400, and none of it reaches Trino',
    onStack(async ({ sandbox: sb }) => {
      for (const path of injectionAttempts(sb.mainCatalog)) {
        const res = await get(path);
        expect({ path, status: res.status }).toEqual({ path, status: 400 });
        expect(res.body.error.name).toBe('InputError');
      }
      // Split so that this query's own text does not match.
      const [[reached]] = await sb.trino(
        `select count(*) from system.runtime.queries
         where strpos(lower(query), 'drop' || ' table x') > 0`,
      );
      expect(Number(reached)).toBe(0);
    }),
  );
});
