import { LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import {
  createLakehouseTarget,
  LakehouseStack,
  PipelineRun,
  repositoryRoot,
  RunStore,
  runPipeline,
  ScoutDatabase,
} from '@internal/backstage-plugin-scout-node';
import { ScoutConfig } from '../config';

/**
 * The lakehouse pipeline as the backend runs it: on the scheduler and on
 * request, one run at a time, over the data plane's own database.
 */
export class LakehousePipeline {
  #running?: Promise<PipelineRun>;

  constructor(
    private readonly db: ScoutDatabase,
    private readonly stack: LakehouseStack,
    private readonly dbt: ScoutConfig['pipeline']['dbt'],
    private readonly logger: LoggerService,
  ) {}

  /** Runs the pipeline now; refuses while a run is going. */
  async run(trigger: string): Promise<PipelineRun> {
    if (this.#running) {
      throw new ConflictError('a pipeline run is already in progress');
    }
    this.#running = this.#run(trigger).finally(() => {
      this.#running = undefined;
    });
    return this.#running;
  }

  runs(limit: number): Promise<PipelineRun[]> {
    return new RunStore(this.db).list({ limit });
  }

  async #run(trigger: string): Promise<PipelineRun> {
    const target = createLakehouseTarget({
      engine: this.stack.engine,
      db: this.db,
      stack: this.stack,
    });
    const { run } = await runPipeline({
      db: this.db,
      target,
      trigger,
      repoRoot: repositoryRoot(),
      dbt: this.dbt,
      // dbt's per-node lines are debug detail; the outcome is logged below.
      log: line =>
        line.startsWith('dbt | ')
          ? this.logger.debug(line)
          : this.logger.info(`pipeline: ${line}`),
    });
    if (run.status === 'failed') {
      this.logger.warn(`pipeline run ${run.runId} failed: ${run.error}`);
    }
    return run;
  }
}
