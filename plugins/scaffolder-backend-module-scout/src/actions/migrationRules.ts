import { createHash } from 'node:crypto';
import { parse } from 'libpg-query';

/** One migration file: its base name and SQL. */
export type Migration = { name: string; sql: string };

const NAME = /^(\d{4})_[a-z0-9_]+\.sql$/;

const sha256 = (text: string) =>
  createHash('sha256').update(text).digest('hex');

/**
 * What breaks forward-only numbering in `proposed` (the whole folder after
 * the change) against `applied` (the platform's folder now): a renamed,
 * edited or deleted applied migration, a name other than NNNN_words.sql, a
 * number used twice or skipped (so a new
 * migration can only come after every applied one). Returns one line per problem; empty when the set is sound.
 */
export function numberingProblems(
  applied: Migration[],
  proposed: Migration[],
): string[] {
  const problems: string[] = [];
  const byName = new Map(proposed.map(m => [m.name, m]));
  for (const old of applied) {
    const now = byName.get(old.name);
    if (!now) problems.push(`${old.name} is applied and may not be removed`);
    else if (sha256(now.sql) !== sha256(old.sql)) {
      problems.push(
        `${old.name} is applied and may not change: add a new migration instead`,
      );
    }
  }
  const seen = new Map<number, string>();
  for (const m of proposed) {
    const match = NAME.exec(m.name);
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
        `${seen.get(
          n,
        )}: numbers run 0001, 0002, … without gaps; expected ${String(
          i + 1,
        ).padStart(4, '0')}`,
      );
    }
  });
  return [...new Set(problems)];
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
