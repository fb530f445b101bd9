import { z } from 'zod';
import { codeIdSchema, nameSchema } from './ids.ts';
import { pesoSchema } from './money.ts';

export const brandSchema = z.strictObject({
  brand_id: codeIdSchema,
  name: nameSchema,
  manufacturer: nameSchema,
});

export const categorySchema = z.strictObject({
  category_id: codeIdSchema,
  name: nameSchema,
});

/** A stock-keeping unit: one pack size of one product, at its suggested retail price. */
export const productSchema = z.strictObject({
  sku: codeIdSchema,
  name: nameSchema,
  brand_id: codeIdSchema,
  category_id: codeIdSchema,
  pack_size: z.string().min(1).max(40).optional(),
  list_price: pesoSchema.gt(0).max(100_000),
});

export type Brand = z.infer<typeof brandSchema>;
export type Category = z.infer<typeof categorySchema>;
export type Product = z.infer<typeof productSchema>;
