import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** One migration file as found on disk. */
export type MigrationFile = { name: string; sql: string; checksum: string };

/** The `*.sql` files of a directory, in name order, with sha256 checksums. */
export async function readMigrationFiles(
  directory: string,
): Promise<MigrationFile[]> {
  const names = (await readdir(directory))
    .filter(name => name.endsWith('.sql'))
    .sort();
  return Promise.all(
    names.map(async name => {
      const bytes = await readFile(join(directory, name));
      return {
        name,
        sql: bytes.toString('utf8'),
        checksum: createHash('sha256').update(bytes).digest('hex'),
      };
    }),
  );
}

/**
 * The repository's `migrations/` folder: the first one above this package
 * that sits next to a `backstage.json`. Found in a source checkout only; a
 * deployment passes its own directory.
 */
export function defaultMigrationsDirectory(): string {
  const start = dirname(
    require.resolve('@internal/backstage-plugin-scout-node/package.json'),
  );
  for (let dir = start; ; dir = dirname(dir)) {
    const candidate = join(dir, 'migrations');
    if (existsSync(join(dir, 'backstage.json')) && existsSync(candidate)) {
      return candidate;
    }
    if (dirname(dir) === dir) {
      throw new Error(
        `No migrations folder next to a backstage.json was found above ${start}.`,
      );
    }
  }
}
