import {
  parseCommitLimit,
  parseDiffRefs,
  parsePreviewParams,
} from './parseQuery';

describe('parsePreviewParams', () => {
  it('defaults to the first 100 rows of the default reference', () => {
    expect(parsePreviewParams({}, 500)).toEqual({
      ref: undefined,
      snapshot: undefined,
      limit: 100,
      offset: 0,
    });
  });

  it('caps the limit at the configured maximum', () => {
    expect(parsePreviewParams({ limit: 400, offset: 800 }, 250)).toMatchObject({
      limit: 250,
      offset: 800,
    });
  });

  it('keeps snapshot ids exact beyond 2^53', () => {
    expect(
      parsePreviewParams({ snapshot: '4446385836985531229' }, 500).snapshot,
    ).toBe('4446385836985531229');
  });

  it.each([
    [{ limit: 0 }, /limit/],
    [{ offset: -1 }, /offset/],
    [{ offset: 1_000_001 }, /offset/],
    [{ snapshot: '9223372036854775808' }, /snapshot/],
    [{ snapshot: '1 or 1=1' }, /snapshot/],
    [{ ref: "main'; drop table x; --" }, /branch or tag/],
    [{ ref: '../etc' }, /branch or tag/],
  ])('rejects %j', (query, message) => {
    expect(() => parsePreviewParams(query as any, 500)).toThrow(message);
  });
});

describe('parseCommitLimit', () => {
  it('defaults to 50 and allows 1 to 200', () => {
    expect(parseCommitLimit(undefined)).toBe(50);
    expect(parseCommitLimit(200)).toBe(200);
    expect(() => parseCommitLimit(201)).toThrow(/200/);
    expect(() => parseCommitLimit(0)).toThrow(/limit/);
  });
});

describe('parseDiffRefs', () => {
  it('reads from and to by their names in the query', () => {
    expect(parseDiffRefs({ from: 'main', to: 'run-20261127-1' })).toEqual({
      from: 'main',
      to: 'run-20261127-1',
    });
    expect(() => parseDiffRefs({ _from: 'main', to: 'x' })).toThrow(
      /from and to/,
    );
    expect(() => parseDiffRefs({ from: 'main', to: 'x y' })).toThrow(
      /branch or tag/,
    );
  });
});
