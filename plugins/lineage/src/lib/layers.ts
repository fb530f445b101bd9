/** The medallion layers, upstream first; anything else is a source. */
export const LAYERS = [
  'source',
  'bronze',
  'silver',
  'gold',
  'platinum',
] as const;

export type Layer = (typeof LAYERS)[number];

const MEDALLION = new Set<string>(LAYERS.slice(1));

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

/** The medallion layer of a dataset name; `source` for any other. */
export function layerOf(name: string): Layer {
  const layer = tableOf(name)?.layer;
  return layer && MEDALLION.has(layer) ? (layer as Layer) : 'source';
}

/**
 * The lakehouse table a dataset stands for, as the lakehouse browser and
 * the `scout.io/lakehouse-table` annotation address it; undefined for a
 * source table, which the lakehouse does not hold.
 */
export function lakehouseTableOf(name: string) {
  const t = tableOf(name);
  if (!t || layerOf(name) === 'source') return undefined;
  return { catalog: t.catalog, namespace: t.layer, table: t.table };
}

/** `iceberg/gold/x` (the annotation) to `iceberg.gold.x` (the dataset). */
export function datasetNameOfAnnotation(value: string | undefined) {
  const parts = value?.split('/');
  if (parts?.length !== 3 || parts.some(p => !p)) return undefined;
  return parts.join('.');
}
