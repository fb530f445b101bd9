import { useApi, useRouteRef } from '@backstage/frontend-plugin-api';
import { Link, Text } from '@backstage/ui';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { scoutApiRef } from '../../api';
import {
  formatCount,
  formatTime,
} from '@internal/backstage-plugin-scout-react';
import { rootRouteRef } from '../../routes';
import { EmptyState, ErrorPanel, LoadingRows } from '../common';
import styles from './home.module.css';

/** The Lakehouse page's table address: /lakehouse/:catalog/:namespace/:table. */
function tableHref(catalog: string, layer: string, table: string) {
  return `/lakehouse/${[catalog, layer, table]
    .map(encodeURIComponent)
    .join('/')}`;
}

/** Home card: each lakehouse layer on main with its row count and tables. */
export function ScoutLakehouseLayers() {
  const api = useApi(scoutApiRef);
  const pipelineLink = useRouteRef(rootRouteRef);
  const overview = useAsyncRetry(() => api.getOverview(), [api]);

  let content;
  const published = overview.value?.lastPublished;
  if (overview.error) {
    content = <ErrorPanel error={overview.error} onRetry={overview.retry} />;
  } else if (!overview.value) {
    content = <LoadingRows rows={4} />;
  } else if (!published || overview.value.layers.length === 0) {
    content = (
      <EmptyState
        title="Nothing published yet"
        description="The layers fill when a pipeline run publishes to main: the scheduler runs one about 30 s after the portal starts."
      >
        {pipelineLink && (
          <Link href={pipelineLink()}>Open the Pipeline page</Link>
        )}
      </EmptyState>
    );
  } else {
    // Set whenever a run has published.
    const catalog = overview.value.lakehouseCatalog ?? 'lakehouse';
    content = (
      <>
        <Text variant="body-small" color="secondary">
          On main since run {published.runId},{' '}
          {formatTime(published.finishedAt)}
        </Text>
        <ul className={styles.list}>
          {overview.value.layers.map(layer => (
            <li key={layer.layer} className={styles.layer}>
              <div className={styles.layerHead}>
                <Text variant="body-medium" weight="bold">
                  {layer.layer}
                </Text>
                <Text variant="body-medium">
                  {formatCount(layer.rows)} rows
                </Text>
              </div>
              <div className={styles.tables}>
                {layer.tables.map(t => (
                  <Text key={t.name} variant="body-small">
                    <Link href={tableHref(catalog, layer.layer, t.name)}>
                      {t.name}
                    </Link>{' '}
                    <Text as="span" variant="body-small" color="secondary">
                      {formatCount(t.rows)}
                    </Text>
                  </Text>
                ))}
              </div>
            </li>
          ))}
        </ul>
      </>
    );
  }
  return <div className={styles.card}>{content}</div>;
}
