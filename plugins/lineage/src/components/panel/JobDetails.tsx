import { CodeSnippet } from '@backstage/core-components';
import { Flex, Text } from '@backstage/ui';
import type { JobNode } from '../../lib/graph-transformations';
import styles from './panel.module.css';
import { WrappingName } from './WrappingName';

/** A job: where it runs, its latest run and the SQL it ran. */
export function JobDetails(props: { job: JobNode }) {
  const { job } = props;
  return (
    <Flex direction="column" gap="3">
      <Text as="h3" variant="title-x-small">
        <WrappingName name={job.name} />
      </Text>
      <dl className={styles.facts}>
        <dt>Kind</dt>
        <dd>Job</dd>
        <dt>Namespace</dt>
        <dd className={styles.mono}>
          <WrappingName name={job.namespace} />
        </dd>
        <dt>Latest run</dt>
        <dd className={styles.mono}>
          {job.latestRun?.runId ?? 'none recorded'}
        </dd>
        <dt>State</dt>
        <dd>{job.latestRun?.state ?? '–'}</dd>
      </dl>
      {job.sql ? (
        <CodeSnippet text={job.sql} language="sql" showCopyCodeButton />
      ) : (
        <Text variant="body-small" color="secondary">
          Its producer sent no SQL for this job.
        </Text>
      )}
    </Flex>
  );
}
