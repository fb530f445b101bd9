import { refuseUnstorableText, unstorableTextAt } from './storableText';

describe('unstorableTextAt', () => {
  it('names the first string or key no database keeps as sent', () => {
    expect(unstorableTextAt({ a: ['ok', 'b\u0000'] })).toEqual({
      path: 'request/body/a/1',
      problem: expect.stringContaining('NUL (U+0000) at index 1'),
    });
    expect(unstorableTextAt({ ok: { ['k\ud800']: 1 } })?.path).toBe(
      'request/body/ok (the key "k\\ud800")',
    );
    expect(unstorableTextAt('\udc00x', 'request/query/q')?.problem).toContain(
      'lone surrogate U+DC00 at index 0',
    );
  });

  it('passes well-formed text: pairs, astral characters, marks, numbers', () => {
    expect(
      unstorableTextAt({ name: '😀 e\u0301 \u202eabc', n: 1, x: null }),
    ).toBeUndefined();
  });
});

describe('refuseUnstorableText', () => {
  const run = (req: { query?: unknown; body?: unknown }) => {
    let passed: unknown = 'not called';
    refuseUnstorableText(req, undefined, error => {
      passed = error;
    });
    return passed;
  };

  it('refuses the query before the body, with a 400 naming where and why', () => {
    const error = run({ query: { q: 'a\u0000' }, body: { b: '\ud800' } });
    expect(error).toMatchObject({
      name: 'InputError',
      message:
        'request/query/q is not storable: Contains NUL (U+0000) at index 1; PostgreSQL text cannot hold it',
    });
  });

  it('lets storable requests through', () => {
    expect(
      run({ query: { q: 'orders' }, body: { name: 'ok' } }),
    ).toBeUndefined();
  });
});
