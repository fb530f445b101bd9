import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { dbtEnvironment } from './dbt';
import { spawnLogged } from './spawnLogged';
import type { RunTest } from './types';

// One expectation in results.json, as transform/great_expectations/run_checkpoint.py writes it.
const expectationResult = z.object({
  assertion: z.string(),
  column: z.string().nullable(),
  success: z.boolean(),
  status: z.enum(['pass', 'fail']),
  message: z.string(),
  failures: z.number().nullable(),
  failingRowsQuery: z.string().nullable(),
});

const expectationsResults = z.object({
  success: z.boolean(),
  validatedAt: z.string(),
  suite: z.string(),
  /** Keyed by the Postgres table, `scout.silver_transactions`. */
  tables: z.record(z.string(), z.array(expectationResult)),
});

/** One expectation's outcome, as results.json records it. */
export type ExpectationResult = z.infer<typeof expectationResult>;

/** A checkpoint's results.json: every expectation per table. */
export type ExpectationsResults = z.infer<typeof expectationsResults>;

/** Runs the checkpoint over the database at `databaseUrl`, writing `outDir`. */
export type ExpectationsRunner = (options: {
  databaseUrl: string;
  outDir: string;
  log: (line: string) => void;
}) => Promise<ExpectationsResults>;

/** Reads and checks a results.json. */
export function parseExpectationsResults(json: unknown): ExpectationsResults {
  return expectationsResults.parse(json);
}

/** `text` with the URL's password, raw and percent-decoded, masked. */
export function maskPassword(text: string, databaseUrl: string): string {
  let password = '';
  try {
    password = new URL(databaseUrl).password;
  } catch {
    return text;
  }
  const secrets = new Set([password, decodeURIComponent(password)]);
  secrets.delete('');
  return [...secrets].reduce((t, secret) => t.split(secret).join('***'), text);
}

/**
 * The checkpoint runner of a source checkout: scripts/gx, which sets up the
 * project venv on first use. Writes `<outDir>/results.json` and GX's own
 * `validation.json`, streams its output (password masked) to `log`, and
 * resolves with the results whether or not every expectation passed.
 * Throws when the checkpoint could not run; its message never holds the
 * password.
 */
export function developmentExpectations(repoRoot: string): ExpectationsRunner {
  const executable = join(repoRoot, 'scripts/gx');
  return async ({ databaseUrl, outDir, log }) => {
    await mkdir(outDir, { recursive: true });
    // The URL travels in the environment, never on a command line; the
    // backend's other secrets stay behind (see dbtEnvironment).
    const { exitCode, tail } = await spawnLogged(
      executable,
      ['--out', outDir],
      {
        cwd: outDir,
        env: {
          ...dbtEnvironment(process.env),
          SCOUT_GX_DATABASE_URL: databaseUrl,
        },
        log,
        what: `Great Expectations (${executable})`,
        redact: text => maskPassword(text, databaseUrl),
      },
    );
    // 0: all passed, 1: one failed; both wrote results.json.
    if (exitCode !== 0 && exitCode !== 1) {
      throw new Error(
        `Great Expectations could not run (exit ${exitCode}): ${tail.trim()}`,
      );
    }
    const text = await readFile(join(outDir, 'results.json'), 'utf8');
    return parseExpectationsResults(JSON.parse(text));
  };
}

/** Every expectation in the run's checks shape, in the suites' order. */
export function expectationTests(results: ExpectationsResults): RunTest[] {
  return Object.entries(results.tables).flatMap(([table, entries]) =>
    entries.map((entry, index) => ({
      // The index keeps two checks of one kind on one column apart.
      uniqueId: `gx.${table}.${entry.column ?? 'table'}.${
        entry.assertion
      }.${index}`,
      name: entry.column
        ? `${entry.assertion}(${entry.column})`
        : entry.assertion,
      model: table,
      source: 'great_expectations' as const,
      status: entry.status,
      failures: entry.failures,
      message: entry.message,
      seconds: 0,
    })),
  );
}

/**
 * The failed expectations as one line, each naming table, column and
 * expectation; undefined when every one passed.
 */
export function expectationFailures(
  results: ExpectationsResults,
): string | undefined {
  const failed = Object.entries(results.tables).flatMap(([table, entries]) =>
    entries
      .filter(entry => !entry.success)
      .map(
        e =>
          `${table}${e.column ? `.${e.column}` : ''}: ${e.assertion} (${
            e.message
          })`,
      ),
  );
  return failed.length ? failed.join('; ') : undefined;
}
