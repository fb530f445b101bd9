import { fetchApiRef, useApi } from '@backstage/frontend-plugin-api';
import { Alert, Button, Flex, Text } from '@backstage/ui';
import { useEffect, useState } from 'react';
import { LakehouseError } from '../../api';
import { type PipelineRunOutcome, runPipeline } from './runPipeline';

type State =
  | { phase: 'idle' }
  | { phase: 'running'; startedAt: number }
  | { phase: 'done'; run: PipelineRunOutcome }
  | { phase: 'failed'; error: Error };

/** Seconds since `startedAt`, ticking while shown. */
function useElapsed(startedAt: number | undefined): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (startedAt === undefined) return undefined;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [startedAt]);
  return startedAt === undefined
    ? 0
    : Math.max(0, Math.floor((now - startedAt) / 1000));
}

const minutes = (seconds: number) =>
  `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;

function Outcome({ state }: { state: State }) {
  const elapsed = useElapsed(
    state.phase === 'running' ? state.startedAt : undefined,
  );
  switch (state.phase) {
    case 'running':
      return (
        <Alert
          status="info"
          isPending
          title={`Pipeline run in progress (${minutes(elapsed)})`}
          description="Bronze, then dbt on a branch, tests, and a merge into main: usually 1 to 3 minutes."
        />
      );
    case 'done': {
      const published = state.run.status === 'published';
      const fallback = published
        ? 'Published to main: reload the page to see it in the tables.'
        : 'Main is unchanged; yarn scout pipeline runs shows the record.';
      return (
        <Alert
          status={published ? 'success' : 'warning'}
          icon
          title={`Run ${state.run.runId}: ${state.run.status}`}
          description={state.run.error ?? fallback}
        />
      );
    }
    case 'failed': {
      const status =
        state.error instanceof LakehouseError ? state.error.status : undefined;
      return (
        <Alert
          status="danger"
          icon
          title={
            status === 403
              ? 'Not allowed to run the pipeline'
              : 'The pipeline run could not start'
          }
          description={<Text variant="body-medium">{state.error.message}</Text>}
        />
      );
    }
    default:
      return null;
  }
}

/** "Run pipeline now": one pipeline run, its progress, then its outcome. */
export function RunPipelineButton() {
  const fetchApi = useApi(fetchApiRef);
  const [state, setState] = useState<State>({ phase: 'idle' });

  const start = async () => {
    setState({ phase: 'running', startedAt: Date.now() });
    try {
      setState({ phase: 'done', run: await runPipeline(fetchApi) });
    } catch (error) {
      setState({ phase: 'failed', error: error as Error });
    }
  };

  return (
    <Flex direction="column" gap="2" align="start">
      <Button
        variant="secondary"
        isPending={state.phase === 'running'}
        onPress={start}
      >
        Run pipeline now
      </Button>
      <Outcome state={state} />
    </Flex>
  );
}
