import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createEmbedBatch } from './index';
import { FakeDocumentsSql } from '../_test/documentsSql';
import {
  createLexicalEmbeddings,
  EmbeddingsProvider,
} from '../_shared/embeddings';
import { HttpError } from '../_shared/http';
import { AUDIENCE, SECRET, token } from '../_test/fixtures';

/** Lexical embeddings that count the texts they were asked for, per call. */
function counting(failAfter = Infinity) {
  const lexical = createLexicalEmbeddings();
  const calls: number[] = [];
  const provider: EmbeddingsProvider = {
    model: lexical.model,
    dimensions: lexical.dimensions,
    async embed(texts) {
      if (calls.length >= failAfter)
        throw new HttpError(502, 'The embeddings provider failed: down');
      calls.push(texts.length);
      return lexical.embed(texts);
    },
  };
  return { provider, calls };
}

function setup(
  embeddings: EmbeddingsProvider,
  batchSize?: number,
  maxBodyBytes = 1000,
) {
  const sql = new FakeDocumentsSql();
  const handler = createEmbedBatch({
    sql,
    jwt: { audience: AUDIENCE, secret: SECRET },
    embeddings,
    batchSize,
    allowedOrigins: [],
    maxBodyBytes,
  });
  const post = async (
    body?: unknown,
    claims: Record<string, unknown> | null = { role: 'service_role' },
  ) =>
    handler(
      new Request('http://localhost/embed-batch', {
        method: 'POST',
        headers: claims
          ? { authorization: `Bearer ${await token(claims)}` }
          : {},
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
  return { sql, post };
}

const texts = (n: number, prefix = 'chunk') =>
  Array.from({ length: n }, (_, i) => `${prefix} ${i}`);

describe('embed-batch', () => {
  it('embeds chunks without a vector or from another model, in batches, then none', async () => {
    const { provider, calls } = counting();
    const { sql, post } = setup(provider, 4);
    sql.seed('doc-a', texts(6));
    sql.seed('doc-b', texts(3), 'text-embedding-3-small');
    sql.seed('doc-c', texts(2), 'lexical-hash-256');
    const first = await post();
    assert.equal(first.status, 200);
    assert.deepEqual(await first.json(), {
      embedded: 9,
      remaining: 0,
      embedding_model: 'lexical-hash-256',
    });
    assert.deepEqual(calls, [4, 4, 1]);
    assert.ok(
      sql.chunks.every(
        c =>
          c.embedding_model === 'lexical-hash-256' &&
          c.embedding?.startsWith('{'),
      ),
    );
    const again = await post({});
    assert.deepEqual(await again.json(), {
      embedded: 0,
      remaining: 0,
      embedding_model: 'lexical-hash-256',
    });
    assert.deepEqual(calls, [4, 4, 1]);
  });

  it('stops at the limit and reports what remains', async () => {
    const { provider } = counting();
    const { sql, post } = setup(provider);
    sql.seed('doc-a', texts(7));
    assert.deepEqual(await (await post({ limit: 5 })).json(), {
      embedded: 5,
      remaining: 2,
      embedding_model: 'lexical-hash-256',
    });
    assert.deepEqual(await (await post({ limit: 5 })).json(), {
      embedded: 2,
      remaining: 0,
      embedding_model: 'lexical-hash-256',
    });
  });

  it('keeps finished batches when the provider fails halfway', async () => {
    const { provider } = counting(1);
    const { sql, post } = setup(provider, 2);
    sql.seed('doc-a', texts(5));
    const res = await post();
    assert.equal(res.status, 502);
    assert.match((await res.json()).error, /embeddings provider failed/);
    assert.equal(sql.chunks.filter(c => c.embedding !== null).length, 2);
  });

  it('refuses vectors outside float4 with a 502 before writing their batch', async () => {
    const lexical = createLexicalEmbeddings();
    let call = 0;
    const provider: EmbeddingsProvider = {
      ...lexical,
      // The second batch carries 1e39, which real and vector cannot hold.
      embed: async batch =>
        call++ === 0
          ? lexical.embed(batch)
          : batch.map(() => [1e39, ...Array(255).fill(0)]),
    };
    const { sql, post } = setup(provider, 2);
    sql.seed('doc-a', texts(4));
    const res = await post();
    assert.equal(res.status, 502);
    assert.match((await res.json()).error, /cannot be stored.*1e\+39/);
    assert.deepEqual(
      sql.chunks.map(c => c.embedding !== null),
      [true, true, false, false],
    );
  });

  it('lists problems with the limit', async () => {
    const { provider, calls } = counting();
    const { post } = setup(provider);
    for (const body of [
      { limit: 0 },
      { limit: 5001 },
      { limit: 2.5 },
      { limit: '10' },
      { size: 1 },
      [],
    ]) {
      const res = await post(body);
      assert.equal(res.status, 400, JSON.stringify(body));
      const { problems } = await res.json();
      assert.ok(
        problems.length > 0 && typeof problems[0].path === 'string',
        JSON.stringify(body),
      );
    }
    const res = await post({ limit: 5000, extra: true });
    assert.deepEqual(
      (await res.json()).problems.map((p: { path: string }) => p.path),
      ['extra'],
    );
    assert.equal((await post({ limit: 5000 })).status, 200);
    assert.deepEqual(calls, []);
  });

  it('asks for service_role or the ingest scope', async () => {
    const { provider } = counting();
    const { post, sql } = setup(provider);
    assert.equal((await post(undefined, null)).status, 401);
    assert.equal(
      (await post(undefined, { role: 'authenticated', scope: 'read' })).status,
      403,
    );
    assert.equal(sql.statements.length, 0);
    assert.equal(
      (await post(undefined, { role: 'authenticated', scope: 'ingest' }))
        .status,
      200,
    );
  });

  it('refuses bodies over the limit with 413', async () => {
    const { provider } = counting();
    const { post } = setup(provider, undefined, 20);
    assert.equal(
      (await post({ limit: 10, padding: 'x'.repeat(50) })).status,
      413,
    );
  });
});
