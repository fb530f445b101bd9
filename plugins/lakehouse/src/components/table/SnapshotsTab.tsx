import { useApi } from '@backstage/frontend-plugin-api';
import { Button, Cell, CellText, ColumnConfig, Text } from '@backstage/ui';
import type { Snapshot } from '@internal/backstage-plugin-lakehouse-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { lakehouseApiRef, TableRef } from '../../api';
import { formatTime } from '@internal/backstage-plugin-scout-react';
import { summaryCount } from '../../lib/format';
import { useSearchState } from '../../lib/useSearchState';
import { EmptyState, ErrorPanel, LoadingRows, PagedTable } from '../common';
import styles from '../common/common.module.css';

type Row = Snapshot & { id: string };

/** The table's snapshots, newest first, each one a time-travel target. */
export function SnapshotsTab(props: { tableRef: TableRef }) {
  const { catalog, namespace, table } = props.tableRef;
  const api = useApi(lakehouseApiRef);
  const [, update] = useSearchState();
  const state = useAsyncRetry(async () => {
    const [snapshots, catalogs] = await Promise.all([
      api.listSnapshots({ catalog, namespace, table }),
      api.listCatalogs(),
    ]);
    const engine = catalogs.find(c => c.name === catalog)?.engine;
    return { snapshots, engine };
  }, [api, catalog, namespace, table]);

  if (state.error) {
    return <ErrorPanel error={state.error} onRetry={state.retry} />;
  }
  if (!state.value) return <LoadingRows />;
  const { snapshots, engine } = state.value;
  if (snapshots.length === 0) {
    return engine === 'duckdb' ? (
      <EmptyState
        title="No snapshots: this engine reads Parquet files; snapshots need Iceberg."
        description="Start the Trino and Nessie stack (./scripts/yarn scout stack up) and build the lakehouse there to browse snapshots and time travel."
      />
    ) : (
      <EmptyState
        title="No snapshots yet."
        description="The table has no committed data; the next pipeline run adds one."
      />
    );
  }

  const columns: ColumnConfig<Row>[] = [
    {
      id: 'committed',
      label: 'Committed',
      isRowHeader: true,
      // Seven columns: on a narrow screen the table scrolls in its container.
      minWidth: 170,
      cell: s => (
        <CellText
          title={formatTime(s.committedAt)}
          description={
            s.isCurrentAncestor ? 'current lineage' : 'not in current history'
          }
        />
      ),
    },
    {
      id: 'snapshot',
      label: 'Snapshot',
      minWidth: 180,
      cell: s => (
        <Cell>
          <Text variant="body-small" className={styles.mono}>
            {s.snapshotId}
          </Text>
        </Cell>
      ),
    },
    {
      id: 'operation',
      label: 'Operation',
      minWidth: 100,
      cell: s => <CellText title={s.operation ?? '—'} />,
    },
    {
      id: 'added',
      label: 'Added records',
      minWidth: 110,
      cell: s => <CellText title={summaryCount(s.summary, 'added-records')} />,
    },
    {
      id: 'deleted',
      label: 'Deleted records',
      minWidth: 110,
      cell: s => (
        <CellText title={summaryCount(s.summary, 'deleted-records')} />
      ),
    },
    {
      id: 'total',
      label: 'Total records',
      minWidth: 110,
      cell: s => <CellText title={summaryCount(s.summary, 'total-records')} />,
    },
    {
      id: 'action',
      label: '',
      minWidth: 190,
      cell: s => (
        <Cell>
          <Button
            size="small"
            variant="secondary"
            onPress={() => update({ tab: 'preview', snapshot: s.snapshotId })}
          >
            Preview at this snapshot
          </Button>
        </Cell>
      ),
    },
  ];
  const rows = snapshots.map(s => ({ ...s, id: s.snapshotId }));
  return <PagedTable columnConfig={columns} data={rows} />;
}
