import type { City, Province, Region } from '../domain/geography.ts';
import type { Brand, Category, Product } from '../domain/product.ts';
import type { Device, Store } from '../domain/store.ts';
import { brands } from './brands.ts';
import { categories } from './categories.ts';
import { cities } from './cities.ts';
import { products } from './products.ts';
import { provinces } from './provinces.ts';
import { regions } from './regions.ts';
import { devices, stores } from './stores.ts';

function indexBy<T>(
  items: readonly T[],
  idOf: (item: T) => string,
): ReadonlyMap<string, T> {
  return new Map(items.map(item => [idOf(item), item]));
}

const regionIndex = indexBy(regions, r => r.region_code);
const provinceIndex = indexBy(provinces, p => p.province_code);
const cityIndex = indexBy(cities, c => c.city_code);
const brandIndex = indexBy(brands, b => b.brand_id);
const categoryIndex = indexBy(categories, c => c.category_id);
const productIndex = indexBy(products, p => p.sku);
const storeIndex = indexBy(stores, s => s.store_id);
const deviceIndex = indexBy(devices, d => d.device_id);

const devicesByStore = new Map<string, Device[]>();
for (const device of devices) {
  const list = devicesByStore.get(device.store_id);
  if (list) list.push(device);
  else devicesByStore.set(device.store_id, [device]);
}

// Lookups take plain strings: callers usually hold ids read from payloads or rows.
export const findRegion = (code: string): Region | undefined =>
  regionIndex.get(code);
export const findProvince = (code: string): Province | undefined =>
  provinceIndex.get(code);
export const findCity = (code: string): City | undefined => cityIndex.get(code);
export const findBrand = (id: string): Brand | undefined => brandIndex.get(id);
export const findCategory = (id: string): Category | undefined =>
  categoryIndex.get(id);
export const findProduct = (sku: string): Product | undefined =>
  productIndex.get(sku);
export const findStore = (id: string): Store | undefined => storeIndex.get(id);
export const findDevice = (id: string): Device | undefined =>
  deviceIndex.get(id);

/** True for the id of one of the reference stores. */
export const isKnownStore = (id: string): boolean => storeIndex.has(id);

/** The devices of a store, POS first; empty for an unknown store. */
export const devicesOfStore = (storeId: string): readonly Device[] =>
  devicesByStore.get(storeId) ?? [];
