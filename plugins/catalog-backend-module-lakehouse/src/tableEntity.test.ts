import {
  FieldFormatEntityPolicy,
  resourceEntityV1alpha1Validator,
} from '@backstage/catalog-model';
import {
  LakehouseTable,
  baseEntityName,
  tableEntities,
  tableEntity,
  tableTitle,
} from './tableEntity';

const APP = 'http://localhost:3000';

function table(overrides: Partial<LakehouseTable> = {}): LakehouseTable {
  return {
    catalog: 'iceberg',
    defaultCatalog: true,
    engine: 'trino',
    namespace: 'gold',
    name: 'gold_daily_store_sales',
    description: 'Daily sales per store.',
    ...overrides,
  };
}

// What the catalog would reject at processing time.
async function expectValid(entity: ReturnType<typeof tableEntity>) {
  await expect(
    new FieldFormatEntityPolicy().enforce(entity),
  ).resolves.toBeDefined();
  await expect(resourceEntityV1alpha1Validator.check(entity)).resolves.toBe(
    true,
  );
}

describe('tableEntity', () => {
  it('maps a gold table on Trino to an iceberg-table Resource', async () => {
    const [entity] = tableEntities([table()], APP);
    expect(entity).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: 'gold-gold-daily-store-sales',
        title: 'gold_daily_store_sales',
        description: 'Daily sales per store.',
        tags: ['gold'],
        links: [
          {
            url: 'http://localhost:3000/lakehouse/iceberg/gold/gold_daily_store_sales',
            title: 'Open in the Lakehouse browser',
          },
        ],
        annotations: {
          'scout.io/lakehouse-table': 'iceberg/gold/gold_daily_store_sales',
          'backstage.io/managed-by-location':
            'lakehouse:iceberg/gold/gold_daily_store_sales',
          'backstage.io/managed-by-origin-location':
            'lakehouse:iceberg/gold/gold_daily_store_sales',
        },
      },
      spec: {
        type: 'iceberg-table',
        owner: 'group:default/data-engineering',
        system: 'system:default/scout-lakehouse',
        dependsOn: ['component:default/dbt'],
        dependencyOf: ['resource:default/iceberg-gold'],
      },
    });
    await expectValid(entity);
  });

  it('titles tables by their name, with the layer when the name lacks it', () => {
    const titles = [
      table({ namespace: 'platinum', name: 'platinum_store_features' }),
      table({ namespace: 'platinum', name: 'platinum_product_features' }),
      table({ namespace: 'bronze', name: 'transactions' }),
      table({ catalog: 'local', defaultCatalog: false }),
      table({ catalog: 'local', defaultCatalog: false, name: 'stores' }),
    ].map(tableTitle);
    expect(titles).toEqual([
      'platinum_store_features',
      'platinum_product_features',
      'transactions (bronze)',
      'gold_daily_store_sales (local)',
      'stores (gold, local)',
    ]);
  });

  it('types DuckDB tables as lakehouse-table', () => {
    const [entity] = tableEntities([table({ engine: 'duckdb' })], APP);
    expect(entity.spec.type).toBe('lakehouse-table');
  });

  it('writes a description when the table has none', () => {
    const [entity] = tableEntities(
      [table({ namespace: 'silver', name: 'silver_stores', description: ' ' })],
      APP,
    );
    expect(entity.metadata.description).toBe(
      'The silver_stores table of the silver layer in lakehouse catalog iceberg.',
    );
  });

  it.each([
    ['bronze', 'group:default/data-engineering', undefined],
    ['silver', 'group:default/data-engineering', ['component:default/dbt']],
    ['platinum', 'group:default/ml-ai', ['component:default/dbt']],
  ])(
    'places %s tables with their owner and producer',
    async (layer, owner, dependsOn) => {
      const [entity] = tableEntities(
        [table({ namespace: layer, name: 'transactions' })],
        APP,
      );
      expect(entity.spec).toEqual({
        type: 'iceberg-table',
        owner,
        system: 'system:default/scout-lakehouse',
        ...(dependsOn && { dependsOn }),
        dependencyOf: [`resource:default/iceberg-${layer}`],
      });
      expect(entity.metadata.tags).toEqual([layer]);
      await expectValid(entity);
    },
  );

  it('gives a namespace outside the medallion to the lakehouse owner', async () => {
    const [entity] = tableEntities(
      [table({ namespace: 'scratch_area', name: 'tmp' })],
      APP,
    );
    expect(entity.spec).toEqual({
      type: 'iceberg-table',
      owner: 'group:default/platform-team',
      system: 'system:default/scout-lakehouse',
    });
    expect(entity.metadata.tags).toEqual(['scratch-area']);
    await expectValid(entity);
  });
});

describe('entity names', () => {
  it('joins namespace and table in lower case with single dashes', () => {
    expect(
      baseEntityName(table({ namespace: '_raw__x', name: 'Sales__2024_' })),
    ).toBe('raw-x-sales-2024');
  });

  it('prefixes the catalog outside the default catalog', () => {
    const entities = tableEntities(
      [
        table(),
        table({
          catalog: 'warehouse',
          defaultCatalog: false,
          engine: 'duckdb',
        }),
      ],
      APP,
    );
    expect(entities.map(e => e.metadata.name)).toEqual([
      'gold-gold-daily-store-sales',
      'warehouse-gold-gold-daily-store-sales',
    ]);
    expect(
      entities.map(e => e.metadata.annotations?.['scout.io/lakehouse-table']),
    ).toEqual([
      'iceberg/gold/gold_daily_store_sales',
      'warehouse/gold/gold_daily_store_sales',
    ]);
  });

  it('shortens long names with a stable hash', async () => {
    const long = table({ name: `t_${'x'.repeat(120)}` });
    const [entity] = tableEntities([long], APP);
    const name = entity.metadata.name;
    expect(name.length).toBeLessThanOrEqual(63);
    expect(name).toMatch(/^gold-t-x+-[0-9a-f]{8}$/);
    expect(tableEntities([long], APP)[0].metadata.name).toBe(name);
    await expectValid(entity);
  });

  it('tells apart tables whose names collide', async () => {
    const entities = tableEntities(
      [
        table({ namespace: 'a_b', name: 'c' }),
        table({ namespace: 'a', name: 'b_c' }),
        table({ namespace: 'gold', name: 'other' }),
      ],
      APP,
    );
    const names = entities.map(e => e.metadata.name);
    expect(names[0]).toMatch(/^a-b-c-[0-9a-f]{8}$/);
    expect(names[1]).toMatch(/^a-b-c-[0-9a-f]{8}$/);
    expect(names[0]).not.toBe(names[1]);
    expect(names[2]).toBe('gold-other');
    for (const entity of entities) await expectValid(entity);
  });
});
