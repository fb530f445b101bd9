import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * V8's explicit compile hint (Chromium 136 and later): the functions of a
 * script that starts with this comment are compiled eagerly, on the thread
 * that streams the script in, instead of one by one on the main thread the
 * first time each runs. Every webpack module of the entry bundles runs
 * while the app boots, so for them it moves about 100 ms of compiling off
 * the main thread of a cold load. Lazy chunks go without it: most of their
 * functions wait for a click, if they run at all.
 */
export const COMPILE_HINT = Buffer.from('//# allFunctionsCalledOnLoad\n');

/**
 * The file names (under `static/`) of the scripts the app's index.html,
 * beside `staticDir`, loads at start; none if it has no index.html.
 */
export async function entryScripts(staticDir: string): Promise<Set<string>> {
  const html = await readFile(
    join(staticDir, '..', 'index.html'),
    'utf8',
  ).catch(() => '');
  const names = new Set<string>();
  for (const m of html.matchAll(
    /<script\b[^>]*\bsrc="[^"]*\/static\/([^"/?#]+\.js)"/g,
  )) {
    names.add(m[1]);
  }
  return names;
}

/**
 * The source map of a script given COMPILE_HINT's line in front: every
 * mapping one generated line further down (an empty first line is a
 * leading `;`). A map without a `mappings` string is returned as it is.
 */
export function shiftSourceMap(map: Buffer): Buffer {
  const json = JSON.parse(map.toString('utf8'));
  if (typeof json.mappings !== 'string') return map;
  json.mappings = `;${json.mappings}`;
  return Buffer.from(JSON.stringify(json));
}
