import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createIngestDoc } from './index';
import { embedChecked } from './vectors';
import { FakeDocumentsSql } from '../_test/documentsSql';
import type { EmbeddingsProvider } from '../_shared/embeddings';
import { AUDIENCE, SECRET, token } from '../_test/fixtures';

// Every value the schema accepts must be storable: what PostgreSQL would
// refuse (NUL, lone surrogates, vectors outside float4) is a 400 naming the
// path, or a 502 naming the provider's fault, before anything is written.

/** A provider that answers every text with `vector` (default: 256 small numbers). */
function fixed(vector: unknown[] = Array(256).fill(0.1)): EmbeddingsProvider {
  return {
    model: 'fixed',
    dimensions: 256,
    embed: async texts => texts.map(() => vector as number[]),
  };
}

function setup(embeddings = fixed(), columnType?: string) {
  const sql = new FakeDocumentsSql(columnType);
  const handler = createIngestDoc({
    sql,
    jwt: { audience: AUDIENCE, secret: SECRET },
    embeddings,
    allowedOrigins: [],
    maxBodyBytes: 100_000,
  });
  const post = async (body: string) =>
    handler(
      new Request('http://localhost/ingest-doc', {
        method: 'POST',
        headers: {
          authorization: `Bearer ${await token({ role: 'service_role' })}`,
        },
        body,
      }),
    );
  return { sql, post };
}

const doc = (overrides: Record<string, unknown> = {}) =>
  JSON.stringify({
    document_id: 'note-1',
    title: 'A note',
    content: 'Some text.',
    ...overrides,
  });

describe('ingest-doc refuses what PostgreSQL cannot store', () => {
  for (const [name, body, path, message] of [
    ['NUL in the content', doc({ content: 'a\u0000b' }), 'content', /NUL/],
    ['NUL in the title', doc({ title: '\u0000' }), 'title', /NUL/],
    [
      'NUL in a metadata value',
      doc({ metadata: { k: 'a\u0000' } }),
      'metadata.k',
      /NUL/,
    ],
    // Written by hand: JSON.stringify would escape it the same way, but this is the wire form.
    [
      'a lone surrogate in metadata',
      doc().replace('}', ',"metadata":{"k":"x\\udc00y"}}'),
      'metadata.k',
      /lone surrogate U\+DC00/,
    ],
    [
      'a lone surrogate in the title',
      doc({ title: 'x\ud800' }),
      'title',
      /lone surrogate/,
    ],
    [
      'NUL in a metadata key',
      doc({ metadata: { 'a\u0000': 'v' } }),
      'metadata.a\u0000',
      /Invalid key: .*NUL/,
    ],
    [
      'a 65-character key',
      doc({ metadata: { ['k'.repeat(65)]: 'v' } }),
      `metadata.${'k'.repeat(65)}`,
      /Invalid key: .*64/,
    ],
    [
      'a "__proto__" key',
      doc().replace('}', ',"metadata":{"__proto__":"x"}}'),
      'metadata.__proto__',
      /reserved/,
    ],
  ] as const) {
    it(`${name}: 400 naming ${JSON.stringify(path)}`, async () => {
      const { sql, post } = setup();
      const res = await post(body);
      assert.equal(res.status, 400);
      const problems: { path: string; message: string }[] = (await res.json())
        .problems;
      const problem = problems.find(p => p.path === path);
      assert.ok(problem, JSON.stringify(problems));
      assert.match(problem.message, message);
      assert.equal(sql.transactions, 0);
    });
  }
});

describe('ingest-doc refuses vectors the column cannot hold', () => {
  const bad: [string, unknown[], RegExp][] = [
    ['NaN', [NaN, ...Array(255).fill(0)], /vector 0 has NaN at component 0/],
    [
      'Infinity',
      [...Array(255).fill(0), Infinity],
      /Infinity at component 255/,
    ],
    [
      '1e39, past float4',
      [1e39, ...Array(255).fill(0)],
      /1e\+39 at component 0; float4/,
    ],
    ['255 numbers', Array(255).fill(0), /has 255 numbers, not 256/],
    ['a string', ['0.1', ...Array(255).fill(0)], /string at component 0/],
  ];
  for (const [name, vector, message] of bad) {
    it(`${name}: 502 naming the fault, nothing written`, async () => {
      const { sql, post } = setup(fixed(vector));
      const res = await post(doc());
      assert.equal(res.status, 502);
      assert.match((await res.json()).error, message);
      assert.equal(sql.transactions, 0);
    });
  }

  it('a provider that throws a plain error: 502 without its message', async () => {
    const { sql, post } = setup({
      ...fixed(),
      embed: async () => {
        throw new TypeError('socket hang up, key sk-secret');
      },
    });
    const res = await post(doc());
    assert.equal(res.status, 502);
    const { error } = await res.json();
    assert.match(error, /embeddings provider failed \(TypeError\)/);
    assert.doesNotMatch(error, /sk-secret/);
    assert.equal(sql.transactions, 0);
  });

  it('a provider that answers with fewer vectors: 502', async () => {
    await assert.rejects(
      embedChecked({ ...fixed(), embed: async () => [] }, ['a']),
      /one vector per chunk/,
    );
  });

  it('writes each number as the float4 it becomes, -0 and tiny values included', async () => {
    const vector = [0.1, -0, 1e-50, 3.4028235e38, ...Array(252).fill(1)];
    for (const column of ['real[]', 'vector(256)']) {
      const { sql, post } = setup(fixed(vector), column);
      assert.equal((await post(doc())).status, 200);
      const literal = sql.chunks[0].embedding ?? '';
      assert.ok(
        literal
          .slice(1)
          .startsWith('0.10000000149011612,-0,0,3.4028234663852886e+38,1,'),
        literal.slice(0, 80),
      );
    }
  });
});
