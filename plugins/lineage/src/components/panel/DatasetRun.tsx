import { useRouteRef } from '@backstage/frontend-plugin-api';
import { Flex, Link, Text } from '@backstage/ui';
import {
  formatCount,
  formatTime,
} from '@internal/backstage-plugin-scout-react';
import type { LastRun } from '../../lib/graph-transformations';
import { pipelineRunRouteRef } from '../../routes';
import styles from './panel.module.css';

/**
 * The last Scout pipeline run that built or checked the dataset, linked to
 * its page on the Pipeline page; says so when none is recorded (an old
 * server, or a dataset no Scout run writes).
 */
export function DatasetRun(props: { run?: LastRun }) {
  const { run } = props;
  const runLink = useRouteRef(pipelineRunRouteRef);
  return (
    <Flex direction="column" gap="1">
      <Text variant="body-medium" weight="bold">
        Last run
      </Text>
      {!run ? (
        <Text variant="body-small" color="secondary">
          No Scout pipeline run recorded for this dataset.
        </Text>
      ) : (
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
