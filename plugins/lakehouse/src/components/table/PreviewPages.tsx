import { useApi } from '@backstage/frontend-plugin-api';
import { Button, Flex, Text } from '@backstage/ui';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { lakehouseApiRef, TableRef } from '../../api';
import { formatCount } from '@internal/backstage-plugin-scout-react';
import { EmptyState, ErrorPanel, LoadingRows } from '../common';
import styles from '../common/common.module.css';
import { PreviewGrid } from './PreviewGrid';

const PAGE_SIZE = 100;

/**
 * Server-side paging: each page is one request with limit and offset, and
 * only that page is in the DOM. The previous page stays visible, dimmed,
 * while the next one loads.
 */
export function PreviewPages(props: {
  tableRef: TableRef;
  refName?: string;
  snapshot?: string;
}) {
  const { refName, snapshot } = props;
  const { catalog, namespace, table } = props.tableRef;
  const api = useApi(lakehouseApiRef);
  const [offset, setOffset] = useState(0);
  const page = useAsyncRetry(
    () =>
      api.previewTable(
        { catalog, namespace, table },
        { limit: PAGE_SIZE, offset, ref: refName, snapshot },
      ),
    [api, catalog, namespace, table, offset, refName, snapshot],
  );
  const preview = page.value;

  let body;
  if (page.error) {
    body = <ErrorPanel error={page.error} onRetry={page.retry} />;
  } else if (!preview) {
    body = <LoadingRows rows={10} />;
  } else if (preview.rows.length === 0) {
    body = (
      <EmptyState
        title={
          preview.offset === 0 ? 'The table has no rows.' : 'No more rows.'
        }
      />
    );
  } else {
    body = <PreviewGrid preview={preview} stale={page.loading} />;
  }

  return (
    <Flex direction="column" gap="3">
      <Flex align="center" justify="between" gap="2" className={styles.wrap}>
        <Text variant="body-medium" color="secondary">
          {preview && preview.rows.length > 0
            ? `Rows ${formatCount(preview.offset + 1)}–${formatCount(
                preview.offset + preview.rows.length,
              )}${snapshot ? ` at snapshot ${snapshot}` : ''}`
            : ''}
        </Text>
        <Flex gap="2">
          <Button
            size="small"
            variant="secondary"
            isDisabled={offset === 0 || page.loading}
            onPress={() => setOffset(Math.max(0, offset - PAGE_SIZE))}
          >
            Previous
          </Button>
          <Button
            size="small"
            variant="secondary"
            isDisabled={!preview?.hasMore || page.loading}
            onPress={() => setOffset(offset + PAGE_SIZE)}
          >
            Next
          </Button>
        </Flex>
      </Flex>
      {body}
    </Flex>
  );
}
