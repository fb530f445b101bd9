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

// A run id and a start time (20 characters each) read whole at 1280 px;
// the short columns (trigger, status, freshness) give them the room.
const columns: ColumnConfig<Row>[] = [
  {
    id: 'run',
    label: 'Run',
    isRowHeader: true,
    defaultWidth: '4fr',
    minWidth: 210,
    cell: r => (
      <CellText title={r.runId} href={r.href} description={r.engine} />
    ),
  },
  {
    id: 'status',
    label: 'Status',
    defaultWidth: '2fr',
    cell: r => (
      <Cell>
        <StatusChip status={r.status} />
      </Cell>
    ),
  },
  {
    id: 'trigger',
    label: 'Trigger',
    defaultWidth: '2fr',
    cell: r => (
      <CellText title={r.trigger} description={r.startedBy ?? undefined} />
    ),
  },
  {
    id: 'started',
    label: 'Started',
    defaultWidth: '3fr',
    minWidth: 190,
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
    defaultWidth: '2fr',
    minWidth: 175,
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
    defaultWidth: '2fr',
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
    defaultWidth: '2fr',
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
