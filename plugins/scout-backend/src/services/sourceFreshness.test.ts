import { mockServices } from '@backstage/backend-test-utils';
import type { ScoutDatabase } from '@internal/backstage-plugin-scout-node';
import { testDatabases } from '@internal/backstage-plugin-scout-node/testing';
import { mkdtempSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GoldFreshness } from './goldFreshness';
import { PipelineMetrics } from './pipelineMetrics';
import { SourceFreshness } from './sourceFreshness';

// Each bronze entry's freshness on main, against a real database: entries
// as the "New data pipeline" template writes them, runs as the pipeline
// records them (the bronze tables it loaded are keys of `rows`).

const T1 = Date.parse('2026-11-20T01:00:00Z') / 1000;
const T2 = Date.parse('2026-11-20T02:00:00Z') / 1000;
const STARTED = Date.parse('2026-11-20T03:00:00Z') / 1000;

const VISITS = `table: store_visits
from: bronze_store_visits
mode: append
columns:
  - { name: visit_id, type: varchar }
  - { name: received_at, type: timestamp(6) with time zone }
  - { name: source_xid, type: bigint }
freshness: received_at
`;
// The same table without a freshness column: nothing dates its rows.
const UNDATED = VISITS.replace('table: store_visits', 'table: undated').replace(
  'freshness: received_at\n',
  '',
);
const NOTES =
  'table: store_notes\nfrom: notes\nmode: replace\ncolumns: [{ name: note, type: varchar }]\n';

async function project(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'scout-source-freshness-'));
  await mkdir(join(dir, 'bronze'));
  for (const [name, text] of Object.entries(files)) {
    await writeFile(join(dir, 'bronze', `${name}.yml`), text);
  }
  return dir;
}

describe.each(testDatabases())('source freshness on $kind', databases => {
  jest.setTimeout(120_000);
  afterAll(() => databases.cleanup(), 60_000);
  let db: ScoutDatabase;
  let runs = 0;
  beforeEach(async () => {
    db = await databases.createMigrated();
    await db.query(`
      create table scout.bronze_store_visits (
        visit_id text not null,
        received_at timestamptz not null,
        source_xid bigint not null default (pg_current_xact_id()::text::bigint));
      create table scout.notes (note text not null);
      -- As the template's migration grants it (the read runs as service_role).
      grant select on scout.bronze_store_visits to service_role`);
  });

  const visit = (at: number) =>
    db.query(
      `insert into scout.bronze_store_visits values ($1, to_timestamp($2))`,
      [`v${at}`, at],
    );
  /** A published run of `engine` that reached every row so far and loaded `tables`. */
  const published = (tables: string[], engine = 'duckdb') =>
    db.query(
      `insert into scout.pipeline_runs
         (run_id, engine, trigger, status, started_at, finished_at, to_xid, rows)
       values ($1, $2, 'test', 'published', to_timestamp($3), now(),
         pg_current_xact_id()::text::bigint, $4::jsonb)`,
      [
        `run-${++runs}`,
        engine,
        STARTED + runs,
        JSON.stringify(Object.fromEntries(tables.map(t => [`bronze.${t}`, 1]))),
      ],
    );
  const freshness = (projectDir: string, logger = mockServices.logger.mock()) =>
    new SourceFreshness({
      db,
      engine: 'duckdb',
      projectDir,
      maxAgeMs: 0,
      logger,
    });

  it('dates an append entry by its newest published row and a replace entry by its run, and only from runs that loaded them', async () => {
    const sources = freshness(
      await project({
        store_visits: VISITS,
        undated: UNDATED,
        store_notes: NOTES,
      }),
    );
    await visit(T1);
    expect(await sources.read()).toEqual({});
    // Runs that did not load the entries, or of the other engine.
    await published([]);
    await published(['store_visits', 'store_notes'], 'trino');
    expect(await sources.read()).toEqual({});

    await published(['store_visits', 'undated', 'store_notes']);
    const notesRun = STARTED + runs;
    expect(await sources.read()).toEqual({
      store_visits: T1,
      store_notes: notesRun,
    });
    // A newer row is not on main until a run publishes it.
    await visit(T2);
    expect(await sources.read()).toMatchObject({ store_visits: T1 });
    await published(['store_visits']);
    expect(await sources.read()).toEqual({
      store_visits: T2,
      store_notes: notesRun,
    });
    // A run that loaded nothing new keeps the newest row it holds.
    await published(['store_visits']);
    expect(await sources.read()).toMatchObject({ store_visits: T2 });
  });

  it('leaves out an entry whose table it cannot read, logged once, and reads it again once it can', async () => {
    const logger = mockServices.logger.mock();
    const sources = freshness(
      await project({ store_visits: VISITS, store_notes: NOTES }),
      logger,
    );
    await visit(T1);
    await published(['store_visits', 'store_notes']);
    await db.query('alter table scout.bronze_store_visits rename to away');
    const notes = { store_notes: STARTED + runs };
    expect(await sources.read()).toEqual(notes);
    expect(await sources.read()).toEqual(notes);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn.mock.calls[0][0]).toMatch(
      /^cannot read the freshness of bronze\.store_visits from scout\.bronze_store_visits/,
    );
    await db.query('alter table scout.away rename to bronze_store_visits');
    expect(await sources.read()).toEqual({ ...notes, store_visits: T1 });
    expect(logger.info).toHaveBeenCalledWith(
      'freshness of bronze.store_visits readable again',
    );
  });

  it('serves one series per entry at /metrics, and none while an entry file is bad', async () => {
    const logger = mockServices.logger.mock();
    const projectDir = await project({ store_visits: VISITS });
    const metrics = new PipelineMetrics({
      freshness: new GoldFreshness({ db, engine: 'duckdb', maxAgeMs: 0 }),
      sources: freshness(projectDir, logger),
      logger,
    });
    const series = async () =>
      (await metrics.registry.getSingleMetricAsString(
        'scout_bronze_newest_row_timestamp_seconds',
      ))!
        .split('\n')
        .filter(line => !line.startsWith('#'));
    await visit(T1);
    await published(['store_visits']);
    expect(await series()).toEqual([
      `scout_bronze_newest_row_timestamp_seconds{table="store_visits"} ${T1}`,
    ]);
    await writeFile(join(projectDir, 'bronze/bad.yml'), 'table: [bad');
    expect(await series()).toEqual([]);
    expect(logger.warn.mock.calls[0][0]).toMatch(
      /^cannot read the bronze entries for \/metrics; .*bad\.yml: \(top level\): not valid YAML/,
    );
    await rm(join(projectDir, 'bronze/bad.yml'));
    expect(await series()).toHaveLength(1);
    expect(logger.info).toHaveBeenCalledWith('bronze entries readable again');
  });
});
