import type { LoggerService } from '@backstage/backend-plugin-api';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { EdgeFunction } from './FunctionHost';

/**
 * A function folder's `hosted` export: given the host's options (HTTP
 * settings, SQL as service_role, the JWT settings), the handler to serve.
 */
export type HostedFactory = (options: object) => EdgeFunction;

// A folder name is the function's URL segment, as on Supabase.
const FUNCTION_NAME = /^[a-z][a-z0-9-]*$/;
const NOT_FUNCTIONS = new Set(['bruno', 'node_modules', 'dist']);

/**
 * The function folders of `dir` that the host serves by themselves, as
 * Supabase serves every folder of its functions directory: each
 * `<dir>/<name>/index.(ts|js)` that exports `hosted`, a HostedFactory
 * (the "New data pipeline" template writes one). Folders in `skip` (the
 * built-in functions, wired with their own options), `_shared`-style
 * folders and folders whose index exports no `hosted` are left out; a
 * folder that fails to load is left out with a warning naming it. Loaded
 * once, at start: a merged function is served after a restart. TypeScript
 * folders need the development backend's transform (scripts/start.sh).
 */
export function discoverHostedFunctions(
  dir: string,
  skip: ReadonlySet<string>,
  logger: LoggerService,
): Array<{ name: string; create: HostedFactory }> {
  if (!existsSync(dir)) {
    logger.warn(
      `scout.functions.dir: no folder at ${dir}; only the built-in edge functions are hosted`,
    );
    return [];
  }
  const found: Array<{ name: string; create: HostedFactory }> = [];
  const folders = readdirSync(dir, { withFileTypes: true })
    .filter(entry => entry.isDirectory())
    .map(entry => entry.name)
    .filter(name => FUNCTION_NAME.test(name) && !NOT_FUNCTIONS.has(name))
    .filter(name => !skip.has(name))
    .sort();
  for (const name of folders) {
    const folder = join(dir, name);
    if (!['index.ts', 'index.js'].some(f => existsSync(join(folder, f)))) {
      continue;
    }
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a folder found at run time
      const hosted = require(folder).hosted;
      if (typeof hosted === 'function') found.push({ name, create: hosted });
    } catch (error) {
      logger.warn(
        `edge function ${name} (${folder}) did not load, so it is not hosted: ${error}`,
      );
    }
  }
  return found;
}
