import { z } from 'zod';
import { codeIdSchema, transactionIdSchema } from './ids.ts';
import { MAX_NUMERIC_12_2, pesoSchema } from './money.ts';
import { paymentMethodSchema } from './payment.ts';
import { timestampSchema } from './time.ts';

/** Most line items one transaction may carry. */
export const MAX_LINE_ITEMS = 200;

/** Largest quantity on one line; silver keeps it as `int`. */
export const MAX_QUANTITY = 1000;

/** Largest unit price in pesos; silver's `numeric(10, 2)` would hold up to 99,999,999.99. */
export const MAX_UNIT_PRICE = 100_000;

/**
 * One line of a receipt. Mirrors `LineItem` in catalog/apis/ingest-transaction-api.yaml.
 * Its amount (at most 1,000 x 100,000 = 10^8) always fits silver's `numeric(12, 2)`.
 */
export const lineItemSchema = z.strictObject({
  sku: codeIdSchema,
  quantity: z.int().min(1).max(MAX_QUANTITY),
  unit_price: pesoSchema.gt(0).max(MAX_UNIT_PRICE),
});

/**
 * One point-of-sale transaction. Mirrors `Transaction` in
 * catalog/apis/ingest-transaction-api.yaml; rules that span fields (the total,
 * the time window, known stores) live in `validateTransactions`. Keep it free of
 * transforms and defaults: `validateTransactions` returns the checked input as is.
 * Every value it accepts is storable in bronze and silver as is: the bounds
 * come from the column types (migrations/0003_transactions.sql).
 */
export const transactionSchema = z.strictObject({
  transaction_id: transactionIdSchema,
  store_id: codeIdSchema,
  device_id: codeIdSchema.optional(),
  occurred_at: timestampSchema,
  payment_method: paymentMethodSchema,
  currency: z.literal('PHP').optional(),
  items: z.array(lineItemSchema).min(1).max(MAX_LINE_ITEMS),
  // 200 lines of 1,000 x 100,000 would reach 2 x 10^10: the bound is the column's, not the lines'.
  total: pesoSchema
    .min(0)
    .max(
      MAX_NUMERIC_12_2,
      'total is at most 9,999,999,999.99 (numeric(12, 2))',
    ),
});

export type LineItem = z.infer<typeof lineItemSchema>;
export type Transaction = z.infer<typeof transactionSchema>;
