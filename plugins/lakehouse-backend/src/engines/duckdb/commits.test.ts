import { DuckDBInstance } from '@duckdb/node-api';
import { DuckdbTarget } from '@internal/backstage-plugin-scout-node';
import { mkdtempSync } from 'node:fs';
import { appendFile, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckdbEngine } from './DuckdbEngine';

// The commit log between the pipeline's DuckDB target, which appends one
// commit per publish, and the browser's engine, which reads it: real Parquet
// files written by DuckDB, without dbt or the scout database (the full
// pipeline is in src/duckdb.test.ts).

/** Writes a Parquet file of `rows` rows with DuckDB. */
async function writeParquet(path: string, rows: number) {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(
      `copy (select range as id from range(${rows})) to '${path}' (format parquet)`,
    );
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/**
 * One run as the pipeline makes it: stage gold, bronze's dimensions (which
 * every run replaces) and bronze transactions when `appended`, then count,
 * publish and release. The Postgres side is unused.
 */
async function publishRun(
  dir: string,
  runId: string,
  options: { goldRows: number; appended?: number },
) {
  const target = new DuckdbTarget(undefined as never, dir);
  await target.begin(runId);
  const staging = target.dbt().env.SCOUT_LAKEHOUSE_DIR;
  await writeParquet(
    join(staging, 'gold', 'gold_payment_mix.parquet'),
    options.goldRows,
  );
  const staged = { stores: 2, products: 3, transactions: options.appended };
  for (const [table, rows] of Object.entries(staged)) {
    if (!rows) continue;
    const folder = await mkdirp(join(staging, 'bronze'), table);
    const file = table === 'transactions' ? runId : table;
    await writeParquet(join(folder, `${file}.parquet`), rows);
  }
  await target.countRows();
  await target.publish();
  await target.release();
}

describe('the DuckDB commit log', () => {
  let dir: string;
  let engine: DuckdbEngine;
  const commits = (namespace: string, table: string, ref?: string) =>
    engine.listCommits({ namespace, table, ref, limit: 50 });

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lakehouse-commits-'));
    engine = await DuckdbEngine.create({ dir, targetFileBytes: 1024 });
  });

  afterEach(async () => {
    await engine.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('shows each publish as a commit of the tables it wrote, newest first', async () => {
    await publishRun(dir, 'r1', { goldRows: 3, appended: 5 });
    await publishRun(dir, 'r2', { goldRows: 4 });

    const gold = await commits('gold', 'gold_payment_mix');
    expect(gold).toEqual([
      {
        hash: 'r2',
        message:
          'Pipeline run r2 published 3 tables; gold.gold_payment_mix has 4 rows',
        author: 'scout pipeline',
        committedAt: expect.any(Date),
      },
      {
        hash: 'r1',
        message:
          'Pipeline run r1 published 4 tables; gold.gold_payment_mix has 3 rows',
        author: 'scout pipeline',
        committedAt: expect.any(Date),
      },
    ]);
    expect(gold[0].committedAt!.getTime()).toBeGreaterThanOrEqual(
      gold[1].committedAt!.getTime(),
    );
    // r2 appended nothing to bronze: only r1 touched it.
    expect(
      (await commits('bronze', 'transactions')).map(c => [c.hash, c.message]),
    ).toEqual([
      [
        'r1',
        'Pipeline run r1 published 4 tables; bronze.transactions has 5 rows',
      ],
    ]);
    expect(
      await engine.listCommits({
        namespace: 'gold',
        table: 'gold_payment_mix',
        limit: 1,
      }),
    ).toHaveLength(1);
    expect((await engine.listRefs())[0]).toEqual({
      name: 'main',
      type: 'BRANCH',
      hash: 'r2',
    });
  });

  it("gives a failed run's folder main's commits from before it began", async () => {
    await publishRun(dir, 'r1', { goldRows: 3 });
    const failed = new DuckdbTarget(undefined as never, dir);
    await failed.begin('r2');
    await failed.abandon();

    expect((await commits('gold', 'gold_payment_mix', 'run-r2'))[0].hash).toBe(
      'r1',
    );
    expect((await engine.listRefs()).map(r => [r.name, r.hash])).toEqual([
      ['main', 'r1'],
      ['run-r2', null],
    ]);
  });

  it('has no commits before the first publish, and skips a torn line', async () => {
    await writeParquet(join(await mkdirp(dir, 'gold'), 'gold_x.parquet'), 1);
    expect(await commits('gold', 'gold_x')).toEqual([]);
    expect((await engine.listRefs())[0].hash).toBeNull();

    await appendFile(join(dir, '_commits.jsonl'), '{"runId":"r0","tab');
    await publishRun(dir, 'r1', { goldRows: 1 });
    expect(
      (await commits('gold', 'gold_payment_mix')).map(c => c.hash),
    ).toEqual(['r1']);
  });

  it('answers 404 for commits of a table or reference that does not exist', async () => {
    await publishRun(dir, 'r1', { goldRows: 1 });
    await expect(commits('gold', 'gold_nope')).rejects.toMatchObject({
      name: 'NotFoundError',
    });
    await expect(
      commits('gold', 'gold_payment_mix', 'run-missing'),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
  });
});

async function mkdirp(dir: string, name: string) {
  await mkdir(join(dir, name), { recursive: true });
  return join(dir, name);
}
