import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import {
  publishedRunDetail,
  startedRun,
  step,
} from '../../__testUtils__/fixtures';
import { renderScout } from '../../__testUtils__/renderScout';
import {
  errorResponse,
  RUNS_URL,
  setupScoutServer,
} from '../../__testUtils__/scoutServer';
import { PipelinePage } from '../PipelinePage';

// Whole-app renders with react-aria tables are slow on a busy CI machine,
// and following a run waits out real 2 s polling intervals.
jest.setTimeout(40_000);

const slow = { timeout: 10_000 };

async function pressRunNow() {
  await userEvent.click(
    await screen.findByRole('button', { name: 'Run now' }, slow),
  );
}

describe('Run now', () => {
  const server = setupScoutServer();

  it('opens the started run and follows it every 2 s until it ends', async () => {
    // The run as the backend reports it on each GET: two reads while it
    // runs, then published.
    const reads = [
      { ...startedRun, tests: [] },
      {
        ...startedRun,
        steps: [
          step('promote', 'succeeded'),
          step('branch', 'succeeded'),
          step('bronze', 'succeeded'),
          step('dbt', 'running'),
        ],
        tests: [],
      },
      {
        ...publishedRunDetail,
        runId: startedRun.runId,
        trigger: 'api',
      },
    ];
    let gets = 0;
    server.use(
      http.post(RUNS_URL, () =>
        HttpResponse.json({ run: startedRun }, { status: 202 }),
      ),
      http.get(`${RUNS_URL}/${startedRun.runId}`, () => {
        const run = reads[Math.min(gets, reads.length - 1)];
        gets += 1;
        return HttpResponse.json({ run });
      }),
    );
    await renderScout(<PipelinePage />);
    await pressRunNow();

    expect(
      await screen.findByText(`Run ${startedRun.runId}`, {}, slow),
    ).toBeInTheDocument();
    expect(screen.getByText(/^Running: branch/)).toBeInTheDocument();
    expect(
      await screen.findByText(/^Running: dbt/, {}, slow),
    ).toBeInTheDocument();
    expect(await screen.findByText('Duration', {}, slow)).toBeInTheDocument();
    expect(screen.queryByText(/^Running:/)).toBeNull();
    expect(screen.getByText('published')).toBeInTheDocument();

    // A finished run is not read again.
    const settled = gets;
    await new Promise(resolve => setTimeout(resolve, 2500));
    expect(gets).toBe(settled);
    expect(settled).toBe(3);
  });

  it("shows the backend's refusal, which names the missing permission", async () => {
    const refusal =
      'You may not run the lakehouse pipeline: it needs the scout.pipeline.run permission.';
    server.use(
      http.post(RUNS_URL, () => errorResponse(403, 'NotAllowedError', refusal)),
    );
    await renderScout(<PipelinePage />);
    await pressRunNow();

    expect(
      await screen.findByText(
        'You need the scout.pipeline.run permission to start a run',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(refusal)).toBeInTheDocument();
  });

  it('says a run is in progress and links to it', async () => {
    server.use(
      http.post(RUNS_URL, () =>
        errorResponse(
          409,
          'ConflictError',
          'a pipeline run is already in progress',
        ),
      ),
      http.get(RUNS_URL, ({ request }) =>
        HttpResponse.json({
          runs:
            new URL(request.url).searchParams.get('status') === 'running'
              ? [startedRun]
              : [],
        }),
      ),
    );
    await renderScout(<PipelinePage />);
    await pressRunNow();

    expect(await screen.findByText('A run is in progress')).toBeInTheDocument();
    expect(
      screen.getByText('a pipeline run is already in progress'),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('link', {
        name: `Follow run ${startedRun.runId}`,
      }),
    ).toHaveAttribute('href', `/pipeline/runs/${startedRun.runId}`);
  });
});
