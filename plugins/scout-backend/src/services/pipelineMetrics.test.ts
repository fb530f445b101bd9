import { mockServices } from '@backstage/backend-test-utils';
import { generateTransactions } from '@internal/backstage-plugin-scout-common';
import {
  promoteBronze,
  type ScoutDatabase,
} from '@internal/backstage-plugin-scout-node';
import { testDatabases } from '@internal/backstage-plugin-scout-node/testing';
import { insertTransactions } from '@internal/scout-edge-functions';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFakeDbt } from '../__testUtils__/fakeDbt';
import { seedDemoData } from './demoData';
import { GoldFreshness } from './goldFreshness';
import { LakehousePipeline } from './LakehousePipeline';
import { PipelineMetrics } from './pipelineMetrics';
import { SourceFreshness } from './sourceFreshness';

// The SLO metrics against a real database: gold's newest row per engine,
// the last published run, and runs counted as the pipeline ends them.

const T1 = Date.parse('2026-11-20T01:00:00Z') / 1000;
const T2 = Date.parse('2026-11-20T02:00:00Z') / 1000;
let seed = 1;

/** Ingests and promotes `count` transactions received at `at` (Unix seconds). */
async function ingest(db: ScoutDatabase, at: number, count = 5) {
  const txs = [...generateTransactions({ count, seed: seed++ })];
  await insertTransactions(db, txs, { source: 'test', requestId: `r${seed}` });
  await db.query(
    `update scout.bronze_transactions set received_at = to_timestamp($1)
     where transaction_id = any($2::uuid[])`,
    [at, txs.map(t => t.transaction_id)],
  );
  await promoteBronze(db);
}

/**
 * A published run of `engine` that loaded every silver row there is. (Not
 * up to the snapshot's xmin, as the pipeline does: other tests' open
 * transactions on the same server can hold that below these rows.)
 */
async function publishedRun(db: ScoutDatabase, id: string, engine: string) {
  await db.query(
    `insert into scout.pipeline_runs
       (run_id, engine, trigger, status, finished_at, from_xid, to_xid)
     values ($1, $2, 'test', 'published', to_timestamp($3), 0,
       (select coalesce(max(source_xid), 0) + 1
        from scout.silver_transactions))`,
    [id, engine, T2 + 60],
  );
}

async function samples(metrics: PipelineMetrics) {
  const found: Record<string, number> = {};
  for (const metric of await metrics.registry.getMetricsAsJSON()) {
    for (const { labels, value } of metric.values) {
      const label = Object.entries(labels)
        .map(([k, v]) => `${k}=${v}`)
        .join(',');
      found[label ? `${metric.name}{${label}}` : metric.name] = value;
    }
  }
  return found;
}

const POSTGRES =
  'scout_gold_newest_row_timestamp_seconds{layer=gold,engine=postgres}';
const ICEBERG =
  'scout_gold_newest_row_timestamp_seconds{layer=gold,engine=iceberg}';
const LAST_SUCCESS =
  'scout_pipeline_last_success_timestamp_seconds{engine=duckdb}';

describe.each(testDatabases())('the pipeline metrics on $kind', databases => {
  // A fresh migrated database per test: slow on a busy machine.
  jest.setTimeout(120_000);
  afterAll(() => databases.cleanup(), 60_000);
  let db: ScoutDatabase;
  beforeEach(async () => {
    db = await databases.createMigrated();
    await seedDemoData(db, 0, mockServices.logger.mock());
  }, 120_000);

  const metricsOf = (maxAgeMs = 0, logger = mockServices.logger.mock()) =>
    new PipelineMetrics({
      freshness: new GoldFreshness({ db, engine: 'duckdb', maxAgeMs }),
      // A project without bronze entries: sourceFreshness.test.ts has them.
      sources: new SourceFreshness({
        db,
        engine: 'duckdb',
        projectDir: mkdtempSync(join(tmpdir(), 'scout-no-entries-')),
        logger,
      }),
      logger,
    });

  it("has no gold sample until gold holds a row, then follows silver for Postgres gold and the engine's last published run for the lakehouse", async () => {
    const metrics = metricsOf();
    expect(await samples(metrics)).toEqual({
      'scout_pipeline_runs_total{outcome=published}': 0,
      'scout_pipeline_runs_total{outcome=failed}': 0,
    });
    await ingest(db, T1);
    expect(await samples(metrics)).toMatchObject({ [POSTGRES]: T1 });
    expect(await samples(metrics)).not.toHaveProperty(ICEBERG);

    await publishedRun(db, 'r1', 'duckdb');
    await ingest(db, T2);
    // Another engine's run says nothing about this one's lakehouse.
    await publishedRun(db, 'r2', 'trino');
    const after = await samples(metrics);
    expect(after).toMatchObject({
      [POSTGRES]: T2,
      [ICEBERG]: T1,
      [LAST_SUCCESS]: T2 + 60,
    });

    await publishedRun(db, 'r3', 'duckdb');
    expect(await samples(metrics)).toMatchObject({ [ICEBERG]: T2 });
  });

  it('reuses an answer briefly, reads afresh once a run ended, and drops the gold samples while the database fails', async () => {
    const logger = mockServices.logger.mock();
    const metrics = metricsOf(60_000, logger);
    await ingest(db, T1);
    expect(await samples(metrics)).toMatchObject({ [POSTGRES]: T1 });
    await ingest(db, T2);
    expect(await samples(metrics)).toMatchObject({ [POSTGRES]: T1 });
    metrics.runEnded('failed');
    expect(await samples(metrics)).toMatchObject({
      [POSTGRES]: T2,
      'scout_pipeline_runs_total{outcome=failed}': 1,
    });
    // A real failure of the read: the table it needs is gone.
    await db.query('alter table scout.pipeline_runs rename to runs_away');
    metrics.runEnded('failed');
    expect(await samples(metrics)).not.toHaveProperty(POSTGRES);
    expect(await samples(metrics)).not.toHaveProperty(POSTGRES);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    await db.query('alter table scout.runs_away rename to pipeline_runs');
    metrics.runEnded('failed');
    expect(await samples(metrics)).toHaveProperty(POSTGRES);
    expect(logger.info).toHaveBeenCalledWith('gold freshness readable again');
  });

  it('counts the runs the pipeline ends, by outcome', async () => {
    const dbt = createFakeDbt();
    const metrics = metricsOf();
    const pipeline = new LakehousePipeline({
      db,
      stack: {
        engine: 'duckdb',
        dir: mkdtempSync(join(tmpdir(), 'scout-metrics-lakehouse-')),
      },
      dbt: dbt.config,
      logger: mockServices.logger.mock(),
      events: mockServices.events.mock(),
      onEnd: outcome => metrics.runEnded(outcome),
    });
    try {
      await ingest(db, T1);
      expect(await pipeline.runToEnd('test')).toMatchObject({
        status: 'published',
      });
      dbt.fail(true);
      expect(await pipeline.runToEnd('test')).toMatchObject({
        status: 'failed',
      });
      const [published] = await pipeline.runs(1, 'published');
      expect(await samples(metrics)).toEqual({
        'scout_pipeline_runs_total{outcome=published}': 1,
        'scout_pipeline_runs_total{outcome=failed}': 1,
        [POSTGRES]: T1,
        [ICEBERG]: T1,
        [LAST_SUCCESS]: Date.parse(published.finishedAt!) / 1000,
      });
    } finally {
      dbt.cleanup();
    }
  });
});
