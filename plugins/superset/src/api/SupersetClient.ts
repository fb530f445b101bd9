import type { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import {
  DefaultApiClient,
  type TypedResponse,
} from '@internal/backstage-plugin-superset-common';
import type { SupersetApi } from './SupersetApi';
import { SupersetError } from './SupersetError';

/**
 * The generated OpenAPI client (it resolves `plugin://superset` through the
 * discovery API and sends the user's token through the fetch API), with
 * failures turned into {@link SupersetError}s.
 */
export class SupersetClient implements SupersetApi {
  readonly #client: DefaultApiClient;

  static create(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    return new SupersetClient(new DefaultApiClient(options));
  }

  private constructor(client: DefaultApiClient) {
    this.#client = client;
  }

  async listDashboards() {
    return read(this.#client.listDashboards({}));
  }

  async createGuestToken(slug: string) {
    return read(this.#client.createGuestToken({ path: { slug } }));
  }
}

async function read<T>(pending: Promise<TypedResponse<T>>): Promise<T> {
  let response: TypedResponse<T>;
  try {
    response = await pending;
  } catch (e) {
    throw new SupersetError({
      name: 'NetworkError',
      message: `The portal backend could not be reached (${String(e)}).`,
      status: 0,
    });
  }
  if (!response.ok) throw await SupersetError.fromResponse(response);
  return response.json();
}
