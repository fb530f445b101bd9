import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

// Debian's Chromium from PATH; Playwright never downloads a browser here.
function chromium(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return (process.env.PATH ?? '')
    .split(delimiter)
    .map(dir => join(dir, 'chromium'))
    .find(existsSync);
}

// The portal under test: started by scripts/test.sh (backend serving the
// built app), or by `yarn start` for a developer running `yarn test:e2e`.
const baseURL = process.env.PLAYWRIGHT_URL ?? 'http://localhost:3000';

export default defineConfig({
  testDir: './e2e-tests',
  timeout: 60_000,
  expect: { timeout: 20_000 },
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 1,
  reporter: [
    ['list'],
    ['html', { open: 'never', outputFolder: 'e2e-test-report/html' }],
    ['json', { outputFile: 'e2e-test-report/results.json' }],
  ],
  // Screenshots of every journey step land here, one folder per test.
  outputDir: 'e2e-test-report/artifacts',
  webServer: process.env.PLAYWRIGHT_URL
    ? undefined
    : {
        command: 'yarn start',
        url: baseURL,
        reuseExistingServer: true,
        timeout: 180_000,
      },
  use: {
    baseURL,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'catalog-api', testMatch: /\.api\.spec\.ts$/ },
    {
      name: 'journeys',
      testMatch: /\.journey\.spec\.ts$/,
      use: {
        browserName: 'chromium',
        viewport: { width: 1440, height: 900 },
        launchOptions: {
          executablePath: chromium(),
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
  ],
});
