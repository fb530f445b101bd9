import {
  Card,
  CardBody,
  CardHeader,
  CellText,
  ColumnConfig,
  Flex,
  Grid,
  Table,
  Text,
} from '@backstage/ui';
import type { TableDetail } from '@internal/backstage-plugin-lakehouse-common';
import {
  formatCount,
  formatTime,
} from '@internal/backstage-plugin-scout-react';
import { formatBytes } from '../../lib/format';
import { Stat } from '../common';
import { HealthSummary } from './HealthSummary';

type Property = { id: string; value: string };

const propertyColumns: ColumnConfig<Property>[] = [
  {
    id: 'key',
    label: 'Property',
    isRowHeader: true,
    cell: p => <CellText title={p.id} />,
  },
  { id: 'value', label: 'Value', cell: p => <CellText title={p.value} /> },
];

/** Size and freshness at a glance, partitioning, properties and file health. */
export function OverviewTab(props: { detail: TableDetail }) {
  const { summary, partitionSpec, properties, health } = props.detail;
  const propertyRows = Object.entries(properties)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, value]) => ({ id, value }));
  return (
    <Flex direction="column" gap="4">
      <Grid.Root columns={{ initial: '2', md: '4' }} gap="3">
        <Stat label="Rows" value={formatCount(summary.rowCount)} />
        <Stat label="Size" value={formatBytes(summary.sizeBytes)} />
        <Stat label="Files" value={formatCount(summary.fileCount)} />
        <Stat label="Last update" value={formatTime(summary.lastUpdated)} />
      </Grid.Root>
      <Card>
        <CardHeader>
          <Text variant="title-x-small">Partitioning</Text>
        </CardHeader>
        <CardBody>
          <Text variant="body-medium">
            {partitionSpec.length
              ? partitionSpec
                  .map(f =>
                    f.transform === 'identity'
                      ? f.sourceColumn
                      : `${f.transform}(${f.sourceColumn})`,
                  )
                  .join(', ')
              : 'Not partitioned'}
          </Text>
        </CardBody>
      </Card>
      <Text as="h3" variant="title-x-small">
        File health
      </Text>
      <HealthSummary health={health} />
      {propertyRows.length > 0 && (
        <>
          <Text as="h3" variant="title-x-small">
            Properties
          </Text>
          <Table
            columnConfig={propertyColumns}
            data={propertyRows}
            pagination={{ type: 'none' }}
          />
        </>
      )}
    </Flex>
  );
}
