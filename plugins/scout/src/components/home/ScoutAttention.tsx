import { useApi, useRouteRef } from '@backstage/frontend-plugin-api';
import { Link, Text } from '@backstage/ui';
import type { Attention } from '@internal/backstage-plugin-scout-client';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { scoutApiRef } from '../../api';
import { rootRouteRef, runRouteRef } from '../../routes';
import { ErrorPanel, LoadingRows, StatusChip } from '../common';
import styles from './home.module.css';

/** Where to look into an item: its run, or the run history. */
function useItemLink(): (item: Attention) => string | undefined {
  const runLink = useRouteRef(runRouteRef);
  const pipelineLink = useRouteRef(rootRouteRef);
  return item => {
    if (item.runId) return runLink?.({ runId: item.runId });
    return item.kind === 'stale-data' ? pipelineLink?.() : undefined;
  };
}

/**
 * Home card: what needs attention (failed runs, failing tests, stale
 * data, quarantine), errors first, each linked to where to look; or that
 * all is clear.
 */
export function ScoutAttention() {
  const api = useApi(scoutApiRef);
  const linkOf = useItemLink();
  const overview = useAsyncRetry(() => api.getOverview(), [api]);

  let content;
  if (overview.error) {
    content = <ErrorPanel error={overview.error} onRetry={overview.retry} />;
  } else if (!overview.value) {
    content = <LoadingRows rows={3} />;
  } else if (overview.value.attention.length === 0) {
    content = (
      <div className={styles.item}>
        <StatusChip status="pass" />
        <Text variant="body-medium">
          All clear: the last run published, its tests passed, the data is fresh
          and nothing was quarantined in the last 24 h.
        </Text>
      </div>
    );
  } else {
    const items = [...overview.value.attention].sort(
      (a, b) => Number(b.severity === 'error') - Number(a.severity === 'error'),
    );
    content = (
      <ul className={styles.list}>
        {items.map((item, i) => {
          const href = linkOf(item);
          return (
            <li key={`${item.kind}-${i}`} className={styles.item}>
              <StatusChip status={item.severity} />
              <div>
                {href ? (
                  <Link href={href} weight="bold">
                    {item.title}
                  </Link>
                ) : (
                  <Text variant="body-medium" weight="bold">
                    {item.title}
                  </Text>
                )}
                <Text as="div" variant="body-small" color="secondary">
                  {item.detail}
                </Text>
              </div>
            </li>
          );
        })}
      </ul>
    );
  }
  return <div className={styles.card}>{content}</div>;
}
