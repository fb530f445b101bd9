import { Text } from '@backstage/ui';
import type {
  PipelineRun,
  PipelineRunDetail,
} from '@internal/backstage-plugin-scout-client';
import { ReactNode } from 'react';
import {
  formatDuration,
  formatSeconds,
  formatTime,
} from '@internal/backstage-plugin-scout-react';
import { formatTests, formatWatermark } from '../../lib/format';
import { StatusChip } from '../common';
import commonStyles from '../common/common.module.css';
import styles from '../pipeline.module.css';

/** Where a run stages its build: Trino runs on a Nessie branch, DuckDB in a folder. */
export function stagingLabel(engine: PipelineRun['engine']): string {
  return engine === 'trino' ? 'Nessie branch' : 'Staging folder';
}

function Fact(props: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text as="div" variant="body-small" color="secondary">
        {props.label}
      </Text>
      <dd>{props.children}</dd>
    </div>
  );
}

/** A run's facts: outcome, who and when, watermark, staging, tests, freshness. */
export function RunFacts(props: { run: PipelineRun | PipelineRunDetail }) {
  const { run } = props;
  return (
    <dl className={styles.facts}>
      <Fact label="Status">
        <StatusChip status={run.status} />
      </Fact>
      <Fact label="Engine">{run.engine}</Fact>
      <Fact label="Trigger">
        {run.trigger}
        {run.startedBy ? ` by ${run.startedBy}` : ''}
      </Fact>
      <Fact label="Started">{formatTime(run.startedAt)}</Fact>
      <Fact label={run.finishedAt ? 'Duration' : 'Running for'}>
        {formatDuration(run.startedAt, run.finishedAt)}
      </Fact>
      <Fact label="Watermark (source xid)">
        <span className={commonStyles.mono}>
          {formatWatermark(run.fromXid, run.toXid)}
        </span>
      </Fact>
      <Fact label={stagingLabel(run.engine)}>
        <span className={commonStyles.mono}>{run.branch ?? '—'}</span>
      </Fact>
      <Fact label="Tests">
        {formatTests(run.testsPassed, run.testsFailed, skippedTests(run))}
      </Fact>
      <Fact label="Freshness">{formatSeconds(run.freshnessSeconds)}</Fact>
    </dl>
  );
}

// dbt skips the tests of models downstream of a failure; the run's counts
// leave them out, the detail's test list (when given) has them.
function skippedTests(run: PipelineRun | PipelineRunDetail): number {
  if (!('tests' in run)) return 0;
  return run.tests.filter(t => t.status === 'skipped').length;
}
