import { z } from 'zod';
import { codeIdSchema } from './ids.ts';

/** Longest document body accepted for embedding, in characters. */
export const MAX_DOCUMENT_CHARS = 1_000_000;

/** A text document for retrieval (Genie): store notes, product sheets, runbooks. */
export const documentSchema = z.strictObject({
  document_id: codeIdSchema,
  title: z.string().min(1).max(500),
  content: z.string().min(1).max(MAX_DOCUMENT_CHARS),
  source: z.string().min(1).max(2048).optional(),
  metadata: z
    .record(z.string().min(1).max(64), z.string().max(1000))
    .refine(m => Object.keys(m).length <= 50, 'At most 50 metadata entries')
    .optional(),
});

export type Document = z.infer<typeof documentSchema>;
