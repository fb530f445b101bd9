import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  createLexicalEmbeddings,
  createOpenAIEmbeddings,
  embeddingsFromEnv,
} from './embeddings';
import { HttpError } from './http';
import { OpenAIStub, startOpenAIStub, stubVector } from '../_test/openaiStub';

const dot = (a: number[], b: number[]) =>
  a.reduce((sum, x, i) => sum + x * b[i], 0);
const norm = (v: number[]) => Math.sqrt(dot(v, v));

describe('lexical embeddings', () => {
  const lexical = createLexicalEmbeddings();

  it('names itself as lexical and has a fixed dimension', async () => {
    assert.equal(lexical.model, 'lexical-hash-256');
    assert.equal(lexical.dimensions, 256);
    const vectors = await lexical.embed([
      'a',
      'a much longer text about store sales',
      '',
    ]);
    assert.deepEqual(
      vectors.map(v => v.length),
      [256, 256, 256],
    );
    assert.equal(
      createLexicalEmbeddings({ dimensions: 64 }).model,
      'lexical-hash-64',
    );
  });

  it('is deterministic and L2-normalised, even for text without words', async () => {
    const texts = [
      'GCash payments in NCR stores',
      '---',
      '   ',
      'Ñandú 東京 café',
    ];
    const [first, second] = [
      await lexical.embed(texts),
      await lexical.embed(texts),
    ];
    assert.deepEqual(first, second);
    for (const v of first)
      assert.ok(Math.abs(norm(v) - 1) < 1e-9, String(norm(v)));
  });

  it('ignores case and puts texts that share words closer than unrelated ones', async () => {
    const [query, upper, near, far] = await lexical.embed([
      'weekly sales of cigarettes per store',
      'WEEKLY SALES OF CIGARETTES PER STORE',
      'cigarette sales by store and week',
      'the gateway rotates its TLS certificates nightly',
    ]);
    assert.ok(Math.abs(dot(query, upper) - 1) < 1e-9);
    assert.ok(dot(query, near) > 0.3, `near: ${dot(query, near)}`);
    assert.ok(
      dot(query, near) > dot(query, far) + 0.2,
      `near ${dot(query, near)} far ${dot(query, far)}`,
    );
  });
});

describe('OpenAI embeddings through the SDK, against a local stub', () => {
  const KEY = 'sk-test-0123456789abcdef';
  let stub: OpenAIStub;
  before(async () => {
    stub = await startOpenAIStub(KEY);
  });
  after(() => stub.close());

  const provider = (apiKey = KEY) =>
    createOpenAIEmbeddings({
      apiKey,
      baseURL: stub.baseURL,
      model: 'text-embedding-3-small',
      maxRetries: 0,
    });

  it("returns the server's vectors in input order, asking for floats of 256 dimensions", async () => {
    stub.requests.length = 0;
    const texts = ['first', 'second text', 'third, longer text'];
    const vectors = await provider().embed(texts);
    assert.deepEqual(
      vectors,
      texts.map(t => stubVector(t, 256)),
    );
    assert.equal(stub.requests.length, 1);
    const [sent] = stub.requests;
    assert.equal(sent.model, 'text-embedding-3-small');
    assert.equal(sent.dimensions, 256);
    assert.equal(sent.encoding_format, 'float');
    assert.equal(sent.authorization, `Bearer ${KEY}`);
  });

  it('batches large inputs, 100 per request', async () => {
    stub.requests.length = 0;
    const texts = Array.from({ length: 250 }, (_, i) => `text number ${i}`);
    const vectors = await provider().embed(texts);
    assert.deepEqual(
      stub.requests.map(r => r.input.length),
      [100, 100, 50],
    );
    assert.deepEqual(
      vectors,
      texts.map(t => stubVector(t, 256)),
    );
  });

  it('turns a server error into a 502', async () => {
    stub.failWith(500);
    try {
      await assert.rejects(provider().embed(['x']), (e: unknown) => {
        assert.ok(e instanceof HttpError);
        assert.equal(e.status, 502);
        assert.match(e.message, /embeddings provider failed \(HTTP 500\)/);
        return true;
      });
    } finally {
      stub.failWith(null);
    }
  });

  it('turns a rejected key into a 502 that does not contain the key, even when echoed', async () => {
    const wrong = 'sk-wrong-key-that-must-not-leak-42';
    await assert.rejects(provider(wrong).embed(['x']), (e: unknown) => {
      assert.ok(e instanceof HttpError);
      assert.equal(e.status, 502);
      assert.match(e.message, /HTTP 401/);
      assert.ok(!e.message.includes(wrong), e.message);
      // The provider's own words go to the log only, with the key masked.
      const cause = String((e as { cause?: unknown }).cause);
      assert.ok(!cause.includes(wrong), cause);
      assert.ok(!e.message.includes('must-not-leak'), e.message);
      return true;
    });
    assert.equal(stub.requests.at(-1)?.authorization, `Bearer ${wrong}`);
  });

  it('turns an unreachable server into a 502', async () => {
    const closed = await startOpenAIStub(KEY);
    await closed.close();
    const unreachable = createOpenAIEmbeddings({
      apiKey: KEY,
      baseURL: closed.baseURL,
      model: 'm',
      maxRetries: 0,
    });
    await assert.rejects(
      unreachable.embed(['x']),
      (e: unknown) => e instanceof HttpError && e.status === 502,
    );
  });
});

describe('embeddingsFromEnv', () => {
  it('is lexical without a key, OpenAI with one', () => {
    assert.equal(embeddingsFromEnv({}).model, 'lexical-hash-256');
    assert.equal(
      embeddingsFromEnv({ OPENAI_API_KEY: '  ' }).model,
      'lexical-hash-256',
    );
    assert.equal(
      embeddingsFromEnv({ OPENAI_API_KEY: 'sk-1' }).model,
      'text-embedding-3-small',
    );
    const custom = embeddingsFromEnv({
      SCOUT_EMBEDDINGS_API_KEY: 'k',
      SCOUT_EMBEDDINGS_BASE_URL: 'http://127.0.0.1:1/v1',
      SCOUT_EMBEDDINGS_MODEL: 'nomic-embed-text',
    });
    assert.equal(custom.model, 'nomic-embed-text');
    assert.equal(custom.dimensions, 256);
  });
});
