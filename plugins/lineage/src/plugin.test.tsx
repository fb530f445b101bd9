import { renderTestApp } from '@backstage/frontend-test-utils';
import { screen, within } from '@testing-library/react';
import { GOLD } from './__testUtils__/fixtures';
import { setupLineageServer } from './__testUtils__/lineageServer';
import { lineagePlugin } from './plugin';

jest.setTimeout(30_000);

describe('lineagePlugin', () => {
  setupLineageServer();

  it('adds the Lineage page with a nav entry, served through its own API', async () => {
    renderTestApp({
      features: [lineagePlugin],
      initialRouteEntries: ['/lineage'],
    });

    const nav = await screen.findByRole('navigation');
    expect(within(nav).getByRole('link', { name: /Lineage/ })).toHaveAttribute(
      'href',
      '/lineage',
    );
    expect(
      await screen.findByRole('link', { name: GOLD }, { timeout: 10_000 }),
    ).toBeVisible();
  });
});
