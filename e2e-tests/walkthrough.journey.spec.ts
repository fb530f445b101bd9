import {
  test,
  expect,
  type APIRequestContext,
  type Page,
  type TestInfo,
} from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { enterAsGuest, sidebar, snap } from './steps';

/*
 * A newcomer's walk through the portal, with a screenshot of each stop: the
 * Scout home, the Pipeline page, a run failed by an expectation and one
 * failed by a dbt test, each failure on its table's lineage node, and a
 * TechDocs page. Journeys run in file-name order, so this one runs last: the
 * runs it fails on purpose are the newest runs for nothing after it.
 */

// A pipeline run on Trino takes 1 to 3 minutes; this journey fails two.
test.describe.configure({ timeout: 840_000 });

/** A silver transaction and its one line, inserted by SQL around promotion. */
const badSale = (id: string, total: string, itemCount: number) => `
  with bad as (
    insert into scout.silver_transactions (transaction_id, store_id, occurred_at, sale_date,
      payment_method, total, item_count, units, received_at)
    values ('${id}', 'ST-NCR-00001', '2026-11-19T10:00:00+08', '2026-11-19', 'cash',
      ${total}, ${itemCount}, ${itemCount}, now())
    returning transaction_id
  )
  insert into scout.silver_line_items (transaction_id, line_no, sale_date, store_id, sku,
    quantity, unit_price, amount)
  select transaction_id, 1, date '2026-11-19', 'ST-NCR-00001',
    (select sku from scout.products order by sku limit 1), 1, 1.00, 1.00
  from bad`;
const removeSale = (id: string) => `
  delete from scout.silver_line_items where transaction_id = '${id}';
  delete from scout.silver_transactions where transaction_id = '${id}'`;

/**
 * Two ways a run fails, each caught by another check, and where lineage
 * shows it. The rows go in by SQL on the scout database (scripts/test.sh
 * exports SCOUT_TEST_DATABASE_URL, the database the portal runs on) and out
 * again afterwards, so later runs publish.
 */
const FAILURES = [
  {
    // Its total (999.99) disagrees with its one line (1.00): the
    // expectations over Postgres silver stop the run before its branch.
    id: '00000000-0000-4000-8000-00000000bad2',
    total: '999.99',
    itemCount: 1,
    checkedBy: 'Great Expectations',
    source: 'great_expectations',
    // The scout database's table, whoever names it.
    node: async () =>
      'dataset:postgres://scout:scout.scout.silver_transactions',
  },
  {
    // It says 2 lines and has 1: the expectations pass it, dbt's
    // line_counts_match_transactions fails it on the run's branch.
    id: '00000000-0000-4000-8000-00000000bad3',
    total: '1.00',
    itemCount: 2,
    checkedBy: 'dbt',
    source: 'dbt',
    // The lakehouse's silver table, in the engine's namespace.
    node: async (request: APIRequestContext) => {
      const found = await lineage(request, '/api/v1/search', {
        q: '.silver.silver_transactions',
        filter: 'DATASET',
      });
      const hit = found.results.find((r: { name: string }) =>
        r.name.endsWith('.silver.silver_transactions'),
      );
      return hit.nodeId as string;
    },
  },
];

/** A GET of the lineage API with the producer token (producers may read). */
async function lineage(
  request: APIRequestContext,
  path: string,
  params: Record<string, string | number>,
) {
  const res = await request.get(`/api/lineage${path}`, {
    params,
    headers: { authorization: 'Bearer scout-dev-lineage-token' },
  });
  expect(res.status()).toBe(200);
  return res.json();
}

/** Runs SQL on the scout database with psql (the stack's PostgreSQL client). */
function scoutSql(databaseUrl: string, sql: string) {
  execFileSync(
    'psql',
    [databaseUrl, '-v', 'ON_ERROR_STOP=1', '-q', '-c', sql],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
}

test('home, the pipeline, a failed run and its tests, a TechDocs page', async ({
  page,
}, info) => {
  await enterAsGuest(page);

  // The last "Home": the logo above the items links home too.
  await sidebar(page)
    .getByRole('link', { name: 'Home', exact: true })
    .last()
    .click();
  for (const card of ['Pipeline runs', 'Needs attention', 'Lakehouse layers']) {
    await expect(page.getByText(card, { exact: true }).first()).toBeVisible();
  }
  await snap(page, info, '01-home');

  await sidebar(page)
    .getByRole('link', { name: 'Pipeline', exact: true })
    .click();
  await expect(page).toHaveURL(/\/pipeline$/);
  const runNow = page.getByRole('button', { name: 'Run now' });
  await expect(runNow).toBeVisible();
  // scripts/test.sh starts the journeys once a run has published.
  await expect(page.getByRole('link', { name: /\S+/ }).first()).toBeVisible();
  await snap(page, info, '02-pipeline');

  const databaseUrl = process.env.SCOUT_TEST_DATABASE_URL;
  if (databaseUrl) {
    for (const [i, failure] of FAILURES.entries()) {
      scoutSql(
        databaseUrl,
        badSale(failure.id, failure.total, failure.itemCount),
      );
      try {
        await failedRun(page, info, failure, i);
      } finally {
        scoutSql(databaseUrl, removeSale(failure.id));
      }
    }
  } else {
    info.annotations.push({
      type: 'skipped step',
      description:
        'a failed run needs SQL on the scout database: set SCOUT_TEST_DATABASE_URL (scripts/test.sh does)',
    });
  }

  await sidebar(page).getByRole('link', { name: 'Docs', exact: true }).click();
  await expect(page).toHaveURL(/\/docs$/);
  await page.getByRole('table').getByRole('link').first().click();
  await expect(page).toHaveURL(/\/docs\/[^/]+\/[^/]+\/[^/]+/);
  // The generated mkdocs page, inside the TechDocs reader's shadow root. The
  // reader keeps it transparent (opacity 0 on its <html>) until every
  // stylesheet of the page has loaded, so wait for it to show.
  const heading = page.locator('.md-content h1').first();
  await expect(heading).toBeVisible({ timeout: 60_000 });
  await expect
    .poll(
      () => heading.evaluate(h => getComputedStyle(h.closest('html')!).opacity),
      { timeout: 60_000 },
    )
    .toBe('1');
  await snap(page, info, '07-techdocs');
});

/**
 * Runs the pipeline from the Pipeline page and follows it to its failure:
 * the run page lists the failing check first, the lineage API has it on
 * `failure.node`, and so does that node's panel on the Lineage page.
 */
async function failedRun(
  page: Page,
  info: TestInfo,
  failure: (typeof FAILURES)[number],
  i: number,
) {
  await page.goto('/pipeline');
  await page.getByRole('button', { name: 'Run now' }).click();
  await expect(page).toHaveURL(/\/pipeline\/runs\/[^/]+$/);
  await expect(page.getByText('The run failed; main is unchanged')).toBeVisible(
    { timeout: 360_000 },
  );
  await expect(
    page.getByRole('heading', { name: 'Tests and expectations' }),
  ).toBeVisible();
  // Failures come first in the table (react-aria renders it as a grid):
  // its first data row failed.
  const firstTest = page
    .getByRole('grid')
    .filter({ has: page.getByRole('columnheader', { name: 'Failing rows' }) })
    .getByRole('row')
    .nth(1);
  await expect(firstTest).toContainText(/fail|error/i);
  await expect(firstTest).toContainText(failure.checkedBy);
  await expect(page.getByText(/\d+ passed, [1-9]\d* failed/)).toBeVisible();
  await firstTest.scrollIntoViewIfNeeded();
  await snap(page, info, `0${3 + 2 * i}-failed-run-${failure.source}`);

  const node = await failure.node(page.request);
  await expect
    .poll(
      async () => {
        const { graph } = await lineage(page.request, '/api/v1/lineage', {
          nodeId: node,
          depth: 1,
        });
        const found = graph.find((n: { id: string }) => n.id === node);
        return (found?.data.quality?.assertions ?? [])
          .filter((a: { success: boolean }) => !a.success)
          .map((a: { source: string }) => a.source);
      },
      { timeout: 30_000 },
    )
    .toContain(failure.source);
  await page.goto(`/lineage?node=${encodeURIComponent(node)}`);
  const checks = page.getByRole('list', {
    name: failure.source === 'dbt' ? 'dbt tests' : 'Great Expectations',
  });
  await expect(checks).toBeVisible();
  await expect(checks.getByRole('listitem').first()).toContainText('fail');
  await snap(page, info, `0${4 + 2 * i}-failed-${failure.source}-on-lineage`);
}
