import {
  dbtEnvironment,
  spawnLogged,
} from '@internal/backstage-plugin-scout-node';
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

/** How a dbt command ended: its exit code and the last of its output. */
export type DbtOutcome = { exitCode: number; output: string };

/**
 * Runs `dbt <command>` with `executable` on the scratch project and its
 * profiles.yml, target duckdb, with the scratch lakehouse and artifacts, as
 * the pipeline runs dbt (the same inherited environment: never the
 * backend's secrets, which the workspace's Jinja could read with
 * env_var()). Hands each line dbt prints to `log`; `signal` (the task's)
 * stops it. Rejects only when dbt cannot start.
 */
export async function runDbt(
  executable: string,
  command: string[],
  scratch: DbtScratch,
  options: { log: (line: string) => void; signal?: AbortSignal },
): Promise<DbtOutcome> {
  const { exitCode, tail } = await spawnLogged(
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
        ...dbtEnvironment(process.env),
        DBT_USE_COLORS: 'false',
        SCOUT_LAKEHOUSE_DIR: scratch.lakehouse,
      },
      log: options.log,
      signal: options.signal,
      what: `dbt "${executable}"`,
    },
  );
  return { exitCode, output: tail };
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
