import type { SupersetStatus } from '@internal/backstage-plugin-superset-common';
import { embedDashboard } from '@superset-ui/embedded-sdk';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  SUPERSET_URL,
  guestToken,
  ingestDashboard,
  list,
  salesDashboard,
} from '../__testUtils__/fixtures';
import {
  fakeEmbedding,
  lastEmbed,
  mockSupersetApi,
  never,
  renderSuperset,
} from '../__testUtils__/renderSuperset';
import { DashboardsPage } from './DashboardsPage';
import { BackendRequestError } from '@internal/backstage-plugin-scout-react';

// The SDK needs a real browser (an iframe that loads and a MessageChannel).
jest.mock('@superset-ui/embedded-sdk', () => ({ embedDashboard: jest.fn() }));

jest.setTimeout(30_000);

const STACK_UP =
  'Superset does not answer at http://localhost:8088: start it with ./scripts/yarn scout stack up superset';

describe('the Dashboards page', () => {
  let embedding: ReturnType<typeof fakeEmbedding>;
  beforeEach(() => {
    jest.mocked(embedDashboard).mockReset();
    embedding = fakeEmbedding();
  });

  it('shows progress while the list loads', async () => {
    const api = mockSupersetApi();
    api.listDashboards.mockImplementation(never);
    renderSuperset(<DashboardsPage />, api);

    expect(
      await screen.findByRole('progressbar', { name: 'Loading dashboards' }),
    ).toBeInTheDocument();
    expect(embedDashboard).not.toHaveBeenCalled();
  });

  it.each<[SupersetStatus['state'], SupersetStatus, string]>([
    [
      'not-configured',
      {
        state: 'not-configured',
        message: 'Set superset.baseUrl in app-config.local.yaml',
      },
      'Superset is not configured (not-configured)',
    ],
    [
      'unreachable',
      { state: 'unreachable', message: STACK_UP, url: SUPERSET_URL },
      'Superset is not reachable (unreachable)',
    ],
    [
      'refused',
      {
        state: 'refused',
        message: 'Superset refused superset.username: check superset.password',
      },
      'Superset refused the portal (refused)',
    ],
  ])('says what to do when Superset is %s', async (_, superset, title) => {
    const api = mockSupersetApi();
    api.listDashboards.mockResolvedValue(list([], superset));
    renderSuperset(<DashboardsPage />, api);

    expect(await screen.findByText(title)).toBeInTheDocument();
    expect(screen.getByText(superset.message)).toBeInTheDocument();
    // Only an unconfigured Superset is the portal's default, not a fault.
    expect(
      screen.queryAllByText(/The portal runs without Superset by default/),
    ).toHaveLength(superset.state === 'not-configured' ? 1 : 0);
    expect(embedDashboard).not.toHaveBeenCalled();
  });

  it('says to provision when Superset has no dashboard', async () => {
    const api = mockSupersetApi();
    api.listDashboards.mockResolvedValue(list([]));
    renderSuperset(<DashboardsPage />, api);

    expect(
      await screen.findByText('Superset has no embeddable dashboard yet'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Run \.\/scripts\/yarn scout superset provision/),
    ).toBeInTheDocument();
  });

  it('says why the list failed, and retries', async () => {
    const api = mockSupersetApi();
    api.listDashboards.mockRejectedValueOnce(
      new BackendRequestError({ name: 'Error', message: 'boom', status: 500 }),
    );
    renderSuperset(<DashboardsPage />, api);

    expect(await screen.findByText('boom')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(
      await screen.findByRole('article', { name: 'Store sales' }),
    ).toBeInTheDocument();
    expect(api.listDashboards).toHaveBeenCalledTimes(2);
  });

  it('lists the dashboards and embeds the first', async () => {
    const api = mockSupersetApi();
    renderSuperset(<DashboardsPage />, api);

    const sales = await screen.findByRole('article', { name: 'Store sales' });
    expect(
      within(sales).getByText('Daily sales per store, from the gold layer'),
    ).toBeInTheDocument();
    const datasets = within(sales).getByRole('list', {
      name: 'Datasets of Store sales',
    });
    expect(
      within(datasets)
        .getAllByRole('listitem')
        .map(li => li.textContent),
    ).toEqual(['gold.gold_daily_store_sales', 'gold.dim_store']);
    expect(
      within(sales).getByRole('link', { name: 'Store sales' }),
    ).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('link', { name: 'Ingest volume' })).toHaveAttribute(
      'href',
      '/dashboards?dashboard=ingest-volume',
    );

    await waitFor(() => expect(embedDashboard).toHaveBeenCalledTimes(1));
    const params = lastEmbed();
    expect(params).toMatchObject({
      id: salesDashboard.embeddedId,
      supersetDomain: SUPERSET_URL,
      dashboardUiConfig: { hideTitle: true },
      // Superset checks the frame's Referer against allowed_domains.
      referrerPolicy: 'strict-origin',
    });
    expect(
      screen.getByRole('region', { name: 'Dashboard Store sales' }),
    ).toContainElement(params.mountPoint);

    // Every call, the first and the SDK's refreshes, asks the backend anew.
    api.createGuestToken.mockResolvedValueOnce(
      guestToken(salesDashboard, 'jwt-2'),
    );
    await expect(params.fetchGuestToken()).resolves.toBe('jwt-2');
    expect(api.createGuestToken.mock.calls).toEqual([
      ['store-sales'],
      ['store-sales'],
    ]);
    await waitFor(() =>
      expect(
        screen.queryByRole('progressbar', { name: 'Opening Store sales' }),
      ).not.toBeInTheDocument(),
    );
    // The frame takes the dashboard's own height: no scroll area inside.
    await waitFor(() =>
      expect(params.mountPoint.style.getPropertyValue('--frame-height')).toBe(
        '1376px',
      ),
    );
  });

  it('embeds the dashboard that the address names', async () => {
    const api = mockSupersetApi();
    renderSuperset(<DashboardsPage />, api, {
      at: '/dashboards?dashboard=ingest-volume',
    });

    await waitFor(() => expect(embedDashboard).toHaveBeenCalledTimes(1));
    expect(lastEmbed().id).toBe(ingestDashboard.embeddedId);
    expect(screen.getByRole('link', { name: 'Ingest volume' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await lastEmbed().fetchGuestToken();
    expect(api.createGuestToken).toHaveBeenLastCalledWith('ingest-volume');
  });

  it('names a slug in the address that no dashboard has', async () => {
    const api = mockSupersetApi();
    renderSuperset(<DashboardsPage />, api, {
      at: '/dashboards?dashboard=old-sales',
    });

    expect(
      await screen.findByText('No embeddable dashboard is called old-sales'),
    ).toBeInTheDocument();
    expect(embedDashboard).not.toHaveBeenCalled();
  });

  it("shows a failed guest token in the frame's place, and retries", async () => {
    const api = mockSupersetApi();
    api.createGuestToken.mockRejectedValueOnce(
      new BackendRequestError({
        name: 'ServiceUnavailableError',
        message: STACK_UP,
        status: 503,
      }),
    );
    renderSuperset(<DashboardsPage />, api);

    expect(await screen.findByText(STACK_UP)).toBeInTheDocument();
    expect(
      screen.getByText('The dashboard Store sales: superset is not available'),
    ).toBeInTheDocument();
    expect(lastEmbed().mountPoint).not.toBeVisible();

    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(embedDashboard).toHaveBeenCalledTimes(2));
    await waitFor(() =>
      expect(screen.queryByText(STACK_UP)).not.toBeInTheDocument(),
    );
    expect(lastEmbed().mountPoint).toBeVisible();
    expect(api.createGuestToken).toHaveBeenCalledTimes(2);
  });

  it.each([
    [404, 'No embedded dashboard has the slug store-sales', /provision/],
    [0, 'The portal backend could not be reached', /start\.sh/],
  ])(
    'says what to do when the guest token fails with %s',
    async (status, message, action) => {
      const api = mockSupersetApi();
      api.createGuestToken.mockRejectedValue(
        new BackendRequestError({ name: 'Error', message, status }),
      );
      renderSuperset(<DashboardsPage />, api);

      expect(await screen.findByText(message)).toBeInTheDocument();
      expect(screen.getByText(action)).toBeInTheDocument();
      expect(
        screen.getByRole('button', { name: 'Try again' }),
      ).toBeInTheDocument();
    },
  );

  it('takes the Superset address from a guest token when the list has none', async () => {
    const api = mockSupersetApi();
    api.listDashboards.mockResolvedValue(
      list([salesDashboard], { state: 'ready', message: 'ok' }),
    );
    renderSuperset(<DashboardsPage />, api);

    await waitFor(() => expect(embedDashboard).toHaveBeenCalledTimes(1));
    expect(lastEmbed().supersetDomain).toBe(SUPERSET_URL);
  });

  it('unmounts the embedded dashboard when the page goes', async () => {
    const api = mockSupersetApi();
    const view = renderSuperset(<DashboardsPage />, api);
    await waitFor(() => expect(embedDashboard).toHaveBeenCalledTimes(1));
    await waitFor(() =>
      expect(
        screen.queryByRole('progressbar', { name: 'Opening Store sales' }),
      ).not.toBeInTheDocument(),
    );
    expect(embedding.unmount).not.toHaveBeenCalled();

    view.unmount();
    expect(embedding.unmount).toHaveBeenCalledTimes(1);
  });
});
