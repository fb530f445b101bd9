import type { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import {
  DefaultApiClient,
  type TypedResponse,
} from '@internal/backstage-plugin-slo-common';
import type { SloApi, SloQuery } from './SloApi';
import { SloError } from './SloError';

/**
 * The generated OpenAPI client (it resolves `plugin://slo` through the
 * discovery API and sends the user's token through the fetch API), with
 * failures turned into {@link SloError}s.
 */
export class SloClient implements SloApi {
  readonly #client: DefaultApiClient;

  static create(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    return new SloClient(new DefaultApiClient(options));
  }

  private constructor(client: DefaultApiClient) {
    this.#client = client;
  }

  async listSlos(query: SloQuery = {}) {
    return read(this.#client.listSlos({ query }));
  }

  async getSloHistory(id: string, days = 30) {
    return read(this.#client.getSloHistory({ path: { id }, query: { days } }));
  }
}

async function read<T>(pending: Promise<TypedResponse<T>>): Promise<T> {
  let response: TypedResponse<T>;
  try {
    response = await pending;
  } catch (e) {
    throw new SloError({
      name: 'NetworkError',
      message: `The portal backend could not be reached (${String(e)}).`,
      status: 0,
    });
  }
  if (!response.ok) throw await SloError.fromResponse(response);
  return response.json();
}
