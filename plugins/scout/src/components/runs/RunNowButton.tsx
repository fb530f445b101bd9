import { useApi, useRouteRef } from '@backstage/frontend-plugin-api';
import { Alert, Button, Flex, Link, Text } from '@backstage/ui';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { scoutApiRef } from '../../api';
import { runRouteRef } from '../../routes';
import { ErrorPanel } from '../common';
import { errorStatus } from '@internal/backstage-plugin-scout-react';

type State =
  | { phase: 'idle' | 'starting' }
  | { phase: 'refused'; message: string }
  | { phase: 'busy'; message: string; runningId?: string }
  | { phase: 'failed'; error: Error };

/**
 * "Run now": starts a pipeline run, which the backend accepts at once
 * (202), and opens the run's page to follow it. A refusal (403) names the
 * missing permission; a run already going (409) links to that run.
 */
export function RunNowButton() {
  const api = useApi(scoutApiRef);
  const runLink = useRouteRef(runRouteRef);
  const navigate = useNavigate();
  const [state, setState] = useState<State>({ phase: 'idle' });

  const start = async () => {
    setState({ phase: 'starting' });
    try {
      const run = await api.startRun();
      if (runLink) navigate(runLink({ runId: run.runId }));
      else setState({ phase: 'idle' });
    } catch (e) {
      const error = e as Error;
      const status = errorStatus(error);
      if (status === 403) {
        setState({ phase: 'refused', message: error.message });
      } else if (status === 409) {
        // The refusal may not name the run; the list does.
        const [running] = await api
          .listRuns({ status: 'running', limit: 1 })
          .catch(() => []);
        setState({
          phase: 'busy',
          message: error.message,
          runningId: running?.runId,
        });
      } else {
        setState({ phase: 'failed', error });
      }
    }
  };

  return (
    <Flex direction="column" gap="2" align="end">
      <Button
        variant="primary"
        isPending={state.phase === 'starting'}
        onPress={start}
      >
        Run now
      </Button>
      {state.phase === 'refused' && (
        <Alert
          status="danger"
          icon
          title="You need the scout.pipeline.run permission to start a run"
          description={<Text variant="body-medium">{state.message}</Text>}
        />
      )}
      {state.phase === 'busy' && (
        <Alert
          status="warning"
          icon
          title="A run is in progress"
          description={
            <Flex direction="column" gap="1">
              <Text variant="body-medium">{state.message}</Text>
              {state.runningId && runLink && (
                <Link href={runLink({ runId: state.runningId })}>
                  Follow run {state.runningId}
                </Link>
              )}
            </Flex>
          }
        />
      )}
      {state.phase === 'failed' && <ErrorPanel error={state.error} />}
    </Flex>
  );
}
