import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { generateTransactions } from '@internal/backstage-plugin-scout-common';
import { openScoutDatabase } from '@internal/backstage-plugin-scout-node';
import { testDatabases } from '@internal/backstage-plugin-scout-node/testing';
import express from 'express';
import { SignJWT } from 'jose';
import request from 'supertest';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { scoutPlugin } from './plugin';
import { FunctionHost } from './services/FunctionHost';
import { FunctionMetrics } from './services/metrics';

// The edges of the functions' HTTP frame, through the real plugin: bodies
// with a Content-Encoding, and what a server error looks like from outside.
// On PostgreSQL when there is one: the server error is provoked with a
// trigger, which PGlite (in-process, in memory) offers no way to install.
const SECRET = 'http-edges-secret';
const ORIGIN = 'http://localhost:3000';
const MAX_BODY = 256 * 1024;
const INGEST = '/api/scout/functions/ingest-transaction';
const [postgres] = testDatabases().filter(d => d.kind === 'postgres');

describe('the functions over HTTP', () => {
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];
  let url: string | undefined;
  let auth: string;
  const logger = mockServices.logger.mock();
  const sales = [...generateTransactions({ count: 3, seed: 29 })];

  beforeAll(async () => {
    url = await postgres?.createUrl();
    ({ server } = await startTestBackend({
      features: [
        scoutPlugin,
        logger.factory,
        mockServices.rootConfig.factory({
          data: {
            app: { baseUrl: ORIGIN },
            scout: {
              database: url ? { url } : {},
              demo: { enabled: true, transactions: 0 },
              pipeline: { enabled: false },
              functions: { jwtSecret: SECRET, maxBodyBytes: MAX_BODY },
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
  }, 120_000);

  afterAll(() => postgres?.cleanup(), 60_000);

  const post = (path: string, body: Buffer, encoding?: string) => {
    const req = request(server)
      .post(path)
      .set('authorization', auth)
      .set('origin', ORIGIN)
      .set('content-type', 'application/json')
      // As is: superagent would otherwise JSON-encode a Buffer sent as JSON.
      .serialize(bytes => bytes);
    return (encoding ? req.set('content-encoding', encoding) : req).send(body);
  };
  const metrics = async () =>
    (
      await request(server)
        .get('/api/scout/metrics')
        .set('authorization', mockCredentials.service.header())
    ).text;

  it.each([
    ['gzip', gzipSync, 0],
    ['deflate', deflateSync, 1],
    ['br', brotliCompressSync, 2],
  ] as const)('accepts a %s body', async (coding, pack, i) => {
    const body = pack(Buffer.from(JSON.stringify(sales[i])));
    const res = await post(INGEST, body, coding);
    expect(res.status).toBe(200);
    expect(res.body.accepted).toBe(1);
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses an unsupported coding with 415 and Accept-Encoding', async () => {
    const res = await post(INGEST, Buffer.from('{}'), 'compress');
    expect(res.status).toBe(415);
    expect(res.headers['accept-encoding']).toBe('gzip, deflate, br');
    expect(res.body.error).toMatch(/"compress"/);
  });

  it('refuses a compression bomb with 413, having decoded little of it', async () => {
    // 128 MiB of zeros as 128 gzip members (~130 KiB sent, under the limit).
    const member = gzipSync(Buffer.alloc(1 << 20));
    const bomb = Buffer.concat(Array.from({ length: 128 }, () => member));
    expect(bomb.length).toBeLessThan(MAX_BODY);
    const before = process.memoryUsage().rss;
    const res = await post(INGEST, bomb, 'gzip');
    expect(res.status).toBe(413);
    expect(res.body.error).toMatch(/once decoded/);
    expect(process.memoryUsage().rss - before).toBeLessThan(96 << 20);
  });

  it('counts those answers by status', async () => {
    const text = await metrics();
    for (const status of ['200', '413', '415']) {
      expect(text).toContain(
        `scout_function_requests_total{function="ingest-transaction",status="${status}"}`,
      );
    }
  });

  // Skipped without a PostgreSQL server (testDatabases says so; CI has one).
  (postgres ? describe : describe.skip)('on PostgreSQL', () => {
    it('answers a server error with a request id only, and counts it', async () => {
      // A write that fails in the database, as a full disk would; the
      // message carries the chunk text, as database errors often do.
      const db = await openScoutDatabase({ url: url! });
      try {
        await db.query(`
          create function scout.test_disk_full() returns trigger language plpgsql as $$
          begin raise exception 'could not extend file: No space left on device (%)', new.content; end $$;
          create trigger test_disk_full before insert on scout.document_chunks
            for each row execute function scout.test_disk_full();`);
      } finally {
        await db.close();
      }
      const doc = {
        document_id: 'runbook-secrets',
        title: 'Vault runbook',
        content: 'Rotate the key sk-live-7f3a9b2c1d every quarter.',
      };
      const res = await post(
        '/api/scout/functions/ingest-doc',
        Buffer.from(JSON.stringify(doc)),
      ).set('x-request-id', 'pos-42.retry-1');

      expect(res.status).toBe(500);
      expect(Object.keys(res.body).sort()).toEqual(['error', 'request_id']);
      expect(res.body.request_id).toBe('pos-42.retry-1');
      expect(res.headers['x-request-id']).toBe('pos-42.retry-1');
      for (const leak of ['sk-live', 'No space', 'document_chunks', 'at ']) {
        expect(res.text).not.toContain(leak);
      }
      expect(res.headers['access-control-allow-origin']).toBe(ORIGIN);
      expect(res.headers['access-control-expose-headers']).toMatch(
        /x-request-id/,
      );
      // The details are in the log, under the same request id.
      expect(logger.error).toHaveBeenCalledWith(
        'edge function ingest-doc failed; request_id pos-42.retry-1',
        expect.objectContaining({
          message: expect.stringContaining('No space left on device'),
        }),
      );
      expect(await metrics()).toMatch(
        /scout_function_requests_total\{function="ingest-doc",status="500"\} 1\b/,
      );
    });

    it('counts the transactions of a batch that failed in the database', async () => {
      const db = await openScoutDatabase({ url: url! });
      try {
        await db.query(`
          create function scout.test_bronze_down() returns trigger language plpgsql as $$
          begin raise exception 'bronze is read-only (%)', new.payload; end $$;
          create trigger test_bronze_down before insert on scout.bronze_transactions
            for each row execute function scout.test_bronze_down();`);
        const batch = [...generateTransactions({ count: 4, seed: 31 })];
        const res = await post(
          INGEST,
          Buffer.from(JSON.stringify({ transactions: batch })),
        );
        expect(res.status).toBe(500);
        expect(Object.keys(res.body).sort()).toEqual(['error', 'request_id']);
        expect(res.text).not.toContain(batch[0].store_id);
        const text = await metrics();
        expect(text).toMatch(
          /scout_function_requests_total\{function="ingest-transaction",status="500"\} 1\b/,
        );
        expect(text).toMatch(
          /scout_ingest_transactions_total\{outcome="rejected",reason="server_error"\} 4\b/,
        );
      } finally {
        await db.query(
          `drop trigger test_bronze_down on scout.bronze_transactions`,
        );
        await db.close();
      }
    });
  });
});

describe('FunctionHost', () => {
  it('answers a generic 500 to a function that throws or whose body fails, and counts both', async () => {
    const metrics = new FunctionMetrics();
    const logger = mockServices.logger.mock();
    const host = new FunctionHost(
      {
        throws: async () => {
          throw new Error('select * from scout.secrets');
        },
        breaks: async () =>
          new Response(
            new ReadableStream({
              start: c => c.error(new Error('password=hunter2')),
            }),
          ),
      },
      metrics,
      logger,
    );
    const app = express().post('/:name', (req, res) =>
      host.handle(req.params.name, req, res),
    );
    for (const name of ['throws', 'breaks']) {
      const res = await request(app).post(`/${name}`).send('{}');
      expect(res.status).toBe(500);
      expect(Object.keys(res.body).sort()).toEqual(['error', 'request_id']);
      expect(res.headers['x-request-id']).toBe(res.body.request_id);
      expect(res.text).not.toMatch(/scout\.secrets|hunter2/);
      expect(logger.error).toHaveBeenLastCalledWith(
        `edge function ${name} failed; request_id ${res.body.request_id}`,
        expect.any(Error),
      );
    }
    const text = await metrics.registry.metrics();
    expect(text).toContain(
      'scout_function_requests_total{function="throws",status="500"} 1',
    );
    expect(text).toContain(
      'scout_function_requests_total{function="breaks",status="500"} 1',
    );
  });
});
