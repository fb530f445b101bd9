/**
 * What the scaffold bench (and e2e-tests/scaffold.api.spec.ts) fills in, per
 * template: a made-up source of store returns, a model and a function that
 * every check passes. `suffix` keeps each run's names (and so its
 * repositories) apart.
 */
export const scaffoldSamples: Record<
  string,
  (suffix: string) => Record<string, unknown>
> = {
  'new-data-pipeline': suffix => ({
    name: `pos_returns_${suffix}`,
    owner: 'group:default/data-engineering',
    system: 'system:default/scout-ingestion',
    sourceKind: 'function',
    fields: [
      { name: 'return_id', type: 'uuid' },
      { name: 'store_id', type: 'code' },
      { name: 'returned_at', type: 'timestamp' },
      { name: 'amount', type: 'amount' },
    ],
    dayField: 'returned_at',
    grain: ['store_id'],
    measures: [
      { field: 'amount', aggregate: 'sum' },
      { field: 'return_id', aggregate: 'count' },
    ],
    freshnessMinutes: 60,
  }),
  'new-dbt-model': suffix => ({
    layer: 'gold',
    name: `gold_bench_store_days_${suffix}`,
    owner: 'group:default/data-engineering',
    description: 'Transactions per store and day.',
    parents: ['silver_transactions'],
    sql: [
      'select sale_date, store_id, count(*) as transactions',
      "from {{ ref('silver_transactions') }}",
      'group by 1, 2',
    ].join('\n'),
    columns: [
      { name: 'sale_date', description: 'The day.', tests: ['not_null'] },
      { name: 'store_id', description: 'The store.', tests: ['not_null'] },
      { name: 'transactions', description: 'Transactions that day.' },
    ],
  }),
  'new-edge-function': suffix => ({
    name: `bench-score-${suffix}`,
    description: 'Scores a basket.',
    owner: 'group:default/platform-team',
    system: 'system:default/scout-ingestion',
    scope: 'score',
    fields: [
      { name: 'store_id', type: 'string' },
      { name: 'basket_total', type: 'number' },
    ],
  }),
};
