import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { errorResponse } from '../../__testUtils__/lakehouseServer';
import { pipelineRunRouteRef } from '../../routes';
import { RunPipelineButton } from './RunPipelineButton';

// The test app's discovery: backend.baseUrl + /api/scout.
const RUNS = 'http://localhost:7007/api/scout/pipeline/runs';
const RUN_ID = '20261130-101500-ab12';

// The scout plugin's Pipeline page, where the run's page is bound.
const withPipelinePage = {
  mountedRoutes: { '/pipeline/runs/:runId': pipelineRunRouteRef },
};

async function pressRun() {
  await userEvent.click(
    screen.getByRole('button', { name: 'Run pipeline now' }),
  );
}

describe('RunPipelineButton', () => {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());

  it('says the run started and links to it on the Pipeline page', async () => {
    const posts: string[] = [];
    server.use(
      http.post(RUNS, ({ request }) => {
        posts.push(request.method);
        return HttpResponse.json(
          { run: { runId: RUN_ID, engine: 'duckdb', status: 'running' } },
          { status: 202, headers: { Location: `pipeline/runs/${RUN_ID}` } },
        );
      }),
    );
    await renderInTestApp(<RunPipelineButton />, withPipelinePage);

    await pressRun();
    expect(
      await screen.findByText(`Pipeline run ${RUN_ID} started`),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /Follow its steps and tests/ }),
    ).toHaveAttribute('href', `/pipeline/runs/${RUN_ID}`);
    expect(posts).toEqual(['POST']);
  });

  it('says what to expect when no Pipeline page is installed', async () => {
    server.use(
      http.post(RUNS, () =>
        HttpResponse.json(
          { run: { runId: RUN_ID, status: 'running' } },
          { status: 202 },
        ),
      ),
    );
    await renderInTestApp(<RunPipelineButton />);

    await pressRun();
    expect(
      await screen.findByText(`Pipeline run ${RUN_ID} started`),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Reload this page when it has published/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('link')).toBeNull();
  });

  it("shows the backend's refusal, which names the missing permission", async () => {
    const refusal =
      'You may not run the lakehouse pipeline: it needs the scout.pipeline.run permission.';
    server.use(
      http.post(RUNS, () => errorResponse(403, 'NotAllowedError', refusal)),
    );
    await renderInTestApp(<RunPipelineButton />, withPipelinePage);

    await pressRun();
    expect(
      await screen.findByText('Not allowed to run the pipeline'),
    ).toBeInTheDocument();
    expect(screen.getByText(refusal)).toBeInTheDocument();
  });

  it('says when a run is already going', async () => {
    server.use(
      http.post(RUNS, () =>
        errorResponse(
          409,
          'ConflictError',
          'a pipeline run is already in progress',
        ),
      ),
    );
    await renderInTestApp(<RunPipelineButton />, withPipelinePage);

    await pressRun();
    expect(
      await screen.findByText('A pipeline run is in progress'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('a pipeline run is already in progress'),
    ).toBeInTheDocument();
  });

  it('says so when the backend does not answer', async () => {
    server.use(http.post(RUNS, () => HttpResponse.error()));
    await renderInTestApp(<RunPipelineButton />, withPipelinePage);

    await pressRun();
    expect(
      await screen.findByText('The pipeline run could not start'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/The portal backend did not answer/),
    ).toBeInTheDocument();
  });
});
