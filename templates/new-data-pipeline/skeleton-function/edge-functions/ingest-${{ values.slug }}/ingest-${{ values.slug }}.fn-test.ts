import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type {
  QueryResult,
  Sql,
  SqlTransaction,
} from '@internal/backstage-plugin-scout-common';
import { AUDIENCE, SECRET, token } from '../_test/fixtures';
import { createIngest${{ values.pascal }} } from './index';

/**
 * Keeps what each insert into bronze was given (one array per column, then
 * the request id), so the handler's own logic is tested without a server.
 */
class FakeSql implements Sql {
  inserts: unknown[][] = [];

  async query<T>(sql: string, params: unknown[] = []): Promise<QueryResult<T>> {
    if (!sql.includes('insert into scout.bronze_${{ values.name }}')) {
      throw new Error(`FakeSql does not know: ${sql}`);
    }
    this.inserts.push(params);
    return { rows: [], rowCount: (params[0] as unknown[]).length };
  }

  async transaction<T>(fn: (tx: SqlTransaction) => Promise<T>): Promise<T> {
    const copyRows = async () => {
      throw new Error('FakeSql does not COPY');
    };
    return fn({ query: this.query.bind(this), copyRows });
  }
}

const record = (overrides: Record<string, unknown> = {}) => ({
{% for f in values.fields %}
  ${{ f.name }}: ${{ values.types[f.type].example | replace('"', "'") }},
{% endfor %}
  ...overrides,
});

function setup() {
  const sql = new FakeSql();
  const handler = createIngest${{ values.pascal }}({
    sql,
    jwt: { audience: AUDIENCE, secret: SECRET },
    allowedOrigins: [],
    maxBodyBytes: 1_000_000,
  });
  const post = async (
    body: unknown,
    claims: Record<string, unknown> | null = { role: 'service_role' },
  ) =>
    handler(
      new Request('http://localhost/ingest-${{ values.slug }}', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-request-id': 'req-1',
          ...(claims ? { authorization: `Bearer ${await token(claims)}` } : {}),
        },
        body: JSON.stringify(body),
      }),
    );
  return { sql, post };
}

describe('ingest-${{ values.slug }}', () => {
  it('writes one record to bronze with its request id', async () => {
    const { sql, post } = setup();
    const res = await post(record());
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { accepted: 1 });
    const columns = Object.values(record()).map(value => [value]);
    assert.deepEqual(sql.inserts, [[...columns, 'req-1']]);
  });

  it('writes a batch in one statement, one array per column', async () => {
    const { sql, post } = setup();
    const res = await post({ records: [record(), record()] });
    assert.deepEqual(await res.json(), { accepted: 2 });
    assert.equal(sql.inserts.length, 1);
    assert.equal((sql.inserts[0][0] as unknown[]).length, 2);
  });

  it('rejects a batch with an invalid record whole, listing where, and writes nothing', async () => {
    const { sql, post } = setup();
    const invalid = record({
      ${{ values.fields[0].name }}: ${{ values.types[values.fields[0].type].invalid | replace('"', "'") }},
      extra: 1,
    });
    const res = await post({ records: [record(), invalid] });
    assert.equal(res.status, 400);
    const { problems } = await res.json();
    assert.deepEqual(
      problems
        .map((p: { index: number; path: string }) => [p.index, p.path])
        .sort(),
      [
        [1, '${{ values.fields[0].name }}'],
        [1, 'extra'],
      ].sort(),
    );
    assert.equal(sql.inserts.length, 0);
  });

  it('rejects a record without its fields, naming each', async () => {
    const { post } = setup();
    const res = await post({});
    assert.equal(res.status, 400);
    const { problems } = await res.json();
    const paths = problems.map((p: { path: string }) => p.path);
    assert.deepEqual(paths.sort(), Object.keys(record()).sort());
  });

  it('refuses a request without a token, and one without the ingest scope', async () => {
    const { sql, post } = setup();
    assert.equal((await post(record(), null)).status, 401);
    assert.equal((await post(record(), { role: 'authenticated' })).status, 403);
    assert.equal(sql.inserts.length, 0);
  });
});
