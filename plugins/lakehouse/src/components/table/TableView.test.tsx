import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { BASE_URL } from '../../__testUtils__/fixtures';
import {
  errorResponse,
  setupLakehouseServer,
} from '../../__testUtils__/lakehouseServer';
import { renderLakehouse } from '../../__testUtils__/renderLakehouse';
import { LakehousePage } from '../LakehousePage';

// Whole-app renders with react-aria tables are slow on a busy CI machine.
jest.setTimeout(30_000);

const TABLE_PATH = '/lakehouse/iceberg/gold/gold_daily_store_sales';
const TABLE_API = `${BASE_URL}/catalogs/iceberg/namespaces/gold/tables/gold_daily_store_sales`;

describe('the table page', () => {
  const server = setupLakehouseServer();

  it('opens on the overview with size, freshness and partitioning', async () => {
    renderLakehouse(<LakehousePage />, { at: TABLE_PATH });

    expect(
      await screen.findByText('Revenue and transactions per store and day.'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { name: 'gold_daily_store_sales' }),
    ).toBeInTheDocument();
    expect(screen.getByText('18,250')).toBeInTheDocument();
    expect(screen.getByText('month(sale_date)')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: '← All tables in gold' }),
    ).toHaveAttribute('href', '/lakehouse?catalog=iceberg&layer=gold');
  });

  it('shows the schema columns with types, nullability and comments', async () => {
    renderLakehouse(<LakehousePage />, { at: TABLE_PATH });
    await userEvent.click(await screen.findByRole('tab', { name: 'Schema' }));

    const row = (await screen.findByText('net_revenue')).closest(
      '[role="row"]',
    ) as HTMLElement;
    expect(within(row).getByText('decimal(18,2)')).toBeInTheDocument();
    expect(within(row).getByText('yes')).toBeInTheDocument();
    expect(
      within(row).getByText('Revenue after discounts'),
    ).toBeInTheDocument();
    expect(screen.getByText('sale_date')).toBeInTheDocument();
    expect(screen.getByText('store_id')).toBeInTheDocument();
  });

  it('pages the preview on the server: next asks for offset=100', async () => {
    const offsets: string[] = [];
    server.events.on('request:start', ({ request }) => {
      const url = new URL(request.url);
      if (url.pathname.endsWith('/preview')) {
        offsets.push(url.searchParams.get('offset') ?? '');
      }
    });
    renderLakehouse(<LakehousePage />, { at: `${TABLE_PATH}?tab=preview` });

    expect(await screen.findByText('Rows 1–100')).toBeInTheDocument();
    const grid = screen.getByRole('table', { name: 'Preview rows' });
    expect(within(grid).getAllByRole('row')).toHaveLength(101);
    expect(within(grid).getByText('store-0001')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Next' }));

    expect(await screen.findByText('Rows 101–150')).toBeInTheDocument();
    expect(within(grid).getAllByRole('row')).toHaveLength(51);
    expect(within(grid).getByText('store-0101')).toBeInTheDocument();
    expect(within(grid).queryByText('store-0001')).not.toBeInTheDocument();
    expect(offsets).toEqual(['0', '100']);
    expect(screen.getByRole('button', { name: 'Next' })).toBeDisabled();

    await userEvent.click(screen.getByRole('button', { name: 'Previous' }));
    expect(await screen.findByText('Rows 1–100')).toBeInTheDocument();
    server.events.removeAllListeners();
  });

  it('lists snapshots and previews the table at one of them', async () => {
    const snapshotsAsked: string[] = [];
    server.use(
      http.get(`${TABLE_API}/preview`, ({ request }) => {
        const url = new URL(request.url);
        snapshotsAsked.push(url.searchParams.get('snapshot') ?? 'latest');
        return HttpResponse.json({
          columns: [{ name: 'store_id', type: 'varchar' }],
          rows: [['store-at-snapshot']],
          offset: 0,
          limit: 100,
          hasMore: false,
        });
      }),
    );
    renderLakehouse(<LakehousePage />, { at: `${TABLE_PATH}?tab=snapshots` });

    const row = (await screen.findByText('6812345678901234567')).closest(
      '[role="row"]',
    ) as HTMLElement;
    expect(within(row).getByText('append')).toBeInTheDocument();
    // added and total records
    expect(within(row).getAllByText('18,000')).toHaveLength(2);

    await userEvent.click(
      within(row).getByRole('button', { name: 'Preview at this snapshot' }),
    );

    expect(
      await screen.findByText('Rows 1–1 at snapshot 6812345678901234567'),
    ).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Preview' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(snapshotsAsked).toEqual(['6812345678901234567']);
  });

  it('says snapshots need Iceberg on the embedded DuckDB engine', async () => {
    server.use(
      http.get(`${BASE_URL}/catalogs`, () =>
        HttpResponse.json({
          items: [{ name: 'iceberg', engine: 'duckdb', defaultRef: 'main' }],
        }),
      ),
      http.get(`${TABLE_API}/snapshots`, () =>
        HttpResponse.json({ items: [] }),
      ),
    );
    renderLakehouse(<LakehousePage />, { at: `${TABLE_PATH}?tab=snapshots` });

    expect(
      await screen.findByText(
        'No snapshots: this engine reads Parquet files; snapshots need Iceberg.',
      ),
    ).toBeInTheDocument();
  });

  it('shows file health and partitions', async () => {
    renderLakehouse(<LakehousePage />, { at: `${TABLE_PATH}?tab=files` });

    expect(await screen.findByText('Partitions (2)')).toBeInTheDocument();
    expect(screen.getByText('sale_date_month=2026-11')).toBeInTheDocument();
    expect(screen.getByText('0% of the 128 MB target')).toBeInTheDocument();
    expect(screen.getByText('under 32.0 MB')).toBeInTheDocument();
  });

  it('shows refs, the commit log and a diff between two refs', async () => {
    const diffs: string[] = [];
    server.events.on('request:start', ({ request }) => {
      const url = new URL(request.url);
      if (url.pathname.endsWith('/diff')) diffs.push(url.search);
    });
    renderLakehouse(<LakehousePage />, { at: `${TABLE_PATH}?tab=branches` });

    expect(
      await screen.findByText('pipeline run-42: dbt build'),
    ).toBeInTheDocument();
    expect(screen.getByText('Branches and tags (2)')).toBeInTheDocument();
    expect(
      screen.getByRole('rowheader', { name: 'run-42' }),
    ).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: / To$/ }));
    await userEvent.click(
      within(await screen.findByRole('listbox')).getByRole('option', {
        name: 'run-42',
      }),
    );

    const diffRow = (
      await screen.findByText('gold.gold_daily_store_sales')
    ).closest('[role="row"]') as HTMLElement;
    expect(within(diffRow).getByText('modified')).toBeInTheDocument();
    await waitFor(() => expect(diffs).toEqual(['?from=main&to=run-42']));
    server.events.removeAllListeners();
  });

  it('shows what the backend said when the table does not exist', async () => {
    server.use(
      http.get(TABLE_API, () =>
        errorResponse(
          404,
          'NotFoundError',
          'Table iceberg.gold.gold_daily_store_sales does not exist',
        ),
      ),
    );
    renderLakehouse(<LakehousePage />, { at: TABLE_PATH });

    expect(await screen.findByText('Not found')).toBeInTheDocument();
    expect(
      screen.getByText(
        'Table iceberg.gold.gold_daily_store_sales does not exist',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/yarn scout pipeline run/)).toBeInTheDocument();
  });

  it("says plainly when the preview is refused, with the engine's reason", async () => {
    server.use(
      http.get(`${TABLE_API}/preview`, () =>
        errorResponse(
          403,
          'NotAllowedError',
          'Trino: Access Denied: Cannot select from table iceberg.gold.gold_daily_store_sales',
        ),
      ),
    );
    renderLakehouse(<LakehousePage />, { at: `${TABLE_PATH}?tab=preview` });

    expect(await screen.findByText('Access denied')).toBeInTheDocument();
    expect(
      screen.getByText(
        'Trino: Access Denied: Cannot select from table iceberg.gold.gold_daily_store_sales',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/ask the team that owns this table for access/),
    ).toBeInTheDocument();
    expect(screen.queryByText(/sign in again/i)).not.toBeInTheDocument();
  });
});
