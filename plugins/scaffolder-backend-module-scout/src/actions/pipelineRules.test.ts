import { type PipelineShape, pipelineProblems } from './pipelineRules';

const visits: PipelineShape = {
  fields: [
    { name: 'store_id', type: 'code' },
    { name: 'visited_at', type: 'timestamp' },
    { name: 'visitors', type: 'integer' },
    { name: 'note', type: 'text' },
  ],
  dayField: 'visited_at',
  grain: ['store_id'],
  measures: [
    { field: 'visitors', aggregate: 'sum' },
    { field: 'note', aggregate: 'count' },
    { field: 'visited_at', aggregate: 'max' },
  ],
};

describe('pipelineProblems', () => {
  it('accepts fields, a day, grain and measures that fit together', async () => {
    expect(await pipelineProblems(visits)).toEqual([]);
  });

  it.each([
    [
      "a PostgreSQL keyword, with PostgreSQL's message",
      { fields: [...visits.fields, { name: 'select', type: 'text' }] },
      'field select: PostgreSQL does not take it as a column name (syntax error at or near "select"); choose another',
    ],
    [
      'a Trino keyword that PostgreSQL takes',
      { fields: [...visits.fields, { name: 'values', type: 'text' }] },
      'field values: a reserved word in Trino; choose another name',
    ],
    [
      'a column the pipeline adds',
      { fields: [...visits.fields, { name: 'loaded_at', type: 'timestamp' }] },
      'field loaded_at: the pipeline adds a column of that name; choose another',
    ],
    [
      'a field listed twice',
      { fields: [...visits.fields, { name: 'note', type: 'code' }] },
      'field note is listed twice',
    ],
    [
      'a day from a number',
      { dayField: 'visitors' },
      'day field visitors: must be one of the timestamp or date fields',
    ],
    [
      'a grain that is no field',
      { grain: ['region'] },
      'grain region is not among the fields (store_id, visited_at, visitors, note)',
    ],
    [
      'a measure of no field',
      { measures: [{ field: 'spend', aggregate: 'sum' }] },
      'measure sum_spend: spend is not among the fields (store_id, visited_at, visitors, note)',
    ],
    [
      'an average of text',
      { measures: [{ field: 'note', aggregate: 'avg' }] },
      'measure avg_note: avg takes a number, and note is text',
    ],
    [
      'the maximum of a boolean',
      {
        fields: [...visits.fields, { name: 'repeat', type: 'boolean' }],
        measures: [{ field: 'repeat', aggregate: 'max' }],
      },
      'measure max_repeat: max does not take a boolean',
    ],
    [
      'two measures of one column name',
      {
        measures: [
          { field: 'visitors', aggregate: 'sum' },
          { field: 'visitors', aggregate: 'sum' },
        ],
      },
      'measure sum_visitors: the gold model has that column already',
    ],
  ])('refuses %s', async (_, change, problem) => {
    expect(await pipelineProblems({ ...visits, ...change })).toEqual([problem]);
  });
});
