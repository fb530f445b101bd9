import { test, expect } from '@playwright/test';
import {
  drawnNeighbours,
  relationsCards,
} from '../packages/app/src/modules/catalogGraph/relationsByKind';
import { guestToken, listEntities } from './catalogClient';
import { enterAsGuest, sidebar, snap } from './steps';

/** The smallest median height of a graph's labels (px) that reads well. */
const READABLE_LABEL_PX = 9;

test('find the Scout components and see Trino with its neighbours', async ({
  page,
}, info) => {
  await enterAsGuest(page);
  await expect(page).toHaveTitle(/Scout Portal/);
  await expect(page.getByLabel('Scout Portal').first()).toBeVisible();
  await snap(page, info, '01-signed-in');

  // The catalog opens on the components the guest owns through
  // platform-team (catalog/development.yaml); then all of them.
  await sidebar(page)
    .getByRole('link', { name: 'Catalog', exact: true })
    .click();
  await expect(page).toHaveURL(/\/catalog/);
  await expect(page.getByText(/^Owned Components \(\d+\)$/)).toBeVisible();
  // The picker shows its counts once its own queries are in; a choice made
  // before then can be taken back when they land (Backstage's
  // UserListPicker), so choose All as a user would, after them.
  for (const item of [/^Owned.*\d/, /^All.*\d/]) {
    await expect(page.getByRole('menuitem', { name: item })).toBeVisible();
  }
  await page.getByRole('menuitem', { name: /^All/ }).click();
  await expect(page.getByText('All Components (21)')).toBeVisible();
  // The list is a Backstage UI table: react-aria gives it the grid role.
  const table = page.getByRole('grid');
  for (const name of ['Apache Superset', 'Nessie', 'MinIO']) {
    await expect(table.getByRole('link', { name, exact: true })).toBeVisible();
  }
  await snap(page, info, '02-catalog-components');

  // Narrowing the window moves the filters into a drawer and widening it
  // brings them back, mounting the pickers again: the choice of All stays.
  await page.setViewportSize({ width: 400, height: 800 });
  await expect(page.getByRole('button', { name: 'Filters' })).toBeVisible();
  await page.setViewportSize({ width: 1440, height: 900 });
  for (const item of [/^Owned.*\d/, /^All.*\d/]) {
    await expect(page.getByRole('menuitem', { name: item })).toBeVisible();
  }
  await expect(page.getByText('All Components (21)')).toBeVisible();
  await expect(page).toHaveURL(/filters%5Buser%5D=all|filters\[user\]=all/);

  // The table pages (20 rows) and filters in the browser, over all 21.
  const filter = page.getByPlaceholder('Filter');
  for (const [query, name] of [
    ['ingest', 'ingest-transaction'],
    ['dbt', 'dbt pipeline'],
  ]) {
    await filter.fill(query);
    await expect(table.getByRole('link', { name, exact: true })).toBeVisible();
  }
  await filter.fill('trino');
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

  // The relations card draws the dependency graph as SVG nodes, by title:
  // Trino's direct neighbours (the card's default depth is 1).
  const graph = page.locator('svg#dependency-graph');
  await expect(graph).toBeVisible();
  for (const node of ['Nessie', 'OSS Lakehouse', 'dbt pipeline']) {
    await expect(graph.getByText(node, { exact: true })).toBeVisible();
  }
  await graph.scrollIntoViewIfNeeded();
  await snap(page, info, '05-trino-relations-graph');
});

test('an entity page runs its warning checks once on a cold load', async ({
  page,
}) => {
  // The overview's warnings (orphan, missing relations, processing errors)
  // are checked while it renders, and React renders the page several times
  // from the start while its lazy parts load: each check must still ask the
  // catalog once (it asked five times for the ancestry before).
  await enterAsGuest(page);
  const ancestry: string[] = [];
  page.on('request', request => {
    if (/\/api\/catalog\/entities\/by-name\/.+\/ancestry$/.test(request.url()))
      ancestry.push(request.url());
  });
  await page.goto('/catalog/default/component/trino');
  await expect(page.getByText('Distributed SQL engine').first()).toBeVisible();
  await expect(page.locator('svg#dependency-graph')).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(ancestry).toHaveLength(1);
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

test('each relations card stays readable on the busiest entity of its kinds', async ({
  page,
  request,
}, info) => {
  const entities = await listEntities(request, await guestToken(request));
  await enterAsGuest(page);
  for (const card of relationsCards) {
    // The entity of the card's kinds with the most related entities to draw.
    const [busiest] = entities
      .filter(e => card.kinds.includes(e.kind.toLocaleLowerCase('en-US')))
      .map(entity => ({ entity, ...drawnNeighbours(entity, card) }))
      .sort((a, b) => b.total - a.total);
    if (!busiest?.total) continue;
    const { entity, refs, total } = busiest;
    const { namespace = 'default', name } = entity.metadata as {
      namespace?: string;
      name: string;
    };
    await page.goto(
      `/catalog/${namespace}/${entity.kind.toLocaleLowerCase('en-US')}/${name}`,
    );
    if (refs.length < total) {
      await expect(
        page.getByText(`${card.title} (${refs.length} of ${total})`),
      ).toBeVisible();
    }
    const graph = page.locator('svg#dependency-graph').first();
    await expect(graph).toBeVisible();
    await graph.scrollIntoViewIfNeeded();
    // The labels' median rendered height, once the graph has its layout.
    const labelPx = () =>
      graph.evaluate(svg => {
        const heights = Array.from(svg.querySelectorAll('text'))
          .map(t => t.getBoundingClientRect().height)
          .filter(h => h > 0)
          .sort((a, b) => a - b);
        return heights[heights.length >> 1] ?? 0;
      });
    await expect
      .poll(labelPx, {
        message: `${entity.kind} ${name}: ${total} related, ${refs.length} drawn`,
      })
      .toBeGreaterThanOrEqual(READABLE_LABEL_PX);
    await snap(page, info, `relations-${card.name}`);
  }
});
