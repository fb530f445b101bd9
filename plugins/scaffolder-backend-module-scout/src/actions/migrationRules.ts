import { createHash } from 'node:crypto';
import { parse } from 'libpg-query';

/** One migration file: its base name and SQL. */
export type Migration = { name: string; sql: string };

// A migration's file name: a four-digit number and lower-case words.
const MIGRATION_NAME = /^(\d{4})_[a-z0-9_]+\.sql$/;

const pad = (n: number) => String(n).padStart(4, '0');

const sha256 = (text: string) =>
  createHash('sha256').update(text).digest('hex');

/**
 * What breaks forward-only numbering when `changed` (the files a change
 * adds to the migrations folder) is laid over `applied` (the platform's
 * folder now): an applied migration changed (a file with its name must be
 * identical), a name other than NNNN_words.sql, a number used twice or
 * skipped (so a new migration can only come after every applied one).
 * Returns one line per problem; empty when the set is sound.
 */
export function numberingProblems(
  applied: Migration[],
  changed: Migration[],
): string[] {
  const problems: string[] = [];
  const appliedByName = new Map(applied.map(m => [m.name, m]));
  for (const m of changed) {
    const old = appliedByName.get(m.name);
    if (old && sha256(old.sql) !== sha256(m.sql)) {
      problems.push(
        `${m.name} is applied and may not change: add a new migration instead`,
      );
    }
  }
  const seen = new Map<number, string>();
  for (const m of overlay(applied, changed)) {
    const match = MIGRATION_NAME.exec(m.name);
    if (!match) {
      problems.push(
        `${m.name}: a migration is named NNNN_lower_case_words.sql`,
      );
      continue;
    }
    const n = Number(match[1]);
    const twin = seen.get(n);
    if (twin) problems.push(`${m.name} reuses number ${match[1]} of ${twin}`);
    seen.set(n, m.name);
  }
  const numbers = [...seen.keys()].sort((a, b) => a - b);
  numbers.forEach((n, i) => {
    if (n !== i + 1) {
      problems.push(
        `${seen.get(n)}: numbers run 0001, 0002, … without gaps; expected ${pad(
          i + 1,
        )}`,
      );
    }
  });
  return [...new Set(problems)];
}

/** The folder after the change: `changed` laid over `applied`, in name order. */
export function overlay(applied: Migration[], changed: Migration[]) {
  const byName = new Map(applied.map(m => [m.name, m]));
  for (const m of changed) byName.set(m.name, m);
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** The number after the highest of `names` (NNNN_words.sql), four digits. */
export function nextNumber(names: string[]): string {
  const numbers = names.map(n => Number(MIGRATION_NAME.exec(n)?.[1] ?? 0));
  return pad(Math.max(0, ...numbers) + 1);
}

/**
 * PostgreSQL's own parser (libpg-query) on one migration: undefined when it
 * parses, else the parser's message with the 1-based line and column.
 */
export async function syntaxProblem(
  migration: Migration,
): Promise<string | undefined> {
  try {
    await parse(migration.sql);
    return undefined;
  } catch (error) {
    const details = (error as { sqlDetails?: { cursorPosition?: number } })
      .sqlDetails;
    const message = (error as Error).message;
    if (details?.cursorPosition === undefined) {
      return `${migration.name}: ${message}`;
    }
    const before = migration.sql.slice(0, details.cursorPosition).split('\n');
    return `${migration.name}:${before.length}:${
      before[before.length - 1].length + 1
    }: ${message}`;
  }
}
