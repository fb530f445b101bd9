import { useApi, useRouteRef } from '@backstage/frontend-plugin-api';
import {
  CellText,
  ColumnConfig,
  Flex,
  SearchField,
  Table,
} from '@backstage/ui';
import type { TableSummary } from '@internal/backstage-plugin-lakehouse-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { lakehouseApiRef } from '../../api';
import {
  formatCount,
  formatTime,
} from '@internal/backstage-plugin-scout-react';
import { formatBytes } from '../../lib/format';
import { useSearchState } from '../../lib/useSearchState';
import { tableRouteRef } from '../../routes';
import { EmptyState, ErrorPanel } from '../common';

type Row = TableSummary & { id: string; href?: string };

const columns: ColumnConfig<Row>[] = [
  {
    id: 'name',
    label: 'Table',
    isRowHeader: true,
    // Minimum widths keep names readable: on a narrow screen the table
    // scrolls inside its own container.
    defaultWidth: '2fr',
    minWidth: 220,
    cell: t => <CellText title={t.name} href={t.href} />,
  },
  {
    id: 'rows',
    label: 'Rows',
    minWidth: 90,
    cell: t => <CellText title={formatCount(t.rowCount)} />,
  },
  {
    id: 'size',
    label: 'Size',
    minWidth: 90,
    cell: t => <CellText title={formatBytes(t.sizeBytes)} />,
  },
  {
    id: 'files',
    label: 'Files',
    minWidth: 70,
    cell: t => <CellText title={formatCount(t.fileCount)} />,
  },
  {
    id: 'updated',
    label: 'Last update',
    minWidth: 170,
    cell: t => <CellText title={formatTime(t.lastUpdated)} />,
  },
];

/** The tables of one layer, filtered by name. */
export function TableList(props: { catalog: string; namespace: string }) {
  const { catalog, namespace } = props;
  const api = useApi(lakehouseApiRef);
  const tableLink = useRouteRef(tableRouteRef);
  const [params, update] = useSearchState();
  const query = params.get('q') ?? '';
  const tables = useAsyncRetry(
    () => api.listTables(catalog, namespace),
    [api, catalog, namespace],
  );

  const needle = query.trim().toLowerCase();
  const rows: Row[] = (tables.value ?? [])
    .filter(t => t.name.toLowerCase().includes(needle))
    .map(t => ({
      ...t,
      id: t.name,
      href: tableLink?.({ catalog, namespace, table: t.name }),
    }));

  let content;
  if (tables.error) {
    content = <ErrorPanel error={tables.error} onRetry={tables.retry} />;
  } else if (tables.value?.length === 0) {
    content = (
      <EmptyState
        title={`No tables in ${namespace} yet: the pipeline has not published.`}
        description="Run ./scripts/yarn scout pipeline run"
      />
    );
  } else {
    content = (
      <Table
        columnConfig={columns}
        // No data while loading: the table then shows it is loading, not
        // its empty state ("No table matches").
        data={tables.value ? rows : undefined}
        isPending={!tables.value}
        pagination={{ type: 'none' }}
        emptyState={
          <EmptyState title={`No table in ${namespace} matches "${query}".`} />
        }
      />
    );
  }

  return (
    <Flex direction="column" gap="3">
      <SearchField
        aria-label="Filter tables by name"
        placeholder={`Filter tables in ${namespace}`}
        value={query}
        onChange={value => update({ q: value }, { replace: true })}
      />
      {content}
    </Flex>
  );
}
