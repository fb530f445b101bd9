/**
 * A small dbt project in the shape of a Snowflake one: quoted upper-case
 * relations, a `select *` that only catalog.json can expand, a CTE and a
 * union, one model whose SQL does not parse, and two tests.
 */
export const shopManifest = {
  metadata: {
    adapter_type: 'snowflake',
    project_name: 'shop',
    invocation_id: 'i1',
    generated_at: '2026-01-01T00:00:00Z',
  },
  nodes: {
    'model.shop.orders': {
      resource_type: 'model',
      name: 'orders',
      database: 'ANALYTICS',
      schema: 'STAGING',
      alias: 'ORDERS',
      relation_name: '"ANALYTICS"."STAGING"."ORDERS"',
      columns: {},
      depends_on: {
        nodes: ['source.shop.raw.orders', 'source.shop.raw.old_orders'],
      },
      compiled_code: [
        'with o as (select * from "RAW"."SHOP"."ORDERS")',
        'select ID, AMOUNT * 100 as AMOUNT_CENTS from o',
        'union all select ID, AMOUNT from "RAW"."SHOP"."OLD_ORDERS"',
      ].join('\n'),
    },
    'model.shop.broken': {
      resource_type: 'model',
      name: 'broken',
      database: 'ANALYTICS',
      schema: 'STAGING',
      alias: 'BROKEN',
      relation_name: '"ANALYTICS"."STAGING"."BROKEN"',
      columns: {},
      depends_on: { nodes: ['model.shop.orders'] },
      compiled_code: 'select from where (',
    },
    'test.shop.not_null_orders_id.1a': {
      resource_type: 'test',
      name: 'not_null_orders_id',
      attached_node: 'model.shop.orders',
      column_name: 'ID',
      depends_on: { nodes: ['model.shop.orders'] },
      compiled_code:
        'select * from "ANALYTICS"."STAGING"."ORDERS" where ID is null',
    },
    'test.shop.orders_not_empty': {
      resource_type: 'test',
      name: 'orders_not_empty',
      attached_node: null,
      depends_on: { nodes: ['model.shop.orders'] },
    },
    'test.shop.positive_orders_amount.2b': {
      resource_type: 'test',
      name: 'positive_orders_amount',
      attached_node: 'model.shop.orders',
      column_name: 'AMOUNT',
      depends_on: { nodes: ['model.shop.orders'] },
    },
  },
  sources: {
    'source.shop.raw.orders': {
      resource_type: 'source',
      name: 'orders',
      database: 'RAW',
      schema: 'SHOP',
      identifier: 'ORDERS',
      relation_name: '"RAW"."SHOP"."ORDERS"',
      columns: {},
    },
    'source.shop.raw.old_orders': {
      resource_type: 'source',
      name: 'old_orders',
      database: 'RAW',
      schema: 'SHOP',
      identifier: 'OLD_ORDERS',
      relation_name: '"RAW"."SHOP"."OLD_ORDERS"',
      columns: {},
    },
  },
  exposures: {},
};
export const shopCatalog = {
  metadata: {},
  nodes: {},
  sources: {
    'source.shop.raw.orders': {
      columns: {
        ID: { name: 'ID', type: 'NUMBER', index: 1 },
        AMOUNT: { name: 'AMOUNT', type: 'NUMBER', index: 2 },
      },
    },
  },
};

/**
 * The shop project's test results: one failing, one passing, and one that
 * dbt skipped (it asserted nothing, so it is no failure).
 */
export const shopRunResults = {
  metadata: { generated_at: '2026-01-01T00:05:00Z' },
  results: [
    {
      unique_id: 'test.shop.not_null_orders_id.1a',
      status: 'fail',
      message: 'Got 3 results, configured to fail if != 0',
      failures: 3,
    },
    { unique_id: 'test.shop.orders_not_empty', status: 'pass', failures: 0 },
    {
      unique_id: 'test.shop.positive_orders_amount.2b',
      status: 'skipped',
      message: null,
      failures: null,
    },
  ],
};

/** `dbt source freshness` on the shop project: raw orders are late. */
export const shopSources = {
  metadata: { generated_at: '2026-01-01T00:04:00Z' },
  results: [
    {
      unique_id: 'source.shop.raw.orders',
      status: 'warn',
      max_loaded_at: '2025-12-31T22:00:00+00:00',
      snapshotted_at: '2026-01-01T00:04:00+00:00',
      max_loaded_at_time_ago_in_s: 7440.2,
      criteria: {
        warn_after: { count: 1, period: 'hour' },
        error_after: { count: 6, period: 'hour' },
      },
    },
  ],
};
