import { generateTransactions } from '@internal/backstage-plugin-scout-common';
import {
  BenchBackend,
  BenchDatabase,
  freshPostgresDatabase,
} from './backend.ts';
import { configuredSecret, signToken } from '../signToken.ts';

export type IngestBenchOptions = {
  db: BenchDatabase;
  count: number;
  batch: number;
  concurrency: number;
  singles: number;
  seed: number;
  port: number;
};

/** The p-th percentile in milliseconds (one decimal), or null with no samples. */
const percentile = (sorted: number[], p: number) =>
  sorted.length
    ? +sorted[
        Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))
      ].toFixed(1)
    : null;

/**
 * Drives ingest-transaction over HTTP on a backend it starts: first batches
 * from `concurrency` parallel clients, then single-transaction requests one
 * after another. Returns the figures for one JSON line.
 */
export async function benchIngest(
  options: IngestBenchOptions,
  progress: (msg: string) => void,
) {
  const databaseUrl =
    options.db === 'postgres'
      ? freshPostgresDatabase('scout_bench')
      : undefined;
  progress(`starting a backend on ${options.db}`);
  const backend = await BenchBackend.start({
    db: options.db,
    databaseUrl,
    port: options.port,
  });
  try {
    const token = await signToken({
      role: 'service_role',
      secret: configuredSecret(),
      ttlSeconds: 7200,
    });
    const endpoint = `${backend.url}/api/scout/functions/ingest-transaction`;
    const post = async (body: string) => {
      const started = performance.now();
      const res = await fetch(endpoint, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
        },
        body,
      });
      const text = await res.text();
      if (res.status !== 200)
        throw new Error(`ingest answered ${res.status}: ${text.slice(0, 500)}`);
      return performance.now() - started;
    };

    progress(`generating ${options.count + options.singles} transactions`);
    const all = [
      ...generateTransactions({
        count: options.count + options.singles,
        seed: options.seed,
      }),
    ];
    const bodies: string[] = [];
    for (let i = 0; i < options.count; i += options.batch) {
      bodies.push(
        JSON.stringify({ transactions: all.slice(i, i + options.batch) }),
      );
    }
    const singles = all.slice(options.count).map(t => JSON.stringify(t));

    progress(
      `sending ${bodies.length} batches of ${options.batch}, ${options.concurrency} at a time`,
    );
    const batchLatencies: number[] = [];
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: options.concurrency }, async () => {
        while (next < bodies.length)
          batchLatencies.push(await post(bodies[next++]));
      }),
    );
    const seconds = (performance.now() - started) / 1000;

    progress(`sending ${singles.length} single transactions`);
    const singleLatencies: number[] = [];
    for (const body of singles) singleLatencies.push(await post(body));

    const stats = await fetch(`${backend.url}/api/scout/stats`, {
      headers: { authorization: `Bearer ${await backend.guestToken()}` },
    }).then(r => r.json());
    batchLatencies.sort((a, b) => a - b);
    singleLatencies.sort((a, b) => a - b);
    return {
      bench: 'ingest',
      database: stats.database,
      transactions: options.count,
      batch_size: options.batch,
      concurrency: options.concurrency,
      tx_per_s: Math.round(options.count / seconds),
      batch_p50_ms: percentile(batchLatencies, 50),
      batch_p95_ms: percentile(batchLatencies, 95),
      single_requests: singles.length,
      single_p50_ms: percentile(singleLatencies, 50),
      single_p95_ms: percentile(singleLatencies, 95),
      silver_after: stats.silver,
      quarantine_after: stats.quarantine,
    };
  } finally {
    backend.stop();
  }
}
