import { Flex, Text } from '@backstage/ui';
import type { PipelineRun } from '@internal/backstage-plugin-scout-client';
import {
  formatClock,
  formatDuration,
} from '@internal/backstage-plugin-scout-react';
import { STEP_PURPOSE, stepsToShow } from '../../lib/steps';
import { StatusChip } from '../common';
import styles from '../pipeline.module.css';

const STEP_CLASS: Record<string, string | undefined> = {
  running: styles.stepRunning,
  failed: styles.stepFailed,
  pending: styles.pending,
};

/**
 * The run's steps as a timeline: status, start, duration and the step's
 * one-line detail; a running run's later steps are shown as pending.
 */
export function StepList(props: { run: PipelineRun }) {
  const steps = stepsToShow(props.run);
  if (steps.length === 0) {
    return (
      <Text variant="body-medium" color="secondary">
        This run recorded no steps.
      </Text>
    );
  }
  return (
    <ol className={styles.steps} aria-label="Steps">
      {steps.map(step => (
        <li
          key={step.name}
          className={`${styles.step} ${STEP_CLASS[step.status] ?? ''}`}
        >
          <StatusChip status={step.status} />
          <Flex direction="column" gap="1">
            <Text variant="body-medium" weight="bold">
              {step.name}
              <Text as="span" variant="body-medium" color="secondary">
                {' '}
                · {STEP_PURPOSE[step.name]}
              </Text>
            </Text>
            {step.startedAt && (
              <Text variant="body-small" color="secondary">
                {formatClock(step.startedAt)} UTC,{' '}
                {formatDuration(step.startedAt, step.finishedAt)}
                {step.finishedAt ? '' : ' so far'}
              </Text>
            )}
            {step.detail && (
              <Text
                variant="body-small"
                color={step.status === 'failed' ? 'danger' : 'primary'}
              >
                {step.detail}
              </Text>
            )}
          </Flex>
        </li>
      ))}
    </ol>
  );
}
