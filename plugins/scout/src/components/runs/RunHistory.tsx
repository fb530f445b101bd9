import type { PipelineRun } from '@internal/backstage-plugin-scout-client';
import { EmptyState, ErrorPanel, LoadingRows } from '../common';
import { RunTable } from './RunTable';

/** The state of a run list as `useAsyncRetry` reports it. */
export type RunsState = {
  value?: PipelineRun[];
  error?: Error;
  retry: () => void;
};

/** The run history with its loading, error and empty states. */
export function RunHistory(props: { runs: RunsState }) {
  const { value, error, retry } = props.runs;
  if (error) return <ErrorPanel error={error} onRetry={retry} />;
  if (!value) return <LoadingRows rows={6} />;
  if (value.length === 0) {
    return (
      <EmptyState
        title="No runs yet: the scheduler runs the first about 30 s after the portal starts."
        description="Wait for it, or start one now with Run now (or ./scripts/yarn scout pipeline run)."
      />
    );
  }
  return <RunTable runs={value} />;
}
