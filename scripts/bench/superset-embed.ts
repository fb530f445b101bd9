/**
 * The Chromium half of `scout bench superset`: how long after navigation
 * starts the Dashboards page of a running portal shows the first chart of
 * a Superset dashboard inside its embedded frame, in headless Chromium with
 * an empty cache (a new browser context) each run, signed in as the guest.
 * "Shown" is the first chart holder of the frame that has drawn: a canvas
 * (ECharts), an svg or a table with rows, or a big number.
 * The first `warmup` loads are timed apart: each gunicorn worker of a
 * Superset that has just started spends about a second more on its first
 * embedded page (lazy imports, templates, metadata), once.
 * Prints one JSON line: {"warmup_runs_ms": [...], "runs_ms": [...],
 * "frame_runs_ms": [...]}, the last counting from when the frame began to
 * load (the portal's own cold load and its dashboard list left out).
 *
 * Usage: node --require @backstage/cli/config/nodeTransform.cjs \
 *   scripts/bench/superset-embed.ts <portal url> <runs> <dashboard slug> [warmup, default 0]
 */
import { chromium, type Browser, type Frame } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from '../../e2e-tests/chromium';

const VIEWPORT = { width: 1280, height: 900 };
// A chart that has drawn, inside Superset's dashboard grid.
const DRAWN = [
  '[data-test="dashboard-component-chart-holder"] canvas',
  '[data-test="dashboard-component-chart-holder"] svg.recharts-surface',
  '[data-test="dashboard-component-chart-holder"] table tbody tr',
  '[data-test="dashboard-component-chart-holder"] .header-line',
].join(', ');

async function guestState(browser: Browser, baseUrl: string) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await page.goto(baseUrl);
  await page.getByRole('button', { name: 'Enter' }).click();
  await page.locator('nav a[href]').first().waitFor();
  const state = await context.storageState();
  await context.close();
  return state;
}

async function embeddedFrame(frames: () => Frame[]): Promise<Frame> {
  for (let i = 0; i < 400; i++) {
    const frame = frames().find(f => f.url().includes('/embedded/'));
    if (frame) return frame;
    await new Promise(r => setTimeout(r, 25));
  }
  throw new Error('no embedded Superset frame within 10 s');
}

async function main() {
  const [baseUrl, runsArg, slug, warmupArg = '0'] = process.argv.slice(2);
  const warmup = Number(warmupArg);
  const browser = await chromium.launch({
    executablePath: chromiumExecutable(),
    args: chromiumArgs,
  });
  try {
    const state = await guestState(browser, baseUrl);
    const runs: number[] = [];
    const frameRuns: number[] = [];
    const warmupRuns: number[] = [];
    for (let run = 0; run < warmup + Number(runsArg); run++) {
      const context = await browser.newContext({
        viewport: VIEWPORT,
        storageState: state,
      });
      try {
        const page = await context.newPage();
        const started = Date.now();
        await page.goto(`${baseUrl}/dashboards?dashboard=${slug}`, {
          waitUntil: 'commit',
        });
        const frame = await embeddedFrame(() => page.frames());
        await frame.locator(DRAWN).first().waitFor({ timeout: 30_000 });
        const drawn = Date.now();
        if (run < warmup) {
          warmupRuns.push(drawn - started);
        } else {
          runs.push(drawn - started);
          frameRuns.push(
            Math.round(
              drawn - (await frame.evaluate(() => performance.timeOrigin)),
            ),
          );
        }
      } finally {
        await context.close();
      }
    }
    console.log(
      JSON.stringify({
        warmup_runs_ms: warmupRuns,
        runs_ms: runs,
        frame_runs_ms: frameRuns,
      }),
    );
  } finally {
    await browser.close();
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
