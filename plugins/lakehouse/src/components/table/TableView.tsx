import { useApi } from '@backstage/frontend-plugin-api';
import {
  Flex,
  Skeleton,
  Tab,
  TabList,
  TabPanel,
  Tabs,
  Text,
} from '@backstage/ui';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { lakehouseApiRef, TableRef } from '../../api';
import { useSearchState } from '../../lib/useSearchState';
import { ErrorPanel, LoadingRows } from '../common';
import styles from '../common/common.module.css';
import { BranchesTab } from './BranchesTab';
import { FilesTab } from './FilesTab';
import { OverviewTab } from './OverviewTab';
import { PreviewTab } from './PreviewTab';
import { SchemaTab } from './SchemaTab';
import { SnapshotsTab } from './SnapshotsTab';
import { TableNotFound } from './TableNotFound';
import { BackendRequestError } from '@internal/backstage-plugin-scout-react';

const TABS = [
  { id: 'overview', label: 'Overview' },
  { id: 'schema', label: 'Schema' },
  { id: 'preview', label: 'Preview' },
  { id: 'snapshots', label: 'Snapshots' },
  { id: 'files', label: 'Files & partitions' },
  { id: 'branches', label: 'Branches & commits' },
] as const;

type TabId = (typeof TABS)[number]['id'];

/**
 * One table: its header and the six tabs. The chosen tab lives in `?tab=`,
 * so each view of a table has its own address; a tab's data loads when the
 * tab is opened.
 */
export function TableView(props: { tableRef: TableRef }) {
  const { tableRef } = props;
  const { catalog, namespace, table } = tableRef;
  const api = useApi(lakehouseApiRef);
  const [params, update] = useSearchState();
  const tab: TabId =
    TABS.find(t => t.id === params.get('tab'))?.id ?? 'overview';
  const detail = useAsyncRetry(
    () => api.getTable({ catalog, namespace, table }),
    [api, catalog, namespace, table],
  );

  return (
    <Flex direction="column" gap="4">
      <Flex direction="column" gap="1">
        <Text as="h2" variant="title-medium" className={styles.title}>
          {table}
        </Text>
        <Text variant="body-medium" color="secondary">
          {`${catalog} / ${namespace}`}
        </Text>
        {detail.value?.description && (
          <Text variant="body-medium">{detail.value.description}</Text>
        )}
        {detail.loading && !detail.value && (
          <Skeleton width="60%" height={20} />
        )}
      </Flex>
      {detail.error ? (
        <>
          <ErrorPanel error={detail.error} onRetry={detail.retry} />
          {detail.error instanceof BackendRequestError &&
            detail.error.status === 404 && (
              <TableNotFound tableRef={tableRef} />
            )}
        </>
      ) : (
        <Tabs
          selectedKey={tab}
          onSelectionChange={key => update({ tab: String(key) })}
        >
          <TabList aria-label="Table views" className={styles.tabList}>
            {TABS.map(t => (
              <Tab key={t.id} id={t.id} className={styles.tab}>
                {t.label}
              </Tab>
            ))}
          </TabList>
          <TabPanel id="overview">
            {detail.value ? (
              <OverviewTab detail={detail.value} />
            ) : (
              <LoadingRows />
            )}
          </TabPanel>
          <TabPanel id="schema">
            {detail.value ? (
              <SchemaTab columns={detail.value.columns} />
            ) : (
              <LoadingRows rows={8} />
            )}
          </TabPanel>
          <TabPanel id="preview">
            <PreviewTab tableRef={tableRef} />
          </TabPanel>
          <TabPanel id="snapshots">
            <SnapshotsTab tableRef={tableRef} />
          </TabPanel>
          <TabPanel id="files">
            <FilesTab tableRef={tableRef} />
          </TabPanel>
          <TabPanel id="branches">
            <BranchesTab tableRef={tableRef} />
          </TabPanel>
        </Tabs>
      )}
    </Flex>
  );
}
