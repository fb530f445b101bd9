/**
 * The lakehouse browser's shared API: the client and models generated from
 * lakehouse-backend's OpenAPI spec (src/schema/openapi.yaml there), and the
 * catalog annotation that ties a Resource to its table.
 *
 * @packageDocumentation
 */

export * from './schema/openapi/generated';
export {
  lakehousePermissions,
  lakehouseTablePreviewPermission,
} from './permissions';

/**
 * On a catalog Resource: the lakehouse table it stands for, as
 * `<catalog>/<namespace>/<table>`, e.g. `iceberg/gold/gold_daily_store_sales`.
 */
export const LAKEHOUSE_TABLE_ANNOTATION = 'scout.io/lakehouse-table';

/** Catalog, namespace and table names: lower-case SQL identifiers. */
export const LAKEHOUSE_IDENTIFIER = /^[a-z_][a-z0-9_]{0,127}$/;

/** Parses the annotation's value; undefined when it is not a valid triple. */
export function parseLakehouseTableRef(
  value: string | undefined,
): { catalog: string; namespace: string; table: string } | undefined {
  const parts = value?.split('/');
  if (parts?.length !== 3 || !parts.every(p => LAKEHOUSE_IDENTIFIER.test(p))) {
    return undefined;
  }
  const [catalog, namespace, table] = parts;
  return { catalog, namespace, table };
}
