import { RunStore, runPipeline } from '@internal/backstage-plugin-scout-node';
import { resolve } from 'node:path';
import {
  type Command,
  parseFlags,
  parseInteger,
  UsageError,
} from '../command.ts';
import { repoRoot } from '../bench/backend.ts';
import { chooseEngine, openPipeline } from '../pipeline/openPipeline.ts';

const usage = `Usage: scout pipeline <run|runs> [options]

run    Loads new silver rows from PostgreSQL into bronze, builds and tests
       every dbt layer on a new branch, and publishes the branch to main only
       when every test passes. A failed run leaves main as it was and keeps
       its branch (a Nessie branch, or .scout/lakehouse/_runs/<id> on DuckDB).
       Exit code 1 when the run failed.
runs   Lists the latest runs, newest first.

Options:
  --engine E         trino or duckdb (default: scout.lakehouse.engine of
                     app-config.yaml, i.e. env SCOUT_LAKEHOUSE_ENGINE, else
                     trino when the local stack's Trino answers, else duckdb)
  --db-url URL       the scout database (default: scout.database.url, i.e. env
                     SCOUT_DATABASE_URL; else the stack's PostgreSQL for trino,
                     the portal's PGlite for duckdb)
  --lakehouse-dir D  DuckDB's Parquet lakehouse (default: scout.lakehouse.dir,
                     .scout/lakehouse)
  --project D        the dbt project, with its bronze/ load entries (default:
                     transform/), e.g. a reviewed change laid over a copy of it
  --limit N          runs to list (default 20)
  --json             print the run (or runs) as JSON

Where Trino, Nessie and S3 are comes from app-config.yaml (scout.lakehouse),
with app-config.local.yaml on top when it exists.
`;

/** `scout pipeline run|runs`: write-audit-publish runs and their history. */
export const pipelineCommand: Command = {
  name: 'pipeline',
  summary: 'Run the lakehouse pipeline (bronze load, dbt build, publish)',
  usage,
  async run(args) {
    const { values, positionals } = parseFlags({
      args,
      allowPositionals: true,
      options: {
        engine: { type: 'string' },
        'db-url': { type: 'string' },
        'lakehouse-dir': { type: 'string' },
        project: { type: 'string' },
        limit: { type: 'string', default: '20' },
        json: { type: 'boolean', default: false },
      },
    });
    const [action] = positionals;
    if (action !== 'run' && action !== 'runs') {
      throw new UsageError('say "run" or "runs"');
    }
    const log = (line: string) => process.stderr.write(`${line}\n`);
    const engine = await chooseEngine(values.engine, log);
    const { db, url, target, dbt } = await openPipeline({
      engine,
      dbUrl: values['db-url'],
      lakehouseDir: values['lakehouse-dir'] && resolve(values['lakehouse-dir']),
    });
    try {
      if (action === 'runs') {
        const runs = await new RunStore(db).list({
          limit: parseInteger('limit', values.limit, 1),
        });
        process.stdout.write(
          values.json
            ? `${JSON.stringify(runs)}\n`
            : runs.map(r => `${formatRun(r)}\n`).join(''),
        );
        return 0;
      }
      const { run } = await runPipeline({
        db,
        target,
        trigger: 'cli',
        repoRoot,
        dbt: values.project
          ? { ...dbt, projectDir: resolve(values.project) }
          : dbt,
        databaseUrl: url,
        log,
      });
      process.stdout.write(
        values.json
          ? `${JSON.stringify(run)}\n`
          : `${formatRun(run)}\n${formatOutcome(run)}`,
      );
      return run.status === 'published' ? 0 : 1;
    } finally {
      await db.close();
    }
  },
};

type Run = Awaited<ReturnType<RunStore['list']>>[number];
type RunDetail = Awaited<ReturnType<typeof runPipeline>>['run'];

/** A finished run's steps, one a line, and the tests that did not pass. */
function formatOutcome(run: RunDetail) {
  const steps = run.steps.map(
    step =>
      `  ${step.name.padEnd(8)} ${step.status.padEnd(9)} ${step.detail ?? ''}`,
  );
  const failing = run.tests
    .filter(test => test.status === 'fail' || test.status === 'error')
    .map(
      test =>
        `  ${test.status} ${test.name}${test.model ? ` on ${test.model}` : ''}${
          test.failures ? ` (${test.failures} rows)` : ''
        }`,
    );
  return [...steps, ...failing].map(line => `${line.trimEnd()}\n`).join('');
}

function formatRun(run: Run) {
  const tests =
    run.testsPassed === null
      ? ''
      : ` tests ${run.testsPassed} passed, ${run.testsFailed} failed`;
  const loaded = run.rows['bronze.transactions'];
  return `${run.runId} ${run.engine} ${run.status.padEnd(9)} branch ${
    run.branch ?? '-'
  }${tests}${loaded === undefined ? '' : ` bronze ${loaded} tx`}${
    run.error ? `\n  ${run.error}` : ''
  }`;
}
