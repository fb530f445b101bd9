import { useCallback, useMemo } from 'react';
import {
  ANNOTATION_EDIT_URL,
  ANNOTATION_VIEW_URL,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import { useApiHolder } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { catalogTranslationRef } from '@backstage/plugin-catalog/alpha';
import {
  entityPresentationApiRef,
  entityPresentationSnapshot,
  useEntityList,
  useStarredEntities,
} from '@backstage/plugin-catalog-react';
import type {
  EntityColumnConfig,
  EntityRow,
} from '@backstage/plugin-catalog-react/alpha';
import {
  Alert,
  ButtonIcon,
  ButtonLink,
  Cell,
  Flex,
  SearchField,
  Table,
  Text,
  useTable,
  type SortDescriptor,
} from '@backstage/ui';
import {
  RiEditLine,
  RiExternalLinkLine,
  RiStarFill,
  RiStarLine,
} from '@remixicon/react';
import pluralize from 'pluralize';
import { catalogColumns } from './catalogColumns';
import { matchesSearch } from './search';
import styles from './CatalogIndexTable.module.css';

const PAGE_SIZE = 20;

function Actions({ entity }: { entity: Entity }) {
  const { t } = useTranslationRef(catalogTranslationRef);
  const { isStarredEntity, toggleStarredEntity } = useStarredEntities();
  const starred = isStarredEntity(entity);
  const annotations = entity.metadata.annotations ?? {};
  const links = [
    [
      annotations[ANNOTATION_VIEW_URL],
      t('catalogTable.viewActionTitle'),
      <RiExternalLinkLine />,
    ],
    [
      annotations[ANNOTATION_EDIT_URL],
      t('catalogTable.editActionTitle'),
      <RiEditLine />,
    ],
  ] as const;
  return (
    <Cell>
      <Flex gap="1" align="center" justify="end">
        {links.map(([href, label, icon]) =>
          href ? (
            <ButtonLink
              key={label}
              href={href}
              target="_blank"
              aria-label={label}
              variant="tertiary"
              size="small"
              iconStart={icon}
            />
          ) : null,
        )}
        <ButtonIcon
          aria-label={
            starred
              ? t('catalogTable.unStarActionTitle')
              : t('catalogTable.starActionTitle')
          }
          variant="tertiary"
          size="small"
          icon={starred ? <RiStarFill /> : <RiStarLine />}
          onPress={() => toggleStarredEntity(entity)}
        />
      </Flex>
    </Cell>
  );
}

/** Each row's star, and its view and edit links where it has them. */
const actionsColumn: EntityColumnConfig = {
  id: 'actions',
  label: 'Actions',
  cell: entity => <Actions entity={entity} />,
};

/**
 * The catalog page's list: the entities the page's filters select, in a
 * Backstage UI table (CSS only, no style sheets built at run time), titled
 * with the choice and the count ("All Components (21)", or "(3 of 21)"
 * while its Filter box leaves 3). It shows skeleton rows until the first
 * entities arrive, sorts by any column, pages by 20 once there are more,
 * filters the rows as one types in its Filter box, and offers each row's
 * view and edit links (when the entity has them) and a star.
 */
export function CatalogIndexTable() {
  const { entities, filters, loading, error, totalItems } = useEntityList();
  const { t } = useTranslationRef(catalogTranslationRef);
  const presentation = useApiHolder().get(entityPresentationApiRef);
  // In title order, each title worked out once.
  const rows = useMemo(
    () =>
      entities
        .map(entity => ({
          row: { ...entity, id: stringifyEntityRef(entity) },
          title: entityPresentationSnapshot(entity, undefined, presentation)
            .primaryTitle,
        }))
        .sort((a, b) => a.title.localeCompare(b.title))
        .map(({ row }) => row),
    [entities, presentation],
  );
  const columnConfig = useMemo(
    () => [...catalogColumns(entities, filters), actionsColumn],
    [entities, filters],
  );
  const sortFn = useCallback(
    (items: EntityRow[], sort: SortDescriptor) => {
      const value = columnConfig.find(c => c.id === sort.column)?.sortValue;
      if (!value) return items;
      const direction = sort.direction === 'descending' ? -1 : 1;
      return [...items].sort(
        (a, b) => value(a).localeCompare(value(b)) * direction,
      );
    },
    [columnConfig],
  );
  const { tableProps, search } = useTable({
    mode: 'complete',
    data: rows,
    sortFn,
    searchFn: matchesSearch,
    paginationOptions: { pageSize: PAGE_SIZE, pageSizeOptions: [20, 50, 100] },
  });

  // The kind as its entities spell it; while they load, the picker's label.
  const kindLabel = entities[0]?.kind ?? capitalize(filters.kind?.label ?? '');
  const heading = [
    capitalize(filters.user?.value ?? t('catalogTable.allFilters')),
    filters.type?.value,
    plural(kindLabel),
  ]
    .filter(Boolean)
    .join(' ');
  // Until a picker sets a filter the list provider has fetched nothing and
  // reports an empty, settled list: that is still loading, not "no match".
  const requested = Object.values(filters).some(f => f !== undefined);
  const pending = !requested || (loading && rows.length === 0);
  // What the Filter box leaves (useTable's count after its search), beside
  // the total while it holds words.
  const { pagination } = tableProps;
  const shown =
    pagination.type === 'page' ? pagination.totalCount ?? 0 : rows.length;
  let count = '';
  if (!pending && typeof totalItems === 'number') {
    count =
      shown === rows.length
        ? ` (${totalItems})`
        : ` (${shown} of ${totalItems})`;
  }

  if (error) {
    return (
      <Alert
        status="danger"
        icon
        title={t('catalogTable.warningPanelTitle')}
        description={error.message}
      />
    );
  }
  return (
    <Flex direction="column" gap="3">
      <Flex
        justify="between"
        align="center"
        gap="3"
        style={{ flexWrap: 'wrap' }}
      >
        <Text as="h2" variant="title-small" weight="bold">
          {heading}
          {count}
        </Text>
        <SearchField
          aria-label="Filter"
          placeholder="Filter"
          size="small"
          value={search.value}
          onChange={search.onChange}
        />
      </Flex>
      <Table
        className={styles.table}
        {...tableProps}
        // Page controls only once there is a second page.
        pagination={rows.length > PAGE_SIZE ? pagination : { type: 'none' }}
        columnConfig={columnConfig}
        // Skeleton rows: Backstage UI shows them only while data is absent.
        data={pending ? undefined : tableProps.data}
        isPending={pending}
        // Dimmed while a changed filter's entities load.
        isStale={!pending && loading}
        emptyState={<Text as="p">No entities match these filters.</Text>}
      />
    </Flex>
  );
}

/** "Components"; an acronym gets a lower-case s ("APIs", not "APIS"). */
function plural(label: string) {
  return /^[A-Z]{2,}$/.test(label) ? `${label}s` : pluralize(label);
}

function capitalize(text: string) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
