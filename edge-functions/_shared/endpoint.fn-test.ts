import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { postEndpoint, RequestContext, requestIdOf } from './endpoint';
import { HttpError, json, ServerErrorContext } from './http';
import { AUDIENCE, SECRET, token } from '../_test/fixtures';

const ORIGIN = 'http://localhost:3000';
const UUID =
  /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
// What a database error from a real write looks like: SQL, bound values, a key.
const LEAKY = new Error(
  'insert into scout.documents (document_id, content) values ($1, $2) ' +
    '- params: ["runbook-1","api_key=sk-live-4f9a8b7c6d5e"]: value too long',
);

function setup(
  fail: (ctx: RequestContext) => unknown,
  onServerError?: (error: unknown, context: ServerErrorContext) => void,
) {
  const seen: { errors: [unknown, string][]; rejected: number[] } = {
    errors: [],
    rejected: [],
  };
  const options = {
    allowedOrigins: [ORIGIN],
    maxBodyBytes: 1024,
    jwt: { audience: AUDIENCE, secret: SECRET },
    onServerError:
      onServerError ??
      ((error: unknown, { requestId }: ServerErrorContext) => {
        seen.errors.push([error, requestId]);
      }),
  };
  const handler = postEndpoint(
    options,
    'ingest',
    async (req, ctx) => {
      const value = fail(ctx);
      if (value instanceof Error || typeof value === 'string') throw value;
      return json(req, options, 200, value);
    },
    status => seen.rejected.push(status),
  );
  const post = async (headers: Record<string, string> = {}) =>
    handler(
      new Request('http://localhost/fn', {
        method: 'POST',
        headers: {
          authorization: `Bearer ${await token({ role: 'service_role' })}`,
          origin: ORIGIN,
          ...headers,
        },
        body: '{}',
      }),
    );
  return { post, seen, handler };
}

describe('server errors', () => {
  it('answers a generic 500 with a request id, and tells only the hook', async () => {
    const { post, seen } = setup(() => LEAKY);
    const res = await post();
    assert.equal(res.status, 500);
    const text = await res.text();
    const body = JSON.parse(text);
    assert.deepEqual(Object.keys(body).sort(), ['error', 'request_id']);
    assert.match(body.request_id, UUID);
    assert.match(body.error, /internal error/);
    assert.ok(body.error.includes(body.request_id));
    for (const leak of [
      'insert',
      'scout.',
      'sk-live',
      'params',
      'at ',
      '.ts',
    ]) {
      assert.ok(!text.includes(leak), `the body contains ${leak}: ${text}`);
    }
    assert.equal(res.headers.get('x-request-id'), body.request_id);
    assert.equal(res.headers.get('access-control-allow-origin'), ORIGIN);
    assert.match(
      res.headers.get('access-control-expose-headers') ?? '',
      /x-request-id/,
    );
    assert.equal(
      res.headers.get('content-type'),
      'application/json; charset=utf-8',
    );
    assert.deepEqual(seen.errors, [[LEAKY, body.request_id]]);
    assert.deepEqual(seen.rejected, [500]);
  });

  it('keeps the message of a 5xx HttpError we raise on purpose', async () => {
    const message =
      'The embeddings provider did not return one vector per chunk.';
    const { post, seen } = setup(() => new HttpError(502, message));
    const res = await post();
    assert.equal(res.status, 502);
    const body = await res.json();
    assert.deepEqual(body, {
      error: message,
      request_id: res.headers.get('x-request-id'),
    });
    assert.equal(seen.errors.length, 1);
    assert.deepEqual(seen.rejected, [502]);
  });

  it('answers the same for a thrown non-Error, and survives a failing hook', async () => {
    const { post } = setup(
      () => 'password=hunter2',
      () => {
        throw new Error('the logger is down');
      },
    );
    const res = await post();
    assert.equal(res.status, 500);
    const text = await res.text();
    assert.ok(!text.includes('hunter2') && !text.includes('logger'), text);
  });

  it('leaves 4xx bodies as they were, with a request id header', async () => {
    const { post, seen } = setup(() => new HttpError(409, 'Conflict.'));
    const res = await post();
    assert.equal(res.status, 409);
    assert.deepEqual(await res.json(), { error: 'Conflict.' });
    assert.match(res.headers.get('x-request-id') ?? '', UUID);
    assert.deepEqual(seen, { errors: [], rejected: [409] });
  });
});

describe('request ids', () => {
  it('uses a sane incoming x-request-id, hands it to the handler and echoes it', async () => {
    const { post } = setup(ctx => ({ seen: ctx.requestId }));
    const res = await post({ 'x-request-id': 'pos-17.batch:42_a' });
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { seen: 'pos-17.batch:42_a' });
    assert.equal(res.headers.get('x-request-id'), 'pos-17.batch:42_a');
  });

  it('replaces an unsafe or oversized one with a new UUID', async () => {
    for (const bad of [
      'a b',
      '<script>',
      '../etc',
      'x'.repeat(129),
      '-lead',
      '',
    ]) {
      assert.match(requestIdOf(bad), UUID, bad);
    }
    assert.match(requestIdOf(null), UUID);
    assert.equal(requestIdOf('x'.repeat(128)), 'x'.repeat(128));
    const { post } = setup(ctx => ({ seen: ctx.requestId }));
    const res = await post({ 'x-request-id': 'drop table; --' });
    const { seen } = await res.json();
    assert.match(seen, UUID);
    assert.equal(res.headers.get('x-request-id'), seen);
  });

  it('tags refusals and preflights too', async () => {
    const { handler } = setup(() => ({}));
    const refused = await handler(
      new Request('http://localhost/fn', { method: 'POST', body: '{}' }),
    );
    assert.equal(refused.status, 401);
    assert.match(refused.headers.get('x-request-id') ?? '', UUID);
    const preflight = await handler(
      new Request('http://localhost/fn', {
        method: 'OPTIONS',
        headers: { origin: ORIGIN, 'x-request-id': 'abc' },
      }),
    );
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('x-request-id'), 'abc');
    assert.match(
      preflight.headers.get('access-control-allow-headers') ?? '',
      /content-encoding/,
    );
  });
});
