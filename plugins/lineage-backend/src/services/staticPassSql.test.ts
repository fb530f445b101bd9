import { InputError } from '@backstage/errors';
import { lineageOf, staticPassOnFiles } from '../__testUtils__/staticPassRun';

// The real static pass (the venv's Python and sqlglot) on SQL shapes that
// real dbt projects write, in a hand-made DuckDB project.
const ORDERS = 'source.p.raw.orders';
const OLD = 'source.p.raw.old_orders';
const CUSTOMERS = 'source.p.raw.customers';
const EVENTS = 'source.p.raw.events'; // not in the catalog

const source = (name: string) => ({
  resource_type: 'source',
  name,
  database: 'raw',
  schema: 's',
  identifier: name,
  relation_name: `"raw"."s"."${name}"`,
});
const model = (
  name: string,
  sql: string,
  parents: string[],
  materialized = 'table',
) => ({
  resource_type: 'model',
  name,
  database: 'dw',
  schema: 'main',
  alias: name,
  relation_name: materialized === 'ephemeral' ? null : `"dw"."main"."${name}"`,
  config: { materialized },
  compiled_code: sql,
  depends_on: { nodes: parents },
});
const DOUBLED = 'select id, amount * 2 as doubled from "raw"."s"."orders"';
const manifest = {
  metadata: {
    adapter_type: 'duckdb',
    project_name: 'p',
    dbt_schema_version: 'https://schemas.getdbt.com/dbt/manifest/v12.json',
  },
  sources: {
    [ORDERS]: source('orders'),
    [OLD]: source('old_orders'),
    [CUSTOMERS]: source('customers'),
    [EVENTS]: source('events'),
  },
  nodes: {
    'model.p.all_orders': model(
      'all_orders',
      `with all_orders as (
         select id, amount from "raw"."s"."orders"
         union all
         select legacy_id, legacy_amount * 100 from "raw"."s"."old_orders"
       ) select id, amount from all_orders`,
      [ORDERS, OLD],
    ),
    'model.p.last_orders': model(
      'last_orders',
      `select c.customer_id,
         (select max(o.ordered_at) from "raw"."s"."orders" o
          where o.customer_id = c.customer_id) as last_order_at
       from "raw"."s"."customers" c`,
      [CUSTOMERS, ORDERS],
    ),
    'model.p.doubled': model('doubled', DOUBLED, [ORDERS], 'ephemeral'),
    // dbt inlines an ephemeral parent as a CTE named __dbt__cte__<name>.
    'model.p.child': model(
      'child',
      `with __dbt__cte__doubled as (${DOUBLED})
       select doubled from __dbt__cte__doubled`,
      ['model.p.doubled'],
    ),
    'model.p.tags': model(
      'tags',
      'select o.id, t.tag from "raw"."s"."orders" o, unnest(o.tags) as t(tag)',
      [ORDERS],
    ),
    // A snapshot is a table written from a SELECT, as a model is.
    'snapshot.p.orders_snap': {
      ...model('orders_snap', 'select id, amount from "raw"."s"."orders"', [
        ORDERS,
      ]),
      resource_type: 'snapshot',
    },
    'model.p.scored': {
      ...model('scored', 'def model(dbt, session): ...', [
        'snapshot.p.orders_snap',
      ]),
      language: 'python',
    },
    'model.p.windows': model(
      'windows',
      `select sum(amount) over (partition by customer_id) as running,
         lag(amount) over (order by id) as previous
       from "raw"."s"."orders"`,
      [ORDERS],
    ),
    'model.p.renamed': model(
      'renamed',
      'select o.key, o.money from "raw"."s"."orders" as o(key, money)',
      [ORDERS],
    ),
    // Columns unknown: its star stays unexpanded, and its children still
    // find what they read from it.
    'model.p.stg_events': model(
      'stg_events',
      'select * from "raw"."s"."events"',
      [EVENTS],
    ),
    'model.p.joined': model(
      'joined',
      `select event_id, name from "dw"."main"."stg_events"
       join "raw"."s"."customers" using (customer_id)`,
      ['model.p.stg_events', CUSTOMERS],
    ),
    'model.p.everything': model(
      'everything',
      'select * from "raw"."s"."orders"',
      [ORDERS],
    ),
  },
};
const columns = (...names: string[]) => ({
  columns: Object.fromEntries(
    names.map((name, index) => [
      name.toUpperCase(),
      { name, type: 'TEXT', index },
    ]),
  ),
});
const catalog = {
  metadata: {
    dbt_schema_version: 'https://schemas.getdbt.com/dbt/catalog/v1.json',
  },
  nodes: {},
  sources: {
    [ORDERS]: columns(
      'id',
      'amount',
      'customer_id',
      'ordered_at',
      'userId',
      'tags',
    ),
    [OLD]: columns('legacy_id', 'legacy_amount'),
    [CUSTOMERS]: columns('customer_id', 'name'),
  },
};

const pass = staticPassOnFiles();

describe('the static pass on the SQL of real projects', () => {
  it('follows unions by position, subqueries, UNNEST, windows, column aliases, ephemeral parents and snapshots, keeping column case', async () => {
    const { events, summary } = await pass({ manifest, catalog });
    expect(summary.warnings).toEqual([
      'model.p.scored: a Python model; table lineage only',
    ]);
    expect(lineageOf(events)).toEqual({
      // A union's columns match by place, whatever each branch names them.
      'dw.main.all_orders': {
        inputs: ['raw.s.orders', 'raw.s.old_orders'],
        id: ['raw.s.old_orders.legacy_id IDENTITY', 'raw.s.orders.id IDENTITY'],
        amount: [
          'raw.s.old_orders.legacy_amount TRANSFORMATION',
          'raw.s.orders.amount IDENTITY',
        ],
      },
      // A correlated subquery's column is read in its own scope.
      'dw.main.last_orders': {
        inputs: ['raw.s.customers', 'raw.s.orders'],
        customer_id: ['raw.s.customers.customer_id IDENTITY'],
        last_order_at: ['raw.s.orders.ordered_at AGGREGATION'],
      },
      // An ephemeral model is no table: its child reads what it reads.
      'dw.main.child': {
        inputs: ['raw.s.orders'],
        doubled: ['raw.s.orders.amount TRANSFORMATION'],
      },
      'dw.main.tags': {
        inputs: ['raw.s.orders'],
        id: ['raw.s.orders.id IDENTITY'],
        tag: ['raw.s.orders.tags TRANSFORMATION'],
      },
      'dw.main.orders_snap': {
        inputs: ['raw.s.orders'],
        id: ['raw.s.orders.id IDENTITY'],
        amount: ['raw.s.orders.amount IDENTITY'],
      },
      // No SQL to read: what it reads, without columns.
      'dw.main.scored': { inputs: ['dw.main.orders_snap'] },
      // A window's keys are read too (as Trino's analyzer lists them); lag()
      // picks a row's value, it combines none.
      'dw.main.windows': {
        inputs: ['raw.s.orders'],
        running: [
          'raw.s.orders.amount AGGREGATION',
          'raw.s.orders.customer_id AGGREGATION',
        ],
        previous: [
          'raw.s.orders.amount TRANSFORMATION',
          'raw.s.orders.id TRANSFORMATION',
        ],
      },
      // A table alias's column list renames the table's columns in order.
      'dw.main.renamed': {
        inputs: ['raw.s.orders'],
        key: ['raw.s.orders.id IDENTITY'],
        money: ['raw.s.orders.amount IDENTITY'],
      },
      'dw.main.stg_events': { inputs: ['raw.s.events'] },
      // Not in customers: from the one source whose columns are unknown.
      'dw.main.joined': {
        inputs: ['dw.main.stg_events', 'raw.s.customers'],
        event_id: ['dw.main.stg_events.event_id IDENTITY'],
        name: ['raw.s.customers.name IDENTITY'],
      },
      // `select *` from the catalog keeps each column's case (userId).
      'dw.main.everything': {
        inputs: ['raw.s.orders'],
        ...Object.fromEntries(
          ['id', 'amount', 'customer_id', 'ordered_at', 'userId', 'tags'].map(
            c => [c, [`raw.s.orders.${c} IDENTITY`]],
          ),
        ),
      },
    });
  });

  it('reads SQL Server as T-SQL, and says when an adapter has no dialect', async () => {
    const tsql = (adapter: string) => ({
      metadata: { adapter_type: adapter },
      sources: { [ORDERS]: source('orders') },
      nodes: {
        'model.p.top': model(
          'top',
          'select top 5 [order id] as order_id from "raw"."s"."orders"',
          [ORDERS],
        ),
      },
    });
    const sqlserver = await pass({ manifest: tsql('sqlserver') });
    expect(sqlserver.summary.warnings).toEqual([]);
    expect(lineageOf(sqlserver.events)['dw.main.top']).toEqual({
      inputs: ['raw.s.orders'],
      order_id: ['raw.s.orders.order id IDENTITY'],
    });
    const exotic = await pass({ manifest: tsql('exotic') });
    expect(exotic.summary.warnings).toContainEqual(
      'adapter exotic: no sqlglot dialect of that name; its SQL is read as generic SQL',
    );
  });

  it.each([
    [
      'a catalog given as the manifest',
      { manifest: catalog },
      'manifest.json is a dbt catalog.json, not a manifest.json',
    ],
    [
      'nodes as a list',
      { manifest: { ...manifest, nodes: [] } },
      'manifest.json: nodes must be an object of entries by id',
    ],
    [
      'depends_on.nodes as a string',
      {
        manifest: {
          ...manifest,
          nodes: { 'model.p.a': { depends_on: { nodes: 'model.p.b' } } },
        },
      },
      'manifest.json: nodes.model.p.a.depends_on.nodes must be a list of ids',
    ],
    [
      'a catalog column without a name',
      {
        manifest,
        catalog: { ...catalog, sources: { [ORDERS]: { columns: { X: {} } } } },
      },
      `catalog.json: sources.${ORDERS}.columns.X must be an object with a name`,
    ],
  ])('refuses %s, saying which file and where', async (_, files, message) => {
    const error = await pass(files).catch(e => e);
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toContain(message);
  });
});
