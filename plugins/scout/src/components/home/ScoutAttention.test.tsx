import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { BASE_URL, overview } from '../../__testUtils__/fixtures';
import { renderScout } from '../../__testUtils__/renderScout';
import { never, setupScoutServer } from '../../__testUtils__/scoutServer';
import { ScoutAttention } from './ScoutAttention';

const OVERVIEW = `${BASE_URL}/pipeline/overview`;

describe('ScoutAttention', () => {
  const server = setupScoutServer();

  it('lists what needs attention, errors first, linking a failed run to its page', async () => {
    await renderScout(<ScoutAttention />);

    const failed = await screen.findByRole('link', {
      name: 'Pipeline run 20261130-110000-cd34 failed',
    });
    expect(failed).toHaveAttribute(
      'href',
      '/pipeline/runs/20261130-110000-cd34',
    );
    const items = screen.getAllByRole('listitem');
    expect(within(items[0]).getByText('error')).toBeInTheDocument();
    expect(
      within(items[0]).getByText(
        'dbt test failed: not_null_silver_transactions_store_id',
      ),
    ).toBeInTheDocument();
    expect(within(items[1]).getByText('warning')).toBeInTheDocument();
    expect(
      within(items[1]).getByRole('link', { name: 'Lakehouse data is stale' }),
    ).toHaveAttribute('href', '/pipeline');
  });

  it('says all is clear when nothing needs attention', async () => {
    server.use(
      http.get(OVERVIEW, () =>
        HttpResponse.json({ ...overview, attention: [] }),
      ),
    );
    await renderScout(<ScoutAttention />);
    expect(await screen.findByText(/^All clear/)).toBeInTheDocument();
  });

  it('shows that it is loading', async () => {
    server.use(http.get(OVERVIEW, never));
    await renderScout(<ScoutAttention />);
    expect(screen.getByLabelText('Loading')).toBeInTheDocument();
  });

  it('says what failed', async () => {
    server.use(http.get(OVERVIEW, () => HttpResponse.error()));
    await renderScout(<ScoutAttention />);
    expect(
      await screen.findByText('The portal backend is not reachable'),
    ).toBeInTheDocument();
  });
});
