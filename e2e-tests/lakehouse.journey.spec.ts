import { test, expect, Page, TestInfo } from '@playwright/test';
import { enterAsGuest, sidebar, snap } from './steps';

// The table the pipeline always publishes in gold, on either engine.
const TABLE = 'gold_daily_store_sales';
const COLUMNS = ['sale_date', 'store_id', 'region_code', 'revenue'];
// On the embedded DuckDB lakehouse (the CI portal) tables are Parquet files
// without Iceberg metadata, so the Snapshots tab says so instead of listing.
const NO_SNAPSHOTS =
  'No snapshots: this engine reads Parquet files; snapshots need Iceberg.';

// The dev server and a first DuckDB or Trino query can be slow to answer.
test.describe.configure({ timeout: 120_000 });

/** The schema, a page of real rows and the snapshots of the open table. */
async function checkTableViews(page: Page, info: TestInfo, prefix: string) {
  await page.getByRole('tab', { name: 'Schema' }).click();
  for (const column of COLUMNS) {
    await expect(
      page.getByRole('rowheader', { name: column, exact: true }),
    ).toBeVisible();
  }
  await snap(page, info, `${prefix}-schema`);

  await page.getByRole('tab', { name: 'Preview' }).click();
  const grid = page.getByRole('table', { name: 'Preview rows' });
  await expect(
    grid.getByRole('columnheader', { name: /store_id/ }),
  ).toBeVisible();
  // a header row and at least one row of data
  await expect
    .poll(() => grid.getByRole('row').count(), { timeout: 30_000 })
    .toBeGreaterThan(1);
  await expect(page.getByText(/^Rows 1–\d/)).toBeVisible();
  await snap(page, info, `${prefix}-preview`);

  await page.getByRole('tab', { name: 'Snapshots' }).click();
  await expect(
    page
      .getByRole('button', { name: 'Preview at this snapshot' })
      .first()
      .or(page.getByText(NO_SNAPSHOTS)),
  ).toBeVisible({ timeout: 30_000 });
  await snap(page, info, `${prefix}-snapshots`);
}

test('browse gold in the Lakehouse: schema, preview and snapshots of a table', async ({
  page,
}, info) => {
  await enterAsGuest(page);
  // The sidebar's: home's cards link to the Lakehouse too.
  await sidebar(page)
    .getByRole('link', { name: 'Lakehouse', exact: true })
    .click();
  await expect(page).toHaveURL(/\/lakehouse/);
  const layers = page.getByRole('radiogroup', { name: 'Layer' });
  await expect(layers).toBeVisible();
  await snap(page, info, '01-lakehouse');

  await layers.getByRole('radio', { name: /^gold/ }).click();
  await expect(page).toHaveURL(/layer=gold/);
  const link = page.getByRole('link', { name: TABLE, exact: true });
  await expect(link).toBeVisible();
  await snap(page, info, '02-gold-tables');

  await page
    .getByRole('searchbox', { name: 'Filter tables by name' })
    .fill('daily');
  await expect(link).toBeVisible();
  await expect(
    page.getByRole('link', { name: 'gold_payment_mix', exact: true }),
  ).toHaveCount(0);

  await link.click();
  await expect(page).toHaveURL(new RegExp(`/lakehouse/[a-z_]+/gold/${TABLE}`));
  await expect(
    page.getByRole('heading', { name: TABLE, exact: true }),
  ).toBeVisible();
  await snap(page, info, '03-table-overview');

  await checkTableViews(page, info, '04');
});

test('open the same table from its Resource in the catalog', async ({
  page,
}, info) => {
  await enterAsGuest(page);
  // The catalog module publishes one Resource per table on its schedule.
  // Find it as a person would: all the catalog's Resources, filtered by table
  // name, without assuming how the entity is named (its title drops the
  // layer prefix: "daily_store_sales (gold)").
  const shortName = TABLE.replace(/^gold_/, '');
  // The table filters in the browser what the page loaded: until the
  // Resource exists, load the page again, as a person would.
  const entry = page
    .getByRole('grid')
    .getByRole('link', { name: new RegExp(shortName) })
    .first();
  await expect(async () => {
    await page.goto('/catalog?filters%5Bkind%5D=resource');
    await page.getByRole('menuitem', { name: /^All/ }).click();
    await page.getByPlaceholder('Filter').fill(shortName);
    await expect(entry).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
  await snap(page, info, '01-catalog-resources');

  await entry.click();
  await expect(page).toHaveURL(/\/catalog\/default\/resource\//);
  await page
    .getByRole('navigation', { name: 'Content navigation' })
    .getByRole('link', { name: 'Lakehouse', exact: true })
    .click();
  await expect(page).toHaveURL(/\/lakehouse$/);
  // The entity's header names the Resource; the tab's own heading (the last)
  // names the table it shows.
  await expect(
    page.getByRole('heading', { name: TABLE, exact: true }).last(),
  ).toBeVisible();
  // The tab shows the table the annotation names, and links to its page.
  await expect(
    page.getByRole('link', { name: 'Open in Lakehouse' }),
  ).toHaveAttribute('href', new RegExp(`^/lakehouse/[a-z_]+/gold/${TABLE}$`));
  await snap(page, info, '02-resource-lakehouse-tab');

  await checkTableViews(page, info, '03');
});
