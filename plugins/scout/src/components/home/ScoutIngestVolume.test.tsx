import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { BASE_URL, ingestSummary } from '../../__testUtils__/fixtures';
import { renderScout } from '../../__testUtils__/renderScout';
import {
  errorResponse,
  never,
  setupScoutServer,
} from '../../__testUtils__/scoutServer';
import { ScoutIngestVolume } from './ScoutIngestVolume';

const SUMMARY = `${BASE_URL}/ingest/summary`;

describe('ScoutIngestVolume', () => {
  const server = setupScoutServer();

  it('shows the totals, the hourly chart and the top quarantine reasons', async () => {
    let hours: string | null = null;
    server.use(
      http.get(SUMMARY, ({ request }) => {
        hours = new URL(request.url).searchParams.get('hours');
        return undefined;
      }),
    );
    await renderScout(<ScoutIngestVolume />);

    expect(await screen.findByText('2,340')).toBeInTheDocument();
    expect(hours).toBe('24');
    expect(screen.getByText('60')).toBeInTheDocument();
    expect(screen.getByText('2.5 %')).toBeInTheDocument();
    expect(
      screen.getByRole('img', {
        name: 'Accepted and quarantined transactions per hour over the last 24 hours',
      }),
    ).toBeInTheDocument();
    expect(screen.getByText('unknown store_id')).toBeInTheDocument();
    expect(screen.getByText('timestamp in the future')).toBeInTheDocument();
    // Three reasons at most.
    expect(screen.queryByText('duplicate line')).toBeNull();
  });

  it('shows that it is loading', async () => {
    server.use(http.get(SUMMARY, never));
    await renderScout(<ScoutIngestVolume />);
    expect(screen.getByLabelText('Loading')).toBeInTheDocument();
  });

  it('says when nothing came in', async () => {
    server.use(
      http.get(SUMMARY, () =>
        HttpResponse.json({
          ...ingestSummary,
          accepted: 0,
          quarantined: 0,
          byHour: ingestSummary.byHour.map(h => ({
            ...h,
            accepted: 0,
            quarantined: 0,
          })),
          quarantineReasons: [],
        }),
      ),
    );
    await renderScout(<ScoutIngestVolume />);
    expect(
      await screen.findByText('No transactions received in the last 24 h'),
    ).toBeInTheDocument();
  });

  it('says what failed', async () => {
    server.use(
      http.get(SUMMARY, () =>
        errorResponse(503, 'ServiceUnavailableError', 'database starting'),
      ),
    );
    await renderScout(<ScoutIngestVolume />);
    expect(
      await screen.findByText('The scout database is not reachable'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Try again' }),
    ).toBeInTheDocument();
  });
});
