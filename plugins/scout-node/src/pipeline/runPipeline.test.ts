import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScoutDatabase } from '../db/types';
import { testDatabases } from '../testing/testDatabases';
import { DbtBuildResult } from './dbt';
import { DuckdbTarget } from './duckdbTarget';
import { runPipeline } from './runPipeline';

jest.setTimeout(120_000);

// What dbt answers here, without running it: every test passed, or one failed.
// The stand-in writes no artifacts, so copying the run's manifest.json, the
// step right after the merge into main, fails: the fault after the merge.
const dbtSaying = (ok: boolean) => async (): Promise<DbtBuildResult> => ({
  ok,
  exitCode: ok ? 0 : 1,
  testsPassed: ok ? 3 : 2,
  testsFailed: ok ? 0 : 1,
  seconds: {},
  failures: ok
    ? []
    : [{ node: 'test.scout.x', status: 'fail', message: 'bad row' }],
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
  ) =>
    (
      await runPipeline({
        db,
        target,
        trigger: 'test',
        repoRoot: root,
        dbt: { executable: 'dbt-is-not-run-here', projectDir: root },
        log: () => {},
        dbtBuild: dbtSaying(ok),
      })
    ).run;
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

  it('records a run that fails before its merge as failed, with main untouched', async () => {
    const lakehouse = join(root, 'before-merge');
    const result = await run(lakehouse, false);
    expect(mainHasTheRun(lakehouse)).toBe(false);
    expect(result).toMatchObject({
      status: 'failed',
      testsFailed: 1,
      error: expect.stringMatching(/^dbt build failed, main is unchanged/),
    });
  });
});
