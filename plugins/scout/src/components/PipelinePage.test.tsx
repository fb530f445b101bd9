import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import {
  errorResponse,
  never,
  RUNS_URL,
  setupScoutServer,
} from '../__testUtils__/scoutServer';
import { renderScout } from '../__testUtils__/renderScout';
import { PipelinePage } from './PipelinePage';

// Whole-app renders with react-aria tables are slow on a busy CI machine.
jest.setTimeout(30_000);

describe('PipelinePage', () => {
  const server = setupScoutServer();

  it('lists the runs newest first, each linked to its page', async () => {
    await renderScout(<PipelinePage />);

    const failed = await screen.findByRole(
      'link',
      { name: '20261130-110000-cd34' },
      { timeout: 10_000 },
    );
    expect(failed).toHaveAttribute(
      'href',
      '/pipeline/runs/20261130-110000-cd34',
    );
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    const [newest, older] = rows.map(r => within(r));
    expect(newest.getByText('failed')).toBeInTheDocument();
    expect(newest.getByText('user:default/guest')).toBeInTheDocument();
    expect(newest.getByText('13 passed, 1 failed')).toBeInTheDocument();
    expect(newest.getByText('2 min 5 s')).toBeInTheDocument();
    expect(older.getByText('published')).toBeInTheDocument();
    expect(older.getByText('1000..1199')).toBeInTheDocument();
    expect(older.getByText('1 min 35 s')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Run now' })).toBeInTheDocument();
  });

  it('shows that it is loading', async () => {
    server.use(http.get(RUNS_URL, never));
    await renderScout(<PipelinePage />);
    expect(screen.getByLabelText('Loading')).toBeInTheDocument();
  });

  it('says when there are no runs yet, and when the first comes', async () => {
    server.use(http.get(RUNS_URL, () => HttpResponse.json({ runs: [] })));
    await renderScout(<PipelinePage />);
    expect(
      await screen.findByText(
        'No runs yet: the scheduler runs the first about 30 s after the portal starts.',
      ),
    ).toBeInTheDocument();
  });

  it('says what failed and what to do, and offers to try again', async () => {
    server.use(
      http.get(RUNS_URL, () =>
        errorResponse(503, 'ServiceUnavailableError', 'scout database is down'),
      ),
    );
    await renderScout(<PipelinePage />);
    expect(
      await screen.findByText('The scout database is not reachable'),
    ).toBeInTheDocument();
    expect(screen.getByText('scout database is down')).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Try again' }),
    ).toBeInTheDocument();
  });

  it('shows a not-found state with a way back for an unknown page', async () => {
    await renderScout(<PipelinePage />, { at: '/pipeline/nowhere' });
    expect(
      await screen.findByText('There is no such page in Pipeline.'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Go to the run history' }),
    ).toHaveAttribute('href', '/pipeline');
  });
});
