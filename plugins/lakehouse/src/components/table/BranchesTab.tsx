import { useApi } from '@backstage/frontend-plugin-api';
import { Cell, CellText, ColumnConfig, Flex, Table, Text } from '@backstage/ui';
import type { Reference } from '@internal/backstage-plugin-lakehouse-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { lakehouseApiRef, TableRef } from '../../api';
import { ErrorPanel, LoadingRows } from '../common';
import styles from '../common/common.module.css';
import { CommitLog, shortHash } from './CommitLog';
import { RefDiff } from './RefDiff';

type Row = Reference & { id: string };

const columns: ColumnConfig<Row>[] = [
  {
    id: 'name',
    label: 'Reference',
    isRowHeader: true,
    cell: r => <CellText title={r.name} />,
  },
  {
    id: 'type',
    label: 'Type',
    cell: r => <CellText title={r.type === 'BRANCH' ? 'branch' : 'tag'} />,
  },
  {
    id: 'hash',
    label: 'Head',
    cell: r => (
      <Cell>
        <Text variant="body-small" className={styles.mono}>
          {r.hash ? shortHash(r.hash) : '—'}
        </Text>
      </Cell>
    ),
  },
];

/**
 * The catalog's branches and tags (Nessie's, or the DuckDB lakehouse's run
 * folders), this table's commit log on one of them, and a diff of two.
 */
export function BranchesTab(props: { tableRef: TableRef }) {
  const { catalog } = props.tableRef;
  const api = useApi(lakehouseApiRef);
  const state = useAsyncRetry(async () => {
    const [refs, catalogs] = await Promise.all([
      api.listRefs(catalog),
      api.listCatalogs(),
    ]);
    const defaultRef =
      catalogs.find(c => c.name === catalog)?.defaultRef ?? refs[0]?.name;
    return { refs, defaultRef };
  }, [api, catalog]);

  if (state.error) {
    return <ErrorPanel error={state.error} onRetry={state.retry} />;
  }
  if (!state.value) return <LoadingRows />;
  const { refs, defaultRef } = state.value;
  return (
    <Flex direction="column" gap="5">
      <Flex direction="column" gap="2">
        <Text as="h3" variant="title-x-small">
          {`Branches and tags (${refs.length})`}
        </Text>
        <Table
          columnConfig={columns}
          data={refs.map(r => ({ ...r, id: r.name }))}
          pagination={{ type: 'none' }}
        />
      </Flex>
      <CommitLog
        tableRef={props.tableRef}
        refs={refs}
        defaultRef={defaultRef}
      />
      <RefDiff catalog={catalog} refs={refs} defaultRef={defaultRef} />
    </Flex>
  );
}
