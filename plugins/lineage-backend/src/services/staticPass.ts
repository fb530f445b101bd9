import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunEvent } from './runEvent';

/** What to derive lineage from: a dbt project's artifacts on disk. */
export type DbtArtifacts = {
  /** A compiled manifest.json (dbt 1.5+, any adapter). */
  manifestPath: string;
  /** catalog.json from `dbt docs generate`: column lists that expand `select *`. */
  catalogPath?: string;
  /** run_results.json: each model's test results, as quality assertions. */
  runResultsPath?: string;
  /** sources.json from `dbt source freshness`: each source's freshness. */
  sourcesPath?: string;
  /**
   * Jobs outside dbt that write a table from a SELECT (the pipeline's
   * bronze load): `output` is `<database>.<schema>.<table>`, renamed like
   * dbt's relations; the SELECT names tables as their datasets are named.
   */
  sqlJobs?: {
    name: string;
    sql: string;
    dialect?: string;
    output: string;
    columns: readonly (readonly [string, string])[];
  }[];
  /** The datasets' namespace; default `<adapter>://<project>`. */
  namespace?: string;
  /** Database names to rename in dataset names ({scout: 'lakehouse'}). */
  renameDatabase?: Record<string, string>;
};

/** The pass's own account of what it derived. */
export type StaticPassSummary = {
  models: number;
  /** Output columns with column lineage. */
  fields: number;
  /** Models it could only give table lineage, and why. */
  warnings: string[];
  /** Seconds the pass took, in Python. */
  seconds: number;
};

/** One of the package's python/*.py scripts. */
export const script = (name: string) =>
  resolvePackagePath(
    '@internal/backstage-plugin-lineage-backend',
    `python/${name}`,
  );

/**
 * Runs python/static_pass.py (sqlglot, in `python`'s environment) over dbt
 * artifacts and returns its OpenLineage run events: one per model, with
 * column lineage, and one per exposure. Unusable artifacts are an
 * InputError with the pass's message; a missing Python or sqlglot, an Error
 * that says which.
 */
export async function runStaticPass(
  python: string,
  artifacts: DbtArtifacts,
): Promise<{ events: RunEvent[]; summary: StaticPassSummary }> {
  const args = [script('static_pass.py'), '--manifest', artifacts.manifestPath];
  if (artifacts.catalogPath) args.push('--catalog', artifacts.catalogPath);
  if (artifacts.runResultsPath) {
    args.push('--run-results', artifacts.runResultsPath);
  }
  if (artifacts.sourcesPath) args.push('--sources', artifacts.sourcesPath);
  if (artifacts.namespace) args.push('--namespace', artifacts.namespace);
  for (const [from, to] of Object.entries(artifacts.renameDatabase ?? {})) {
    args.push('--rename-database', `${from}=${to}`);
  }
  let jobsDir: string | undefined;
  if (artifacts.sqlJobs?.length) {
    jobsDir = await mkdtemp(join(tmpdir(), 'scout-lineage-jobs-'));
    const jobsPath = join(jobsDir, 'jobs.json');
    await writeFile(jobsPath, JSON.stringify({ jobs: artifacts.sqlJobs }));
    args.push('--jobs', jobsPath);
  }
  try {
    return await run(python, args);
  } finally {
    if (jobsDir) await rm(jobsDir, { recursive: true, force: true });
  }
}

async function run(
  python: string,
  args: string[],
): Promise<{ events: RunEvent[]; summary: StaticPassSummary }> {
  const { stdout, lastLine } = await runPython(python, args);
  const events = stdout
    .split('\n')
    .filter(line => line.trim())
    .map(line => JSON.parse(line) as RunEvent);
  return { events, summary: JSON.parse(lastLine) as StaticPassSummary };
}

/**
 * Runs one of python/*.py (`args[0]`) and returns its stdout and the last
 * line of its stderr. Exit status 2 (unusable input) is an InputError with
 * that line; a missing Python or sqlglot, an Error that says which.
 */
export async function runPython(
  python: string,
  args: string[],
): Promise<{ stdout: string; lastLine: string }> {
  const child = spawn(python, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const stdout: Buffer[] = [];
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-20_000);
  });
  const code = await new Promise<number>((resolve, reject) => {
    child.on('error', error =>
      reject(
        new Error(
          `could not start "${python}" (lineage.staticPass.python) for the static lineage pass: ${error.message}`,
        ),
      ),
    );
    child.on('close', exit => resolve(exit ?? 1));
  });
  const lastLine = stderr.trim().split('\n').pop() ?? '';
  if (code === 2) throw new InputError(lastLine);
  if (code !== 0) {
    throw new Error(
      `${args[0].split('/').pop()} exited with ${code}${
        /No module named 'sqlglot'/.test(stderr)
          ? `: "${python}" has no sqlglot (install transform/requirements.txt into it)`
          : `: ${lastLine}`
      }`,
    );
  }
  return { stdout: Buffer.concat(stdout).toString('utf8'), lastLine };
}
