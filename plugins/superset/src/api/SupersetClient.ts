import type { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { DefaultApiClient } from '@internal/backstage-plugin-superset-common';
import type { SupersetApi } from './SupersetApi';
import {
  generatedClientOptions,
  BackendRequestError,
  readJson,
} from '@internal/backstage-plugin-scout-react';

/**
 * The generated OpenAPI client (it resolves `plugin://superset` through the
 * discovery API and sends the user's token through the fetch API), with
 * failures turned into {@link BackendRequestError}s.
 */
export class SupersetClient implements SupersetApi {
  readonly #client: DefaultApiClient;

  static create(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    return new SupersetClient(
      new DefaultApiClient(generatedClientOptions(options)),
    );
  }

  private constructor(client: DefaultApiClient) {
    this.#client = client;
  }

  async listDashboards() {
    return readJson(this.#client.listDashboards({}));
  }

  async createGuestToken(slug: string) {
    return readJson(this.#client.createGuestToken({ path: { slug } }));
  }
}
