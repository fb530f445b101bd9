{% set used = ',' + (values.fields | join(',', 'type')) + ',' %}
import { z } from 'zod';
import {
{% for t, spec in values.types %}
{% if (',' + t + ',') in used %}
{% for name in spec.imports %}
  ${{ name }},
{% endfor %}
{% endif %}
{% endfor %}
  type Problem,
} from '@internal/backstage-plugin-scout-common';
import { problemsOf } from '../ingest-doc/problems';

/** Most records one request may carry. */
export const MAX_BATCH = 1000;

/**
 * One ${{ values.title | lower }} record. Mirrors `Record` in the
 * ingest-${{ values.slug }} API (catalog-info.yaml). Every value it accepts is
 * storable in scout.bronze_${{ values.name }} as is: the bounds come from the
 * column types (migrations/${{ values.migration }}bronze_${{ values.name }}.sql).
 */
export const recordSchema = z.strictObject({
{% for f in values.fields %}
  ${{ f.name }}: ${{ values.types[f.type].zod }},
{% endfor %}
});

export type ${{ values.pascal }}Record = z.infer<typeof recordSchema>;

export type ValidationResult =
  | { ok: true; records: ${{ values.pascal }}Record[] }
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
  const records: ${{ values.pascal }}Record[] = [];
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
