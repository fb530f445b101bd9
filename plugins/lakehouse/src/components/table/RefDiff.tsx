import { useApi } from '@backstage/frontend-plugin-api';
import {
  CellText,
  ColumnConfig,
  Flex,
  Select,
  Table,
  Text,
} from '@backstage/ui';
import type {
  DiffEntry,
  Reference,
} from '@internal/backstage-plugin-lakehouse-common';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { lakehouseApiRef } from '../../api';
import { ErrorPanel, LoadingRows } from '../common';
import styles from '../common/common.module.css';

type Row = DiffEntry & { id: string };

const CHANGE_LABEL: Record<DiffEntry['change'], string> = {
  ADDED: 'added',
  MODIFIED: 'modified',
  REMOVED: 'removed',
};

const columns: ColumnConfig<Row>[] = [
  {
    id: 'table',
    label: 'Table',
    isRowHeader: true,
    cell: d => <CellText title={`${d.namespace}.${d.table}`} />,
  },
  {
    id: 'change',
    label: 'Change',
    cell: d => <CellText title={CHANGE_LABEL[d.change]} />,
  },
];

/** The tables added, modified or removed between two references. */
export function RefDiff(props: {
  catalog: string;
  refs: Reference[];
  defaultRef?: string;
}) {
  const { catalog, refs } = props;
  const api = useApi(lakehouseApiRef);
  const [from, setFrom] = useState(props.defaultRef);
  const [to, setTo] = useState<string>();
  const ready = Boolean(from && to && from !== to);
  const diff = useAsyncRetry(
    async () => (ready ? api.diffRefs(catalog, from!, to!) : undefined),
    [api, catalog, from, to, ready],
  );

  const options = refs.map(r => ({ id: r.name, label: r.name }));
  let body;
  if (refs.length < 2) {
    body = (
      <Text color="secondary">
        There is only one reference; a pipeline run creates a branch to compare.
      </Text>
    );
  } else if (!ready) {
    body = <Text color="secondary">Choose two different references.</Text>;
  } else if (diff.error) {
    body = <ErrorPanel error={diff.error} onRetry={diff.retry} />;
  } else if (!diff.value) {
    body = <LoadingRows rows={3} />;
  } else {
    const rows = diff.value.map(d => ({
      ...d,
      id: `${d.namespace}.${d.table}`,
    }));
    body = (
      <Table
        columnConfig={columns}
        data={rows}
        pagination={{ type: 'none' }}
        emptyState={
          <Text color="secondary">{`No table differs between ${from} and ${to}.`}</Text>
        }
      />
    );
  }

  return (
    <Flex direction="column" gap="2">
      <Text as="h3" variant="title-x-small">
        Compare references
      </Text>
      <Flex gap="3" align="end" className={styles.wrap}>
        <Select
          className={styles.picker}
          label="From"
          options={options}
          value={from ?? null}
          onChange={key => setFrom(String(key))}
        />
        <Select
          className={styles.picker}
          label="To"
          options={options}
          value={to ?? null}
          onChange={key => setTo(String(key))}
        />
      </Flex>
      {body}
    </Flex>
  );
}
