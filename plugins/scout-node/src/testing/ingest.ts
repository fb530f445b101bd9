import type { Transaction } from '@internal/backstage-plugin-scout-common';
import { createHmac } from 'node:crypto';

/**
 * An HS256 `service_role` token for the scout edge functions, signed with
 * `secret`, valid for `ttlSeconds` (default 10 minutes).
 */
export function serviceRoleToken(
  secret: string,
  options: { audience?: string; ttlSeconds?: number } = {},
): string {
  const part = (value: object) =>
    Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const body = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({
    role: 'service_role',
    aud: options.audience ?? 'scout',
    iat: now,
    exp: now + (options.ttlSeconds ?? 600),
  })}`;
  const signature = createHmac('sha256', secret)
    .update(body)
    .digest('base64url');
  return `${body}.${signature}`;
}

/**
 * Sends transactions through a running backend's ingest-transaction
 * function (`baseUrl` is the backend's root), `batchSize` per request and
 * `concurrency` requests in flight. Batches are drawn from `transactions`
 * as they go, so a generator never sits in memory whole. Throws on the
 * first answer that is not 200; resolves to the seconds it took.
 */
export async function ingestTransactions(
  baseUrl: string,
  transactions: Iterable<Transaction>,
  options: {
    token: string;
    batchSize?: number;
    concurrency?: number;
    /** Called after each accepted batch with the running total. */
    onBatch?: (sent: number) => void;
  },
): Promise<number> {
  const { token, batchSize = 1000, concurrency = 1, onBatch } = options;
  const source = transactions[Symbol.iterator]();
  const nextBatch = () => {
    const batch: Transaction[] = [];
    for (let r = source.next(); !r.done; r = source.next()) {
      batch.push(r.value);
      if (batch.length === batchSize) break;
    }
    return batch;
  };
  const url = `${baseUrl.replace(
    /\/+$/,
    '',
  )}/api/scout/functions/ingest-transaction`;
  const started = performance.now();
  let sent = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let batch = nextBatch(); batch.length; batch = nextBatch()) {
        const res = await fetch(url, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': 'application/json',
          },
          body: JSON.stringify({ transactions: batch }),
        });
        if (res.status !== 200) {
          throw new Error(
            `ingest-transaction answered ${res.status}: ${(
              await res.text()
            ).slice(0, 500)}`,
          );
        }
        await res.arrayBuffer();
        sent += batch.length;
        onBatch?.(sent);
      }
    }),
  );
  return (performance.now() - started) / 1000;
}
