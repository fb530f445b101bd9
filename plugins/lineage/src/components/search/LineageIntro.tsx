import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { Flex, Link, Text } from '@backstage/ui';
import useAsync from 'react-use/esm/useAsync';
import { lineageApiRef } from '../../api';
import { formatAge, secondsSince } from '../../lib/badges';
import { EmptyState } from '@internal/backstage-plugin-scout-react';
import { useNodeHref } from './NodeSearch';
import styles from './search.module.css';

/**
 * The page with no node picked: what it shows, and the datasets jobs
 * wrote most recently (sources, which jobs only read, are not listed).
 */
export function LineageIntro() {
  const api = useApi(lineageApiRef);
  const href = useNodeHref();
  const recent = useAsync(() => api.getRecentlyWritten(8), [api]);
  return (
    <Flex direction="column" gap="3">
      <Text variant="body-medium" color="secondary">
        Where does a number come from, and what breaks if a column changes? Pick
        a dataset to see the jobs that write it and the datasets they read,
        expand it upstream and downstream, and follow a column back to its
        source.
      </Text>
      {recent.loading && <Progress />}
      {recent.error && (
        <ResponseErrorPanel
          title="Could not list recent datasets"
          error={recent.error}
        />
      )}
      {recent.value && !recent.value.length && (
        <EmptyState
          title="No lineage recorded yet"
          description="Lineage appears after the pipeline's first run: Trino, dbt and the platform's jobs send OpenLineage events to the portal as they write."
        />
      )}
      {recent.value && recent.value.length > 0 && (
        <Flex direction="column" gap="1">
          <Text variant="body-medium" weight="bold">
            Recently written datasets
          </Text>
          <ul className={styles.list} aria-label="Recent datasets">
            {recent.value.map(r => (
              <li key={r.nodeId}>
                <Link href={href(r.nodeId)}>{r.name}</Link>{' '}
                <Text as="span" variant="body-small" color="secondary">
                  {writtenLabel(r.namespace, r.writtenAt)}
                </Text>
              </li>
            ))}
          </ul>
        </Flex>
      )}
    </Flex>
  );
}

/** `duckdb://lakehouse · written 3 min ago`, or the namespace alone. */
function writtenLabel(namespace: string, writtenAt: string) {
  const age = secondsSince(writtenAt, Date.now());
  return age === undefined
    ? namespace
    : `${namespace} · written ${formatAge(age)} ago`;
}
