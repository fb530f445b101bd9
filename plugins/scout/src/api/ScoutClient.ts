import type { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import {
  DefaultApiClient,
  type PipelineOverview,
  type PipelineRun,
} from '@internal/backstage-plugin-scout-client';
import type { ScoutApi } from './ScoutApi';
import {
  generatedClientOptions,
  readJson,
} from '@internal/backstage-plugin-scout-react';

/**
 * The generated OpenAPI client (which resolves `plugin://scout` through the
 * discovery API and sends the user's token through the fetch API), with
 * responses checked and unwrapped.
 */
export class ScoutClient implements ScoutApi {
  readonly #client: DefaultApiClient;
  /** The overview request in flight, which every caller meanwhile shares. */
  #overview?: Promise<PipelineOverview>;

  static create(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    return new ScoutClient(
      new DefaultApiClient(generatedClientOptions(options)),
    );
  }

  private constructor(client: DefaultApiClient) {
    this.#client = client;
  }

  async listRuns(
    options: { limit?: number; status?: PipelineRun['status'] } = {},
  ) {
    return (await readJson(this.#client.listPipelineRuns({ query: options })))
      .runs;
  }

  async getRun(runId: string) {
    return (await readJson(this.#client.getPipelineRun({ path: { runId } })))
      .run;
  }

  async startRun() {
    return (await readJson(this.#client.startPipelineRun({}))).run;
  }

  /**
   * The home page's cards ask for the overview at the same moment: they
   * share one request (the backend computes it from several queries).
   * Once it settles, the next call asks again.
   */
  getOverview() {
    this.#overview ??= readJson(this.#client.getPipelineOverview({})).finally(
      () => {
        this.#overview = undefined;
      },
    );
    return this.#overview;
  }

  async getIngestSummary(hours: number) {
    return readJson(this.#client.getIngestSummary({ query: { hours } }));
  }
}
