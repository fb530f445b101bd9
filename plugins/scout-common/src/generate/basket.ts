import { toCentavos } from '../domain/money.ts';
import type { Product } from '../domain/product.ts';
import type { Store, StoreType } from '../domain/store.ts';
import type { LineItem, Transaction } from '../domain/transaction.ts';
import { devicesOfStore } from '../reference/lookup.ts';
import { products } from '../reference/products.ts';
import { stores } from '../reference/stores.ts';
import { Random, WeightedChoice, randomUuid } from '../random.ts';
import { manilaTimestamp } from './calendar.ts';
import {
  CATEGORY_MIX,
  LINES_PER_BASKET,
  MARKUP_RATE,
  MARKUPS_CENTAVOS,
  MOBILE_SHARE,
  NCR_ACTIVITY,
  PAYMENT_MIX,
  QUANTITIES,
  STORE_TYPE_ACTIVITY,
} from './patterns.ts';

/** A store with the ids of its selling devices, precomputed to keep the hot loop lean. */
type Outlet = { store: Store; pos: string; mobile?: string };

function outletOf(store: Store): Outlet {
  const devices = devicesOfStore(store.store_id);
  const pos = devices.find(device => device.kind === 'pos');
  if (!pos) throw new Error(`Store ${store.store_id} has no POS device`);
  // IoT sensors report stock and temperature, not sales.
  const mobile = devices.find(device => device.kind === 'mobile');
  return { store, pos: pos.device_id, mobile: mobile?.device_id };
}

/** Per store type, the category mix spread evenly over each category's products. */
function productChoices(): Record<StoreType, WeightedChoice<Product>> {
  const perCategory = new Map<string, number>();
  for (const product of products) {
    perCategory.set(
      product.category_id,
      (perCategory.get(product.category_id) ?? 0) + 1,
    );
  }
  const choice = (type: StoreType) => {
    const mix: Record<string, number> = CATEGORY_MIX[type];
    return new WeightedChoice(
      products.map(
        p =>
          [
            p,
            (mix[p.category_id] ?? 0) / (perCategory.get(p.category_id) ?? 1),
          ] as const,
      ),
    );
  };
  return {
    'sari-sari': choice('sari-sari'),
    'mini-mart': choice('mini-mart'),
    carinderia: choice('carinderia'),
  };
}

/** Draws stores, devices, payments and baskets; holds the per-seed store activity. */
export class BasketMaker {
  readonly #random: Random;
  readonly #outlets: WeightedChoice<Outlet>;
  readonly #products = productChoices();

  constructor(random: Random) {
    this.#random = random;
    // Some stores are simply busier than others; which ones depends on the seed.
    this.#outlets = new WeightedChoice(
      stores.map(store => [
        outletOf(store),
        STORE_TYPE_ACTIVITY[store.store_type] *
          (store.region_code === 'NCR' ? NCR_ACTIVITY : 1) *
          (0.6 + 0.8 * random.next()),
      ]),
    );
  }

  /** One transaction at `time` (epoch ms). */
  make(time: number): Transaction {
    const random = this.#random;
    const { store, pos, mobile } = this.#outlets.pick(random);
    const transaction_id = randomUuid(random);
    const device_id = mobile && random.next() < MOBILE_SHARE ? mobile : pos;
    const payment_method = PAYMENT_MIX.pick(random);
    const productChoice = this.#products[store.store_type];
    const items: LineItem[] = [];
    let centavos = 0;
    const lines = LINES_PER_BASKET.pick(random);
    for (let line = 0; line < lines; line++) {
      const product = productChoice.pick(random);
      // A second scan of the same SKU would raise the quantity; drop it instead.
      if (items.some(item => item.sku === product.sku)) continue;
      const quantity = QUANTITIES.pick(random);
      let priceCentavos = toCentavos(product.list_price);
      if (random.next() < MARKUP_RATE)
        priceCentavos += random.pick(MARKUPS_CENTAVOS);
      items.push({
        sku: product.sku,
        quantity,
        unit_price: priceCentavos / 100,
      });
      centavos += quantity * priceCentavos;
    }
    return {
      transaction_id,
      store_id: store.store_id,
      device_id,
      occurred_at: manilaTimestamp(time),
      payment_method,
      currency: 'PHP',
      items,
      total: centavos / 100,
    };
  }
}
