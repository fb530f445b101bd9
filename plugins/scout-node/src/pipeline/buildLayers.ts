import { join } from 'node:path';
import { DbtBuildResult, DbtSettings, runDbtBuild } from './dbt';
import { RunStore } from './runStore';
import { since } from './stepClock';
import type { LakehouseTarget, RunTest } from './types';

/**
 * The dbt step: builds and tests every layer on the run's copy, records the
 * row counts and every test after the run's `expectations`, and throws when
 * a node failed. The step's times go into `timings` before any throw, so a
 * failed run reports them too.
 */
export async function buildLayers(options: {
  target: LakehouseTarget;
  dbt: DbtSettings;
  /** Runs dbt; tests may replace it. Default: `dbt build`. */
  dbtBuild?: typeof runDbtBuild;
  log: (line: string) => void;
  runId: string;
  /** The run's artifacts folder; dbt writes to its dbt/. */
  runDir: string;
  runs: RunStore;
  timings: { dbt: Record<string, number>; dbtTotal: number };
  expectations: RunTest[];
}): Promise<DbtBuildResult> {
  const { target, log, runId, runs, timings, expectations } = options;
  const start = performance.now();
  const { target: dbtTarget, env } = target.dbt();
  const build = await (options.dbtBuild ?? runDbtBuild)({
    dbt: options.dbt,
    target: dbtTarget,
    env,
    targetPath: join(options.runDir, 'dbt'),
    log: line => log(`dbt | ${line}`),
  });
  timings.dbtTotal = since(start);
  timings.dbt = build.seconds;
  await runs.update(runId, {
    rows: await target.countRows(),
    // Every expectation passed, or the run would not have come this far.
    testsPassed: build.testsPassed + expectations.length,
    testsFailed: build.testsFailed,
    tests: [...expectations, ...build.tests],
  });
  if (!build.ok) {
    const failures = build.failures
      .map(f => `${f.node} (${f.status}): ${f.message}`)
      .join('; ');
    throw new Error(
      `dbt build failed, main is unchanged: ${
        failures || `exit code ${build.exitCode}`
      }`,
    );
  }
  return build;
}
