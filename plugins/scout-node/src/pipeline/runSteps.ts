import type { RunStep, RunStepName } from './types';

/** Every step in the order a run takes them. */
export const RUN_STEPS: readonly RunStepName[] = [
  'promote',
  'expectations',
  'branch',
  'bronze',
  'freshness',
  'dbt',
  'publish',
  'release',
];

/** The most a step's detail holds of an error's first line. */
const MAX_DETAIL = 300;

/** An error as one line: its message's first line, cut at MAX_DETAIL. */
function oneLine(error: unknown): string {
  const [first] = (error instanceof Error ? error.message : String(error))
    .trim()
    .split('\n');
  return first.length > MAX_DETAIL
    ? `${first.slice(0, MAX_DETAIL - 1)}…`
    : first;
}

/**
 * A run's steps as they happen. Each change is handed to `save` (the run's
 * row), so whoever follows the run sees a step when it starts and when it
 * ends.
 */
export class RunSteps {
  readonly #steps: RunStep[] = [];
  readonly #save: (steps: RunStep[]) => Promise<void>;

  constructor(save: (steps: RunStep[]) => Promise<void>) {
    this.#save = save;
  }

  /** The steps so far, in the order taken. */
  get steps(): RunStep[] {
    return this.#steps.map(step => ({ ...step }));
  }

  /**
   * Runs one step: records it running, then `succeeded` with the line
   * `describe` makes of its result, or `failed` with the first line of the
   * error's message (the run's `error` keeps all of it), which it throws on.
   */
  async run<T>(
    name: RunStepName,
    fn: () => Promise<T>,
    describe: (result: T) => string,
  ): Promise<T> {
    const step: RunStep = {
      name,
      status: 'running',
      startedAt: new Date().toISOString(),
      finishedAt: null,
      detail: null,
    };
    this.#steps.push(step);
    await this.#save(this.steps);
    let result: T;
    try {
      result = await fn();
    } catch (error) {
      await this.#end(step, 'failed', oneLine(error));
      throw error;
    }
    await this.#end(step, 'succeeded', describe(result));
    return result;
  }

  /** Records a step the run passes over on purpose, with why in `detail`. */
  async skip(name: RunStepName, detail: string): Promise<void> {
    this.#steps.push({
      name,
      status: 'skipped',
      startedAt: null,
      finishedAt: null,
      detail,
    });
    await this.#save(this.steps);
  }

  /**
   * Once the run has ended: every step it did not reach is `skipped`.
   * Returns the final steps, for the caller to save with the run's outcome.
   */
  finish(): RunStep[] {
    const taken = new Set(this.#steps.map(step => step.name));
    for (const name of RUN_STEPS.filter(n => !taken.has(n))) {
      this.#steps.push({
        name,
        status: 'skipped',
        startedAt: null,
        finishedAt: null,
        detail: null,
      });
    }
    return this.steps;
  }

  async #end(step: RunStep, status: RunStep['status'], detail: string) {
    step.status = status;
    step.finishedAt = new Date().toISOString();
    step.detail = detail;
    await this.#save(this.steps);
  }
}
