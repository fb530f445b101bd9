import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScoutDatabase } from '../db/types';
import { testDatabases } from '../testing/testDatabases';
import { DbtBuildResult } from './dbt';
import { DuckdbTarget } from './duckdbTarget';
import { runPipeline } from './runPipeline';
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
      })
    ).run;
  const stepStates = (ended: PipelineRun) =>
    ended.steps.map(step => `${step.name}:${step.status}`);
  // A file that only publishing puts on main.
  const mainHasTheRun = (lakehouse: string) =>
    existsSync(join(lakehouse, 'bronze', 'stores', 'stores.parquet'));

  it('records a run that fails after its merge as published, with the failure', async () => {
    const lakehouse = join(root, 'after-merge');
    const result = await run(lakehouse, true);
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
      'branch:succeeded',
      'bronze:succeeded',
      'dbt:succeeded',
      'publish:succeeded',
      'release:failed',
    ]);
    expect(result.steps[5].detail).toMatch(/manifest\.json/);
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
      'branch:succeeded',
      'bronze:succeeded',
      'dbt:failed',
      'publish:skipped',
      'release:skipped',
    ]);
    const [, , bronze, dbt] = result.steps;
    expect(bronze.detail).toMatch(/^\d+ new transactions \(source_xid/);
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
});
