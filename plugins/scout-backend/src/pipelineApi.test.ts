import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { generateTransactions } from '@internal/backstage-plugin-scout-common';
import {
  openScoutDatabase,
  PIPELINE_RUN_TOPIC,
} from '@internal/backstage-plugin-scout-node';
import {
  ingestTransactions,
  serviceRoleToken,
  testDatabases,
} from '@internal/backstage-plugin-scout-node/testing';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createFakeDbt } from './__testUtils__/fakeDbt';
import { waitForPromotion } from './__testUtils__/promotion';
import { scoutPlugin } from './plugin';

// The pipeline API end to end with a stand-in dbt (see fakeDbt): a run
// answers 202 at once and is followed to its end; its steps and tests are
// recorded, its end audited and announced; the overview and the ingest
// summary read a seeded database.

const SECRET = 'pipeline-api-secret';
const USER = mockCredentials.user.header();
type Server = Parameters<typeof request>[0];

async function startBackend(options: {
  url?: string;
  dbt: { executable: string; projectDir: string };
  result?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
  events?: ReturnType<typeof mockServices.events.mock>;
  auditor?: ReturnType<typeof mockServices.auditor.mock>;
}) {
  const { server } = await startTestBackend({
    features: [
      scoutPlugin,
      mockServices.permissions.factory({
        result: options.result ?? AuthorizeResult.ALLOW,
      }),
      ...(options.events ? [options.events.factory] : []),
      ...(options.auditor ? [options.auditor.factory] : []),
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: 'http://localhost:3000' },
          scout: {
            database: options.url ? { url: options.url } : {},
            demo: { enabled: true, transactions: 0 },
            functions: { jwtSecret: SECRET },
            lakehouse: {
              engine: 'duckdb',
              dir: mkdtempSync(join(tmpdir(), 'scout-api-lakehouse-')),
            },
            pipeline: { enabled: false, dbt: options.dbt },
          },
        },
      }),
    ],
  });
  return server;
}

const startRun = (server: Server) =>
  request(server).post('/api/scout/pipeline/runs').set('authorization', USER);

const getRun = (server: Server, runId: string) =>
  request(server)
    .get(`/api/scout/pipeline/runs/${runId}`)
    .set('authorization', USER);

/** Polls the run until it has ended; returns its detail. */
async function followRun(server: Server, runId: string) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const res = await getRun(server, runId);
    expect(res.status).toBe(200);
    if (res.body.run.status !== 'running') return res.body.run;
    if (Date.now() > deadline) {
      throw new Error(`run ${runId} did not end: ${JSON.stringify(res.body)}`);
    }
    await new Promise(resolve => setTimeout(resolve, 100));
  }
}

const stepStates = (run: { steps: { name: string; status: string }[] }) =>
  run.steps.map(step => `${step.name}:${step.status}`);

describe.each(testDatabases())('the pipeline API on $kind', databases => {
  const dbt = createFakeDbt();
  const events = mockServices.events.mock();
  const auditor = mockServices.auditor.mock();
  let server: Server;
  let url: string | undefined;
  // The run the first test publishes; a test run alone (`-t`) publishes one.
  let published: string | undefined;
  const publishedRunId = async () => {
    if (!published) {
      const { run } = (await startRun(server)).body;
      published = (await followRun(server, run.runId)).runId as string;
    }
    return published;
  };

  beforeAll(async () => {
    url = await databases.createUrl();
    server = await startBackend({ url, dbt: dbt.config, events, auditor });
    // 40 sales, 3 of them with a product scout.products does not know.
    const txs = [
      ...generateTransactions({
        count: 40,
        seed: 5,
        end: new Date('2026-11-20T00:00:00Z'),
      }),
    ].map((tx, i) =>
      i < 3
        ? {
            ...tx,
            items: [{ sku: 'SKU-UNKNOWN-1', quantity: 1, unit_price: 10 }],
            total: 10,
          }
        : tx,
    );
    await ingestTransactions(`http://localhost:${server.port()}`, txs, {
      token: serviceRoleToken(SECRET),
    });
    await waitForPromotion(server);
  }, 120_000);
  afterAll(async () => {
    dbt.cleanup();
    await databases.cleanup();
  }, 60_000);

  it('answers 202 with the running run, refuses a second with 409, and follows the run to its end', async () => {
    dbt.hold(true);
    const res = await startRun(server);
    expect(res.status).toBe(202);
    const { run } = res.body;
    expect(run).toMatchObject({
      status: 'running',
      trigger: 'api',
      engine: 'duckdb',
      startedBy: 'user:default/mock',
      finishedAt: null,
    });
    expect(res.headers.location).toBe(`/api/scout/pipeline/runs/${run.runId}`);

    const second = await startRun(server);
    expect(second.status).toBe(409);
    expect(second.body.error).toMatchObject({
      name: 'ConflictError',
      message: expect.stringMatching(/already in progress/),
    });

    dbt.hold(false);
    const ended = await followRun(server, run.runId);
    published = run.runId;
    expect(ended).toMatchObject({ status: 'published', error: null });
    // Great Expectations runs only once the run is given the database's URL,
    // and the stand-in dbt writes no sources.json: neither blocks the run.
    expect(stepStates(ended)).toEqual([
      'promote:succeeded',
      expect.stringMatching(/^expectations:(skipped|succeeded)$/),
      'branch:succeeded',
      'bronze:succeeded',
      'freshness:succeeded',
      'dbt:succeeded',
      'publish:succeeded',
      'release:succeeded',
    ]);
    expect(ended.steps[3].detail).toMatch(/^37 new transactions/);
    // dbt's tests; on PostgreSQL the expectations' come after them.
    const dbtTests = ended.tests.filter(
      (t: { source: string }) => t.source === 'dbt',
    );
    expect(dbtTests.map((t: { status: string }) => t.status)).toEqual([
      'pass',
      'pass',
    ]);
    expect(events.publish).toHaveBeenCalledWith({
      topic: PIPELINE_RUN_TOPIC,
      eventPayload: expect.objectContaining({
        runId: run.runId,
        engine: 'duckdb',
        status: 'published',
        finishedAt: ended.finishedAt,
        // Where the lineage store's static pass reads the run's manifest.
        artifactsDir: expect.stringMatching(
          new RegExp(`\\.scout/pipeline/runs/${run.runId}/dbt$`),
        ),
        // Where it reads the bronze entries the run loaded.
        dbtProjectDir: dbt.config.projectDir,
        rows: ended.rows,
      }),
    });
    // Great Expectations checks PostgreSQL silver; PGlite's run skips it.
    const [[{ eventPayload }]] = (events.publish as jest.Mock).mock.calls;
    expect(Boolean(eventPayload.expectationsPath)).toBe(Boolean(url));
    // Audited when allowed, and again when the run ended.
    expect(auditor.createEvent).toHaveBeenCalledWith(
      expect.objectContaining({ eventId: 'scout-pipeline-run' }),
    );
    const event = await (auditor.createEvent as jest.Mock).mock.results[0]
      .value;
    expect(event.success).toHaveBeenCalledWith({
      meta: { runId: run.runId, status: 'published' },
    });
  }, 120_000);

  it('records a failing dbt test: the run fails, its tests come failures first, and the overview says so', async () => {
    const lastPublished = await publishedRunId();
    dbt.fail(true);
    const { run } = (await startRun(server)).body;
    const ended = await followRun(server, run.runId);
    dbt.fail(false);
    expect(ended).toMatchObject({
      status: 'failed',
      // One dbt test, and on PostgreSQL the 14 expectations.
      testsPassed: url ? 15 : 1,
      testsFailed: 1,
      error: expect.stringMatching(/^dbt build failed, main is unchanged/),
    });
    expect(stepStates(ended)).toEqual([
      'promote:succeeded',
      expect.stringMatching(/^expectations:(skipped|succeeded)$/),
      'branch:succeeded',
      'bronze:succeeded',
      'freshness:succeeded',
      'dbt:failed',
      'publish:skipped',
      'release:skipped',
    ]);
    expect(ended.tests[0]).toEqual({
      uniqueId: 'test.scout.sums_match_silver_transactions.2b',
      name: 'sums_match_silver_transactions',
      model: 'silver_transactions',
      source: 'dbt',
      status: 'fail',
      failures: 2,
      message: 'Got 2 results, configured to fail if != 0',
      seconds: 0.2,
    });
    expect(events.publish).toHaveBeenLastCalledWith(
      expect.objectContaining({
        eventPayload: expect.objectContaining({ status: 'failed' }),
      }),
    );

    const overview = await request(server)
      .get('/api/scout/pipeline/overview')
      .set('authorization', USER);
    expect(overview.status).toBe(200);
    expect(overview.body).toMatchObject({
      latest: { runId: run.runId, status: 'failed' },
      lastPublished: { runId: lastPublished, status: 'published' },
      staleAfterSeconds: 1800,
      dataAgeSeconds: expect.any(Number),
      // The DuckDB engine's one catalog, where the Lakehouse page finds it.
      lakehouseCatalog: 'lakehouse',
    });
    expect(overview.body.layers).toContainEqual({
      layer: 'bronze',
      rows: expect.any(Number),
      tables: expect.arrayContaining([{ name: 'transactions', rows: 37 }]),
    });
    expect(
      overview.body.attention.map((a: { kind: string }) => a.kind),
    ).toEqual(['failed-run', 'failing-test', 'quarantine']);
    expect(overview.body.attention[1]).toMatchObject({
      severity: 'error',
      detail: 'sums_match_silver_transactions on silver_transactions',
      runId: run.runId,
    });
    expect(overview.body.attention[2].title).toBe(
      '3 transactions quarantined in the last 24 h',
    );

    const runs = await request(server)
      .get('/api/scout/pipeline/runs?status=failed&limit=5')
      .set('authorization', USER);
    expect(runs.body.runs.map((r: { runId: string }) => r.runId)).toEqual([
      run.runId,
    ]);
    expect(runs.body.runs[0]).not.toHaveProperty('tests');
  }, 120_000);

  it('sums ingest per hour over the window, zeros included', async () => {
    if (url) {
      // Quarantined hours ago, and before the window: only the first counts.
      const db = await openScoutDatabase({ url });
      try {
        await db.query(
          `insert into scout.quarantine (transaction_id, reason, detail, payload, quarantined_at)
           values (gen_random_uuid(), 'unknown_store', 'x', '{}', now() - interval '5 hours'),
                  (gen_random_uuid(), 'unknown_store', 'x', '{}', now() - interval '30 hours')`,
        );
      } finally {
        await db.close();
      }
    }
    const res = await request(server)
      .get('/api/scout/ingest/summary?hours=24')
      .set('authorization', USER);
    expect(res.status).toBe(200);
    const { byHour, ...summary } = res.body;
    expect(byHour).toHaveLength(24);
    expect(byHour.at(-1)).toMatchObject({ accepted: 40, quarantined: 3 });
    expect(Date.parse(byHour[0].hour)).toBe(Date.parse(summary.from));
    expect(new Date(byHour.at(-1).hour).getUTCMinutes()).toBe(0);
    expect(summary).toMatchObject({
      hours: 24,
      accepted: 40,
      quarantined: url ? 4 : 3,
      quarantineReasons: url
        ? [
            { reason: 'unknown_sku', count: 3 },
            { reason: 'unknown_store', count: 1 },
          ]
        : [{ reason: 'unknown_sku', count: 3 }],
    });
    expect(byHour.at(-6).quarantined).toBe(url ? 1 : 0);
    const zeros = byHour.filter(
      (h: { accepted: number; quarantined: number }) =>
        h.accepted === 0 && h.quarantined === 0,
    );
    expect(zeros.length).toBeGreaterThanOrEqual(22);
  });

  it.each([
    ['/pipeline/runs?limit=0', /limit/],
    ['/pipeline/runs?limit=501', /limit/],
    ['/pipeline/runs?limit=ten', /limit/],
    ['/pipeline/runs?status=done', /status/],
    ['/ingest/summary?hours=0', /hours/],
    ['/ingest/summary?hours=169', /hours/],
    ['/pipeline/runs/not-a-run-id', /runId/],
  ])('answers 400 for %s', async (path, message) => {
    const res = await request(server)
      .get(`/api/scout${path}`)
      .set('authorization', USER);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('InputError');
    expect(res.body.error.message).toMatch(message);
  });

  it('answers 404 for a run id that names no run', async () => {
    const res = await getRun(server, '20200101-000000-abcd');
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({
      name: 'NotFoundError',
      message: 'no pipeline run 20200101-000000-abcd',
    });
  });
});

// On PGlite in memory: each backend has a database of its own.
describe('the pipeline API', () => {
  const dbt = createFakeDbt();
  afterAll(() => dbt.cleanup());

  it('refuses to run without scout.pipeline.run (403)', async () => {
    const server = await startBackend({
      dbt: dbt.config,
      result: AuthorizeResult.DENY,
    });
    const res = await startRun(server);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe(
      'You may not run the lakehouse pipeline: it needs the scout.pipeline.run permission.',
    );
  }, 60_000);

  it('ends the run when the events service cannot announce it', async () => {
    const events = mockServices.events.mock({
      publish: jest.fn(async () => {
        throw new Error('event bus down');
      }),
    });
    const server = await startBackend({ dbt: dbt.config, events });
    const { run } = (await startRun(server)).body;
    expect(await followRun(server, run.runId)).toMatchObject({
      status: 'published',
      error: null,
    });
    expect(events.publish).toHaveBeenCalledTimes(1);
  }, 60_000);
});
