import type { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import {
  DefaultApiClient,
  type TypedResponse,
} from '@internal/backstage-plugin-lineage-common';
import type { LineageApi, SearchQuery } from './LineageApi';
import { LineageError } from './LineageError';

/**
 * The generated OpenAPI client (it resolves `plugin://lineage` through the
 * discovery API and sends the user's token through the fetch API), with
 * failures turned into {@link LineageError}s.
 */
export class LineageClient implements LineageApi {
  readonly #client: DefaultApiClient;

  static create(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    return new LineageClient(new DefaultApiClient(options));
  }

  private constructor(client: DefaultApiClient) {
    this.#client = client;
  }

  async getLineage(nodeId: string, depth: number) {
    const query = { nodeId, depth };
    return (await read(this.#client.getLineage({ query }))).graph;
  }

  async getColumnLineage(fieldNodeId: string, depth: number) {
    const query = { nodeId: fieldNodeId, depth, withDownstream: true };
    return (await read(this.#client.getColumnLineage({ query }))).graph;
  }

  async search(query: SearchQuery) {
    return read(this.#client.search({ query }));
  }

  async getImpact(nodeId: string) {
    return read(this.#client.getImpact({ query: { nodeId } }));
  }
}

async function read<T>(pending: Promise<TypedResponse<T>>): Promise<T> {
  let response: TypedResponse<T>;
  try {
    response = await pending;
  } catch (e) {
    throw new LineageError({
      name: 'NetworkError',
      message: `The portal backend could not be reached (${String(e)}).`,
      status: 0,
    });
  }
  if (!response.ok) throw await LineageError.fromResponse(response);
  return response.json();
}
