import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from './e2e-tests/chromium';

// The portal under test: started by scripts/test.sh, or by scripts/start.sh
// (both serve the built app from the backend on :7007) for a developer
// running `yarn test:e2e`; PLAYWRIGHT_URL points elsewhere, e.g. `yarn start`'s :3000.
const baseURL = process.env.PLAYWRIGHT_URL ?? 'http://localhost:7007';

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
        command: 'bash scripts/start.sh',
        url: baseURL,
        reuseExistingServer: true,
        timeout: 600_000, // a first start installs and builds the frontend
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
          executablePath: chromiumExecutable(),
          args: chromiumArgs,
        },
      },
    },
  ],
});
