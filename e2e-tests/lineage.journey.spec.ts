import { test, expect, type APIRequestContext } from '@playwright/test';
import { enterAsGuest, snap } from './steps';

// The lineage the portal's first pipeline run sends (on Trino, its
// OpenLineage listener): gold_daily_store_sales from silver_transactions,
// from bronze transactions, from the scout database. Names are
// <catalog>.<layer>.<table>; the catalog depends on the engine.
const GOLD = 'gold_daily_store_sales';
const PRODUCER = { authorization: 'Bearer scout-dev-lineage-token' };
const ends = (suffix: string) =>
  new RegExp(`\\.${suffix.replace(/\./g, '\\.')}$`);

async function goldDataset(request: APIRequestContext) {
  const res = await request.get('/api/lineage/api/v1/search', {
    params: { q: GOLD, filter: 'DATASET' },
    headers: PRODUCER,
  });
  expect(res.status(), await res.text()).toBe(200);
  const body: { results: { name: string; nodeId: string }[] } =
    await res.json();
  const golds = body.results.filter(r => ends(`gold.${GOLD}`).test(r.name));
  // Trino's listener sends column lineage back to the scout database; other
  // producers (the dbt static pass on DuckDB) may stop at silver.
  return golds.find(r => r.nodeId.startsWith('dataset:trino://')) ?? golds[0];
}

test.describe.configure({ timeout: 180_000 });

test.beforeAll(async ({ request }) => {
  // The first pipeline run publishes a minute or two after the portal
  // starts; its lineage arrives as it writes. Wait as lineage.api.spec does.
  test.setTimeout(300_000);
  await expect
    .poll(async () => (await goldDataset(request))?.nodeId, {
      timeout: 240_000,
      intervals: [5_000],
      message: 'no lineage event for gold arrived',
    })
    .toBeTruthy();
});

test('where does gold revenue come from: expand to bronze, follow the column to its source', async ({
  page,
  request,
}, info) => {
  const gold = (await goldDataset(request))!;
  await enterAsGuest(page);
  await page.goto('/lineage');
  // While the route swaps in, the app shell's header and the page's may
  // both be up for a moment: either says we are on the page.
  await expect(
    page.getByRole('heading', { name: 'Lineage' }).first(),
  ).toBeVisible();
  await expect(
    page.getByRole('list', { name: 'Recent datasets' }),
  ).toBeVisible();
  await snap(page, info, '01-lineage-intro');

  // Search and jump.
  await page
    .getByRole('searchbox', { name: 'Search datasets and jobs' })
    .fill(GOLD);
  const results = page.getByRole('list', { name: 'Search results' });
  await results.getByRole('link', { name: gold.name, exact: true }).click();
  await expect(page).toHaveURL(
    `/lineage?node=${encodeURIComponent(gold.nodeId)}`,
  );
  const graph = page.getByRole('group', { name: 'Lineage graph' });
  await expect(
    graph.getByRole('button', { name: `Dataset ${gold.name}`, exact: true }),
  ).toBeVisible();
  const silver = graph.getByRole('button', {
    name: /^Dataset .*\.silver\.silver_transactions$/,
  });
  await expect(silver).toBeVisible();
  await snap(page, info, '02-gold-depth-1');

  // Expand upstream until bronze is on the graph.
  await graph
    .getByRole('button', {
      name: /^Expand upstream of .*\.silver\.silver_transactions$/,
    })
    .click();
  await expect(
    graph.getByRole('button', { name: /^Dataset .*\.bronze\.transactions$/ }),
  ).toBeVisible();
  await snap(page, info, '03-expanded-to-bronze');

  // The address keeps the expansion: a reload shows bronze again.
  await expect(page).toHaveURL(/[?&]expand=upstream%3Adataset/);
  await page.reload();
  await expect(
    graph.getByRole('button', { name: `Dataset ${gold.name}`, exact: true }),
  ).toBeVisible();
  await expect(
    graph.getByRole('button', { name: /^Dataset .*\.bronze\.transactions$/ }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Fit', exact: true }).click();

  // The columns of gold: revenue, back to its source field.
  await page.getByRole('tab', { name: 'Columns' }).click();
  await page
    .getByRole('list', { name: 'Columns' })
    .getByRole('button', { name: /^revenue/ })
    .click();
  const from = page.getByRole('list', { name: 'revenue comes from' });
  await expect(from).toBeVisible();
  await expect(
    from.getByText(/\.silver\.silver_transactions \. total$/),
  ).toBeVisible();
  await expect(
    from.getByText(/\.bronze\.transactions \. total$/),
  ).toBeVisible();
  // On through the scout database (the bronze load's source, promotion's
  // output) to the field of the request body ingest-transaction took.
  await expect(
    from.getByText('scout.scout.silver_transactions . total', { exact: true }),
  ).toBeVisible();
  await expect(
    from.getByText('scout.scout.bronze_transactions . payload.total', {
      exact: true,
    }),
  ).toBeVisible();
  await expect(
    from.getByText('ingest-transaction.Transaction . total', { exact: true }),
  ).toBeVisible();
  await snap(page, info, '04-revenue-to-source');

  // At 400px the layer toggles wrap instead of being cut off.
  await page.setViewportSize({ width: 400, height: 800 });
  await expect(
    page
      .getByRole('toolbar', { name: 'Layers' })
      .getByRole('button', { name: 'platinum', exact: true }),
  ).toBeInViewport({ ratio: 1 });
  await snap(page, info, '05-narrow-filters');
});

test("a gold table's Lineage tab in the catalog", async ({ page }, info) => {
  await enterAsGuest(page);
  // The catalog module publishes one Resource per table on its schedule, a
  // while after the portal starts.
  const tab = page
    .getByRole('navigation', { name: 'Content navigation' })
    .getByRole('link', { name: 'Lineage', exact: true });
  await expect(async () => {
    await page.goto('/catalog/default/resource/gold-gold-daily-store-sales');
    await expect(tab).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 150_000, intervals: [5_000] });
  await tab.click();
  await expect(page).toHaveURL(/\/lineage$/);
  // On the engine whose run sent the lineage, the graph; where the table's
  // catalog has none recorded (another engine), the tab says so.
  await expect(
    page
      .getByRole('group', { name: 'Lineage graph' })
      .or(page.getByText(/^No lineage recorded yet for /)),
  ).toBeVisible({ timeout: 30_000 });
  await snap(page, info, '01-resource-lineage-tab');
});

test('a graph past a hundred nodes is laid out in a Web Worker', async ({
  page,
  request,
}, info) => {
  // One job joining 110 tables: opening its output draws 112 nodes. Fixed
  // run id and time, so a second run of the journey is a replay.
  const namespace = 'e2e://wide-join';
  const res = await request.post('/api/lineage/api/v1/lineage', {
    headers: PRODUCER,
    data: {
      eventType: 'COMPLETE',
      eventTime: '2026-12-01T00:00:00Z',
      producer: 'scout-e2e',
      run: { runId: '0d8f4c52-5a4e-4b7e-9a51-6f1d2c3b4a59' },
      job: { namespace, name: 'join everything' },
      inputs: Array.from({ length: 110 }, (_, i) => ({
        namespace,
        name: `lake.silver.part_${i}`,
      })),
      outputs: [{ namespace, name: 'lake.gold.everything' }],
    },
  });
  expect(res.status(), await res.text()).toBe(201);

  await enterAsGuest(page);
  const worker = page.waitForEvent('worker');
  await page.goto(
    `/lineage?node=${encodeURIComponent(
      `dataset:${namespace}:lake.gold.everything`,
    )}`,
  );
  expect((await worker).url()).toMatch(/\.js$/);
  const toolbar = page.getByRole('toolbar', { name: 'Zoom' });
  await expect(toolbar).toContainText('112 nodes', { timeout: 30_000 });
  await expect(page.getByTestId('lineage-node')).toHaveCount(112);
  await snap(page, info, '01-wide-join-laid-out-in-a-worker');
});
