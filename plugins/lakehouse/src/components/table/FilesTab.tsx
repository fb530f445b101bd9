import { useApi } from '@backstage/frontend-plugin-api';
import { CellText, ColumnConfig, Flex, Text } from '@backstage/ui';
import type { PartitionStats } from '@internal/backstage-plugin-lakehouse-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { lakehouseApiRef, TableRef } from '../../api';
import { formatCount } from '@internal/backstage-plugin-scout-react';
import { formatBytes, formatPartition } from '../../lib/format';
import { ErrorPanel, LoadingRows, PagedTable } from '../common';
import { HealthSummary } from './HealthSummary';

type Row = PartitionStats & { id: string };

const columns: ColumnConfig<Row>[] = [
  {
    id: 'partition',
    label: 'Partition',
    isRowHeader: true,
    defaultWidth: '2fr',
    minWidth: 180,
    cell: p => <CellText title={formatPartition(p.partition)} />,
  },
  {
    id: 'records',
    label: 'Records',
    minWidth: 90,
    cell: p => <CellText title={formatCount(p.recordCount)} />,
  },
  {
    id: 'files',
    label: 'Files',
    minWidth: 70,
    cell: p => <CellText title={formatCount(p.fileCount)} />,
  },
  {
    id: 'size',
    label: 'Size',
    minWidth: 90,
    cell: p => <CellText title={formatBytes(p.totalBytes)} />,
  },
];

/** File health and the partitions with their records, files and size. */
export function FilesTab(props: { tableRef: TableRef }) {
  const { catalog, namespace, table } = props.tableRef;
  const api = useApi(lakehouseApiRef);
  const partitions = useAsyncRetry(
    () => api.listPartitions({ catalog, namespace, table }),
    [api, catalog, namespace, table],
  );

  if (partitions.error) {
    return <ErrorPanel error={partitions.error} onRetry={partitions.retry} />;
  }
  if (!partitions.value) return <LoadingRows />;
  const rows = partitions.value.items.map(p => ({
    ...p,
    id: formatPartition(p.partition),
  }));
  return (
    <Flex direction="column" gap="4">
      <HealthSummary health={partitions.value.health} />
      <Text variant="title-x-small">{`Partitions (${rows.length})`}</Text>
      <PagedTable
        columnConfig={columns}
        data={rows}
        emptyState={
          <Text color="secondary">This table has no data files.</Text>
        }
      />
    </Flex>
  );
}
