import { useRouteRef } from '@backstage/frontend-plugin-api';
import { Flex, Link, Text } from '@backstage/ui';
import {
  formatCount,
  formatTime,
} from '@internal/backstage-plugin-scout-react';
import type { LastRun, LastWrite } from '../../lib/graph-transformations';
import { pipelineRunRouteRef } from '../../routes';
import styles from './panel.module.css';

/** The newest event any producer sent that wrote the dataset. */
function LastWriteFacts(props: { write: LastWrite }) {
  const { write } = props;
  return (
    <dl className={styles.facts} aria-label="Last write">
      <dt>Job</dt>
      <dd className={styles.mono}>{write.job.name}</dd>
      <dt>Run</dt>
      <dd className={styles.mono}>{write.runId}</dd>
      <dt>State</dt>
      <dd>
        <Text
          variant="body-small"
          color={['FAIL', 'ABORT'].includes(write.state) ? 'danger' : undefined}
        >
          {write.state}
        </Text>
      </dd>
      <dt>At</dt>
      <dd>{formatTime(write.eventTime)}</dd>
      <dt>Rows</dt>
      <dd>{write.rows === null ? 'not reported' : formatCount(write.rows)}</dd>
    </dl>
  );
}

/**
 * The last Scout pipeline run that built or checked the dataset, linked to
 * its page on the Pipeline page; without one, the newest event any
 * producer sent that wrote it; says so when neither is recorded (an old
 * server, or a source).
 */
export function DatasetRun(props: { run?: LastRun; write?: LastWrite }) {
  const { run, write } = props;
  const runLink = useRouteRef(pipelineRunRouteRef);
  return (
    <Flex direction="column" gap="1">
      <Text variant="body-medium" weight="bold">
        Last run
      </Text>
      {!run && write && <LastWriteFacts write={write} />}
      {!run && !write && (
        <Text variant="body-small" color="secondary">
          No Scout pipeline run recorded for this dataset.
        </Text>
      )}
      {run && (
        <dl className={styles.facts} aria-label="Last run">
          <dt>Run</dt>
          <dd className={styles.mono}>
            {runLink ? (
              <Link href={runLink({ runId: run.runId })}>{run.runId}</Link>
            ) : (
              run.runId
            )}
          </dd>
          <dt>Status</dt>
          <dd>
            <Text
              variant="body-small"
              color={run.status === 'failed' ? 'danger' : 'success'}
            >
              {run.status}
            </Text>
          </dd>
          <dt>Engine</dt>
          <dd>{run.engine || '–'}</dd>
          <dt>Finished</dt>
          <dd>{formatTime(run.finishedAt)}</dd>
          <dt>Rows</dt>
          <dd>{run.rows === null ? 'not counted' : formatCount(run.rows)}</dd>
        </dl>
      )}
    </Flex>
  );
}
