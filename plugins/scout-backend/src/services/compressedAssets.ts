import type { RequestHandler } from 'express';
import { stat, readFile } from 'node:fs/promises';
import { extname, relative, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants } from 'node:zlib';
import { COMPILE_HINT, entryScripts, shiftSourceMap } from './compileHints';

const compress = promisify(brotliCompress);

// Text assets worth compressing; images and fonts are compressed already.
const TEXT = new Set(['.js', '.mjs', '.css', '.json', '.map', '.svg', '.txt']);
// Quality 5: a 680 kB bundle in about 20 ms, 7% larger than quality 11,
// which takes over a second.
const QUALITY = 5;
// What app-backend sends for assets: a file named by its content hash is
// kept two weeks; the one it wrote the runtime config into is revalidated.
const MAX_CACHE = 'public, max-age=1209600';
const REVALIDATE = 'no-cache';
const CONFIG_MARKER = '__APP_INJECTED_CONFIG_MARKER__';

type Entry = {
  version: string;
  body: Promise<{ br: Buffer; cacheControl: string }>;
};

/**
 * Middleware for `/static`: the app's built assets (the files of
 * `staticDir`) brotli-compressed once per file version and then served from
 * memory, instead of compressed again for every request by the root
 * router's compression middleware: a cold page load fetches about 5 MB of
 * script, which cost the backend about 150 ms of CPU each time, on the same
 * cores as the browser.
 *
 * Answers GET and HEAD for text assets from browsers that accept `br`, with
 * the headers app-backend gives the same file (Cache-Control, a weak ETag
 * and Last-Modified, so revalidation gets a 304). Everything else, a missing
 * file included, goes on to app-backend. A file changed on disk (app-backend
 * writes the runtime config into one at start) is compressed again. The
 * scripts index.html loads at start are served with V8's compile hint in
 * front (compileHints), and their source maps moved down a line to match.
 * Memory: the compressed assets that were asked for, about a quarter of
 * their size.
 */
export function compressedAssets(staticDir: string): RequestHandler {
  const root = resolve(staticDir);
  const cache = new Map<string, Entry>();
  // Read once, when the first script is asked for: a build made while the
  // backend runs is served without the hint until it restarts.
  let entries: Promise<Set<string>> | undefined;
  const hinted = () => (entries ??= entryScripts(root));
  return async (req, res, next) => {
    if (
      (req.method !== 'GET' && req.method !== 'HEAD') ||
      !TEXT.has(extname(req.path)) ||
      req.acceptsEncodings('br', 'identity') !== 'br'
    ) {
      next();
      return;
    }
    try {
      const file = assetPath(root, req.path);
      if (!file) {
        next();
        return;
      }
      const info = await stat(file).catch(() => undefined);
      if (!info?.isFile()) {
        next();
        return;
      }
      const etag = `W/"${info.size.toString(16)}-${info.mtime
        .getTime()
        .toString(16)}"`;
      let entry = cache.get(file);
      if (entry?.version !== etag) {
        entry = { version: etag, body: load(root, file, hinted) };
        cache.set(file, entry);
        entry.body.catch(() => cache.delete(file));
      }
      const { br, cacheControl } = await entry.body;
      res.setHeader('Cache-Control', cacheControl);
      res.setHeader('ETag', etag);
      res.setHeader('Last-Modified', info.mtime.toUTCString());
      res.setHeader('Vary', 'Accept-Encoding');
      if (req.fresh) {
        res.status(304).end();
        return;
      }
      res.type(extname(file));
      res.setHeader('Content-Encoding', 'br');
      res.setHeader('Content-Length', br.length);
      res.status(200).end(req.method === 'HEAD' ? undefined : br);
    } catch (error) {
      next(error);
    }
  };
}

/** The file under `root` that `path` names, or undefined if it names none. */
function assetPath(root: string, path: string): string | undefined {
  let name: string;
  try {
    name = decodeURIComponent(path.slice(1));
  } catch {
    return undefined;
  }
  const file = resolve(root, name);
  return file.startsWith(root + sep) ? file : undefined;
}

async function load(
  root: string,
  file: string,
  hinted: () => Promise<Set<string>>,
) {
  let content = await readFile(file);
  const script = relative(root, file).replace(/\.map$/, '');
  if (
    (file.endsWith('.js') || file.endsWith('.js.map')) &&
    (await hinted()).has(script)
  ) {
    content = file.endsWith('.map')
      ? shiftSourceMap(content)
      : Buffer.concat([COMPILE_HINT, content]);
  }
  const br = await compress(content, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
    },
  });
  const cacheControl = content.includes(CONFIG_MARKER) ? REVALIDATE : MAX_CACHE;
  return { br, cacheControl };
}
