import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createScoreBasket, ScoreBasketInput } from './index';
import { AUDIENCE, SECRET, token } from '../_test/fixtures';

const SCOPE = 'score';

const VALID: ScoreBasketInput = {
  store_id: 'example',
  basket_total: 1.5,
  item_count: 2,
  member: true,
  transaction_id: '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b',
  occurred_at: '2026-11-20T08:15:00+08:00',
};

// One value of the wrong type (or form) per field.
const WRONG: Record<string, unknown> = {
  store_id: 42,
  basket_total: '1.5',
  item_count: 2.5,
  member: 'true',
  transaction_id: 'not-a-uuid',
  occurred_at: '2026-11-20',
};

function setup() {
  const seen: ScoreBasketInput[] = [];
  const handler = createScoreBasket({
    jwt: { audience: AUDIENCE, secret: SECRET },
    allowedOrigins: [],
    maxBodyBytes: 10_000,
    run: async input => {
      seen.push(input);
      return { done: true };
    },
  });
  const post = async (
    body: unknown,
    claims: Record<string, unknown> | null = { scope: SCOPE },
  ) =>
    handler(
      new Request('http://localhost/score-basket', {
        method: 'POST',
        headers: claims
          ? { authorization: `Bearer ${await token(claims)}` }
          : {},
        body: JSON.stringify(body),
      }),
    );
  return { seen, post };
}

const pathsOf = async (res: Response) =>
  ((await res.json()).problems as { path: string }[]).map(p => p.path);

describe('score-basket', () => {
  it('hands a valid body to run and answers with its result', async () => {
    const { seen, post } = setup();
    const res = await post(VALID);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { done: true });
    assert.deepEqual(seen, [VALID]);
  });

  it('lists each missing field and unknown key, and runs nothing', async () => {
    const { seen, post } = setup();
    const res = await post({ unexpected: 1 });
    assert.equal(res.status, 400);
    assert.deepEqual(
      (await pathsOf(res)).sort(),
      [...Object.keys(VALID), 'unexpected'].sort(),
    );
    assert.deepEqual(seen, []);
  });

  it('refuses a value of the wrong type in each field', async () => {
    const { seen, post } = setup();
    for (const [field, value] of Object.entries(WRONG)) {
      const res = await post({ ...VALID, [field]: value });
      assert.equal(res.status, 400, field);
      assert.deepEqual(await pathsOf(res), [field]);
    }
    assert.deepEqual(seen, []);
  });

  it('needs a bearer token with its scope or service_role', async () => {
    const { seen, post } = setup();
    assert.equal((await post(VALID, null)).status, 401);
    assert.equal((await post(VALID, { role: 'authenticated' })).status, 403);
    assert.equal((await post(VALID, { role: 'service_role' })).status, 200);
    assert.equal(seen.length, 1);
  });
});
