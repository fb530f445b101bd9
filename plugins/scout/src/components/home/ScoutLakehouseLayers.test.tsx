import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { BASE_URL, overview } from '../../__testUtils__/fixtures';
import { renderScout } from '../../__testUtils__/renderScout';
import {
  errorResponse,
  never,
  setupScoutServer,
} from '../../__testUtils__/scoutServer';
import { ScoutLakehouseLayers } from './ScoutLakehouseLayers';

const OVERVIEW = `${BASE_URL}/pipeline/overview`;

describe('ScoutLakehouseLayers', () => {
  const server = setupScoutServer();

  it('shows each layer with its rows, and links each table to its Lakehouse page', async () => {
    await renderScout(<ScoutLakehouseLayers />);

    const gold = (await screen.findByText('gold')).closest('li')!;
    expect(within(gold).getByText('377 rows')).toBeInTheDocument();
    // The last publish ran on DuckDB, whose catalog is "lakehouse".
    expect(
      within(gold).getByRole('link', { name: 'gold_daily_store_sales' }),
    ).toHaveAttribute(
      'href',
      '/lakehouse/lakehouse/gold/gold_daily_store_sales',
    );
    expect(within(gold).getByText('365')).toBeInTheDocument();
    expect(screen.getByText('bronze')).toBeInTheDocument();
    expect(
      screen.getByText(/On main since run 20261130-100000-ef56/),
    ).toBeInTheDocument();
  });

  it('links into the catalog the backend names, whatever it is called', async () => {
    server.use(
      http.get(OVERVIEW, () =>
        HttpResponse.json({
          ...overview,
          lastPublished: { ...overview.lastPublished, engine: 'trino' },
          lakehouseCatalog: 'scout_iceberg',
        }),
      ),
    );
    await renderScout(<ScoutLakehouseLayers />);
    expect(
      await screen.findByRole('link', { name: 'bronze_transactions' }),
    ).toHaveAttribute(
      'href',
      '/lakehouse/scout_iceberg/bronze/bronze_transactions',
    );
  });

  it('shows that it is loading', async () => {
    server.use(http.get(OVERVIEW, never));
    await renderScout(<ScoutLakehouseLayers />);
    expect(screen.getByLabelText('Loading')).toBeInTheDocument();
  });

  it('says when nothing has been published yet', async () => {
    server.use(
      http.get(OVERVIEW, () =>
        HttpResponse.json({ ...overview, lastPublished: null, layers: [] }),
      ),
    );
    await renderScout(<ScoutLakehouseLayers />);
    expect(
      await screen.findByText('Nothing published yet'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Open the Pipeline page' }),
    ).toHaveAttribute('href', '/pipeline');
  });

  it('says what failed', async () => {
    server.use(http.get(OVERVIEW, () => errorResponse(500, 'Error', 'boom')));
    await renderScout(<ScoutLakehouseLayers />);
    expect(
      await screen.findByText('The scout request failed'),
    ).toBeInTheDocument();
    expect(screen.getByText('boom')).toBeInTheDocument();
  });
});
