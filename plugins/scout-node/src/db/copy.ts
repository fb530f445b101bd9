/**
 * Builds the pieces of a CSV `COPY ... FROM` load: the statement and the data.
 */
import { quoteIdentifier, quoteQualifiedName } from '../sql/quote';

/** The COPY statement for `table (columns)` reading CSV from `source`. */
export function copyStatement(
  table: string,
  columns: string[],
  source: string,
): string {
  const list = columns.map(quoteIdentifier).join(', ');
  return `COPY ${quoteQualifiedName(
    table,
  )} (${list}) FROM ${source} (FORMAT csv)`;
}

/**
 * One CSV field. In PostgreSQL's CSV format an unquoted empty field is NULL
 * and a quoted one ("") is the empty string, so every string is quoted.
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return quote(value);
  if (
    typeof value === 'number' ||
    typeof value === 'bigint' ||
    typeof value === 'boolean'
  ) {
    return String(value);
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) {
      throw new Error('Cannot copy an invalid Date into the database.');
    }
    return value.toISOString();
  }
  const json = JSON.stringify(value);
  if (json === undefined) {
    throw new Error(`Cannot copy a ${typeof value} into the database.`);
  }
  return quote(json);
}

// CSV quoting, not SQL: the data travels beside the statement.
function quote(text: string): string {
  return text.includes('"') ? `"${text.replace(/"/g, '""')}"` : `"${text}"`;
}

/** The rows as CSV lines, in chunks of `chunkSize` rows, for streaming. */
export function* csvChunks(
  rows: unknown[][],
  chunkSize = 1000,
): Generator<string> {
  for (let start = 0; start < rows.length; start += chunkSize) {
    let chunk = '';
    for (const row of rows.slice(start, start + chunkSize)) {
      chunk += `${row.map(csvField).join(',')}\n`;
    }
    yield chunk;
  }
}
