import { expect, Page, TestInfo } from '@playwright/test';

/** Keeps a full-page screenshot of one journey step as a test artifact (see playwright.config.ts). */
export async function snap(page: Page, info: TestInfo, step: string) {
  const path = info.outputPath(`${step}.png`);
  await page.screenshot({ path, fullPage: true });
  await info.attach(step, { path, contentType: 'image/png' });
}

/** Signs in as the guest of the local portal and waits for the sidebar. */
export async function enterAsGuest(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  await expect(sidebar(page).getByRole('link').first()).toBeVisible();
}

/** The app's sidebar navigation. */
export function sidebar(page: Page) {
  return page.getByRole('navigation', { name: 'sidebar nav' });
}
