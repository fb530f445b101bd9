import type { RegionCode } from '../domain/geography.ts';
import type { Device, Store, StoreType } from '../domain/store.ts';
import { Random, WeightedChoice } from '../random.ts';
import { cities } from './cities.ts';

/** Stores per region (200 in all), weighted toward the biggest retail markets. */
const STORES_PER_REGION: Record<RegionCode, number> = {
  NCR: 60,
  'IV-A': 36,
  III: 28,
  VII: 20,
  XI: 16,
  CAR: 3,
  I: 4,
  II: 3,
  MIMAROPA: 2,
  V: 4,
  VI: 5,
  VIII: 3,
  IX: 3,
  X: 4,
  XII: 3,
  XIII: 3,
  BARMM: 3,
};

const STORE_TYPES = new WeightedChoice<StoreType>([
  ['sari-sari', 75],
  ['mini-mart', 12],
  ['carinderia', 13],
]);

const OWNERS = [
  'Aling Nena',
  'Mang Jose',
  'Aling Baby',
  'Mang Ben',
  'Aling Cora',
  'Mang Caloy',
  'Aling Tess',
  'Mang Boy',
  'Aling Lorna',
  'Mang Ramon',
  'Aling Susan',
  'Mang Dodong',
  'Aling Merly',
  'Mang Tonyo',
  'Aling Rosa',
  'Mang Edwin',
  'Aling Linda',
  'Mang Rudy',
];
const FAMILIES = [
  'Santos',
  'Reyes',
  'Cruz',
  'Bautista',
  'Garcia',
  'Mendoza',
  'Torres',
  'Dela Cruz',
  'Villanueva',
  'Ramos',
  'Aquino',
  'Castillo',
  'Flores',
  'Gonzales',
  'Navarro',
];

function storeName(type: StoreType, random: Random): string {
  switch (type) {
    case 'mini-mart':
      return `${random.pick(FAMILIES)} Mini Mart`;
    case 'carinderia':
      return `Carinderia ni ${random.pick(OWNERS)}`;
    default:
      return random.next() < 0.6
        ? `${random.pick(OWNERS)} Sari-Sari Store`
        : `${random.pick(FAMILIES)} Store`;
  }
}

// Built once from a fixed seed: the same 200 stores everywhere, no data file to keep in sync.
function buildStores(): { stores: Store[]; devices: Device[] } {
  const random = new Random(20_240_601);
  const stores: Store[] = [];
  const devices: Device[] = [];
  for (const [region_code, count] of Object.entries(STORES_PER_REGION) as [
    RegionCode,
    number,
  ][]) {
    const regionCities = cities.filter(c => c.region_code === region_code);
    for (let n = 1; n <= count; n++) {
      const store_id = `ST-${region_code}-${String(n).padStart(5, '0')}`;
      const store_type = STORE_TYPES.pick(random);
      stores.push({
        store_id,
        name: storeName(store_type, random),
        store_type,
        region_code,
        city_code: random.pick(regionCities).city_code,
      });
      devices.push({ device_id: `DV-${store_id}-POS`, store_id, kind: 'pos' });
      if (random.next() < 1 / 3)
        devices.push({
          device_id: `DV-${store_id}-MOB`,
          store_id,
          kind: 'mobile',
        });
      if (random.next() < 0.1)
        devices.push({
          device_id: `DV-${store_id}-IOT`,
          store_id,
          kind: 'iot',
        });
    }
  }
  return { stores, devices };
}

const built = buildStores();

/** The 200 demo stores, ids like `ST-NCR-00001`. */
export const stores: readonly Store[] = built.stores;

/** Every store's POS terminal, plus a phone app for about a third and a sensor for about a tenth. */
export const devices: readonly Device[] = built.devices;
