import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { enterAsGuest, sidebar, snap } from './steps';

/*
 * A newcomer's walk through the portal, with a screenshot of each stop: the
 * Scout home, the Pipeline page, a failed run's tests, the failure on its
 * table's lineage node, and a TechDocs page. Journeys run in file-name order, so this one runs last: the run it
 * fails on purpose is the newest run for nothing after it.
 */

// A pipeline run on Trino takes 1 to 3 minutes.
test.describe.configure({ timeout: 420_000 });

// A silver transaction whose total (999.99) disagrees with its one line
// (1.00): the expectations over Postgres silver (Great Expectations) reject
// it before the run opens a branch. It goes in by SQL on the scout database (scripts/test.sh exports
// SCOUT_TEST_DATABASE_URL, the database the portal runs on) and out again
// afterwards, so later runs publish.
const BAD_ID = '00000000-0000-4000-8000-00000000bad2';
const INSERT_BAD_ROW = `
  with bad as (
    insert into scout.silver_transactions (transaction_id, store_id, occurred_at, sale_date,
      payment_method, total, item_count, units, received_at)
    values ('${BAD_ID}', 'ST-NCR-00001', '2026-11-19T10:00:00+08', '2026-11-19', 'cash',
      999.99, 1, 1, now())
    returning transaction_id
  )
  insert into scout.silver_line_items (transaction_id, line_no, sale_date, store_id, sku,
    quantity, unit_price, amount)
  select transaction_id, 1, date '2026-11-19', 'ST-NCR-00001',
    (select sku from scout.products order by sku limit 1), 1, 1.00, 1.00
  from bad`;
const DELETE_BAD_ROW = `
  delete from scout.silver_line_items where transaction_id = '${BAD_ID}';
  delete from scout.silver_transactions where transaction_id = '${BAD_ID}'`;

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
    scoutSql(databaseUrl, INSERT_BAD_ROW);
    try {
      await runNow.click();
      await expect(page).toHaveURL(/\/pipeline\/runs\/[^/]+$/);
      await expect(
        page.getByText('The run failed; main is unchanged'),
      ).toBeVisible({ timeout: 360_000 });
      await expect(
        page.getByRole('heading', { name: 'Tests and expectations' }),
      ).toBeVisible();
      // Failures come first in the table (react-aria renders it as a grid):
      // its first data row failed.
      const firstTest = page
        .getByRole('grid')
        .filter({
          has: page.getByRole('columnheader', { name: 'Failing rows' }),
        })
        .getByRole('row')
        .nth(1);
      await expect(firstTest).toContainText(/fail|error/i);
      await expect(page.getByText(/\d+ passed, [1-9]\d* failed/)).toBeVisible();
      await expect(firstTest).toContainText('Great Expectations');
      await firstTest.scrollIntoViewIfNeeded();
      await snap(page, info, '03-failed-run-tests');

      // The failure is on the lineage node of the table it checked, through
      // the API (with the lineage producer token, which may read)...
      const node = 'dataset:postgres://scout:scout.scout.silver_transactions';
      await expect
        .poll(
          async () => {
            const res = await page.request.get('/api/lineage/api/v1/lineage', {
              params: { nodeId: node, depth: 1 },
              headers: { authorization: 'Bearer scout-dev-lineage-token' },
            });
            const { graph } = await res.json();
            const silver = graph.find((n: { id: string }) => n.id === node);
            return (silver?.data.quality?.assertions ?? [])
              .filter((a: { success: boolean }) => !a.success)
              .map((a: { source: string }) => a.source);
          },
          { timeout: 30_000 },
        )
        .toContain('great_expectations');
      // ...and in the browser, in the node's panel on the Lineage page.
      await page.goto(`/lineage?node=${encodeURIComponent(node)}`);
      const expectations = page.getByRole('list', {
        name: 'Great Expectations',
      });
      await expect(expectations).toBeVisible();
      await expect(expectations.getByRole('listitem').first()).toContainText(
        'fail',
      );
      await snap(page, info, '04-failed-expectation-on-lineage');
    } finally {
      scoutSql(databaseUrl, DELETE_BAD_ROW);
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
  await snap(page, info, '05-techdocs');
});
