import type { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import {
  DefaultApiClient,
  type PipelineRun,
  type TypedResponse,
} from '@internal/backstage-plugin-scout-client';
import type { ScoutApi } from './ScoutApi';
import { ScoutError } from './ScoutError';

/**
 * The generated OpenAPI client (which resolves `plugin://scout` through the
 * discovery API and sends the user's token through the fetch API), with
 * responses checked and unwrapped.
 */
export class ScoutClient implements ScoutApi {
  readonly #client: DefaultApiClient;

  static create(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    return new ScoutClient(new DefaultApiClient(options));
  }

  private constructor(client: DefaultApiClient) {
    this.#client = client;
  }

  async listRuns(
    options: { limit?: number; status?: PipelineRun['status'] } = {},
  ) {
    return (await read(this.#client.listPipelineRuns({ query: options }))).runs;
  }

  async getRun(runId: string) {
    return (await read(this.#client.getPipelineRun({ path: { runId } }))).run;
  }

  async startRun() {
    return (await read(this.#client.startPipelineRun({}))).run;
  }

  async getOverview() {
    return read(this.#client.getPipelineOverview({}));
  }

  async getIngestSummary(hours: number) {
    return read(this.#client.getIngestSummary({ query: { hours } }));
  }
}

async function read<T>(pending: Promise<TypedResponse<T>>): Promise<T> {
  let response: TypedResponse<T>;
  try {
    response = await pending;
  } catch (e) {
    throw new ScoutError({
      name: 'NetworkError',
      message: `The portal backend could not be reached (${String(e)}).`,
      status: 0,
    });
  }
  if (!response.ok) {
    throw await ScoutError.fromResponse(response);
  }
  return response.json();
}
