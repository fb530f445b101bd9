import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { SignJWT } from 'jose';
import request from 'supertest';
import { scoutPlugin } from './plugin';

// Every payload here must be refused with its error while the tables stay as
// they were. The backend runs the real plugin on an in-memory PGlite.
const SECRET = 'bad-input-secret';
const good = (overrides: Record<string, unknown> = {}) => ({
  transaction_id: crypto.randomUUID(),
  store_id: 'ST-NCR-00001',
  occurred_at: '2026-11-20T08:15:00+08:00',
  payment_method: 'cash',
  items: [{ sku: 'PLACEHOLDER', quantity: 2, unit_price: 15.5 }],
  total: 31,
  ...overrides,
});
const item = (overrides: Record<string, unknown>) =>
  good({
    items: [{ sku: 'PLACEHOLDER', quantity: 1, unit_price: 10, ...overrides }],
    total: 10,
  });
const nest = (depth: number): unknown => (depth === 0 ? 1 : [nest(depth - 1)]);

type Case = [name: string, body: unknown, status?: number];
const cases: Case[] = [
  ['empty body', ''],
  ['null', 'null'],
  ['a number', '42'],
  ['a string', '"transaction"'],
  ['a top-level array', '[]'],
  ['an empty object', {}],
  ['truncated JSON', '{"transactions": ['],
  ['JSON with a trailing comma', '{"total": 1,}'],
  ['invalid UTF-8', Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d])],
  ['an empty batch', { transactions: [] }],
  ['transactions as a string', { transactions: 'all of them' }],
  ['a null in the batch', { transactions: [null] }],
  ['a number in the batch', { transactions: [7] }],
  ['missing transaction_id', good({ transaction_id: undefined })],
  ['transaction_id not a uuid', good({ transaction_id: 'abc-123' })],
  ['transaction_id a number', good({ transaction_id: 12345 })],
  [
    'the nil UUID as transaction_id',
    good({ transaction_id: '00000000-0000-0000-0000-000000000000' }),
  ],
  [
    'the max UUID as transaction_id, in capitals',
    good({ transaction_id: 'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF' }),
  ],
  ['missing store_id', good({ store_id: undefined })],
  ['empty store_id', good({ store_id: '' })],
  ['unknown store', good({ store_id: 'ST-NCR-99999' })],
  [
    'SQL in store_id',
    good({
      store_id: "ST-NCR-00001'; drop table scout.bronze_transactions; --",
    }),
  ],
  ['oversized store_id', good({ store_id: 'S'.repeat(10_000) })],
  ['emoji in store_id', good({ store_id: 'ST-NCR-🛒' })],
  ['right-to-left override in device_id', good({ device_id: 'DV-\u202eSOP' })],
  ['NUL byte in device_id', good({ device_id: 'DV-\u0000' })],
  ['missing occurred_at', good({ occurred_at: undefined })],
  ['occurred_at in words', good({ occurred_at: 'yesterday' })],
  ['occurred_at as epoch number', good({ occurred_at: 1763600000000 })],
  [
    'occurred_at far in the future',
    good({ occurred_at: '2099-01-01T00:00:00+08:00' }),
  ],
  [
    'occurred_at before 2020',
    good({ occurred_at: '1999-12-31T23:59:59+08:00' }),
  ],
  [
    'occurred_at without an offset',
    good({ occurred_at: '2026-11-20T08:15:00' }),
  ],
  [
    'occurred_at with an offset of +16:00',
    good({ occurred_at: '2026-11-20T08:15:00+16:00' }),
  ],
  [
    'occurred_at with an offset of -23:59',
    good({ occurred_at: '2026-11-20T08:15:00-23:59' }),
  ],
  [
    'occurred_at with an offset of +0800',
    good({ occurred_at: '2026-11-20T08:15:00+0800' }),
  ],
  [
    'occurred_at with 7 fraction digits',
    good({ occurred_at: '2026-11-20T08:15:00.1234567+08:00' }),
  ],
  ['occurred_at on Feb 30', good({ occurred_at: '2026-02-30T08:15:00+08:00' })],
  [
    'occurred_at with a leap second',
    good({ occurred_at: '2026-11-20T08:15:60+08:00' }),
  ],
  ['unknown payment method', good({ payment_method: 'barter' })],
  ['payment method in capitals', good({ payment_method: 'CASH' })],
  ['a foreign currency', good({ currency: 'USD' })],
  ['missing items', good({ items: undefined })],
  ['no items', good({ items: [], total: 0 })],
  ['items as an object', good({ items: { sku: 'X' } })],
  ['an item without sku', item({ sku: undefined })],
  ['an item with SQL in sku', item({ sku: "x' or '1'='1" })],
  ['zero quantity', item({ quantity: 0 })],
  ['negative quantity', item({ quantity: -3 })],
  ['fractional quantity', item({ quantity: 1.5 })],
  ['absurd quantity', item({ quantity: 1_000_000_000 })],
  ['quantity as a string', item({ quantity: '2' })],
  ['zero unit price', item({ unit_price: 0 })],
  ['negative unit price', item({ unit_price: -10 })],
  ['unit price with three decimals', item({ unit_price: 10.005 })],
  ['absurd unit price', item({ unit_price: 1e12 })],
  ['unit price as "NaN"', item({ unit_price: 'NaN' })],
  ['total that does not add up', good({ total: 30.99 })],
  ['negative total', good({ total: -31 })],
  ['total as a string', good({ total: '31' })],
  ['a total past numeric(12, 2)', good({ total: 10_000_000_000 })],
  [
    'an infinite total',
    '{"transaction_id":"8a0d7a2e-3f5c-4f6e-9a47-1b2c3d4e5f60","store_id":"ST-NCR-00001","occurred_at":"2026-11-20T08:15:00+08:00","payment_method":"cash","items":[{"sku":"X","quantity":1,"unit_price":1}],"total":1e999}',
  ],
  ['an unknown field', good({ discount_code: 'FREE' })],
  [
    'a __proto__ key',
    `{"__proto__":{"admin":true},${JSON.stringify(good()).slice(1)}`,
  ],
  ['deep nesting in items', good({ items: nest(2_000) })],
  [
    'more than 200 items',
    good({
      items: Array.from({ length: 201 }, () => ({
        sku: 'X',
        quantity: 1,
        unit_price: 1,
      })),
      total: 201,
    }),
  ],
  [
    'a duplicate id inside one batch',
    (() => {
      const t = good();
      return { transactions: [t, t] };
    })(),
  ],
  [
    'one bad row among good ones',
    { transactions: [good(), good(), good({ total: 1 }), good()] },
  ],
  [
    'a batch over the limit',
    { transactions: Array.from({ length: 51 }, () => good()) },
  ],
  [
    'a body over the size limit',
    { transactions: [good({ device_id: 'D'.repeat(300_000) })] },
    413,
  ],
];

describe('ingest-transaction refuses bad input and writes nothing', () => {
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];
  let auth: string;
  let product: { sku: string; list_price: number };

  beforeAll(async () => {
    ({ server } = await startTestBackend({
      features: [
        scoutPlugin,
        mockServices.rootConfig.factory({
          data: {
            app: { baseUrl: 'http://localhost:3000' },
            scout: {
              demo: { enabled: true, transactions: 0 },
              pipeline: { enabled: false },
              functions: {
                jwtSecret: SECRET,
                maxBatch: 50,
                maxBodyBytes: 256 * 1024,
              },
            },
          },
        }),
      ],
    }));
    auth = `Bearer ${await new SignJWT({ role: 'service_role' })
      .setProtectedHeader({ alg: 'HS256' })
      .setAudience('scout')
      .setExpirationTime('10m')
      .sign(new TextEncoder().encode(SECRET))}`;
    product = (await import('@internal/backstage-plugin-scout-common'))
      .products[0];
  }, 120_000);

  const counts = async () =>
    (
      await request(server)
        .get('/api/scout/stats')
        .set('authorization', mockCredentials.user.header())
    ).body;

  it('has at least 50 distinct cases', () => {
    expect(new Set(cases.map(([name]) => name)).size).toBe(cases.length);
    expect(cases.length).toBeGreaterThanOrEqual(50);
  });

  it.each(cases)('%s', async (_name, body, status = 400) => {
    const before = await counts();
    const payload =
      typeof body === 'string' || Buffer.isBuffer(body)
        ? body
        : JSON.stringify(body).replaceAll('PLACEHOLDER', product.sku);
    const res = await request(server)
      .post('/api/scout/functions/ingest-transaction')
      .set('authorization', auth)
      .set('content-type', 'application/json')
      .send(payload);
    expect(res.status).toBe(status);
    expect(typeof res.body.error).toBe('string');
    // Validation failures list their problems; malformed bodies have none.
    const problems: Record<string, unknown>[] = res.body.problems ?? [];
    const wellFormed = (p: Record<string, unknown>) =>
      typeof p.index === 'number' &&
      typeof p.path === 'string' &&
      typeof p.message === 'string';
    expect(problems.filter(p => !wellFormed(p))).toEqual([]);
    expect(await counts()).toEqual(before);
  });

  it('still accepts a good transaction afterwards', async () => {
    const res = await request(server)
      .post('/api/scout/functions/ingest-transaction')
      .set('authorization', auth)
      .send({
        ...good(),
        items: [
          { sku: product.sku, quantity: 2, unit_price: product.list_price },
        ],
        total: Math.round(product.list_price * 200) / 100,
      });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ accepted: 1, duplicates: 0 });
  });
});
