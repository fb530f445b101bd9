import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { spawnLogged } from './spawnLogged';
import type { RunTest } from './types';

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
  /** Every test in dbt's order. */
  tests: RunTest[];
};

// The part of dbt's run_results.json that we read.
const runResults = z.object({
  results: z.array(
    z.object({
      unique_id: z.string(),
      status: z.string(),
      execution_time: z.number(),
      message: z.string().nullish(),
      failures: z.number().nullish(),
    }),
  ),
});

// The part of dbt's manifest.json that names a test and what it checks.
const manifestNodes = z.object({
  nodes: z.record(
    z.string(),
    z.object({
      name: z.string().optional(),
      attached_node: z.string().nullish(),
      depends_on: z
        .object({ nodes: z.array(z.string()) })
        .partial()
        .optional(),
    }),
  ),
});

const FAILED = new Set(['fail', 'error', 'runtime error']);

const TEST_STATUS: Record<string, RunTest['status']> = {
  pass: 'pass',
  success: 'pass',
  fail: 'fail',
  warn: 'warn',
  skipped: 'skipped',
};

/**
 * What a node id names: `model.scout.silver_transactions` ->
 * `silver_transactions`, `source.scout.bronze.line_items` -> `bronze.line_items`.
 */
const nodeName = (uniqueId: string) => uniqueId.split('.').slice(2).join('.');

/**
 * The model a test checks: dbt's `attached_node`, else the first model,
 * source, seed or snapshot it depends on; null without a manifest entry.
 */
function testedModel(
  node: z.infer<typeof manifestNodes>['nodes'][string] | undefined,
): string | null {
  const checked =
    node?.attached_node ??
    node?.depends_on?.nodes?.find(id =>
      /^(model|source|seed|snapshot)\./.test(id),
    );
  return checked ? nodeName(checked) : null;
}

/**
 * Reads run_results.json: test counts, failures, time per layer and every
 * test. `manifest` (dbt's manifest.json of the same build), when given,
 * names each test and the model it checks; a manifest that cannot be read
 * leaves those to the test's id.
 */
export function summarizeRunResults(json: unknown, manifest?: unknown) {
  const { results } = runResults.parse(json);
  const parsedManifest = manifestNodes.safeParse(manifest);
  const nodes = parsedManifest.success ? parsedManifest.data.nodes : {};
  const summary = {
    testsPassed: 0,
    testsFailed: 0,
    seconds: {} as Record<string, number>,
    failures: [] as DbtBuildResult['failures'],
    tests: [] as RunTest[],
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
    if (!isTest) continue;
    if (r.status === 'pass') summary.testsPassed++;
    if (FAILED.has(r.status)) summary.testsFailed++;
    const node = nodes[r.unique_id];
    summary.tests.push({
      uniqueId: r.unique_id,
      // test.scout.not_null_x_id.1a2b -> not_null_x_id
      name: node?.name ?? r.unique_id.split('.')[2] ?? r.unique_id,
      model: testedModel(node),
      source: 'dbt',
      status: TEST_STATUS[r.status] ?? 'error',
      failures: r.failures ?? null,
      message: r.message ?? null,
      seconds: r.execution_time,
    });
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

/** How one dbt command runs: where, on which target, with what. */
type DbtInvocation = {
  dbt: DbtSettings;
  target: string;
  env: Record<string, string>;
  /** dbt's --target-path and --log-path: the run's dbt folder. */
  targetPath: string;
  log: (line: string) => void;
};

/** Runs `dbt <command>` on the project and target, its artifacts in targetPath. */
function runDbt(command: string[], options: DbtInvocation) {
  const { dbt, target, env, targetPath, log } = options;
  const dirs = [
    '--project-dir',
    dbt.projectDir,
    '--profiles-dir',
    dbt.projectDir,
  ];
  return spawnLogged(
    dbt.executable,
    [
      ...command,
      ...dirs,
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
      log,
      what: `dbt "${dbt.executable}" (scout.pipeline.dbt.executable)`,
    },
  );
}

/**
 * Runs `dbt build` with `dbt.executable` on `dbt.projectDir` (its profiles
 * there too), with its artifacts in `targetPath`, and streams dbt's log
 * lines to `log`.
 */
export async function runDbtBuild(
  options: DbtInvocation,
): Promise<DbtBuildResult> {
  const { exitCode, tail } = await runDbt(['build'], options);
  let summary;
  try {
    summary = summarizeRunResults(
      JSON.parse(
        await readFile(join(options.targetPath, 'run_results.json'), 'utf8'),
      ),
      await readJson(join(options.targetPath, 'manifest.json')),
    );
  } catch (error) {
    // dbt failed before it built anything (bad profile, no venv): say why.
    throw new Error(
      `dbt build exited with ${exitCode} and wrote no run_results.json: ${tail.trim()}`,
      { cause: error },
    );
  }
  return {
    ok: exitCode === 0 && summary.failures.length === 0,
    exitCode,
    ...summary,
  };
}

/** One source's freshness, from dbt's sources.json. */
export type SourceFreshness = {
  /** `bronze.transactions` */
  source: string;
  /** dbt's verdict: pass, warn, error, or runtime error. */
  status: string;
  /** The newest loaded_at, ISO 8601; null when dbt could not read it. */
  maxLoadedAt: string | null;
  /** How old that row was when dbt looked, in seconds. */
  ageSeconds: number | null;
  /** True when the table has no rows yet (then no time or age). */
  empty?: boolean;
};

// dbt dates the newest row of an empty table at Python's datetime.min.
const NO_ROWS = /^0001-01-01/;

// The part of dbt's sources.json that we read.
const sourcesJson = z.object({
  results: z.array(
    z.object({
      unique_id: z.string(),
      status: z.string(),
      max_loaded_at: z.string().nullish(),
      max_loaded_at_time_ago_in_s: z.number().nullish(),
    }),
  ),
});

/**
 * Runs `dbt source freshness` like runDbtBuild (same target, env and
 * targetPath, where it writes sources.json) and reads each source's age. A
 * stale source is an answer, not an error: this throws only when dbt wrote
 * no sources.json (dbt could not start, or the query failed).
 */
export async function runDbtSourceFreshness(
  options: DbtInvocation,
): Promise<SourceFreshness[]> {
  const { exitCode, tail } = await runDbt(['source', 'freshness'], options);
  let parsed;
  try {
    parsed = sourcesJson.parse(
      JSON.parse(
        await readFile(join(options.targetPath, 'sources.json'), 'utf8'),
      ),
    );
  } catch (error) {
    throw new Error(
      `dbt source freshness exited with ${exitCode} and wrote no sources.json: ${tail.trim()}`,
      { cause: error },
    );
  }
  return parsed.results.map(r =>
    NO_ROWS.test(r.max_loaded_at ?? '')
      ? {
          source: nodeName(r.unique_id),
          status: r.status,
          maxLoadedAt: null,
          ageSeconds: null,
          empty: true,
        }
      : {
          source: nodeName(r.unique_id),
          status: r.status,
          maxLoadedAt: r.max_loaded_at ?? null,
          ageSeconds: r.max_loaded_at_time_ago_in_s ?? null,
        },
  );
}

/** A JSON file's content, or undefined when it is missing or unreadable. */
async function readJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8'));
  } catch {
    return undefined;
  }
}
