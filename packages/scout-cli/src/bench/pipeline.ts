import {
  createTrinoSandbox,
  DuckdbTarget,
  developmentDbt,
  LakehouseEngine,
  openScoutDatabase,
  runPipeline,
} from '@internal/backstage-plugin-scout-node';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onCleanup } from '../processes.ts';
import { BenchBackend, freshPostgresDatabase, repoRoot } from './backend.ts';
import { ingestGenerated } from './ingestGenerated.ts';
import { localStackSettings } from '../stack/settings.ts';

export type PipelineBenchOptions = {
  engine: LakehouseEngine;
  transactions: number;
  seed: number;
  port: number;
};

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
    ingestSeconds = await ingestGenerated(backend.url, options, progress);
  } finally {
    await backend.stop();
  }
  const ingestEnded = Date.now();

  const sandbox =
    options.engine === 'trino'
      ? await createTrinoSandbox({
          stack: (await localStackSettings()).stack,
          databaseName: new URL(url).pathname.slice(1),
        })
      : undefined;
  // Disposed however the command ends: it holds catalogs and a branch.
  const disposal =
    sandbox && onCleanup('the Trino sandbox', () => sandbox.dispose());
  const dir = mkdtempSync(join(tmpdir(), 'scout-bench-lakehouse-'));
  const db = await openScoutDatabase({ url });
  try {
    progress(`running the pipeline on ${options.engine}`);
    const { run, timings } = await runPipeline({
      db,
      target: sandbox ? sandbox.target() : new DuckdbTarget(db, dir),
      trigger: 'bench',
      repoRoot,
      dbt: developmentDbt(repoRoot),
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
    await disposal?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
