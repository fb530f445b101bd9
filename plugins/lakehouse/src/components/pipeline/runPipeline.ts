import type { FetchApi } from '@backstage/frontend-plugin-api';
import { BackendRequestError } from '@internal/backstage-plugin-scout-react';

/** What the portal shows of a run it started. */
export type StartedRun = {
  runId: string;
  /** `running` as the backend answers; the Pipeline page follows it. */
  status: string;
};

/**
 * Starts a scout pipeline run (`POST /api/scout/pipeline/runs`). The backend
 * answers at once (202) with the run, still running. A refusal (403), or a
 * run already going (409), throws a BackendRequestError with the backend's
 * message; no answer at all throws one with status 0.
 */
export async function startPipelineRun(
  fetchApi: FetchApi,
): Promise<StartedRun> {
  let response: Response;
  try {
    response = await fetchApi.fetch('plugin://scout/pipeline/runs', {
      method: 'POST',
    });
  } catch (error) {
    throw new BackendRequestError({
      name: 'NetworkError',
      message: `The portal backend did not answer: ${(error as Error).message}`,
      status: 0,
    });
  }
  if (!response.ok) throw await BackendRequestError.fromResponse(response);
  const { run } = (await response.json()) as { run: StartedRun };
  return { runId: run.runId, status: run.status };
}
