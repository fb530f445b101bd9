/**
 * The Scout POS domain: zod schemas and types, batch validation, the reference
 * dimensions (regions to stores) and a seeded transaction generator. Depends on
 * zod only, so it runs unchanged in Node, Deno and browsers.
 *
 * @packageDocumentation
 */

export * from './domain/ids.ts';
export * from './domain/money.ts';
export * from './domain/payment.ts';
export * from './domain/transaction.ts';
export * from './domain/geography.ts';
export * from './domain/product.ts';
export * from './domain/store.ts';
export * from './domain/document.ts';
export * from './domain/validate.ts';
export * from './domain/text.ts';
export * from './domain/time.ts';
export * from './domain/embedding.ts';
export * from './lineage/platformJob.ts';
export { EARLIEST_OCCURRED_AT, MAX_FUTURE_SKEW_MS } from './domain/rules.ts';

export { regions } from './reference/regions.ts';
export { provinces } from './reference/provinces.ts';
export { cities } from './reference/cities.ts';
export { brands } from './reference/brands.ts';
export {
  CATEGORY_IDS,
  categories,
  type CategoryId,
} from './reference/categories.ts';
export { products } from './reference/products.ts';
export { stores, devices } from './reference/stores.ts';
export * from './reference/lookup.ts';

export {
  generateTransactions,
  type GenerateOptions,
} from './generate/transactions.ts';
export { Random, WeightedChoice, randomUuid } from './random.ts';

export type { QueryResult, Sql, SqlQueryable, SqlTransaction } from './sql.ts';
export {
  canonicalTransaction,
  manilaBusinessDate,
  utcInstant,
} from './domain/canonical.ts';
