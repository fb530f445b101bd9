/**
 * The cold-load benchmark behind scripts/bench/page-load.sh: how long after
 * navigation starts each page shows its content, in headless Chromium, with
 * an empty cache. Prints one JSON line.
 *
 * Usage: node --require @backstage/cli/config/nodeTransform.cjs \
 *   scripts/bench/page-load.ts <portal url> <runs per page>
 */
import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { loadavg } from 'node:os';
import { basename } from 'node:path';
import { chromiumArgs, chromiumExecutable } from '../../e2e-tests/chromium';

/**
 * What "content shows" means for one page. Every condition must hold in the
 * same animation frame:
 *  - the sidebar is rendered (the app shell is up and the guest signed in);
 *  - an `h1` is visible (the page header), and a heading (h1-h3) containing
 *    `heading` when given (the entity's or table's name);
 *  - an element matching `selector` is visible, when given (the page's data);
 *  - the document contains `text`, when given;
 *  - no progress bar (`role=progressbar`) is visible: the page has its data.
 */
type Content = { heading?: string; selector?: string; text?: string };
type Target = { name: string; path: string; content: Content };

const TARGET_MS = 1500;
// The gold table the pipeline always publishes, on either engine.
const GOLD_TABLE = 'gold_daily_store_sales';
const VIEWPORT = { width: 1280, height: 900 };

// Runs inside the page, once per animation frame: the milliseconds since
// navigation started (performance.now()) once the content shows, else false.
function contentShows(content: Content): number | false {
  const visible = (el: Element) => {
    const box = el.getBoundingClientRect();
    return (
      box.width > 0 &&
      box.height > 0 &&
      getComputedStyle(el).visibility !== 'hidden'
    );
  };
  const some = (
    selector: string,
    also: (el: Element) => boolean = () => true,
  ) =>
    Array.from(document.querySelectorAll(selector)).some(
      el => visible(el) && also(el),
    );
  const ready =
    some('nav a[href]') &&
    some('h1') &&
    (!content.heading ||
      some('h1, h2, h3', h => !!h.textContent?.includes(content.heading!))) &&
    (!content.selector || some(content.selector)) &&
    (!content.text || !!document.body.textContent?.includes(content.text)) &&
    !some('[role="progressbar"]');
  return ready ? performance.now() : false;
}

/** Signs in as the guest once; new contexts start from its local storage. */
async function guestState(browser: Browser, baseUrl: string) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await page.goto(baseUrl);
  await page.getByRole('button', { name: 'Enter' }).click();
  await page.locator('nav a[href]').first().waitFor();
  // The lakehouse's gold table page, whatever the engine's catalog is called.
  await page.goto(`${baseUrl}/lakehouse?layer=gold`);
  const link = page.locator(`a[href$="/gold/${GOLD_TABLE}"]`).first();
  await link.waitFor({ timeout: 30_000 });
  const tablePath = (await link.getAttribute('href'))!;
  const state = await context.storageState();
  await context.close();
  return { state, tablePath };
}

/** One cold load: a new context (empty HTTP cache), the signed-in guest. */
async function coldLoad(
  browser: Browser,
  state: Awaited<ReturnType<BrowserContext['storageState']>>,
  url: string,
  content: Content,
): Promise<number> {
  const context = await browser.newContext({
    viewport: VIEWPORT,
    storageState: state,
  });
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'commit' });
    const shown = await page.waitForFunction(contentShows, content, {
      polling: 'raf',
      timeout: 20_000,
    });
    return Math.round((await shown.jsonValue()) as number);
  } finally {
    await context.close();
  }
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function main() {
  const [baseUrl, runsArg] = process.argv.slice(2);
  const runs = Number(runsArg);
  // The machine's own load before the runs: the reading at the end also
  // counts this benchmark's browser.
  const loadAtStart = Number(loadavg()[0].toFixed(1));
  const browser = await chromium.launch({
    executablePath: chromiumExecutable(),
    args: chromiumArgs,
  });
  try {
    const { state, tablePath } = await guestState(browser, baseUrl);
    const targets: Target[] = [
      { name: 'home', path: '/', content: {} },
      {
        name: 'catalog',
        path: '/catalog',
        content: { selector: 'table tbody tr a[href*="/catalog/"]' },
      },
      {
        name: 'entity',
        path: '/catalog/default/component/trino',
        content: { heading: 'Trino', text: 'Distributed SQL engine' },
      },
      {
        name: 'lakehouse_table',
        path: tablePath,
        content: { heading: GOLD_TABLE },
      },
      { name: 'pipeline', path: '/pipeline', content: { heading: 'Pipeline' } },
    ];
    const times = new Map<string, number[]>(targets.map(t => [t.name, []]));
    const errors: string[] = [];
    // Round-robin, so a burst of load on the shared machine hits every page alike.
    for (let run = 0; run < runs; run++) {
      for (const target of targets) {
        try {
          const ms = await coldLoad(
            browser,
            state,
            baseUrl + target.path,
            target.content,
          );
          times.get(target.name)!.push(ms);
        } catch (error) {
          errors.push(`${target.path}: ${String(error).split('\n')[0]}`);
        }
      }
    }
    const pages = Object.fromEntries(
      targets.map(t => [
        t.name,
        {
          path: t.path,
          median_ms: median(times.get(t.name)!),
          runs_ms: times.get(t.name)!,
        },
      ]),
    );
    const over = targets
      .filter(t => (median(times.get(t.name)!) ?? Infinity) >= TARGET_MS)
      .map(t => t.name);
    console.log(
      JSON.stringify({
        bench: 'page-load',
        unit: 'ms',
        url: baseUrl,
        runs,
        // Which build ran the loads: full Chromium measures slower here,
        // as each new context also builds a browser window (e2e-tests/chromium.ts).
        browser: `${basename(
          chromiumExecutable() ?? 'chromium',
        )} ${browser.version()}`,
        // The machine's 1-minute load before and after the runs: shared
        // machines slow every page alike, so compare runs at similar load.
        load_average_at_start: loadAtStart,
        load_average: Number(loadavg()[0].toFixed(1)),
        target_ms: TARGET_MS,
        pages,
        over_target: over,
        errors,
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
