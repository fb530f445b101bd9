import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The source checkout this package runs from: the first folder above it
 * with a `backstage.json`. The migrations, the dbt project and the scripts
 * live there; a deployment without a checkout passes its own paths.
 */
export function repositoryRoot(): string {
  const start = dirname(
    require.resolve('@internal/backstage-plugin-scout-node/package.json'),
  );
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'backstage.json'))) return dir;
    if (dirname(dir) === dir) {
      throw new Error(`No backstage.json was found above ${start}.`);
    }
  }
}
