import { LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import { EventsService } from '@backstage/plugin-events-node';
import {
  asRole,
  createLakehouseTarget,
  LakehouseStack,
  PIPELINE_RUN_TOPIC,
  PipelineRun,
  PipelineRunEventPayload,
  runArtifactsDir,
  repositoryRoot,
  RunStore,
  runPipeline,
  ScoutDatabase,
} from '@internal/backstage-plugin-scout-node';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ScoutConfig } from '../config';

const IN_PROGRESS = 'a pipeline run is already in progress';

/** A run with every dbt test it ran, failures first. */
export type PipelineRunDetail = NonNullable<
  Awaited<ReturnType<RunStore['get']>>
>;

/** A run that has started: the run as recorded, and its end. */
export type StartedRun = {
  /** The run, `running`. */
  run: PipelineRun;
  /** Resolves with the run once it is published or failed. */
  done: Promise<PipelineRun>;
};

/**
 * The lakehouse pipeline as the backend runs it: on the scheduler and on
 * request, one run at a time, over the data plane's own database. Each run
 * that ends is announced on the events service (PIPELINE_RUN_TOPIC).
 */
export class LakehousePipeline {
  readonly #databaseUrl: string | undefined;
  readonly #db: ScoutDatabase;
  readonly #stack: LakehouseStack;
  readonly #dbt: ScoutConfig['pipeline']['dbt'];
  readonly #logger: LoggerService;
  readonly #events: EventsService;
  readonly #onEnd: (outcome: 'published' | 'failed') => void;
  // Runs are written by the schema's owner (they write bronze too) and read
  // as service_role, the role the table's policy admits.
  readonly #reader: RunStore;
  #running?: Promise<unknown>;

  constructor(options: {
    db: ScoutDatabase;
    stack: LakehouseStack;
    dbt: ScoutConfig['pipeline']['dbt'];
    logger: LoggerService;
    events: EventsService;
    /**
     * The scout database's postgres:// URL, for the expectations step
     * (Great Expectations connects itself); without one (PGlite) the step
     * is skipped and says why.
     */
    databaseUrl?: string;
    /** Told how each run of this backend ended (the pipeline metrics). */
    onEnd?: (outcome: 'published' | 'failed') => void;
  }) {
    this.#onEnd = options.onEnd ?? (() => {});
    this.#db = options.db;
    this.#databaseUrl = options.databaseUrl;
    this.#stack = options.stack;
    this.#dbt = options.dbt;
    this.#logger = options.logger;
    this.#events = options.events;
    this.#reader = new RunStore(
      asRole(options.db, { role: 'service_role', sub: 'plugin:scout' }),
    );
  }

  /**
   * Starts a run and resolves once it is recorded `running`; the run goes
   * on in the background. Throws ConflictError while another run (this
   * backend's, or one from the CLI) is in progress.
   */
  async start(trigger: string, startedBy?: string): Promise<StartedRun> {
    if (this.#running) throw new ConflictError(IN_PROGRESS);
    let recorded = false;
    let started: (run: PipelineRun) => void = () => {};
    const onStart = new Promise<PipelineRun>(resolve => {
      started = run => {
        recorded = true;
        resolve(run);
      };
    });
    // Set before the first await, so a second request sees it.
    const done = this.#run(trigger, startedBy, started);
    this.#running = done
      .catch(error => {
        // Before the run was recorded, the caller hears of it below.
        if (recorded) {
          this.#onEnd('failed');
          this.#logger.error(
            'pipeline run ended in an error it could not record',
            error,
          );
        }
      })
      .finally(() => {
        this.#running = undefined;
      });
    const run = await Promise.race([onStart, done]);
    return { run, done };
  }

  /**
   * For the scheduler: runs the pipeline to its end, or, while another run
   * is in progress, skips this turn with a log line.
   */
  async runToEnd(trigger: string): Promise<PipelineRun | undefined> {
    try {
      const { done } = await this.start(trigger);
      return await done;
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      this.#logger.info(`pipeline: ${trigger} run skipped: ${error.message}`);
      return undefined;
    }
  }

  /** Newest first, at most `limit`, optionally only those with `status`. */
  runs(limit: number, status?: PipelineRun['status']): Promise<PipelineRun[]> {
    return this.#reader.list({ limit, status });
  }

  /** One run with its steps and tests; NotFoundError for an unknown id. */
  async run(runId: string): Promise<PipelineRunDetail> {
    const run = await this.#reader.get(runId);
    if (!run) throw new NotFoundError(`no pipeline run ${runId}`);
    return run;
  }

  async #run(
    trigger: string,
    startedBy: string | undefined,
    onStart: (run: PipelineRun) => void,
  ): Promise<PipelineRun> {
    // A run from the CLI counts too; the database refuses a second one
    // anyway, but this names the first.
    const running = await this.#reader.running();
    if (running) {
      throw new ConflictError(
        `${IN_PROGRESS} (${running.runId}, started ${running.startedAt})`,
      );
    }
    const target = createLakehouseTarget({
      engine: this.#stack.engine,
      db: this.#db,
      stack: this.#stack,
    });
    const { run } = await runPipeline({
      db: this.#db,
      target,
      trigger,
      startedBy,
      repoRoot: repositoryRoot(),
      dbt: this.#dbt,
      databaseUrl: this.#databaseUrl,
      onStart,
      // dbt's per-node lines are debug detail; the outcome is logged below.
      log: line =>
        line.startsWith('dbt | ')
          ? this.#logger.debug(line)
          : this.#logger.info(`pipeline: ${line}`),
    });
    if (run.status === 'failed') {
      this.#logger.warn(`pipeline run ${run.runId} failed: ${run.error}`);
    }
    this.#onEnd(run.status === 'published' ? 'published' : 'failed');
    await this.#announce(run);
    return run;
  }

  /** Tells subscribers the run ended; a failure to tell is only logged. */
  async #announce(run: PipelineRun) {
    const eventPayload: PipelineRunEventPayload = {
      runId: run.runId,
      engine: run.engine,
      status: run.status === 'published' ? 'published' : 'failed',
      finishedAt: run.finishedAt ?? new Date().toISOString(),
      dbtProjectDir: this.#dbt.projectDir,
      ...(await runArtifacts(run.runId)),
      ...(Object.keys(run.rows).length ? { rows: run.rows } : {}),
    };
    try {
      await this.#events.publish({ topic: PIPELINE_RUN_TOPIC, eventPayload });
    } catch (error) {
      this.#logger.warn(
        `could not announce the end of pipeline run ${run.runId} on ${PIPELINE_RUN_TOPIC}: ${error}`,
      );
    }
  }
}

/** The run's dbt and expectations artifacts that exist on disk. */
async function runArtifacts(
  runId: string,
): Promise<Pick<PipelineRunEventPayload, 'artifactsDir' | 'expectationsPath'>> {
  const dir = runArtifactsDir(repositoryRoot(), runId);
  const dbt = join(dir, 'dbt');
  const expectations = join(dir, 'gx/results.json');
  return {
    ...(existsSync(join(dbt, 'manifest.json')) ? { artifactsDir: dbt } : {}),
    ...(existsSync(expectations) ? { expectationsPath: expectations } : {}),
  };
}
