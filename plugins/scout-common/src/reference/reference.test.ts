import {
  citySchema,
  provinceSchema,
  regionSchema,
  REGION_CODES,
} from '../domain/geography.ts';
import {
  brandSchema,
  categorySchema,
  productSchema,
} from '../domain/product.ts';
import { deviceSchema, storeSchema } from '../domain/store.ts';
import type { z } from 'zod';
import { brands } from './brands.ts';
import { categories, CATEGORY_IDS } from './categories.ts';
import { cities } from './cities.ts';
import {
  devicesOfStore,
  findBrand,
  findCategory,
  findCity,
  findDevice,
  findProduct,
  findProvince,
  findRegion,
  findStore,
  isKnownStore,
} from './lookup.ts';
import { products } from './products.ts';
import { provinces } from './provinces.ts';
import { regions } from './regions.ts';
import { devices, stores } from './stores.ts';

/** Rows the schema rejects, with zod's reasons. */
function invalidRows<T>(schema: z.ZodType<T>, rows: readonly T[]): string[] {
  return rows.flatMap(row => {
    const result = schema.safeParse(row);
    return result.success
      ? []
      : [`${JSON.stringify(row)}: ${result.error.message}`];
  });
}

function duplicateIds<T>(
  rows: readonly T[],
  idOf: (row: T) => string,
): string[] {
  const ids = rows.map(idOf);
  return ids.filter((id, i) => ids.indexOf(id) !== i);
}

describe('reference data', () => {
  it('passes its own schemas', () => {
    expect(invalidRows(regionSchema, regions)).toEqual([]);
    expect(invalidRows(provinceSchema, provinces)).toEqual([]);
    expect(invalidRows(citySchema, cities)).toEqual([]);
    expect(invalidRows(brandSchema, brands)).toEqual([]);
    expect(invalidRows(categorySchema, categories)).toEqual([]);
    expect(invalidRows(productSchema, products)).toEqual([]);
    expect(invalidRows(storeSchema, stores)).toEqual([]);
    expect(invalidRows(deviceSchema, devices)).toEqual([]);
  });

  it('has unique ids', () => {
    expect(duplicateIds(provinces, p => p.province_code)).toEqual([]);
    expect(duplicateIds(cities, c => c.city_code)).toEqual([]);
    expect(duplicateIds(brands, b => b.brand_id)).toEqual([]);
    expect(duplicateIds(products, p => p.sku)).toEqual([]);
    expect(duplicateIds(stores, s => s.store_id)).toEqual([]);
    expect(duplicateIds(devices, d => d.device_id)).toEqual([]);
  });

  it('lists all 17 regions once, in official order', () => {
    expect(regions.map(r => r.region_code)).toEqual([...REGION_CODES]);
    expect(findRegion('IV-A')?.name).toBe('CALABARZON');
    expect(findRegion('BARMM')?.island_group).toBe('Mindanao');
  });

  it('links every row to rows that exist', () => {
    for (const p of provinces) expect(findRegion(p.region_code)).toBeDefined();
    for (const c of cities)
      expect(findProvince(c.province_code)?.region_code).toBe(c.region_code);
    for (const p of products) {
      expect(findBrand(p.brand_id)).toBeDefined();
      expect(findCategory(p.category_id)).toBeDefined();
    }
    for (const s of stores)
      expect(findCity(s.city_code)?.region_code).toBe(s.region_code);
    for (const d of devices) expect(findStore(d.store_id)).toBeDefined();
  });

  it('has a city in every province and region, and about 50 cities', () => {
    for (const p of provinces)
      expect(cities.some(c => c.province_code === p.province_code)).toBe(true);
    for (const r of regions)
      expect(cities.some(c => c.region_code === r.region_code)).toBe(true);
    expect(cities.length).toBeGreaterThanOrEqual(40);
  });

  it('has about 150 SKUs across every category at sari-sari prices', () => {
    expect(products.length).toBeGreaterThanOrEqual(140);
    for (const id of CATEGORY_IDS)
      expect(products.some(p => p.category_id === id)).toBe(true);
    for (const b of brands)
      expect(products.some(p => p.brand_id === b.brand_id)).toBe(true);
    const prices = products.map(p => p.list_price).sort((a, b) => a - b);
    expect(prices[Math.floor(prices.length / 2)]).toBeLessThan(30);
    expect(findProduct('LM-PC-ORIGINAL-80G')?.list_price).toBe(17);
  });

  it('has 200 stores, weighted toward the big markets', () => {
    expect(stores).toHaveLength(200);
    expect(stores[0].store_id).toBe('ST-NCR-00001');
    const inRegion = (code: string) =>
      stores.filter(s => s.region_code === code).length;
    const bigFive = ['NCR', 'IV-A', 'III', 'VII', 'XI']
      .map(inRegion)
      .reduce((a, b) => a + b);
    expect(bigFive).toBeGreaterThanOrEqual(150);
    for (const r of regions) expect(inRegion(r.region_code)).toBeGreaterThan(0);
    const sariSari = stores.filter(s => s.store_type === 'sari-sari').length;
    expect(sariSari / stores.length).toBeGreaterThan(0.6);
    for (const type of ['mini-mart', 'carinderia']) {
      expect(stores.some(s => s.store_type === type)).toBe(true);
    }
  });

  it('gives every store a POS, about a third a phone and about a tenth a sensor', () => {
    for (const s of stores) {
      expect(devicesOfStore(s.store_id)[0]).toEqual({
        device_id: `DV-${s.store_id}-POS`,
        store_id: s.store_id,
        kind: 'pos',
      });
    }
    const share = (kind: string) =>
      devices.filter(d => d.kind === kind).length / stores.length;
    expect(share('mobile')).toBeGreaterThan(0.25);
    expect(share('mobile')).toBeLessThan(0.42);
    expect(share('iot')).toBeGreaterThan(0.05);
    expect(share('iot')).toBeLessThan(0.16);
    expect(findDevice('DV-ST-NCR-00001-POS')?.store_id).toBe('ST-NCR-00001');
    expect(devicesOfStore('ST-NOPE')).toEqual([]);
  });

  it('answers isKnownStore', () => {
    expect(isKnownStore('ST-NCR-00001')).toBe(true);
    expect(isKnownStore('ST-NCR-00061')).toBe(false);
  });
});
