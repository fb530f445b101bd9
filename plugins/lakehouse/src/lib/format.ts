import { formatCount } from '@internal/backstage-plugin-scout-react';

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];

/** "1.2 MB"; a dash when the engine does not know. */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return '—';
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toFixed(digits)} ${UNITS[unit]}`;
}

/** A summary value of an Iceberg snapshot ("added-records"), as a count. */
export function summaryCount(
  summary: Record<string, string>,
  key: string,
): string {
  const value = summary[key];
  return value === undefined ? '—' : formatCount(Number(value));
}

/** `{ sale_date: '2026-11-01', region_code: 'NCR' }` as one line. */
export function formatPartition(partition: Record<string, string>): string {
  const parts = Object.entries(partition).map(([k, v]) => `${k}=${v}`);
  return parts.length ? parts.join(', ') : '(unpartitioned)';
}

const MAX_CELL_CHARS = 500;

/**
 * A preview cell as text. Long values are cut so that a wide page of rows
 * stays cheap to render; the grid shows the rest in a tooltip.
 */
export function formatCell(value: unknown): string {
  let text: string;
  if (value === null || value === undefined) text = 'null';
  else if (typeof value === 'object') text = JSON.stringify(value);
  else text = String(value);
  return text.length > MAX_CELL_CHARS
    ? `${text.slice(0, MAX_CELL_CHARS)}…`
    : text;
}
