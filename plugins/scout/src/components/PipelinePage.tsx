import { useRouteRef } from '@backstage/frontend-plugin-api';
import { ButtonLink, Container, Flex } from '@backstage/ui';
import { Route, Routes, useParams } from 'react-router-dom';
import { rootRouteRef } from '../routes';
import { EmptyState } from './common';
import { RunDetail } from './run/RunDetail';
import { RunsView } from './runs/RunsView';

function RunRoute() {
  const { runId = '' } = useParams();
  // key: a new run id starts a fresh follow-up.
  return <RunDetail key={runId} runId={runId} />;
}

function NotFound() {
  const pipelineLink = useRouteRef(rootRouteRef);
  return (
    <EmptyState
      title="There is no such page in Pipeline."
      description="The pipeline has a run history and one page per run."
    >
      {pipelineLink && (
        <Flex>
          <ButtonLink variant="secondary" size="small" href={pipelineLink()}>
            Go to the run history
          </ButtonLink>
        </Flex>
      )}
    </EmptyState>
  );
}

/** /pipeline: the run history; /pipeline/runs/:runId: one run. */
export function PipelinePage() {
  return (
    <Container py="4">
      <Routes>
        <Route path="/" element={<RunsView />} />
        <Route path="/runs/:runId" element={<RunRoute />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </Container>
  );
}
