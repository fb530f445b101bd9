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

/**
 * Fills an empty scout database: the reference dimensions, then demo
 * transactions through the same write path as ingest-transaction.
 */
export async function seedDemoData(
  db: ScoutDatabase,
  count: number,
  logger: LoggerService,
) {
  const { rows } = await db.query<{ n: number }>(
    'select count(*)::int as n from scout.bronze_transactions',
  );
  if (rows[0].n > 0) return;
  await db.transaction(async tx => {
    await tx.copyRows(
      'scout.regions',
      ['region_code', 'name'],
      regions.map(r => [r.region_code, r.name]),
    );
    await tx.copyRows(
      'scout.provinces',
      ['province_code', 'region_code', 'name'],
      provinces.map(p => [p.province_code, p.region_code, p.name]),
    );
    await tx.copyRows(
      'scout.cities',
      ['city_code', 'province_code', 'name'],
      cities.map(c => [c.city_code, c.province_code, c.name]),
    );
    await tx.copyRows(
      'scout.brands',
      ['brand_id', 'name'],
      brands.map(b => [b.brand_id, b.name]),
    );
    await tx.copyRows(
      'scout.categories',
      ['category_id', 'name'],
      categories.map(c => [c.category_id, c.name]),
    );
    await tx.copyRows(
      'scout.products',
      ['sku', 'name', 'brand_id', 'category_id', 'list_price', 'pack_size'],
      products.map(p => [
        p.sku,
        p.name,
        p.brand_id,
        p.category_id,
        p.list_price,
        p.pack_size ?? null,
      ]),
    );
    await tx.copyRows(
      'scout.stores',
      ['store_id', 'name', 'city_code', 'store_type', 'active'],
      stores.map(s => [s.store_id, s.name, s.city_code, s.store_type, true]),
    );
    await tx.copyRows(
      'scout.devices',
      ['device_id', 'store_id', 'kind'],
      devices.map(d => [d.device_id, d.store_id, d.kind]),
    );
  });
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
