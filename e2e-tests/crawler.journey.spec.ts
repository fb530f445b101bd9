import { test, expect, Page } from '@playwright/test';
import { writeFile } from 'node:fs/promises';
import { CrawlFrontier, inAppUrl, type Visit } from './crawlFrontier';

/*
 * The crawler: from the home page it follows every in-app link two levels
 * deep (sidebar, home, catalog lists, one entity of each kind and all its
 * tabs; the rules are in crawlFrontier.ts) and checks each page for the
 * classes of dead end the portal must not have:
 *  - a not-found or missing-annotation page, or a blank one;
 *  - an uncaught error or a console.error in the browser;
 *  - a 5xx answer from /api;
 *  - horizontal overflow (a page wider than the window) at 1280 and 400 px;
 *  - a link in a table cell cut off by its cell (not ellipsized: hidden).
 * It visits every page before it fails, and then lists every failure with
 * its URL and the page that linked there.
 */

const WIDE = { width: 1280, height: 900 };
const NARROW = { width: 400, height: 900 };
// Two levels below home; about 90 pages on today's portal, in 2-3 minutes.
const frontierRules = { maxDepth: 2, maxPages: 150, perShape: 2 };

// What Backstage and our plugins render for a dead end: the app's 404 page
// ("Looks like someone dropped the mic!"), an entity that does not exist, a
// tab whose entity lacks the annotation it needs, and not-found states.
const DEAD_END = /dropped the mic|\bnot found\b|missing annotation/i;
// Fewer visible characters than this outside the sidebar: a blank page.
const BLANK_BELOW = 20;

// Console errors that are not the portal's fault. Each entry says why.
const ALLOWED_CONSOLE_ERRORS: RegExp[] = [];

// A trace of some hundred page loads costs more than the crawl itself; the
// failure list says where to look.
test.use({ trace: 'off' });

type Failure = { url: string; from?: string; problem: string };

// Runs in the page: visible text outside the sidebar, whether the page is
// wider than the window, and the links that reach past the table cell that
// clips them.
function pageState() {
  const navText = Array.from(document.querySelectorAll('nav'))
    .map(nav => (nav as HTMLElement).innerText)
    .join('');
  const root = document.scrollingElement ?? document.documentElement;
  return {
    text: document.body.innerText.replace(navText, ''),
    contentLength: document.body.innerText.length - navText.length,
    overflow:
      root.scrollWidth > root.clientWidth
        ? `${root.scrollWidth} px wide in a ${root.clientWidth} px window`
        : undefined,
    clipped: Array.from(document.querySelectorAll('td a'))
      .filter(a => {
        const cell = a.closest('td')!;
        return (
          getComputedStyle(cell).overflowX !== 'visible' &&
          a.getBoundingClientRect().right >
            cell.getBoundingClientRect().right + 1
        );
      })
      .map(a => (a as HTMLElement).innerText.trim())
      .filter(Boolean),
  };
}

/**
 * Waits until the page shows its data: text beyond the sidebar and no
 * progress bar, then a quiet network. A page that never gets there is
 * checked as it is (and so found blank or still loading).
 */
async function settle(page: Page) {
  await page
    .waitForFunction(
      minimum => {
        const nav = Array.from(document.querySelectorAll('nav'))
          .map(n => (n as HTMLElement).innerText.length)
          .reduce((a, b) => a + b, 0);
        const busy = Array.from(
          document.querySelectorAll('[role="progressbar"]'),
        ).some(el => el.getBoundingClientRect().width > 0);
        return !busy && document.body.innerText.length - nav >= minimum;
      },
      BLANK_BELOW,
      { polling: 100, timeout: 10_000 },
    )
    .catch(() => undefined);
  await page
    .waitForLoadState('networkidle', { timeout: 3_000 })
    .catch(() => undefined); // a page that polls never goes quiet
}

/**
 * The catalog list of every kind the catalog holds (kinds come from its
 * facets, so a new kind is crawled too): the kind picker is a select, not a
 * link, so the crawler would not find these lists by itself.
 */
async function catalogKindLists(page: Page): Promise<string[]> {
  const catalog = await page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'Catalog', exact: true })
    .getAttribute('href');
  const refresh = await page.request.get(
    '/api/auth/guest/refresh?env=development',
    {
      headers: { 'X-Requested-With': 'XMLHttpRequest' },
    },
  );
  const { token } = (await refresh.json()).backstageIdentity;
  const facets = await page.request.get(
    '/api/catalog/entity-facets?facet=kind',
    {
      headers: { Authorization: `Bearer ${token}` },
    },
  );
  const {
    facets: { kind },
  } = (await facets.json()) as {
    facets: { kind: { value: string }[] };
  };
  return kind.map(
    ({ value }) =>
      `${catalog}?${new URLSearchParams({
        'filters[kind]': value.toLowerCase(),
      })}`,
  );
}

/**
 * Every link's href on the page, with those inside the page's navigation
 * menus (an entity's grouped tabs, such as "Documentation", are a menu
 * button whose links exist only while it is open).
 */
async function links(page: Page): Promise<string[]> {
  const hrefs = () =>
    page.$$eval('a[href]', anchors =>
      anchors.map(a => a.getAttribute('href') ?? ''),
    );
  const found = await hrefs();
  const menus = page.locator(
    'nav:not([aria-label="sidebar nav"]) button[aria-haspopup="true"]',
  );
  for (const menu of await menus.all()) {
    await menu.click();
    await page.getByRole('menu').first().waitFor({ timeout: 2_000 });
    found.push(...(await hrefs()));
    await page.keyboard.press('Escape');
  }
  return found;
}

// Two tabs crawl side by side (one page load uses about one core of the
// two CI has); each tab's browser-side problems belong to the page it shows.
const TABS = 2;

/**
 * Visits one page in `page`: loads it, checks it at 1280 px, collects its
 * in-app links, then checks it at 400 px. Returns the links.
 */
async function check(
  page: Page,
  visit: Visit,
  fail: (problem: string) => void,
): Promise<string[]> {
  const found: string[] = [];
  try {
    await page.goto(visit.url);
    await settle(page);
  } catch (error) {
    fail(`did not load: ${String(error).split('\n')[0]}`);
    return found;
  }
  const wide = await page.evaluate(pageState);
  const deadEnd = DEAD_END.exec(wide.text);
  if (deadEnd) fail(`dead end: the page says "${deadEnd[0]}"`);
  else if (wide.contentLength < BLANK_BELOW) fail('blank page');
  if (wide.overflow) fail(`overflow at 1280 px: ${wide.overflow}`);
  if (wide.clipped.length) {
    fail(`cut off by its table cell at 1280 px: ${wide.clipped.join(', ')}`);
  }

  try {
    for (const href of await links(page)) {
      const url = inAppUrl(href, page.url());
      if (url) found.push(url);
    }
  } catch (error) {
    fail(`a navigation menu did not open: ${String(error).split('\n')[0]}`);
    await page.keyboard.press('Escape');
  }

  await page.setViewportSize(NARROW);
  // Responsive code re-renders after the resize, later on a loaded
  // machine: give the page up to 3 s to fit before calling it too wide.
  await page
    .waitForFunction(
      () => {
        const root = document.scrollingElement ?? document.documentElement;
        return root.scrollWidth <= root.clientWidth;
      },
      undefined,
      { polling: 100, timeout: 3_000 },
    )
    .catch(() => undefined); // still too wide: reported below
  const narrow = await page.evaluate(pageState);
  if (narrow.overflow) fail(`overflow at 400 px: ${narrow.overflow}`);
  if (narrow.clipped.length) {
    fail(`cut off by its table cell at 400 px: ${narrow.clipped.join(', ')}`);
  }
  await page.setViewportSize(WIDE);
  return found;
}

/**
 * Reports browser-side problems to whatever `current()` the tab shows.
 * Console errors of frames from another origin (Superset's embedded
 * dashboards) are that application's, not the portal's: the journeys of
 * those pages check that what they embed works.
 */
function watch(
  page: Page,
  fail: (problem: string, at: Visit) => void,
  current: () => Visit,
  portalOrigin: string,
) {
  page.on('pageerror', error =>
    fail(`uncaught error: ${error.message}`, current()),
  );
  page.on('console', message => {
    const text = message.text();
    if (message.type() !== 'error') return;
    if (ALLOWED_CONSOLE_ERRORS.some(allowed => allowed.test(text))) return;
    // Chromium's own "Failed to load resource" names no resource: add it.
    const { url } = message.location();
    if (
      url &&
      !text.startsWith('Failed to load resource') &&
      URL.canParse(url) &&
      new URL(url).origin !== portalOrigin
    ) {
      return;
    }
    const where = text.startsWith('Failed to load resource') ? ` (${url})` : '';
    fail(`console.error: ${text.slice(0, 300)}${where}`, current());
  });
  page.on('response', response => {
    const { pathname } = new URL(response.url());
    if (pathname.startsWith('/api/') && response.status() >= 500) {
      fail(
        `${response.status()} from ${response.request().method()} ${pathname}`,
        current(),
      );
    }
  });
}

test('every in-app page two levels deep loads cleanly, at 1280 and 400 px', async ({
  page,
  context,
  baseURL,
}, info) => {
  test.setTimeout(20 * 60_000);
  const failures: Failure[] = [];
  const fail = (problem: string, at: Visit) =>
    failures.push({ url: at.url, from: at.from, problem });

  const start: Visit = { url: '/', depth: 0 };
  // What each tab shows, for the problems its browser reports.
  const shown = new Map<Page, Visit>();
  const watched = (tab: Page) => {
    watch(tab, fail, () => shown.get(tab) ?? start, new URL(baseURL!).origin);
    return tab;
  };
  watched(page);
  await page.setViewportSize(WIDE);
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  await expect(page.locator('nav a[href]').first()).toBeVisible();

  const frontier = new CrawlFrontier(frontierRules);
  frontier.offer(start.url);
  for (const list of await catalogKindLists(page)) frontier.offer(list, start);
  const started = Date.now();
  const visited: Visit[] = [];
  const tabs = [page];
  while (tabs.length < TABS) tabs.push(watched(await context.newPage()));
  // Level by level: the queued pages are shared out among the tabs, then
  // their links are offered in queue order, so the frontier sees what a
  // one-tab crawl would (the same first entity of each kind, the same pages).
  for (;;) {
    const batch: Visit[] = [];
    for (let v = frontier.next(); v; v = frontier.next()) batch.push(v);
    if (batch.length === 0) break;
    const links: string[][] = [];
    let next = 0;
    await Promise.all(
      tabs.map(async tab => {
        for (let i = next++; i < batch.length; i = next++) {
          const visit = batch[i];
          shown.set(tab, visit);
          const t0 = Date.now();
          links[i] = await check(tab, visit, problem => fail(problem, visit));
          // One line per page, so a slow or stuck crawl shows where it is.
          console.log(`crawled ${visit.url} (${Date.now() - t0} ms)`);
        }
      }),
    );
    batch.forEach((visit, i) => {
      visited.push(visit);
      for (const url of links[i] ?? []) frontier.offer(url, visit);
    });
  }

  const report = {
    baseURL,
    seconds: Math.round((Date.now() - started) / 1000),
    visited,
    skippedByPageCap: frontier.skipped,
    failures,
  };
  const reportPath = info.outputPath('crawl.json');
  await writeFile(reportPath, JSON.stringify(report, null, 2));
  await info.attach('crawl.json', {
    path: reportPath,
    contentType: 'application/json',
  });
  // One line per problem and page, however often the page repeated it.
  const lines = [
    ...new Set(
      failures.map(
        f =>
          `${f.url}${f.from ? ` (linked from ${f.from})` : ''}: ${f.problem}`,
      ),
    ),
  ];
  expect(
    lines,
    `${lines.length} problems on ${visited.length} pages:\n${lines.join('\n')}`,
  ).toEqual([]);
});
