import {
  createTrinoSandbox,
  DuckdbTarget,
  developmentDbt,
  LakehouseEngine,
  openScoutDatabase,
  runPipeline,
  TrinoSandbox,
} from '@internal/backstage-plugin-scout-node';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BenchBackend,
  freshPostgresDatabase,
  guestToken,
  repoRoot,
} from './backend.ts';
import { type Cleanup, onCleanup } from '../processes.ts';
import { ingestGenerated } from './ingestGenerated.ts';
import { localStackSettings } from '../stack/settings.ts';
import { percentile } from './stats.ts';

export type LakehouseBenchOptions = {
  engine: LakehouseEngine;
  /** Transactions ingested before the pipeline builds gold. */
  transactions: number;
  /** Timed requests per route, after three warm-up requests. */
  requests: number;
  seed: number;
  port: number;
  /** A running backend to measure instead of starting one (its gold must be populated). */
  url?: string;
};

const TABLE = 'gold_daily_store_sales';
const WARMUP = 3;

/**
 * Latency of the lakehouse browser's API, per route: the metadata routes
 * and a 100-row preview of a gold table. Without `url` it builds its own
 * lakehouse first: N transactions through ingest-transaction into a fresh
 * PostgreSQL database, one pipeline run (into a sandbox branch on Trino, or
 * a new folder on DuckDB), and a backend whose lakehouse plugin serves it.
 */
export async function benchLakehouse(
  options: LakehouseBenchOptions,
  progress: (msg: string) => void,
) {
  if (options.url) {
    return measure(
      options.url,
      await guestToken(options.url),
      options,
      progress,
    );
  }
  const url = freshPostgresDatabase('scout_bench_lakehouse');
  const { stack } = await localStackSettings();
  let sandbox: TrinoSandbox | undefined;
  let disposal: Cleanup | undefined;
  const dir = mkdtempSync(join(tmpdir(), 'scout-bench-lakehouse-'));
  let backend: BenchBackend | undefined;
  try {
    if (options.engine === 'trino') {
      const created = await createTrinoSandbox({
        stack,
        databaseName: new URL(url).pathname.slice(1),
      });
      sandbox = created;
      // Disposed however the command ends: it holds catalogs and a branch.
      disposal = onCleanup('the Trino sandbox', () => created.dispose());
    }
    // BenchBackend's own config leaves `lakehouse` alone; Backstage reads
    // APP_CONFIG_* variables as config, and the backend inherits them.
    const config: Record<string, string> = sandbox
      ? {
          APP_CONFIG_lakehouse_engine: 'trino',
          APP_CONFIG_lakehouse_trino_catalog: sandbox.mainCatalog,
          APP_CONFIG_lakehouse_nessie_defaultRef: sandbox.main,
        }
      : {
          APP_CONFIG_lakehouse_engine: 'duckdb',
          APP_CONFIG_lakehouse_duckdb_dir: dir,
        };
    Object.assign(process.env, config);
    progress(`starting a backend with the ${options.engine} lakehouse`);
    try {
      backend = await BenchBackend.start({
        db: 'postgres',
        databaseUrl: url,
        port: options.port,
      });
    } finally {
      for (const key of Object.keys(config)) delete process.env[key];
    }

    await ingestGenerated(backend.url, options, progress);
    const db = await openScoutDatabase({ url });
    try {
      progress(`running the pipeline on ${options.engine}`);
      const { run } = await runPipeline({
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
    } finally {
      await db.close();
    }
    return {
      ...(await measure(
        backend.url,
        await backend.guestToken(),
        options,
        progress,
      )),
      transactions: options.transactions,
    };
  } finally {
    await backend?.stop();
    await disposal?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Times each route; returns the JSON line's fields. */
async function measure(
  baseUrl: string,
  token: string,
  options: LakehouseBenchOptions,
  progress: (msg: string) => void,
) {
  const api = `${baseUrl}/api/lakehouse`;
  const get = async (path: string) => {
    const started = performance.now();
    const res = await fetch(`${api}${path}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const text = await res.text();
    if (res.status !== 200) {
      throw new Error(
        `GET ${path} answered ${res.status}: ${text.slice(0, 500)}`,
      );
    }
    return { ms: performance.now() - started, body: JSON.parse(text) };
  };
  const [catalog] = (await get('/catalogs')).body.items;
  const c = `/catalogs/${catalog.name}`;
  const t = `${c}/namespaces/gold/tables/${TABLE}`;
  const routes: [string, (i: number) => string][] = [
    ['/catalogs', () => '/catalogs'],
    ['/catalogs/{catalog}/namespaces', () => `${c}/namespaces`],
    [
      '/catalogs/{catalog}/namespaces/{namespace}/tables',
      () => `${c}/namespaces/gold/tables`,
    ],
    ['/catalogs/{catalog}/namespaces/{namespace}/tables/{table}', () => t],
    [
      '/catalogs/{catalog}/namespaces/{namespace}/tables/{table}/snapshots',
      () => `${t}/snapshots`,
    ],
    [
      '/catalogs/{catalog}/namespaces/{namespace}/tables/{table}/partitions',
      () => `${t}/partitions`,
    ],
    [
      '/catalogs/{catalog}/namespaces/{namespace}/tables/{table}/commits',
      () => `${t}/commits`,
    ],
    ['/catalogs/{catalog}/refs', () => `${c}/refs`],
    // Paging through gold, 100 rows a page.
    [
      '/catalogs/{catalog}/namespaces/{namespace}/tables/{table}/preview',
      i => `${t}/preview?limit=100&offset=${(i % 10) * 100}`,
    ],
  ];
  const results: Record<
    string,
    { p50_ms: number | null; p95_ms: number | null; first_ms: number }
  > = {};
  for (const [route, path] of routes) {
    progress(`timing ${route}`);
    const first = await get(path(0));
    for (let i = 1; i < WARMUP; i++) await get(path(i));
    const times: number[] = [];
    for (let i = 0; i < options.requests; i++)
      times.push((await get(path(i))).ms);
    times.sort((a, b) => a - b);
    results[route] = {
      p50_ms: percentile(times, 50),
      p95_ms: percentile(times, 95),
      first_ms: +first.ms.toFixed(1),
    };
  }
  const metadata = Object.entries(results).filter(
    ([r]) => !r.includes('preview'),
  );
  const preview = Object.entries(results).find(([r]) =>
    r.includes('preview'),
  )![1];
  return {
    bench: 'lakehouse',
    engine: catalog.engine as string,
    catalog: catalog.name as string,
    table: `gold.${TABLE}`,
    preview_rows: 100,
    requests_per_route: options.requests,
    routes: results,
    metadata_p95_max_ms: Math.max(
      ...metadata.map(([, r]) => r.p95_ms ?? Infinity),
    ),
    metadata_target_p95_ms: 300,
    preview_p95_ms: preview.p95_ms,
    preview_target_p95_ms: 1000,
  };
}
