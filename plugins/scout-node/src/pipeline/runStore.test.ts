import { ScoutDatabase } from '../db/types';
import { testDatabases } from '../testing/testDatabases';
import { RunStore } from './runStore';

describe.each(testDatabases())('RunStore on $kind', databases => {
  let db: ScoutDatabase;
  beforeAll(async () => {
    db = await databases.createMigrated();
  }, 60_000);
  afterAll(() => databases.cleanup(), 60_000);

  it('records a run and its outcome', async () => {
    const runs = new RunStore(db);
    await runs.start({ runId: 'a', engine: 'duckdb', trigger: 'test' });
    await runs.update('a', {
      status: 'published',
      finishedAt: '2026-11-27T12:00:00.000Z',
      rows: { 'gold.gold_daily_store_sales': 12 },
      fromXid: 0,
      toXid: 900,
      testsPassed: 40,
      testsFailed: 0,
      freshnessSeconds: 42.5,
    });
    expect(await runs.get('a')).toMatchObject({
      runId: 'a',
      status: 'published',
      finishedAt: '2026-11-27T12:00:00.000Z',
      rows: { 'gold.gold_daily_store_sales': 12 },
      toXid: 900,
      testsPassed: 40,
      freshnessSeconds: 42.5,
    });
  });

  it('keeps steps, tests (failures first) and who started the run', async () => {
    const runs = new RunStore(db);
    await runs.start({
      runId: 'e',
      engine: 'duckdb',
      trigger: 'api',
      startedBy: 'user:default/ada',
    });
    const test = (name: string, status: 'pass' | 'fail' | 'warn') => ({
      uniqueId: `test.scout.${name}.1a`,
      name,
      model: null,
      status,
      failures: status === 'pass' ? 0 : 2,
      message: null,
      seconds: 0.5,
    });
    await runs.update('e', {
      status: 'failed',
      steps: [
        {
          name: 'promote',
          status: 'succeeded',
          startedAt: '2026-11-27T12:00:00.000Z',
          finishedAt: '2026-11-27T12:00:01.000Z',
          detail: '3 promoted to silver, 0 quarantined',
        },
      ],
      tests: [test('a', 'pass'), test('b', 'warn'), test('c', 'fail')],
    });
    const run = (await runs.get('e'))!;
    expect(run).toMatchObject({
      startedBy: 'user:default/ada',
      steps: [
        { name: 'promote', detail: '3 promoted to silver, 0 quarantined' },
      ],
    });
    expect(run.tests.map(t => t.name)).toEqual(['c', 'b', 'a']);
    // Lists carry the steps but not the tests.
    const [listed] = await runs.list({ limit: 1 });
    expect(listed).toMatchObject({ runId: 'e', steps: run.steps });
    expect(listed).not.toHaveProperty('tests');
  });

  it('refuses a second running run, naming the first', async () => {
    const runs = new RunStore(db);
    await runs.start({ runId: 'b', engine: 'trino', trigger: 'test' });
    await expect(
      runs.start({ runId: 'c', engine: 'trino', trigger: 'test' }),
    ).rejects.toThrow(/another pipeline run is in progress \(b,/);
    // Backstage's error handler answers a ConflictError with 409.
    await expect(
      runs.start({ runId: 'c', engine: 'trino', trigger: 'test' }),
    ).rejects.toMatchObject({ name: 'ConflictError' });
    await runs.update('b', { status: 'failed', error: 'x' });
    await runs.start({ runId: 'c', engine: 'trino', trigger: 'test' });
    await runs.update('c', { status: 'failed', error: 'x' });
  });

  it('marks a long-dead running run as abandoned', async () => {
    const runs = new RunStore(db);
    await db.query(
      `insert into scout.pipeline_runs (run_id, engine, trigger, status, started_at, steps)
       values ('old', 'duckdb', 'test', 'running', now() - interval '3 hours',
         '[{"name": "promote", "status": "succeeded"}, {"name": "branch", "status": "running"}]')`,
    );
    expect(await runs.running()).toBeUndefined();
    await runs.start({ runId: 'd', engine: 'duckdb', trigger: 'test' });
    expect(await runs.get('old')).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/^abandoned/),
      steps: [
        { name: 'promote', status: 'succeeded' },
        { name: 'branch', status: 'failed', detail: 'abandoned' },
      ],
    });
    expect(await runs.running()).toMatchObject({ runId: 'd' });
    expect((await runs.list({ limit: 10 })).map(r => r.runId)).toEqual([
      'd',
      'c',
      'b',
      'e',
      'a',
      'old',
    ]);
  });
});
