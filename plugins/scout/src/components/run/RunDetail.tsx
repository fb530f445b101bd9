import { useRouteRef } from '@backstage/frontend-plugin-api';
import { Alert, ButtonLink, Flex, Text } from '@backstage/ui';
import type { PipelineRunDetail } from '@internal/backstage-plugin-scout-client';
import { ReactNode } from 'react';
import {
  errorStatus,
  formatDuration,
} from '@internal/backstage-plugin-scout-react';
import { currentStep } from '../../lib/steps';
import { useFollowedRun } from '../../lib/useFollowedRun';
import { rootRouteRef } from '../../routes';
import { EmptyState, ErrorPanel, LoadingRows } from '../common';
import styles from '../pipeline.module.css';
import { RowsTable } from './RowsTable';
import { RunFacts } from './RunFacts';
import { StepList } from './StepList';
import { TestTable } from './TestTable';

function Section(props: { title: string; children: ReactNode }) {
  return (
    <section>
      <Flex direction="column" gap="2">
        <Text as="h3" variant="title-x-small">
          {props.title}
        </Text>
        {props.children}
      </Flex>
    </section>
  );
}

/** What a running run is doing now, or how it ended. */
function Progress(props: { run: PipelineRunDetail }) {
  const { run } = props;
  if (run.status === 'running') {
    const step = currentStep(run);
    return (
      <Alert
        status="info"
        isPending
        title={
          step
            ? `Running: ${step.name} (${formatDuration(step.startedAt, null)})`
            : 'Running: starting'
        }
        description="This page follows the run and updates every 2 seconds; a run usually takes 1 to 3 minutes."
      />
    );
  }
  if (run.status === 'failed') {
    return (
      <Alert
        status="danger"
        icon
        title="The run failed; main is unchanged"
        description={run.error ?? 'The run failed without a message.'}
      />
    );
  }
  if (run.status === 'published') {
    return (
      <Alert
        status="success"
        icon
        title="The run published to main"
        description="The lakehouse tables and their catalog Resources now show this run's data."
      />
    );
  }
  return null;
}

/**
 * /pipeline/runs/:runId: one run, followed while it runs: its facts, steps,
 * tests and expectations (failures first) and rows per table; unknown ids say so.
 */
export function RunDetail(props: { runId: string }) {
  const followed = useFollowedRun(props.runId);
  const pipelineLink = useRouteRef(rootRouteRef);
  const back = pipelineLink && (
    <ButtonLink variant="secondary" size="small" href={pipelineLink()}>
      Back to the run history
    </ButtonLink>
  );

  const { run, error, retry } = followed;
  // 400: the id is not even shaped like a run id.
  const status = error && errorStatus(error);
  if (status === 404 || status === 400) {
    return (
      <EmptyState
        title={`There is no pipeline run ${props.runId}.`}
        description="The address may be mistyped, or the run belongs to another portal's database."
      >
        <Flex>{back}</Flex>
      </EmptyState>
    );
  }
  if (!run) {
    return error ? (
      <ErrorPanel error={error} onRetry={retry} />
    ) : (
      <LoadingRows rows={8} />
    );
  }
  return (
    <Flex direction="column" gap="4" className={styles.wrapAnywhere}>
      <div className={styles.toolbar}>
        <Text as="h2" variant="title-small">
          Run {run.runId}
        </Text>
        {back}
      </div>
      {error && <ErrorPanel error={error} onRetry={retry} />}
      <Progress run={run} />
      <RunFacts run={run} />
      <Section title="Steps">
        <StepList run={run} />
      </Section>
      <Section title="Tests and expectations">
        <TestTable tests={run.tests} />
      </Section>
      <Section title="Rows per table">
        <RowsTable rows={run.rows} />
      </Section>
    </Flex>
  );
}
