import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createIngestTransaction } from './index';
import {
  AUDIENCE,
  FakeSql,
  SECRET,
  token,
  transaction,
} from '../_test/fixtures';

const NOW = new Date('2026-11-20T12:00:00Z');

function setup(maxBodyBytes = 1_000_000) {
  const sql = new FakeSql(['ST-NCR-00001']);
  const handler = createIngestTransaction({
    sql,
    jwt: { audience: AUDIENCE, secret: SECRET },
    allowedOrigins: ['http://localhost:3000'],
    maxBodyBytes,
    now: () => NOW,
  });
  const post = async (body: unknown, headers: Record<string, string> = {}) =>
    handler(
      new Request('http://localhost/ingest-transaction', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    );
  return { sql, handler, post };
}

const serviceRole = async () => ({
  authorization: `Bearer ${await token({ role: 'service_role' })}`,
});

describe('ingest-transaction', () => {
  it('accepts one transaction and absorbs it when sent again', async () => {
    const { post, sql } = setup();
    const tx = transaction();
    const first = await post(tx, await serviceRole());
    assert.equal(first.status, 200);
    assert.deepEqual(await first.json(), { accepted: 1, duplicates: 0 });
    const again = await post(tx, await serviceRole());
    assert.deepEqual(await again.json(), { accepted: 0, duplicates: 1 });
    assert.equal(sql.bronze.size, 1);
  });

  it('absorbs a replay that differs only in form, not in the sale', async () => {
    const { post } = setup();
    const tx = transaction();
    await post(tx, await serviceRole());
    const sameSale = {
      total: 43.0,
      items: [
        { unit_price: 15.5, quantity: 2, sku: 'SKU-1' },
        { sku: 'SKU-2', quantity: 1, unit_price: 12.0 },
      ],
      payment_method: 'gcash',
      occurred_at: '2026-11-20T00:15:00Z', // 08:15 in Manila
      device_id: 'DV-ST-NCR-00001-POS',
      store_id: 'ST-NCR-00001',
      currency: 'PHP',
      transaction_id: tx.transaction_id.toUpperCase(),
    };
    const res = await post(sameSale, await serviceRole());
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { accepted: 0, duplicates: 1 });
  });

  it('refuses a re-used id with another sale (409), writing nothing of the batch', async () => {
    const { post, sql } = setup();
    const id = '11111111-2222-4333-8444-555555555555';
    await post(transaction({ transaction_id: id }), await serviceRole());
    const other = transaction({
      transaction_id: id,
      payment_method: 'cash',
    });
    const fresh = transaction();
    const res = await post(
      { transactions: [fresh, other] },
      await serviceRole(),
    );
    assert.equal(res.status, 409);
    const body = await res.json();
    assert.deepEqual(
      body.problems.map((p: { index: number; path: string }) => [
        p.index,
        p.path,
      ]),
      [[1, 'transaction_id']],
    );
    assert.match(body.problems[0].message, new RegExp(id));
    assert.equal(sql.bronze.size, 1);
    assert.ok(!sql.bronze.has(fresh.transaction_id));
  });

  it('stores the request id it answers with, never an unsafe header', async () => {
    const { post, sql } = setup();
    const res = await post(transaction(), {
      ...(await serviceRole()),
      'x-request-id': `x'; drop table scout.bronze_transactions; --`,
    });
    assert.equal(res.status, 200);
    const id = res.headers.get('x-request-id');
    assert.match(id ?? '', /^[0-9a-f-]{36}$/);
    assert.equal(sql.requestId, id);
  });

  it('accepts a batch, counting the duplicates in it', async () => {
    const { post } = setup();
    const seen = transaction();
    await post(seen, await serviceRole());
    const res = await post(
      { transactions: [seen, transaction(), transaction()] },
      await serviceRole(),
    );
    assert.deepEqual(await res.json(), { accepted: 2, duplicates: 1 });
  });

  it('rejects a whole batch with every problem listed, writing nothing', async () => {
    const { post, sql } = setup();
    const res = await post(
      {
        transactions: [
          transaction(),
          transaction({ total: 1 }),
          transaction({ store_id: 'ST-XX-99999', payment_method: 'barter' }),
        ],
      },
      await serviceRole(),
    );
    assert.equal(res.status, 400);
    const body = await res.json();
    const where = body.problems.map(
      (p: { index: number; path: string }) => `${p.index}:${p.path}`,
    );
    assert.ok(where.includes('1:total'), where.join(' '));
    assert.ok(where.includes('2:payment_method'), where.join(' '));
    assert.ok(where.includes('2:store_id'), where.join(' '));
    assert.ok(!where.some((w: string) => w.startsWith('0:')));
    assert.equal(sql.bronze.size, 0);
  });

  it('asks for a valid bearer token', async () => {
    const { post } = setup();
    assert.equal((await post(transaction())).status, 401);
    assert.equal(
      (await post(transaction(), { authorization: 'Bearer nonsense' })).status,
      401,
    );
    const expired = await token({ role: 'service_role' }, { expires: '-1m' });
    assert.equal(
      (await post(transaction(), { authorization: `Bearer ${expired}` }))
        .status,
      401,
    );
    const forever = await token({ role: 'service_role' }, { expires: null });
    const refused = await post(transaction(), {
      authorization: `Bearer ${forever}`,
    });
    assert.equal(refused.status, 401);
    assert.match((await refused.json()).error, /no exp claim/);
    const otherAudience = await token(
      { role: 'service_role' },
      { audience: 'elsewhere' },
    );
    assert.equal(
      (await post(transaction(), { authorization: `Bearer ${otherAudience}` }))
        .status,
      401,
    );
  });

  it('forbids tokens without service_role or the ingest scope', async () => {
    const { post } = setup();
    const anon = await token({ role: 'authenticated' });
    assert.equal(
      (await post(transaction(), { authorization: `Bearer ${anon}` })).status,
      403,
    );
    const scoped = await token({ role: 'authenticated', scope: 'read ingest' });
    assert.equal(
      (await post(transaction(), { authorization: `Bearer ${scoped}` })).status,
      200,
    );
  });

  it('refuses bodies over the limit with 413 and bad JSON with 400', async () => {
    const { post } = setup(200);
    assert.equal(
      (
        await post(
          { transactions: [transaction(), transaction()] },
          await serviceRole(),
        )
      ).status,
      413,
    );
    assert.equal(
      (await post('{"transactions": [', await serviceRole())).status,
      400,
    );
  });

  it('answers CORS preflights for allowed origins only, with security headers', async () => {
    const { handler } = setup();
    const allowed = await handler(
      new Request('http://localhost/ingest-transaction', {
        method: 'OPTIONS',
        headers: { origin: 'http://localhost:3000' },
      }),
    );
    assert.equal(allowed.status, 204);
    assert.equal(
      allowed.headers.get('access-control-allow-origin'),
      'http://localhost:3000',
    );
    assert.equal(allowed.headers.get('x-content-type-options'), 'nosniff');
    const other = await handler(
      new Request('http://localhost/ingest-transaction', {
        method: 'OPTIONS',
        headers: { origin: 'https://evil.example' },
      }),
    );
    assert.equal(other.headers.get('access-control-allow-origin'), null);
  });
});
