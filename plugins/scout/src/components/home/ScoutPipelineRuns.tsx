import { useApi, useRouteRef } from '@backstage/frontend-plugin-api';
import { Link, Text } from '@backstage/ui';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { scoutApiRef } from '../../api';
import {
  formatSeconds,
  formatTime,
} from '@internal/backstage-plugin-scout-react';
import { formatTests } from '../../lib/format';
import { rootRouteRef, runRouteRef } from '../../routes';
import { EmptyState, ErrorPanel, LoadingRows, StatusChip } from '../common';
import styles from './home.module.css';

/** How many runs the card lists. */
const RUNS = 5;

/** Home card: the last runs with outcome, tests and freshness, each linked. */
export function ScoutPipelineRuns() {
  const api = useApi(scoutApiRef);
  const runLink = useRouteRef(runRouteRef);
  const pipelineLink = useRouteRef(rootRouteRef);
  const runs = useAsyncRetry(() => api.listRuns({ limit: RUNS }), [api]);

  let content;
  if (runs.error) {
    content = <ErrorPanel error={runs.error} onRetry={runs.retry} />;
  } else if (!runs.value) {
    content = <LoadingRows rows={RUNS} />;
  } else if (runs.value.length === 0) {
    content = (
      <EmptyState
        title="No runs yet"
        description="The scheduler runs the pipeline about 30 s after the portal starts; or start one on the Pipeline page."
      />
    );
  } else {
    content = (
      <ul className={styles.list}>
        {runs.value.map(run => (
          <li key={run.runId} className={styles.item}>
            <StatusChip status={run.status} />
            <div>
              {runLink ? (
                <Link href={runLink({ runId: run.runId })}>{run.runId}</Link>
              ) : (
                <Text>{run.runId}</Text>
              )}
              <Text as="div" variant="body-small" color="secondary">
                {formatTime(run.startedAt)} · tests{' '}
                {formatTests(run.testsPassed, run.testsFailed)} · freshness{' '}
                {formatSeconds(run.freshnessSeconds)}
              </Text>
            </div>
          </li>
        ))}
      </ul>
    );
  }
  return (
    <div className={styles.card}>
      {content}
      {pipelineLink && (
        <div className={styles.footer}>
          <Link href={pipelineLink()}>All runs on the Pipeline page</Link>
        </div>
      )}
    </div>
  );
}
