import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createIngestDoc } from './index';
import { FakeDocumentsSql } from '../_test/documentsSql';
import {
  createLexicalEmbeddings,
  EmbeddingsProvider,
} from '../_shared/embeddings';
import { HttpError } from '../_shared/http';
import { AUDIENCE, SECRET, token } from '../_test/fixtures';

const lexical = createLexicalEmbeddings();
const failing: EmbeddingsProvider = {
  model: 'broken',
  dimensions: 256,
  embed: async () => {
    throw new HttpError(502, 'The embeddings provider failed: down');
  },
};

function setup(
  options: {
    columnType?: string;
    embeddings?: EmbeddingsProvider;
    maxBodyBytes?: number;
  } = {},
) {
  const sql = new FakeDocumentsSql(options.columnType);
  const handler = createIngestDoc({
    sql,
    jwt: { audience: AUDIENCE, secret: SECRET },
    embeddings: options.embeddings ?? lexical,
    allowedOrigins: [],
    maxBodyBytes: options.maxBodyBytes ?? 2_000_000,
  });
  const post = async (
    body: unknown,
    claims: Record<string, unknown> | null = { role: 'service_role' },
  ) =>
    handler(
      new Request('http://localhost/ingest-doc', {
        method: 'POST',
        headers: claims
          ? { authorization: `Bearer ${await token(claims)}` }
          : {},
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    );
  return { sql, post };
}

const runbook = (
  content = 'Restart the POS sync agent when the queue backs up. '.repeat(60),
) => ({
  document_id: 'runbook-pos-sync',
  title: 'POS sync runbook',
  content,
  source: 'https://wiki.example/pos-sync',
  metadata: { team: 'retail-ops' },
});

describe('ingest-doc', () => {
  it('stores the document and its embedded chunks as real[] literals', async () => {
    const { post, sql } = setup();
    const res = await post(runbook());
    assert.equal(res.status, 200);
    const body = await res.json();
    assert.equal(body.document_id, 'runbook-pos-sync');
    assert.equal(body.embedding_model, 'lexical-hash-256');
    assert.ok(body.chunks >= 3, String(body.chunks));
    assert.equal(sql.chunks.length, body.chunks);
    assert.deepEqual(
      sql.chunks.map(c => c.chunk_no),
      [...Array(body.chunks).keys()],
    );
    const [first] = sql.chunks;
    assert.equal(first.embedding_model, 'lexical-hash-256');
    assert.match(first.embedding ?? '', /^\{-?[\d.e-]+(,-?[\d.e-]+){255}\}$/);
    assert.deepEqual(sql.documents.get('runbook-pos-sync'), {
      title: 'POS sync runbook',
      source: 'https://wiki.example/pos-sync',
      metadata: '{"team":"retail-ops"}',
    });
    assert.equal(sql.transactions, 1);
  });

  it('writes pgvector literals, cast to the column type, when the column is a vector', async () => {
    const { post, sql } = setup({ columnType: 'extensions.vector(256)' });
    assert.equal((await post(runbook('Short note.'))).status, 200);
    assert.match(
      sql.chunks[0].embedding ?? '',
      /^\[-?[\d.e-]+(,-?[\d.e-]+){255}\]$/,
    );
    assert.ok(sql.statements.some(s => s.includes('::extensions.vector(256)')));
  });

  it('reads the column type once, and refuses vectors the column cannot hold', async () => {
    const { post, sql } = setup();
    await post(runbook('One.'));
    await post(runbook('Two.'));
    assert.equal(
      sql.statements.filter(s => s.includes('format_type(')).length,
      1,
    );
    const narrow = setup({ columnType: 'vector(1536)' });
    const res = await narrow.post(runbook());
    assert.equal(res.status, 500);
    assert.match((await res.json()).error, /256-dimensional.*1536/);
    assert.equal(narrow.sql.chunks.length, 0);
  });

  it('replaces the chunks of an earlier version', async () => {
    const { post, sql } = setup();
    await post(runbook());
    const res = await post({
      ...runbook('Only one short chunk now.'),
      metadata: undefined,
    });
    assert.equal((await res.json()).chunks, 1);
    assert.deepEqual(
      sql.chunks.map(c => c.content),
      ['Only one short chunk now.'],
    );
    assert.equal(sql.documents.get('runbook-pos-sync')?.metadata, '{}');
  });

  it('lists every problem of an invalid document and writes nothing', async () => {
    const { post, sql } = setup();
    const res = await post({
      document_id: 'has spaces',
      title: '',
      content: 'x',
      colour: 'red',
    });
    assert.equal(res.status, 400);
    const body = await res.json();
    assert.match(body.error, /invalid/);
    const paths = body.problems.map((p: { path: string }) => p.path).sort();
    assert.deepEqual(paths, ['colour', 'document_id', 'title']);
    assert.ok(
      body.problems.every((p: { message: string }) => p.message.length > 0),
    );
    const blank = await post(runbook(' \r\n '));
    assert.equal(blank.status, 400);
    assert.deepEqual(
      (await blank.json()).problems.map((p: { path: string }) => p.path),
      ['content'],
    );
    assert.equal(sql.transactions, 0);
  });

  it('asks for a token with service_role or the ingest scope', async () => {
    const { post, sql } = setup();
    assert.equal((await post(runbook(), null)).status, 401);
    assert.equal(
      (await post(runbook(), { role: 'authenticated' })).status,
      403,
    );
    assert.equal(
      (await post(runbook(), { role: 'authenticated', scope: 'read' })).status,
      403,
    );
    assert.equal(sql.statements.length, 0);
    assert.equal(
      (await post(runbook(), { role: 'authenticated', scope: 'read ingest' }))
        .status,
      200,
    );
  });

  it('refuses bodies over the limit with 413 and broken JSON with 400', async () => {
    const { post } = setup({ maxBodyBytes: 500 });
    assert.equal((await post(runbook())).status, 413);
    assert.equal((await post('{"document_id": ')).status, 400);
  });

  it('embeds before the transaction, so a provider failure writes nothing', async () => {
    const { post, sql } = setup({ embeddings: failing });
    const res = await post(runbook());
    assert.equal(res.status, 502);
    assert.match((await res.json()).error, /embeddings provider failed/);
    assert.equal(sql.transactions, 0);
    assert.equal(sql.documents.size, 0);
  });

  it('rolls back the document when writing a chunk fails', async () => {
    const { post, sql } = setup();
    const query = sql.query.bind(sql);
    sql.query = async <T>(text: string, params?: unknown[]) => {
      if (text.includes('insert into scout.document_chunks'))
        throw new Error('disk full');
      return query<T>(text, params);
    };
    // An unexpected error is a generic 500 (postEndpoint), never its message.
    const res = await post(runbook());
    assert.equal(res.status, 500);
    assert.doesNotMatch((await res.json()).error, /disk full/);
    assert.equal(sql.documents.size, 0);
  });

  it('accepts only POST', async () => {
    const { sql } = setup();
    const handler = createIngestDoc({
      sql,
      jwt: { audience: AUDIENCE, secret: SECRET },
      embeddings: lexical,
      allowedOrigins: [],
      maxBodyBytes: 1000,
    });
    assert.equal(
      (await handler(new Request('http://localhost/ingest-doc'))).status,
      405,
    );
  });
});
