import {
  fetchApiRef,
  useApi,
  useRouteRef,
} from '@backstage/frontend-plugin-api';
import { Alert, Button, Flex, Link, Text } from '@backstage/ui';
import { useState } from 'react';
import { pipelineRunRouteRef } from '../../routes';
import { type StartedRun, startPipelineRun } from './runPipeline';
import { BackendRequestError } from '@internal/backstage-plugin-scout-react';

type State =
  | { phase: 'idle' }
  | { phase: 'starting' }
  | { phase: 'started'; run: StartedRun }
  | { phase: 'failed'; error: Error };

function refusalTitle(error: Error): string {
  const status =
    error instanceof BackendRequestError ? error.status : undefined;
  if (status === 403) return 'Not allowed to run the pipeline';
  if (status === 409) return 'A pipeline run is in progress';
  return 'The pipeline run could not start';
}

function Outcome({ state }: { state: State }) {
  const runLink = useRouteRef(pipelineRunRouteRef);
  switch (state.phase) {
    case 'started': {
      const { runId } = state.run;
      return (
        <Alert
          status="info"
          icon
          title={`Pipeline run ${runId} started`}
          description={
            runLink ? (
              <Link href={runLink({ runId })}>
                Follow its steps and tests on the Pipeline page
              </Link>
            ) : (
              'Bronze, then dbt on a branch, tests, and a merge into main: usually 1 to 3 minutes. Reload this page when it has published.'
            )
          }
        />
      );
    }
    case 'failed':
      return (
        <Alert
          status={
            state.error instanceof BackendRequestError &&
            state.error.status === 409
              ? 'warning'
              : 'danger'
          }
          icon
          title={refusalTitle(state.error)}
          description={<Text variant="body-medium">{state.error.message}</Text>}
        />
      );
    default:
      return null;
  }
}

/**
 * "Run pipeline now": starts one pipeline run and links to it on the
 * Pipeline page, which follows its progress.
 */
export function RunPipelineButton() {
  const fetchApi = useApi(fetchApiRef);
  const [state, setState] = useState<State>({ phase: 'idle' });

  const start = async () => {
    setState({ phase: 'starting' });
    try {
      setState({ phase: 'started', run: await startPipelineRun(fetchApi) });
    } catch (error) {
      setState({ phase: 'failed', error: error as Error });
    }
  };

  return (
    <Flex direction="column" gap="2" align="start">
      <Button
        variant="secondary"
        isPending={state.phase === 'starting'}
        onPress={start}
      >
        Run pipeline now
      </Button>
      <Outcome state={state} />
    </Flex>
  );
}
