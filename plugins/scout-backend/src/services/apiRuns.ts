import { PipelineRun } from '@internal/backstage-plugin-scout-node';
import type {
  PipelineRun as ApiPipelineRun,
  PipelineRunDetail as ApiPipelineRunDetail,
  RunTest,
} from '../schema/openapi/generated/models';

const date = (iso: string | null) => (iso === null ? null : new Date(iso));

/**
 * A recorded run as the API types it: its times as Dates, which JSON
 * writes back as the same ISO 8601 strings.
 */
export function toApiRun(run: PipelineRun): ApiPipelineRun {
  return {
    ...run,
    startedAt: new Date(run.startedAt),
    finishedAt: date(run.finishedAt),
    steps: run.steps.map(step => ({
      ...step,
      startedAt: date(step.startedAt),
      finishedAt: date(step.finishedAt),
    })),
  };
}

/** A run with its tests (failures first, as the store orders them). */
export function toApiRunDetail(
  run: PipelineRun & { tests: RunTest[] },
): ApiPipelineRunDetail {
  return { ...toApiRun(run), tests: run.tests };
}
