import { SqlQueryable } from '../db/types';
import { MigrationFile } from './migrationFiles';

/** Where a migration stands: compared by name and sha256 checksum. */
export type MigrationStatus = {
  name: string;
  checksum: string;
  state: 'applied' | 'pending' | 'changed' | 'missing';
  appliedAt?: Date;
};

type HistoryRow = { name: string; checksum: string; applied_at: Date };

/** The rows of scout_migrations.history; none before the first run. */
export async function readHistory(db: SqlQueryable): Promise<HistoryRow[]> {
  const { rows } = await db.query<{ present: boolean }>(
    `select to_regclass('scout_migrations.history') is not null as present`,
  );
  if (!rows[0].present) return [];
  const history = await db.query<HistoryRow>(
    'select name, checksum, applied_at from scout_migrations.history order by name',
  );
  return history.rows;
}

/** Each file and each history row, with its state, in name order. */
export function compareWithHistory(
  files: MigrationFile[],
  history: HistoryRow[],
): MigrationStatus[] {
  const applied = new Map(history.map(row => [row.name, row]));
  const statuses = files.map((file): MigrationStatus => {
    const row = applied.get(file.name);
    const { name, checksum } = file;
    if (!row) return { name, checksum, state: 'pending' };
    const state = row.checksum === checksum ? 'applied' : 'changed';
    return { name, checksum, state, appliedAt: row.applied_at };
  });
  const onDisk = new Set(files.map(file => file.name));
  for (const row of history.filter(r => !onDisk.has(r.name))) {
    const { name, checksum, applied_at: appliedAt } = row;
    statuses.push({ name, checksum, state: 'missing', appliedAt });
  }
  return statuses.sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** Throws, naming every file, when an applied file was changed or removed. */
/** Applied migrations were edited or removed since they ran. */
export class MigrationsChangedError extends Error {
  name = 'MigrationsChangedError';
}

export function refuseTampering(
  statuses: MigrationStatus[],
  directory: string,
) {
  const problems = statuses.flatMap(({ name, state }) => {
    if (state === 'changed')
      return [`${name} was changed after it was applied`];
    if (state === 'missing') {
      return [`${name} was applied but is no longer in ${directory}`];
    }
    return [];
  });
  if (problems.length > 0) {
    const advice =
      'Applied migrations are never edited or removed; add a new file instead.';
    throw new MigrationsChangedError(
      `Refusing to migrate: ${problems.join('; ')}. ${advice}`,
    );
  }
}
