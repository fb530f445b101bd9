import { z } from 'zod';
import {
  codeIdSchema,
  MAX_NUMERIC_12_2,
  pesoSchema,
  timestampSchema,
  type Problem,
} from '@internal/backstage-plugin-scout-common';
import { problemsOf } from '../ingest-doc/problems';

/** Most records one request may carry. */
export const MAX_BATCH = 1000;

/**
 * One store visits record. Mirrors `Record` in the
 * ingest-store-visits API (catalog-info.yaml). Every value it accepts is
 * storable in scout.bronze_store_visits as is: the bounds come from the
 * column types (migrations/0012_bronze_store_visits.sql).
 */
export const recordSchema = z.strictObject({
  visit_id: z.uuid(),
  store_id: codeIdSchema,
  visited_at: timestampSchema,
  visitors: z.int().min(-2147483648).max(2147483647),
  spend: pesoSchema.min(-MAX_NUMERIC_12_2).max(MAX_NUMERIC_12_2),
  dwell_minutes: z.number(),
  first_visit: z.boolean(),
  note: z.string().min(1).max(1000),
});

export type StoreVisitsRecord = z.infer<typeof recordSchema>;

export type ValidationResult =
  | { ok: true; records: StoreVisitsRecord[] }
  | { ok: false; problems: Problem[] };

const isBatch = (input: unknown): input is Record<string, unknown> =>
  typeof input === 'object' &&
  input !== null &&
  !Array.isArray(input) &&
  'records' in input;

/**
 * Checks one record or a `{ records: [...] }` batch of 1 to MAX_BATCH and
 * lists every problem of every record (`index` -1: the batch itself).
 */
export function validateRecords(input: unknown): ValidationResult {
  const problems: Problem[] = [];
  let batch: unknown[] = [input];
  if (isBatch(input)) {
    for (const key of Object.keys(input).filter(k => k !== 'records')) {
      problems.push({
        index: -1,
        path: key,
        message: `Unrecognized key "${key}"`,
      });
    }
    const list = input.records;
    if (!Array.isArray(list) || list.length < 1 || list.length > MAX_BATCH) {
      problems.push({
        index: -1,
        path: 'records',
        message: `Expected an array of 1 to ${MAX_BATCH} records`,
      });
      return { ok: false, problems };
    }
    batch = list;
  }
  const records: StoreVisitsRecord[] = [];
  batch.forEach((raw, index) => {
    const result = recordSchema.safeParse(raw);
    if (result.success) records.push(result.data);
    else {
      const found = problemsOf(result.error.issues);
      problems.push(...found.map(p => ({ index, ...p })));
    }
  });
  return problems.length ? { ok: false, problems } : { ok: true, records };
}
