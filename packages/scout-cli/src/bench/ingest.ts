import { generateTransactions } from '@internal/backstage-plugin-scout-common';
import {
  BenchBackend,
  BenchDatabase,
  freshPostgresDatabase,
} from './backend.ts';
import { configuredSecret, signToken } from '../signToken.ts';
import { rawCopySeconds } from './rawCopy.ts';
import { percentile } from './stats.ts';

export type IngestBenchOptions = {
  db: BenchDatabase;
  count: number;
  batch: number;
  concurrency: number;
  singles: number;
  seed: number;
  port: number;
};

/** What GET /api/scout/stats answers. */
type Stats = {
  database: string;
  bronze: number;
  silver: number;
  quarantine: number;
  /** Bronze rows not promoted yet. */
  pending: number;
  /** p95 over silver of promoted_at - received_at; null while silver is empty. */
  silver_lag_p95_s: number | null;
};

// Bounds the wait for promotion to catch up after the HTTP phase.
const PROMOTION_TIMEOUT_MS = 300_000;

/**
 * Drives ingest-transaction over HTTP on a backend it starts: first batches
 * from `concurrency` parallel clients, then single-transaction requests one
 * after another; waits until promotion to silver has caught up; then COPYs
 * the same batches into a bare table on the same server as the yardstick
 * (./rawCopy.ts). Returns the figures for one JSON line.
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

    const stats = await waitForPromotion(
      backend.url,
      await backend.guestToken(),
      progress,
    );

    progress(
      `COPYing the ${options.count} batched transactions into a bare table`,
    );
    const rawSeconds = await rawCopySeconds({
      databaseUrl,
      transactions: all.slice(0, options.count),
      batch: options.batch,
      concurrency: options.concurrency,
    });
    const txPerS = options.count / seconds;
    const rawTxPerS = options.count / rawSeconds;
    batchLatencies.sort((a, b) => a - b);
    singleLatencies.sort((a, b) => a - b);
    return {
      bench: 'ingest',
      database: stats.database,
      transactions: options.count,
      batch_size: options.batch,
      concurrency: options.concurrency,
      tx_per_s: Math.round(txPerS),
      raw_copy_tx_per_s: Math.round(rawTxPerS),
      copy_ratio: +(txPerS / rawTxPerS).toFixed(2),
      batch_p50_ms: percentile(batchLatencies, 50),
      batch_p95_ms: percentile(batchLatencies, 95),
      single_requests: singles.length,
      single_p50_ms: percentile(singleLatencies, 50),
      single_p95_ms: percentile(singleLatencies, 95),
      silver_after: stats.silver,
      quarantine_after: stats.quarantine,
      silver_lag_p95_s:
        stats.silver_lag_p95_s === null
          ? null
          : +stats.silver_lag_p95_s.toFixed(2),
    };
  } finally {
    await backend.stop();
  }
}

/** Polls the stats until no bronze row waits for promotion; returns the last answer. */
async function waitForPromotion(
  baseUrl: string,
  token: string,
  progress: (msg: string) => void,
): Promise<Stats> {
  const started = Date.now();
  let nextNote = started;
  for (;;) {
    const res = await fetch(`${baseUrl}/api/scout/stats`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (!res.ok) throw new Error(`GET /api/scout/stats answered ${res.status}`);
    const stats = (await res.json()) as Stats;
    if (typeof stats.pending !== 'number') {
      throw new Error(
        'GET /api/scout/stats has no "pending" count; the backend predates promotion after ingest',
      );
    }
    if (stats.pending === 0) return stats;
    const waited = Date.now() - started;
    if (waited > PROMOTION_TIMEOUT_MS) {
      throw new Error(
        `promotion to silver did not catch up within ${
          PROMOTION_TIMEOUT_MS / 1000
        } s: ${stats.pending} bronze rows still pending`,
      );
    }
    if (Date.now() >= nextNote) {
      progress(
        `waiting for promotion to silver: ${
          stats.pending
        } pending (${Math.round(waited / 1000)} s)`,
      );
      nextNote += 5_000;
    }
    await new Promise(r => setTimeout(r, 250));
  }
}
