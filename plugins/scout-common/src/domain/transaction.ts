import { z } from 'zod';
import { codeIdSchema } from './ids.ts';
import { pesoSchema } from './money.ts';
import { paymentMethodSchema } from './payment.ts';

/** Most line items one transaction may carry. */
export const MAX_LINE_ITEMS = 200;

/** One line of a receipt. Mirrors `LineItem` in catalog/apis/ingest-transaction-api.yaml. */
export const lineItemSchema = z.strictObject({
  sku: codeIdSchema,
  quantity: z.int().min(1).max(1000),
  unit_price: pesoSchema.gt(0).max(100_000),
});

/**
 * One point-of-sale transaction. Mirrors `Transaction` in
 * catalog/apis/ingest-transaction-api.yaml; rules that span fields (the total,
 * the time window, known stores) live in `validateTransactions`. Keep it free of
 * transforms and defaults: `validateTransactions` returns the checked input as is.
 */
export const transactionSchema = z.strictObject({
  transaction_id: z.uuid(),
  store_id: codeIdSchema,
  device_id: codeIdSchema.optional(),
  // Fractions of a second are unbounded in ISO 8601; 40 characters is ample.
  occurred_at: z.iso.datetime({ offset: true }).max(40),
  payment_method: paymentMethodSchema,
  currency: z.literal('PHP').optional(),
  items: z.array(lineItemSchema).min(1).max(MAX_LINE_ITEMS),
  total: pesoSchema.min(0),
});

export type LineItem = z.infer<typeof lineItemSchema>;
export type Transaction = z.infer<typeof transactionSchema>;
