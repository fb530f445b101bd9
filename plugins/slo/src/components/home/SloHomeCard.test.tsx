import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { BASE_URL, items, list } from '../../__testUtils__/fixtures';
import { renderSlo } from '../../__testUtils__/renderSlo';
import {
  errorResponse,
  never,
  setupSloServer,
} from '../../__testUtils__/sloServer';
import { SloHomeCard } from './SloHomeCard';

jest.setTimeout(30_000);

const SLOS = `${BASE_URL}/slos`;

describe('SloHomeCard', () => {
  const server = setupSloServer();

  it('lists the SLOs with the least budget left, and the alerts firing now', async () => {
    await renderSlo(<SloHomeCard />, { at: '/', mountPath: '/*' });

    const least = await screen.findByRole('region', {
      name: 'Least error budget left',
    });
    const links = within(least)
      .getAllByRole('link')
      .map(l => l.textContent);
    expect(links).toEqual([
      'Iceberg gold freshness',
      'ingest-transaction availability',
      'Portal API latency',
      'ingest-transaction latency',
    ]);
    expect(
      within(least).getByText('Budget overspent by 50 % · burn 1 h 1.5×'),
    ).toBeInTheDocument();

    const alerts = screen.getByRole('region', { name: 'Alerts firing now' });
    // The pending ticket of gold freshness is not firing yet.
    const firing = within(alerts).getAllByRole('listitem');
    expect(firing).toHaveLength(1);
    expect(
      within(firing[0]).getByText('ingest-transaction availability'),
    ).toBeInTheDocument();
    expect(within(firing[0]).getByText('page')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'All 4 SLOs' })).toHaveAttribute(
      'href',
      '/slo',
    );
  });

  it('says when no alert is firing', async () => {
    server.use(
      http.get(SLOS, () =>
        HttpResponse.json(list(items.map(s => ({ ...s, alerts: [] })))),
      ),
    );
    await renderSlo(<SloHomeCard />, { at: '/', mountPath: '/*' });
    expect(
      await screen.findByText('No SLO alert is firing.'),
    ).toBeInTheDocument();
  });

  it('shows that it is loading', async () => {
    server.use(http.get(SLOS, never));
    await renderSlo(<SloHomeCard />, { at: '/', mountPath: '/*' });
    expect(screen.getByLabelText('Loading SLOs')).toBeInTheDocument();
  });

  it('says what failed', async () => {
    server.use(http.get(SLOS, () => errorResponse(500, 'Error', 'boom')));
    await renderSlo(<SloHomeCard />, { at: '/', mountPath: '/*' });
    expect(
      await screen.findByText('The SLO status: the slo service failed'),
    ).toBeInTheDocument();
  });
});
