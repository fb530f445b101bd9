import type { BackendFeature } from '@backstage/backend-plugin-api';
import scoutPlugin from '@internal/backstage-plugin-scout-backend';
import { generateTransactions } from '@internal/backstage-plugin-scout-common';
import {
  openScoutDatabase,
  type ScoutDatabase,
} from '@internal/backstage-plugin-scout-node';
import {
  testDatabases,
  type TestDatabases,
} from '@internal/backstage-plugin-scout-node/testing';
import { insertTransactions } from '@internal/scout-edge-functions';
import { SignJWT } from 'jose';
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import request from 'supertest';

const INGEST = '/api/scout/functions/ingest-transaction';

/**
 * The real scout plugin (its edge functions, the FunctionHost that counts
 * every answer, the promoter, and the gold gauges read from the database at
 * each scrape of /api/scout/metrics) on a fresh PostgreSQL database: faults
 * are installed in that database, where PGlite, in memory inside the
 * plugin, offers the test no handle. `postgres` is undefined when
 * testDatabases() skips the server (outside CI, without
 * SCOUT_TEST_DATABASE_URL); in CI without it, start() fails.
 */
export function scoutBackend() {
  const [postgres]: Array<TestDatabases | undefined> = testDatabases().filter(
    d => d.kind === 'postgres',
  );
  const secret = randomBytes(24).toString('hex');
  let db: ScoutDatabase | undefined;
  let url: string | undefined;
  let seed = 1;
  let auth: string | undefined;
  const database = () => {
    if (!db) throw new Error('scoutBackend: call start() first');
    return db;
  };

  /**
   * Installs a trigger of ours on bronze, by name; the returned function
   * drops it. Security definer: it runs as the test's owner role, not as
   * the function's service_role.
   */
  const onBronze = async (name: string, body: string) => {
    await database().query(`
      create or replace function scout.${name}() returns trigger
        language plpgsql security definer as $$ begin ${body} end $$;
      drop trigger if exists ${name} on scout.bronze_transactions;
      create trigger ${name} before insert on scout.bronze_transactions
        for each row execute function scout.${name}();`);
    return async () => {
      await database().query(
        `drop trigger if exists ${name} on scout.bronze_transactions`,
      );
    };
  };

  return {
    postgres,
    /** A fresh database; the plugin migrates it when the backend starts. */
    async start(): Promise<{
      features: BackendFeature[];
      config: Record<string, unknown>;
    }> {
      url = await postgres!.createUrl();
      db = await openScoutDatabase({ url: url! });
      return {
        features: [scoutPlugin],
        config: {
          scout: {
            database: { url },
            // The reference dimensions (stores, products), no transactions.
            demo: { enabled: true, transactions: 0 },
            pipeline: { enabled: false },
            functions: { jwtSecret: secret },
          },
        },
      };
    },

    /**
     * POSTs `count` new transactions to ingest-transaction as a device
     * would (a service_role JWT signed with the functions' secret); the
     * status it answered.
     */
    async ingest(server: Server, count = 5): Promise<number> {
      auth ??= `Bearer ${await new SignJWT({ role: 'service_role' })
        .setProtectedHeader({ alg: 'HS256' })
        .setAudience('scout')
        .setExpirationTime('30m')
        .sign(new TextEncoder().encode(secret))}`;
      const transactions = [
        ...generateTransactions({ count, seed: seed++, days: 1 }),
      ];
      const res = await request(server)
        .post(INGEST)
        .set('authorization', auth)
        .set('content-type', 'application/json')
        .send({ transactions });
      return res.status;
    },

    /**
     * The fault: bronze refuses every write, as a full disk would
     * (PostgreSQL's own error), so the function answers every request with
     * a 500 and counts each: a total outage. The returned function heals it.
     */
    async breakBronze() {
      return onBronze(
        'slo_test_bronze_down',
        `raise exception 'could not extend file: No space left on device';`,
      );
    },

    /**
     * Time travel, the one thing a test cannot wait for: rows written while
     * this holds are dated `seconds` before now (received_at, the server's
     * clock that gold's freshness reads), as if they had arrived then.
     */
    receivedAgo: (seconds: number) =>
      onBronze(
        'slo_test_received_ago',
        `new.received_at := now() - make_interval(secs => ${Number(
          seconds,
        )}); return new;`,
      ),

    /**
     * `count` new transactions written to bronze through the functions'
     * write path, as another host of ingest-transaction would: the
     * promoter's poll picks them up. Not a request to this backend, so
     * ingest-transaction's request counters stay untouched.
     */
    async deliver(count = 5): Promise<void> {
      await insertTransactions(
        database(),
        [...generateTransactions({ count, seed: seed++, days: 1 })],
        { source: 'api', requestId: `slo-test-${seed}` },
      );
    },

    /** The newest row in silver (the Postgres gold's views read silver). */
    async silverNewest(): Promise<number | undefined> {
      const { rows } = await database().query<{ newest: Date | null }>(
        'select max(received_at) as newest from scout.silver_transactions',
      );
      return rows[0].newest ? rows[0].newest.getTime() / 1000 : undefined;
    },

    async stop() {
      await db?.close();
      await postgres?.cleanup();
    },
  };
}
