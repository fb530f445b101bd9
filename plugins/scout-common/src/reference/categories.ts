import type { Category } from '../domain/product.ts';

/** Ids of the product categories; the generator's category mix is keyed by them. */
export const CATEGORY_IDS = [
  'instant-noodles',
  'coffee',
  'milk',
  'soft-drinks',
  'canned-goods',
  'condiments',
  'snacks',
  'biscuits',
  'personal-care',
  'laundry',
  'household',
  'tobacco',
  'alcohol',
] as const;

export type CategoryId = (typeof CATEGORY_IDS)[number];

const NAMES: Record<CategoryId, string> = {
  'instant-noodles': 'Instant noodles',
  coffee: 'Coffee',
  milk: 'Milk and chocolate drinks',
  'soft-drinks': 'Soft drinks and juices',
  'canned-goods': 'Canned goods',
  condiments: 'Condiments and seasonings',
  snacks: 'Snacks',
  biscuits: 'Biscuits and crackers',
  'personal-care': 'Personal care',
  laundry: 'Laundry',
  household: 'Household',
  tobacco: 'Tobacco',
  alcohol: 'Alcoholic drinks',
};

export const categories: readonly Category[] = CATEGORY_IDS.map(
  category_id => ({
    category_id,
    name: NAMES[category_id],
  }),
);
