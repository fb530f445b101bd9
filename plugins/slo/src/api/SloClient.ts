import type { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { DefaultApiClient } from '@internal/backstage-plugin-slo-common';
import type { SloApi, SloQuery } from './SloApi';
import {
  generatedClientOptions,
  BackendRequestError,
  readJson,
} from '@internal/backstage-plugin-scout-react';

/**
 * The generated OpenAPI client (it resolves `plugin://slo` through the
 * discovery API and sends the user's token through the fetch API), with
 * failures turned into {@link BackendRequestError}s.
 */
export class SloClient implements SloApi {
  readonly #client: DefaultApiClient;

  static create(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    return new SloClient(new DefaultApiClient(generatedClientOptions(options)));
  }

  private constructor(client: DefaultApiClient) {
    this.#client = client;
  }

  async listSlos(query: SloQuery = {}) {
    return readJson(this.#client.listSlos({ query }));
  }

  async getSloHistory(id: string, days = 30) {
    return readJson(
      this.#client.getSloHistory({ path: { id }, query: { days } }),
    );
  }
}
