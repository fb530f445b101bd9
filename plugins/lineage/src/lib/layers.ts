/**
 * The layers a dataset can be in, upstream first: a source (no job writes
 * it), the medallion layers, and `other` for what jobs write outside them
 * (another dbt project's models, say).
 */
export const LAYERS = [
  'source',
  'bronze',
  'silver',
  'gold',
  'platinum',
  'other',
] as const;

export type Layer = (typeof LAYERS)[number];

const MEDALLION = new Set<string>(['bronze', 'silver', 'gold', 'platinum']);

/**
 * A table's address in a dataset name, `<catalog>.<layer>.<table>`:
 * `iceberg.gold.gold_daily_store_sales` on Trino,
 * `lakehouse.gold.gold_daily_store_sales` on DuckDB,
 * `postgresql.scout.transactions` for the source database.
 */
export function tableOf(
  name: string,
): { catalog: string; layer: string; table: string } | undefined {
  const parts = name.split('.');
  if (parts.length !== 3 || parts.some(p => !p)) return undefined;
  const [catalog, layer, table] = parts;
  return { catalog, layer, table };
}

/**
 * A dataset's layer. The medallion layer is read from the name, in any
 * case: the schema in the middle (`iceberg.gold.daily_store_sales`), else
 * the table's prefix (`scout.scout.silver_transactions`, the scout
 * database's own layers). Any other dataset is `other` when a job writes
 * it (`written`, from the lineage store) and a `source` when jobs only
 * read it.
 */
export function layerOf(name: string, written = false): Layer {
  const schema = tableOf(name)?.layer.toLowerCase();
  if (schema && MEDALLION.has(schema)) return schema as Layer;
  const table = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  const prefix = /^(bronze|silver|gold|platinum)_./.exec(table)?.[1];
  if (prefix) return prefix as Layer;
  return written ? 'other' : 'source';
}

/**
 * The lakehouse table a dataset stands for, as the lakehouse browser and
 * the `scout.io/lakehouse-table` annotation address it: a table in a
 * medallion schema; undefined for any other, which the lakehouse does not
 * hold (the scout database's `silver_transactions` included).
 */
export function lakehouseTableOf(name: string) {
  const t = tableOf(name);
  if (!t || !MEDALLION.has(t.layer)) return undefined;
  return { catalog: t.catalog, namespace: t.layer, table: t.table };
}

/** `iceberg/gold/x` (the annotation) to `iceberg.gold.x` (the dataset). */
export function datasetNameOfAnnotation(value: string | undefined) {
  const parts = value?.split('/');
  if (parts?.length !== 3 || parts.some(p => !p)) return undefined;
  return parts.join('.');
}
