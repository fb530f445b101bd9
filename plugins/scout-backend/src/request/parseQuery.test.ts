import { parseRunsQuery, parseSummaryHours } from './parseQuery';

describe('parseRunsQuery', () => {
  it('defaults to the 20 newest runs of any status', () => {
    expect(parseRunsQuery({})).toEqual({ limit: 20, status: undefined });
    expect(parseRunsQuery({ limit: 500, status: 'failed' })).toEqual({
      limit: 500,
      status: 'failed',
    });
  });

  it.each([
    [{ limit: 0 }, /limit must be an integer from 1 to 500/],
    [{ limit: 501 }, /limit/],
    [{ limit: 2.5 }, /limit/],
    [{ limit: 'ten' }, /limit/],
    [{ status: 'done' }, /status must be one of running, published, failed/],
  ])('rejects %j', (query, message) => {
    expect(() => parseRunsQuery(query)).toThrow(message);
  });
});

describe('parseSummaryHours', () => {
  it('defaults to a day and allows up to a week', () => {
    expect(parseSummaryHours({})).toBe(24);
    expect(parseSummaryHours({ hours: 168 })).toBe(168);
    expect(parseSummaryHours({ hours: '6' })).toBe(6);
    expect(() => parseSummaryHours({ hours: 169 })).toThrow(/1 to 168/);
    expect(() => parseSummaryHours({ hours: 0 })).toThrow(/hours/);
  });
});
