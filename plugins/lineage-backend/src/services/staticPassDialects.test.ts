import { lineageOf, staticPassOnFiles } from '../__testUtils__/staticPassRun';

// The real static pass on what differs between adapters and dbt features:
// how a table is referred to, how a column's case is kept, what a catalog
// lists, and what an exposure depends on.
const pass = staticPassOnFiles();

/** A manifest of one adapter: sources in raw.app, models in dw.marts. */
function project(
  adapter: string,
  quote: (name: string) => string,
  models: Record<string, string>,
  extra: Record<string, unknown> = {},
) {
  const relation = (db: string, schema: string, name: string) =>
    [db, schema, name].map(quote).join('.');
  const source = (name: string) => ({
    resource_type: 'source',
    name,
    database: 'raw',
    schema: 'app',
    identifier: name,
    relation_name: relation('raw', 'app', name),
  });
  return {
    metadata: { adapter_type: adapter },
    sources: {
      'source.p.app.orders': source('orders'),
      'source.p.app.customers': source('customers'),
    },
    nodes: Object.fromEntries(
      Object.entries(models).map(([name, sql]) => [
        `model.p.${name}`,
        {
          resource_type: 'model',
          name,
          database: 'dw',
          schema: 'marts',
          alias: name,
          relation_name: relation('dw', 'marts', name),
          config: { materialized: 'table' },
          compiled_code: sql.replace(/\{(\w+)\}/g, (_, table) =>
            relation('raw', 'app', table),
          ),
          depends_on: {
            nodes: ['source.p.app.orders', 'source.p.app.customers'],
          },
        },
      ]),
    ),
    ...extra,
  };
}
const quoted = (q: string) => (name: string) => `${q}${name}${q}`;

describe('the static pass across adapters', () => {
  // `orders.id` names the table of `from db.app.orders`, which has no alias.
  const JOIN = `select orders.id as order_id, customers.name as customer_name
    from {orders} join {customers} on orders.customer_id = customers.id`;

  it.each([
    ['postgres', quoted('"'), ['order_id', 'customer_name'], ['id', 'name']],
    ['bigquery', quoted('`'), ['order_id', 'customer_name'], ['id', 'name']],
    [
      'snowflake',
      (n: string) => n,
      ['ORDER_ID', 'CUSTOMER_NAME'],
      ['ID', 'NAME'],
    ],
  ])(
    'follows columns qualified by a bare table name on %s',
    async (adapter, quote, [orderId, customerName], [id, name]) => {
      const { events } = await pass({
        manifest: project(adapter, quote, { joined: JOIN }),
      });
      expect(lineageOf(events)['dw.marts.joined']).toEqual({
        inputs: ['raw.app.orders', 'raw.app.customers'],
        [orderId]: [`raw.app.orders.${id} IDENTITY`],
        [customerName]: [`raw.app.customers.${name} IDENTITY`],
      });
    },
  );

  it('names a column as the warehouse does: an alias as written where case is kept, folded where it is not', async () => {
    const sql =
      'select id as OrderId, sum(amount) as "TotalAmount" from {orders} group by 1';
    const columns = async (adapter: string, quote: (n: string) => string) => {
      const { events } = await pass({
        manifest: project(adapter, quote, {
          totals: adapter === 'bigquery' ? sql.replace(/"/g, '`') : sql,
        }),
      });
      return Object.keys(lineageOf(events)['dw.marts.totals']).slice(1);
    };
    expect(await columns('bigquery', quoted('`'))).toEqual([
      'OrderId',
      'TotalAmount',
    ]);
    expect(await columns('duckdb', quoted('"'))).toEqual([
      'OrderId',
      'TotalAmount',
    ]);
    // PostgreSQL folds an unquoted alias to lower case, Snowflake to upper.
    expect(await columns('postgres', quoted('"'))).toEqual([
      'orderid',
      'TotalAmount',
    ]);
    expect(await columns('snowflake', (n: string) => n)).toEqual([
      'ORDERID',
      'TotalAmount',
    ]);
  });

  it("names a table as the warehouse keeps it: Trino's lower case, PostgreSQL's quoted case", async () => {
    const models = {
      DailyOrders:
        'select o.id, l.note from {orders} o join "Dev"."Legacy"."Notes" l on l.id = o.id',
    };
    const names = async (adapter: string) => {
      const { events } = await pass({
        manifest: project(adapter, quoted('"'), models),
      });
      const [[output, lineage]] = Object.entries(lineageOf(events));
      return { output, ...lineage };
    };
    // Trino's listener reports dw.marts.dailyorders: the pass must too.
    expect(await names('trino')).toEqual({
      output: 'dw.marts.dailyorders',
      inputs: ['raw.app.orders', 'raw.app.customers', 'dev.legacy.notes'],
      id: ['raw.app.orders.id IDENTITY'],
      note: ['dev.legacy.notes.note IDENTITY'],
    });
    expect(await names('postgres')).toEqual({
      output: 'dw.marts.DailyOrders',
      inputs: ['raw.app.orders', 'raw.app.customers', 'Dev.Legacy.Notes'],
      id: ['raw.app.orders.id IDENTITY'],
      note: ['Dev.Legacy.Notes.note IDENTITY'],
    });
  });

  it('lists a table named without ref() or source() as an input, and no dataset without a name', async () => {
    const { events } = await pass({
      manifest: project('duckdb', quoted('"'), {
        legacy: 'select id, amount from "dev"."legacy"."orders"',
        files:
          "select id, amount * 2 as dbl from read_parquet('s3://b/o/*.parquet')",
      }),
    });
    const lineage = lineageOf(events);
    // Its depends_on (both sources) and the table its SQL names.
    expect(lineage['dw.marts.legacy']).toEqual({
      inputs: ['raw.app.orders', 'raw.app.customers', 'dev.legacy.orders'],
      id: ['dev.legacy.orders.id IDENTITY'],
      amount: ['dev.legacy.orders.amount IDENTITY'],
    });
    expect(lineage['dw.marts.files']).toEqual({
      inputs: ['raw.app.orders', 'raw.app.customers'],
      id: [],
      dbl: [],
    });
  });

  it("takes BigQuery's nested field paths as part of their column, not columns", async () => {
    const column = (name: string, index: number) => ({
      name,
      type: 'STRING',
      index,
    });
    const { events } = await pass({
      manifest: project('bigquery', quoted('`'), {
        copied: 'select * from {orders}',
      }),
      catalog: {
        metadata: {},
        nodes: {},
        sources: {
          'source.p.app.orders': {
            columns: Object.fromEntries(
              ['id', 'customer', 'customer.id', 'customer.address.city'].map(
                (name, i) => [name, column(name, i)],
              ),
            ),
          },
        },
      },
    });
    expect(Object.keys(lineageOf(events)['dw.marts.copied'])).toEqual([
      'inputs',
      'id',
      'customer',
    ]);
  });

  it('reads what an exposure depends on through metrics and semantic models', async () => {
    const manifest = project(
      'postgres',
      quoted('"'),
      { fct_orders: 'select id, amount from {orders}' },
      {
        semantic_models: {
          'semantic_model.p.orders': {
            depends_on: { nodes: ['model.p.fct_orders'] },
          },
        },
        metrics: {
          'metric.p.revenue': {
            depends_on: { nodes: ['semantic_model.p.orders'] },
          },
        },
        exposures: {
          'exposure.p.board': {
            name: 'board',
            type: 'dashboard',
            depends_on: { nodes: ['metric.p.revenue', 'metric.p.gone'] },
          },
        },
      },
    );
    const { events, summary } = await pass({ manifest });
    expect(lineageOf(events)['exposure.p.board']).toEqual({
      inputs: ['dw.marts.fct_orders'],
    });
    expect(summary.warnings).toEqual([
      'metric.p.gone: not in the manifest; left out of what reads it',
    ]);
  });

  it("leaves another project's public model (dbt mesh) to that project's events", async () => {
    const manifest = project('postgres', quoted('"'), {
      customer_orders: 'select id from {orders}',
    });
    (manifest.metadata as Record<string, unknown>).project_name = 'p';
    (manifest.nodes as Record<string, unknown>)['model.core.dim_customers'] = {
      resource_type: 'model',
      package_name: 'core',
      name: 'dim_customers',
      database: 'dw',
      schema: 'core',
      relation_name: '"dw"."core"."dim_customers"',
      access: 'public',
      depends_on: { nodes: [] },
    };
    const { events, summary } = await pass({ manifest });
    expect(events.map(e => e.job.name)).toEqual(['model.p.customer_orders']);
    expect(summary.warnings).toEqual([]);
  });

  it("takes DuckDB's COLUMNS() as its declared columns, not an invented one", async () => {
    const manifest = project('duckdb', quoted('"'), {
      picked: "select id, columns('^amount') from {orders}",
    });
    (manifest.nodes['model.p.picked'] as any).columns = {
      amount: { name: 'amount' },
    };
    const { events } = await pass({ manifest });
    expect(lineageOf(events)['dw.marts.picked']).toEqual({
      inputs: ['raw.app.orders', 'raw.app.customers'],
      id: ['raw.app.orders.id IDENTITY'],
      amount: ['raw.app.orders.amount IDENTITY'],
    });
  });
});
