import { renderTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { screen, within } from '@testing-library/react';
import { catalogEntities } from './__testUtils__/renderSlo';
import { setupSloServer } from './__testUtils__/sloServer';
import { sloPlugin } from './plugin';

jest.setTimeout(30_000);

describe('sloPlugin', () => {
  setupSloServer();

  it('adds the SLO page with a nav entry, served through its own API', async () => {
    renderTestApp({
      features: [sloPlugin],
      apis: [[catalogApiRef, catalogApiMock({ entities: catalogEntities })]],
      initialRouteEntries: ['/slo'],
    });

    const nav = await screen.findByRole('navigation');
    expect(within(nav).getByRole('link', { name: /SLOs/ })).toHaveAttribute(
      'href',
      '/slo',
    );
    expect(
      await screen.findByRole(
        'article',
        { name: 'Iceberg gold freshness' },
        { timeout: 10_000 },
      ),
    ).toBeVisible();
  });
});
