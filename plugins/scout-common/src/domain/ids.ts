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

/** The all-zero UUID (RFC 9562): a placeholder, never a real id. */
export const NIL_UUID = '00000000-0000-0000-0000-000000000000';

/** The all-ones UUID (RFC 9562): a sentinel, never a real id. */
export const MAX_UUID = 'ffffffff-ffff-ffff-ffff-ffffffffffff';

const RESERVED_UUID = `The nil and max UUIDs (${NIL_UUID}, ${MAX_UUID}) are placeholders, not ids; send a random UUID`;

/** True for the nil or max UUID, in any letter case. */
export function isReservedUuid(value: string): boolean {
  const lower = value.toLowerCase();
  return lower === NIL_UUID || lower === MAX_UUID;
}

/**
 * A transaction's id: an RFC 9562 UUID (any version 1-8, either letter case),
 * but not the nil or max UUID, which senders use as placeholders; taking one
 * would make every later placeholder a "duplicate" of the first sale.
 */
export const transactionIdSchema = z
  // A reserved id in capitals fails zod's pattern (it lists them in lower
  // case only), so the same message goes on both checks; `abort` keeps it to one.
  .uuid({
    error: issue =>
      isReservedUuid(String(issue.input)) ? RESERVED_UUID : undefined,
    abort: true,
  })
  .refine(value => !isReservedUuid(value), RESERVED_UUID);
