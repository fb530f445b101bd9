import { z } from 'zod';
import { codeIdSchema } from './ids.ts';
import { postgresTextSchema } from './text.ts';

/** Longest document body accepted for embedding, in characters (code points). */
export const MAX_DOCUMENT_CHARS = 1_000_000;

/** Longest title, in characters (code points). */
export const MAX_TITLE_CHARS = 500;

/** Longest source (a URL or a path), in characters (code points). */
export const MAX_SOURCE_CHARS = 2048;

/** Most metadata entries per document. */
export const MAX_METADATA_ENTRIES = 50;

/** Longest metadata key, in characters (code points). */
export const MAX_METADATA_KEY_CHARS = 64;

/** Longest metadata value, in characters (code points). */
export const MAX_METADATA_VALUE_CHARS = 1000;

// zod's record drops a "__proto__" key without a word (assigning it would
// replace the result's prototype), so it would be accepted and then lost.
// Refuse it instead, and count entries on the input, before anything is dropped.
const metadataGuard = z.unknown().superRefine((value, ctx) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return; // the record reports the wrong type
  if (Object.prototype.hasOwnProperty.call(value, '__proto__')) {
    ctx.addIssue({
      code: 'custom',
      path: ['__proto__'],
      message: 'The key "__proto__" is reserved; rename it',
    });
  }
  const entries = Object.keys(value).length;
  if (entries > MAX_METADATA_ENTRIES) {
    ctx.addIssue({
      code: 'custom',
      message: `At most ${MAX_METADATA_ENTRIES} metadata entries; got ${entries}`,
    });
  }
});

// A title or source is stored as text as is; a leading U+FEFF would be stored,
// but UTF-8 readers that take it for a byte-order mark drop it (PGlite's
// client does), so it would not read back the same. Inside jsonb, or in
// content (chunks are trimmed), it does no harm.
const columnTextSchema = postgresTextSchema.refine(
  value => !value.startsWith('\ufeff'),
  'Starts with U+FEFF (a byte-order mark), which UTF-8 readers drop; remove it',
);

/** Metadata: up to 50 string entries, stored as `jsonb`, so no NUL or lone surrogate in keys or values. */
export const metadataSchema = metadataGuard.pipe(
  z.record(
    postgresTextSchema.min(1).max(MAX_METADATA_KEY_CHARS),
    postgresTextSchema.max(MAX_METADATA_VALUE_CHARS),
  ),
);

/**
 * A text document for retrieval (Genie): store notes, product sheets, runbooks.
 * Every value it accepts is stored by scout.documents and scout.document_chunks
 * (migrations/0006_documents.sql) and read back unchanged. Lengths count
 * characters (code points), as zod's `max` does: an emoji counts 1.
 */
export const documentSchema = z.strictObject({
  document_id: codeIdSchema,
  title: columnTextSchema.min(1).max(MAX_TITLE_CHARS),
  content: postgresTextSchema.min(1).max(MAX_DOCUMENT_CHARS),
  source: columnTextSchema.min(1).max(MAX_SOURCE_CHARS).optional(),
  metadata: metadataSchema.optional(),
});

export type Document = z.infer<typeof documentSchema>;
