import { LAKEHOUSE_NAMESPACES } from '@internal/backstage-plugin-scout-node';
import type { DiffEntry, FileHealth } from '../schema/openapi/generated/models';

/** The medallion layers first, in pipeline order, then the rest by name. */
export function byLayer(a: string, b: string): number {
  const rank = (name: string) => {
    const i = (LAKEHOUSE_NAMESPACES as readonly string[]).indexOf(name);
    return i < 0 ? LAKEHOUSE_NAMESPACES.length : i;
  };
  return rank(a) - rank(b) || a.localeCompare(b);
}

/** File health from the data files' count, total size and small-file count. */
export function fileHealth(options: {
  fileCount: number;
  totalBytes: number;
  smallFileCount: number;
  targetFileBytes: number;
}): FileHealth {
  const { fileCount, totalBytes } = options;
  return {
    ...options,
    averageFileBytes: fileCount ? Math.round(totalBytes / fileCount) : 0,
  };
}

/** A count or size from an engine (number, bigint or numeric text); null stays null. */
export function toCount(value: unknown): number | null {
  if (value === null || value === undefined || value === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

/** How a table differs from one reference to another: it is on one side at least. */
export function changeOf(before: boolean, after: boolean): DiffEntry['change'] {
  if (!before) return 'ADDED';
  return after ? 'MODIFIED' : 'REMOVED';
}
