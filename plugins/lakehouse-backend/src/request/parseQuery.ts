import { InputError } from '@backstage/errors';
import { assertRef, assertSnapshotId } from '../engines/sql';

export type PreviewParams = {
  ref?: string;
  snapshot?: string;
  limit: number;
  offset: number;
};

const DEFAULT_LIMIT = 100;
const MAX_OFFSET = 1_000_000;

/**
 * The preview's query: limit (default 100, at most `maxRows`), offset, and
 * a reference or snapshot id. The OpenAPI validator checked the shapes;
 * this applies the defaults and the configured cap, and checks again what
 * reaches SQL.
 */
export function parsePreviewParams(
  query: { ref?: string; limit?: number; offset?: number; snapshot?: string },
  maxRows: number,
): PreviewParams {
  const limit = integer('limit', query.limit, DEFAULT_LIMIT, 1);
  const offset = integer('offset', query.offset, 0, 0);
  if (offset > MAX_OFFSET) {
    throw new InputError(`offset must be at most ${MAX_OFFSET}`);
  }
  return {
    ref: parseRef(query.ref),
    snapshot:
      query.snapshot === undefined
        ? undefined
        : assertSnapshotId(query.snapshot),
    limit: Math.min(limit, maxRows),
    offset,
  };
}

/** An optional branch or tag name; undefined means the default branch. */
export function parseRef(ref: string | undefined): string | undefined {
  return ref === undefined ? undefined : assertRef(ref);
}

/**
 * A diff's two references. Read by their names in the query: the
 * generated types call `from` `_from`, but the request carries `from`.
 */
export function parseDiffRefs(query: object): { from: string; to: string } {
  const { from, to } = query as { from?: unknown; to?: unknown };
  if (typeof from !== 'string' || typeof to !== 'string') {
    throw new InputError('from and to must name a branch or tag each');
  }
  return { from: assertRef(from), to: assertRef(to) };
}

/** A commit log's limit: 1 to 200, default 50. */
export function parseCommitLimit(limit: number | undefined): number {
  const value = integer('limit', limit, 50, 1);
  if (value > 200) throw new InputError('limit must be at most 200');
  return value;
}

function integer(
  name: string,
  value: number | string | undefined,
  fallback: number,
  min: number,
): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min) {
    throw new InputError(`${name} must be an integer >= ${min}`);
  }
  return n;
}
