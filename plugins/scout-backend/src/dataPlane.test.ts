import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { generateTransactions } from '@internal/backstage-plugin-scout-common';
import { testDatabases } from '@internal/backstage-plugin-scout-node/testing';
import { SignJWT } from 'jose';
import request from 'supertest';
import { scoutPlugin } from './plugin';
import { waitForPromotion } from './__testUtils__/promotion';

const SECRET = 'data-plane-secret';
const END = new Date('2026-11-20T00:00:00Z');

describe.each(testDatabases())('the scout plugin on $kind', databases => {
  const auditor = mockServices.auditor.mock();
  const start = async (
    result: AuthorizeResult.ALLOW | AuthorizeResult.DENY,
  ) => {
    const url = await databases.createUrl();
    const { server } = await startTestBackend({
      features: [
        scoutPlugin,
        mockServices.permissions.factory({ result }),
        auditor.factory,
        mockServices.rootConfig.factory({
          data: {
            app: { baseUrl: 'http://localhost:3000' },
            scout: {
              database: url ? { url } : {},
              demo: { enabled: true, transactions: 0 },
              pipeline: { enabled: false },
              functions: { jwtSecret: SECRET },
            },
          },
        }),
      ],
    });
    return server;
  };
  const token = () =>
    new SignJWT({ role: 'service_role' })
      .setProtectedHeader({ alg: 'HS256' })
      .setAudience('scout')
      .setExpirationTime('10m')
      .sign(new TextEncoder().encode(SECRET));

  afterAll(() => databases.cleanup(), 60_000);

  it('ingests batches over HTTP, absorbs re-sends and counts every layer', async () => {
    const server = await start(AuthorizeResult.ALLOW);
    const auth = `Bearer ${await token()}`;
    const txs = [...generateTransactions({ count: 1500, seed: 3, end: END })];
    for (let i = 0; i < txs.length; i += 500) {
      const res = await request(server)
        .post('/api/scout/functions/ingest-transaction')
        .set('authorization', auth)
        .send({ transactions: txs.slice(i, i + 500) });
      expect(res.status).toBe(200);
      expect(res.body.accepted).toBe(500);
    }
    const again = await request(server)
      .post('/api/scout/functions/ingest-transaction')
      .set('authorization', auth)
      .send({ transactions: txs.slice(0, 200) });
    expect(again.body).toEqual({ accepted: 0, duplicates: 200 });

    expect(await waitForPromotion(server)).toEqual({
      database: databases.kind,
      bronze: 1500,
      silver: 1500,
      quarantine: 0,
      pending: 0,
      silver_lag_p95_s: expect.any(Number),
      read_as: {
        authenticated: ['silver', 'silver_lag_p95_s'],
        service_role: ['bronze', 'quarantine', 'pending'],
      },
    });

    const metrics = await request(server)
      .get('/api/scout/metrics')
      .set('authorization', mockCredentials.service.header());
    expect(metrics.text).toMatch(
      /scout_ingest_transactions_total\{outcome="accepted",reason=""\} 1500/,
    );
    expect(metrics.text).toMatch(
      /scout_function_requests_total\{function="ingest-transaction",status="200"\} 4/,
    );
    expect(metrics.text).toMatch(
      /scout_ingest_transactions_total\{outcome="promoted",reason=""\} 1500/,
    );
    expect(metrics.text).toMatch(/scout_promotion_lag_seconds_count 1500/);
  }, 120_000);

  it('refuses a re-used transaction_id with another sale (409) and writes nothing of the batch', async () => {
    const server = await start(AuthorizeResult.ALLOW);
    const auth = `Bearer ${await token()}`;
    const ingest = (body: unknown) =>
      request(server)
        .post('/api/scout/functions/ingest-transaction')
        .set('authorization', auth)
        .send(body as object);
    const [saleA, saleB, fresh] = [
      ...generateTransactions({ count: 3, seed: 9, end: END }),
    ];
    const id = '7d444840-9dc0-41cb-8c3b-6ad4f3d0a3a1';
    expect((await ingest({ ...saleA, transaction_id: id })).body).toEqual({
      accepted: 1,
      duplicates: 0,
    });
    // Another store, other items, another total: the same id is a conflict.
    expect(saleB.store_id).not.toBe(saleA.store_id);
    const conflict = await ingest({
      transactions: [fresh, { ...saleB, transaction_id: id.toUpperCase() }],
    });
    expect(conflict.status).toBe(409);
    expect(conflict.body.problems).toEqual([
      {
        index: 1,
        path: 'transaction_id',
        message: `transaction_id ${id} is already stored with a different payload`,
      },
    ]);
    // The same sale again, in another key order and offset, is a replay.
    const { transaction_id: _, ...rest } = saleA;
    const replay = await ingest({
      ...Object.fromEntries(Object.entries(rest).reverse()),
      transaction_id: id,
    });
    expect(replay.body).toEqual({ accepted: 0, duplicates: 1 });
    // The nil and max UUIDs are no ids at all.
    for (const nil of [
      '00000000-0000-0000-0000-000000000000',
      'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF',
    ]) {
      const res = await ingest({ ...saleA, transaction_id: nil });
      expect(res.status).toBe(400);
      expect(res.body.problems[0].path).toBe('transaction_id');
    }
    expect(await waitForPromotion(server)).toMatchObject({
      bronze: 1,
      silver: 1,
    });
    const metrics = await request(server)
      .get('/api/scout/metrics')
      .set('authorization', mockCredentials.service.header());
    expect(metrics.text).toMatch(
      /scout_ingest_transactions_total\{outcome="rejected",reason="id_conflict"\} 2/,
    );
  }, 120_000);

  it('lists migrations and applies them only with permission, audited', async () => {
    const allowed = await start(AuthorizeResult.ALLOW);
    const status = await request(allowed)
      .get('/api/scout/migrations')
      .set('authorization', mockCredentials.user.header());
    expect(status.body.migrations.length).toBeGreaterThan(0);
    expect(
      status.body.migrations.every(
        (m: { state: string }) => m.state === 'applied',
      ),
    ).toBe(true);
    const apply = await request(allowed)
      .post('/api/scout/migrations/apply')
      .set('authorization', mockCredentials.user.header());
    expect(apply.status).toBe(200);
    expect(apply.body.applied).toEqual([]);
    expect(auditor.createEvent).toHaveBeenCalledWith(
      expect.objectContaining({ eventId: 'scout-migrations-apply' }),
    );

    const denied = await start(AuthorizeResult.DENY);
    const refused = await request(denied)
      .post('/api/scout/migrations/apply')
      .set('authorization', mockCredentials.user.header());
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe(
      'You may not apply scout migrations: it needs the scout.migrations.apply permission.',
    );
  }, 120_000);

  it('stores, re-stores and backfills document embeddings', async () => {
    const server = await start(AuthorizeResult.ALLOW);
    const auth = `Bearer ${await token()}`;
    const doc = {
      document_id: 'playbook-utang',
      title: 'Utang playbook',
      content:
        'Sari-sari stores extend utang (store credit) to regulars.\n\n'.repeat(
          60,
        ),
    };
    const first = await request(server)
      .post('/api/scout/functions/ingest-doc')
      .set('authorization', auth)
      .send(doc);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      document_id: 'playbook-utang',
      chunks: expect.any(Number),
      embedding_model: 'lexical-hash-256',
    });
    expect(first.body.chunks).toBeGreaterThan(1);

    const shorter = await request(server)
      .post('/api/scout/functions/ingest-doc')
      .set('authorization', auth)
      .send({ ...doc, content: 'Utang is store credit.' });
    expect(shorter.body.chunks).toBe(1);

    const backfill = await request(server)
      .post('/api/scout/functions/embed-batch')
      .set('authorization', auth)
      .send({});
    expect(backfill.status).toBe(200);
    expect(backfill.body).toEqual({
      embedded: 0,
      remaining: 0,
      embedding_model: 'lexical-hash-256',
    });
  }, 120_000);

  it('asks for credentials on its user routes', async () => {
    const server = await start(AuthorizeResult.ALLOW);
    const res = await request(server)
      .get('/api/scout/stats')
      .set('authorization', mockCredentials.none.header());
    expect(res.status).toBe(401);
  }, 120_000);
});
