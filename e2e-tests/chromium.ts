import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/**
 * Debian's Chromium: $CHROMIUM_PATH, else the first `chromium` on PATH.
 * Playwright never downloads a browser here (no `playwright install`).
 */
export function chromiumExecutable(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return (process.env.PATH ?? '')
    .split(delimiter)
    .map(dir => join(dir, 'chromium'))
    .find(existsSync);
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
