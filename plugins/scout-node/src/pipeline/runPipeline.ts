import type { Sql } from '@internal/backstage-plugin-scout-common';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { promoteBronze } from '../promotion/promoteBronze';
import { publishArtifacts, runArtifactsDir } from './artifacts';
import { readBronzeEntries } from './bronzeEntries';
import { buildLayers } from './buildLayers';
import { DbtSettings, runDbtBuild, runDbtSourceFreshness } from './dbt';
import { developmentExpectations, ExpectationsRunner } from './expectations';
import { expectationsStep, freshnessStep } from './qualitySteps';
import { RunStore } from './runStore';
import { RunSteps } from './runSteps';
import { oldestReceivedAt, settledXid } from './silverRange';
import { since } from './stepClock';
import type {
  LakehouseTarget,
  PipelineRun,
  PipelineRunDetail,
  XidRange,
} from './types';

// Where runs keep their artifacts, for readers of a run's dbt/ and gx/.
export { publishedArtifactsDir, runArtifactsDir } from './artifacts';

export type RunPipelineOptions = {
  /** The scout database: silver is read from it and the run recorded in it. */
  db: Sql;
  target: LakehouseTarget;
  /** Who started the run: cli, schedule, api, test... */
  trigger: string;
  /** The user entity ref of the person who started it, for API runs. */
  startedBy?: string;
  /** Where runs keep their dbt artifacts: <repoRoot>/.scout/pipeline. */
  repoRoot: string;
  /**
   * The dbt that builds the layers; its project's bronze/*.yml name the
   * tables bronze loads beside the built-in ones (bronzeEntries.ts).
   */
  dbt: DbtSettings;
  /** Progress lines. */
  log: (line: string) => void;
  /**
   * Called once the run is recorded `running`, before its first step: the
   * caller may answer with it and let the run go on.
   */
  onStart?: (run: PipelineRun) => void;
  /** Runs dbt; tests may replace it. Default: `dbt build` with `dbt`. */
  dbtBuild?: typeof runDbtBuild;
  /**
   * The scout database's postgres:// URL (scout.database.url), for Great
   * Expectations, which connects on its own. Without one (PGlite) the
   * expectations step is skipped.
   */
  databaseUrl?: string;
  /** Runs the checkpoint; tests may replace it. Default: repoRoot's scripts/gx. */
  expectations?: ExpectationsRunner;
  /** Checks source freshness; tests may replace it. Default: `dbt source freshness`. */
  sourceFreshness?: typeof runDbtSourceFreshness;
};

/** Timings of one run's steps, in seconds. */
export type PipelineTimings = {
  bronzeLoad: number;
  dbt: Record<string, number>;
  dbtTotal: number;
  publish: number;
};

/** `20261127-112233-ab12`: sortable, and safe in branch and catalog names. */
export function newRunId(now = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace('T', '-')
    .slice(0, 15);
  return `${stamp}-${randomBytes(2).toString('hex')}`;
}

/**
 * One write-audit-publish run: read the dbt project's bronze entries (a
 * bad one fails the run before anything moves), promote what bronze holds,
 * check silver's expectations in Postgres, load new silver rows and the
 * entries into bronze on the run's branch, check its freshness
 * (informational), build and test every dbt layer there, and publish to
 * main only if every expectation and test passed. A run that fails before publishing leaves main as it was, keeps
 * its branch (if it opened one) and is recorded `failed`; one that fails
 * after its branch reached main is recorded `published`, with the failure
 * in `error`. Each step is recorded as it starts and ends (see RunSteps),
 * and every dbt test and expectation with the run. Throws only when the run
 * cannot be recorded (another run is in progress, or the database fails).
 */
export async function runPipeline(
  options: RunPipelineOptions,
): Promise<{ run: PipelineRunDetail; timings: PipelineTimings }> {
  const { db, target, trigger, repoRoot, log } = options;
  const runs = new RunStore(db);
  const runId = newRunId();
  await runs.start({
    runId,
    engine: target.engine,
    trigger,
    startedBy: options.startedBy,
  });
  const steps = new RunSteps(current => runs.update(runId, { steps: current }));
  log(`run ${runId} on ${target.engine}`);
  options.onStart?.((await runs.get(runId))!);
  const runDir = runArtifactsDir(repoRoot, runId);
  const timings: PipelineTimings = {
    bronzeLoad: 0,
    dbt: {},
    dbtTotal: 0,
    publish: 0,
  };
  let branch: string | undefined;
  // Set once main holds the run's work: from then on the run is published,
  // whatever fails after.
  let merged = false;
  let freshnessSeconds: number | null = null;
  try {
    // Before anything moves: a bad entry fails the run, naming its file.
    const entries = await readBronzeEntries(options.dbt.projectDir);

    // Every transaction acknowledged before the run reaches silver first, so
    // the run loads it even when background promotion is behind.
    await steps.run(
      'promote',
      () => promoteBronze(db),
      round =>
        `${round.promoted} promoted to silver, ${
          round.quarantined
        } quarantined${round.complete ? '' : '; more wait for the next round'}`,
    );

    // Before the branch: a failure leaves main as it was and opens nothing.
    const expectations = await expectationsStep({
      steps,
      runs,
      runId,
      databaseUrl: options.databaseUrl,
      runner: options.expectations ?? developmentExpectations(repoRoot),
      outDir: join(runDir, 'gx'),
      log,
    });

    branch = await steps.run(
      'branch',
      async () => {
        const name = await target.begin(runId);
        await runs.update(runId, { branch: name });
        return name;
      },
      name =>
        `${
          target.engine === 'trino' ? 'Nessie branch' : 'staging folder'
        } ${name}`,
    );
    log(`branch ${branch}`);

    const loaded = await steps.run(
      'bronze',
      async () => {
        const start = performance.now();
        const range: XidRange = {
          from: await target.nextXid(),
          to: await settledXid(db),
        };
        const oldest = await oldestReceivedAt(db, range);
        const count = await target.loadBronze(range, runId, entries);
        timings.bronzeLoad = since(start);
        await runs.update(runId, { fromXid: range.from, toXid: range.to });
        const line = `${count} new transactions (source_xid ${range.from}..${
          range.to - 1
        }) in ${timings.bronzeLoad.toFixed(1)} s`;
        log(`bronze: ${line}`);
        return { oldest, line };
      },
      ({ line }) => line,
    );

    // On the run's copy, which now holds the new bronze rows.
    await freshnessStep({
      steps,
      check: () =>
        (options.sourceFreshness ?? runDbtSourceFreshness)({
          dbt: options.dbt,
          ...target.dbt(),
          targetPath: join(runDir, 'dbt'),
          log: line => log(`dbt | ${line}`),
        }),
      log,
    });

    const build = await steps.run(
      'dbt',
      () =>
        buildLayers({
          target,
          dbt: options.dbt,
          dbtBuild: options.dbtBuild,
          log,
          runId,
          runDir,
          runs,
          timings,
          expectations,
        }),
      result =>
        `${
          result.testsPassed
        } tests passed, every layer built in ${timings.dbtTotal.toFixed(1)} s`,
    );

    await steps.run(
      'publish',
      async () => {
        const start = performance.now();
        await target.publish();
        merged = true;
        timings.publish = since(start);
      },
      () => `merged into main in ${timings.publish.toFixed(1)} s`,
    );
    freshnessSeconds =
      loaded.oldest === undefined
        ? null
        : (Date.now() - loaded.oldest.getTime()) / 1000;
    await steps.run(
      'release',
      async () => {
        await target.release();
        await publishArtifacts(repoRoot, join(runDir, 'dbt'));
      },
      () => `freed ${branch}; dbt's artifacts are where the portal reads them`,
    );
    await runs.update(runId, {
      status: 'published',
      finishedAt: new Date().toISOString(),
      freshnessSeconds,
      steps: steps.finish(),
    });
    log(
      `published to main: ${build.testsPassed} tests passed${
        freshnessSeconds === null
          ? ''
          : `, oldest new transaction reached gold ${freshnessSeconds.toFixed(
              1,
            )} s after ingest`
      }`,
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (merged) {
      log(`published to main, then failed: ${message}`);
      await runs.update(runId, {
        status: 'published',
        finishedAt: new Date().toISOString(),
        freshnessSeconds,
        error: `published to main, then failed: ${message}`,
        steps: steps.finish(),
      });
    } else {
      log(
        `failed: ${message}${
          branch ? ` (branch ${branch} kept for inspection)` : ''
        }`,
      );
      await target.abandon().catch(cleanup => {
        log(`could not clean up after the run: ${cleanup}`);
      });
      await runs.update(runId, {
        status: 'failed',
        finishedAt: new Date().toISOString(),
        error: message,
        steps: steps.finish(),
      });
    }
  }
  const run = await runs.get(runId);
  return { run: run!, timings };
}
