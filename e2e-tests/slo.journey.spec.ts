import { test, expect } from '@playwright/test';
import { enterAsGuest, sidebar, snap } from './steps';

// The SLOs are the specs under platform-manifests/observability/slos, so the
// list is there from the portal's first answer; their statuses come from
// the embedded SLIs and may still be "no data" on a fresh portal, so the
// journey asserts that each shows a status, not which one.
const COMPONENT = 'ingest-transaction';
const STATUS = /^(ok|burning|exhausted|no data)$/;

test.describe.configure({ timeout: 180_000 });

test('SLOs: the page worst budget first, then one component\u2019s SLOs tab', async ({
  page,
}, info) => {
  await enterAsGuest(page);
  await sidebar(page).getByRole('link', { name: 'SLOs' }).click();
  await expect(page).toHaveURL(/\/slo$/);
  // The page header's title, and the content's own.
  await expect(
    page.getByRole('heading', { name: 'SLOs', level: 1 }).first(),
  ).toBeVisible();

  const list = page.getByRole('list', {
    name: 'SLOs by remaining error budget',
  });
  await expect(list).toBeVisible({ timeout: 30_000 });
  const first = list.getByRole('article').first();
  await expect(first.getByText(STATUS)).toBeVisible();
  await expect(
    page.getByText(/ SLOs · source: (embedded|prometheus) · evaluated /),
  ).toBeVisible();
  await expect(
    list.getByRole('article', { name: `${COMPONENT} availability` }),
  ).toBeVisible();
  await snap(page, info, '01-slo-page');

  // Filter by the owner of the ingest SLOs.
  await page.getByRole('button', { name: /Owner/ }).click();
  await page.getByRole('option', { name: 'data-engineering' }).click();
  await expect(page).toHaveURL(/owner=group%3Adefault%2Fdata-engineering/);
  await expect(
    list.getByRole('article', { name: 'Portal API latency' }),
  ).toHaveCount(0);
  await snap(page, info, '02-slo-page-owner-filter');

  // The component's SLOs tab.
  await page.goto(`/catalog/default/component/${COMPONENT}/slos`);
  const tab = page.getByRole('list', { name: `SLOs of ${COMPONENT}` });
  await expect(tab).toBeVisible({ timeout: 30_000 });
  const availability = tab.getByRole('article', {
    name: `${COMPONENT} availability`,
  });
  await expect(availability.getByText(STATUS)).toBeVisible();
  await expect(availability.getByText('Error budget')).toBeVisible();
  await snap(page, info, '03-component-slos-tab');

  // At 400 px the tab still reads: nothing wider than the screen.
  await page.setViewportSize({ width: 400, height: 900 });
  await expect(availability).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow).toBeLessThanOrEqual(1);
  await snap(page, info, '04-component-slos-tab-400px');
});
