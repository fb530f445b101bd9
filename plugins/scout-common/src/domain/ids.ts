import { z } from 'zod';

/** Longest id the platform accepts (store, device, SKU, brand, ...). */
export const MAX_ID_LENGTH = 64;

// Ids end up in URLs, file names, log lines and SQL; a narrow charset keeps them harmless everywhere.
const ID_PATTERN = /^[A-Za-z0-9._-]+$/;

/** A short code-like id: 1 to 64 characters of `[A-Za-z0-9._-]`. */
export const codeIdSchema = z
  .string()
  .min(1)
  .max(MAX_ID_LENGTH)
  .regex(ID_PATTERN, 'Use only letters, digits, ".", "_" and "-"');

/** A human-readable name, bounded so a bad payload cannot bloat a row. */
export const nameSchema = z.string().min(1).max(200);
