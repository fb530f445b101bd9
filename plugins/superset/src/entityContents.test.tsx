import type { Entity } from '@backstage/catalog-model';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { embedDashboard } from '@superset-ui/embedded-sdk';
import { screen, waitFor } from '@testing-library/react';
import { SUPERSET_URL, list, salesDashboard } from './__testUtils__/fixtures';
import {
  fakeEmbedding,
  lastEmbed,
  mockSupersetApi,
  never,
  renderSuperset,
} from './__testUtils__/renderSuperset';
import type { SupersetApi } from './api';
import { EntityDashboardContent } from './components/EntityDashboardContent';
import { dashboardEntityContent } from './entityContents';

// The SDK needs a real browser (an iframe that loads and a MessageChannel).
jest.mock('@superset-ui/embedded-sdk', () => ({ embedDashboard: jest.fn() }));

jest.setTimeout(30_000);

function dashboardEntity(slug?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: slug ? `${slug}-dashboard` : 'scout-cli',
      namespace: 'default',
      annotations: slug ? { 'scout.io/superset-dashboard': slug } : {},
    },
    spec: { type: 'dashboard', owner: 'data-engineering' },
  };
}

function renderTab(entity: Entity, api: SupersetApi) {
  return renderSuperset(
    <EntityProvider entity={entity}>
      <EntityDashboardContent />
    </EntityProvider>,
    api,
    {
      mountPath: '/catalog/*',
      at: `/catalog/default/resource/${entity.metadata.name}/dashboard`,
    },
  );
}

describe('the Dashboard tab', () => {
  beforeEach(() => {
    jest.mocked(embedDashboard).mockReset();
    fakeEmbedding();
  });

  it('is offered only on entities with the scout.io/superset-dashboard annotation', () => {
    const tester = createExtensionTester(dashboardEntityContent);
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction);
    if (!filter) throw new Error('no entity filter');
    expect(filter(dashboardEntity('store-sales'))).toBe(true);
    expect(filter(dashboardEntity())).toBe(false);
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('Dashboard');
  });

  it('embeds the dashboard the annotation names, with a link to the page', async () => {
    const api = mockSupersetApi();
    renderTab(dashboardEntity('store-sales'), api);

    expect(
      await screen.findByRole('link', { name: 'Open on the Dashboards page' }),
    ).toHaveAttribute('href', '/dashboards?dashboard=store-sales');
    await waitFor(() => expect(embedDashboard).toHaveBeenCalledTimes(1));
    expect(lastEmbed()).toMatchObject({
      id: salesDashboard.embeddedId,
      supersetDomain: SUPERSET_URL,
      dashboardUiConfig: { hideTitle: true },
    });
    await lastEmbed().fetchGuestToken();
    expect(api.createGuestToken).toHaveBeenLastCalledWith('store-sales');
  });

  it('names a slug that is not among the embeddable dashboards', async () => {
    const api = mockSupersetApi();
    renderTab(dashboardEntity('old-sales'), api);

    expect(
      await screen.findByText(
        'scout.io/superset-dashboard names old-sales, which is not among the embeddable dashboards',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Superset embeds store-sales, ingest-volume\./),
    ).toBeInTheDocument();
    expect(embedDashboard).not.toHaveBeenCalled();
  });

  it('shows progress while the list loads', async () => {
    const api = mockSupersetApi();
    api.listDashboards.mockImplementation(never);
    renderTab(dashboardEntity('store-sales'), api);

    expect(
      await screen.findByRole('progressbar', { name: 'Loading dashboards' }),
    ).toBeInTheDocument();
  });

  it("says what to do when Superset isn't ready", async () => {
    const api = mockSupersetApi();
    api.listDashboards.mockResolvedValue(
      list([], {
        state: 'not-configured',
        message: 'Set superset.baseUrl in app-config.local.yaml',
      }),
    );
    renderTab(dashboardEntity('store-sales'), api);

    expect(
      await screen.findByText('Superset is not configured (not-configured)'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Set superset.baseUrl in app-config.local.yaml'),
    ).toBeInTheDocument();
    expect(embedDashboard).not.toHaveBeenCalled();
  });
});
