import type { Entity } from '@backstage/catalog-model';
import type { DefaultEntityFilters } from '@backstage/plugin-catalog-react';
import {
  entityDataTableColumns as columns,
  type EntityColumnConfig,
  type EntityRow,
} from '@backstage/plugin-catalog-react/alpha';
import { Cell, CellText, Text } from '@backstage/ui';
import styles from './CatalogIndexTable.module.css';

const tags: EntityColumnConfig = {
  id: 'tags',
  label: 'Tags',
  // Plain text: a react-aria TagGroup per row would be a collection
  // inside every row's collection, for words nobody clicks here.
  cell: entity => <CellText title={(entity.metadata.tags ?? []).join(', ')} />,
  sortValue: entity => (entity.metadata.tags ?? []).join(', '),
};

// Wrapped, not cut to one line: a description is read whole, and it
// leaves the other columns their words' widths. A long identifier in it
// (gold_region_category_sales) may break, so it sets no column's width.
const description: EntityColumnConfig = {
  ...columns.createMetadataDescriptionColumn(),
  cell: entity => (
    <Cell>
      <Text variant="body-small" className={styles.prose}>
        {entity.metadata.description}
      </Text>
    </Cell>
  ),
};

const namespace: EntityColumnConfig = {
  id: 'namespace',
  label: 'Namespace',
  isSortable: true,
  cell: entity => <CellText title={entity.metadata.namespace ?? 'default'} />,
  sortValue: entity => entity.metadata.namespace ?? 'default',
};

/** A location's target URLs. */
function targetsOf(entity: Entity): string[] {
  const spec = entity.spec as { target?: string; targets?: string[] };
  return [spec?.target, ...(spec?.targets ?? [])].filter(
    (t): t is string => typeof t === 'string',
  );
}

const targets: EntityColumnConfig = {
  id: 'targets',
  label: 'Targets',
  // One line per URL, broken anywhere: a URL is one long word.
  cell: entity => (
    <Cell>
      {targetsOf(entity).map(target => (
        <Text key={target} as="p" variant="body-small" className={styles.url}>
          {target}
        </Text>
      ))}
    </Cell>
  ),
  sortValue: entity => targetsOf(entity).join(', '),
};

/**
 * The catalog list's columns for the kind on show, as Backstage's own
 * catalog table picks them (defaultCatalogTableColumnsFunc), made from
 * catalog-react's Backstage UI column factories: name first, then what
 * tells entities of that kind apart. The type column is left out while a
 * type filter is set (every row has the same type); a namespace column
 * joins when the rows come from more than one namespace.
 */
export function catalogColumns(
  entities: Entity[],
  filters: DefaultEntityFilters,
): EntityColumnConfig[] {
  // A column empty in every row (no tags, no lifecycle) is left out: its
  // width goes to the others.
  const rows = entities as EntityRow[];
  return columnsForKind(entities, filters).filter(
    c => !rows.length || !c.sortValue || rows.some(e => c.sortValue!(e)),
  );
}

function columnsForKind(
  entities: Entity[],
  filters: DefaultEntityFilters,
): EntityColumnConfig[] {
  const kind = entities[0]?.kind?.toLowerCase() ?? filters.kind?.value;
  const type =
    filters.type === undefined ? [columns.createSpecTypeColumn()] : [];
  const describe = [description, tags];
  const name = columns.createEntityRefColumn({ defaultKind: kind });
  switch (kind) {
    case 'user':
      return [name, ...describe];
    case 'domain':
    case 'system':
      return [name, columns.createOwnerColumn(), ...describe];
    case 'group':
    case 'template':
      return [name, ...type, ...describe];
    case 'location':
      return [name, ...type, targets];
    default:
      return [
        name,
        columns.createSystemColumn(),
        columns.createOwnerColumn(),
        ...type,
        columns.createSpecLifecycleColumn(),
        ...(entities.every(
          e => (e.metadata.namespace ?? 'default') === 'default',
        )
          ? []
          : [namespace]),
        ...describe,
      ];
  }
}
