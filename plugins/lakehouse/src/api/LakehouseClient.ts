import type { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import {
  DefaultApiClient,
  type DiffRefs,
  type TypedResponse,
} from '@internal/backstage-plugin-lakehouse-common';
import type { LakehouseApi, PreviewQuery, TableRef } from './LakehouseApi';
import { LakehouseError } from './LakehouseError';

/**
 * The generated OpenAPI client (which resolves `plugin://lakehouse` through
 * the discovery API and sends the user's token through the fetch API), with
 * responses checked and unwrapped.
 */
export class LakehouseClient implements LakehouseApi {
  readonly #client: DefaultApiClient;

  static create(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    return new LakehouseClient(new DefaultApiClient(options));
  }

  private constructor(client: DefaultApiClient) {
    this.#client = client;
  }

  async listCatalogs() {
    return (await read(this.#client.listCatalogs({}))).items;
  }

  async listNamespaces(catalog: string) {
    return (await read(this.#client.listNamespaces({ path: { catalog } })))
      .items;
  }

  async listTables(catalog: string, namespace: string) {
    const path = { catalog, namespace };
    return (await read(this.#client.listTables({ path }))).items;
  }

  async getTable(table: TableRef) {
    return read(this.#client.getTable({ path: table }));
  }

  async listSnapshots(table: TableRef) {
    return (await read(this.#client.listSnapshots({ path: table }))).items;
  }

  async listPartitions(table: TableRef) {
    return read(this.#client.listPartitions({ path: table }));
  }

  async listTableCommits(table: TableRef, ref?: string) {
    const query = { ref, limit: 50 };
    return (await read(this.#client.listTableCommits({ path: table, query })))
      .items;
  }

  async previewTable(table: TableRef, query: PreviewQuery) {
    return read(this.#client.previewTable({ path: table, query }));
  }

  async listRefs(catalog: string) {
    return (await read(this.#client.listRefs({ path: { catalog } }))).items;
  }

  async diffRefs(catalog: string, from: string, to: string) {
    // The generator renames the `from` parameter to `_from` but its URI
    // template still expands `from`, so the query carries both names.
    const query: DiffRefs['query'] & { from: string } = {
      _from: from,
      from,
      to,
    };
    return (await read(this.#client.diffRefs({ path: { catalog }, query })))
      .items;
  }
}

async function read<T>(pending: Promise<TypedResponse<T>>): Promise<T> {
  let response: TypedResponse<T>;
  try {
    response = await pending;
  } catch (e) {
    throw new LakehouseError({
      name: 'NetworkError',
      message: `The portal backend could not be reached (${String(e)}).`,
      status: 0,
    });
  }
  if (!response.ok) {
    throw await LakehouseError.fromResponse(response);
  }
  return response.json();
}
