import { FakeSuperset } from './fakeSuperset.ts';
import { type DashboardFile, parseDashboard } from './manifest.ts';
import { canonical, changedFields, reconcile, report } from './plan.ts';
import { provision, type ProvisionPlan } from './provision.ts';

describe('changedFields', () => {
  it('ignores key order and fields it does not manage', () => {
    expect(
      changedFields(
        { a: { x: 1, y: [1, { p: 1, q: 2 }] }, b: 'same' },
        { b: 'same', a: { y: [1, { q: 2, p: 1 }], x: 1 }, extra: true },
      ),
    ).toEqual([]);
    expect(canonical({ b: 1, a: 2 })).toBe(canonical({ a: 2, b: 1 }));
  });

  it('names what differs, and everything when there is nothing yet', () => {
    expect(changedFields({ a: 1, b: [1, 2] }, { a: 1, b: [2, 1] })).toEqual([
      'b',
    ]);
    expect(changedFields({ a: 1, b: 2 }, undefined)).toEqual(['a', 'b']);
  });
});

describe('reconcile', () => {
  const calls: string[] = [];
  const args = (current?: { id: number; fields: Record<string, unknown> }) => ({
    kind: 'chart' as const,
    key: 'Revenue',
    desired: { slice_name: 'Revenue', viz_type: 'pie' },
    current,
    dryRun: false,
    create: async () => {
      calls.push('create');
      return 7;
    },
    update: async (id: number, fields: string[]) => {
      calls.push(`update ${id} ${fields.join()}`);
    },
  });
  beforeEach(() => calls.splice(0));

  it('creates what is missing, updates what differs, leaves what matches', async () => {
    expect(await reconcile(args())).toMatchObject({
      outcome: 'created',
      id: 7,
    });
    expect(
      await reconcile(
        args({ id: 3, fields: { slice_name: 'Revenue', viz_type: 'table' } }),
      ),
    ).toMatchObject({ outcome: 'updated', fields: ['viz_type'], id: 3 });
    expect(
      await reconcile(
        args({ id: 3, fields: { slice_name: 'Revenue', viz_type: 'pie' } }),
      ),
    ).toMatchObject({ outcome: 'unchanged', id: 3 });
    expect(calls).toEqual(['create', 'update 3 viz_type']);
  });

  it('decides the same in a dry run and calls nothing', async () => {
    expect(await reconcile({ ...args(), dryRun: true })).toMatchObject({
      outcome: 'created',
      id: undefined,
    });
    expect(calls).toEqual([]);
  });
});

describe('report', () => {
  it('prints a line per object and a summary', () => {
    const lines = report(
      [
        { kind: 'chart', key: 'A', outcome: 'created', fields: [] },
        { kind: 'chart', key: 'B', outcome: 'updated', fields: ['params'] },
        { kind: 'dashboard', key: 'c', outcome: 'unchanged', fields: [] },
      ],
      false,
    );
    expect(lines).toEqual([
      'chart     A  created',
      'chart     B  updated (params)',
      'dashboard c  unchanged',
      '1 created, 1 updated, 1 unchanged',
    ]);
    expect(
      report(
        [{ kind: 'chart', key: 'A', outcome: 'unchanged', fields: [] }],
        false,
      ).at(-1),
    ).toBe('nothing to change: all 1 objects unchanged');
    expect(
      report(
        [{ kind: 'chart', key: 'A', outcome: 'created', fields: [] }],
        true,
      ),
    ).toEqual([
      'chart     A  would be created',
      'dry run: 1 would be created, 0 would be updated, 0 unchanged',
    ]);
  });
});

const sales = `
slug: sales
title: Sales
description: Daily sales.
datasets: [gold.gold_daily_store_sales, gold.gold_payment_mix]
charts:
  - title: Revenue
    type: big_number_total
    dataset: gold.gold_daily_store_sales
    metrics: [{ label: Revenue, sql: SUM(revenue) }]
  - title: Payment methods
    type: pie
    dataset: gold.gold_payment_mix
    groupby: [payment_method]
    metrics: [{ label: Transactions, sql: SUM(transactions) }]
`;

function planOf(
  text: string,
  overrides: Partial<ProvisionPlan> = {},
): ProvisionPlan {
  const dashboards: DashboardFile[] = [
    { file: 'sales.yaml', spec: parseDashboard('sales.yaml', text) },
  ];
  return {
    engine: 'duckdb',
    dashboards,
    sqlalchemyUri: 'duckdb:///lake.duckdb?access_mode=read_only',
    allowedDomains: ['http://localhost:7007', 'http://localhost:3000'],
    dryRun: false,
    ...overrides,
  };
}

const outcomes = (r: Awaited<ReturnType<typeof provision>>) =>
  r.changes.map(c => `${c.kind} ${c.key}: ${c.outcome}`);

describe('provision against a fake Superset', () => {
  let fake: FakeSuperset;
  beforeEach(() => {
    fake = new FakeSuperset({
      gold: ['gold_daily_store_sales', 'gold_payment_mix'],
    });
    fake.columns = {
      gold_daily_store_sales: [{ column_name: 'revenue', type: 'DECIMAL' }],
      gold_payment_mix: [{ column_name: 'payment_method', type: 'VARCHAR' }],
    };
  });

  it('creates everything once, then changes nothing on a second run', async () => {
    const first = await provision(fake, planOf(sales));
    expect(outcomes(first)).toEqual([
      'database Scout lakehouse (DuckDB): created',
      'dataset gold.gold_daily_store_sales: created',
      'dataset gold.gold_payment_mix: created',
      'chart Revenue: created',
      'chart Payment methods: created',
      'dashboard sales: created',
      'embedding sales: created',
    ]);
    const [dashboard] = fake.store.dashboard;
    expect(fake.store.chart.map(c => [c.slice_name, c.dashboards])).toEqual([
      ['Revenue', [dashboard.id]],
      ['Payment methods', [dashboard.id]],
    ]);
    expect(first.embedded).toEqual([
      { slug: 'sales', title: 'Sales', uuid: `embedded-${dashboard.id}` },
    ]);
    expect(fake.embedded.get(dashboard.id)?.allowed_domains).toEqual([
      'http://localhost:3000',
      'http://localhost:7007',
    ]);
    // The chart's saved query context reads its own dataset.
    const revenue = fake.store.chart[0];
    const context = JSON.parse(String(revenue.query_context));
    expect(context.datasource).toEqual({
      id: revenue.datasource_id,
      type: 'table',
    });
    expect(context.queries[0].metrics[0].sqlExpression).toBe('SUM(revenue)');

    const writes = fake.writes.length;
    const second = await provision(fake, planOf(sales));
    expect(second.changes.every(c => c.outcome === 'unchanged')).toBe(true);
    // Only the column refreshes write; they found nothing new.
    expect(fake.writes.slice(writes)).toEqual([
      'PUT /api/v1/dataset/2/refresh',
      'PUT /api/v1/dataset/3/refresh',
    ]);
    expect(second.embedded).toEqual(first.embedded);
  });

  it('updates exactly the chart whose title changed, keeping its id and the layout', async () => {
    await provision(fake, planOf(sales));
    const before = fake.store.chart.map(c => c.id);
    const renamed = await provision(
      fake,
      planOf(sales.replace('title: Revenue\n', 'title: Total revenue\n')),
    );
    expect(renamed.changes.filter(c => c.outcome !== 'unchanged')).toEqual([
      {
        kind: 'chart',
        key: 'Total revenue',
        outcome: 'updated',
        fields: ['slice_name'],
        id: before[0],
      },
    ]);
    expect(fake.store.chart.map(c => c.id)).toEqual(before);
  });

  it('updates a chart whose metric changed and a dataset whose columns changed', async () => {
    await provision(fake, planOf(sales));
    fake.columns.gold_payment_mix.push({
      column_name: 'region_code',
      type: 'VARCHAR',
    });
    const result = await provision(
      fake,
      planOf(sales.replace('SUM(transactions)', 'COUNT(*)')),
    );
    expect(
      result.changes
        .filter(c => c.outcome !== 'unchanged')
        .map(c => [c.key, c.fields]),
    ).toEqual([
      ['gold.gold_payment_mix', ['columns']],
      ['Payment methods', ['params', 'query_context']],
    ]);
  });

  it('plans without writing in a dry run', async () => {
    const dry = await provision(fake, planOf(sales, { dryRun: true }));
    expect(dry.changes.every(c => c.outcome === 'created')).toBe(true);
    expect(fake.writes).toEqual([]);
  });

  it('refuses, naming them, tables the connection does not show', async () => {
    fake.tables.gold = ['gold_daily_store_sales'];
    await expect(provision(fake, planOf(sales))).rejects.toThrow(
      /duckdb connection has no table gold\.gold_payment_mix: publish the lakehouse first/,
    );
  });
});
