import {
  generateTransactions,
  Transaction,
} from '@internal/backstage-plugin-scout-common';
import { inspect, promotionOpen, waitForPromotion } from './crashDatabase.ts';
import { configuredSecret, signToken } from '../signToken.ts';
import { BenchBackend } from './backend.ts';

export type CrashTestOptions = {
  /** A fresh, empty database: the counts afterwards must be exact. */
  databaseUrl: string;
  port: number;
  batchSize: number;
  /** Parallel senders, each with one batch in flight. */
  concurrency: number;
  /** How long traffic runs after the first acknowledgement before the kill. */
  trafficMs: number;
  /** A cap on the batches sent, however fast the backend is. */
  maxBatches: number;
  seed: number;
};

/** acknowledged: HTTP 200 read in full; lost: the connection died; refused: another status. */
type Outcome = 'acknowledged' | 'lost' | 'refused';
type Batch = { index: number; ids: string[]; body: string; outcome?: Outcome };
type IngestCounts = {
  accepted: number;
  duplicates: number;
  quarantined: number;
};
export type TableCounts = {
  bronze: number;
  silver: number;
  quarantined: number;
  /** Bronze rows not yet promoted to silver or quarantine. */
  pending: number;
  /** Transactions in silver or quarantine more than once, or in both. */
  promoted_twice: number;
  /** Silver or quarantine rows with no bronze row. */
  orphans: number;
};

export type CrashReport = {
  /** Whether a promotion round's transaction was open when the backend was killed. */
  killed_mid_promotion: boolean;
  batches_sent: number;
  acknowledged: number;
  unacknowledged: number;
  /** Unacknowledged batches answered with a status other than 200 before the kill. */
  refused: number;
  transactions_sent: number;
  after_crash: TableCounts & {
    /** Transactions the database should hold: acknowledged batches plus whole unacknowledged ones. */
    expected_bronze: number;
    /** Transactions of acknowledged batches that are not in bronze exactly once. */
    acknowledged_missing: number;
    unacknowledged_whole: number;
    unacknowledged_absent: number;
    /** Indexes of batches found neither whole nor absent. */
    half_written: number[];
  };
  /** retries: re-sends repeated because the backend did not answer 200 at first. */
  resent: { batches: number; absorbed: number; retries: number };
  final: TableCounts;
  restart_ms: number;
};

const sleep = (ms: number) =>
  new Promise<void>(resolve => setTimeout(resolve, ms));

/**
 * Streams batches into ingest-transaction on a backend it starts, kills that
 * backend hard mid-traffic while a promotion round is open, restarts it on
 * the same database and checks in PostgreSQL that nothing acknowledged was
 * lost, no batch was half written and no transaction was promoted twice.
 */
export class CrashTest {
  #backend?: BenchBackend;

  constructor(
    private readonly options: CrashTestOptions,
    private readonly progress: (message: string) => void,
  ) {}

  async run(): Promise<CrashReport> {
    const { databaseUrl, port } = this.options;
    const token = await serviceRoleToken();
    this.progress(`starting a backend on :${port}`);
    const first = await BenchBackend.start({
      db: 'postgres',
      databaseUrl,
      port,
    });
    this.#backend = first;
    const { batches, midPromotion } = await this.#sendUntilKilled(first, token);
    this.#backend = undefined;
    await waitUntilDown(first.url);

    this.progress('restarting the backend on the same database');
    const restartedAt = Date.now();
    const second = await BenchBackend.start({
      db: 'postgres',
      databaseUrl,
      port,
    });
    this.#backend = second;
    const restartMs = Date.now() - restartedAt;

    const afterCrash = await inspect(databaseUrl, batches);
    const unacknowledged = batches.filter(b => b.outcome !== 'acknowledged');
    this.progress(`re-sending ${unacknowledged.length} unacknowledged batches`);
    let absorbed = 0;
    let retries = 0;
    for (const batch of unacknowledged) {
      const { counts, attempts } = await resend(second.url, token, batch.body);
      retries += attempts - 1;
      if (counts && counts.accepted + counts.duplicates === batch.ids.length)
        absorbed++;
    }
    this.progress('waiting for promotion to catch up');
    await waitForPromotion(databaseUrl);
    const final = await inspect(databaseUrl, batches);

    return {
      killed_mid_promotion: midPromotion,
      batches_sent: batches.length,
      acknowledged: batches.length - unacknowledged.length,
      unacknowledged: unacknowledged.length,
      refused: unacknowledged.filter(b => b.outcome === 'refused').length,
      transactions_sent: new Set(batches.flatMap(b => b.ids)).size,
      after_crash: {
        ...afterCrash.counts,
        ...judge(batches, afterCrash.perBatch),
      },
      resent: { batches: unacknowledged.length, absorbed, retries },
      final: final.counts,
      restart_ms: restartMs,
    };
  }

  /** Stops the backend that is still running, if any; resolves once it is gone. */
  async stop() {
    const backend = this.#backend;
    this.#backend = undefined;
    await backend?.stop();
  }

  async #sendUntilKilled(
    backend: BenchBackend,
    token: string,
  ): Promise<{ batches: Batch[]; midPromotion: boolean }> {
    const { batchSize, concurrency, maxBatches, seed, trafficMs } =
      this.options;
    const source = generateTransactions({
      count: maxBatches * batchSize,
      seed,
    })[Symbol.iterator]();
    const batches: Batch[] = [];
    let killed = false;
    let midPromotion = false;
    let kill: Promise<void> | undefined;
    // The clock starts at the first acknowledgement, not at the first request;
    // once it has run out, the kill waits (briefly) for a promotion round.
    const startClock = () => {
      kill ??= sleep(trafficMs)
        .then(() => promotionOpen(this.options.databaseUrl, 10_000))
        .then(open => {
          midPromotion = open;
          killed = true;
          this.progress(
            `killing the backend (SIGKILL) after ${batches.length} batches${
              open ? ', mid-promotion' : ''
            }`,
          );
          return backend.kill();
        });
    };
    const sender = async () => {
      while (!killed) {
        const transactions = take(source, batchSize);
        if (transactions.length === 0) return;
        const batch: Batch = {
          index: batches.length,
          ids: transactions.map(t => t.transaction_id),
          body: JSON.stringify({ transactions }),
        };
        batches.push(batch);
        batch.outcome = (await post(backend.url, token, batch.body)).outcome;
        if (batch.outcome === 'acknowledged') startClock();
      }
    };
    this.progress(`sending batches of ${batchSize}, ${concurrency} at a time`);
    await Promise.all(Array.from({ length: concurrency }, sender));
    // Out of batches before the clock ran out (or nothing acknowledged): kill now.
    await (kill ?? backend.kill());
    return { batches, midPromotion };
  }
}

/** Classifies every batch by what the database holds of it. */
function judge(
  batches: Batch[],
  perBatch: Map<number, { whole: number; absent: number }>,
) {
  const result = {
    expected_bronze: 0,
    acknowledged_missing: 0,
    unacknowledged_whole: 0,
    unacknowledged_absent: 0,
    half_written: [] as number[],
  };
  for (const batch of batches) {
    const size = batch.ids.length;
    const found = perBatch.get(batch.index) ?? { whole: 0, absent: size };
    if (batch.outcome === 'acknowledged') {
      result.expected_bronze += size;
      result.acknowledged_missing += size - found.whole;
    } else if (found.whole === size) {
      result.expected_bronze += size;
      result.unacknowledged_whole++;
    } else if (found.absent === size) {
      result.unacknowledged_absent++;
    } else {
      result.half_written.push(batch.index);
    }
  }
  return result;
}

async function post(
  baseUrl: string,
  token: string,
  body: string,
): Promise<{ outcome: Outcome; counts?: IngestCounts }> {
  try {
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
      await res.body?.cancel();
      return { outcome: 'refused' };
    }
    return {
      outcome: 'acknowledged',
      counts: (await res.json()) as IngestCounts,
    };
  } catch {
    // The connection died before the whole answer arrived: not acknowledged.
    return { outcome: 'lost' };
  }
}

/**
 * Re-sends one batch until it is acknowledged, for up to a minute. Safe to
 * repeat because ingestion is idempotent; needed because the bench backend is
 * a dev server that restarts whenever a source file in the tree changes.
 */
async function resend(baseUrl: string, token: string, body: string) {
  const deadline = Date.now() + 60_000;
  for (let attempts = 1; ; attempts++) {
    const { counts } = await post(baseUrl, token, body);
    if (counts || Date.now() > deadline) return { counts, attempts };
    await sleep(1_000);
  }
}

/** The killed backend's port must be free before the restart binds it. */
async function waitUntilDown(baseUrl: string) {
  const answers = () =>
    fetch(`${baseUrl}/.backstage/health/v1/liveness`).then(
      () => true,
      () => false,
    );
  while (await answers()) await sleep(100);
}

function serviceRoleToken(): Promise<string> {
  // What `scout token` signs with, and what the backend falls back to.
  return signToken({ role: 'service_role', secret: configuredSecret() });
}

function take(source: Iterator<Transaction>, n: number): Transaction[] {
  const out: Transaction[] = [];
  while (out.length < n) {
    const next = source.next();
    if (next.done) break;
    out.push(next.value);
  }
  return out;
}
