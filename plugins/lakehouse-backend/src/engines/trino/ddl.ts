import type { PartitionField } from '../../schema/openapi/generated/models';

const unquote = (text: string) => {
  const t = text.trim();
  return t.startsWith('"') && t.endsWith('"')
    ? t.slice(1, -1).replaceAll('""', '"')
    : t;
};

/**
 * One entry of Trino's `partitioning` table property, e.g. `region_code`,
 * `day(occurred_at)`, `bucket(store_id, 16)` or `truncate(sku, 4)`.
 */
export function parsePartitionField(entry: string): PartitionField {
  const call = /^(\w+)\((.+?)(?:,\s*(\d+))?\)$/.exec(entry.trim());
  if (!call) return { sourceColumn: unquote(entry), transform: 'identity' };
  const [, transform, column, width] = call;
  return {
    sourceColumn: unquote(column),
    transform: width ? `${transform}[${width}]` : transform,
  };
}

/** The partition spec in a `SHOW CREATE TABLE` answer; empty when unpartitioned. */
export function partitionSpecOf(ddl: string): PartitionField[] {
  const array = /\bpartitioning = ARRAY\[(.*?)\]/s.exec(ddl);
  if (!array) return [];
  return [...array[1].matchAll(/'((?:[^']|'')*)'/g)].map(m =>
    parsePartitionField(m[1].replaceAll("''", "'")),
  );
}

/** The table comment in a `SHOW CREATE TABLE` answer. */
export function tableCommentOf(ddl: string): string | null {
  const comment = /\n\)\nCOMMENT '((?:[^']|'')*)'/.exec(ddl);
  return comment ? comment[1].replaceAll("''", "'") : null;
}

/** Types ORDER BY can sort; the preview orders by these for stable pages. */
export function isOrderable(trinoType: string): boolean {
  return !/^(map|row|array|json|hyperloglog|qdigest|tdigest)\b/.test(trinoType);
}
