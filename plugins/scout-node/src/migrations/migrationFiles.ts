import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { repositoryRoot } from '../repoRoot';

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

/** The repository's `migrations/` folder, in a source checkout. */
export function defaultMigrationsDirectory(): string {
  return join(repositoryRoot(), 'migrations');
}
