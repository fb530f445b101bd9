import { generateTransactions } from '@internal/backstage-plugin-scout-common';
import {
  createTrinoSandbox,
  DuckdbTarget,
  LakehouseEngine,
  lakehouseSettings,
  openScoutDatabase,
  runPipeline,
} from '@internal/backstage-plugin-scout-node';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BenchBackend, freshPostgresDatabase, repoRoot } from './backend.ts';
import { configuredSecret, signToken } from '../signToken.ts';

export type PipelineBenchOptions = {
  engine: LakehouseEngine;
  transactions: number;
  seed: number;
  port: number;
};

const BATCH = 5000;
const CONCURRENCY = 4;
const round = (seconds: number) => +seconds.toFixed(1);

/**
 * One pipeline measurement: N transactions into a fresh PostgreSQL database
 * through ingest-transaction, then one pipeline run into an empty lakehouse
 * (a sandbox branch on Trino, or a new folder on DuckDB). Freshness is how
 * long after its ingest a transaction could be read in gold: the oldest one
 * (ingest time + pipeline) and the newest (pipeline only).
 */
export async function benchPipeline(
  options: PipelineBenchOptions,
  progress: (msg: string) => void,
) {
  const url = freshPostgresDatabase('scout_bench_pipeline');
  progress('starting a backend on PostgreSQL');
  const backend = await BenchBackend.start({
    db: 'postgres',
    databaseUrl: url,
    port: options.port,
  });
  let ingestSeconds: number;
  try {
    ingestSeconds = await ingest(backend.url, options, progress);
  } finally {
    backend.stop();
  }
  const ingestEnded = Date.now();

  const settings = lakehouseSettings();
  const sandbox =
    options.engine === 'trino'
      ? await createTrinoSandbox({
          settings,
          databaseName: new URL(url).pathname.slice(1),
        })
      : undefined;
  const dir = mkdtempSync(join(tmpdir(), 'scout-bench-lakehouse-'));
  const db = await openScoutDatabase({ url });
  try {
    progress(`running the pipeline on ${options.engine}`);
    const { run, timings } = await runPipeline({
      db,
      target: sandbox ? sandbox.target() : new DuckdbTarget(db, dir),
      trigger: 'bench',
      repoRoot,
      log: line => {
        if (!line.startsWith('dbt | ')) progress(line);
      },
    });
    if (run.status !== 'published') {
      throw new Error(`the pipeline run failed: ${run.error}`);
    }
    const published = Date.parse(run.finishedAt!);
    return {
      bench: 'pipeline',
      engine: options.engine,
      transactions: options.transactions,
      ingest_s: round(ingestSeconds),
      bronze_load_s: round(timings.bronzeLoad),
      dbt_s: Object.fromEntries(
        Object.entries(timings.dbt).map(([layer, s]) => [layer, round(s)]),
      ),
      dbt_total_s: round(timings.dbtTotal),
      publish_s: round(timings.publish),
      freshness_oldest_s: round(run.freshnessSeconds ?? 0),
      freshness_newest_s: round((published - ingestEnded) / 1000),
      freshness_target_s: 300,
      tests_passed: run.testsPassed,
      rows: run.rows,
    };
  } finally {
    await db.close();
    await sandbox?.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Sends the transactions in batches, generated as they go; returns seconds. */
async function ingest(
  baseUrl: string,
  options: PipelineBenchOptions,
  progress: (msg: string) => void,
) {
  const token = await signToken({
    role: 'service_role',
    secret: configuredSecret(),
    ttlSeconds: 7200,
  });
  const source = generateTransactions({
    count: options.transactions,
    seed: options.seed,
  })[Symbol.iterator]();
  const nextBody = () => {
    const batch = [];
    for (let r = source.next(); !r.done; r = source.next()) {
      batch.push(r.value);
      if (batch.length === BATCH) break;
    }
    return batch.length ? JSON.stringify({ transactions: batch }) : undefined;
  };
  progress(`ingesting ${options.transactions} transactions`);
  const started = performance.now();
  let sent = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let body = nextBody(); body; body = nextBody()) {
        const res = await fetch(
          `${baseUrl}/api/scout/functions/ingest-transaction`,
          {
            method: 'POST',
            headers: {
              authorization: `Bearer ${token}`,
              'content-type': 'application/json',
            },
            body,
          },
        );
        if (res.status !== 200) {
          throw new Error(
            `ingest answered ${res.status}: ${(await res.text()).slice(
              0,
              500,
            )}`,
          );
        }
        await res.arrayBuffer();
        sent += BATCH;
        if (sent % 100_000 === 0) progress(`  ${sent} sent`);
      }
    }),
  );
  return (performance.now() - started) / 1000;
}
