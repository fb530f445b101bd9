import { renderTestApp } from '@backstage/frontend-test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupScoutServer } from './__testUtils__/scoutServer';
import { scoutPlugin } from './plugin';

// Whole-app renders with react-aria tables are slow on a busy CI machine.
jest.setTimeout(30_000);

describe('scoutPlugin', () => {
  setupScoutServer();

  it('adds the Pipeline page with a nav entry, served through its own API', async () => {
    // No API overrides: the ApiBlueprint's client resolves the backend
    // through the app's discovery API (backend.baseUrl + /api/scout).
    renderTestApp({
      features: [scoutPlugin],
      initialRouteEntries: ['/pipeline'],
    });

    const nav = await screen.findByRole('navigation');
    expect(within(nav).getByRole('link', { name: /Pipeline/ })).toHaveAttribute(
      'href',
      '/pipeline',
    );

    await userEvent.click(
      await screen.findByRole(
        'link',
        { name: '20261130-110000-cd34' },
        { timeout: 10_000 },
      ),
    );
    expect(
      await screen.findByText(
        'Run 20261130-110000-cd34',
        {},
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
  });

  // The app's config (app-config.yaml, the home page's defaultConfig)
  // refers to these ids; getExtension's type also checks them at compile time.
  it.each([
    'api:scout',
    'page:scout',
    'entity-content:scout/pipeline',
    'home-page-widget:scout/pipeline-runs',
    'home-page-widget:scout/ingest-volume',
    'home-page-widget:scout/lakehouse-layers',
    'home-page-widget:scout/attention',
  ] as const)('offers %s', id => {
    expect(scoutPlugin.getExtension(id)).toBeDefined();
  });
});
