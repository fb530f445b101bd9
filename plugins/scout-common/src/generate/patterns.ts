import type { PaymentMethod } from '../domain/payment.ts';
import type { StoreType } from '../domain/store.ts';
import type { CategoryId } from '../reference/categories.ts';
import { WeightedChoice } from '../random.ts';

/** Roughly the 2024-25 mix at sari-sari counters: cash first, e-wallets growing, credit for regulars. */
export const PAYMENT_MIX = new WeightedChoice<PaymentMethod>([
  ['cash', 70],
  ['gcash', 15],
  ['utang', 8],
  ['maya', 5],
  ['card', 2],
]);

/** Lines per receipt: most trips are for one to three things. */
export const LINES_PER_BASKET = new WeightedChoice<number>([
  [1, 45],
  [2, 27],
  [3, 15],
  [4, 7],
  [5, 3],
  [6, 2],
  [7, 1],
]);

/** Quantity per line: mostly one or two sachets, sticks or bottles. */
export const QUANTITIES = new WeightedChoice<number>([
  [1, 64],
  [2, 22],
  [3, 7],
  [4, 3],
  [5, 2],
  [6, 1],
  [10, 1],
]);

/** Share of lines sold above list price, and by how much (in centavos). */
export const MARKUP_RATE = 0.06;
export const MARKUPS_CENTAVOS: readonly number[] = [50, 100];

/** Share of a store's sales recorded on the owner's phone when the store has one. */
export const MOBILE_SHARE = 0.15;

/** How busy a store is relative to a typical sari-sari store. */
export const STORE_TYPE_ACTIVITY: Record<StoreType, number> = {
  'sari-sari': 1,
  'mini-mart': 2.2,
  carinderia: 1.3,
};

/** Metro Manila stores see more foot traffic than provincial ones. */
export const NCR_ACTIVITY = 1.2;

/** What each kind of store sells: eateries sell drinks and condiments, mini-marts more toiletries. */
export const CATEGORY_MIX: Record<StoreType, Record<CategoryId, number>> = {
  'sari-sari': {
    'instant-noodles': 14,
    coffee: 12,
    milk: 6,
    'soft-drinks': 14,
    'canned-goods': 8,
    condiments: 8,
    snacks: 10,
    biscuits: 7,
    'personal-care': 6,
    laundry: 6,
    household: 3,
    tobacco: 4,
    alcohol: 2,
  },
  'mini-mart': {
    'instant-noodles': 10,
    coffee: 9,
    milk: 8,
    'soft-drinks': 12,
    'canned-goods': 10,
    condiments: 7,
    snacks: 10,
    biscuits: 6,
    'personal-care': 10,
    laundry: 8,
    household: 5,
    tobacco: 2,
    alcohol: 3,
  },
  carinderia: {
    'instant-noodles': 8,
    coffee: 16,
    milk: 3,
    'soft-drinks': 32,
    'canned-goods': 6,
    condiments: 10,
    snacks: 8,
    biscuits: 5,
    'personal-care': 0,
    laundry: 0,
    household: 0,
    tobacco: 8,
    alcohol: 4,
  },
};
