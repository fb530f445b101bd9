import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScoutDatabase } from '../db/types';
import { testDatabases } from '../testing/testDatabases';
import { DbtBuildResult, DbtSettings } from './dbt';
import { duck } from './duckdbParquet';
import { DuckdbTarget } from './duckdbTarget';
import { runPipeline } from './runPipeline';
import { PipelineRun } from './types';

jest.setTimeout(120_000);

// The dbt project's bronze entries (bronzeEntries.ts) through real runs:
// the scout database (PGlite, and PostgreSQL when SCOUT_TEST_DATABASE_URL
// is set) into DuckDB's Parquet. dbt is stood in (it reads no entry unless
// a source declares it); it writes the artifacts a published run keeps.
const dbtBuild = async (options: {
  targetPath: string;
}): Promise<DbtBuildResult> => {
  await mkdir(options.targetPath, { recursive: true });
  for (const file of ['manifest.json', 'run_results.json']) {
    await writeFile(join(options.targetPath, file), '{}');
  }
  return {
    ...{ ok: true, exitCode: 0, testsPassed: 0, testsFailed: 0 },
    ...{ seconds: {}, failures: [], tests: [] },
  };
};

// Two bronze entries as a template writes them, over tables that a
// migration would make (source_xid as in migrations/0008).
const ENTRIES = {
  'pos_returns.yml': `table: pos_returns
from: pos_returns
mode: append
columns:
  - { name: return_id, type: varchar }
  - { name: amount, type: "decimal(12, 2)" }
  - { name: occurred_at, type: timestamp(6) with time zone }
  - { name: source_xid, type: bigint }
`,
  'store_notes.yml': `table: store_notes
from: notes
mode: replace
columns:
  - { name: store_id, type: varchar }
  - { name: date, type: date }
`,
};
const ENTRY_TABLES = `
  create table scout.pos_returns (
    return_id text primary key,
    amount numeric(12, 2) not null,
    occurred_at timestamptz not null,
    source_xid bigint not null default (pg_current_xact_id()::text::bigint));
  create table scout.notes (store_id text not null, date date not null)`;

/** A dbt project folder with `files` under bronze/. */
async function projectWith(dir: string, files: Record<string, string>) {
  await mkdir(join(dir, 'bronze'), { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    await writeFile(join(dir, 'bronze', name), text);
  }
  return dir;
}

describe.each(testDatabases())(
  'bronze entries in a run on $kind',
  databases => {
    let db: ScoutDatabase;
    let root: string;
    beforeAll(async () => {
      db = await databases.createMigrated();
      root = await mkdtemp(join(tmpdir(), 'scout-entries-'));
    });
    afterAll(async () => {
      await databases.cleanup();
      await rm(root, { recursive: true, force: true });
    }, 60_000);

    const run = async (lakehouse: string, projectDir: string) => {
      const dbt: DbtSettings = {
        executable: 'dbt-is-not-run-here',
        projectDir,
      };
      const { run: ended } = await runPipeline({
        db,
        target: new DuckdbTarget(db, lakehouse),
        trigger: 'test',
        repoRoot: root,
        dbt,
        log: () => {},
        dbtBuild,
        sourceFreshness: async () => [],
      });
      return ended;
    };
    const stepStates = (ended: PipelineRun) =>
      ended.steps.map(step => `${step.name}:${step.status}`);

    it("loads the dbt project's bronze entries: each row once, with its load", async () => {
      const lakehouse = join(root, 'entries');
      const projectDir = await projectWith(join(root, 'project'), ENTRIES);
      await db.query(ENTRY_TABLES);
      const insertReturn = (id: string) =>
        db.query(
          `insert into scout.pos_returns (return_id, amount, occurred_at)
         values ($1, 12.35, '2026-11-19T10:00:00+08')`,
          [id],
        );
      await insertReturn('r-1');
      await db.query(
        `insert into scout.notes values ('ST-NCR-00001', '2026-11-19')`,
      );
      const runOnEntries = () => run(lakehouse, projectDir);
      const bronze = (table: string, columns: string) =>
        duck(
          `select ${columns}, load_id, loaded_at is not null
         from read_parquet('${join(lakehouse, 'bronze', table, '*.parquet')}')
         order by 1`,
        );
      const returns = () =>
        bronze(
          'pos_returns',
          `return_id, amount::varchar, epoch(occurred_at)::bigint, source_xid > 0`,
        );
      const occurredAt = Date.parse('2026-11-19T10:00:00+08:00') / 1000;

      // No transaction arrives in these runs: transactions' watermark stays
      // put, and each entry's own keeps the rows from loading twice.
      const first = await runOnEntries();
      expect(first).toMatchObject({ status: 'published', error: null });
      expect(first.rows).toMatchObject({
        'bronze.pos_returns': 1,
        'bronze.store_notes': 1,
      });
      expect(await returns()).toEqual([
        ['r-1', '12.35', BigInt(occurredAt), true, first.runId, true],
      ]);

      await insertReturn('r-2');
      const second = await runOnEntries();
      expect(second.rows['bronze.pos_returns']).toBe(2);
      expect(await returns()).toEqual([
        ['r-1', '12.35', BigInt(occurredAt), true, first.runId, true],
        ['r-2', '12.35', BigInt(occurredAt), true, second.runId, true],
      ]);
      expect(
        await bronze('store_notes', 'store_id, cast(date as varchar)'),
      ).toEqual([['ST-NCR-00001', '2026-11-19', second.runId, true]]);
    });

    it('fails a run with a bad bronze entry before it promotes or loads anything', async () => {
      const lakehouse = join(root, 'bad-entry');
      const projectDir = await projectWith(join(root, 'bad-project'), {
        'pos_returns.yml': ENTRIES['pos_returns.yml'].replace(
          'type: varchar',
          'type: text',
        ),
      });
      const result = await run(lakehouse, projectDir);
      expect(result).toMatchObject({
        status: 'failed',
        branch: null,
        error: `${join(
          projectDir,
          'bronze/pos_returns.yml',
        )}: columns[0].type: is not a bronze type: use varchar, integer, bigint, double, boolean, date, timestamp(6) with time zone or decimal(p, s)`,
      });
      expect(stepStates(result)).toEqual([
        'promote:skipped',
        'expectations:skipped',
        'branch:skipped',
        'bronze:skipped',
        'freshness:skipped',
        'dbt:skipped',
        'publish:skipped',
        'release:skipped',
      ]);
      expect(existsSync(lakehouse)).toBe(false);
    });
  },
);
