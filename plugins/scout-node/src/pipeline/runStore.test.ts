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

  it('refuses a second running run, naming the first', async () => {
    const runs = new RunStore(db);
    await runs.start({ runId: 'b', engine: 'trino', trigger: 'test' });
    await expect(
      runs.start({ runId: 'c', engine: 'trino', trigger: 'test' }),
    ).rejects.toThrow(/another pipeline run is in progress \(b,/);
    await runs.update('b', { status: 'failed', error: 'x' });
    await runs.start({ runId: 'c', engine: 'trino', trigger: 'test' });
    await runs.update('c', { status: 'failed', error: 'x' });
  });

  it('marks a long-dead running run as abandoned', async () => {
    const runs = new RunStore(db);
    await db.query(
      `insert into scout.pipeline_runs (run_id, engine, trigger, status, started_at)
       values ('old', 'duckdb', 'test', 'running', now() - interval '3 hours')`,
    );
    await runs.start({ runId: 'd', engine: 'duckdb', trigger: 'test' });
    expect(await runs.get('old')).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/^abandoned/),
    });
    expect((await runs.list({ limit: 10 })).map(r => r.runId)).toEqual([
      'd',
      'c',
      'b',
      'a',
      'old',
    ]);
  });
});
