import { LoggerService } from '@backstage/backend-plugin-api';
import {
  ForwardedError,
  ResponseError,
  ServiceUnavailableError,
  toError,
} from '@backstage/errors';
import {
  DefaultApiClient,
  TypedResponse,
} from '@internal/backstage-plugin-lakehouse-common';
import { LakehouseTable } from './tableEntity';

// Unreachable and 503 both mean the lakehouse is not there right now, so both
// become ServiceUnavailableError, which the provider tells apart from a broken
// answer.
async function call<T>(request: () => Promise<TypedResponse<T>>): Promise<T> {
  let response: TypedResponse<T>;
  try {
    response = await request();
  } catch (error) {
    throw new ServiceUnavailableError(
      'The lakehouse backend is unreachable',
      error,
    );
  }
  if (!response.ok) {
    // The cause is the backend's own error, deserialized from the body.
    const { cause } = await ResponseError.fromResponse(response);
    const message = `The lakehouse backend answered ${response.status} to ${response.url}`;
    if (response.status === 503) {
      throw new ServiceUnavailableError(message, cause);
    }
    throw new ForwardedError(message, cause);
  }
  return response.json();
}

/**
 * Every table of every catalog the lakehouse backend serves. The first
 * catalog it lists is the default one. Any failed listing fails the whole
 * read: a partial list would remove the missing tables from the catalog.
 */
export async function readLakehouseTables(options: {
  client: DefaultApiClient;
  token: string;
  logger: LoggerService;
}): Promise<LakehouseTable[]> {
  const { client, logger } = options;
  const auth = { token: options.token };
  const { items: catalogs } = await call(() => client.listCatalogs({}, auth));
  const tables: LakehouseTable[] = [];
  for (const [index, { name: catalog, engine }] of catalogs.entries()) {
    const { items: namespaces } = await call(() =>
      client.listNamespaces({ path: { catalog } }, auth),
    );
    for (const { name: namespace } of namespaces) {
      const { items } = await call(() =>
        client.listTables({ path: { catalog, namespace } }, auth),
      );
      for (const { name } of items) {
        const path = { catalog, namespace, table: name };
        let description: string | null = null;
        try {
          ({ description } = await call(() => client.getTable({ path }, auth)));
        } catch (error) {
          // Without its detail a table still gets an entity, with a
          // generated description; an unavailable lakehouse stops the read.
          if (error instanceof ServiceUnavailableError) throw error;
          logger.warn(
            `No detail for lakehouse table ${catalog}/${namespace}/${name}: ${
              toError(error).message
            }`,
          );
        }
        tables.push({
          catalog,
          defaultCatalog: index === 0,
          engine,
          namespace,
          name,
          description,
        });
      }
    }
  }
  return tables;
}
