import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

/** Where one check runs dbt: all three are folders of its scratch dir. */
export type DbtScratch = {
  /** The platform's project with the workspace's files over it. */
  project: string;
  /** SCOUT_LAKEHOUSE_DIR: the empty DuckDB, its Parquet and the sources. */
  lakehouse: string;
  /** dbt's --target-path and --log-path. */
  target: string;
};

/** How a dbt command ended: its exit code and what it printed. */
export type DbtOutcome = { exitCode: number; output: string };

// What dbt inherits from the backend: the system's basics and Python's
// settings, as the pipeline's dbt does; never the backend's secrets, which
// the workspace's Jinja could otherwise read with env_var().
const INHERITED =
  /^(PATH|HOME|USER|LANG|LC_\w+|TZ|TMPDIR|PYTHON\w*|SCOUT_PYTHON|VIRTUAL_ENV|SSL_CERT_\w+)$/;

/**
 * Runs `dbt <command>` with `executable` on the scratch project and its
 * profiles.yml, target duckdb, with the scratch lakehouse and artifacts.
 * Hands each line dbt prints to `log`; `signal` (the task's) stops it.
 * Rejects only when dbt cannot start.
 */
export async function runDbt(
  executable: string,
  command: string[],
  scratch: DbtScratch,
  options: { log: (line: string) => void; signal?: AbortSignal },
): Promise<DbtOutcome> {
  const inherited = Object.entries(process.env).filter(
    (e): e is [string, string] => INHERITED.test(e[0]) && e[1] !== undefined,
  );
  const child = spawn(
    executable,
    [
      ...command,
      ...['--project-dir', scratch.project, '--profiles-dir', scratch.project],
      ...['--target', 'duckdb', '--target-path', scratch.target],
      ...['--log-path', scratch.target],
    ],
    {
      cwd: scratch.project,
      env: {
        ...Object.fromEntries(inherited),
        DBT_USE_COLORS: 'false',
        SCOUT_LAKEHOUSE_DIR: scratch.lakehouse,
      },
      signal: options.signal,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const chunks: string[] = [];
  const forward = (stream: NodeJS.ReadableStream) => {
    let partial = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      chunks.push(chunk);
      const lines = (partial + chunk).split('\n');
      // A line cut between chunks waits for its end.
      partial = lines.pop() ?? '';
      for (const line of lines) if (line.trim()) options.log(line);
    });
    stream.on('end', () => partial.trim() && options.log(partial));
  };
  forward(child.stdout);
  forward(child.stderr);
  const exitCode = await new Promise<number>((resolve, reject) => {
    child.on('error', error =>
      reject(
        new Error(`Could not run dbt "${executable}": ${error.message}`, {
          cause: error,
        }),
      ),
    );
    child.on('close', code => resolve(code ?? 1));
  });
  return { exitCode, output: chunks.join('') };
}

// dbt prefixes its log lines with the time: 17:58:04  Done.
const stripTimes = (text: string) =>
  text.replace(/^\d\d:\d\d:\d\d\s+/gm, '').trim();

/**
 * dbt's own account of a failed command: what follows its last
 * "Encountered an error:", else the last lines it printed.
 */
export function dbtError(output: string): string {
  const marker = 'Encountered an error:';
  const at = output.lastIndexOf(marker);
  if (at >= 0) return stripTimes(output.slice(at + marker.length));
  return stripTimes(output.trim().split('\n').slice(-12).join('\n'));
}

// The part of run_results.json and manifest.json that names a failure.
const runResults = z.object({
  results: z.array(
    z.object({
      unique_id: z.string(),
      status: z.string(),
      message: z.string().nullish(),
    }),
  ),
});
const manifestNames = z.object({
  nodes: z.record(
    z.string(),
    z.object({ name: z.string(), original_file_path: z.string() }),
  ),
  unit_tests: z
    .record(
      z.string(),
      z.object({ name: z.string(), original_file_path: z.string() }),
    )
    .optional(),
});

const FAILED = new Set(['error', 'fail', 'runtime error']);

/**
 * Each node that failed a `dbt build` in `target`, as `<kind> <name>
 * (<file>): <dbt's message>`; empty when all passed. Throws when dbt wrote
 * no run_results.json (it stopped before building anything).
 */
export async function buildFailures(target: string): Promise<string[]> {
  const { results } = runResults.parse(
    JSON.parse(await readFile(join(target, 'run_results.json'), 'utf8')),
  );
  const manifest = manifestNames.parse(
    JSON.parse(await readFile(join(target, 'manifest.json'), 'utf8')),
  );
  const nodes = { ...manifest.nodes, ...manifest.unit_tests };
  return results
    .filter(r => FAILED.has(r.status))
    .map(r => {
      const node = nodes[r.unique_id];
      const kind = r.unique_id.split('.')[0].replace('_', ' ');
      const what = node
        ? `${kind} ${node.name} (${node.original_file_path})`
        : r.unique_id;
      return `${what}: ${stripTimes(r.message ?? r.status)}`;
    });
}
