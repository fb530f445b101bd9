import type { FetchApi } from '@backstage/frontend-plugin-api';
import { LakehouseError } from '../../api';

/** What the portal shows of a finished pipeline run. */
export type PipelineRunOutcome = {
  runId: string;
  status: string;
  error: string | null;
};

/**
 * Runs the scout pipeline now (`POST /api/scout/pipeline/runs`). The backend
 * answers when the run ends, 1-3 minutes on Trino; a refusal (403), or a
 * run already going (409), carries the backend's message.
 */
export async function runPipeline(
  fetchApi: FetchApi,
): Promise<PipelineRunOutcome> {
  let response: Response;
  try {
    response = await fetchApi.fetch('plugin://scout/pipeline/runs', {
      method: 'POST',
    });
  } catch (error) {
    throw new LakehouseError({
      name: 'NetworkError',
      message: `The portal backend did not answer: ${(error as Error).message}`,
      status: 0,
    });
  }
  if (!response.ok) throw await LakehouseError.fromResponse(response);
  const { run } = (await response.json()) as { run: PipelineRunOutcome };
  return { runId: run.runId, status: run.status, error: run.error ?? null };
}
