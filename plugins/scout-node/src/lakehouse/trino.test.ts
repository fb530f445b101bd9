import type { QueryResult } from 'trino-client';
import { collectResult, collectRows, TrinoQueryError } from './trino';

/** Pages as trino-client's iterator hands them out: the last one again with done=true. */
function pages(...results: QueryResult[]) {
  let i = 0;
  return {
    async next(): Promise<IteratorResult<QueryResult>> {
      if (i < results.length) return { value: results[i++], done: false };
      return { value: results[results.length - 1], done: true };
    },
  };
}

describe('collectRows', () => {
  it('joins the rows of every page, once', async () => {
    const rows = await collectRows(
      pages(
        { id: 'q1', data: [[1], [2]] },
        { id: 'q1' },
        { id: 'q1', data: [[3]] },
      ),
      'select',
    );
    expect(rows).toEqual([[1], [2], [3]]);
  });

  it('keeps the rows of a result that is done at once', async () => {
    const only = { id: 'q1', data: [['x']] };
    const iterator = {
      next: async () => ({ value: only, done: true as const }),
    };
    expect(await collectRows(iterator, 'select')).toEqual([['x']]);
  });

  it("throws Trino's message, error name and query id", async () => {
    const failing = pages({
      id: '20261127_0001',
      error: {
        message: "line 1:15: Table 'iceberg.bronze.nope' does not exist",
        errorName: 'TABLE_NOT_FOUND',
        errorCode: 46,
        errorType: 'USER_ERROR',
        failureInfo: { type: '', message: '', suppressed: [], stack: [] },
      },
    });
    const error = await collectRows(
      failing,
      'select *\nfrom iceberg.bronze.nope',
    ).catch(e => e);
    expect(error).toBeInstanceOf(TrinoQueryError);
    expect(error.message).toBe(
      "Trino query 20261127_0001 failed: line 1:15: Table 'iceberg.bronze.nope' does not exist [TABLE_NOT_FOUND]\n  in: select *",
    );
    expect(error.queryId).toBe('20261127_0001');
  });
});

describe('collectResult', () => {
  it('names and types the columns, from the first page that has them', async () => {
    const columns = [
      { name: 'sale_date', type: 'date' },
      { name: 'revenue', type: 'decimal(14,2)' },
    ];
    const result = await collectResult(
      pages(
        { id: 'q1' },
        { id: 'q1', columns, data: [['2026-11-19', '12.50']] },
        { id: 'q1', columns, data: [['2026-11-20', '3.00']] },
      ),
      'select',
    );
    expect(result).toEqual({
      columns,
      rows: [
        ['2026-11-19', '12.50'],
        ['2026-11-20', '3.00'],
      ],
    });
  });
});
