import { test, expect, Page, TestInfo } from '@playwright/test';

// Each step's screenshot is kept as a test artifact (see playwright.config.ts).
async function snap(page: Page, info: TestInfo, step: string) {
  const path = info.outputPath(`${step}.png`);
  await page.screenshot({ path, fullPage: true });
  await info.attach(step, { path, contentType: 'image/png' });
}

async function enterAsGuest(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  await expect(
    page.getByRole('link', { name: 'Catalog', exact: true }).first(),
  ).toBeVisible();
}

test('find the Scout components and see Trino with Nessie and MinIO', async ({
  page,
}, info) => {
  await enterAsGuest(page);
  await expect(page).toHaveTitle(/Scout Portal/);
  await expect(page.getByLabel('Scout Portal').first()).toBeVisible();
  await snap(page, info, '01-signed-in');

  // The catalog is the landing page. It opens on the components the guest
  // owns through platform-team (catalog/development.yaml); then all of them.
  await expect(page.getByText(/^Owned Components \(\d+\)$/)).toBeVisible();
  await page.getByRole('menuitem', { name: /^All/ }).click();
  await expect(page.getByText('All Components (21)')).toBeVisible();
  const table = page.getByRole('table');
  for (const name of [
    'ingest-transaction',
    'Nessie',
    'MinIO',
    'dbt pipeline',
  ]) {
    await expect(table.getByRole('link', { name, exact: true })).toBeVisible();
  }
  await snap(page, info, '02-catalog-components');

  await page.getByPlaceholder('Search').fill('trino');
  await expect(
    table.getByRole('link', { name: 'Trino', exact: true }),
  ).toBeVisible();
  await expect(
    table.getByRole('link', { name: 'Nessie', exact: true }),
  ).toHaveCount(0);
  await snap(page, info, '03-catalog-search');

  await table.getByRole('link', { name: 'Trino', exact: true }).click();
  await expect(page).toHaveURL(/\/catalog\/default\/component\/trino/);
  await expect(
    page.getByRole('heading', { name: 'Trino' }).first(),
  ).toBeVisible();
  await expect(page.getByText('Distributed SQL engine').first()).toBeVisible();
  await snap(page, info, '04-trino-overview');

  // The relations card draws the dependency graph as SVG nodes, by title.
  const graph = page.locator('svg#dependency-graph');
  await expect(graph).toBeVisible();
  for (const node of ['Nessie', 'MinIO', 'OSS Lakehouse', 'dbt pipeline']) {
    await expect(graph.getByText(node, { exact: true })).toBeVisible();
  }
  await graph.scrollIntoViewIfNeeded();
  await snap(page, info, '05-trino-relations-graph');
});

test('open the Scout domain and a layer System', async ({ page }, info) => {
  await enterAsGuest(page);
  await page.goto('/catalog/default/domain/scout-analytics');
  await expect(
    page.getByRole('heading', { name: 'Scout Analytics' }).first(),
  ).toBeVisible();
  await expect(
    page.getByRole('link', { name: 'OSS Lakehouse' }).first(),
  ).toBeVisible();
  await snap(page, info, '01-domain');

  await page.getByRole('link', { name: 'OSS Lakehouse' }).first().click();
  await expect(page).toHaveURL(/\/catalog\/default\/system\/scout-lakehouse/);
  await expect(
    page.getByText('Iceberg tables on S3 object storage').first(),
  ).toBeVisible();
  await snap(page, info, '02-lakehouse-system');
});

test('read the ingest-transaction API definition', async ({ page }, info) => {
  await enterAsGuest(page);
  await page.goto('/catalog/default/api/ingest-transaction-api/definition');
  await expect(page.getByText('/ingest-transaction').first()).toBeVisible();
  await snap(page, info, '01-api-definition');
});
