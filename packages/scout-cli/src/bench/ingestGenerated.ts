import { generateTransactions } from '@internal/backstage-plugin-scout-common';
import { configuredSecret, signToken } from '../signToken.ts';

const BATCH = 5000;
const CONCURRENCY = 4;

/**
 * Sends `transactions` generated ones (with `seed`) to ingest-transaction in
 * batches of 5,000, 4 in flight, generating each batch as it goes; returns
 * the seconds taken.
 */
export async function ingestGenerated(
  baseUrl: string,
  options: { transactions: number; seed: number },
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
