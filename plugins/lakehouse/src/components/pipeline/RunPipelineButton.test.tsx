import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { errorResponse } from '../../__testUtils__/lakehouseServer';
import { RunPipelineButton } from './RunPipelineButton';

// The test app's discovery: backend.baseUrl + /api/scout.
const RUNS = 'http://localhost:7007/api/scout/pipeline/runs';

const run = (status: string, error: string | null = null) => ({
  run: {
    runId: 'run-20261130-0001',
    engine: 'trino',
    trigger: 'api',
    status,
    error,
  },
});

describe('RunPipelineButton', () => {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());

  it('shows the run in progress, then its id and status', async () => {
    let finish: () => void = () => {};
    const finished = new Promise<void>(resolve => (finish = resolve));
    server.use(
      http.post(RUNS, async () => {
        await finished;
        return HttpResponse.json(run('published'));
      }),
    );
    await renderInTestApp(<RunPipelineButton />);

    await userEvent.click(
      screen.getByRole('button', { name: 'Run pipeline now' }),
    );
    expect(
      await screen.findByText(/^Pipeline run in progress \(0:0\d\)$/),
    ).toBeInTheDocument();

    finish();
    expect(
      await screen.findByText('Run run-20261130-0001: published'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/in progress/)).toBeNull();
  });

  it('shows what went wrong in a run that failed', async () => {
    server.use(
      http.post(RUNS, () =>
        HttpResponse.json(run('failed', 'dbt test not_null_store_id failed')),
      ),
    );
    await renderInTestApp(<RunPipelineButton />);

    await userEvent.click(
      screen.getByRole('button', { name: 'Run pipeline now' }),
    );
    expect(
      await screen.findByText('Run run-20261130-0001: failed'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('dbt test not_null_store_id failed'),
    ).toBeInTheDocument();
  });

  it("shows the backend's refusal, which names the missing permission", async () => {
    const refusal =
      'You may not run the lakehouse pipeline: it needs the scout.pipeline.run permission.';
    server.use(
      http.post(RUNS, () => errorResponse(403, 'NotAllowedError', refusal)),
    );
    await renderInTestApp(<RunPipelineButton />);

    await userEvent.click(
      screen.getByRole('button', { name: 'Run pipeline now' }),
    );
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
    await renderInTestApp(<RunPipelineButton />);

    await userEvent.click(
      screen.getByRole('button', { name: 'Run pipeline now' }),
    );
    expect(
      await screen.findByText('a pipeline run is already in progress'),
    ).toBeInTheDocument();
  });
});
