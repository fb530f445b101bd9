import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { renderScout } from '../../__testUtils__/renderScout';
import {
  errorResponse,
  never,
  RUNS_URL,
  setupScoutServer,
} from '../../__testUtils__/scoutServer';
import { ScoutPipelineRuns } from './ScoutPipelineRuns';

describe('ScoutPipelineRuns', () => {
  const server = setupScoutServer();

  it('lists the last runs with outcome, tests and freshness, each linked', async () => {
    let limit: string | null = null;
    server.use(
      http.get(RUNS_URL, ({ request }) => {
        limit = new URL(request.url).searchParams.get('limit');
        return undefined;
      }),
    );
    await renderScout(<ScoutPipelineRuns />);

    const failed = await screen.findByRole('link', {
      name: '20261130-110000-cd34',
    });
    expect(failed).toHaveAttribute(
      'href',
      '/pipeline/runs/20261130-110000-cd34',
    );
    expect(limit).toBe('5');
    const [first, second] = screen
      .getAllByRole('listitem')
      .map(li => within(li));
    expect(first.getByText('failed')).toBeInTheDocument();
    expect(
      first.getByText(/tests 13 passed, 1 failed · freshness —/),
    ).toBeInTheDocument();
    expect(second.getByText('published')).toBeInTheDocument();
    expect(second.getByText(/freshness 1 min 35 s/)).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'All runs on the Pipeline page' }),
    ).toHaveAttribute('href', '/pipeline');
  });

  it('shows that it is loading', async () => {
    server.use(http.get(RUNS_URL, never));
    await renderScout(<ScoutPipelineRuns />);
    expect(screen.getByLabelText('Loading')).toBeInTheDocument();
  });

  it('says when there are no runs yet', async () => {
    server.use(http.get(RUNS_URL, () => HttpResponse.json({ runs: [] })));
    await renderScout(<ScoutPipelineRuns />);
    expect(await screen.findByText('No runs yet')).toBeInTheDocument();
  });

  it('says what failed', async () => {
    server.use(
      http.get(RUNS_URL, () =>
        errorResponse(401, 'AuthenticationError', 'no token'),
      ),
    );
    await renderScout(<ScoutPipelineRuns />);
    expect(await screen.findByText('Not signed in')).toBeInTheDocument();
    expect(screen.getByText('no token')).toBeInTheDocument();
  });
});
