import { renderTestApp } from '@backstage/frontend-test-utils';
import { embedDashboard } from '@superset-ui/embedded-sdk';
import { screen, waitFor, within } from '@testing-library/react';
import { salesDashboard } from './__testUtils__/fixtures';
import {
  fakeEmbedding,
  lastEmbed,
  mockSupersetApi,
} from './__testUtils__/renderSuperset';
import { supersetApiRef } from './api';
import { supersetPlugin } from './plugin';

// The SDK needs a real browser (an iframe that loads and a MessageChannel).
jest.mock('@superset-ui/embedded-sdk', () => ({ embedDashboard: jest.fn() }));

jest.setTimeout(30_000);

describe('supersetPlugin', () => {
  it('adds the Dashboards page with a nav entry', async () => {
    fakeEmbedding();
    renderTestApp({
      features: [supersetPlugin],
      apis: [[supersetApiRef, mockSupersetApi()]],
      initialRouteEntries: ['/dashboards'],
    });

    const nav = await screen.findByRole('navigation');
    expect(
      within(nav).getByRole('link', { name: /Dashboards/ }),
    ).toHaveAttribute('href', '/dashboards');
    expect(
      await screen.findByRole(
        'article',
        { name: 'Store sales' },
        { timeout: 10_000 },
      ),
    ).toBeVisible();
    await waitFor(() => expect(embedDashboard).toHaveBeenCalled());
    expect(lastEmbed().id).toBe(salesDashboard.embeddedId);
  });
});
