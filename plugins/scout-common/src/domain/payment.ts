import { z } from 'zod';

/** How a sale was paid. `utang` is store credit, settled later. */
export const PAYMENT_METHODS = [
  'cash',
  'gcash',
  'maya',
  'card',
  'utang',
] as const;

export const paymentMethodSchema = z.enum(PAYMENT_METHODS);

export type PaymentMethod = z.infer<typeof paymentMethodSchema>;
