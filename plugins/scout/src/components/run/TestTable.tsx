import { Cell, CellText, ColumnConfig, Text } from '@backstage/ui';
import type { RunTest } from '@internal/backstage-plugin-scout-client';
import { formatCount } from '@internal/backstage-plugin-scout-react';
import { EmptyState, StatusChip } from '../common';
import { PagedTable } from '../common/PagedTable';

type Row = RunTest & { id: string };

// Failures first, then warnings, then the rest; the backend sends them in
// this order already, the sort keeps it true for any producer.
const RANK: Record<RunTest['status'], number> = {
  fail: 0,
  error: 0,
  warn: 1,
  pass: 2,
  skipped: 3,
};

const columns: ColumnConfig<Row>[] = [
  {
    id: 'name',
    label: 'Test',
    isRowHeader: true,
    cell: t => <CellText title={t.name} description={t.model ?? undefined} />,
  },
  {
    id: 'source',
    label: 'Checked by',
    cell: t => (
      <CellText
        title={t.source === 'great_expectations' ? 'Great Expectations' : 'dbt'}
      />
    ),
  },
  {
    id: 'status',
    label: 'Status',
    cell: t => (
      <Cell>
        <StatusChip status={t.status} />
      </Cell>
    ),
  },
  {
    id: 'failures',
    label: 'Failing rows',
    cell: t => <CellText title={formatCount(t.failures)} />,
  },
  {
    id: 'message',
    label: 'Message',
    cell: t => (
      <Cell>
        <Text variant="body-small" color="secondary">
          {t.message ?? ''}
        </Text>
      </Cell>
    ),
  },
];

/**
 * The run's checks, failures first: dbt's tests and the expectations over
 * Postgres silver, with name, table, who checked, status, failing rows and
 * message.
 */
export function TestTable(props: { tests: RunTest[] }) {
  if (props.tests.length === 0) {
    return (
      <EmptyState
        title="No tests recorded for this run."
        description="Expectations run before the branch and dbt tests in the dbt step; a run that stopped before them has none."
      />
    );
  }
  const rows = [...props.tests]
    .sort((a, b) => RANK[a.status] - RANK[b.status])
    .map(t => ({ ...t, id: t.uniqueId }));
  return <PagedTable columnConfig={columns} data={rows} />;
}
