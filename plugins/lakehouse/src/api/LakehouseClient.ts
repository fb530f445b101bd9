import type { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import {
  DefaultApiClient,
  type DiffRefs,
} from '@internal/backstage-plugin-lakehouse-common';
import type { LakehouseApi, PreviewQuery, TableRef } from './LakehouseApi';
import {
  generatedClientOptions,
  readJson,
} from '@internal/backstage-plugin-scout-react';

/**
 * The generated OpenAPI client (which resolves `plugin://lakehouse` through
 * the discovery API and sends the user's token through the fetch API), with
 * responses checked and unwrapped.
 */
export class LakehouseClient implements LakehouseApi {
  readonly #client: DefaultApiClient;

  static create(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    return new LakehouseClient(
      new DefaultApiClient(generatedClientOptions(options)),
    );
  }

  private constructor(client: DefaultApiClient) {
    this.#client = client;
  }

  async listCatalogs() {
    return (await readJson(this.#client.listCatalogs({}))).items;
  }

  async listNamespaces(catalog: string) {
    return (await readJson(this.#client.listNamespaces({ path: { catalog } })))
      .items;
  }

  async listTables(catalog: string, namespace: string) {
    const path = { catalog, namespace };
    return (await readJson(this.#client.listTables({ path }))).items;
  }

  async getTable(table: TableRef) {
    return readJson(this.#client.getTable({ path: table }));
  }

  async listSnapshots(table: TableRef) {
    return (await readJson(this.#client.listSnapshots({ path: table }))).items;
  }

  async listPartitions(table: TableRef) {
    return readJson(this.#client.listPartitions({ path: table }));
  }

  async listTableCommits(table: TableRef, ref?: string) {
    const query = { ref, limit: 50 };
    return (
      await readJson(this.#client.listTableCommits({ path: table, query }))
    ).items;
  }

  async previewTable(table: TableRef, query: PreviewQuery) {
    return readJson(this.#client.previewTable({ path: table, query }));
  }

  async listRefs(catalog: string) {
    return (await readJson(this.#client.listRefs({ path: { catalog } }))).items;
  }

  async diffRefs(catalog: string, from: string, to: string) {
    // The generator renames the `from` parameter to `_from` but its URI
    // template still expands `from`, so the query carries both names.
    const query: DiffRefs['query'] & { from: string } = {
      _from: from,
      from,
      to,
    };
    return (await readJson(this.#client.diffRefs({ path: { catalog }, query })))
      .items;
  }
}
