import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

/** What one `dbt build` did, from its exit code and run_results.json. */
export type DbtBuildResult = {
  ok: boolean;
  exitCode: number;
  testsPassed: number;
  testsFailed: number;
  /** Seconds per layer (the folder under models/) and for tests. */
  seconds: Record<string, number>;
  /** Each failed node with dbt's message. */
  failures: { node: string; status: string; message: string }[];
};

// The part of dbt's run_results.json that we read.
const runResults = z.object({
  results: z.array(
    z.object({
      unique_id: z.string(),
      status: z.string(),
      execution_time: z.number(),
      message: z.string().nullish(),
    }),
  ),
});

const FAILED = new Set(['fail', 'error', 'runtime error']);

/** Reads run_results.json: test counts, failures and time per layer. */
export function summarizeRunResults(json: unknown) {
  const { results } = runResults.parse(json);
  const summary = {
    testsPassed: 0,
    testsFailed: 0,
    seconds: {} as Record<string, number>,
    failures: [] as DbtBuildResult['failures'],
  };
  for (const r of results) {
    const isTest = r.unique_id.startsWith('test.');
    // Exposures and the like take no time and build nothing.
    if (!isTest && !r.unique_id.startsWith('model.')) continue;
    // model.scout.gold_daily_store_sales -> gold (the model's layer prefix)
    const layer = isTest ? 'tests' : r.unique_id.split('.')[2].split('_')[0];
    summary.seconds[layer] = (summary.seconds[layer] ?? 0) + r.execution_time;
    if (FAILED.has(r.status)) {
      summary.failures.push({
        node: r.unique_id,
        status: r.status,
        message: r.message ?? '',
      });
    }
    if (isTest && r.status === 'pass') summary.testsPassed++;
    if (isTest && FAILED.has(r.status)) summary.testsFailed++;
  }
  return summary;
}

/** Which dbt runs, on which project. */
export type DbtSettings = {
  /** The dbt executable: a path, or a name on PATH. */
  executable: string;
  /** The folder with dbt_project.yml and profiles.yml. */
  projectDir: string;
};

/**
 * A source checkout's dbt: scripts/dbt (which sets up the project venv on
 * first use) on transform/. For development only: it can install software.
 */
export function developmentDbt(repoRoot: string): DbtSettings {
  return {
    executable: join(repoRoot, 'scripts/dbt'),
    projectDir: join(repoRoot, 'transform'),
  };
}

// What dbt inherits from the backend's environment: the system's basics,
// proxies and Python/pip settings. Nothing else, so the backend's secrets
// (JWT, OIDC, database and S3 credentials) never reach dbt's env_var().
const INHERITED =
  /^(PATH|HOME|USER|LANG|LC_\w+|TZ|TMPDIR|(HTTPS?|NO)_PROXY|(https?|no)_proxy|PIP_\w+|PYTHON\w*|SCOUT_PYTHON|VIRTUAL_ENV|SSL_CERT_\w+|REQUESTS_CA_BUNDLE)$/;

/** The part of `env` a dbt child process inherits. */
export function dbtEnvironment(
  env: Record<string, string | undefined>,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter(
      (entry): entry is [string, string] =>
        INHERITED.test(entry[0]) && entry[1] !== undefined,
    ),
  );
}

/**
 * Runs `dbt build` with `dbt.executable` on `dbt.projectDir` (its profiles
 * there too), with its artifacts in `targetPath`, and streams dbt's log
 * lines to `log`.
 */
export async function runDbtBuild(options: {
  dbt: DbtSettings;
  target: string;
  env: Record<string, string>;
  targetPath: string;
  log: (line: string) => void;
}): Promise<DbtBuildResult> {
  const { dbt, target, env, targetPath, log } = options;
  const child = spawn(
    dbt.executable,
    [
      'build',
      '--project-dir',
      dbt.projectDir,
      '--profiles-dir',
      dbt.projectDir,
      '--target',
      target,
      '--target-path',
      targetPath,
      '--log-path',
      targetPath,
    ],
    {
      cwd: dbt.projectDir,
      env: { ...dbtEnvironment(process.env), DBT_USE_COLORS: 'false', ...env },
      stdio: 'pipe',
    },
  );
  const output = { tail: '' };
  const forward = (stream: NodeJS.ReadableStream) => {
    let buffered = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (line.trim()) log(line);
      }
      output.tail = (output.tail + chunk).slice(-4000);
    });
  };
  forward(child.stdout);
  forward(child.stderr);
  const exitCode = await new Promise<number>((resolve, reject) => {
    child.on('error', error =>
      reject(
        new Error(
          `Could not start dbt "${dbt.executable}" (scout.pipeline.dbt.executable): ${error.message}`,
          { cause: error },
        ),
      ),
    );
    child.on('close', code => resolve(code ?? 1));
  });
  let summary;
  try {
    summary = summarizeRunResults(
      JSON.parse(await readFile(join(targetPath, 'run_results.json'), 'utf8')),
    );
  } catch (error) {
    // dbt failed before it built anything (bad profile, no venv): say why.
    throw new Error(
      `dbt build exited with ${exitCode} and wrote no run_results.json: ${output.tail.trim()}`,
      { cause: error },
    );
  }
  return {
    ok: exitCode === 0 && summary.failures.length === 0,
    exitCode,
    ...summary,
  };
}
