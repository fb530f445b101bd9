import { renderTestApp } from '@backstage/frontend-test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupLakehouseServer } from './__testUtils__/lakehouseServer';
import { lakehousePlugin } from './plugin';

// Whole-app renders with react-aria tables are slow on a busy CI machine.
jest.setTimeout(30_000);

describe('lakehousePlugin', () => {
  setupLakehouseServer();

  it('adds the Lakehouse page with a nav entry, served through its own API', async () => {
    // No API overrides: the ApiBlueprint's client resolves the backend
    // through the app's discovery API (backend.baseUrl + /api/lakehouse).
    renderTestApp({
      features: [lakehousePlugin],
      initialRouteEntries: ['/lakehouse'],
    });

    const nav = await screen.findByRole('navigation');
    expect(
      within(nav).getByRole('link', { name: /Lakehouse/ }),
    ).toHaveAttribute('href', '/lakehouse');

    await userEvent.click(await screen.findByRole('radio', { name: /gold/ }));
    await userEvent.click(
      await screen.findByRole('link', { name: 'gold_daily_store_sales' }),
    );
    expect(
      await screen.findByText('Revenue and transactions per store and day.'),
    ).toBeInTheDocument();
  });
});
