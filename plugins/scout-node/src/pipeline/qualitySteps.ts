import type { runDbtSourceFreshness, SourceFreshness } from './dbt';
import {
  ExpectationsRunner,
  expectationFailures,
  expectationTests,
} from './expectations';
import type { RunStore } from './runStore';
import type { RunSteps } from './runSteps';
import type { RunTest } from './types';

/**
 * The expectations step: the Great Expectations checkpoint over Postgres
 * silver, before the run opens a branch. Records every expectation with the
 * run, and throws, naming table, column and expectation, when one failed.
 * Skipped without a database URL (PGlite, which GX cannot reach). Returns
 * the expectations, for the dbt step to record beside its tests.
 */
export async function expectationsStep(options: {
  steps: RunSteps;
  runs: RunStore;
  runId: string;
  databaseUrl?: string;
  runner: ExpectationsRunner;
  /** Where results.json and validation.json go: <run dir>/gx. */
  outDir: string;
  log: (line: string) => void;
}): Promise<RunTest[]> {
  const { steps, runs, runId, databaseUrl, runner, outDir, log } = options;
  if (!databaseUrl) {
    await steps.skip(
      'expectations',
      'not checked: Great Expectations needs a PostgreSQL URL (scout.database.url), and the run has none',
    );
    return [];
  }
  return steps.run(
    'expectations',
    async () => {
      const results = await runner({
        databaseUrl,
        outDir,
        log: line => log(`gx | ${line}`),
      });
      const tests = expectationTests(results);
      await runs.update(runId, {
        tests,
        testsPassed: tests.filter(t => t.status === 'pass').length,
        testsFailed: tests.filter(t => t.status !== 'pass').length,
      });
      const failed = expectationFailures(results);
      if (failed) {
        throw new Error(`expectations failed, main is unchanged: ${failed}`);
      }
      return tests;
    },
    tests => `${tests.length} expectations passed`,
  );
}

/** `3 min`, `2 h`: an age as a reader takes it in. */
function age(seconds: number): string {
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min`;
  if (seconds < 48 * 3600) return `${Math.round(seconds / 3600)} h`;
  return `${Math.round(seconds / 86400)} days`;
}

/** `bronze.transactions: pass, newest row 3 min old`, one per source. */
export function describeFreshness(sources: SourceFreshness[]): string {
  if (sources.length === 0) return 'no source declares a freshness';
  const detail = (s: SourceFreshness) => {
    if (s.empty) return ', no rows yet';
    return s.ageSeconds === null ? '' : `, newest row ${age(s.ageSeconds)} old`;
  };
  return sources.map(s => `${s.source}: ${s.status}${detail(s)}`).join('; ');
}

/**
 * The freshness step: `dbt source freshness` on the run's copy. It only
 * informs: a stale source, or a check that cannot run, never fails the run.
 */
export async function freshnessStep(options: {
  steps: RunSteps;
  check: () => ReturnType<typeof runDbtSourceFreshness>;
  log: (line: string) => void;
}): Promise<void> {
  await options.steps.run(
    'freshness',
    async () => {
      try {
        return describeFreshness(await options.check());
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        options.log(`source freshness not checked: ${message}`);
        return `not checked: ${message.split('\n')[0].slice(0, 200)}`;
      }
    },
    line => line,
  );
}
