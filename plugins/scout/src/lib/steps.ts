import type {
  PipelineRun,
  RunStep,
} from '@internal/backstage-plugin-scout-client';

/** The pipeline's steps in the order it takes them (the API's enum order). */
export const STEP_ORDER: RunStep['name'][] = [
  'promote',
  'expectations',
  'branch',
  'bronze',
  'freshness',
  'dbt',
  'publish',
  'release',
];

/** A step as shown: a recorded one, or one a running run has yet to reach. */
export type ShownStep = Omit<RunStep, 'status'> & {
  status: RunStep['status'] | 'pending';
};

/**
 * The run's steps in pipeline order; while it runs, the steps after the
 * last one it recorded follow as `pending`, so the reader sees how far
 * along it is.
 */
export function stepsToShow(run: PipelineRun): ShownStep[] {
  const recorded = [...run.steps].sort(
    (a, b) => STEP_ORDER.indexOf(a.name) - STEP_ORDER.indexOf(b.name),
  );
  if (run.status !== 'running') return recorded;
  const reached = Math.max(
    -1,
    ...recorded.map(s => STEP_ORDER.indexOf(s.name)),
  );
  const pending: ShownStep[] = STEP_ORDER.slice(reached + 1).map(name => ({
    name,
    status: 'pending',
    startedAt: null,
    finishedAt: null,
    detail: null,
  }));
  return [...recorded, ...pending];
}

/** The step a running run is in, if it has recorded one. */
export function currentStep(run: PipelineRun): RunStep | undefined {
  return run.steps.find(s => s.status === 'running');
}

/** What a step does, from the API's description of the step names. */
export const STEP_PURPOSE: Record<RunStep['name'], string> = {
  promote: 'Bronze to silver in PostgreSQL',
  expectations: 'Check silver in PostgreSQL with Great Expectations',
  branch: "Open the run's branch or staging folder",
  bronze: 'Load new silver rows into the lakehouse',
  freshness: 'Report how fresh bronze is (never blocks)',
  dbt: 'Build and test every layer',
  publish: 'Merge to main',
  release: "Free the run's branch or folder",
};
