import { generateTransactions } from '@internal/backstage-plugin-scout-common';
import { ingestTransactions } from '@internal/backstage-plugin-scout-node/testing';
import { configuredSecret, signToken } from '../signToken.ts';

/**
 * Sends `transactions` generated ones (with `seed`) to a bench backend's
 * ingest-transaction in batches of 5,000, 4 in flight, generating each
 * batch as it goes; returns the seconds taken.
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
  progress(`ingesting ${options.transactions} transactions`);
  return ingestTransactions(
    baseUrl,
    generateTransactions({ count: options.transactions, seed: options.seed }),
    {
      token,
      batchSize: 5000,
      concurrency: 4,
      onBatch: sent => {
        if (sent % 100_000 === 0) progress(`  ${sent} sent`);
      },
    },
  );
}
