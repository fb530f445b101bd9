import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The lakehouse's commit log: one JSON line per published run, oldest first. */
const COMMIT_LOG = '_commits.jsonl';

/** One published run in the DuckDB lakehouse's commit log. */
export type DuckdbCommit = {
  runId: string;
  /** When the run's publish finished, ISO 8601. */
  committedAt: string;
  /** Rows of each table the run wrote, after the run, keyed `layer.table`. */
  tables: Record<string, number>;
};

/**
 * The published runs in `dir`'s commit log, oldest first; none when no
 * run has published yet. A line that does not parse (the log was edited
 * by hand) is skipped.
 */
export async function readCommitLog(dir: string): Promise<DuckdbCommit[]> {
  let text: string;
  try {
    text = await readFile(join(dir, COMMIT_LOG), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return text.split('\n').flatMap(line => {
    try {
      const commit = JSON.parse(line) as DuckdbCommit;
      return typeof commit.runId === 'string' && commit.tables ? [commit] : [];
    } catch {
      return [];
    }
  });
}

/**
 * Appends a run to `dir`'s commit log: the whole log is rewritten beside it
 * and renamed over it, so readers see it with or without the run, never
 * half a line. Runs publish one at a time (the run store allows one).
 */
export async function appendCommit(
  dir: string,
  runId: string,
  tables: Record<string, number>,
): Promise<void> {
  const log = join(dir, COMMIT_LOG);
  let before = existsSync(log) ? await readFile(log, 'utf8') : '';
  if (before && !before.endsWith('\n')) before += '\n';
  const commit: DuckdbCommit = {
    runId,
    committedAt: new Date().toISOString(),
    tables,
  };
  const part = `${log}.part`;
  await writeFile(part, `${before}${JSON.stringify(commit)}\n`);
  await rename(part, log);
}
