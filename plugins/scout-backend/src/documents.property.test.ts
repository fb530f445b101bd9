import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  parseTimestamp,
  timestampProblem,
} from '@internal/backstage-plugin-scout-common';
import type { ScoutDatabase } from '@internal/backstage-plugin-scout-node';
import { testDatabases } from '@internal/backstage-plugin-scout-node/testing';
import { chunkText } from '@internal/scout-edge-functions';
import fc from 'fast-check';
import { SignJWT } from 'jose';
import request from 'supertest';
import {
  documentBody,
  embedBody,
  embedBodyFaults,
  specials,
  staleness,
  storable,
  timestampAround16h,
} from './__testUtils__/arbitraries';
import {
  chunksCoverText,
  documentFaults,
  expectedStatus,
  readAllChunks,
  readDocument,
  summary,
} from './__testUtils__/documents';
import {
  EmbeddingsStub,
  startEmbeddingsStub,
} from './__testUtils__/embeddingsStub';
import { scoutPlugin } from './plugin';

// Every value ingest-doc and embed-batch accept must be stored and read back
// the same, on PGlite and on PostgreSQL: each generated request ends in a 400
// naming the fault, a 502 naming the provider's fault with nothing written, or
// a 200 after which the rows equal the input. On failure fast-check prints the
// seed and path: pass them back as { seed, path } to replay.

// The plugin opens its database itself, and PGlite lives in memory inside
// it: record each database opened so the test can read what was stored.
// A pass-through; the database is the real one.
const mockOpened: ScoutDatabase[] = [];
jest.mock('@internal/backstage-plugin-scout-node', () => {
  const actual = jest.requireActual('@internal/backstage-plugin-scout-node');
  return {
    ...actual,
    openScoutDatabase: async (...args: unknown[]) => {
      const db = await actual.openScoutDatabase(...args);
      mockOpened.push(db);
      return db;
    },
  };
});

const SECRET = 'documents-property-secret';
const RUNS = 40; // per property and database

describe.each(testDatabases())('documents on $kind', databases => {
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  let server: typeof backend.server;
  let db: ScoutDatabase;
  let stub: EmbeddingsStub;
  let auth: string;
  const post = (fn: string, body?: string) => {
    const req = request(server)
      .post(`/api/scout/functions/${fn}`)
      .set('authorization', auth)
      .set('content-type', 'application/json');
    return body === undefined ? req : req.send(body);
  };

  beforeAll(async () => {
    stub = await startEmbeddingsStub();
    const url = await databases.createUrl();
    backend = await startTestBackend({
      features: [
        scoutPlugin,
        mockServices.rootConfig.factory({
          data: {
            app: { baseUrl: 'http://localhost:3000' },
            scout: {
              database: url ? { url } : {},
              demo: { enabled: true, transactions: 0 },
              pipeline: { enabled: false },
              functions: { jwtSecret: SECRET },
              embeddings: {
                apiKey: stub.apiKey,
                baseUrl: stub.baseURL,
                model: stub.model,
              },
            },
          },
        }),
      ],
    });
    server = backend.server;
    db = mockOpened[mockOpened.length - 1];
    if (db?.kind !== databases.kind) {
      throw new Error(`Expected the plugin to open ${databases.kind}`);
    }
    auth = `Bearer ${await new SignJWT({ role: 'service_role' })
      .setProtectedHeader({ alg: 'HS256' })
      .setAudience('scout')
      .setExpirationTime('30m')
      .sign(new TextEncoder().encode(SECRET))}`;
  }, 120_000);

  // A property may leave unstorable specials behind; every test starts without.
  beforeEach(() => {
    stub.specials = [];
  });

  // Stop the backend before its database is dropped, so no pool sees its connections cut.
  afterAll(async () => {
    await backend?.stop();
    await stub?.close();
    await databases.cleanup();
  }, 60_000);

  it.each([
    ['NUL in the content', { content: 'a\u0000b' }, 'content'],
    ['NUL in the title', { title: 'a\u0000b' }, 'title'],
    ['NUL in metadata', { metadata: { k: '\u0000' } }, 'metadata.k'],
    ['"x\\udc00y" in metadata', { metadata: { k: 'x\udc00y' } }, 'metadata.k'],
  ])(
    'ingest-doc: %s is a 400 naming the path; nothing is written',
    async (_, fault, path) => {
      const doc = {
        document_id: 'fault-example',
        title: 'T',
        content: 'Text.',
        ...fault,
      };
      const res = await post('ingest-doc', JSON.stringify(doc));
      expect(res.status).toBe(400);
      expect(res.body.problems.map((p: { path: string }) => p.path)).toEqual([
        path,
      ]);
      expect(await readDocument(db, 'fault-example')).toBeUndefined();
    },
  );

  it('ingest-transaction: an offset of +16:00 is a 400 naming occurred_at', async () => {
    const res = await post(
      'ingest-transaction',
      JSON.stringify({
        transaction_id: '8a0d7a2e-3f5c-4f6e-9a47-1b2c3d4e5f60',
        store_id: 'ST-NCR-00001',
        occurred_at: '2026-11-20T08:15:00+16:00',
        payment_method: 'cash',
        items: [{ sku: 'X', quantity: 1, unit_price: 1 }],
        total: 1,
      }),
    );
    expect(res.status).toBe(400);
    const paths = res.body.problems.map((p: { path: string }) => p.path);
    expect(paths).toContain('occurred_at');
    expect(
      res.body.problems.find((p: { path: string }) => p.path === 'occurred_at')
        .message,
    ).toMatch(/15:59/);
  });

  it('ingest-doc: 400 naming the fault, 502 on a provider fault, or 200 reading back the same', async () => {
    const providerFault = expect.stringMatching(/embeddings provider/);
    const anything = expect.anything();
    await fc.assert(
      fc.asyncProperty(documentBody, specials, async (doc, pairs) => {
        const id = doc.document_id;
        const before = await readDocument(db, id);
        stub.specials = pairs;
        const res = await post('ingest-doc', JSON.stringify(doc));
        const faults = documentFaults(doc);
        // The outcome is decided from the input alone, by rules stated apart from the code.
        const expected = expectedStatus(faults, !storable(pairs));
        expect(summary(res)).toEqual({
          status: expected,
          fields: faults,
          error: expected === 502 ? providerFault : anything,
        });
        // Written exactly as sent, or not at all.
        const contents = chunkText(doc.content);
        expect(await readDocument(db, id)).toEqual(
          expected === 200
            ? {
                title: doc.title,
                source: doc.source ?? null,
                metadata: doc.metadata ?? {},
                chunks: contents.map((content, chunk_no) => ({
                  document_id: id,
                  chunk_no,
                  content,
                  embedding: stub.vectorFor(content).map(Math.fround),
                  embedding_model: stub.model,
                })),
              }
            : before,
        );
        expect(expected !== 200 || chunksCoverText(doc.content, contents)).toBe(
          true,
        );
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it('embed-batch: 400 naming the fault, 502 on a provider fault, or 200 reading back Math.fround of the vectors', async () => {
    await db.query('delete from scout.documents');
    for (const [i, n] of [1, 40, 400].entries()) {
      const content = 'Store notes, one more line.\n\n'.repeat(n);
      const res = await post(
        'ingest-doc',
        JSON.stringify({ document_id: `batch-${i}`, title: 'T', content }),
      );
      expect(res.status).toBe(200);
    }
    const providerFault = expect.stringMatching(/embeddings provider/);
    const anything = expect.anything();
    await fc.assert(
      fc.asyncProperty(
        embedBody,
        staleness,
        specials,
        async (input, stale, pairs) => {
          await db.query(stale);
          const before = await readAllChunks(db);
          stub.specials = pairs;
          const res = await post(
            'embed-batch',
            input === undefined ? undefined : JSON.stringify(input),
          );
          const faults = embedBodyFaults(input);
          const todo = before.filter(
            c => c.embedding === null || c.embedding_model !== stub.model,
          );
          const n = Math.min(
            (input as { limit?: number })?.limit ?? 500,
            todo.length,
          );
          const expected = expectedStatus(faults, n > 0 && !storable(pairs));
          expect(summary(res, false)).toEqual({
            status: expected,
            fields: faults,
            error: expected === 502 ? providerFault : anything,
          });
          expect(expected === 200 ? res.body : 'not a 200').toEqual(
            expected === 200
              ? {
                  embedded: n,
                  remaining: todo.length - n,
                  embedding_model: stub.model,
                }
              : 'not a 200',
          );
          // The first n stale chunks carry the provider's vectors as float4; nothing else changed.
          const done = new Set(expected === 200 ? todo.slice(0, n) : []);
          expect(await readAllChunks(db)).toEqual(
            before.map(c =>
              done.has(c)
                ? {
                    ...c,
                    embedding: stub.vectorFor(c.content).map(Math.fround),
                    embedding_model: stub.model,
                  }
                : c,
            ),
          );
        },
      ),
      { numRuns: RUNS },
    );
  }, 120_000);

  it('timestamps the schema accepts are read by the database as the same instant', async () => {
    const micros = async (value: string) => {
      const { rows } = await db.query<{ us: string }>(
        'select (extract(epoch from $1::timestamptz) * 1000000)::bigint::text as us',
        [value],
      );
      return BigInt(rows[0].us);
    };
    const instant = (value: string) => {
      const t = parseTimestamp(value)!;
      return BigInt(t.epochMs) * 1000n + BigInt(t.micros);
    };
    // PostgreSQL reads all three spellings as one instant; RFC 3339 (and the schema) only the last.
    const spellings = ['+08', '+0800', '+08:00'].map(
      o => `2026-11-20T08:15:00.123456${o}`,
    );
    for (const s of spellings)
      expect(await micros(s)).toBe(instant(spellings[2]));
    expect(spellings.map(timestampProblem).map(p => p === undefined)).toEqual([
      false,
      false,
      true,
    ]);

    const outOfRange = expect.stringMatching(
      /time zone displacement out of range/,
    );
    await fc.assert(
      fc.asyncProperty(timestampAround16h, async ({ value, tooFar }) => {
        expect(timestampProblem(value) === undefined).toBe(!tooFar);
        const read = await micros(value).catch((e: Error) => e.message);
        expect(read).toEqual(tooFar ? outOfRange : instant(value));
      }),
      { numRuns: 60 },
    );
  }, 60_000);

  it('ingest-doc: content at 1,000,000 characters is stored whole; one more is a 400', async () => {
    const content = 'Sari-sari store notes. '
      .repeat(43_479)
      .slice(0, 1_000_000);
    const ok = await post(
      'ingest-doc',
      JSON.stringify({ document_id: 'at-limit', title: 'T', content }),
    );
    expect(ok.status).toBe(200);
    const stored = await readDocument(db, 'at-limit');
    expect(
      chunksCoverText(
        content,
        stored!.chunks.map(c => c.content),
      ),
    ).toBe(true);
    const over = await post(
      'ingest-doc',
      JSON.stringify({
        document_id: 'over-limit',
        title: 'T',
        content: `${content}x`,
      }),
    );
    expect([over.status, over.body.problems?.[0]?.path]).toEqual([
      400,
      'content',
    ]);
  }, 120_000);
});
