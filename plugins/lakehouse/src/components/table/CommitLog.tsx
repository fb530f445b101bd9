import { useApi } from '@backstage/frontend-plugin-api';
import {
  Cell,
  CellText,
  ColumnConfig,
  Flex,
  Select,
  Text,
} from '@backstage/ui';
import type {
  Commit,
  Reference,
} from '@internal/backstage-plugin-lakehouse-common';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { lakehouseApiRef, TableRef } from '../../api';
import { formatTime } from '@internal/backstage-plugin-scout-react';
import { ErrorPanel, LoadingRows, PagedTable } from '../common';
import styles from '../common/common.module.css';

type Row = Commit & { id: string };

// Nessie's hashes are 64 hex digits, shown like git's; the DuckDB
// lakehouse's commits are run ids, short and meaningful whole.
export const shortHash = (hash: string) =>
  /^[0-9a-f]{16,}$/.test(hash) ? hash.slice(0, 12) : hash;

const columns: ColumnConfig<Row>[] = [
  {
    id: 'hash',
    label: 'Commit',
    minWidth: 130,
    cell: c => (
      <Cell>
        <Text variant="body-small" className={styles.mono}>
          {shortHash(c.hash)}
        </Text>
      </Cell>
    ),
  },
  {
    id: 'message',
    label: 'Message',
    isRowHeader: true,
    defaultWidth: '3fr',
    minWidth: 240,
    cell: c => <CellText title={c.message} />,
  },
  {
    id: 'author',
    label: 'Author',
    minWidth: 120,
    cell: c => <CellText title={c.author ?? '—'} />,
  },
  {
    id: 'committed',
    label: 'Committed',
    minWidth: 160,
    cell: c => <CellText title={formatTime(c.committedAt)} />,
  },
];

/** The commits on one reference that touched this table. */
export function CommitLog(props: {
  tableRef: TableRef;
  refs: Reference[];
  defaultRef?: string;
}) {
  const { catalog, namespace, table } = props.tableRef;
  const api = useApi(lakehouseApiRef);
  const [refName, setRefName] = useState(props.defaultRef);
  const commits = useAsyncRetry(
    () => api.listTableCommits({ catalog, namespace, table }, refName),
    [api, catalog, namespace, table, refName],
  );

  let body;
  if (commits.error) {
    body = <ErrorPanel error={commits.error} onRetry={commits.retry} />;
  } else if (!commits.value) {
    body = <LoadingRows />;
  } else {
    body = (
      <PagedTable
        columnConfig={columns}
        data={commits.value.map(c => ({ ...c, id: c.hash }))}
        emptyState={
          <Text color="secondary">{`No commit on ${
            refName ?? 'this reference'
          } touched ${namespace}.${table}.`}</Text>
        }
      />
    );
  }
  return (
    <Flex direction="column" gap="2">
      <Flex align="end" justify="between" gap="3" className={styles.wrap}>
        <Text as="h3" variant="title-x-small">
          Commit log
        </Text>
        {props.refs.length > 0 && (
          <Select
            className={styles.picker}
            label="Reference"
            options={props.refs.map(r => ({ id: r.name, label: r.name }))}
            value={refName ?? null}
            onChange={key => setRefName(String(key))}
          />
        )}
      </Flex>
      {body}
    </Flex>
  );
}
