import { createHash } from 'node:crypto';
import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  ResourceEntity,
} from '@backstage/catalog-model';
import {
  CatalogEngineEnum,
  LAKEHOUSE_TABLE_ANNOTATION,
} from '@internal/backstage-plugin-lakehouse-common';
import { layerPlacement } from './layers';

/** A table as the provider reads it from the lakehouse backend. */
export type LakehouseTable = {
  catalog: string;
  /** Tables of the default catalog get names without the catalog. */
  defaultCatalog: boolean;
  engine: CatalogEngineEnum;
  namespace: string;
  name: string;
  /** The table's own description, when it has one. */
  description: string | null;
};

const MAX_NAME_LENGTH = 63;

/** `<catalog>/<namespace>/<table>`, the value of the table annotation. */
export function tableRef(table: LakehouseTable): string {
  return `${table.catalog}/${table.namespace}/${table.name}`;
}

// Lower case, runs of anything else than letters and digits as one dash:
// valid in entity names and tags alike.
function dashed(value: string): string {
  return value
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * `<namespace>-<table>` in lower case with dashes, prefixed with the catalog
 * outside the default catalog so that two catalogs never share a name.
 */
export function baseEntityName(table: LakehouseTable): string {
  const parts = [table.namespace, table.name];
  if (!table.defaultCatalog) parts.unshift(table.catalog);
  return dashed(parts.join('-'));
}

// Used when the base name is too long, empty or taken by another table: a
// readable prefix and a hash of the table's ref, stable from run to run.
function hashedEntityName(base: string, ref: string): string {
  const hash = createHash('sha256').update(ref).digest('hex').slice(0, 8);
  const prefix = base.slice(0, MAX_NAME_LENGTH - hash.length - 1);
  return [prefix.replace(/-+$/, ''), hash].filter(Boolean).join('-');
}

/**
 * A title that lists can show in a narrow column and that a search for the
 * table's name finds: the name alone when it already says its layer
 * (`platinum_store_features`, not `platinum.platinum_store_features`), else
 * the name with its layer after it (`transactions (bronze)`); the catalog is
 * added outside the default one.
 */
export function tableTitle(table: LakehouseTable): string {
  const namesLayer = table.name
    .toLowerCase()
    .startsWith(`${table.namespace.toLowerCase()}_`);
  const where = [
    ...(namesLayer ? [] : [table.namespace]),
    ...(table.defaultCatalog ? [] : [table.catalog]),
  ];
  return where.length ? `${table.name} (${where.join(', ')})` : table.name;
}

/** The Resource that stands for one lakehouse table. */
export function tableEntity(
  table: LakehouseTable,
  options: {
    name: string;
    appBaseUrl: string;
    /** Entity refs of the tables it is built from (the lineage store's). */
    builtFrom?: string[];
  },
): ResourceEntity {
  const ref = tableRef(table);
  const { owner, system, producer, layerResource } = layerPlacement(
    table.namespace,
  );
  const location = `lakehouse:${ref}`;
  const pagePath = [table.catalog, table.namespace, table.name]
    .map(encodeURIComponent)
    .join('/');
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: options.name,
      title: tableTitle(table),
      description:
        table.description?.trim() ||
        `The ${table.name} table of the ${table.namespace} layer in lakehouse catalog ${table.catalog}.`,
      tags: [dashed(table.namespace.slice(0, 63))].filter(Boolean),
      links: [
        {
          url: `${options.appBaseUrl}/lakehouse/${pagePath}`,
          title: 'Open in the Lakehouse browser',
        },
      ],
      annotations: {
        [LAKEHOUSE_TABLE_ANNOTATION]: ref,
        [ANNOTATION_LOCATION]: location,
        [ANNOTATION_ORIGIN_LOCATION]: location,
      },
    },
    spec: {
      type: table.engine === 'trino' ? 'iceberg-table' : 'lakehouse-table',
      owner,
      system,
      ...((producer || options.builtFrom?.length) && {
        dependsOn: [
          ...(producer ? [producer] : []),
          ...(options.builtFrom ?? []),
        ],
      }),
      // The layer's namespace Resource is made of its tables.
      ...(layerResource && { dependencyOf: [layerResource] }),
    },
  };
}

/**
 * Every table's Resource, with names that are valid and unique. `upstream`
 * (table ref to the refs of the tables it is built from, from the lineage
 * store) adds those tables to dependsOn, so the catalog graph agrees with
 * the lineage graph.
 */
export function tableEntities(
  tables: LakehouseTable[],
  appBaseUrl: string,
  upstream: Map<string, string[]> = new Map(),
): ResourceEntity[] {
  const bases = tables.map(baseEntityName);
  const uses = new Map<string, number>();
  for (const base of bases) uses.set(base, (uses.get(base) ?? 0) + 1);
  const names = new Map(
    tables.map((table, i) => {
      const base = bases[i];
      const fits =
        base.length > 0 &&
        base.length <= MAX_NAME_LENGTH &&
        uses.get(base) === 1;
      const ref = tableRef(table);
      return [ref, fits ? base : hashedEntityName(base, ref)];
    }),
  );
  return tables.map(table => {
    const ref = tableRef(table);
    const builtFrom = (upstream.get(ref) ?? [])
      .filter(from => names.has(from))
      .map(from => `resource:default/${names.get(from)}`);
    return tableEntity(table, { name: names.get(ref)!, appBaseUrl, builtFrom });
  });
}
