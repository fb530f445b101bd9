import { LoggerService } from '@backstage/backend-plugin-api';
import {
  brands,
  categories,
  cities,
  devices,
  generateTransactions,
  products,
  provinces,
  regions,
  stores,
  Transaction,
} from '@internal/backstage-plugin-scout-common';
import { insertTransactions } from '@internal/scout-edge-functions';
import { ScoutDatabase } from '@internal/backstage-plugin-scout-node';

const BATCH = 5_000;
const DEMO_SEED = 20261127;

type Dimension = {
  table: string;
  /** The primary key first. */
  columns: string[];
  rows: readonly object[];
};

/** The reference dimensions, parents before children. */
const dimensions = (): Dimension[] => [
  { table: 'scout.regions', columns: ['region_code', 'name'], rows: regions },
  {
    table: 'scout.provinces',
    columns: ['province_code', 'region_code', 'name'],
    rows: provinces,
  },
  {
    table: 'scout.cities',
    columns: ['city_code', 'province_code', 'name'],
    rows: cities,
  },
  { table: 'scout.brands', columns: ['brand_id', 'name'], rows: brands },
  {
    table: 'scout.categories',
    columns: ['category_id', 'name'],
    rows: categories,
  },
  {
    table: 'scout.products',
    columns: [
      'sku',
      'name',
      'brand_id',
      'category_id',
      'list_price',
      'pack_size',
    ],
    rows: products,
  },
  {
    table: 'scout.stores',
    columns: ['store_id', 'name', 'city_code', 'store_type', 'active'],
    rows: stores.map(s => ({ ...s, active: true })),
  },
  {
    table: 'scout.devices',
    columns: ['device_id', 'store_id', 'kind'],
    rows: devices,
  },
];

/**
 * Seeds the scout database, table by table, so that any restart finds
 * what it needs and changes nothing twice: each reference dimension gets
 * the rows it lacks (by key; rows already there stay as they are), and
 * demo transactions go in through the same write path as
 * ingest-transaction, only while bronze is empty.
 */
export async function seedDemoData(
  db: ScoutDatabase,
  count: number,
  logger: LoggerService,
) {
  await db.transaction(async tx => {
    for (const { table, columns, rows } of dimensions()) {
      // The table's own row type types the JSON fields of the same names.
      const list = columns.join(', ');
      await tx.query(
        `insert into ${table} (${list})
         select ${list} from jsonb_populate_recordset(null::${table}, $1::jsonb)
         on conflict (${columns[0]}) do nothing`,
        [JSON.stringify(rows)],
      );
    }
  });
  const { rows } = await db.query<{ n: number }>(
    'select count(*)::int as n from scout.bronze_transactions',
  );
  if (rows[0].n > 0 || count === 0) return;
  logger.info(`seeding ${count} demo transactions`);
  let batch: Transaction[] = [];
  for (const t of generateTransactions({ count, seed: DEMO_SEED })) {
    batch.push(t);
    if (batch.length === BATCH) {
      await insertTransactions(db, batch, {
        source: 'demo',
        requestId: 'demo-seed',
      });
      batch = [];
    }
  }
  if (batch.length) {
    await insertTransactions(db, batch, {
      source: 'demo',
      requestId: 'demo-seed',
    });
  }
  logger.info('demo data ready');
}
