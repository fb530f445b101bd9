import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/**
 * The browser every journey and browser benchmark runs: $CHROMIUM_PATH, else
 * Debian's `chromium-headless-shell` (Chromium's headless build, the browser
 * Playwright itself runs headless), else Debian's full `chromium`.
 *
 * Why the shell first: full Chromium in headless mode still builds a browser
 * window for each new context, with its own WebUI renderer for the toolbar.
 * On 2 cores that work (about 1 s of CPU per context, measured with a
 * trace) competes with the page under test, so every cold load measured
 * slower than the page makes it. Playwright never downloads a browser here
 * (no `playwright install`).
 */
export function chromiumExecutable(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  const path = (process.env.PATH ?? '').split(delimiter);
  for (const name of ['chromium-headless-shell', 'chromium']) {
    const found = path.map(dir => join(dir, name)).find(existsSync);
    if (found) return found;
  }
  return undefined;
}

/** Headless flags for Debian's Chromium in a container without a GPU or sandbox. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
