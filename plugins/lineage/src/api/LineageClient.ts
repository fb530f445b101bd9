import type { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { DefaultApiClient } from '@internal/backstage-plugin-lineage-common';
import type { LineageApi, SearchQuery } from './LineageApi';
import {
  generatedClientOptions,
  BackendRequestError,
  readJson,
} from '@internal/backstage-plugin-scout-react';

/**
 * The generated OpenAPI client (it resolves `plugin://lineage` through the
 * discovery API and sends the user's token through the fetch API), with
 * failures turned into {@link BackendRequestError}s.
 */
export class LineageClient implements LineageApi {
  readonly #client: DefaultApiClient;

  static create(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    return new LineageClient(
      new DefaultApiClient(generatedClientOptions(options)),
    );
  }

  private constructor(client: DefaultApiClient) {
    this.#client = client;
  }

  async getLineage(nodeId: string, depth: number) {
    const query = { nodeId, depth };
    return (await readJson(this.#client.getLineage({ query }))).graph;
  }

  async getColumnLineage(fieldNodeId: string, depth: number) {
    const query = { nodeId: fieldNodeId, depth, withDownstream: true };
    return (await readJson(this.#client.getColumnLineage({ query }))).graph;
  }

  async search(query: SearchQuery) {
    return readJson(this.#client.search({ query }));
  }

  async getRecentlyWritten(limit: number) {
    const query = { limit };
    return (await readJson(this.#client.getRecentlyWritten({ query }))).items;
  }

  async getImpact(nodeId: string) {
    return readJson(this.#client.getImpact({ query: { nodeId } }));
  }
}
