import { useRouteRef } from '@backstage/frontend-plugin-api';
import { Cell, CellText, ColumnConfig, Text } from '@backstage/ui';
import type { PipelineRun } from '@internal/backstage-plugin-scout-client';
import {
  formatDuration,
  formatSeconds,
  formatTime,
} from '@internal/backstage-plugin-scout-react';
import { formatTests, formatWatermark } from '../../lib/format';
import { runRouteRef } from '../../routes';
import { StatusChip } from '../common';
import { PagedTable } from '../common/PagedTable';
import styles from '../common/common.module.css';

type Row = PipelineRun & { id: string; href?: string };

const columns: ColumnConfig<Row>[] = [
  {
    id: 'run',
    label: 'Run',
    isRowHeader: true,
    cell: r => (
      <CellText title={r.runId} href={r.href} description={r.engine} />
    ),
  },
  {
    id: 'status',
    label: 'Status',
    cell: r => (
      <Cell>
        <StatusChip status={r.status} />
      </Cell>
    ),
  },
  {
    id: 'trigger',
    label: 'Trigger',
    cell: r => (
      <CellText title={r.trigger} description={r.startedBy ?? undefined} />
    ),
  },
  {
    id: 'started',
    label: 'Started',
    cell: r => (
      <CellText
        title={formatTime(r.startedAt)}
        description={formatDuration(r.startedAt, r.finishedAt)}
      />
    ),
  },
  {
    id: 'watermark',
    label: 'Watermark (xid)',
    cell: r => (
      <CellText
        className={styles.mono}
        title={formatWatermark(r.fromXid, r.toXid)}
      />
    ),
  },
  {
    id: 'tests',
    label: 'Tests',
    cell: r => (
      <Cell>
        <Text
          variant="body-medium"
          color={r.testsFailed ? 'danger' : 'primary'}
        >
          {formatTests(r.testsPassed, r.testsFailed)}
        </Text>
      </Cell>
    ),
  },
  {
    id: 'freshness',
    label: 'Freshness',
    cell: r => <CellText title={formatSeconds(r.freshnessSeconds)} />,
  },
];

/**
 * Runs, newest first as the backend lists them: status, trigger and who
 * started it, start and duration, watermark range, tests and freshness.
 * Each run links to its page.
 */
export function RunTable(props: { runs: PipelineRun[] }) {
  const runLink = useRouteRef(runRouteRef);
  const rows: Row[] = props.runs.map(r => ({
    ...r,
    id: r.runId,
    href: runLink?.({ runId: r.runId }),
  }));
  return <PagedTable columnConfig={columns} data={rows} />;
}
