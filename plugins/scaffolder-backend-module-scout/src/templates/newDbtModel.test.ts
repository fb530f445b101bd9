import { readdir, readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { dryRunTemplate, expectGolden } from '../__testUtils__/templateDryRun';

const ROOT = resolve(__dirname, '../../../..');
const MODELS = join(ROOT, 'transform/models');
// dbt parse and build run for real in every dry run that passes values.
const DBT_TIMEOUT = 180_000;
// Whichever test dry-runs first starts the scaffolder backend (seconds on a
// busy machine).
jest.setTimeout(60_000);

const weekly = {
  layer: 'gold',
  name: 'gold_store_weekly_sales',
  owner: 'group:default/data-engineering',
  description: 'Sales per store and week (weeks start on Monday).',
  parents: ['silver_transactions', 'silver_stores'],
  sql: [
    'select',
    "  cast(date_trunc('week', t.sale_date) as date) as week_start,",
    '  t.store_id,',
    '  s.region_code,',
    '  count(*) as transactions,',
    '  sum(t.total) as revenue',
    "from {{ ref('silver_transactions') }} as t",
    "join {{ ref('silver_stores') }} as s on s.store_id = t.store_id",
    'group by 1, 2, 3',
    '',
  ].join('\n'),
  columns: [
    {
      name: 'week_start',
      description: 'Monday of the week.',
      tests: ['not_null'],
    },
    { name: 'store_id', description: 'The store.', tests: ['not_null'] },
    { name: 'region_code', description: 'Region of the store.' },
    { name: 'transactions', description: 'Receipts in the week.', tests: [] },
    { name: 'revenue', description: 'Sum of receipt totals in PHP.' },
  ],
};

// A source parent, and a description that YAML and SQL must both escape.
const regions = {
  layer: 'silver',
  name: 'silver_store_regions',
  owner: 'group:default/platform-team',
  description:
    'Stores per region: "active" ones as the latest load says # not history.',
  parents: ['bronze.stores'],
  sql: [
    'select',
    '  region_code,',
    '  count(*) as stores,',
    '  count(case when active then 1 end) as active_stores',
    "from {{ source('bronze', 'stores') }}",
    "where loaded_at = (select max(loaded_at) from {{ source('bronze', 'stores') }})",
    'group by region_code',
  ].join('\n'),
  columns: [
    {
      name: 'region_code',
      description: "The stores' region.",
      tests: ['not_null', 'unique'],
    },
    { name: 'stores', description: 'Stores in the region.' },
    { name: 'active_stores', description: 'Of them, those active.' },
  ],
};

type Page = { properties: Record<string, { items?: { enum?: string[] } }> };

/** The platform's models by layer, from the SQL files of transform/models/. */
async function existingModels() {
  const layers = ['silver', 'gold', 'platinum'];
  return Object.fromEntries(
    await Promise.all(
      layers.map(async layer => [
        layer,
        (await readdir(join(MODELS, layer)))
          .filter(f => f.endsWith('.sql'))
          .map(f => basename(f, '.sql')),
      ]),
    ),
  ) as Record<string, string[]>;
}

describe('templates/new-dbt-model', () => {
  // Parents' Resources are named as the lakehouse provider names a table's:
  // <layer>-<table>, snake_case to kebab-case.
  it.each([
    [
      'gold-store-weekly-sales',
      weekly,
      ['resource:silver-silver-transactions', 'resource:silver-silver-stores'],
    ],
    ['silver-store-regions', regions, ['resource:bronze-stores']],
  ])(
    'generates the model, its docs and tests, and its dataset (%s)',
    async (testCase, values, parents) => {
      const result = await dryRunTemplate('new-dbt-model', values);
      // On a refusal, the log says why.
      expect({ status: result.status, log: result.log }).toMatchObject({
        status: 200,
      });
      expect(result.steps.map(s => s.action).slice(0, 3)).toEqual([
        'fetch:template',
        'scout:dbt:check',
        'scout:catalog:check',
      ]);
      await expectGolden('new-dbt-model', testCase, result.files);
      const dataset = parse(result.files['catalog-info.yaml']);
      expect(dataset.metadata.name).toBe(
        `${values.layer}-${values.name}`.replace(/_/g, '-'),
      );
      expect(dataset.metadata.annotations['scout.io/lakehouse-table']).toBe(
        `iceberg/${values.layer}/${values.name}`,
      );
      expect(dataset.spec.dependsOn).toEqual(['component:dbt', ...parents]);
      expect(dataset.spec.dependencyOf).toEqual([
        `resource:iceberg-${values.layer}`,
      ]);
    },
    DBT_TIMEOUT,
  );

  it(
    "refuses SQL that does not parse, with the database's message",
    async () => {
      const result = await dryRunTemplate('new-dbt-model', {
        ...weekly,
        sql: "select store_id,, from {{ ref('silver_transactions') }}",
      });
      expect(result.status).toBeGreaterThanOrEqual(400);
      expect(result.log.join('\n')).toMatch(/Parser Error: syntax error/);
    },
    DBT_TIMEOUT,
  );

  it(
    "refuses a ref to a model that does not exist, with dbt's message",
    async () => {
      const result = await dryRunTemplate('new-dbt-model', {
        ...weekly,
        sql: "select * from {{ ref('gold_store_sales') }}",
      });
      expect(result.status).toBeGreaterThanOrEqual(400);
      expect(result.log.join('\n')).toMatch(
        /depends on a node named 'gold_store_sales' which was not found/,
      );
    },
    DBT_TIMEOUT,
  );

  it(
    'refuses a column test on a column the select does not return',
    async () => {
      const result = await dryRunTemplate('new-dbt-model', {
        ...weekly,
        columns: [
          ...weekly.columns,
          { name: 'units', description: 'Units sold.', tests: ['not_null'] },
        ],
      });
      expect(result.status).toBe(400);
      expect(result.log.join('\n')).toMatch(
        /not_null_gold_store_weekly_sales_units[^]*Referenced column "units" not found/,
      );
    },
    DBT_TIMEOUT,
  );

  it('refuses a name that does not start with its layer', async () => {
    const result = await dryRunTemplate('new-dbt-model', {
      ...weekly,
      name: 'silver_store_weekly_sales',
    });
    expect(result.status).toBe(400);
    expect(result.log.join('\n')).toMatch(
      /instance.name does not match pattern "\^gold_/,
    );
  });

  it.each(['Gold_Sales', 'gold-sales', 'gold_', 'sales'])(
    'refuses the name %s',
    async name => {
      const result = await dryRunTemplate('new-dbt-model', {
        ...weekly,
        name,
      });
      expect(result.status).toBe(400);
      expect(result.log.join('\n')).toMatch(/instance.name does not match/);
    },
  );

  it('refuses the name of every model its layer already has', async () => {
    const models = await existingModels();
    expect(models.gold).toContain('gold_daily_store_sales');
    for (const [layer, names] of Object.entries(models)) {
      for (const name of names) {
        const result = await dryRunTemplate('new-dbt-model', {
          ...weekly,
          layer,
          name,
        });
        expect({ name, status: result.status }).toEqual({ name, status: 400 });
      }
    }
  });

  it("offers every model and bronze source of the platform's project as a parent", async () => {
    const template = parse(
      await readFile(
        join(ROOT, 'templates/new-dbt-model/template.yaml'),
        'utf8',
      ),
    );
    const pages: Page[] = template.spec.parameters;
    const offered = pages.find(p => p.properties.parents)?.properties.parents
      .items?.enum;
    const sources = parse(
      await readFile(join(MODELS, 'sources.yml'), 'utf8'),
    ).sources.flatMap((s: { name: string; tables: { name: string }[] }) =>
      s.tables.map(t => `${s.name}.${t.name}`),
    );
    const models = Object.values(await existingModels()).flat();
    expect([...(offered ?? [])].sort()).toEqual([...sources, ...models].sort());
  });
});
