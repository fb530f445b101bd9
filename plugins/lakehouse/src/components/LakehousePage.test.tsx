import { screen, within } from '@testing-library/react';
import { http } from 'msw';
import { BASE_URL } from '../__testUtils__/fixtures';
import {
  errorResponse,
  setupLakehouseServer,
} from '../__testUtils__/lakehouseServer';
import { renderLakehouse } from '../__testUtils__/renderLakehouse';
import { LakehousePage } from './LakehousePage';

// Whole-app renders with react-aria tables are slow on a busy CI machine.
jest.setTimeout(30_000);

// Every address under /lakehouse shows something to do: partial addresses
// lead to the navigator, wrong names list the right ones.
describe('the Lakehouse page at any address', () => {
  const server = setupLakehouseServer();

  const linkTargets = (container: HTMLElement) =>
    within(container)
      .getAllByRole('link')
      .map(l => [l.textContent, l.getAttribute('href')]);

  const choicesUnder = async (title: string) =>
    (await screen.findByText(title)).parentElement as HTMLElement;

  it('takes a layer address to the navigator on that layer', async () => {
    renderLakehouse(<LakehousePage />, { at: '/lakehouse/iceberg/gold' });

    expect(
      // The first whole-app render of the file is the slow one.
      await screen.findByRole(
        'link',
        { name: 'gold_daily_store_sales' },
        { timeout: 10_000 },
      ),
    ).toHaveAttribute('href', '/lakehouse/iceberg/gold/gold_daily_store_sales');
    expect(screen.getByRole('radio', { name: 'gold (3)' })).toBeChecked();
  });

  it('takes a catalog address to the navigator on its first layer', async () => {
    renderLakehouse(<LakehousePage />, { at: '/lakehouse/iceberg' });

    expect(
      await screen.findByRole('radio', { name: 'bronze (4)' }),
    ).toBeChecked();
  });

  it('says there is no such page for a deeper address', async () => {
    renderLakehouse(<LakehousePage />, {
      at: '/lakehouse/iceberg/gold/gold_daily_store_sales/files',
    });

    expect(
      await screen.findByText('No such page in the Lakehouse'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Browse every layer and table' }),
    ).toHaveAttribute('href', '/lakehouse');
  });

  it('lists the layers for an unknown ?layer=, selecting none', async () => {
    renderLakehouse(<LakehousePage />, { at: '/lakehouse?layer=diamond' });

    const choices = await choicesUnder(
      'There is no layer "diamond" in iceberg.',
    );
    expect(linkTargets(choices)).toEqual([
      ['bronze', '/lakehouse?catalog=iceberg&layer=bronze'],
      ['silver', '/lakehouse?catalog=iceberg&layer=silver'],
      ['gold', '/lakehouse?catalog=iceberg&layer=gold'],
      ['platinum', '/lakehouse?catalog=iceberg&layer=platinum'],
    ]);
    for (const radio of screen.getAllByRole('radio')) {
      expect(radio).not.toBeChecked();
    }
    expect(screen.queryByRole('searchbox')).toBeNull();
  });

  it('lists the catalogs for an unknown catalog', async () => {
    renderLakehouse(<LakehousePage />, { at: '/lakehouse/nessie/gold' });

    const choices = await choicesUnder(
      'There is no lakehouse catalog "nessie".',
    );
    expect(linkTargets(choices)).toEqual([
      ['iceberg (trino)', '/lakehouse?catalog=iceberg'],
    ]);
  });

  it("lists the layer's tables for an unknown table", async () => {
    server.use(
      http.get(
        `${BASE_URL}/catalogs/iceberg/namespaces/gold/tables/gold_nope`,
        () => errorResponse(404, 'NotFoundError', 'No table gold.gold_nope'),
      ),
    );
    renderLakehouse(<LakehousePage />, {
      at: '/lakehouse/iceberg/gold/gold_nope',
    });

    const choices = await choicesUnder(
      'There is no table "gold_nope" in iceberg / gold.',
    );
    expect(screen.getByText('No table gold.gold_nope')).toBeInTheDocument();
    expect(linkTargets(choices)).toEqual([
      [
        'gold_daily_store_sales',
        '/lakehouse/iceberg/gold/gold_daily_store_sales',
      ],
      ['gold_payment_mix', '/lakehouse/iceberg/gold/gold_payment_mix'],
      ['gold_basket_metrics', '/lakehouse/iceberg/gold/gold_basket_metrics'],
    ]);
  });

  it('lists the layers when a table address names an unknown layer', async () => {
    server.use(
      http.get(`${BASE_URL}/catalogs/iceberg/namespaces/diamond/tables/x`, () =>
        errorResponse(404, 'NotFoundError', 'No namespace diamond'),
      ),
    );
    renderLakehouse(<LakehousePage />, { at: '/lakehouse/iceberg/diamond/x' });

    const choices = await choicesUnder(
      'There is no layer "diamond" in iceberg.',
    );
    expect(linkTargets(choices)).toHaveLength(4);
  });
});
