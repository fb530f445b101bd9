import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { BASE_URL } from '../../__testUtils__/fixtures';
import {
  errorResponse,
  setupLakehouseServer,
} from '../../__testUtils__/lakehouseServer';
import { renderLakehouse } from '../../__testUtils__/renderLakehouse';
import { LakehouseBrowser } from './LakehouseBrowser';

// Whole-app renders with react-aria tables are slow on a busy CI machine.
jest.setTimeout(30_000);
configure({ asyncUtilTimeout: 10_000 });

describe('LakehouseBrowser', () => {
  const server = setupLakehouseServer();

  it('lists the layers in medallion order and the tables of the chosen one', async () => {
    renderLakehouse(<LakehouseBrowser />);

    const layers = await screen.findByRole('radiogroup', { name: 'Layer' });
    expect(
      within(layers)
        .getAllByRole('radio')
        .map(r => r.textContent),
    ).toEqual(['bronze (4)', 'silver (4)', 'gold (3)', 'platinum (0)']);

    // bronze comes first and has no tables in the fixtures
    expect(
      await screen.findByText(
        'No tables in bronze yet: the pipeline has not published.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Run ./scripts/yarn scout pipeline run'),
    ).toBeInTheDocument();

    await userEvent.click(within(layers).getByRole('radio', { name: /gold/ }));
    const link = await screen.findByRole('link', {
      name: 'gold_daily_store_sales',
    });
    expect(link).toHaveAttribute(
      'href',
      '/lakehouse/iceberg/gold/gold_daily_store_sales',
    );
    const row = link.closest('[role="row"]') as HTMLElement;
    expect(within(row).getByText('18,250')).toBeInTheDocument();
    expect(within(row).getByText('713 KB')).toBeInTheDocument();
    expect(within(row).getByText('2026-11-03 14:05 UTC')).toBeInTheDocument();
    expect(screen.getByText('gold_payment_mix')).toBeInTheDocument();
  });

  it('filters the tables by name', async () => {
    renderLakehouse(<LakehouseBrowser />, { at: '/lakehouse?layer=gold' });
    await screen.findByText('gold_payment_mix');

    await userEvent.type(
      screen.getByRole('searchbox', { name: 'Filter tables by name' }),
      'PAYMENT',
    );

    await waitFor(() =>
      expect(
        screen.queryByText('gold_daily_store_sales'),
      ).not.toBeInTheDocument(),
    );
    expect(screen.getByText('gold_payment_mix')).toBeInTheDocument();
    expect(screen.queryByText('gold_basket_metrics')).not.toBeInTheDocument();

    await userEvent.clear(screen.getByRole('searchbox'));
    await userEvent.type(screen.getByRole('searchbox'), 'nothing_like_this');
    expect(
      await screen.findByText('No table in gold matches "nothing_like_this".'),
    ).toBeInTheDocument();
  });

  it('shows the tables loading, not an empty match, until they arrive', async () => {
    let answer: () => void = () => {};
    const answered = new Promise<void>(resolve => {
      answer = resolve;
    });
    server.use(
      http.get(
        `${BASE_URL}/catalogs/iceberg/namespaces/gold/tables`,
        async () => {
          await answered;
          return Response.json({ items: [] });
        },
      ),
    );
    renderLakehouse(<LakehouseBrowser />, { at: '/lakehouse?layer=gold' });
    await screen.findByRole('radiogroup', { name: 'Layer' });
    expect(screen.queryByText(/No table in gold matches/)).toBeNull();
    answer();
    expect(
      await screen.findByText(
        'No tables in gold yet: the pipeline has not published.',
      ),
    ).toBeInTheDocument();
  });

  it('offers a catalog picker only when there are several catalogs', async () => {
    server.use(
      http.get(`${BASE_URL}/catalogs`, () =>
        Response.json({
          items: [
            { name: 'iceberg', engine: 'trino', defaultRef: 'main' },
            { name: 'embedded', engine: 'duckdb', defaultRef: 'main' },
          ],
        }),
      ),
    );
    renderLakehouse(<LakehouseBrowser />, { at: '/lakehouse?layer=gold' });
    await screen.findByText('gold_payment_mix');
    expect(screen.getByText('Catalog')).toBeInTheDocument();
  });

  it('says the engine is down, with the backend message and how to start it', async () => {
    server.use(
      http.get(`${BASE_URL}/catalogs`, () =>
        errorResponse(
          503,
          'ServiceUnavailableError',
          'Trino at http://127.0.0.1:8080 refused the connection',
        ),
      ),
    );
    renderLakehouse(<LakehouseBrowser />);

    expect(
      await screen.findByText('The lakehouse engine is not reachable'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Trino at http://127.0.0.1:8080 refused the connection'),
    ).toBeInTheDocument();
    expect(screen.getByText(/yarn scout stack up/)).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Try again' }),
    ).toBeInTheDocument();
  });
});
