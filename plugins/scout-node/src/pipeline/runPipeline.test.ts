import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScoutDatabase } from '../db/types';
import { testDatabases } from '../testing/testDatabases';
import { DbtBuildResult } from './dbt';
import { DuckdbTarget } from './duckdbTarget';
import { ExpectationsResults } from './expectations';
import {
  runArtifactsDir,
  runPipeline,
  RunPipelineOptions,
} from './runPipeline';
import { RunStore } from './runStore';
import { PipelineRun, RunTest } from './types';

jest.setTimeout(120_000);

// What dbt answers here, without running it: every test passed, or one failed.
// The stand-in writes no artifacts, so copying the run's manifest.json, the
// step right after the merge into main, fails: the fault after the merge.
const test = (name: string, status: RunTest['status']): RunTest => ({
  uniqueId: `test.scout.${name}.1a`,
  name,
  model: 'silver_transactions',
  status,
  failures: status === 'fail' ? 3 : 0,
  message:
    status === 'fail' ? 'Got 3 results, configured to fail if != 0' : null,
  seconds: 0.1,
});
const dbtSaying = (ok: boolean) => async (): Promise<DbtBuildResult> => ({
  ok,
  exitCode: ok ? 0 : 1,
  testsPassed: ok ? 3 : 2,
  testsFailed: ok ? 0 : 1,
  seconds: {},
  failures: ok
    ? []
    : [{ node: 'test.scout.x', status: 'fail', message: 'bad row' }],
  tests: [
    test('not_null_a', 'pass'),
    test('x', ok ? 'pass' : 'fail'),
    test('not_null_b', 'pass'),
  ],
});

describe.each(testDatabases())('runPipeline on $kind', databases => {
  let db: ScoutDatabase;
  let root: string;
  beforeAll(async () => {
    db = await databases.createMigrated();
    root = await mkdtemp(join(tmpdir(), 'scout-run-'));
  });
  afterAll(async () => {
    await databases.cleanup();
    await rm(root, { recursive: true, force: true });
  }, 60_000);

  const run = async (
    lakehouse: string,
    ok: boolean,
    target = new DuckdbTarget(db, lakehouse),
    onStart?: (run: PipelineRun) => void,
    more: Partial<RunPipelineOptions> = {},
  ) =>
    (
      await runPipeline({
        db,
        target,
        trigger: 'test',
        startedBy: 'user:default/ada',
        repoRoot: root,
        dbt: { executable: 'dbt-is-not-run-here', projectDir: root },
        log: () => {},
        onStart,
        dbtBuild: dbtSaying(ok),
        ...more,
      })
    ).run;
  const stepStates = (ended: PipelineRun) =>
    ended.steps.map(step => `${step.name}:${step.status}`);
  // A file that only publishing puts on main.
  const mainHasTheRun = (lakehouse: string) =>
    existsSync(join(lakehouse, 'bronze', 'stores', 'stores.parquet'));

  it('records a run that fails after its merge as published, with the failure', async () => {
    const lakehouse = join(root, 'after-merge');
    // A stale source informs and never blocks.
    const result = await run(lakehouse, true, undefined, undefined, {
      sourceFreshness: async () => [
        {
          source: 'bronze.transactions',
          status: 'error',
          maxLoadedAt: '2026-11-27T00:00:00Z',
          ageSeconds: 10 * 3600,
        },
      ],
    });
    expect(mainHasTheRun(lakehouse)).toBe(true);
    expect(result).toMatchObject({
      status: 'published',
      testsPassed: 3,
      error: expect.stringMatching(
        /^published to main, then failed: .*manifest\.json/,
      ),
    });
    expect(result.finishedAt).not.toBeNull();
    expect(stepStates(result)).toEqual([
      'promote:succeeded',
      'expectations:skipped',
      'branch:succeeded',
      'bronze:succeeded',
      'freshness:succeeded',
      'dbt:succeeded',
      'publish:succeeded',
      'release:failed',
    ]);
    expect(result.steps[1].detail).toMatch(/^not checked: .*PostgreSQL URL/);
    expect(result.steps[4].detail).toBe(
      'bronze.transactions: error, newest row 10 h old',
    );
    expect(result.steps[7].detail).toMatch(/manifest\.json/);
  });

  // The Trino target merges, then drops its catalog and deletes its branch:
  // a failure there must not call the published run failed either.
  it('records a run whose clean-up after the merge fails as published', async () => {
    const lakehouse = join(root, 'release-fails');
    const target = new DuckdbTarget(db, lakehouse);
    target.release = async () => {
      throw new Error('branch could not be deleted');
    };
    const result = await run(lakehouse, true, target);
    expect(mainHasTheRun(lakehouse)).toBe(true);
    expect(result).toMatchObject({
      status: 'published',
      error: 'published to main, then failed: branch could not be deleted',
    });
  });

  it('records a run that fails before its merge as failed, with main untouched, its steps and its tests', async () => {
    const lakehouse = join(root, 'before-merge');
    const started: PipelineRun[] = [];
    const result = await run(lakehouse, false, undefined, r => started.push(r));
    expect(mainHasTheRun(lakehouse)).toBe(false);
    expect(result).toMatchObject({
      status: 'failed',
      testsFailed: 1,
      startedBy: 'user:default/ada',
      error: expect.stringMatching(/^dbt build failed, main is unchanged/),
    });
    // The caller heard of the run once, before its first step.
    expect(started).toEqual([
      expect.objectContaining({
        runId: result.runId,
        status: 'running',
        steps: [],
      }),
    ]);
    expect(stepStates(result)).toEqual([
      'promote:succeeded',
      'expectations:skipped',
      'branch:succeeded',
      'bronze:succeeded',
      'freshness:succeeded',
      'dbt:failed',
      'publish:skipped',
      'release:skipped',
    ]);
    const [, , , bronze, freshness, dbt] = result.steps;
    expect(bronze.detail).toMatch(/^\d+ new transactions \(source_xid/);
    // dbt cannot even start here: the check says so, and the run goes on.
    expect(freshness.detail).toMatch(/^not checked: Could not start dbt/);
    expect(dbt.detail).toMatch(
      /^dbt build failed.*test\.scout\.x \(fail\): bad row/,
    );
    expect(Date.parse(dbt.finishedAt!)).toBeGreaterThanOrEqual(
      Date.parse(dbt.startedAt!),
    );
    // Failures first, then dbt's order.
    const { tests } = (await new RunStore(db).get(result.runId))!;
    expect(tests.map(t => `${t.name}:${t.status}`)).toEqual([
      'x:fail',
      'not_null_a:pass',
      'not_null_b:pass',
    ]);
    expect(tests[0]).toMatchObject({
      failures: 3,
      model: 'silver_transactions',
    });
  });
  it('fails a run whose expectation fails before it opens a branch, with main untouched and the expectations recorded', async () => {
    const lakehouse = join(root, 'expectation-fails');
    const results: ExpectationsResults = {
      success: false,
      validatedAt: '2026-11-27T11:22:33Z',
      suite: 'scout_silver',
      tables: {
        'scout.silver_transactions': [
          {
            assertion: 'expect_column_values_to_be_between',
            column: 'total',
            success: false,
            status: 'fail',
            message: '1 of 3 rows unexpected, e.g. -5.00',
            failures: 1,
            failingRowsQuery:
              'select * from scout.silver_transactions where total < 0',
          },
          {
            assertion: 'expect_column_values_to_be_in_set',
            column: 'payment_method',
            success: true,
            status: 'pass',
            message: '0 of 3 rows unexpected',
            failures: 0,
            failingRowsQuery: null,
          },
        ],
      },
    };
    const asked: { databaseUrl: string; outDir: string }[] = [];
    const result = await run(lakehouse, true, undefined, undefined, {
      databaseUrl: 'postgres://scout:secret@db.example.test/scout',
      expectations: async ({ databaseUrl, outDir }) => {
        asked.push({ databaseUrl, outDir });
        return results;
      },
    });
    expect(asked).toEqual([
      {
        databaseUrl: 'postgres://scout:secret@db.example.test/scout',
        outDir: join(runArtifactsDir(root, result.runId), 'gx'),
      },
    ]);
    expect(mainHasTheRun(lakehouse)).toBe(false);
    // No branch: the run stopped before it opened its staging folder.
    expect(existsSync(join(lakehouse, '_runs', result.runId))).toBe(false);
    expect(result).toMatchObject({
      status: 'failed',
      branch: null,
      testsPassed: 1,
      testsFailed: 1,
      error:
        'expectations failed, main is unchanged: scout.silver_transactions.total: expect_column_values_to_be_between (1 of 3 rows unexpected, e.g. -5.00)',
    });
    expect(stepStates(result)).toEqual([
      'promote:succeeded',
      'expectations:failed',
      'branch:skipped',
      'bronze:skipped',
      'freshness:skipped',
      'dbt:skipped',
      'publish:skipped',
      'release:skipped',
    ]);
    const { tests } = (await new RunStore(db).get(result.runId))!;
    expect(tests.map(t => [t.name, t.model, t.source, t.status])).toEqual([
      [
        'expect_column_values_to_be_between(total)',
        'scout.silver_transactions',
        'great_expectations',
        'fail',
      ],
      [
        'expect_column_values_to_be_in_set(payment_method)',
        'scout.silver_transactions',
        'great_expectations',
        'pass',
      ],
    ]);
  });
});
